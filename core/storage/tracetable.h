#pragma once

#include "records.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

class Session;

// Trace writes and the events table (claims: claimtable.h): what a sync round (polled or called back) stores.
namespace TraceTable {
// Both write the outbox messages the change causes in the same transaction (OutboxWork in the
// .cpp); enqueued, when given, receives how many.
Result<int> writeTraceResults(Session &session, const QList<TraceWrite> &writes, int *enqueued = nullptr);
Result<int> insertEvents(Session &session, const QList<Event> &events, int *enqueued = nullptr);
Result<QList<Event>> events(Session &session, qint64 containerId); // oldest first
Result<qint64> eventCount(Session &session, const QString &entity);

// The event insert shared with the bulk writers; duplicates by dedupe key are skipped.
const QString &insertEventSql();
// Binds one event for insertEventSql; now stands in for a missing observedAt.
void bindEvent(QSqlQuery &query, const Event &event, qint64 containerId, const QVariant &now);
} // namespace TraceTable
