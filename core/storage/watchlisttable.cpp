#include "watchlisttable.h"

#include "bulkwriter.h"
#include "clock.h"
#include "codecs.h"
#include "logging.h"
#include "session.h"

#include <QSet>
#include <QSqlError>
#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
// Long IN lists are sent in chunks well below SQLite's and PostgreSQL's parameter limits.
constexpr int maxInListSize = 500;

const QString entryColumnList =
    u"c.id, c.entity, c.container_number, c.provider, c.site, c.provider_data, c.reference, c.bill_of_lading, "
    "c.booking, c.added_at, c.expires_at, c.trace_state, c.normalize, c.last_traced_at, c.next_trace_at, "
    "c.last_error, s.container_id, s.status, s.vessel_name, s.voyage, s.vessel_eta, s.vessel_ata, "
    "s.discharged_at, s.available, s.location, s.location_lot, s.holds, s.lfd_terminal, s.lfd_line, "
    "s.demurrage_amount, s.outgated_at, s.outgate_trucker, s.chassis_number, s.empty_returned_at, "
    "s.pickup_appointment_at, s.size_length, s.size_height, s.size_iso_code, s.gross_weight, s.hazardous, "
    "s.line_scac, s.not_found, s.yard_listing_conflict, s.state_changes"_s;

ContainerSnapshot readSnapshot(const QSqlQuery &query, int i)
{
    ContainerSnapshot s;
    s.status = containerStatusFromName(query.value(i++).toString()).value_or(ContainerStatus::Unknown);
    s.vesselName = query.value(i++).toString();
    s.voyage = query.value(i++).toString();
    s.vesselEta = timeFromValue(query.value(i++));
    s.vesselAta = timeFromValue(query.value(i++));
    s.dischargedAt = timeFromValue(query.value(i++));
    s.available = boolFromValue(query.value(i++));
    s.location = query.value(i++).toString();
    s.locationLot = query.value(i++).toString();
    s.holds = holdsFromValue(query.value(i++));
    s.lfdTerminal = dateFromValue(query.value(i++));
    s.lfdLine = dateFromValue(query.value(i++));
    s.demurrageAmount = doubleFromValue(query.value(i++));
    s.outgatedAt = timeFromValue(query.value(i++));
    s.outgateTrucker = query.value(i++).toString();
    s.chassisNumber = query.value(i++).toString();
    s.emptyReturnedAt = timeFromValue(query.value(i++));
    s.pickupAppointmentAt = timeFromValue(query.value(i++));
    s.sizeType.length = query.value(i++).toString();
    s.sizeType.height = query.value(i++).toString();
    s.sizeType.isoCode = query.value(i++).toString();
    s.grossWeight = doubleFromValue(query.value(i++));
    s.hazardous = boolFromValue(query.value(i++));
    s.lineScac = query.value(i++).toString();
    s.notFound = query.value(i++).toInt() != 0;
    s.yardListingConflict = query.value(i++).toInt() != 0;
    s.stateChangedAt = stateChangesFromValue(query.value(i++));
    return s;
}

// An entry with the stamps addContainer promises: added now, expiring after the trace window, due now.
WatchEntry stampedEntry(const WatchEntry &entry, const QDateTime &now)
{
    WatchEntry stamped = entry;
    if (!stamped.addedAt.isValid())
        stamped.addedAt = now;
    if (!stamped.expiresAt.isValid())
        stamped.expiresAt = stamped.addedAt.addDays(WatchEntry::traceWindowDays);
    if (!stamped.nextTraceAt.isValid())
        stamped.nextTraceAt = now;
    return stamped;
}

// (id, active) of the entry with the same entity, number and provider, if there is one.
Result<std::optional<std::pair<qint64, bool>>> findEntry(Session &session, const WatchEntry &entry)
{
    auto query = session.run(u"SELECT id, trace_state FROM containers WHERE entity = ? AND container_number = ? AND "
                             "provider = ?"_s,
                             {entry.entity, entry.containerNumber, entry.provider},
                             u"Cannot look up container "_s % entry.containerNumber);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<std::pair<qint64, bool>>();
    return std::optional<std::pair<qint64, bool>>(
        {query->value(0).toLongLong(), query->value(1).toString() == traceStateName(TraceState::Active)});
}

