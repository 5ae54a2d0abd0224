#include "envasemapper.h"

#include "providertime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject dataOf(const QJsonObject &event)
{
    return event.value(u"data"_s).toObject();
}

// data.outgated, else the event's date: the page says the source may give no time ("Empty string,
// API does not provide date") and the container is gone all the same.
QDateTime outgateTime(const QJsonObject &event, const EnvaseEventTime &time)
{
    const QDateTime at = ProviderTime::read(dataOf(event).value(u"outgated"_s).toString(), time.zone);
    return at.isValid() ? at : time.at;
}

void milestone(Observation &observation, EventCode code, const QDateTime &at, const QJsonObject &event)
{
    observation.milestones.append(ObservedMilestone{code, event.value(u"code"_s).toString(), at, dataOf(event)});
}

void applyArrived(const QJsonObject &event, const EnvaseEventTime & /*time*/, Observation &o)
{
    o.available = true;
    o.providerCodes.insert(EventCode::Available, event.value(u"code"_s).toString());
}

void applyGrounded(const QJsonObject &event, const EnvaseEventTime &time, Observation &o)
{
    // Only data.grounded says when: the event's date is the trace day, not the discharge.
    const QDateTime discharged = ProviderTime::read(dataOf(event).value(u"grounded"_s).toString(), time.zone);
    if (discharged.isValid()) {
        o.dischargedAt = discharged;
        o.providerCodes.insert(EventCode::Discharged, event.value(u"code"_s).toString());
    } else {
        milestone(o, EventCode::Discharged, QDateTime(), event); // kept without a time
    }
}

void applyLfd(const QJsonObject &event, const EnvaseEventTime &time, Observation &o)
{
    const QDate lfd = EnvaseMapper::readDay(dataOf(event).value(u"lfd"_s).toString());
    if (lfd.isValid()) {
        o.lfdTerminal = lfd;
        o.providerCodes.insert(EventCode::LfdChanged, event.value(u"code"_s).toString());
    } else {
        milestone(o, EventCode::LfdChanged, time.at, event); // kept with its data, the snapshot untouched
    }
}

void applyReleased(const QJsonObject &event, const EnvaseEventTime &time, Observation &o)
{
    milestone(o, EventCode::Released, time.at, event);
}

void applyOutgated(const QJsonObject &event, const EnvaseEventTime &time, Observation &o)
{
    const QDateTime out = outgateTime(event, time);
    if (out.isValid())
        o.outgatedAt = out;
    const QString trucker = dataOf(event).value(u"outgate_scac"_s).toString().trimmed();
    if (!trucker.isEmpty())
        o.outgateTrucker = trucker;
    o.providerCodes.insert(EventCode::Outgated, event.value(u"code"_s).toString());
}

HoldType holdTypeOf(const QString &holdType)
{
    const QString type = holdType.trimmed().toLower();
    if (type == "custom"_L1 || type == "customs"_L1)
        return HoldType::Customs;
    if (type == "line"_L1)
        return HoldType::Line;
    if (type == "demurrage"_L1)
        return HoldType::Demurrage;
    if (type == "ctf"_L1)
        return HoldType::Ctf;
    if (type == "tmf"_L1)
        return HoldType::Tmf;
    return HoldType::Other;
}

void applyHold(const QJsonObject &event, const EnvaseEventTime &time, Observation &o)
{
    const QString holdType = event.value(u"holdType"_s).toString();
    QString sourceCode = dataOf(event).value(u"code"_s).toString().trimmed();
    if (sourceCode.isEmpty())
        sourceCode = holdType;
    if (!o.holds)
        o.holds = QList<Hold>();
    o.holds->append(Hold{holdTypeOf(holdType), sourceCode, time.at});
    o.providerCodes.insert(EventCode::HoldAdded, event.value(u"code"_s).toString());
}

EventLocation readLocation(const QJsonValue &value)
{
    if (value.isString())
        return EventLocation{value.toString(), {}, {}};
    const QJsonObject object = value.toObject();
    QString name = object.value(u"name"_s).toString();
    if (name.isEmpty())
        name = object.value(u"siteId"_s).toString();
    return EventLocation{name, object.value(u"type"_s).toString(), object.value(u"lot"_s).toString()};
}

