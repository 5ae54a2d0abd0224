#include "newsubscriptiondialog.h"

#include "subscriptionservice.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

NewSubscriptionDialog::NewSubscriptionDialog(const SubscriptionService *service, QWidget *parent)
    : QDialog(parent), m_service(service), m_options(service->subscriptionOptions()),
      m_v1(new QRadioButton(tr("v&1 (one event type)"), this)),
      m_v2(new QRadioButton(tr("v&2 (several event types or all)"), this)), m_numbers(new QPlainTextEdit(this)),
      m_booking(new QCheckBox(tr("These are &booking numbers"), this)),
      m_allEvents(new QCheckBox(tr("&All event types"), this)), m_events(new QListWidget(this)),
      m_port(new QComboBox(this)), m_category(new QComboBox(this)), m_facility(new QLineEdit(this)),
      m_webhook(new QRadioButton(tr("&Webhook"), this)), m_email(new QRadioButton(tr("E-&mail"), this)),
      m_uri(new QLineEdit(this)), m_token(new QLineEdit(this)), m_emails(new QLineEdit(this)),
      m_reference(new QLineEdit(this)), m_referenceCount(new QLabel(this)), m_problemsLabel(new QLabel(this))
{
    const CatalogProvider *provider = service->subscribingEntry();
    setWindowTitle(tr("New %1 subscription").arg(provider ? provider->displayName : QString()));
    m_v2->setChecked(true);
    m_numbers->setPlaceholderText(tr("Type or paste container or booking numbers, one per line or separated by "
                                     "commas. More than 10 are sent in several requests."));
    m_numbers->setTabChangesFocus(true);
    m_port->addItems(m_options.portCodes);
    m_category->addItems(m_options.categoryCodes);
    m_facility->setPlaceholderText(tr("Only with GATEIN or GATEOUT and one port"));
    m_reference->setPlaceholderText(tr("At most %1 characters").arg(m_options.maxReferenceLength));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel->setStyleSheet(u"color: #b00020;"_s);
    m_problemsLabel->setAccessibleName(tr("Problems"));
    m_problemsLabel->hide();

    auto *apiRow = new QHBoxLayout;
    apiRow->addWidget(m_v1);
    apiRow->addWidget(m_v2);
    apiRow->addStretch();
    auto *referenceRow = new QHBoxLayout;
    referenceRow->addWidget(m_reference, 1);
    referenceRow->addWidget(m_referenceCount);

    auto *form = new QFormLayout;
    form->addRow(tr("API version:"), apiRow);
    form->addRow(tr("&Numbers:"), m_numbers);
    form->addRow(QString(), m_booking);
    form->addRow(tr("Event types:"), buildEventsBox());
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Facility:"), m_facility);
    form->addRow(tr("Callbacks:"), buildCallbackBox());
    form->addRow(tr("&Reference:"), referenceRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Subscribe"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewSubscriptionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewSubscriptionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(buttons);

    connect(m_v1, &QRadioButton::toggled, this, &NewSubscriptionDialog::updateEnabled);
    connect(m_allEvents, &QCheckBox::toggled, this, &NewSubscriptionDialog::updateEnabled);
    connect(m_webhook, &QRadioButton::toggled, this, &NewSubscriptionDialog::updateEnabled);
    connect(m_reference, &QLineEdit::textChanged, this, &NewSubscriptionDialog::updateEnabled);
    updateEnabled();
}

QWidget *NewSubscriptionDialog::buildEventsBox()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_allEvents->setChecked(true);
    for (const QString &code : std::as_const(m_options.eventCodes)) {
        auto *item = new QListWidgetItem(code, m_events);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    m_events->setAccessibleName(tr("Event types"));
    m_events->setMaximumHeight(140);
    layout->addWidget(m_allEvents);
    layout->addWidget(m_events);
    return box;
}

QWidget *NewSubscriptionDialog::buildCallbackBox()
{
    auto *box = new QWidget(this);
    auto *group = new QButtonGroup(box);
    group->addButton(m_webhook);
    group->addButton(m_email);
    m_webhook->setChecked(true);
    m_uri->setPlaceholderText(tr("https://host%1").arg(m_service->webhookPath()));
    m_uri->setAccessibleName(tr("Webhook URI"));
    m_token->setEchoMode(QLineEdit::Password); // write-only: typed once, never shown back
    m_token->setPlaceholderText(tr("Token the callbacks must carry"));
    m_token->setAccessibleName(tr("Webhook token"));
    m_emails->setPlaceholderText(tr("ops@example.com, planner@example.com"));
    m_emails->setAccessibleName(tr("E-mail addresses"));
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_webhook);
    form->addRow(tr("&URI:"), m_uri);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(m_email);
    form->addRow(tr("&Addresses:"), m_emails);
    return box;
}

void NewSubscriptionDialog::updateEnabled()
{
    const bool webhook = m_webhook->isChecked();
    m_uri->setEnabled(webhook);
    m_token->setEnabled(webhook);
    m_emails->setEnabled(!webhook);
    m_events->setEnabled(!m_allEvents->isChecked() || m_v1->isChecked());
    const qsizetype length = m_reference->text().size();
    m_referenceCount->setText(tr("%1/%2").arg(length).arg(m_options.maxReferenceLength));
}

QStringList NewSubscriptionDialog::problems() const
{
    return m_service->validate(request());
}

SubscriptionRequest NewSubscriptionDialog::request() const
{
    SubscriptionRequest request;
    request.apiVersion = m_v1->isChecked() ? 1 : 2;
    // Sent as typed; the service records the upper-case form callbacks are matched by.
    QStringList numbers = splitList(m_numbers->toPlainText());
    numbers.removeDuplicates();
    (m_booking->isChecked() ? request.bookingNumbers : request.containerNumbers) = numbers;
    if (m_allEvents->isChecked() && !m_v1->isChecked()) {
        request.eventCodes = {u"ALL"_s};
    } else {
        for (int i = 0; i < m_events->count(); ++i) {
            if (m_events->item(i)->checkState() == Qt::Checked)
                request.eventCodes.append(m_events->item(i)->text());
        }
        if (m_allEvents->isChecked() && m_v1->isChecked())
            request.eventCodes.prepend(u"ALL"_s); // the request rules say ALL needs v2
    }
    request.port = m_port->currentText().trimmed().toUpper();
    request.category = m_category->currentText().trimmed().toUpper();
    request.facility = m_facility->text().trimmed().toUpper();
    if (m_webhook->isChecked()) {
        request.callbackUri = m_uri->text().trimmed();
        request.callbackToken = m_token->text().trimmed();
    } else {
        request.emails = splitList(m_emails->text());
    }
    request.reference = m_reference->text();
    return request;
}

void NewSubscriptionDialog::accept()
{
    const QStringList found = problems();
    if (!found.isEmpty()) {
        m_problemsLabel->setText(found.join(u'\n'));
        m_problemsLabel->show();
        return;
    }
    m_problemsLabel->hide();
    QDialog::accept();
}