Result<void> reactivateEntry(Session &session, qint64 id, const WatchEntry &entry)
{
    auto updated =
        session.run(u"UPDATE containers SET trace_state = 'active', site = ?, provider_data = ?, "
                    "reference = COALESCE(?, reference), bill_of_lading = ?, booking = ?, normalize = ?, added_at = ?, "
                    "expires_at = ?, next_trace_at = ?, last_error = NULL, claimed_by = NULL, claimed_until = NULL "
                    "WHERE id = ?"_s,
                    {textValue(entry.site), jsonValue(entry.providerData), textValue(entry.reference),
                     textValue(entry.billOfLading), textValue(entry.booking), entry.normalize ? 1 : 0,
                     timeValue(entry.addedAt), timeValue(entry.expiresAt), timeValue(entry.nextTraceAt), id},
                    u"Cannot add container "_s % entry.containerNumber % u" again"_s);
    return updated ? Result<void>() : Result<void>(updated.error());
}

Result<AddOutcome> insertEntry(Session &session, const WatchEntry &entry)
{
    const QString what = u"Cannot add container "_s % entry.containerNumber;
    auto inserted = session.run(
        u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
        "bill_of_lading, booking, added_at, expires_at, trace_state, normalize, last_traced_at, next_trace_at, "
        "last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, container_number, provider) DO NOTHING"_s,
        {entry.entity, entry.containerNumber, entry.provider, textValue(entry.site), jsonValue(entry.providerData),
         textValue(entry.reference), textValue(entry.billOfLading), textValue(entry.booking), timeValue(entry.addedAt),
         timeValue(entry.expiresAt), traceStateName(entry.traceState), entry.normalize ? 1 : 0,
         timeValue(entry.lastTracedAt), timeValue(entry.nextTraceAt), textValue(entry.lastError)},
        what);
    if (!inserted)
        return inserted.error();
    AddOutcome outcome;
    // Zero rows: another process added it between our look-up and this insert.
    outcome.created = inserted->numRowsAffected() > 0;
    inserted->finish();
    auto found = findEntry(session, entry);
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorKind::Storage, what % u": the new row cannot be read back"_s);
    outcome.id = found->value().first;
    return outcome;
}

} // namespace

const QString &WatchlistTable::entryColumns()
{
    return entryColumnList;
}

// Reads one row selected with entryColumns.
WatchEntry WatchlistTable::readEntry(const QSqlQuery &query)
{
    WatchEntry e;
    int i = 0;
    e.id = query.value(i++).toLongLong();
    e.entity = query.value(i++).toString();
    e.containerNumber = query.value(i++).toString();
    e.provider = query.value(i++).toString();
    e.site = query.value(i++).toString();
    e.providerData = jsonFromValue(query.value(i++));
    e.reference = query.value(i++).toString();
    e.billOfLading = query.value(i++).toString();
    e.booking = query.value(i++).toString();
    e.addedAt = timeFromValue(query.value(i++));
    e.expiresAt = timeFromValue(query.value(i++));
    e.traceState = traceStateFromName(query.value(i++).toString()).value_or(TraceState::Active);
    e.normalize = query.value(i++).toInt() != 0;
    e.lastTracedAt = timeFromValue(query.value(i++));
    e.nextTraceAt = timeFromValue(query.value(i++));
    e.lastError = query.value(i++).toString();
    const bool hasSnapshot = !query.value(i++).isNull();
    if (hasSnapshot)
        e.snapshot = readSnapshot(query, i);
    return e;
}

const QString eventColumns = u"id, container_id, code, provider_code, occurred_at, observed_at, location_name, "
                             "location_type, location_lot, data, source, dedupe_key, raw"_s;

Result<void> WatchlistTable::ensureEntity(Session &session, const QString &entity)
{
    auto done = session.run(u"INSERT INTO entities (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"_s,
                            {entity, timeValue(session.clock().now())}, u"Cannot record entity "_s % entity);
    return done ? Result<void>() : Result<void>(done.error());
}