void setText(std::optional<QString> &field, const QJsonValue &value)
{
    const QString text = value.toString().trimmed();
    if (!text.isEmpty())
        field = text;
}

} // namespace

const QList<EnvaseMappingRow> &EnvaseMapper::rows()
{
    static const QList<EnvaseMappingRow> table{
        {u"arrived"_s, u"AVAILABLE (available)"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "created when the terminal says available; data.arrived is empty")),
         &applyArrived},
        {u"grounded"_s, u"DISCHARGED (discharged_at)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "data.grounded is the discharge time (the event's date is the trace day)")),
         &applyGrounded},
        {u"lfd"_s, u"LFD_CHANGED (lfd_terminal)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "data.lfd (YYYYMMDD) is the terminal's last free day")),
         &applyLfd},
        {u"released"_s, u"RELEASED"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "no hold is left; with no hold event the holds are cleared")),
         &applyReleased},
        {u"outgated"_s, u"OUTGATED (outgated_at, outgate_trucker)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules",
             "data.outgated is the gate-out time (else the event date), data.outgate_scac the trucker")),
         &applyOutgated},
        {u"hold"_s, u"HOLD_ADDED (holds)"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "one per hold: holdType is the kind, data.code the hold id")),
         &applyHold},
    };
    return table;
}

QDate EnvaseMapper::readDay(const QString &text)
{
    const QString day = text.trimmed();
    if (day.size() == 8)
        return QDate::fromString(day, u"yyyyMMdd"_s);
    return ProviderTime::readDay(day);
}

