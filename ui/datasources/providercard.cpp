#include "providercard.h"

#include "outboxstatusview.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QLabel *wrappedLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Catalog texts are translated in the context "ProviderCatalog" (translations/catalogstrings.h).
QString catalogText(const QString &text)
{
    return text.isEmpty() ? text : QCoreApplication::translate("ProviderCatalog", text.toUtf8().constData());
}

QString shortTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : ProviderCard::tr("never");
}

} // namespace

ProviderCard::ProviderCard(const CatalogProvider &provider, bool canVerify, QWidget *parent)
    : QFrame(parent), m_provider(provider), m_canVerify(canVerify)
{
    setObjectName(u"card_"_s % provider.id);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(provider.displayName);
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *name = wrappedLabel(provider.displayName, this, u"name"_s);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    m_badge = new QLabel(this);
    m_badge->setObjectName(u"statusBadge"_s);
    header->addWidget(name, 1);
    header->addWidget(m_badge);
    layout->addLayout(header);
    layout->addWidget(wrappedLabel(catalogText(provider.description), this, u"description"_s));
    layout->addWidget(wrappedLabel(tr("Authentication: %1").arg(authTypeLabel(provider.authType)), this, u"auth"_s));
    m_identifier = wrappedLabel(QString(), this, u"identifier"_s);
    m_times = wrappedLabel(QString(), this, u"times"_s);
    m_problem = wrappedLabel(QString(), this, u"problem"_s);
    m_problem->setStyleSheet(u"color: #a61b1b;"_s);
    layout->addWidget(m_identifier);
    layout->addWidget(m_times);
    layout->addWidget(m_problem);
    // An outbound destination (a TMS) receives changes; it is never a source to sync from.
    const bool outbound = provider.workflow == "outbound_push"_L1;
    if (outbound)
        layout->addWidget(
            wrappedLabel(tr("Outbound: Quaywatch sends container changes here"), this, u"outboundNote"_s));
    else if (!provider.dataSyncImplemented)
        layout->addWidget(wrappedLabel(tr("Data sync not available yet"), this, u"syncNote"_s));
    if (outbound) {
        m_outbox = new OutboxStatusView(this);
        layout->addWidget(m_outbox);
    }

    auto *buttons = new QHBoxLayout;
    m_connect = new QPushButton(tr("Connect"), this);
    m_disconnect = new QPushButton(tr("Disconnect"), this);
    m_verify = new QPushButton(outbound ? tr("Test connection") : tr("Verify"), this);
    m_sync = new QPushButton(tr("Sync now"), this);
    m_sync->setVisible(!outbound);
    const QList<std::pair<QPushButton *, QString>> named{{m_connect, u"connectButton"_s},
                                                         {m_disconnect, u"disconnectButton"_s},
                                                         {m_verify, u"verifyButton"_s},
                                                         {m_sync, u"syncButton"_s}};
    for (const auto &[button, objectName] : named) {
        button->setObjectName(objectName);
        button->setAccessibleDescription(provider.displayName);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_connect, &QPushButton::clicked, this, [this] { Q_EMIT connectRequested(m_provider.id); });
    connect(m_disconnect, &QPushButton::clicked, this, [this] { Q_EMIT disconnectRequested(m_provider.id); });
    connect(m_verify, &QPushButton::clicked, this, [this] { Q_EMIT verifyRequested(m_provider.id); });
    connect(m_sync, &QPushButton::clicked, this, [this] { Q_EMIT syncRequested(m_provider.id); });
    setConnection(std::nullopt, false);
}

