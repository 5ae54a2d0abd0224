#include "portconnectmapper.h"

#include "providertime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString providerId = u"portconnect"_s;

QString readLfdText(const QJsonObject &element)
{
    for (const QString &name : {u"lastFreeTime"_s, u"lastFreeDate"_s, u"lastFreeDay"_s}) {
        const QJsonValue value = element.value(name);
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
    }
    return {};
}

void addMilestone(Observation &observation, EventCode code, const QDateTime &at, QJsonObject data = {})
{
    const QString providerCode = observation.raw.value(u"containerVisitEventTypeCode"_s).toString();
    observation.milestones.append(ObservedMilestone{code, providerCode, at, std::move(data)});
}

void applyVesselArrival(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    observation.vesselAta = at;
    observation.providerCodes.insert(EventCode::VesselArrived, u"VESSELARRIVAL"_s);
}

void applyDischarge(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    observation.dischargedAt = at;
    observation.providerCodes.insert(EventCode::Discharged, u"DISCHARGE"_s);
}

void applyAvailable(const QJsonObject &, const QDateTime &, Observation &observation)
{
    observation.available = true;
    observation.providerCodes.insert(EventCode::Available, u"AVAILABLE"_s);
}

void applyCustomsRelease(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    addMilestone(observation, EventCode::HoldReleased, at,
                 QJsonObject{{u"type"_s, u"CUSTOMS"_s}, {u"source_code"_s, u"CUSTOMSRELEASE"_s}});
}

void applyMpiRelease(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    addMilestone(observation, EventCode::HoldReleased, at,
                 QJsonObject{{u"type"_s, u"OTHER"_s}, {u"source_code"_s, u"MPIRELEASE"_s}});
}

void applyGateOut(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    observation.outgatedAt = at;
    observation.providerCodes.insert(EventCode::Outgated, u"GATEOUT"_s);
}

void applyGateIn(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    // An empty depot receiving the box is the empty return; anywhere else it is a gate in.
    if (element.value(u"portCode"_s).toString() == "DEPOT"_L1) {
        observation.emptyReturnedAt = at;
        observation.providerCodes.insert(EventCode::EmptyReturned, u"GATEIN"_s);
    } else {
        addMilestone(observation, EventCode::GateIn, at);
    }
}

void applyLftChanged(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    const QString text = readLfdText(element);
    QDate lfd = QDate::fromString(text.left(10), Qt::ISODate);
    if (text.size() > 10) {
        const QDateTime time = PortConnectMapper::readTime(text);
        if (time.isValid())
            lfd = time.toTimeZone(PortConnectMapper::zone()).date();
    }
    if (lfd.isValid()) {
        observation.lfdTerminal = lfd;
        observation.providerCodes.insert(EventCode::LfdChanged, u"LFTCHANGED"_s);
    } else {
        addMilestone(observation, EventCode::LfdChanged, at);
    }
}

void applyLoad(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    addMilestone(observation, EventCode::Loaded, at);
}

void applyExportRelease(const QJsonObject &, const QDateTime &at, Observation &observation)
{
    addMilestone(observation, EventCode::Released, at);
}

} // namespace

namespace PortConnectMapper {

const QList<PortConnectMappingRow> &rows()
{
    static const QList<PortConnectMappingRow> table{
        {u"VESSELARRIVAL"_s, u"VESSEL_ARRIVED (vessel_ata)"_s, u"the vessel's arrival time"_s, false,
         &applyVesselArrival},
        {u"DISCHARGE"_s, u"DISCHARGED (discharged_at)"_s, u"discharged from the vessel at the event time"_s, false,
         &applyDischarge},
        {u"AVAILABLE"_s, u"AVAILABLE (available)"_s, u"available for pickup"_s, false, &applyAvailable},
        {u"CUSTOMSRELEASE"_s, u"HOLD_RELEASED (CUSTOMS)"_s, u"customs released the container"_s, false,
         &applyCustomsRelease},
        {u"MPIRELEASE"_s, u"HOLD_RELEASED (OTHER, MPI)"_s, u"biosecurity (MPI) released the container"_s, false,
         &applyMpiRelease},
        {u"GATEOUT"_s, u"OUTGATED (outgated_at)"_s, u"left the facility through the gate"_s, true, &applyGateOut},
        {u"GATEIN"_s, u"GATE_IN, or EMPTY_RETURNED at port DEPOT"_s,
         u"entered the facility; at an empty depot this is the empty return"_s, true, &applyGateIn},
        {u"LFTCHANGED"_s, u"LFD_CHANGED (lfd_terminal)"_s,
         u"the last free time changed; its date (NZ time) is the terminal LFD"_s, false, &applyLftChanged},
        {u"LOAD"_s, u"LOADED"_s, u"loaded onto the vessel"_s, false, &applyLoad},
        {u"EXPORTRELEASE"_s, u"RELEASED"_s, u"released for export"_s, false, &applyExportRelease},
    };
    return table;
}

const PortConnectMappingRow *row(const QString &providerCode)
{
    for (const PortConnectMappingRow &candidate : rows()) {
        if (candidate.providerCode == providerCode)
            return &candidate;
    }
    return nullptr;
}

QStringList eventTypeCodes()
{
    QStringList codes;
    for (const PortConnectMappingRow &candidate : rows())
        codes.append(candidate.providerCode);
    return codes;
}

EventCode unmappedCode()
{
    return EventCode::Other;
}

QTimeZone zone()
{
    static const QTimeZone newZealand("Pacific/Auckland");
    return newZealand;
}

QDateTime readTime(const QString &text)
{
    return ProviderTime::read(text, zone());
}

} // namespace PortConnectMapper

