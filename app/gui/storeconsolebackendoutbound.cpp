// The console backend's outbound side (issue 17): destinations, their queues and the signing secrets
// of webhook destinations. Split from storeconsolebackend.cpp, which holds the watchlist side.
#include "auditentry.h"
#include "clock.h"
#include "httppolicy.h"
#include "outboundsenders.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "store.h"
#include "storeconsolebackend.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <memory>

using namespace Qt::Literals::StringLiterals;

// ---- Outbound destinations ------------------------------------------------------------------------

namespace {

QString signingSecretKey(const QString &entity, const QString &name)
{
    return SecretStore::key(entity, u"outbound/"_s + name, u"signingSecret"_s);
}

// Answers on the backend's thread after the call returned, and only while the asking widget exists.
template<typename Value>
void answerLater(QObject *backend, QObject *context, std::function<void(Result<Value>)> done, Result<Value> value)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        backend,
        [guard, done = std::move(done), value = std::move(value)]() mutable {
            if (guard)
                done(std::move(value));
        },
        Qt::QueuedConnection);
}

// The name becomes part of a keychain key and a CLI argument: letters, digits and a few separators.
// The catalog's name of a catalog destination (its kind is its catalog id).
QString catalogName(const QString &kind)
{
    const CatalogProvider *entry = ProviderRegistry::builtIn().catalog().provider(kind);
    return entry ? entry->displayName : kind;
}

Result<void> checkDestination(const NewWebhookDestination &wanted)
{
    static const QRegularExpression namePattern(u"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$"_s);
    if (!namePattern.match(wanted.name).hasMatch())
        return makeError(ErrorKind::InvalidInput,
                         QCoreApplication::translate(
                             "StoreConsoleBackend",
                             "Give the destination a name of up to 64 letters, digits, spaces, dots, dashes or "
                             "underscores."));
    if (OutboundSenders::isCatalogKindName(wanted.name))
        return makeError(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("StoreConsoleBackend", "The name \"%1\" belongs to the %2 connection.")
                .arg(wanted.name.toLower(), catalogName(wanted.name.toLower())));
    if (!wanted.url.isValid() || wanted.url.host().isEmpty() ||
        (wanted.url.scheme() != "https"_L1 && wanted.url.scheme() != "http"_L1))
        return makeError(
            ErrorKind::InvalidInput,
            QCoreApplication::translate("StoreConsoleBackend",
                                        "Enter the receiver's full address, e.g. https://example.com/hook."));
    if (Result<void> secure = HttpPolicy::checkTransportSecurity(wanted.url); !secure)
        return makeError(ErrorKind::Insecure,
                         QCoreApplication::translate("StoreConsoleBackend",
                                                     "The address must use https; plain http is only allowed to this "
                                                     "computer (localhost, 127.0.0.1 or ::1)."));
    for (const QString &code : wanted.eventCodes) {
        if (!eventCodeFromName(code))
            return makeError(ErrorKind::InvalidInput,
                             QCoreApplication::translate("StoreConsoleBackend", "Unknown event code %1.").arg(code));
    }
    return {};
}

} // namespace

QString StoreConsoleBackend::generateSigningSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}

void StoreConsoleBackend::audit(const QString &action, bool ok, const QString &detail)
{
    (void)m_store.appendAudit(AuditEntry::make(m_entity, {}, action, ok, detail, m_clock.now()));
}

Result<OutboundDestination> StoreConsoleBackend::destinationNamed(const QString &name)
{
    Result<std::optional<OutboundDestination>> found = m_store.destination(m_entity, name);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorKind::NotFound, tr("There is no outbound destination %1.").arg(name));
    return *found.value();
}

Result<QList<OutboundDestination>> StoreConsoleBackend::outboundDestinations()
{
    return m_store.destinations(m_entity);
}

Result<QList<OutboxSummary>> StoreConsoleBackend::outboxSummaries()
{
    return m_store.outboxSummaries(m_entity);
}

