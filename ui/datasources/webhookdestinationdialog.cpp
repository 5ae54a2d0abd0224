#include "webhookdestinationdialog.h"

#include "consolebackend.h"
#include "eventcode.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

WebhookDestinationDialog::WebhookDestinationDialog(ConsoleBackend *backend, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_name(new QLineEdit(this)), m_url(new QLineEdit(this)),
      m_all(new QRadioButton(tr("All events"), this)), m_some(new QRadioButton(tr("Only these events:"), this)),
      m_events(new QListWidget(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"webhookDestinationDialog"_s);
    setWindowTitle(tr("Add webhook destination"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Quaywatch sends each change of your containers to this address as signed JSON. "
                                "A signing secret is made for it and shown once, for the receiver."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. warehouse"));
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setPlaceholderText(u"https://example.com/quaywatch"_s);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Address (https):"), m_url);
    layout->addLayout(form);
    m_all->setObjectName(u"allEvents"_s);
    m_some->setObjectName(u"someEvents"_s);
    m_all->setChecked(true);
    layout->addWidget(m_all);
    layout->addWidget(m_some);
    m_events->setObjectName(u"eventList"_s);
    m_events->setAccessibleName(tr("Event codes"));
    for (int i = 0; i <= int(lastEventCode); ++i) {
        auto *item = new QListWidgetItem(eventCodeName(EventCode(i)), m_events);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_events->setEnabled(false);
    layout->addWidget(m_events);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(u"color: #a61b1b;"_s);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_some, &QRadioButton::toggled, m_events, &QListWidget::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WebhookDestinationDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString WebhookDestinationDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void WebhookDestinationDialog::save()
{
    NewWebhookDestination wanted;
    wanted.name = m_name->text().trimmed();
    wanted.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    if (m_some->isChecked()) {
        for (int i = 0; i < m_events->count(); ++i) {
            if (m_events->item(i)->checkState() == Qt::Checked)
                wanted.eventCodes.append(m_events->item(i)->text());
        }
        if (wanted.eventCodes.isEmpty()) {
            m_error->setText(tr("Tick at least one event, or choose All events."));
            m_error->show();
            return;
        }
    }
    m_error->hide();
    m_buttons->setEnabled(false);
    QPointer<WebhookDestinationDialog> self(this);
    m_backend->addWebhookDestination(this, wanted, [self, name = wanted.name](Result<QString> secret) {
        if (!self)
            return;
        self->m_buttons->setEnabled(true);
        if (!secret) {
            self->m_error->setText(secret.error().message);
            self->m_error->show();
            return;
        }
        // The secret dialog belongs to the page: this dialog is gone once accepted.
        auto *shown = new SigningSecretDialog(name, secret.value(), self->parentWidget());
        shown->setAttribute(Qt::WA_DeleteOnClose);
        Q_EMIT self->destinationAdded(name);
        self->accept();
        shown->open();
    });
}

SigningSecretDialog::SigningSecretDialog(const QString &destination, const QString &secret, QWidget *parent)
    : QDialog(parent), m_secret(new QLineEdit(secret, this)),
      m_notice(new QLabel(tr("Give this signing secret to the receiver of %1 now, so that it can check the "
                             "Quaywatch-Signature header. It will not be shown again: Quaywatch keeps it only in "
                             "the keychain.")
                              .arg(destination),
                          this))
{
    setObjectName(u"signingSecretDialog"_s);
    setWindowTitle(tr("Signing secret for %1").arg(destination));
    auto *layout = new QVBoxLayout(this);
    m_notice->setObjectName(u"notice"_s);
    m_notice->setWordWrap(true);
    layout->addWidget(m_notice);
    auto *row = new QHBoxLayout;
    m_secret->setObjectName(u"secretField"_s);
    m_secret->setReadOnly(true);
    m_secret->setAccessibleName(tr("Signing secret"));
    QFont mono = m_secret->font();
    mono.setFamily(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_secret->setFont(mono);
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 24);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(u"copyButton"_s);
    row->addWidget(m_secret, 1);
    row->addWidget(copy);
    layout->addLayout(row);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_secret->text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString SigningSecretDialog::secretText() const
{
    return m_secret->text();
}

QString SigningSecretDialog::noticeText() const
{
    return m_notice->text();
}

void SigningSecretDialog::done(int result)
{
    m_secret->clear();
    QDialog::done(result);
}
