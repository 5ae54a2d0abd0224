#include "tracetable.h"

#include "bulkwriter.h"
#include "clock.h"
#include "codecs.h"
#include "outbound/outboundmessages.h"
#include "outboxtable.h"
#include "session.h"
#include "watchlisttable.h"

#include <QHash>
#include <QSqlError>
#include <QStringBuilder>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
const QString eventColumns = u"id, container_id, code, provider_code, occurred_at, observed_at, location_name, "
                             "location_type, location_lot, data, source, dedupe_key, raw"_s;

Event readEvent(const QSqlQuery &query)
{
    Event e;
    int i = 0;
    e.id = query.value(i++).toLongLong();
    e.containerId = query.value(i++).toLongLong();
    e.code = eventCodeFromName(query.value(i++).toString()).value_or(EventCode::Other);
    e.providerCode = query.value(i++).toString();
    e.occurredAt = timeFromValue(query.value(i++));
    e.observedAt = timeFromValue(query.value(i++));
    e.location.name = query.value(i++).toString();
    e.location.type = query.value(i++).toString();
    e.location.lot = query.value(i++).toString();
    e.data = jsonFromValue(query.value(i++));
    e.source = query.value(i++).toString();
    e.dedupeKey = query.value(i++).toString();
    e.raw = jsonFromValue(query.value(i++));
    return e;
}

// Named placeholders on the ingestion path: QSqlResult binds a named value with one hash lookup,
// a positional one by formatting ":N" first, which is measurably slower per event.
const QString insertEventText =
    u"INSERT INTO events (container_id, code, provider_code, occurred_at, observed_at, location_name, "
    "location_type, location_lot, data, source, dedupe_key, raw) VALUES (:container_id, :code, :provider_code, "
    ":occurred_at, :observed_at, :location_name, :location_type, :location_lot, :data, :source, :dedupe_key, :raw) "
    "ON CONFLICT (dedupe_key) DO NOTHING"_s;

void bindEventValues(QSqlQuery &query, const Event &event, qint64 containerId, const QVariant &now)
{
    static const QString containerIdName = u":container_id"_s;
    static const QString codeName = u":code"_s;
    static const QString providerCodeName = u":provider_code"_s;
    static const QString occurredAtName = u":occurred_at"_s;
    static const QString observedAtName = u":observed_at"_s;
    static const QString locationNameName = u":location_name"_s;
    static const QString locationTypeName = u":location_type"_s;
    static const QString locationLotName = u":location_lot"_s;
    static const QString dataName = u":data"_s;
    static const QString sourceName = u":source"_s;
    static const QString dedupeKeyName = u":dedupe_key"_s;
    static const QString rawName = u":raw"_s;
    query.bindValue(containerIdName, containerId);
    query.bindValue(codeName, cachedEventCodeName(event.code));
    query.bindValue(providerCodeName, textValue(event.providerCode));
    query.bindValue(occurredAtName, timeValue(event.occurredAt));
    query.bindValue(observedAtName, event.observedAt.isValid() ? timeValue(event.observedAt) : now);
    query.bindValue(locationNameName, textValue(event.location.name));
    query.bindValue(locationTypeName, textValue(event.location.type));
    query.bindValue(locationLotName, textValue(event.location.lot));
    query.bindValue(dataName, jsonValue(event.data));
    query.bindValue(sourceName, textValue(event.source));
    query.bindValue(dedupeKeyName, textValue(event.dedupeKey));
    query.bindValue(rawName, jsonValue(event.raw));
}

const QStringList snapshotColumns{
    u"container_id"_s,
    u"status"_s,
    u"vessel_name"_s,
    u"voyage"_s,
    u"vessel_eta"_s,
    u"vessel_ata"_s,
    u"discharged_at"_s,
    u"available"_s,
    u"location"_s,
    u"location_lot"_s,
    u"holds"_s,
    u"lfd_terminal"_s,
    u"lfd_line"_s,
    u"lfd"_s,
    u"demurrage_amount"_s,
    u"outgated_at"_s,
    u"outgate_trucker"_s,
    u"chassis_number"_s,
    u"empty_returned_at"_s,
    u"pickup_appointment_at"_s,
    u"size_length"_s,
    u"size_height"_s,
    u"size_iso_code"_s,
    u"gross_weight"_s,
    u"hazardous"_s,
    u"line_scac"_s,
    u"not_found"_s,
    u"yard_listing_conflict"_s,
    u"state_changes"_s,
    u"updated_at"_s,
};

