#include "auditentry.h"

#include <QtGlobal>

AuditEntry AuditEntry::make(const QString &entity, const QString &provider, const QString &action, bool ok,
                            const QString &detail, const QDateTime &at)
{
    AuditEntry entry;
    entry.at = at.isValid() ? at.toUTC() : QDateTime(); // the store stamps it with its clock
    entry.user = currentOsUser();
    entry.entity = entity;
    entry.provider = provider;
    entry.action = action;
    entry.outcome = ok ? QStringLiteral("ok") : QStringLiteral("error");
    entry.detail = detail;
    return entry;
}

QString AuditEntry::currentOsUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}
