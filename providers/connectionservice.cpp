#include "connectionservice.h"

#include "auditentry.h"
#include "clock.h"
#include "httppolicy.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "store.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcConnections, "quaywatch.providers.connections")

namespace {

QString pendingKey(const QString &entity, const QString &provider)
{
    return entity % u'\x1f' % provider;
}

using SecretDone = std::function<void(Result<void>)>;

// Writes the secrets one after the other (QtKeychain runs one job at a time anyway); stops at the
// first error.
void writeSecrets(SecretStore *store, QList<QPair<QString, QString>> pending, SecretDone done)
{
    if (pending.isEmpty()) {
        done({});
        return;
    }
    const auto [key, secret] = pending.takeFirst();
    store->write(key, secret, [store, pending, done](const Result<void> &written) mutable {
        if (!written)
            done(written);
        else
            writeSecrets(store, std::move(pending), std::move(done));
    });
}

// Removes the keys one after the other; a key that was never written is not an error.
void removeSecrets(SecretStore *store, QStringList keys, SecretDone done)
{
    if (keys.isEmpty()) {
        done({});
        return;
    }
    const QString key = keys.takeFirst();
    store->remove(key, [store, keys, done](const Result<void> &removed) mutable {
        if (!removed && removed.error().kind != ErrorKind::NotFound)
            done(removed);
        else
            removeSecrets(store, std::move(keys), std::move(done));
    });
}

struct SecretRead
{
    QString field;
    bool required = false;
};

using ReadDone = std::function<void(Result<QHash<QString, QString>>)>;

void readSecrets(SecretStore *store, const QString &entity, const QString &provider, QList<SecretRead> pending,
                 QHash<QString, QString> values, ReadDone done)
{
    if (pending.isEmpty()) {
        done(std::move(values));
        return;
    }
    const SecretRead next = pending.takeFirst();
    store->read(SecretStore::key(entity, provider, next.field),
                [=, values = std::move(values)](Result<QString> read) mutable {
                    if (read) {
                        values.insert(next.field, read.value());
                    } else if (read.error().kind != ErrorKind::NotFound) {
                        done(read.error());
                        return;
                    } else if (next.required) {
                        done(makeError(ErrorKind::NotFound, u"The saved %1 is missing from the keychain. Connect "
                                                            "again and enter it."_s.arg(next.field)));
                        return;
                    }
                    readSecrets(store, entity, provider, std::move(pending), std::move(values), std::move(done));
                });
}

bool truthy(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    const QString text = value.toString().toLower();
    return text == "true"_L1 || text == "1"_L1 || text == "yes"_L1 || text == "on"_L1;
}

QString describeSaved(const PreparedConnection &prepared)
{
    QStringList plain = prepared.record.fields.keys();
    QStringList secret = prepared.secrets.keys();
    plain.sort();
    secret.sort();
    return u"fields: "_s % (plain.isEmpty() ? u"none"_s : plain.join(u", "_s)) % u"; secrets saved: "_s %
           (secret.isEmpty() ? u"none"_s : secret.join(u", "_s));
}

} // namespace

ConnectionService::ConnectionService(Store *store, const ProviderCatalog *catalog, SecretStore *secrets,
                                     QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_store(store), m_catalog(catalog), m_secrets(secrets), m_network(network),
      m_clock(&store->clock())
{}

void ConnectionService::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &m_store->clock();
}

ConnectionService::~ConnectionService() = default;

QString ConnectionService::fieldKey(const CatalogCredentialField &field)
{
    return field.storedKey();
}

bool ConnectionService::canVerify(const CatalogProvider &provider)
{
    const ProviderModule *module = ProviderRegistry::builtInModuleFor(provider);
    return module != nullptr && module->capabilities(provider).verification;
}

QString ConnectionService::notVerifiedNote()
{
    return u"credentials saved; not verified (no verification API documented)"_s;
}

QString ConnectionService::failureName(ConnectionFailure failure)
{
    switch (failure) {
    case ConnectionFailure::None:
        return u"none"_s;
    case ConnectionFailure::BadCredentials:
        return u"bad_credentials"_s;
    case ConnectionFailure::AccessNotEnabled:
        return u"api_access_not_enabled"_s;
    case ConnectionFailure::IpNotAllowed:
        return u"ip_not_allowed"_s;
    case ConnectionFailure::ProviderUnavailable:
        return u"provider_unavailable"_s;
    case ConnectionFailure::NoEndpoint:
        return u"no_endpoint"_s;
    case ConnectionFailure::MissingSecret:
        return u"missing_secret"_s;
    case ConnectionFailure::KeychainUnavailable:
        return u"keychain_unavailable"_s;
    case ConnectionFailure::Storage:
        return u"storage"_s;
    case ConnectionFailure::Other:
        break;
    }
    return u"other"_s;
}

