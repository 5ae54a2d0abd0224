#include "claimtable.h"

#include "clock.h"
#include "codecs.h"
#include "session.h"
#include "watchlisttable.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
struct Filter
{
    QString sql; // " AND ..." conditions
    QVariantList values;
};

// What makes a container due for the request, apart from who holds it.
Filter dueFilter(const ClaimRequest &request)
{
    Filter filter;
    if (!request.entity.isEmpty()) {
        filter.sql += u" AND entity = ?"_s;
        filter.values.append(request.entity);
    }
    if (!request.providers.isEmpty()) {
        filter.sql += u" AND provider IN ("_s % placeholders(request.providers.size()) % u")"_s;
        for (const QString &provider : request.providers)
            filter.values.append(provider);
    }
    if (!request.forceNumbers.isEmpty()) {
        // One parameter per number: a forced trace names a handful, at most a few thousand.
        filter.sql += u" AND trace_state <> 'cancelled' AND container_number IN ("_s %
                      placeholders(request.forceNumbers.size()) % u")"_s;
        for (const QString &number : request.forceNumbers)
            filter.values.append(number);
    } else if (request.allActive) {
        filter.sql += u" AND trace_state = 'active'"_s;
        if (request.tracedBefore.isValid()) {
            filter.sql += u" AND (last_traced_at IS NULL OR last_traced_at < ?)"_s;
            filter.values.append(timeValue(request.tracedBefore));
        }
    } else {
        filter.sql += u" AND trace_state = 'active' AND next_trace_at <= ?"_s;
        filter.values.append(timeValue(request.now));
    }
    return filter;
}

Result<QList<qint64>> selectClaimable(Session &session, const ClaimRequest &request)
{
    const Filter filter = dueFilter(request);
    QString sql = u"SELECT id FROM containers WHERE (claimed_until IS NULL OR claimed_until < ?)"_s % filter.sql;
    QVariantList values{timeValue(request.now)};
    values += filter.values;
    sql += u" ORDER BY (next_trace_at IS NULL), next_trace_at, id LIMIT ?"_s;
    values.append(request.limit);
    if (session.backend() == Session::Backend::Postgres)
        sql += u" FOR UPDATE SKIP LOCKED"_s;
    auto query = session.run(sql, values, u"Cannot select the containers due for tracing"_s);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

const QString releaseSet = u"UPDATE containers SET claimed_by = NULL, claimed_until = NULL, claimed_host = NULL, "
                           "claimed_pid = NULL, claimed_process_start = NULL, claimed_at = NULL"_s;
} // namespace

Result<QList<WatchEntry>> ClaimTable::claimDue(Session &session, const ClaimRequest &request)
{
    if (request.limit <= 0)
        return QList<WatchEntry>();
    ClaimRequest effective = request;
    effective.now = request.now.isValid() ? request.now : session.clock().now();
    const QDateTime &now = effective.now;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto ids = selectClaimable(session, effective);
    if (!ids)
        return ids.error();
    if (ids->isEmpty()) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return QList<WatchEntry>();
    }
    const QString list = idList(ids.value());
    const WorkerIdentity &worker = request.identity;
    auto claimed = session.run(u"UPDATE containers SET claimed_by = ?, claimed_until = ?, claimed_host = ?, "
                               "claimed_pid = ?, claimed_process_start = ?, claimed_at = ? WHERE id IN ("_s %
                                   list % u")"_s,
                               {textValue(request.worker), timeValue(now.addSecs(request.leaseSeconds)),
                                textValue(worker.host), worker.isEmpty() ? QVariant() : QVariant(worker.pid),
                                textValue(worker.processStart), timeValue(now)},
                               u"Cannot claim the containers due for tracing"_s);
    if (!claimed)
        return claimed.error();
    claimed->finish();
    auto entries = WatchlistTable::select(
        session, u"WHERE c.id IN ("_s % list % u") ORDER BY (c.next_trace_at IS NULL), c.next_trace_at, c.id"_s, {},
        u"Cannot read the claimed containers"_s);
    if (!entries)
        return entries.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return entries;
}

Result<int> ClaimTable::countHeldByOthers(Session &session, const ClaimRequest &request)
{
    ClaimRequest effective = request;
    effective.now = request.now.isValid() ? request.now : session.clock().now();
    const Filter filter = dueFilter(effective);
    QString sql =
        u"SELECT COUNT(*) FROM containers WHERE claimed_until >= ? AND COALESCE(claimed_by, '') <> ?"_s % filter.sql;
    QVariantList values{timeValue(effective.now), request.worker};
    values += filter.values;
    if (request.tracedBefore.isValid()) {
        sql += u" AND (last_traced_at IS NULL OR last_traced_at < ?)"_s;
        values.append(timeValue(request.tracedBefore));
    }
    auto query = session.run(sql, values, u"Cannot count the containers other workers hold"_s);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

Result<int> ClaimTable::release(Session &session, const WorkerIdentity &worker, const QString &name,
                                const QList<qint64> &ids)
{
    QString sql = releaseSet % u" WHERE claimed_until IS NOT NULL AND claimed_host = ? AND claimed_pid = ? AND "
                               "COALESCE(claimed_process_start, '') = ?"_s;
    QVariantList values{worker.host, worker.pid, worker.processStart};
    if (!name.isEmpty()) {
        sql += u" AND claimed_by = ?"_s;
        values.append(name);
    }
    if (!ids.isEmpty())
        sql += u" AND id IN ("_s % idList(ids) % u")"_s;
    auto query =
        session.run(sql, values, u"Cannot release the claims of worker %1:%2"_s.arg(worker.host).arg(worker.pid));
    if (!query)
        return query.error();
    return std::max(0, query->numRowsAffected());
}

Result<QList<WorkerIdentity>> ClaimTable::holders(Session &session, const QString &host)
{
    auto query = session.run(u"SELECT DISTINCT claimed_pid, COALESCE(claimed_process_start, '') FROM containers "
                             "WHERE claimed_until IS NOT NULL AND claimed_host = ? AND claimed_pid IS NOT NULL"_s,
                             {host}, u"Cannot list the workers holding claims"_s);
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
