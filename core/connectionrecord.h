#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A data-source connection: one per provider per entity. Only non-secret facts live here (and so in
// the database); secrets are in the OS keychain under SecretStore::key(entity, provider, field).
struct ConnectionRecord
{
    QString entity = QStringLiteral("default");
    QString provider;
    QJsonObject fields;                               // non-secret credential fields, e.g. {"username": "ops@acme"}
    QStringList savedSecretFields;                    // names of the secret fields stored in the keychain
    QString environment;                              // "production" or "uat" where the provider has both
    QString baseUrl;                                  // override; empty means the catalog's URL for the environment
    QString status = QStringLiteral("not_connected"); // not_connected, verifying, connected, error
    QString lastError;
    QDateTime connectedAt;
    QDateTime lastVerifiedAt;
    QDateTime lastSyncAt;
    // The provider asked not to be called before this (Retry-After, up to its limit); invalid: no
    // wait. Written after each sync cycle, cleared by the first cycle after it passed.
    QDateTime waitUntil;

    // After a cycle finished at now: the wait the provider asked for in it (invalid: none), or the
    // earlier one while it still runs.
    void recordWait(const QDateTime &askedUntil, const QDateTime &now);

    // What the card shows as "connected as": user name, UUID or client id, never a secret.
    QString identifier() const;

    bool operator==(const ConnectionRecord &) const = default;
};
