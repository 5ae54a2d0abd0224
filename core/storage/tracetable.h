#pragma once

#include "records.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

class Session;

// Trace writes and the events table (claims: claimtable.h): what a sync round (polled or called back) stores.
namespace TraceTable {
// A trace write queues the outbox messages its change causes in its own transaction (OutboxWork in
// the .cpp); enqueued, when given, receives how many. It first expands the whole outbox journal, so
// that messages keep their events' order and a journaled event's webhook body carries the snapshot
// as it was when the event was stored (only trace writes change snapshots).
Result<int> writeTraceResults(Session &session, const QList<TraceWrite> &writes, int *enqueued = nullptr);
// Bulk ingestion changes no snapshot, so it causes webhook messages only, and it records them as one
// outbox journal row per call (naming the stored events) instead of one message per event and
// destination; journaled, when given, receives how many events the row names.
Result<int> insertEvents(Session &session, const QList<Event> &events, int *journaled = nullptr);
// Turns up to maxRows outbox journal rows, oldest first, into outbox messages (as the write would
// have queued them, created at the write's time) and deletes them, inside the caller's transaction.
// Returns how many rows it expanded.
Result<int> expandOutboxJournal(Session &session, int maxRows);
Result<QList<Event>> events(Session &session, qint64 containerId); // oldest first
Result<qint64> eventCount(Session &session, const QString &entity);

// The event insert shared with the bulk writers; duplicates by dedupe key are skipped.
const QString &insertEventSql();
// Binds one event for insertEventSql; now stands in for a missing observedAt.
void bindEvent(QSqlQuery &query, const Event &event, qint64 containerId, const QVariant &now);
} // namespace TraceTable