Result<QList<WatchEntry>> WatchlistTable::select(Session &session, const QString &tail, const QVariantList &values,
                                                 const QString &what)
{
    auto query = session.run(u"SELECT "_s % entryColumnList %
                                 u" FROM containers c LEFT JOIN snapshots s ON s.container_id = c.id "_s % tail,
                             values, what);
    if (!query)
        return query.error();
    QList<WatchEntry> entries;
    while (query->next())
        entries.append(readEntry(query.value()));
    return entries;
}

Result<AddOutcome> WatchlistTable::addContainer(Session &session, const WatchEntry &entry)
{
    if (Result<void> checked = ContainerBatch::check(entry); !checked)
        return checked.error();
    const WatchEntry stamped = stampedEntry(entry, session.clock().now());
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto entity = ensureEntity(session, entry.entity); !entity)
        return entity.error();
    auto existing = findEntry(session, stamped);
    if (!existing)
        return existing.error();
    Result<AddOutcome> outcome = AddOutcome();
    if (!existing->has_value()) {
        outcome = insertEntry(session, stamped);
    } else if (const auto [id, active] = existing->value(); active) {
        outcome = AddOutcome{id, false}; // already watched: nothing changes
    } else if (auto reactivated = reactivateEntry(session, id, stamped); reactivated) {
        outcome = AddOutcome{id, true};
    } else {
        outcome = reactivated.error();
    }
    if (!outcome)
        return outcome;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return outcome;
}