ConnectionFailure ConnectionService::failureFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return ConnectionFailure::None;
    case ErrorKind::BadCredentials:
        return ConnectionFailure::BadCredentials;
    case ErrorKind::AccessNotEnabled:
        return ConnectionFailure::AccessNotEnabled;
    case ErrorKind::ProviderUnavailable:
    case ErrorKind::Timeout:
    case ErrorKind::RateLimited:
    case ErrorKind::MalformedResponse:
        return ConnectionFailure::ProviderUnavailable;
    case ErrorKind::KeychainUnavailable:
        return ConnectionFailure::KeychainUnavailable;
    case ErrorKind::Storage:
        return ConnectionFailure::Storage;
    default:
        return ConnectionFailure::Other;
    }
}

namespace {

// The first sentence of the advice: what the failure class means.
QString failureLead(ConnectionFailure failure)
{
    switch (failure) {
    case ConnectionFailure::BadCredentials:
        return QCoreApplication::translate("ConnectionService", "The provider refused the credentials.");
    case ConnectionFailure::AccessNotEnabled:
        return QCoreApplication::translate(
            "ConnectionService", "The credentials were accepted, but API access is not enabled for this account.");
    case ConnectionFailure::IpNotAllowed:
        return QCoreApplication::translate(
            "ConnectionService",
            "The provider does not accept requests from this computer's IP address (not whitelisted).");
    case ConnectionFailure::ProviderUnavailable:
        return QCoreApplication::translate("ConnectionService",
                                           "The provider's API could not be reached or is temporarily unavailable.");
    case ConnectionFailure::NoEndpoint:
        return QCoreApplication::translate(
            "ConnectionService",
            "No API address is configured for this provider: its documentation names none. Open Connect, "
            "Advanced, and enter the base URL the provider gave you.");
    case ConnectionFailure::MissingSecret:
        return QCoreApplication::translate("ConnectionService",
                                           "A saved secret is missing from the keychain. Connect again and enter it.");
    case ConnectionFailure::KeychainUnavailable:
        return QCoreApplication::translate(
            "ConnectionService", "The OS keychain could not be used; the message above says why and how to fix it.");
    default:
        return {};
    }
}

// Catalog texts are English in providers.json; their translations live in the context "ProviderCatalog"
// (resources/catalog/catalogstrings.h), so they are translated where they are shown.
QString catalogText(const QString &text)
{
    return QCoreApplication::translate("ProviderCatalog", text.toUtf8().constData());
}

// The catalog's troubleshooting entry for the class, and the words that pick its relevant solutions.
std::pair<QString, QStringList> troubleshootingFor(ConnectionFailure failure)
{
    switch (failure) {
    case ConnectionFailure::BadCredentials:
        return {u"invalid_credentials"_s, {}};
    case ConnectionFailure::AccessNotEnabled:
        return {u"terminal_not_connecting"_s, {u"API access"_s, u"24 hours"_s}};
    case ConnectionFailure::IpNotAllowed:
        return {u"terminal_not_connecting"_s, {u"whitelist"_s, u"24 hours"_s}};
    case ConnectionFailure::ProviderUnavailable:
        return {u"terminal_not_connecting"_s, {u"Wait"_s, u"24 hours"_s}};
    case ConnectionFailure::KeychainUnavailable:
    case ConnectionFailure::Storage:
    case ConnectionFailure::MissingSecret:
        return {u"credentials_wont_save"_s, {u"support"_s}};
    default:
        return {};
    }
}

} // namespace

