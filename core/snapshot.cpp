#include "snapshot.h"

#include "jsonvalues.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace {
template<typename T>
QJsonValue optionalToJson(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<bool> boolFromJson(const QJsonValue &value)
{
    return value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

std::optional<double> numberFromJson(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QJsonArray holdsToJson(const QList<Hold> &holds)
{
    QJsonArray array;
    for (const Hold &hold : holds) {
        array.append(QJsonObject{
            {u"type"_s, holdTypeName(hold.type)},
            {u"source_code"_s, hold.sourceCode},
            {u"since"_s, JsonValues::fromTime(hold.since)},
        });
    }
    return array;
}

QList<Hold> holdsFromJson(const QJsonValue &value)
{
    QList<Hold> holds;
    const QJsonArray array = value.toArray();
    for (const auto &element : array) {
        const QJsonObject object = element.toObject();
        Hold hold;
        hold.type = holdTypeFromName(object.value(u"type"_s).toString()).value_or(HoldType::Other);
        hold.sourceCode = object.value(u"source_code"_s).toString();
        hold.since = JsonValues::toTime(object.value(u"since"_s));
        holds.append(hold);
    }
    return holds;
}

QJsonValue sizeTypeToJson(const SizeType &sizeType)
{
    if (sizeType.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{
        {u"length"_s, JsonValues::fromText(sizeType.length)},
        {u"height"_s, JsonValues::fromText(sizeType.height)},
        {u"iso_code"_s, JsonValues::fromText(sizeType.isoCode)},
    };
}

SizeType sizeTypeFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return SizeType{object.value(u"length"_s).toString(), object.value(u"height"_s).toString(),
                    object.value(u"iso_code"_s).toString()};
}
} // namespace

QDate ContainerSnapshot::lfd() const
{
    if (!lfdTerminal.isValid())
        return lfdLine;
    if (!lfdLine.isValid())
        return lfdTerminal;
    return std::min(lfdTerminal, lfdLine);
}

ContainerStatus ContainerSnapshot::deriveStatus() const
{
    if (emptyReturnedAt.isValid())
        return ContainerStatus::EmptyReturned;
    if (outgatedAt.isValid())
        return ContainerStatus::Outgated;
    if (available.has_value())
        return *available ? ContainerStatus::Available : ContainerStatus::NotAvailable;
    if (dischargedAt.isValid())
        return ContainerStatus::Discharged;
    if (!vesselName.isEmpty() || vesselEta.isValid() || vesselAta.isValid())
        return ContainerStatus::OnVessel;
    if (notFound)
        return ContainerStatus::NotFound;
    return ContainerStatus::Unknown;
}

QJsonObject ContainerSnapshot::toJson() const
{
    return QJsonObject{
        {u"status"_s, containerStatusName(status)},
        {u"vessel_name"_s, JsonValues::fromText(vesselName)},
        {u"voyage"_s, JsonValues::fromText(voyage)},
        {u"vessel_eta"_s, JsonValues::fromTime(vesselEta)},
        {u"vessel_ata"_s, JsonValues::fromTime(vesselAta)},
        {u"discharged_at"_s, JsonValues::fromTime(dischargedAt)},
        {u"available"_s, optionalToJson(available)},
        {u"location"_s, JsonValues::fromText(location)},
        {u"location_lot"_s, JsonValues::fromText(locationLot)},
        {u"holds"_s, holdsToJson(holds)},
        {u"lfd_terminal"_s, JsonValues::fromDate(lfdTerminal)},
        {u"lfd_line"_s, JsonValues::fromDate(lfdLine)},
        {u"lfd"_s, JsonValues::fromDate(lfd())},
        {u"demurrage_amount"_s, optionalToJson(demurrageAmount)},
        {u"outgated_at"_s, JsonValues::fromTime(outgatedAt)},
        {u"outgate_trucker"_s, JsonValues::fromText(outgateTrucker)},
        {u"chassis_number"_s, JsonValues::fromText(chassisNumber)},
        {u"empty_returned_at"_s, JsonValues::fromTime(emptyReturnedAt)},
        {u"pickup_appointment_at"_s, JsonValues::fromTime(pickupAppointmentAt)},
        {u"size_type"_s, sizeTypeToJson(sizeType)},
        {u"gross_weight"_s, optionalToJson(grossWeight)},
        {u"hazardous"_s, optionalToJson(hazardous)},
        {u"line_scac"_s, JsonValues::fromText(lineScac)},
        {u"not_found"_s, notFound},
        {u"yard_listing_conflict"_s, yardListingConflict},
    };
}

ContainerSnapshot ContainerSnapshot::fromJson(const QJsonObject &json)
{
    ContainerSnapshot snapshot;
    snapshot.status = containerStatusFromName(json.value(u"status"_s).toString()).value_or(ContainerStatus::Unknown);
    snapshot.vesselName = json.value(u"vessel_name"_s).toString();
    snapshot.voyage = json.value(u"voyage"_s).toString();
    snapshot.vesselEta = JsonValues::toTime(json.value(u"vessel_eta"_s));
    snapshot.vesselAta = JsonValues::toTime(json.value(u"vessel_ata"_s));
    snapshot.dischargedAt = JsonValues::toTime(json.value(u"discharged_at"_s));
    snapshot.available = boolFromJson(json.value(u"available"_s));
    snapshot.location = json.value(u"location"_s).toString();
    snapshot.locationLot = json.value(u"location_lot"_s).toString();
    snapshot.holds = holdsFromJson(json.value(u"holds"_s));
    snapshot.lfdTerminal = JsonValues::toDate(json.value(u"lfd_terminal"_s));
    snapshot.lfdLine = JsonValues::toDate(json.value(u"lfd_line"_s));
    snapshot.demurrageAmount = numberFromJson(json.value(u"demurrage_amount"_s));
    snapshot.outgatedAt = JsonValues::toTime(json.value(u"outgated_at"_s));
    snapshot.outgateTrucker = json.value(u"outgate_trucker"_s).toString();
    snapshot.chassisNumber = json.value(u"chassis_number"_s).toString();
    snapshot.emptyReturnedAt = JsonValues::toTime(json.value(u"empty_returned_at"_s));
    snapshot.pickupAppointmentAt = JsonValues::toTime(json.value(u"pickup_appointment_at"_s));
    snapshot.sizeType = sizeTypeFromJson(json.value(u"size_type"_s));
    snapshot.grossWeight = numberFromJson(json.value(u"gross_weight"_s));
    snapshot.hazardous = boolFromJson(json.value(u"hazardous"_s));
    snapshot.lineScac = json.value(u"line_scac"_s).toString();
    snapshot.notFound = json.value(u"not_found"_s).toBool();
    snapshot.yardListingConflict = json.value(u"yard_listing_conflict"_s).toBool();
    return snapshot;
}
