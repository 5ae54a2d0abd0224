#include "envasemapper.h"

#include "providertime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace {

void milestone(Observation &observation, EventCode code, const QDateTime &at, const QJsonObject &event)
{
    observation.milestones.append(
        ObservedMilestone{code, event.value(u"code"_s).toString(), at, event.value(u"data"_s).toObject()});
}

void applyVesselEta(const QJsonObject &, const QDateTime &at, Observation &o)
{
    o.vesselEta = at;
}
void applyVesselArrived(const QJsonObject &, const QDateTime &at, Observation &o)
{
    o.vesselAta = at;
}
void applyDischarged(const QJsonObject &, const QDateTime &at, Observation &o)
{
    o.dischargedAt = at;
}
void applyAvailable(const QJsonObject &, const QDateTime &, Observation &o)
{
    o.available = true;
}
void applyNotAvailable(const QJsonObject &, const QDateTime &, Observation &o)
{
    o.available = false;
}
void applyOutgated(const QJsonObject &, const QDateTime &at, Observation &o)
{
    o.outgatedAt = at;
}
void applyEmptyReturned(const QJsonObject &, const QDateTime &at, Observation &o)
{
    o.emptyReturnedAt = at;
}
void applyPickup(const QJsonObject &, const QDateTime &at, Observation &o)
{
    o.pickupAppointmentAt = at;
}

void applyLfd(const QJsonObject &event, const QDateTime &at, Observation &o)
{
    const QDate lfd = QDate::fromString(event.value(u"data"_s).toObject().value(u"lfd"_s).toString(), Qt::ISODate);
    if (lfd.isValid())
        o.lfdTerminal = lfd;
    else
        milestone(o, EventCode::LfdChanged, at, event);
}

void applyHoldAdded(const QJsonObject &event, const QDateTime &at, Observation &o)
{
    milestone(o, EventCode::HoldAdded, at, event);
}
void applyHoldReleased(const QJsonObject &event, const QDateTime &at, Observation &o)
{
    milestone(o, EventCode::HoldReleased, at, event);
}
void applyReleased(const QJsonObject &event, const QDateTime &at, Observation &o)
{
    milestone(o, EventCode::Released, at, event);
}
void applyGateIn(const QJsonObject &event, const QDateTime &at, Observation &o)
{
    milestone(o, EventCode::GateIn, at, event);
}
void applyLoaded(const QJsonObject &event, const QDateTime &at, Observation &o)
{
    milestone(o, EventCode::Loaded, at, event);
}
void applyNotFound(const QJsonObject &, const QDateTime &, Observation &o)
{
    o.notFound = true;
}

QDateTime readTime(const QJsonValue &value, const QTimeZone &zone)
{
    return ProviderTime::read(value.toString(), zone);
}

EventLocation readLocation(const QJsonValue &value)
{
    if (value.isString())
        return EventLocation{value.toString(), {}, {}};
    const QJsonObject object = value.toObject();
    return EventLocation{object.value(u"name"_s).toString(), object.value(u"type"_s).toString(),
                         object.value(u"lot"_s).toString()};
}

} // namespace

const QList<EnvaseMappingRow> &EnvaseMapper::rows()
{
    static const QList<EnvaseMappingRow> table{
        {u"VESSEL_ETA"_s, u"VESSEL_ETA (vessel_eta)"_s, u"eventDate is the ETA"_s, &applyVesselEta},
        {u"VESSEL_ARRIVED"_s, u"VESSEL_ARRIVED (vessel_ata)"_s, u"eventDate is the arrival"_s, &applyVesselArrived},
        {u"DISCHARGED"_s, u"DISCHARGED (discharged_at)"_s, u"eventDate is the discharge"_s, &applyDischarged},
        {u"AVAILABLE"_s, u"AVAILABLE (available)"_s, u"available for pickup"_s, &applyAvailable},
        {u"NOT_AVAILABLE"_s, u"NOT_AVAILABLE (available)"_s, u"not available"_s, &applyNotAvailable},
        {u"OUTGATED"_s, u"OUTGATED (outgated_at)"_s, u"eventDate is the outgate"_s, &applyOutgated},
        {u"EMPTY_RETURNED"_s, u"EMPTY_RETURNED (empty_returned_at)"_s, u"eventDate is the return"_s,
         &applyEmptyReturned},
        {u"PICKUP_APPOINTMENT"_s, u"PICKUP_APPOINTMENT (pickup_appointment_at)"_s, u"eventDate is the slot"_s,
         &applyPickup},
        {u"LFD_CHANGED"_s, u"LFD_CHANGED (lfd_terminal)"_s, u"data.lfd is the new last free day"_s, &applyLfd},
        {u"HOLD_ADDED"_s, u"HOLD_ADDED"_s, u"kept with its data"_s, &applyHoldAdded},
        {u"HOLD_RELEASED"_s, u"HOLD_RELEASED"_s, u"kept with its data"_s, &applyHoldReleased},
        {u"RELEASED"_s, u"RELEASED"_s, u"kept with its data"_s, &applyReleased},
        {u"GATE_IN"_s, u"GATE_IN"_s, u"kept with its data"_s, &applyGateIn},
        {u"LOADED"_s, u"LOADED"_s, u"kept with its data"_s, &applyLoaded},
        {u"NOT_FOUND"_s, u"NOT_FOUND"_s, u"the provider has no record"_s, &applyNotFound},
    };
    return table;
}