QString ConnectionService::advice(const QString &provider, ConnectionFailure failure) const
{
    if (failure == ConnectionFailure::None)
        return {};
    QStringList lines;
    if (const QString lead = failureLead(failure); !lead.isEmpty())
        lines.append(lead);
    const auto [key, words] = troubleshootingFor(failure);
    const std::optional<CatalogTroubleshooting> entry = key.isEmpty() ? std::nullopt : m_catalog->troubleshooting(key);
    if (entry) {
        QStringList solutions;
        for (const QString &solution : entry->solutions) {
            const bool relevant = words.isEmpty() || std::any_of(words.cbegin(), words.cend(), [&](const QString &w) {
                                      return solution.contains(w, Qt::CaseInsensitive);
                                  });
            if (relevant)
                solutions.append(u"- "_s % catalogText(solution));
        }
        if (solutions.isEmpty())
            for (const QString &solution : entry->solutions)
                solutions.append(u"- "_s % catalogText(solution));
        lines.append(catalogText(entry->title) % u":"_s);
        lines.append(solutions);
    }
    const CatalogProvider *known = m_catalog->provider(provider);
    if (failure == ConnectionFailure::BadCredentials && known && known->credentialOwner == "service"_L1)
        lines.append(QCoreApplication::translate(
            "ConnectionService", "These credentials belong to the service account, not to your terminal account."));
    return lines.join(u'\n');
}

Result<QList<ConnectionRecord>> ConnectionService::connections(const QString &entity) const
{
    return m_store->connections(entity);
}

Result<std::optional<ConnectionRecord>> ConnectionService::connection(const QString &entity,
                                                                      const QString &provider) const
{
    return m_store->connection(entity, provider);
}

bool ConnectionService::isVerifying(const QString &entity, const QString &provider) const
{
    return m_pendingVerifications.contains(pendingKey(entity, provider));
}

void ConnectionService::audit(const QString &entity, const QString &provider, const QString &action, bool ok,
                              const QString &detail) const
{
    const Result<void> appended = m_store->appendAudit(AuditEntry::make(entity, provider, action, ok, detail));
    if (!appended)
        qCWarning(lcConnections).noquote() << "could not write the audit log:" << appended.error().message;
}

namespace {

Error invalid(const QString &message)
{
    return makeError(ErrorKind::InvalidInput, message);
}

// Applies the draft's non-secret fields to record; an error names the first bad field.
Result<void> applyFields(const CatalogProvider &provider, const ConnectionDraft &draft, PreparedConnection &out)
{
    for (auto it = draft.fields.cbegin(); it != draft.fields.cend(); ++it) {
        const CatalogCredentialField *field = provider.credentialField(it.key());
        if (!field)
            return invalid(u"%1 has no field %2"_s.arg(provider.id, it.key()));
        if (field->secret)
            return invalid(u"%1 is a secret of %2 and is saved in the keychain only"_s.arg(field->name, provider.id));
        const QString key = ConnectionService::fieldKey(*field);
        const QString value = it.value().trimmed();
        if (value != it.value())
            out.trimmedFields.append(key);
        if (field->type == "boolean"_L1)
            out.record.fields.insert(key, truthy(value));
        else if (value.isEmpty())
            out.record.fields.remove(key);
        else
            out.record.fields.insert(key, value);
    }
    for (auto it = draft.secrets.cbegin(); it != draft.secrets.cend(); ++it) {
        const CatalogCredentialField *field = provider.credentialField(it.key());
        if (!field || !field->secret)
            return invalid(u"%1 is not a secret field of %2"_s.arg(it.key(), provider.id));
        const QString value = it.value().trimmed();
        if (value.isEmpty())
            continue; // an empty secret keeps the saved one
        if (value != it.value())
            out.trimmedFields.append(field->name);
        out.secrets.insert(field->name, value);
        if (!out.record.savedSecretFields.contains(field->name))
            out.record.savedSecretFields.append(field->name);
    }
    return {};
}

Result<void> applyLocation(const CatalogProvider &provider, const ConnectionDraft &draft, ConnectionRecord &record)
{
    if (draft.environment) {
        const QString environment = draft.environment->trimmed();
        if (!environment.isEmpty() && !provider.environments.contains(environment)) {
            const QStringList known = provider.environments.keys();
            return invalid(known.isEmpty() ? u"%1 has no environments"_s.arg(provider.id)
                                           : u"the environment must be %1"_s.arg(known.join(u" or "_s)));
        }
        record.environment = environment;
    }
    if (record.environment.isEmpty() && !provider.environments.isEmpty())
        record.environment =
            provider.environments.contains(u"production"_s) ? u"production"_s : provider.environments.firstKey();
    if (draft.baseUrl) {
        const QString text = draft.baseUrl->trimmed();
        if (!text.isEmpty()) {
            const QUrl url(text, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty())
                return invalid(u"base URL %1: not a URL"_s.arg(text));
            if (const Result<void> secure = HttpPolicy::checkTransportSecurity(url); !secure)
                return invalid(u"base URL %1: %2"_s.arg(text, secure.error().message));
        }
        record.baseUrl = text;
    }
    return {};
}

QStringList missingRequired(const CatalogProvider &provider, const ConnectionRecord &record)
{
    QStringList missing;
    for (const CatalogCredentialField &field : provider.credentialFields) {
        if (!field.required || field.type == "boolean"_L1)
            continue;
        const QString key = ConnectionService::fieldKey(field);
        const bool present = field.secret ? record.savedSecretFields.contains(field.name)
                                          : !record.fields.value(key).toString().isEmpty();
        if (!present)
            missing.append(field.secret ? field.name : key);
    }
    return missing;
}

} // namespace