namespace {

QString visitKeyOf(const QJsonObject &element)
{
    const QJsonValue visit = element.value(u"containerVisitId"_s);
    if (visit.isString())
        return visit.toString();
    if (visit.isDouble())
        return QString::number(visit.toInteger());
    return {};
}

// Reads one element; a wrong type or a missing field is an error naming it.
Result<CallbackItem> mapElement(const QJsonValue &value, const QDateTime &observedAt)
{
    if (!value.isObject())
        return makeError(ErrorKind::InvalidInput, u"the element is not a JSON object"_s);
    const QJsonObject element = value.toObject();
    for (const QString &field :
         {u"containerNumber"_s, u"containerVisitEventTypeCode"_s, u"containerVisitEventDatetime"_s}) {
        if (!element.value(field).isString() || element.value(field).toString().trimmed().isEmpty())
            return makeError(ErrorKind::InvalidInput, field + u" is missing or not a text"_s);
    }
    const QJsonValue reference = element.value(u"userDefinedReference"_s);
    if (!reference.isUndefined() && !reference.isNull() && !reference.isString())
        return makeError(ErrorKind::InvalidInput, u"userDefinedReference is not a text"_s);
    const QDateTime occurredAt =
        PortConnectMapper::readTime(element.value(u"containerVisitEventDatetime"_s).toString());
    if (!occurredAt.isValid())
        return makeError(ErrorKind::InvalidInput, u"containerVisitEventDatetime is not a date and time"_s);

    CallbackItem item;
    Observation &observation = item.observation;
    observation.containerNumber = element.value(u"containerNumber"_s).toString().trimmed().toUpper();
    const QString port = element.value(u"portCode"_s).toString();
    observation.source = port.isEmpty() ? providerId : providerId + u'/' + port;
    observation.observedAt = observedAt;
    observation.raw = element;
    const QString facility = element.value(u"facilityCode"_s).toString();
    observation.eventLocation = EventLocation{facility.isEmpty() ? port : facility, u"Port"_s, {}};
    item.visitKey = visitKeyOf(element);
    item.visitStartedAt = occurredAt;

    const QString code = element.value(u"containerVisitEventTypeCode"_s).toString().trimmed().toUpper();
    if (const PortConnectMappingRow *mapping = PortConnectMapper::row(code)) {
        mapping->apply(element, occurredAt, observation);
    } else {
        observation.milestones.append(
            ObservedMilestone{PortConnectMapper::unmappedCode(), code, occurredAt, QJsonObject{{u"unmapped"_s, true}}});
    }
    // A visit id keeps the events of two visits apart even where their facts look alike.
    if (!item.visitKey.isEmpty()) {
        for (ObservedMilestone &milestone : observation.milestones)
            milestone.data.insert(u"visit"_s, item.visitKey);
    }
    return item;
}

} // namespace

Result<PortConnectMapping> PortConnectMapper::mapCallback(const QByteArray &body, const QDateTime &observedAt)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(
            ErrorKind::MalformedResponse,
            u"The callback is not valid JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isArray())
        return makeError(ErrorKind::MalformedResponse, u"The callback is not a JSON array of events"_s);
    PortConnectMapping mapping;
    const QJsonArray elements = document.array();
    for (qsizetype i = 0; i < elements.size(); ++i) {
        Result<CallbackItem> item = mapElement(elements.at(i), observedAt);
        if (!item) {
            const QString number = elements.at(i).toObject().value(u"containerNumber"_s).toString();
            mapping.elementErrors.append({int(i), number, u"event %1: %2"_s.arg(i).arg(item.error().message)});
            continue;
        }
        if (!row(item->observation.raw.value(u"containerVisitEventTypeCode"_s).toString().trimmed().toUpper()))
            ++mapping.unknownCodes;
        mapping.items.append(std::move(item).value());
    }
    if (mapping.items.isEmpty() && !mapping.elementErrors.isEmpty())
        return makeError(ErrorKind::InvalidInput, mapping.elementErrors.constFirst().message);
    return mapping;
}
