#include "connectionrecord.h"

QString ConnectionRecord::identifier() const
{
    // The first identifying non-secret field the provider has; fields holds no secret by contract.
    static const QStringList identifyingFields{QStringLiteral("username"),  QStringLiteral("user"),
                                               QStringLiteral("uuid"),      QStringLiteral("clientId"),
                                               QStringLiteral("client_id"), QStringLiteral("account")};
    for (const QString &name : identifyingFields) {
        QString value = fields.value(name).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

void ConnectionRecord::recordWait(const QDateTime &askedUntil, const QDateTime &now)
{
    if (askedUntil.isValid() && askedUntil > now)
        waitUntil = askedUntil.toUTC();
    else if (!waitUntil.isValid() || waitUntil <= now)
        waitUntil = {};
}