namespace {

Result<QDateTime> eventTime(const QJsonObject &event, const QTimeZone &zone)
{
    // The provider pages spell it event[n].date, the export example eventDate.
    const QJsonValue date = event.contains(u"date"_s) ? event.value(u"date"_s) : event.value(u"eventDate"_s);
    if (date.isNull() || date.isUndefined() || date.toString().isEmpty())
        return QDateTime();
    const QDateTime at = ProviderTime::read(date.toString(), zone);
    // A date without a time is kept as an event without a time (shown as observed); only text that is
    // no date at all is refused.
    if (!at.isValid() && !ProviderTime::readDay(date.toString()).isValid())
        return makeError(ErrorKind::InvalidInput, u"eventDate (date) is not a date and time"_s);
    return at;
}

Result<void> mapEvent(const QJsonValue &value, const QTimeZone &zone, Observation &observation, bool *unknown)
{
    const QJsonObject event = value.toObject();
    if (!value.isObject() || !event.value(u"code"_s).isString())
        return makeError(ErrorKind::InvalidInput, u"an event has no text code"_s);
    const Result<QDateTime> at = eventTime(event, zone);
    if (!at)
        return at.error();
    const QJsonValue data = event.value(u"data"_s);
    if (!data.isUndefined() && !data.isNull() && !data.isObject())
        return makeError(ErrorKind::InvalidInput, u"an event's data is not an object"_s);
    for (const QString &key : {u"grounded"_s, u"outgated"_s}) {
        const QString text = data.toObject().value(key).toString().trimmed();
        if (!text.isEmpty() && !ProviderTime::read(text, zone).isValid() && !ProviderTime::readDay(text).isValid())
            return makeError(ErrorKind::InvalidInput, u"data.%1 is not a date and time"_s.arg(key));
    }
    if (event.contains(u"location"_s) && observation.eventLocation == EventLocation{})
        observation.eventLocation = readLocation(event.value(u"location"_s));
    const QString code = event.value(u"code"_s).toString().trimmed();
    const auto &table = EnvaseMapper::rows();
    const auto row = std::find_if(table.cbegin(), table.cend(), [&code](const EnvaseMappingRow &r) {
        return r.code.compare(code, Qt::CaseInsensitive) == 0;
    });
    if (row != table.cend()) {
        row->apply(event, EnvaseEventTime{at.value(), zone}, observation);
        return {};
    }
    QJsonObject kept = data.toObject();
    kept.insert(u"unmapped"_s, true);
    // An unknown code is stored as OTHER with the provider's code kept, as every callback mapper does.
    observation.milestones.append(ObservedMilestone{EventCode::Other, code, at.value(), kept});
    *unknown = true;
    return {};
}

Result<QJsonObject> checkedPayload(const QJsonObject &root)
{
    const QString action = root.value(u"action"_s).toString();
    if (action == "TRACE_EXPORT_RESULT"_L1 || action == "TRACE_RESULTS"_L1)
        return makeError(ErrorKind::InvalidInput,
                         u"%1 results (export/empty or booking traces) are not read by Quaywatch"_s.arg(action));
    if (action != "TRACE_RESULT"_L1)
        return makeError(ErrorKind::InvalidInput, u"action must be TRACE_RESULT"_s);
    if (!root.value(u"payload"_s).isObject())
        return makeError(ErrorKind::InvalidInput, u"payload is missing or not an object"_s);
    const QJsonObject payload = root.value(u"payload"_s).toObject();
    if (!payload.value(u"containerNumber"_s).isString() || payload.value(u"containerNumber"_s).toString().isEmpty())
        return makeError(ErrorKind::InvalidInput, u"payload.containerNumber is missing or not a text"_s);
    const QJsonValue events = payload.value(u"events"_s);
    if (!events.isUndefined() && !events.isNull() && !events.isArray())
        return makeError(ErrorKind::InvalidInput, u"payload.events is not an array"_s);
    return payload;
}

void readPayloadFields(const QJsonObject &payload, Observation &o)
{
    setText(o.billOfLading, payload.value(u"steamshipBL"_s));
    const QJsonObject carrier = payload.value(u"carrier"_s).toObject();
    setText(o.lineScac, carrier.value(u"steamshipLine"_s));
    setText(o.vesselName, carrier.value(u"vessel"_s));
    setText(o.voyage, carrier.value(u"voyage"_s));
    const QJsonObject destination = payload.value(u"destination"_s).toObject();
    setText(o.location, destination.value(u"name"_s));
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
    const Result<QJsonObject> checked = checkedPayload(root);
    if (!checked)
        return checked.error();
    const QJsonObject &payload = checked.value();
    EnvaseTraceResult result;
    result.containerNumber = payload.value(u"containerNumber"_s).toString().trimmed().toUpper();
    result.upstreamProviderId = payload.value(u"providerId"_s).toString();
    result.orgId = root.value(u"orgId"_s).toString();
    result.tmsId = root.contains(u"tmsId"_s) ? root.value(u"tmsId"_s).toString() : root.value(u"svcId"_s).toString();
    QTimeZone zone = zoneFor ? zoneFor(result.upstreamProviderId) : QTimeZone::utc();
    if (!zone.isValid())
        zone = QTimeZone::utc();
    result.tracedAt = ProviderTime::read(payload.value(u"tracedAt"_s).toString(), zone);
    result.nextTraceAt = ProviderTime::read(payload.value(u"nextTraceAt"_s).toString(), zone);

    CallbackItem item;
    Observation &observation = item.observation;
    observation.containerNumber = result.containerNumber;
    observation.source = result.upstreamProviderId.isEmpty() ? u"envase"_s : u"envase/"_s + result.upstreamProviderId;
    observation.observedAt = observedAt;
    observation.raw = payload;
    readPayloadFields(payload, observation);
    bool releasedOrLfd = false;
    const QJsonArray events = payload.value(u"events"_s).toArray();
    for (const QJsonValue value : events) {
        bool unknown = false;
        if (Result<void> mapped = mapEvent(value, zone, observation, &unknown); !mapped)
            return makeError(ErrorKind::InvalidInput, u"payload.events: "_s + mapped.error().message);
        const QString code = value.toObject().value(u"code"_s).toString().trimmed().toLower();
        releasedOrLfd = releasedOrLfd || code == "released"_L1 || code == "lfd"_L1;
        result.unknownCodes += unknown ? 1 : 0;
        ++result.events;
    }
    // Where the events say they are, else where the container is headed.
    const QJsonObject destination = payload.value(u"destination"_s).toObject();
    if (observation.eventLocation == EventLocation{} && !destination.isEmpty())
        observation.eventLocation = readLocation(destination);
    // Released and Lfd are created only when the terminal lists no hold; a Hold event per hold.
    if (releasedOrLfd && !observation.holds)
        observation.holds = QList<Hold>();
    item.nextTraceAt = result.nextTraceAt;
    result.items.append(item);
    return result;
}
