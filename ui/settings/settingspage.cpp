#include "settingspage.h"

#include "schedulerulemodel.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

SettingsPage::SettingsPage(const QString &databaseLocation, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildNotifications());
    layout->addWidget(buildSchedule(), 1);
    layout->addWidget(buildDatabase(databaseLocation));
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
        connect(box, &QCheckBox::toggled, this, [key](bool on) { ConsoleSettings::setValue(key, on); });
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
    return group;
}