Result<PreparedConnection> ConnectionService::prepare(const QString &entity, const ConnectionDraft &draft) const
{
    const CatalogProvider *provider = m_catalog->provider(draft.provider);
    if (!provider)
        return invalid(u"unknown provider %1 (not in the provider catalog)"_s.arg(draft.provider));
    const auto existing = m_store->connection(entity, provider->id);
    if (!existing)
        return existing.error();
    PreparedConnection out;
    out.update = existing->has_value();
    out.record = existing->value_or(ConnectionRecord{});
    out.record.entity = entity;
    out.record.provider = provider->id;
    if (const Result<void> applied = applyFields(*provider, draft, out); !applied)
        return applied.error();
    if (const Result<void> applied = applyLocation(*provider, draft, out.record); !applied)
        return applied.error();
    const QStringList missing = missingRequired(*provider, out.record);
    if (!missing.isEmpty())
        return invalid(u"missing required fields: "_s % missing.join(u", "_s));
    out.record.status = u"verifying"_s;
    out.record.lastError.clear();
    if (!out.record.connectedAt.isValid())
        out.record.connectedAt = m_clock->now();
    return out;
}

void ConnectionService::save(const PreparedConnection &prepared, std::function<void(Result<ConnectionRecord>)> done,
                             bool verifyAfterSave)
{
    const QString entity = prepared.record.entity;
    const QString provider = prepared.record.provider;
    const QString action = prepared.update ? u"update"_s : u"connect"_s;
    QList<QPair<QString, QString>> secrets;
    for (auto it = prepared.secrets.cbegin(); it != prepared.secrets.cend(); ++it)
        secrets.append({SecretStore::key(entity, provider, it.key()), it.value()});
    qCDebug(lcConnections) << action << provider << "for entity" << entity << "with" << secrets.size() << "secrets";
    QPointer<ConnectionService> self(this);
    // Keychain first: only when every secret is stored does the record reach the database.
    writeSecrets(m_secrets, std::move(secrets),
                 [self, prepared, action, done = std::move(done), verifyAfterSave](const Result<void> &written) {
                     if (!self)
                         return;
                     const ConnectionRecord &record = prepared.record;
                     if (!written) {
                         self->audit(record.entity, record.provider, action, false, written.error().message);
                         if (done)
                             done(written.error());
                         return;
                     }
                     const Result<void> saved = self->m_store->saveConnection(record);
                     self->audit(record.entity, record.provider, action, saved.ok(),
                                 saved ? describeSaved(prepared) : saved.error().message);
                     if (!saved) {
                         if (done)
                             done(saved.error());
                         return;
                     }
                     Q_EMIT self->connectionChanged(record.entity, record.provider);
                     if (done)
                         done(record);
                     if (self && verifyAfterSave)
                         self->verify(record.entity, record.provider);
                 });
}

void ConnectionService::verify(const QString &entity, const QString &provider,
                               std::function<void(VerificationOutcome)> done)
{
    const QString key = pendingKey(entity, provider);
    if (const auto it = m_pendingVerifications.find(key); it != m_pendingVerifications.end()) {
        if (done)
            it->append(std::move(done));
        return;
    }
    VerificationOutcome refused{entity, provider, false, false, ConnectionFailure::Other, {}, {}};
    const CatalogProvider *known = m_catalog->provider(provider);
    const auto stored = known ? m_store->connection(entity, provider)
                              : Result<std::optional<ConnectionRecord>>(std::optional<ConnectionRecord>());
    if (!known)
        refused.message = u"unknown provider %1 (not in the provider catalog)"_s.arg(provider);
    else if (!stored)
        refused = {entity, provider, false, false, ConnectionFailure::Storage, stored.error().message, {}};
    else if (!stored->has_value())
        refused.message = u"%1 is not connected for entity %2"_s.arg(provider, entity);
    if (!refused.message.isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done), refused] {
            if (done)
                done(refused);
        });
        return;
    }
    m_pendingVerifications.insert(key, {});
    if (done)
        m_pendingVerifications[key].append(std::move(done));
    ConnectionRecord record = stored->value();
    record.status = u"verifying"_s;
    if (const Result<void> saved = m_store->saveConnection(record); !saved)
        qCWarning(lcConnections).noquote() << "could not save the verifying status:" << saved.error().message;
    Q_EMIT connectionChanged(entity, provider);
    startVerification(record, *known);
}

