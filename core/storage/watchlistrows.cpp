#include "watchlistrows.h"

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

namespace {

const QString rowSql = uR"(SELECT c.id, c.container_number, c.reference, c.bill_of_lading, c.provider, c.site,
  c.trace_state, c.last_traced_at, c.last_error, s.status, s.vessel_name, s.voyage, s.vessel_eta, s.discharged_at,
  s.available, s.location, s.holds, s.lfd_terminal, s.lfd_line, s.demurrage_amount, s.outgated_at,
  s.empty_returned_at, s.pickup_appointment_at
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

int digits(QStringView text, qsizetype from, qsizetype count, bool *ok)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The store writes times as fixed-width "yyyy-MM-ddTHH:mm:ss.zzzZ"; that is read by hand because it
// runs several times per row. Anything else goes through Qt.
qint64 timeFromValue(const QVariant &value)
{
    if (value.isNull())
        return WatchlistRow::noTime;
    const QString text = value.toString();
    if (text.size() == 24 && text[10] == u'T' && text[23] == u'Z') {
        bool ok = true;
        const QDate date(digits(text, 0, 4, &ok), digits(text, 5, 2, &ok), digits(text, 8, 2, &ok));
        const qint64 ms =
            ((digits(text, 11, 2, &ok) * 60LL + digits(text, 14, 2, &ok)) * 60 + digits(text, 17, 2, &ok)) * 1000 +
            digits(text, 20, 3, &ok);
        if (ok && date.isValid())
            return (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400000LL + ms;
    }
    return WatchlistRow::fromDateTime(QDateTime::fromString(text, Qt::ISODateWithMs));
}

QDate dateFromValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QString text = value.toString();
    bool ok = true;
    if (text.size() == 10) {
        const QDate date(digits(text, 0, 4, &ok), digits(text, 5, 2, &ok), digits(text, 8, 2, &ok));
        if (ok)
            return date;
    }
    return QDate::fromString(text, Qt::ISODate);
}

QList<WatchlistHold> holdsFromValue(const QVariant &value, Interner &interner)
{
    QList<WatchlistHold> holds;
    if (value.isNull())
        return holds;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    holds.reserve(array.size());
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        WatchlistHold hold;
        hold.type = holdTypeFromName(object.value(u"type"_s).toString()).value_or(HoldType::Other);
        hold.sourceCode = interner.intern(object.value(u"source_code"_s).toString());
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
    row.lastTracedAt = timeFromValue(query.value(i++));
    row.lastError = interner.intern(query.value(i++).toString());
    const QVariant status = query.value(i++);
    row.status = status.isNull() ? ContainerStatus::Unknown
                                 : containerStatusFromName(status.toString()).value_or(ContainerStatus::Unknown);
    row.vessel = interner.intern(query.value(i++).toString());
    row.voyage = interner.intern(query.value(i++).toString());
    row.vesselEta = timeFromValue(query.value(i++));
    row.dischargedAt = timeFromValue(query.value(i++));
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
    row.outgatedAt = timeFromValue(query.value(i++));
    row.emptyReturnedAt = timeFromValue(query.value(i++));
    row.appointmentAt = timeFromValue(query.value(i++));
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
