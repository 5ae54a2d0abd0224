#pragma once

#include "observation.h"
#include "result.h"
#include "subscriptionstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>

// One line of the TRACE_RESULT mapping: an event code Envase reports, the normalized fact and rule.
struct EnvaseMappingRow
{
    using Apply = void (*)(const QJsonObject &event, const QDateTime &at, Observation &observation);
    QString code;
    QString normalized;
    QString rule;
    Apply apply = nullptr;
};

struct EnvaseTraceResult
{
    QString containerNumber;
    QString envaseProviderId; // payload.providerId when the result names it
    QDateTime tracedAt;
    QDateTime nextTraceAt;     // invalid when Envase did not say
    QList<CallbackItem> items; // one per event (at least one, so the trace itself is recorded)
    int unknownCodes = 0;
};

// Documents: Envase's coredocs, track-trace integration "result-events" and the provider pages under
// providers/rt/ (docs/providers/envase.md). The event codes and data fields read here still differ
// from those pages in places that file's gap analysis lists.
// Pure functions from Envase TRACE_RESULT callbacks (action TRACE_RESULT,
// payload.containerNumber, tracedAt, nextTraceAt, events[] of {code, eventDate, location, data}) to
// observations and the container's next trace time. Unknown codes are kept, with data.unmapped.
namespace EnvaseMapper {
const QList<EnvaseMappingRow> &rows();
// The zone in which the provider a result names (payload.providerId) keeps its wall clock.
using ZoneFor = std::function<QTimeZone(const QString &envaseProviderId)>;
// Times without an offset are read in zoneFor(payload.providerId), UTC when zoneFor is empty or gives
// no valid zone; a date without a time is not a moment and stays unset.
Result<EnvaseTraceResult> mapTraceResult(const QByteArray &body, const QDateTime &observedAt,
                                         const ZoneFor &zoneFor = {});
} // namespace EnvaseMapper
