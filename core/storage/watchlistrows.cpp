#include "watchlistrows.h"

#include "codecs.h"
#include "logging.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using Codecs::dateFromValue;
using Codecs::epochMsFromValue;

namespace {

const QString rowSql = uR"(SELECT c.id, c.container_number, c.reference, c.bill_of_lading, c.provider, c.site,
  c.trace_state, c.last_traced_at, c.last_error, s.status, s.vessel_name, s.voyage, s.vessel_eta, s.discharged_at,
  s.available, s.location, s.holds, s.lfd_terminal, s.lfd_line, s.demurrage_amount, s.outgated_at,
  s.empty_returned_at, s.pickup_appointment_at, s.yard_listing_conflict, c.next_trace_at
FROM containers c LEFT JOIN snapshots s ON s.container_id = c.id WHERE %1 = ? ORDER BY c.id)"_s;

// On SQLite the entity index would make the engine sort the whole watchlist before the first row
// comes out; "+c.entity" keeps it off that index so rows stream in id (rowid) order and a console
// shows its first containers at once. PostgreSQL plans this well either way.
QString rowQuery(Session::Backend backend)
{
    return rowSql.arg(backend == Session::Backend::Sqlite ? u"+c.entity"_s : u"c.entity"_s);
}

// Vessel names, sites, providers and error texts repeat across thousands of rows; keeping one
// shared copy of each is most of what keeps 100,000 rows small.
class Interner
{
public:
    QString intern(const QString &text)
    {
        if (text.isEmpty())
            return {};
        const auto found = m_seen.constFind(text);
        if (found != m_seen.cend())
            return *found;
        m_seen.insert(text);
        return text;
    }

private:
    QSet<QString> m_seen;
};

QList<WatchlistHold> holdsFromValue(const QVariant &value, Interner &interner)
{
    QList<WatchlistHold> holds;
    if (value.isNull())
        return holds;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    holds.reserve(array.size());
    for (const auto &item : array) {
        const QJsonObject object = item.toObject();
        WatchlistHold hold;
        hold.type = holdTypeFromName(object.value(u"type"_s).toString()).value_or(HoldType::Other);
        hold.sourceCode = interner.intern(object.value(u"source_code"_s).toString());
        hold.since = epochMsFromValue(object.value(u"since"_s).toVariant(), WatchlistRow::noTime);
        holds.append(hold);
    }
    return holds;
}

WatchlistRow readRow(const QSqlQuery &query, Interner &interner)
{
    WatchlistRow row;
    int i = 0;
    row.id = query.value(i++).toLongLong();
    row.number = query.value(i++).toString();
    row.reference = query.value(i++).toString();
    row.billOfLading = query.value(i++).toString();
    row.provider = interner.intern(query.value(i++).toString());
    row.site = interner.intern(query.value(i++).toString());
    row.traceState = traceStateFromName(query.value(i++).toString()).value_or(TraceState::Active);
    row.lastTracedAt = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    row.lastError = interner.intern(query.value(i++).toString());
    const QVariant status = query.value(i++);
    row.status = status.isNull() ? ContainerStatus::Unknown
                                 : containerStatusFromName(status.toString()).value_or(ContainerStatus::Unknown);
    row.vessel = interner.intern(query.value(i++).toString());
    row.voyage = interner.intern(query.value(i++).toString());
    row.vesselEta = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    row.dischargedAt = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    const QVariant available = query.value(i++);
    if (!available.isNull())
        row.available = available.toInt() != 0;
    row.location = query.value(i++).toString();
    row.holds = holdsFromValue(query.value(i++), interner);
    row.lfdTerminal = dateFromValue(query.value(i++));
    row.lfdLine = dateFromValue(query.value(i++));
    if (!row.lfdTerminal.isValid() || !row.lfdLine.isValid())
        row.lfd = row.lfdTerminal.isValid() ? row.lfdTerminal : row.lfdLine;
    else
        row.lfd = std::min(row.lfdTerminal, row.lfdLine);
    const QVariant demurrage = query.value(i++);
    row.hasDemurrage = !demurrage.isNull();
    row.demurrage = demurrage.toDouble();
    row.outgatedAt = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    row.emptyReturnedAt = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    row.appointmentAt = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    row.yardListingConflict = query.value(i++).toInt() != 0;
    row.nextTraceAt = epochMsFromValue(query.value(i++), WatchlistRow::noTime);
    return row;
}

} // namespace

Result<void> WatchlistRows::stream(Session &session, const QString &entity, size_t firstChunk, size_t chunkSize,
                                   const ChunkSink &sink)
{
    QSqlQuery query(session.database());
    query.setForwardOnly(true);
    if (!query.prepare(rowQuery(session.backend())))
        return makeError(ErrorKind::Storage, u"Cannot read the watchlist: "_s + query.lastError().text());
    query.addBindValue(entity);
    if (!query.exec())
        return makeError(ErrorKind::Storage, u"Cannot read the watchlist: "_s + query.lastError().text());
    std::vector<WatchlistRow> rows;
    Interner interner;
    size_t limit = std::max<size_t>(firstChunk, 1);
    size_t total = 0;
    while (query.next()) {
        rows.push_back(readRow(query, interner));
        if (rows.size() >= limit) {
            total += rows.size();
            sink(std::exchange(rows, {}));
            limit = std::max<size_t>(chunkSize, 1);
        }
    }
    if (query.lastError().isValid())
        return makeError(ErrorKind::Storage, u"Cannot read the watchlist: "_s + query.lastError().text());
    rows.shrink_to_fit();
    total += rows.size();
    sink(std::move(rows)); // the last chunk, possibly empty, so the sink knows the load is complete
    qCDebug(lcStore) << "watchlist rows loaded:" << total;
    return {};
}

Result<std::vector<WatchlistRow>> WatchlistRows::rows(Session &session, const QString &entity, const QList<qint64> &ids)
{
    // Chunks keep each statement far below SQLite's and PostgreSQL's limits on bound values.
    constexpr qsizetype chunk = 500;
    std::vector<WatchlistRow> rows;
    Interner interner;
    for (qsizetype start = 0; start < ids.size(); start += chunk) {
        const QList<qint64> part = ids.mid(start, chunk);
        QStringList marks(part.size(), u"?"_s);
        QSqlQuery query(session.database());
        query.setForwardOnly(true);
        if (!query.prepare(rowSql.arg(u"c.id IN ("_s + marks.join(u',') + u") AND c.entity"_s)))
            return session.error(u"Cannot read the changed watchlist rows"_s, query.lastError());
        for (const qint64 id : part)
            query.addBindValue(id);
        query.addBindValue(entity);
        if (!query.exec())
            return session.error(u"Cannot read the changed watchlist rows"_s, query.lastError());
        while (query.next())
            rows.push_back(readRow(query, interner));
    }
    std::sort(rows.begin(), rows.end(), [](const WatchlistRow &a, const WatchlistRow &b) { return a.id < b.id; });
    return rows;
}