void ConnectionService::startVerification(const ConnectionRecord &record, const CatalogProvider &provider)
{
    QPointer<ConnectionService> self(this);
    if (!canVerify(provider)) {
        VerificationOutcome outcome{record.entity,           record.provider,   true, false,
                                    ConnectionFailure::None, notVerifiedNote(), {}};
        QTimer::singleShot(0, this, [self, record, outcome] {
            if (self)
                self->finishVerification(record, outcome);
        });
        return;
    }
    QList<SecretRead> reads;
    for (const CatalogCredentialField &field : provider.credentialFields) {
        if (field.secret)
            reads.append({field.name, field.required});
    }
    const CatalogProvider copy = provider;
    readSecrets(m_secrets, record.entity, record.provider, reads, {},
                [self, record, copy](Result<QHash<QString, QString>> secrets) {
                    if (!self)
                        return;
                    if (secrets) {
                        self->runVerification(record, copy, secrets.value());
                        return;
                    }
                    const ConnectionFailure failure = secrets.error().kind == ErrorKind::NotFound
                                                          ? ConnectionFailure::MissingSecret
                                                          : failureFor(secrets.error().kind);
                    self->finishVerification(
                        record, {record.entity, record.provider, false, true, failure, secrets.error().message, {}});
                });
}

namespace {

// The provider's answer as the outcome a card or dialog shows (the advice is added by the caller).
VerificationOutcome outcomeOf(const ConnectionRecord &record, const VerificationAnswer &answer)
{
    VerificationOutcome outcome{record.entity, record.provider, false, true, ConnectionFailure::None, {}, {}};
    outcome.ok = answer.error.kind == ErrorKind::None && !answer.noEndpoint;
    if (answer.noEndpoint)
        outcome.failure = ConnectionFailure::NoEndpoint;
    else if (answer.ipNotAllowed)
        outcome.failure = ConnectionFailure::IpNotAllowed;
    else
        outcome.failure = ConnectionService::failureFor(answer.error.kind);
    outcome.message = outcome.ok ? answer.note : answer.error.message;
    return outcome;
}

} // namespace

void ConnectionService::test(const PreparedConnection &prepared, const std::function<void(VerificationOutcome)> &done)
{
    const ConnectionRecord &record = prepared.record;
    const CatalogProvider *provider = m_catalog->provider(record.provider);
    QPointer<ConnectionService> self(this);
    const auto finish = [self, record, done](VerificationOutcome outcome) {
        if (!self)
            return;
        if (!outcome.ok)
            outcome.advice = self->advice(outcome.provider, outcome.failure);
        self->audit(record.entity, record.provider, u"test"_s, outcome.ok,
                    outcome.ok ? u"credentials accepted (not saved)"_s : outcome.message);
        if (done)
            done(outcome);
    };
    if (!provider || !canVerify(*provider)) {
        QTimer::singleShot(0, this, [finish, record] {
            finish({record.entity, record.provider, true, false, ConnectionFailure::None, notVerifiedNote(), {}});
        });
        return;
    }
    QList<SecretRead> reads; // only the secrets the user did not type again
    for (const CatalogCredentialField &field : provider->credentialFields) {
        if (field.secret && !prepared.secrets.contains(field.name))
            reads.append({field.name, field.required});
    }
    readSecrets(
        m_secrets, record.entity, record.provider, reads, prepared.secrets,
        [self, record, provider, finish](Result<QHash<QString, QString>> secrets) {
            if (!self)
                return;
            if (!secrets) {
                const ConnectionFailure failure = secrets.error().kind == ErrorKind::NotFound
                                                      ? ConnectionFailure::MissingSecret
                                                      : failureFor(secrets.error().kind);
                finish({record.entity, record.provider, false, true, failure, secrets.error().message, {}});
                return;
            }
            VerificationContext context{provider, record, secrets.value(), self->m_network, self, self->m_clock};
            ProviderRegistry::builtInModuleFor(*provider)->verify(
                context, [record, finish](const VerificationAnswer &answer) { finish(outcomeOf(record, answer)); });
        });
}

