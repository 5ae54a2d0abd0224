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

// When an event happened as far as its date says (invalid when it has none), and the zone its
// data.* times without an offset are read in.
struct EnvaseEventTime
{
    QDateTime at;
    QTimeZone zone;
};

// One line of the TRACE_RESULT mapping: an event code Envase reports, the normalized fact and rule.
struct EnvaseMappingRow
{
    using Apply = void (*)(const QJsonObject &event, const EnvaseEventTime &time, Observation &observation);
    QString code; // as the provider pages name the event, compared case-insensitively
    QString normalized;
    QString rule;
    Apply apply = nullptr;
};

struct EnvaseTraceResult
{
    QString containerNumber;
    QString upstreamProviderId; // payload.providerId when the result names it
    QString orgId;
    QString tmsId; // root tmsId (result page) or svcId (export/booking pages, the publish event)
    QDateTime tracedAt;
    QDateTime nextTraceAt;     // invalid when Envase did not say
    QList<CallbackItem> items; // one: the whole trace is one observation of the container
    int events = 0;            // events[] entries read
    int unknownCodes = 0;
};

// Documents followed (read through the `search` tool's stored copies, see docs/providers/envase.md):
// - "Handling Container Trace Result Events",
//   http://coredocs.envaseconnect.cloud/track-trace/integration/result-events.html: the TRACE_RESULT
//   body (orgId, tmsId, payload.containerNumber, tracedAt, nextTraceAt, steamshipBL, carrier,
//   destination, loaded, length, pickupNumber, events[]).
// - The provider page "Ports America",
//   http://coredocs.envaseconnect.cloud/track-trace/providers/rt/ports-america.html: the events
//   Arrived, Grounded, Lfd, Released, Outgated and Hold with event[n].date, event[n].location
//   {lot, name, type}, event[n].data.* and event[n].holdType.
// - "Handling Container Export and Empty Results" (…/integration/ready-for-appointment-results.html):
//   the eventDate spelling and location.siteId; its TRACE_EXPORT_RESULT is refused by name.
// Where the documents are silent (Quaywatch's choices):
// - the case of the codes (compared case-insensitively);
// - the time zone of times without an offset (read in the named provider's zone, UTC otherwise);
// - data.lfd's format ("20211110" in the source API, YYYYMMDD; an ISO date is read too);
// - event[n].date is the trace day, not when the fact happened: discharge and gate-out times come
//   from data.grounded / data.outgated, the event date is used only when those are empty;
// - whether "arrived" means available for providers other than Ports America (read so for all);
// - a "hold released" event: none is documented, a hold ends by no longer being reported, so a
//   result with Released or Lfd and no Hold event says "no holds"; one without either says nothing
//   about holds.
// Unknown codes are kept as OTHER with their data and data.unmapped.
namespace EnvaseMapper {
const QList<EnvaseMappingRow> &rows();
// The zone in which the provider a result names (payload.providerId) keeps its wall clock.
using ZoneFor = std::function<QTimeZone(const QString &upstreamProviderId)>;
// Times without an offset are read in zoneFor(payload.providerId), UTC when zoneFor is empty or gives
// no valid zone; a date without a time is not a moment and stays unset.
Result<EnvaseTraceResult> mapTraceResult(const QByteArray &body, const QDateTime &observedAt,
                                         const ZoneFor &zoneFor = {});
// "20211110" or "2021-11-10"; invalid otherwise.
QDate readDay(const QString &text);
} // namespace EnvaseMapper
