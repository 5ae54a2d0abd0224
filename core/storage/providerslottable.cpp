#include "providerslottable.h"

#include "clock.h"
#include "codecs.h"
#include "session.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
// The holder columns of a slot or heartbeat: a process that died keeps none of them alive.
QVariantList identityValues(const WorkerIdentity &worker)
{
    return {worker.host, worker.pid, worker.processStart};
}

const QString holderMatch = u"holder_host = ? AND holder_pid = ? AND COALESCE(holder_process_start, '') = ?"_s;

const QString freeSet = u"UPDATE provider_slots SET holder = NULL, holder_host = NULL, holder_pid = NULL, "
                        "holder_process_start = NULL, lease_until = NULL, taken_at = NULL"_s;
} // namespace

Result<void> ProviderSlotTable::ensure(Session &session, const QString &entity, const QString &provider, int limit)
{
    if (limit <= 0)
        return {};
    QString sql = u"INSERT INTO provider_slots (entity, provider, slot) VALUES "_s;
    QVariantList values;
    for (int slot = 0; slot < limit; ++slot) {
        sql += slot == 0 ? u"(?, ?, ?)"_s : u", (?, ?, ?)"_s;
        values << entity << provider << slot;
    }
    // Both SQLite (3.24+) and PostgreSQL: rows another process created first are left as they are.
    sql += u" ON CONFLICT DO NOTHING"_s;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto inserted = session.run(sql, values, u"Cannot create the slots of %1"_s.arg(provider));
    if (!inserted)
        return inserted.error();
    inserted->finish();
    return transaction.commit();
}

Result<std::optional<ProviderSlot>> ProviderSlotTable::take(Session &session, const ProviderSlotRequest &request)
{
    const QDateTime now = request.now.isValid() ? request.now : session.clock().now();
    const WorkerIdentity worker = request.identity.isEmpty() ? WorkerIdentity::current() : request.identity;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QString sql = u"SELECT slot FROM provider_slots WHERE entity = ? AND provider = ? AND slot < ? AND "
                  "(lease_until IS NULL OR lease_until < ?) ORDER BY slot LIMIT 1"_s;
    if (session.backend() == Session::Backend::Postgres)
        sql += u" FOR UPDATE SKIP LOCKED"_s;
    auto free = session.run(sql, {request.entity, request.provider, std::max(1, request.limit), timeValue(now)},
                            u"Cannot look for a free slot of %1"_s.arg(request.provider));
    if (!free)
        return free.error();
    if (!free->next()) {
        free->finish();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return std::optional<ProviderSlot>();
    }
    ProviderSlot slot;
    slot.entity = request.entity;
    slot.provider = request.provider;
    slot.index = free->value(0).toInt();
    slot.holder = request.holder;
    slot.identity = worker;
    free->finish();
    auto taken = session.run(u"UPDATE provider_slots SET holder = ?, holder_host = ?, holder_pid = ?, "
                             "holder_process_start = ?, lease_until = ?, taken_at = ? "
                             "WHERE entity = ? AND provider = ? AND slot = ?"_s,
                             {textValue(request.holder), worker.host, worker.pid, textValue(worker.processStart),
                              timeValue(now.addSecs(std::max(1, request.leaseSeconds))), timeValue(now), request.entity,
                              request.provider, slot.index},
                             u"Cannot take a slot of %1"_s.arg(request.provider));
    if (!taken)
        return taken.error();
    taken->finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return std::optional<ProviderSlot>(slot);
}

Result<bool> ProviderSlotTable::release(Session &session, const ProviderSlot &slot)
{
    QVariantList values{slot.entity, slot.provider, slot.index};
    values += identityValues(slot.identity);
    values.append(slot.holder);
    auto freed = session.run(freeSet % u" WHERE entity = ? AND provider = ? AND slot = ? AND "_s % holderMatch %
                                 u" AND COALESCE(holder, '') = ?"_s,
                             values, u"Cannot release a slot of %1"_s.arg(slot.provider));
    if (!freed)
        return freed.error();
    return freed->numRowsAffected() > 0;
}

Result<int> ProviderSlotTable::releaseAll(Session &session, const WorkerIdentity &worker, const QString &holder)
{
    QString sql = freeSet % u" WHERE lease_until IS NOT NULL AND "_s % holderMatch;
    QVariantList values = identityValues(worker);
    if (!holder.isEmpty()) {
        sql += u" AND holder = ?"_s;
        values.append(holder);
    }
    auto freed =
        session.run(sql, values, u"Cannot release the slots of worker %1:%2"_s.arg(worker.host).arg(worker.pid));
    if (!freed)
        return freed.error();
    return std::max(0, freed->numRowsAffected());
}