QString upsertSnapshotSql()
{
    QStringList updates;
    for (const QString &column : snapshotColumns.mid(1))
        updates.append(column % u" = excluded."_s % column);
    return u"INSERT INTO snapshots ("_s % snapshotColumns.join(u", "_s) % u") VALUES ("_s %
           placeholders(snapshotColumns.size()) % u") ON CONFLICT (container_id) DO UPDATE SET "_s %
           updates.join(u", "_s);
}

// Values in snapshotColumns order.
QVariantList snapshotValues(qint64 containerId, const ContainerSnapshot &s, const QVariant &now)
{
    return {containerId,
            containerStatusName(s.status),
            textValue(s.vesselName),
            textValue(s.voyage),
            timeValue(s.vesselEta),
            timeValue(s.vesselAta),
            timeValue(s.dischargedAt),
            boolValue(s.available),
            textValue(s.location),
            textValue(s.locationLot),
            holdsValue(s.holds),
            dateValue(s.lfdTerminal),
            dateValue(s.lfdLine),
            dateValue(s.lfd()), // stored so the lfd column can be sorted and filtered in SQL
            doubleValue(s.demurrageAmount),
            timeValue(s.outgatedAt),
            textValue(s.outgateTrucker),
            textValue(s.chassisNumber),
            timeValue(s.emptyReturnedAt),
            timeValue(s.pickupAppointmentAt),
            textValue(s.sizeType.length),
            textValue(s.sizeType.height),
            textValue(s.sizeType.isoCode),
            doubleValue(s.grossWeight),
            boolValue(s.hazardous),
            textValue(s.lineScac),
            s.notFound ? 1 : 0,
            s.yardListingConflict ? 1 : 0,
            stateChangesValue(s.stateChangedAt),
            now};
}

// The statements of a trace batch, prepared once per transaction rather than once per container.
struct TraceStatements
{
    QSqlQuery snapshotUpsert;
    QSqlQuery eventInsert;
};

// newEvents, when given, receives the events that were stored (not already there), for the outbox.
Result<int> writeOne(Session &session, const TraceWrite &write, TraceStatements &statements, const QVariant &now,
                     QList<Event> *newEvents)
{
    const QString what = u"Cannot write the trace results of container %1"_s.arg(write.containerId);
    if (write.snapshot) {
        const QVariantList values = snapshotValues(write.containerId, *write.snapshot, now);
        for (qsizetype i = 0; i < values.size(); ++i)
            statements.snapshotUpsert.bindValue(int(i), values.at(i));
        if (!statements.snapshotUpsert.exec())
            return session.failed(what, statements.snapshotUpsert);
    }
    QSqlQuery &eventInsert = statements.eventInsert;
    int inserted = 0;
    for (const Event &event : write.newEvents) {
        bindEventValues(eventInsert, event, event.containerId != 0 ? event.containerId : write.containerId, now);
        if (!eventInsert.exec())
            return session.failed(what % u" (event "_s % event.dedupeKey % u")"_s, eventInsert);
        const int affected = std::max(0, eventInsert.numRowsAffected()); // 0 when the dedupe key was already stored
        inserted += affected;
        if (newEvents && affected > 0) {
            newEvents->append(event);
            if (newEvents->constLast().containerId == 0)
                newEvents->last().containerId = write.containerId;
        }
    }
    QString sql = u"UPDATE containers SET last_traced_at = ?, next_trace_at = ?, last_error = ?, "
                  "claimed_by = NULL, claimed_until = NULL, claimed_host = NULL, claimed_pid = NULL, "
                  "claimed_process_start = NULL, claimed_at = NULL"_s;
    QVariantList values{timeValue(write.tracedAt), timeValue(write.nextTraceAt), textValue(write.lastError)};
    if (write.traceState) {
        sql += u", trace_state = ?"_s;
        values.append(traceStateName(*write.traceState));
    }
    sql += u" WHERE id = ?"_s;
    values.append(write.containerId);
    auto updated = session.run(sql, values, what);
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return makeError(ErrorKind::Storage, what % u": there is no such container"_s);
    return inserted;
}

// The outbox side of a write (issue 17). Nearly always there is no enabled destination: then the
// write pays one query on a tiny table and nothing else.
class OutboxWork
{
public:
    OutboxWork() = default;
    explicit OutboxWork(QList<OutboundDestination> destinations) : m_destinations(std::move(destinations)) {}

