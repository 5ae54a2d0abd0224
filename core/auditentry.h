#pragma once

#include <QDateTime>
#include <QString>

// One line of the audit log: credential operations, verifications, imports and exports.
// Never carries a secret.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString user; // OS user
    QString entity;
    QString provider; // empty for non-provider actions (export, import)
    QString action;   // connect, update, verify, disconnect, import, export, ...
    QString outcome;  // ok, error
    QString detail;   // human-readable, secret-free

    static QString currentOsUser();
    // A new entry by the current OS user, at `at`, outcome "ok" or "error". Without a time the store
    // stamps the entry with its clock when it is appended.
    static AuditEntry make(const QString &entity, const QString &provider, const QString &action, bool ok,
                           const QString &detail, const QDateTime &at = {});

    bool operator==(const AuditEntry &) const = default;
};