Result<int> WatchlistTable::cancelContainers(Session &session, const QString &entity, const QStringList &numbers)
{
    if (numbers.isEmpty())
        return 0;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    int cancelled = 0;
    for (qsizetype start = 0; start < numbers.size(); start += maxInListSize) {
        const QStringList chunk = numbers.mid(start, maxInListSize);
        QVariantList values{entity};
        for (const QString &number : chunk)
            values.append(number);
        auto query = session.run(u"UPDATE containers SET trace_state = 'cancelled', next_trace_at = NULL, "
                                 "claimed_by = NULL, claimed_until = NULL WHERE entity = ? AND trace_state = 'active' "
                                 "AND container_number IN ("_s %
                                     placeholders(chunk.size()) % u")"_s,
                                 values, u"Cannot cancel containers"_s);
        if (!query)
            return query.error();
        cancelled += query->numRowsAffected();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return cancelled;
}

Result<void> WatchlistTable::setReference(Session &session, const QString &entity, const QString &number,
                                          const QString &reference)
{
    if (reference.size() > WatchEntry::maxReferenceLength) {
        return makeError(ErrorKind::InvalidInput, u"A reference can have at most %1 characters; this one has %2"_s
                                                      .arg(WatchEntry::maxReferenceLength)
                                                      .arg(reference.size()));
    }
    const QDateTime expiresAt = session.clock().now().addDays(WatchEntry::traceWindowDays);
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto query = session.run(u"UPDATE containers SET reference = ?, expires_at = ? WHERE entity = ? AND "
                             "container_number = ?"_s,
                             {textValue(reference), timeValue(expiresAt), entity, number},
                             u"Cannot set the reference of "_s % number);
    if (!query)
        return query.error();
    if (query->numRowsAffected() == 0) {
        return makeError(ErrorKind::NotFound,
                         u"Container "_s % number % u" is not on the watchlist of entity "_s % entity);
    }
    return transaction.commit();
}

Result<QList<WatchEntry>> WatchlistTable::containers(Session &session, const QString &entity,
                                                     const ContainerQuery &query)
{
    QString where = u"WHERE c.entity = ?"_s;
    QVariantList values{entity};
    if (query.traceState) {
        where += u" AND c.trace_state = ?"_s;
        values.append(traceStateName(*query.traceState));
    }
    if (!query.provider.isEmpty()) {
        where += u" AND c.provider = ?"_s;
        values.append(query.provider);
    }
    if (!query.numbers.isEmpty()) {
        // Long lists are filtered in memory rather than with thousands of parameters.
        if (query.numbers.size() <= maxInListSize) {
            where += u" AND c.container_number IN ("_s % placeholders(query.numbers.size()) % u")"_s;
            for (const QString &number : query.numbers)
                values.append(number);
        }
    }
    auto entries = select(session, where % u" ORDER BY c.container_number, c.provider, c.id"_s, values,
                          u"Cannot list the watchlist"_s);
    if (!entries || query.numbers.size() <= maxInListSize)
        return entries;
    const QSet<QString> wanted(query.numbers.cbegin(), query.numbers.cend());
    QList<WatchEntry> filtered;
    for (WatchEntry &entry : entries.value()) {
        if (wanted.contains(entry.containerNumber))
            filtered.append(std::move(entry));
    }
    return filtered;
}

Result<std::optional<WatchEntry>> WatchlistTable::container(Session &session, const QString &entity,
                                                            const QString &number)
{
    // The active entry wins when the number is watched through several providers.
    auto entries = select(session,
                          u"WHERE c.entity = ? AND c.container_number = ? ORDER BY CASE WHEN "
                          "c.trace_state = 'active' THEN 0 ELSE 1 END, c.id DESC LIMIT 1"_s,
                          {entity, number}, u"Cannot read container "_s % number);
    if (!entries)
        return entries.error();
    return entries->isEmpty() ? std::nullopt : std::optional<WatchEntry>(entries->constFirst());
}

Result<QList<qint64>> WatchlistTable::idsOfNumbers(Session &session, const QString &entity, const QStringList &numbers)
{
    if (numbers.isEmpty())
        return QList<qint64>();
    QVariantList values{entity};
    for (const QString &number : numbers)
        values.append(number);
    auto query = session.run(u"SELECT id FROM containers WHERE entity = ? AND container_number IN ("_s %
                                 placeholders(numbers.size()) % u") ORDER BY id"_s,
                             values, u"Cannot read the containers' ids"_s);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

Result<std::optional<WatchEntry>> WatchlistTable::containerById(Session &session, qint64 id)
{
    auto entries = select(session, u"WHERE c.id = ?"_s, {id}, u"Cannot read container %1"_s.arg(id));
    if (!entries)
        return entries.error();
    return entries->isEmpty() ? std::nullopt : std::optional<WatchEntry>(entries->constFirst());
}

namespace {
// Turns SQLite's foreign key checks off for the lifetime of this object (on one connection).
class SqliteForeignKeysOff
{
public:
    explicit SqliteForeignKeysOff(Session &session) : m_session(session) { set(false); }
    ~SqliteForeignKeysOff() { set(true); }
    SqliteForeignKeysOff(const SqliteForeignKeysOff &) = delete;
    SqliteForeignKeysOff &operator=(const SqliteForeignKeysOff &) = delete;

private:
    void set(bool on)
    {
        QSqlQuery query(m_session.database());
        if (!query.exec(on ? u"PRAGMA foreign_keys = ON"_s : u"PRAGMA foreign_keys = OFF"_s))
            qCWarning(lcStore) << "cannot switch foreign key checks" << (on ? "on:" : "off:")
                               << query.lastError().text();
    }

    Session &m_session;
};
} // namespace

Result<int> WatchlistTable::addContainers(Session &session, ContainerFeed &feed)
{
    // Every row's entity is made sure of below, inside this transaction and under SQLite's write
    // lock, so SQLite checking the foreign key again for each row proves nothing more; it costs
    // about 6% of a large import. The setting only changes outside a transaction: it goes around it.
    std::optional<SqliteForeignKeysOff> foreignKeysOff;
    if (session.backend() == Session::Backend::Sqlite)
        foreignKeysOff.emplace(session);
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    Result<std::unique_ptr<BulkWriter>> writer = BulkWriter::open(session);
    if (!writer)
        return writer.error();
    QSet<QString> ensured;
    int changed = 0;
    while (true) {
        Result<std::optional<ContainerBatch>> batch = feed.next();
        if (!batch)
            return batch.error(); // the guard rolls back
        if (!batch->has_value())
            break;
        batch->value().finish(); // a no-op when the feed did it on its own thread
        for (const QString &entity : batch->value().entities()) {
            if (ensured.contains(entity))
                continue;
            if (auto made = ensureEntity(session, entity); !made)
                return made.error();
            ensured.insert(entity);
        }
        const Result<int> written = writer.value()->writeContainers(batch->value());
        if (!written)
            return written.error();
        changed += written.value();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}
