#pragma once

#include "event.h"
#include "reconciler.h"
#include "snapshot.h"
#include "watchentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What one trace did to one container; a batch of these is written in one transaction.
struct TraceWrite
{
    qint64 containerId = 0;
    std::optional<ContainerSnapshot> snapshot; // nullopt: keep the stored snapshot (e.g. on error)
    QList<Event> newEvents;                    // inserted unless their dedupe key is already stored
    QDateTime tracedAt;
    QDateTime nextTraceAt;                // invalid: no more traces
    QString lastError;                    // empty clears the error
    std::optional<TraceState> traceState; // e.g. Completed after the empty is returned
};

// How one container's trace ended, as the caller (a sync round or a callback) knows it.
struct TraceOutcome
{
    QDateTime tracedAt;
    QDateTime nextTraceAt;                // invalid: no more traces
    QString error;                        // set: the trace failed, the stored snapshot stays and no events are added
    bool writeSnapshot = true;            // false: keep the stored snapshot, add the events only
    std::optional<TraceState> traceState; // e.g. Completed after the empty is returned
};

// The one way a TraceWrite is made, for polled traces and callbacks alike: the reconciled snapshot
// and new events of containerId, with the outcome's bookkeeping.
TraceWrite makeTraceWrite(qint64 containerId, Reconciliation reconciliation, const TraceOutcome &outcome);
