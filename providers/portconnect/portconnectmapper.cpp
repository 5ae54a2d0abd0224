#include "portconnectmapper.h"

#include "providertime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString providerId = u"portconnect"_s;
} // namespace

namespace PortConnectMapper {

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

QString text(const QJsonObject &element, const QString &field)
{
    return element.value(field).toString().trimmed();
}

// containerVisitUri ("v1/container-visits/5046168") names the visit; its last segment is the visit id.
QString visitKeyOf(const QJsonObject &element)
{
    const QString uri = text(element, u"containerVisitUri"_s);
    return uri.section(u'/', -1);
}

std::optional<QString> optionalText(const QJsonObject &element, const QString &field)
{
    const QString value = text(element, field);
    return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
}

// The vessel of the visit: outbound for an export visit, inbound otherwise; the other one when the
// visit's own is not given.
void readVessel(const QJsonObject &element, Observation &observation)
{
    const bool exportVisit = text(element, u"containerVisitTypeCode"_s).compare(u"EXPORT"_s, Qt::CaseInsensitive) == 0;
    const QString first = exportVisit ? u"outbound"_s : u"inbound"_s;
    const QString second = exportVisit ? u"inbound"_s : u"outbound"_s;
    for (const QString &prefix : {first, second}) {
        const std::optional<QString> name = optionalText(element, prefix + u"VesselName"_s);
        if (!name)
            continue;
        observation.vesselName = name;
        observation.voyage = optionalText(element, prefix + u"VesselRef"_s);
        return;
    }
}

void readContainerFacts(const QJsonObject &element, Observation &observation)
{
    readVessel(element, observation);
    observation.lineScac = optionalText(element, u"containerOperatorSCACCode"_s);
    if (const std::optional<QString> iso = optionalText(element, u"containerIsoTypeCode"_s))
        observation.sizeType = SizeType{{}, {}, *iso};
}

Result<void> checkElement(const QJsonObject &element)
{
    for (const QString &field :
         {u"containerNumber"_s, u"containerVisitEventTypeCode"_s, u"containerVisitEventDatetime"_s}) {
        if (!element.value(field).isString() || element.value(field).toString().trimmed().isEmpty())
            return makeError(ErrorKind::InvalidInput, field + u" is missing or not a text"_s);
    }
    for (const QString &field :
         {u"userDefinedReference"_s, u"partnerPortCode"_s, u"containerVisitUri"_s, u"containerVisitEventLocation"_s,
          u"containerVisitEventValue"_s, u"containerVisitEventValue2"_s}) {
        const QJsonValue value = element.value(field);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return makeError(ErrorKind::InvalidInput, field + u" is not a text"_s);
    }
    return {};
}

// Reads one element; a wrong type or a missing field is an error naming it.
Result<CallbackItem> mapElement(const QJsonValue &value, const QDateTime &observedAt)
{
    if (!value.isObject())
        return makeError(ErrorKind::InvalidInput, u"the element is not a JSON object"_s);
    const QJsonObject element = value.toObject();
    if (Result<void> checked = checkElement(element); !checked)
        return checked.error();
    const QDateTime occurredAt = PortConnectMapper::readTime(text(element, u"containerVisitEventDatetime"_s));
    if (!occurredAt.isValid())
        return makeError(ErrorKind::InvalidInput, u"containerVisitEventDatetime is not a date and time"_s);

    CallbackItem item;
    Observation &observation = item.observation;
    observation.containerNumber = text(element, u"containerNumber"_s).toUpper();
    const QString port = text(element, u"partnerPortCode"_s);
    observation.source = port.isEmpty() ? providerId : providerId + u'/' + port;
    observation.observedAt = observedAt;
    observation.raw = element;
    const QString place = text(element, u"containerVisitEventLocation"_s);
    observation.eventLocation = EventLocation{place.isEmpty() ? port : place, u"Port"_s, {}};
    item.visitKey = visitKeyOf(element);
    item.visitStartedAt = occurredAt;
    readContainerFacts(element, observation);

    const QString code = text(element, u"containerVisitEventTypeCode"_s).toUpper();
    if (const PortConnectMappingRow *mapping = PortConnectMapper::row(code)) {
        mapping->apply(element, occurredAt, observation);
    } else {
        observation.milestones.append(
            ObservedMilestone{PortConnectMapper::unmappedCode(), code, occurredAt, QJsonObject{{u"unmapped"_s, true}}});
    }
    // The visit keeps the events of two visits apart even where their facts look alike.
    if (!item.visitKey.isEmpty()) {
        for (ObservedMilestone &milestone : observation.milestones)
            milestone.data.insert(u"visit"_s, item.visitKey);
        for (ObservedHoldChange &change : observation.holdChanges)
            change.data.insert(u"visit"_s, item.visitKey);
    }
    return item;
}

// "Webhook Callback Payload - Vessel Schedule": an array of PascalCase objects about a vessel's call.
bool isVesselScheduleCallback(const QJsonArray &elements)
{
    return std::any_of(elements.cbegin(), elements.cend(), [](const QJsonValue &element) {
        const QJsonObject object = element.toObject();
        return object.contains(u"VesselScheduleEventTypeCode"_s) || object.contains(u"vesselScheduleEventTypeCode"_s);
    });
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
    const QJsonArray elements = document.array();
    if (isVesselScheduleCallback(elements))
        return makeError(ErrorKind::InvalidInput,
                         u"This is a PortConnect vessel-schedule callback; Quaywatch subscribes to container events "
                         "only and does not store vessel schedules (subscribe this endpoint to container events)"_s);
    PortConnectMapping mapping;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        Result<CallbackItem> item = mapElement(elements.at(i), observedAt);
        if (!item) {
            const QString number = elements.at(i).toObject().value(u"containerNumber"_s).toString();
            mapping.elementErrors.append({int(i), number, u"event %1: %2"_s.arg(i).arg(item.error().message)});
            continue;
        }
        if (row(item->observation.raw.value(u"containerVisitEventTypeCode"_s).toString()) == nullptr)
            ++mapping.unknownCodes;
        mapping.items.append(std::move(item).value());
    }
    if (mapping.items.isEmpty() && !mapping.elementErrors.isEmpty())
        return makeError(ErrorKind::InvalidInput, mapping.elementErrors.constFirst().message);
    return mapping;
}
