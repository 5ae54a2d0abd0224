#include "settingspage.h"

#include "schedulerulemodel.h"
#include "settings.h"
#include "translations.h"
#include "webhooklistener.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

SettingsPage::SettingsPage(const QString &databaseLocation, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildNotifications());
    layout->addWidget(buildSchedule(), 1);
    auto *row = new QHBoxLayout;
    row->addWidget(buildLanguage());
    row->addWidget(buildInbox(), 1);
    row->addWidget(buildWebhooks(), 1);
    layout->addLayout(row);
    layout->addWidget(buildDatabase(databaseLocation));
}

QString SettingsPage::inboxFolderKey()
{
    return Settings::storageName(SettingKey::InboxFolder);
}

QString SettingsPage::inboxFolder()
{
    return Settings().value(SettingKey::InboxFolder).toString();
}

void SettingsPage::setInboxFolder(const QString &folder)
{
    const QString path = folder.trimmed();
    if (m_inbox->text() != path)
        m_inbox->setText(path);
    if (path == inboxFolder())
        return;
    Settings().setValue(SettingKey::InboxFolder, path);
    Q_EMIT inboxFolderChanged(path);
}

// The language names stay in their own language, so a user lost in a foreign UI finds theirs.
QWidget *SettingsPage::buildLanguage()
{
    auto *group = new QGroupBox(tr("Language"), this);
    auto *column = new QVBoxLayout(group);
    m_language = new QComboBox(group);
    m_language->setObjectName(u"language"_s);
    m_language->addItem(tr("System language"), QString());
    for (const QString &code : Translations::availableLanguages())
        m_language->addItem(Translations::nativeName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Translations::chosenLanguage())));
    // Saved here too, so that a page shown without the console around it remembers the choice.
    connect(m_language, &QComboBox::activated, this, [this](int index) {
        const QString code = m_language->itemData(index).toString();
        Translations::setChosenLanguage(code);
        Q_EMIT languageChosen(code);
    });
    column->addWidget(m_language);
    return group;
}

// Daily reports saved into this folder are imported on their own while the console runs.
QWidget *SettingsPage::buildInbox()
{
    auto *group = new QGroupBox(tr("Inbox folder"), this);
    auto *column = new QVBoxLayout(group);
    auto *explanation = new QLabel(tr("Spreadsheets saved into this folder are imported while Quaywatch runs; "
                                      "each file then moves to processed/ or rejected/ with its errors."),
                                   group);
    explanation->setWordWrap(true);
    auto *row = new QHBoxLayout;
    m_inbox = new QLineEdit(inboxFolder(), group);
    m_inbox->setObjectName(u"inboxFolder"_s);
    m_inbox->setPlaceholderText(tr("No folder: nothing is imported automatically"));
    m_inbox->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Choose…"), group);
    connect(browse, &QPushButton::clicked, this, &SettingsPage::chooseInboxFolder);
    connect(m_inbox, &QLineEdit::editingFinished, this, [this] { setInboxFolder(m_inbox->text()); });
    row->addWidget(m_inbox, 1);
    row->addWidget(browse);
    column->addWidget(explanation);
    column->addLayout(row);
    return group;
}

QString SettingsPage::webhookListenKey()
{
    return Settings::storageName(SettingKey::WebhookListen);
}

QString SettingsPage::webhookListen()
{
    return Settings().value(SettingKey::WebhookListen).toString();
}

bool SettingsPage::setWebhookListen(const QString &spec)
{
    const QString trimmed = spec.trimmed();
    if (m_webhookListen->text() != trimmed)
        m_webhookListen->setText(trimmed);
    const Result<WebhookListenerConfig> config = WebhookListenerConfig::fromListenSpec(trimmed);
    m_webhookProblem->setText(config ? QString() : config.error().message);
    m_webhookProblem->setVisible(!config);
    if (!config || trimmed == webhookListen())
        return bool(config);
    Settings().setValue(SettingKey::WebhookListen, trimmed);
    Q_EMIT webhookListenChanged(trimmed);
    return true;
}