namespace {

Result<CallbackItem> mapEvent(const QJsonValue &value, const EnvaseTraceResult &result, const QDateTime &observedAt,
                              const QTimeZone &zone, bool *unknown)
{
    const QJsonObject event = value.toObject();
    if (!value.isObject() || !event.value(u"code"_s).isString())
        return makeError(ErrorKind::InvalidInput, u"an event has no text code"_s);
    const QJsonValue date = event.value(u"eventDate"_s);
    const QDateTime at = readTime(date, zone);
    // A date without a time is kept as an event without a time (shown as observed), like a missing
    // eventDate; only text that is no date at all is refused.
    const bool dayOnly = ProviderTime::readDay(date.toString()).isValid();
    if (!date.isNull() && !date.isUndefined() && !at.isValid() && !dayOnly)
        return makeError(ErrorKind::InvalidInput, u"eventDate is not a date and time"_s);
    if (!event.value(u"data"_s).isUndefined() && !event.value(u"data"_s).isNull() && !event.value(u"data"_s).isObject())
        return makeError(ErrorKind::InvalidInput, u"an event's data is not an object"_s);
    CallbackItem item;
    Observation &observation = item.observation;
    observation.containerNumber = result.containerNumber;
    observation.source = result.envaseProviderId.isEmpty() ? u"envase"_s : u"envase/"_s + result.envaseProviderId;
    observation.observedAt = observedAt;
    observation.eventLocation = readLocation(event.value(u"location"_s));
    observation.raw = event;
    const QString code = event.value(u"code"_s).toString().trimmed().toUpper();
    const auto &table = EnvaseMapper::rows();
    const auto row =
        std::find_if(table.cbegin(), table.cend(), [&code](const EnvaseMappingRow &r) { return r.code == code; });
    if (row != table.cend()) {
        row->apply(event, at, observation);
        if (auto normalized = eventCodeFromName(code))
            observation.providerCodes.insert(*normalized, code);
    } else {
        QJsonObject data = event.value(u"data"_s).toObject();
        data.insert(u"unmapped"_s, true);
        // An unknown code is stored as OTHER with the provider's code kept, as every callback mapper does.
        observation.milestones.append(ObservedMilestone{EventCode::Other, code, at, data});
        *unknown = true;
    }
    item.nextTraceAt = result.nextTraceAt;
    return item;
}

} // namespace

Result<EnvaseTraceResult> EnvaseMapper::mapTraceResult(const QByteArray &body, const QDateTime &observedAt,
                                                       const ZoneFor &zoneFor)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return makeError(ErrorKind::MalformedResponse, u"The trace result is not a JSON object"_s);
    const QJsonObject root = document.object();
    if (root.value(u"action"_s).toString() != "TRACE_RESULT"_L1)
        return makeError(ErrorKind::InvalidInput, u"action must be TRACE_RESULT"_s);
    if (!root.value(u"payload"_s).isObject())
        return makeError(ErrorKind::InvalidInput, u"payload is missing or not an object"_s);
    const QJsonObject payload = root.value(u"payload"_s).toObject();
    if (!payload.value(u"containerNumber"_s).isString() || payload.value(u"containerNumber"_s).toString().isEmpty())
        return makeError(ErrorKind::InvalidInput, u"payload.containerNumber is missing or not a text"_s);
    const QJsonValue events = payload.value(u"events"_s);
    if (!events.isUndefined() && !events.isNull() && !events.isArray())
        return makeError(ErrorKind::InvalidInput, u"payload.events is not an array"_s);
    EnvaseTraceResult result;
    result.containerNumber = payload.value(u"containerNumber"_s).toString().trimmed().toUpper();
    result.envaseProviderId = payload.value(u"providerId"_s).toString();
    const QTimeZone zone = zoneFor ? zoneFor(result.envaseProviderId) : QTimeZone::utc();
    result.tracedAt = readTime(payload.value(u"tracedAt"_s), zone);
    result.nextTraceAt = readTime(payload.value(u"nextTraceAt"_s), zone);
    for (const QJsonValue &value : events.toArray()) {
        bool unknown = false;
        Result<CallbackItem> item = mapEvent(value, result, observedAt, zone, &unknown);
        if (!item)
            return makeError(ErrorKind::InvalidInput, u"payload.events: "_s + item.error().message);
        result.unknownCodes += unknown ? 1 : 0;
        result.items.append(std::move(item).value());
    }
    if (result.items.isEmpty()) {
        CallbackItem traced; // a trace without news still moves the next trace time
        traced.observation.containerNumber = result.containerNumber;
        traced.observation.source = u"envase"_s;
        traced.observation.observedAt = observedAt;
        traced.nextTraceAt = result.nextTraceAt;
        result.items.append(traced);
    }
    return result;
}
