#include "tracewrite.h"

#include <utility>

TraceWrite makeTraceWrite(qint64 containerId, Reconciliation reconciliation, const TraceOutcome &outcome)
{
    TraceWrite write;
    write.containerId = containerId;
    write.tracedAt = outcome.tracedAt;
    write.nextTraceAt = outcome.nextTraceAt;
    write.traceState = outcome.traceState;
    if (!outcome.error.isEmpty()) {
        write.lastError = outcome.error;
        return write;
    }
    if (outcome.writeSnapshot)
        write.snapshot = std::move(reconciliation.snapshot);
    write.newEvents = std::move(reconciliation.newEvents);
    return write;
}