Result<int> ProviderSlotTable::renew(Session &session, const WorkerIdentity &worker, const QString &holder,
                                     const QDateTime &leaseUntil)
{
    QVariantList values{timeValue(leaseUntil)};
    values += identityValues(worker);
    values.append(holder);
    auto renewed = session.run(u"UPDATE provider_slots SET lease_until = ? WHERE lease_until IS NOT NULL AND "_s %
                                   holderMatch % u" AND COALESCE(holder, '') = ?"_s,
                               values, u"Cannot renew the slots' leases"_s);
    if (!renewed)
        return renewed.error();
    return std::max(0, renewed->numRowsAffected());
}

Result<QList<WorkerIdentity>> ProviderSlotTable::holders(Session &session, const QString &host)
{
    auto query = session.run(u"SELECT DISTINCT holder_pid, COALESCE(holder_process_start, '') FROM provider_slots "
                             "WHERE lease_until IS NOT NULL AND holder_host = ? AND holder_pid IS NOT NULL"_s,
                             {host}, u"Cannot list the workers holding slots"_s);
    if (!query)
        return query.error();
    QList<WorkerIdentity> workers;
    while (query->next()) {
        WorkerIdentity worker;
        worker.host = host;
        worker.pid = query->value(0).toLongLong();
        worker.processStart = query->value(1).toString();
        workers.append(worker);
    }
    return workers;
}

Result<int> ProviderSlotTable::held(Session &session, const QString &entity, const QString &provider, int limit,
                                    const QDateTime &now)
{
    auto query = session.run(u"SELECT COUNT(*) FROM provider_slots WHERE entity = ? AND provider = ? AND slot < ? "
                             "AND lease_until >= ?"_s,
                             {entity, provider, limit, timeValue(now)}, u"Cannot count the held slots"_s);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

Result<void> WorkerHeartbeatTable::record(Session &session, const WorkerHeartbeat &heartbeat)
{
    const WorkerIdentity &worker = heartbeat.identity;
    const QDateTime seen = heartbeat.lastSeenAt.isValid() ? heartbeat.lastSeenAt : session.clock().now();
    auto upserted = session.run(
        u"INSERT INTO worker_heartbeats (host, pid, process_start, name, started_at, last_cycle_at, last_seen_at, "
        "view_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (host, pid) DO UPDATE SET "
        "process_start = excluded.process_start, name = excluded.name, started_at = excluded.started_at, "
        "last_cycle_at = excluded.last_cycle_at, last_seen_at = excluded.last_seen_at, view_only = excluded.view_only"_s,
        {worker.host, worker.pid, textValue(worker.processStart), textValue(heartbeat.name),
         timeValue(heartbeat.startedAt.isValid() ? heartbeat.startedAt : seen), timeValue(heartbeat.lastCycleAt),
         timeValue(seen), heartbeat.viewOnly ? 1 : 0},
        u"Cannot record the worker's heartbeat"_s);
    if (!upserted)
        return upserted.error();
    return {};
}

Result<QList<WorkerHeartbeat>> WorkerHeartbeatTable::seenSince(Session &session, const QDateTime &seenSince)
{
    auto query = session.run(u"SELECT host, pid, COALESCE(process_start, ''), name, started_at, last_cycle_at, "
                             "last_seen_at, view_only FROM worker_heartbeats WHERE last_seen_at >= ? "
                             "ORDER BY host, pid"_s,
                             {timeValue(seenSince)}, u"Cannot read the workers' heartbeats"_s);
    if (!query)
        return query.error();
    QList<WorkerHeartbeat> rows;
    while (query->next()) {
        WorkerHeartbeat row;
        row.identity.host = query->value(0).toString();
        row.identity.pid = query->value(1).toLongLong();
        row.identity.processStart = query->value(2).toString();
        row.name = query->value(3).toString();
        row.startedAt = timeFromValue(query->value(4));
        row.lastCycleAt = timeFromValue(query->value(5));
        row.lastSeenAt = timeFromValue(query->value(6));
        row.viewOnly = query->value(7).toInt() != 0;
        rows.append(row);
    }
    return rows;
}

Result<void> WorkerHeartbeatTable::remove(Session &session, const WorkerIdentity &worker)
{
    auto removed = session.run(u"DELETE FROM worker_heartbeats WHERE host = ? AND pid = ?"_s, {worker.host, worker.pid},
                               u"Cannot remove the worker's heartbeat"_s);
    if (!removed)
        return removed.error();
    return {};
}
