#pragma once

#include "connectionrecord.h"
#include "providercatalog.h"
#include "result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class Clock;
class QNetworkAccessManager;
class SecretStore;
class Store;

// Why a connection does not work, in the classes the catalog's troubleshooting advice knows.
enum class ConnectionFailure
{
    None,
    BadCredentials,
    AccessNotEnabled,
    IpNotAllowed,
    ProviderUnavailable,
    NoEndpoint, // no API address known: the catalog names none and the connection has no base URL
    MissingSecret,
    KeychainUnavailable,
    Storage,
    Other,
};

// What the user entered for a connection. Field names may be catalog names or aliases; values are
// raw (the service trims them). An empty secret on update keeps the stored one.
struct ConnectionDraft
{
    QString provider;
    QHash<QString, QString> fields;
    QHash<QString, QString> secrets;
    std::optional<QString> environment;
    std::optional<QString> baseUrl;
};

// A draft checked against the catalog and merged over the stored connection, ready to save.
struct PreparedConnection
{
    ConnectionRecord record;         // status "verifying"; never holds a secret
    QHash<QString, QString> secrets; // secrets to write, by field name, trimmed and non-empty
    QStringList trimmedFields;       // fields whose value lost leading or trailing whitespace
    bool update = false;             // a connection existed already
};

struct VerificationOutcome
{
    QString entity;
    QString provider;
    bool ok = false;
    bool verified = false; // false: saved only, the provider documents no verification
    ConnectionFailure failure = ConnectionFailure::None;
    QString message; // the reason of a failure, or a note on success; never a secret
    QString advice;  // what to do about the failure (catalog troubleshooting)
};

Q_DECLARE_METATYPE(VerificationOutcome)

// The data-source connections of every entity, shared by the Data sources screen and the CLI:
// connect and update (secrets to the keychain first, the record after), verification in the
// background by the provider's module ("saved, not verified" where the module documents no
// verification), disconnect (history kept) and an audit entry for
// every operation. Asynchronous and non-blocking: callbacks and signals report the outcome on this
// object's thread. Store, catalog, secret store and network are not owned.
class ConnectionService final : public QObject
{
    Q_OBJECT

public:
    ConnectionService(Store *store, const ProviderCatalog *catalog, SecretStore *secrets,
                      QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ConnectionService() override;

    const ProviderCatalog &catalog() const { return *m_catalog; }
    // Where connection and verification times come from; the store's clock until set. Not owned.
    void setClock(const Clock *clock);

    // The key a field's value is stored under in ConnectionRecord::fields: its first alias where it
    // has one (the name existing records and adapters use, e.g. Ports America's "username"), else
    // its name.
    static QString fieldKey(const CatalogCredentialField &field);
    // Whether the service can check the provider's credentials against the provider.
    static bool canVerify(const CatalogProvider &provider);
    static QString notVerifiedNote();
    static QString failureName(ConnectionFailure failure);
    static ConnectionFailure failureFor(ErrorKind kind);
    QString advice(const QString &provider, ConnectionFailure failure) const;

    Result<QList<ConnectionRecord>> connections(const QString &entity) const;
    Result<std::optional<ConnectionRecord>> connection(const QString &entity, const QString &provider) const;
    bool isVerifying(const QString &entity, const QString &provider) const;

    // Checks the draft (known provider and fields, required fields present, base URL allowed) and
    // merges it over the stored connection. No side effects.
    Result<PreparedConnection> prepare(const QString &entity, const ConnectionDraft &draft) const;
    // Writes the secrets to the keychain, then the record, then the audit entry ("connect" or
    // "update"). Nothing reaches the database when the keychain refuses. With verifyAfterSave a
    // background verification starts once the record is saved.
    void save(const PreparedConnection &prepared, std::function<void(Result<ConnectionRecord>)> done,
              bool verifyAfterSave = true);
    // "Test connection": checks a prepared draft against the provider with the secrets as typed (a
    // secret left empty on update: the saved one), before anything is saved. Stores nothing and leaves
    // the saved status alone; the audit log records the test. done runs on this object's thread.
    void test(const PreparedConnection &prepared, const std::function<void(VerificationOutcome)> &done);
    // Verifies the stored connection, saves the status and audits it. Requests for a connection
    // already being verified join the running verification.
    void verify(const QString &entity, const QString &provider, std::function<void(VerificationOutcome)> done = {});
    // Removes the secrets from the keychain, then the record; events and containers are kept.
    void disconnect(const QString &entity, const QString &provider, std::function<void(Result<void>)> done = {});

Q_SIGNALS:
    // A connection was saved, removed or changed status (not_connected, verifying, connected, error).
    void connectionChanged(const QString &entity, const QString &provider);
    void verificationFinished(const VerificationOutcome &outcome);

private:
    void audit(const QString &entity, const QString &provider, const QString &action, bool ok,
               const QString &detail) const;
    void startVerification(const ConnectionRecord &record, const CatalogProvider &provider);
    void runVerification(const ConnectionRecord &record, const CatalogProvider &provider,
                         const QHash<QString, QString> &secrets);
    void finishVerification(ConnectionRecord record, VerificationOutcome outcome);

    Store *m_store;
    const ProviderCatalog *m_catalog;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    QHash<QString, QList<std::function<void(VerificationOutcome)>>> m_pendingVerifications;
};