QString ProviderCard::authTypeLabel(const QString &authType)
{
    static const QHash<QString, const char *> labels{
        {u"user_password"_s, QT_TR_NOOP("Username/Password")},
        {u"uuid_token"_s, QT_TR_NOOP("UUID/Token")},
        {u"oauth2_client_credentials"_s, QT_TR_NOOP("OAuth 2 (client credentials) + subscription key")},
        {u"oauth2_password"_s, QT_TR_NOOP("OAuth 2 (password grant) + API key")},
        {u"client_id_secret"_s, QT_TR_NOOP("Client ID/Secret")},
        {u"key_secret"_s, QT_TR_NOOP("Key/Secret")},
        {u"api_key_sender_signature"_s, QT_TR_NOOP("API key + sender + signature")},
        {u"api_key"_s, QT_TR_NOOP("API key")},
        {u"authorization_sid"_s, QT_TR_NOOP("Authorization + SID")},
        {u"authorization"_s, QT_TR_NOOP("Authorization")},
        {u"subscription_key"_s, QT_TR_NOOP("Subscription key")},
        {u"account_user_password_fleet"_s, QT_TR_NOOP("Account + user + password + fleet code")},
        {u"none"_s, QT_TR_NOOP("None (no credentials needed)")},
    };
    const char *label = labels.value(authType);
    return label ? tr(label) : authType;
}

void ProviderCard::setBadge(const QString &text, const QString &colour)
{
    m_badge->setText(text);
    m_badge->setStyleSheet(
        u"QLabel { color: white; background: %1; border-radius: 6px; padding: 2px 8px; }"_s.arg(colour));
    m_badge->setAccessibleName(tr("Status: %1").arg(text));
}

void ProviderCard::setConnection(const std::optional<ConnectionRecord> &record, bool verifying, const QString &advice)
{
    const bool connected = record.has_value();
    const QString status = verifying ? u"verifying"_s : (connected ? record->status : u"not_connected"_s);
    m_problem->clear();
    if (status == "verifying"_L1) {
        setBadge(tr("Verifying"), u"#1f6fb2"_s);
    } else if (status == "connected"_L1) {
        setBadge(tr("Connected"), u"#2e7d32"_s);
        if (!m_canVerify)
            m_problem->setText(tr("Credentials saved; not verified (no verification API documented)."));
        else if (!record->lastError.isEmpty())
            m_problem->setText(record->lastError);
    } else if (status == "error"_L1) {
        // The saved credentials do not work: that is the card's state, not a note under "Connected".
        setBadge(tr("Error"), u"#c62828"_s);
        m_problem->setText(advice.isEmpty() ? record->lastError : QString(record->lastError % u"\n\n"_s % advice));
    } else {
        setBadge(tr("Not connected"), u"#757575"_s);
    }
    const QString identifier = connected ? record->identifier() : QString();
    m_identifier->setText(identifier.isEmpty()   ? QString()
                          : status == "error"_L1 ? tr("Saved account: %1 (not working)").arg(identifier)
                                                 : tr("Connected as: %1").arg(identifier));
    m_identifier->setVisible(!identifier.isEmpty());
    QString times = connected ? tr("Last verification: %1 · Last sync: %2")
                                    .arg(shortTime(record->lastVerifiedAt), shortTime(record->lastSyncAt))
                              : QString();
    // A provider that answered Retry-After is left alone until then; the card says until when.
    if (connected && record->waitUntil.isValid())
        times += u'\n' + tr("The provider asked to wait: next attempt %1").arg(shortTime(record->waitUntil));
    m_times->setText(times);
    m_times->setVisible(connected);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_connect->setText(connected ? tr("Update") : tr("Connect"));
    m_disconnect->setEnabled(connected && !verifying);
    m_verify->setEnabled(connected && !verifying);
    m_sync->setEnabled(connected && m_provider.dataSyncImplemented);
    m_sync->setToolTip(m_provider.dataSyncImplemented ? QString() : tr("Data sync not available yet"));
}

QString ProviderCard::statusText() const
{
    return m_badge->text();
}

QString ProviderCard::identifierText() const
{
    return m_identifier->isHidden() ? QString() : m_identifier->text();
}

QString ProviderCard::timesText() const
{
    return m_times->isHidden() ? QString() : m_times->text();
}

QString ProviderCard::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool ProviderCard::matches(const QString &filter) const
{
    const QString needle = filter.trimmed();
    if (needle.isEmpty())
        return true;
    const QStringList texts{m_provider.displayName,
                            m_provider.id,
                            m_provider.region,
                            m_provider.area,
                            m_provider.description,
                            catalogText(m_provider.region),
                            catalogText(m_provider.area),
                            catalogText(m_provider.description)};
    return std::any_of(texts.cbegin(), texts.cend(),
                       [&needle](const QString &text) { return text.contains(needle, Qt::CaseInsensitive); });
}
