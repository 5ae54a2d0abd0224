#include "acknowledgementtable.h"

#include "auditentry.h"
#include "clock.h"
#include "codecs.h"
#include "session.h"

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

Result<Acknowledgement> AcknowledgementTable::append(Session &session, const Acknowledgement &acknowledgement)
{
    if (acknowledgement.entity.isEmpty() || acknowledgement.containerNumber.isEmpty() ||
        acknowledgement.situation.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"An acknowledgement needs an entity, a container and a situation"_s);
    Acknowledgement stored = acknowledgement;
    if (!stored.at.isValid())
        stored.at = session.clock().now().toUTC();
    if (stored.user.isEmpty())
        stored.user = AuditEntry::currentOsUser();
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto inserted =
        session.run(u"INSERT INTO acknowledgements (entity, container_number, situation, note, os_user, at) "
                    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"_s,
                    {stored.entity, stored.containerNumber, stored.situation, textValue(stored.note), stored.user,
                     timeValue(stored.at)},
                    u"Cannot store the acknowledgement"_s);
    if (!inserted)
        return inserted.error();
    // RETURNING rather than lastInsertId(): the PostgreSQL driver's is the row's OID.
    if (inserted->next())
        stored.id = inserted->value(0).toLongLong();
    inserted->finish();
    const QString detail = stored.note.isEmpty()
                               ? u"%1 (%2)"_s.arg(stored.containerNumber, stored.situation)
                               : u"%1 (%2): %3"_s.arg(stored.containerNumber, stored.situation, stored.note);
    auto audited = session.run(
        u"INSERT INTO audit_log (at, os_user, entity, provider, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {timeValue(stored.at), stored.user, stored.entity, QVariant(), u"acknowledge"_s, u"ok"_s, detail},
        u"Cannot write the audit log"_s);
    if (!audited)
        return audited.error();
    audited->finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return stored;
}

Result<QList<Acknowledgement>> AcknowledgementTable::entries(Session &session, const QString &entity)
{
    auto query = session.run(u"SELECT id, entity, container_number, situation, note, os_user, at FROM acknowledgements "
                             "WHERE entity = ? ORDER BY at DESC, id DESC"_s,
                             {entity}, u"Cannot read the acknowledgements"_s);
    if (!query)
        return query.error();
    QList<Acknowledgement> found;
    while (query->next()) {
        Acknowledgement acknowledgement;
        acknowledgement.id = query->value(0).toLongLong();
        acknowledgement.entity = query->value(1).toString();
        acknowledgement.containerNumber = query->value(2).toString();
        acknowledgement.situation = query->value(3).toString();
        acknowledgement.note = query->value(4).toString();
        acknowledgement.user = query->value(5).toString();
        acknowledgement.at = timeFromValue(query->value(6));
        found.append(acknowledgement);
    }
    return found;
}