QWidget *SettingsPage::buildWebhooks()
{
    auto *group = new QGroupBox(tr("Webhooks"), this);
    auto *column = new QVBoxLayout(group);
    auto *explanation = new QLabel(tr("Push-style providers call Quaywatch back at this address and port. It "
                                      "listens once the company has a webhook subscription (and so a token) or a "
                                      "provider's signing key."),
                                   group);
    explanation->setWordWrap(true);
    m_webhookListen = new QLineEdit(webhookListen(), group);
    m_webhookListen->setObjectName(u"webhookListen"_s);
    m_webhookListen->setPlaceholderText(tr("[address:]port, e.g. 127.0.0.1:8787"));
    m_webhookProblem = new QLabel(group);
    m_webhookProblem->setObjectName(u"webhookListenProblem"_s);
    m_webhookProblem->setWordWrap(true);
    m_webhookProblem->setStyleSheet(u"color: #c62828"_s);
    m_webhookProblem->hide();
    connect(m_webhookListen, &QLineEdit::editingFinished, this, [this] { setWebhookListen(m_webhookListen->text()); });
    column->addWidget(explanation);
    column->addWidget(m_webhookListen);
    column->addWidget(m_webhookProblem);
    return group;
}

void SettingsPage::chooseInboxFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Inbox folder"), m_inbox->text());
    if (!folder.isEmpty())
        setInboxFolder(folder);
}

QWidget *SettingsPage::buildNotifications()
{
    auto *group = new QGroupBox(tr("Notifications"), this);
    auto *column = new QVBoxLayout(group);
    const QList<QPair<ConsoleSettings::Key, QString>> switches = {
        {ConsoleSettings::Key::NotifyHoldReleased, tr("When a hold is released")},
        {ConsoleSettings::Key::NotifyAvailable, tr("When a container becomes available for pickup")},
        {ConsoleSettings::Key::NotifyLfdTomorrow, tr("When a container's last free day is tomorrow (once a day)")},
        {ConsoleSettings::Key::TrayMessages, tr("Also show them as desktop notifications (system tray)")},
    };
    for (const auto &[key, text] : switches) {
        auto *box = new QCheckBox(text, group);
        box->setObjectName(ConsoleSettings::name(key));
        box->setChecked(ConsoleSettings::isOn(key));
        connect(box, &QCheckBox::toggled, this, [key = key](bool on) { ConsoleSettings::setValue(key, on); });
        column->addWidget(box);
        m_switches.insert(key, box);
    }
    return group;
}

QWidget *SettingsPage::buildSchedule()
{
    auto *group = new QGroupBox(tr("Tracing schedule"), this);
    auto *column = new QVBoxLayout(group);
    auto *explanation =
        new QLabel(tr("How often containers are traced, by their last known state. The first rule that applies "
                      "wins. \"Trace now\" in the watchlist traces at once regardless."),
                   group);
    explanation->setWordWrap(true);
    m_scheduleModel = new ScheduleRuleModel(this);
    m_schedule = new QTableView(group);
    m_schedule->setModel(m_scheduleModel);
    m_schedule->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_schedule->setSelectionMode(QAbstractItemView::NoSelection);
    m_schedule->verticalHeader()->hide();
    m_schedule->horizontalHeader()->setSectionResizeMode(ScheduleRuleModel::DescriptionColumn, QHeaderView::Stretch);
    m_schedule->resizeColumnsToContents();
    column->addWidget(explanation);
    column->addWidget(m_schedule, 1);
    return group;
}

QWidget *SettingsPage::buildDatabase(const QString &location)
{
    auto *group = new QGroupBox(tr("Database"), this);
    auto *column = new QVBoxLayout(group);
    m_database = new QLabel(location.isEmpty() ? tr("Unknown") : location, group);
    m_database->setObjectName(u"databaseLocation"_s);
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *hint = new QLabel(tr("Start Quaywatch with --db to use another database."), group);
    hint->setEnabled(false);
    column->addWidget(m_database);
    column->addWidget(hint);
    m_viewOnly =
        new QCheckBox(tr("View only: this console never syncs (the workers on the shared database do)"), group);
    m_viewOnly->setObjectName(u"viewOnly"_s);
    connect(m_viewOnly, &QCheckBox::toggled, this, [this](bool on) {
        Settings().setValue(SettingKey::ConsoleViewOnly, on ? u"on"_s : u"off"_s);
        Q_EMIT viewOnlyChanged(on);
    });
    column->addWidget(m_viewOnly);
    return group;
}

void SettingsPage::setViewOnly(bool viewOnly)
{
    const QSignalBlocker blocker(m_viewOnly);
    m_viewOnly->setChecked(viewOnly);
}