// The secret goes to the keychain first: a destination is never stored without the secret its
// receiver checks. If the store then refuses, the keychain entry is taken back.
void StoreConsoleBackend::addWebhookDestination(QObject *context, const NewWebhookDestination &destination,
                                                SecretDelivery done)
{
    NewWebhookDestination wanted = destination;
    wanted.name = wanted.name.trimmed();
    if (Result<void> checked = checkDestination(wanted); !checked)
        return answerLater<QString>(this, context, std::move(done), checked.error());
    if (!m_secrets)
        return answerLater<QString>(this, context, std::move(done),
                                    makeError(ErrorKind::KeychainUnavailable, tr("No keychain is available.")));
    Result<std::optional<OutboundDestination>> existing = m_store.destination(m_entity, wanted.name);
    if (!existing)
        return answerLater<QString>(this, context, std::move(done), existing.error());
    if (existing->has_value())
        return answerLater<QString>(
            this, context, std::move(done),
            makeError(ErrorKind::InvalidInput, tr("A destination named %1 exists already.").arg(wanted.name)));
    OutboundDestination record;
    record.entity = m_entity;
    record.name = wanted.name;
    record.kind = QString::fromLatin1(Outbound::webhookKind);
    record.url = wanted.url;
    record.eventCodes = wanted.eventCodes;
    record.createdAt = m_clock.now();
    const QString secret = generateSigningSecret();
    const QString key = signingSecretKey(m_entity, wanted.name);
    QPointer<QObject> guard(context);
    QPointer<StoreConsoleBackend> self(this);
    m_secrets->write(key, secret, [self, guard, record, secret, key, done](const Result<void> &written) {
        if (!self)
            return;
        const auto answer = [guard, done](Result<QString> value) {
            if (guard)
                done(std::move(value));
        };
        if (!written) {
            self->audit(u"outbound.add"_s, false, record.name % u": "_s % written.error().message);
            return answer(written.error());
        }
        Result<OutboundDestination> saved = self->m_store.saveDestination(record);
        if (!saved) {
            self->audit(u"outbound.add"_s, false, record.name % u": "_s % saved.error().message);
            self->m_secrets->remove(key, [](const Result<void> &) {});
            return answer(saved.error());
        }
        self->audit(u"outbound.add"_s, true,
                    record.name % u" → "_s % record.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        answer(secret);
    });
}

void StoreConsoleBackend::removeDestination(QObject *context, const QString &name, DoneDelivery done)
{
    Result<OutboundDestination> destination = destinationNamed(name);
    if (destination && destination->kind != QLatin1StringView(Outbound::webhookKind))
        destination = makeError(ErrorKind::InvalidInput,
                                tr("%1 is removed with Disconnect on its card.").arg(catalogName(destination->kind)));
    if (!destination)
        return answerLater<void>(this, context, std::move(done), destination.error());
    Result<void> removed = m_store.removeDestination(m_entity, name);
    audit(u"outbound.remove"_s, removed.ok(), removed ? name : QString(name % u": "_s % removed.error().message));
    if (!removed || !m_secrets)
        return answerLater<void>(this, context, std::move(done), removed);
    QPointer<QObject> guard(context);
    m_secrets->remove(signingSecretKey(m_entity, name), [guard, done](const Result<void> &gone) {
        if (!guard)
            return;
        // An entry that is already gone is what removing wanted.
        if (!gone && gone.error().kind != ErrorKind::NotFound)
            return done(gone.error());
        done(Result<void>());
    });
}

// Test connection: the destination's own sender (providers/outboundsenders.h) with its keychain
// secrets; nothing about containers is sent.
void StoreConsoleBackend::testDestination(QObject *context, const QString &name, SecretDelivery done)
{
    Result<OutboundDestination> destination = destinationNamed(name);
    if (!destination)
        return answerLater<QString>(this, context, std::move(done), destination.error());
    if (!m_secrets)
        return answerLater<QString>(this, context, std::move(done),
                                    makeError(ErrorKind::KeychainUnavailable, tr("No keychain is available.")));
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QPointer<QObject> guard(context);
    createOutboundSender(destination.value(), *m_secrets, m_network, m_store.clock(),
                         [guard, done](Result<std::shared_ptr<OutboundSender>> sender) mutable {
                             if (!sender) {
                                 if (guard)
                                     done(sender.error());
                                 return;
                             }
                             std::shared_ptr<OutboundSender> keep = sender.value();
                             keep->test([guard, done, keep](const DeliveryResult &result) mutable {
                                 if (!guard)
                                     return;
                                 if (result.outcome == DeliveryResult::Outcome::Delivered)
                                     done(result.summary);
                                 else
                                     done(makeError(ErrorKind::ProviderUnavailable, result.error));
                             });
                         });
}

Result<int> StoreConsoleBackend::retryDeadLetters(const QString &name)
{
    Result<OutboundDestination> destination = destinationNamed(name);
    if (!destination)
        return destination.error();
    Result<int> retried = m_store.retryDeadLetters(destination->id);
    audit(u"outbound.retry"_s, retried.ok(),
          retried ? u"%1: %2 dead letters queued again"_s.arg(name).arg(retried.value())
                  : QString(name % u": "_s % retried.error().message));
    return retried;
}

Result<void> StoreConsoleBackend::resumeDestination(const QString &name)
{
    Result<OutboundDestination> destination = destinationNamed(name);
    if (!destination)
        return destination.error();
    Result<void> resumed = m_store.stopDestination(destination->id, {});
    audit(u"outbound.resume"_s, resumed.ok(), resumed ? name : QString(name % u": "_s % resumed.error().message));
    return resumed;
}