void ConnectionService::runVerification(const ConnectionRecord &record, const CatalogProvider &provider,
                                        const QHash<QString, QString> &secrets)
{
    QPointer<ConnectionService> self(this);
    VerificationContext context{&provider, record, secrets, m_network, this, m_clock};
    const ProviderModule *module = ProviderRegistry::builtInModuleFor(provider);
    module->verify(context, [self, record](const VerificationAnswer &answer) {
        if (!self)
            return;
        self->finishVerification(record, outcomeOf(record, answer));
    });
}

void ConnectionService::finishVerification(ConnectionRecord record, VerificationOutcome outcome)
{
    if (!outcome.ok)
        outcome.advice = advice(outcome.provider, outcome.failure);
    // The connection may have been updated or disconnected meanwhile: change only its status.
    const auto stored = m_store->connection(record.entity, record.provider);
    if (stored && stored->has_value()) {
        record = stored->value();
        record.status = outcome.ok ? u"connected"_s : u"error"_s;
        record.lastError = outcome.ok && !outcome.verified ? QString() : outcome.message;
        if (outcome.ok && outcome.verified)
            record.lastVerifiedAt = m_clock->now();
        if (const Result<void> saved = m_store->saveConnection(record); !saved)
            qCWarning(lcConnections).noquote() << "could not save the verification:" << saved.error().message;
    }
    QString detail = outcome.message;
    if (outcome.ok && outcome.verified)
        detail = outcome.message.isEmpty() ? u"verified"_s : u"verified; "_s % outcome.message;
    audit(record.entity, record.provider, u"verify"_s, outcome.ok, detail);
    qCInfo(lcConnections).noquote() << "verification of" << record.provider << "for entity" << record.entity << ":"
                                    << (outcome.ok ? u"ok"_s : failureName(outcome.failure));
    const QList<std::function<void(VerificationOutcome)>> callbacks =
        m_pendingVerifications.take(pendingKey(record.entity, record.provider));
    Q_EMIT connectionChanged(record.entity, record.provider);
    Q_EMIT verificationFinished(outcome);
    for (const auto &callback : callbacks)
        callback(outcome);
}

void ConnectionService::disconnect(const QString &entity, const QString &provider,
                                   std::function<void(Result<void>)> done)
{
    auto finish = [this, done](const Result<void> &result) {
        QTimer::singleShot(0, this, [done, result] {
            if (done)
                done(result);
        });
    };
    const CatalogProvider *known = m_catalog->provider(provider);
    const auto stored = m_store->connection(entity, provider);
    if (!known || !stored) {
        finish(known ? stored.error() : invalid(u"unknown provider %1 (not in the provider catalog)"_s.arg(provider)));
        return;
    }
    if (!stored->has_value()) {
        finish(invalid(u"%1 is not connected for entity %2"_s.arg(provider, entity)));
        return;
    }
    QStringList names = stored->value().savedSecretFields;
    for (const QString &name : known->secretFieldNames()) {
        if (!names.contains(name))
            names.append(name);
    }
    QStringList keys;
    for (const QString &name : std::as_const(names))
        keys.append(SecretStore::key(entity, provider, name));
    QPointer<ConnectionService> self(this);
    // Secrets first: a record left behind can be disconnected again, a secret left behind is lost.
    removeSecrets(
        m_secrets, keys, [self, entity, provider, done = std::move(done)](const Result<void> &removedSecrets) {
            if (!self)
                return;
            if (!removedSecrets) {
                const QString message = u"the secret could not be removed from the keychain, so the connection was "
                                        "kept: "_s %
                                        removedSecrets.error().message;
                self->audit(entity, provider, u"disconnect"_s, false, message);
                if (done)
                    done(makeError(removedSecrets.error().kind, message));
                return;
            }
            const Result<void> removed = self->m_store->removeConnection(entity, provider);
            self->audit(entity, provider, u"disconnect"_s, removed.ok(),
                        removed ? u"disconnected; history kept"_s : removed.error().message);
            if (removed)
                Q_EMIT self->connectionChanged(entity, provider);
            if (done)
                done(removed);
        });
}