    // Reads the enabled destinations; active() is false when there are none.
    Result<void> begin(Session &session)
    {
        Result<QList<OutboundDestination>> enabled = OutboxTable::enabledDestinations(session);
        if (!enabled)
            return enabled.error();
        m_destinations = std::move(enabled.value());
        return {};
    }
    bool active() const { return !m_destinations.isEmpty(); }

    // The touched containers as stored before the write (one query per batch), kept only for the
    // entities that have a destination.
    Result<void> readBefore(Session &session, QList<qint64> ids)
    {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids.isEmpty())
            return {};
        Result<QList<WatchEntry>> entries = WatchlistTable::select(session, u"WHERE c.id IN ("_s % idList(ids) % u")"_s,
                                                                   {}, u"Cannot read the containers for the outbox"_s);
        if (!entries)
            return entries.error();
        for (WatchEntry &entry : entries.value()) {
            if (hasEntity(entry.entity))
                m_before.insert(entry.id, entry);
        }
        return {};
    }

    void add(qint64 containerId, const std::optional<ContainerSnapshot> &snapshot, QList<Event> newEvents)
    {
        const auto found = m_before.constFind(containerId);
        if (found == m_before.constEnd())
            return;
        OutboundMessages::ContainerChange change;
        change.before = found.value();
        change.after = found.value();
        if (snapshot)
            change.after.snapshot = *snapshot;
        change.newEvents = std::move(newEvents);
        m_changes.append(std::move(change));
    }

    // The messages are created at createdAt (invalid: now).
    Result<int> enqueue(Session &session, const QDateTime &createdAt = {})
    {
        if (m_changes.isEmpty())
            return 0;
        return OutboxTable::enqueue(session,
                                    OutboundMessages::build(m_destinations, m_changes,
                                                            createdAt.isValid() ? createdAt : session.clock().now()));
    }

private:
    bool hasEntity(const QString &entity) const
    {
        return std::any_of(m_destinations.cbegin(), m_destinations.cend(),
                           [&](const OutboundDestination &d) { return d.entity == entity; });
    }

    QList<OutboundDestination> m_destinations;
    QHash<qint64, WatchEntry> m_before;
    QList<OutboundMessages::ContainerChange> m_changes;
};

} // namespace

const QString &TraceTable::insertEventSql()
{
    return insertEventText;
}

void TraceTable::bindEvent(QSqlQuery &query, const Event &event, qint64 containerId, const QVariant &now)
{
    bindEventValues(query, event, containerId, now);
}

Result<QList<Event>> TraceTable::events(Session &session, qint64 containerId)
{
    auto query =
        session.run(u"SELECT "_s % eventColumns %
                        u" FROM events WHERE container_id = ? ORDER BY COALESCE(occurred_at, observed_at), id"_s,
                    {containerId}, u"Cannot read the events of container %1"_s.arg(containerId));
    if (!query)
        return query.error();
    QList<Event> events;
    while (query->next())
        events.append(readEvent(query.value()));
    return events;
}

