#include "audittable.h"

#include "clock.h"
#include "codecs.h"
#include "session.h"

#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

Result<void> AuditTable::append(Session &session, const AuditEntry &entry)
{
    if (entry.action.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"An audit entry needs an action"_s);
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto appended = session.run(
        u"INSERT INTO audit_log (at, os_user, entity, provider, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {timeValue(entry.at.isValid() ? entry.at : session.clock().now()),
         entry.user.isEmpty() ? AuditEntry::currentOsUser() : entry.user, textValue(entry.entity),
         textValue(entry.provider), entry.action, textValue(entry.outcome), textValue(entry.detail)},
        u"Cannot write the audit log"_s);
    if (!appended)
        return appended.error();
    return transaction.commit();
}

Result<QList<AuditEntry>> AuditTable::entries(Session &session, const QString &entity)
{
    const QString columns = u"SELECT id, at, os_user, entity, provider, action, outcome, detail FROM audit_log"_s;
    auto query = entity.isEmpty() ? session.run(columns % u" ORDER BY at, id"_s, {}, u"Cannot read the audit log"_s)
                                  : session.run(columns % u" WHERE entity = ? ORDER BY at, id"_s, {entity},
                                                u"Cannot read the audit log"_s);
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.at = timeFromValue(query->value(1));
        entry.user = query->value(2).toString();
        entry.entity = query->value(3).toString();
        entry.provider = query->value(4).toString();
        entry.action = query->value(5).toString();
        entry.outcome = query->value(6).toString();
        entry.detail = query->value(7).toString();
        entries.append(entry);
    }
    return entries;
}