Result<qint64> TraceTable::eventCount(Session &session, const QString &entity)
{
    auto query = entity.isEmpty()
                     ? session.run(u"SELECT COUNT(*) FROM events"_s, {}, u"Cannot count events"_s)
                     : session.run(u"SELECT COUNT(*) FROM events e JOIN containers c ON c.id = e.container_id "
                                   "WHERE c.entity = ?"_s,
                                   {entity}, u"Cannot count events"_s);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<int> TraceTable::writeTraceResults(Session &session, const QList<TraceWrite> &writes, int *enqueued)
{
    if (enqueued)
        *enqueued = 0;
    if (writes.isEmpty())
        return 0;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Journaled events first (see the header): their messages come before this write's, with the
    // snapshots this write is about to change. Nearly always the journal is empty: one tiny query.
    if (auto expanded = expandOutboxJournal(session, std::numeric_limits<int>::max()); !expanded)
        return expanded.error();
    OutboxWork outbox;
    if (auto checked = outbox.begin(session); !checked)
        return checked.error();
    if (outbox.active()) {
        QList<qint64> ids;
        for (const TraceWrite &write : writes)
            ids.append(write.containerId);
        if (auto read = outbox.readBefore(session, ids); !read)
            return read.error();
    }
    TraceStatements statements{QSqlQuery(session.database()), QSqlQuery(session.database())};
    if (!statements.snapshotUpsert.prepare(upsertSnapshotSql()))
        return storageError(u"Cannot prepare the snapshot update"_s, statements.snapshotUpsert.lastError());
    if (!statements.eventInsert.prepare(insertEventText))
        return storageError(u"Cannot prepare the event insert"_s, statements.eventInsert.lastError());
    const QVariant now = timeValue(session.clock().now());
    int inserted = 0;
    for (const TraceWrite &write : writes) {
        QList<Event> newEvents;
        const Result<int> written = writeOne(session, write, statements, now, outbox.active() ? &newEvents : nullptr);
        if (!written)
            return written.error();
        inserted += written.value();
        if (outbox.active())
            outbox.add(write.containerId, write.snapshot, std::move(newEvents));
    }
    statements.snapshotUpsert.finish();
    statements.eventInsert.finish();
    const Result<int> queued = outbox.enqueue(session);
    if (!queued)
        return queued.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (enqueued)
        *enqueued = queued.value();
    return inserted;
}

Result<int> TraceTable::insertEvents(Session &session, const QList<Event> &events, int *journaled)
{
    if (journaled)
        *journaled = 0;
    if (events.isEmpty())
        return 0;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Only webhooks want bare events; field-table destinations are sent snapshot changes, which this
    // write makes none of.
    Result<QList<OutboundDestination>> enabled = OutboxTable::enabledDestinations(session);
    if (!enabled)
        return enabled.error();
    QList<qint64> webhooks;
    for (const OutboundDestination &destination : enabled.value()) {
        if (destination.kind == QLatin1String(Outbound::webhookKind))
            webhooks.append(destination.id);
    }
    Result<std::unique_ptr<BulkWriter>> writer = BulkWriter::open(session);
    if (!writer)
        return writer.error();
    QList<qint64> storedIds;
    Result<int> inserted = writer.value()->writeEvents(events, webhooks.isEmpty() ? nullptr : &storedIds);
    if (!inserted)
        return inserted; // the guard rolls back
    if (auto written = OutboxTable::journal(session, webhooks, storedIds); !written)
        return written.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (journaled)
        *journaled = int(storedIds.size());
    return inserted;
}

Result<int> TraceTable::expandOutboxJournal(Session &session, int maxRows)
{
    int expanded = 0;
    for (; expanded < maxRows; ++expanded) {
        Result<std::optional<OutboxTable::JournalRow>> next = OutboxTable::oldestJournalRow(session);
        if (!next)
            return next.error();
        if (!next.value())
            break;
        const OutboxTable::JournalRow &row = *next.value();
        // The destinations the write saw that are still enabled (removing one takes it out of the
        // journal, so a later destination given its id by SQLite is not among them).
        Result<QList<OutboundDestination>> enabled = OutboxTable::enabledDestinations(session);
        if (!enabled)
            return enabled.error();
        QList<OutboundDestination> destinations;
        for (const OutboundDestination &destination : enabled.value()) {
            if (row.destinationIds.contains(destination.id))
                destinations.append(destination);
        }
        if (!destinations.isEmpty()) {
            QList<qint64> order; // containers in the order of their first event
            QHash<qint64, QList<Event>> byContainer;
            for (const auto &[first, last] : row.eventRuns) {
                auto query = session.run(u"SELECT "_s % eventColumns %
                                             u" FROM events WHERE id BETWEEN ? AND ? "
                                             "ORDER BY id"_s,
                                         {first, last}, u"Cannot read the journaled events"_s);
                if (!query)
                    return query.error();
                while (query->next()) {
                    Event event = readEvent(query.value());
                    auto found = byContainer.find(event.containerId);
                    if (found == byContainer.end()) {
                        order.append(event.containerId);
                        found = byContainer.insert(event.containerId, {});
                    }
                    found->append(std::move(event));
                }
            }
            OutboxWork outbox(destinations);
            if (auto read = outbox.readBefore(session, order); !read)
                return read.error();
            for (const qint64 id : std::as_const(order))
                outbox.add(id, std::nullopt, byContainer.take(id));
            if (auto queued = outbox.enqueue(session, row.createdAt); !queued)
                return queued.error();
        }
        if (auto removed = OutboxTable::removeJournalRow(session, row.id); !removed)
            return removed.error();
    }
    return expanded;
}
