#include "snapshot.h"

#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace {
// Whole seconds print as "2024-05-01T10:00:00Z"; sub-second times keep their milliseconds so that
// fromJson(toJson(x)) == x holds for every snapshot.
QJsonValue timeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QDateTime timeFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QJsonValue dateToJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QDate dateFromJson(const QJsonValue &value)
{
    return value.isString() ? QDate::fromString(value.toString(), Qt::ISODate) : QDate();
}

QJsonValue textToJson(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

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
            {u"since"_s, timeToJson(hold.since)},
        });
    }
    return array;
}

QList<Hold> holdsFromJson(const QJsonValue &value)
{
    QList<Hold> holds;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &element : array) {
        const QJsonObject object = element.toObject();
        Hold hold;
        hold.type = holdTypeFromName(object.value(u"type"_s).toString()).value_or(HoldType::Other);
        hold.sourceCode = object.value(u"source_code"_s).toString();
        hold.since = timeFromJson(object.value(u"since"_s));
        holds.append(hold);
    }
    return holds;
}

QJsonValue sizeTypeToJson(const SizeType &sizeType)
{
    if (sizeType.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{
        {u"length"_s, textToJson(sizeType.length)},
        {u"height"_s, textToJson(sizeType.height)},
        {u"iso_code"_s, textToJson(sizeType.isoCode)},
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
        {u"vessel_name"_s, textToJson(vesselName)},
        {u"voyage"_s, textToJson(voyage)},
        {u"vessel_eta"_s, timeToJson(vesselEta)},
        {u"vessel_ata"_s, timeToJson(vesselAta)},
        {u"discharged_at"_s, timeToJson(dischargedAt)},
        {u"available"_s, optionalToJson(available)},
        {u"location"_s, textToJson(location)},
        {u"location_lot"_s, textToJson(locationLot)},
        {u"holds"_s, holdsToJson(holds)},
        {u"lfd_terminal"_s, dateToJson(lfdTerminal)},
        {u"lfd_line"_s, dateToJson(lfdLine)},
        {u"lfd"_s, dateToJson(lfd())},
        {u"demurrage_amount"_s, optionalToJson(demurrageAmount)},
        {u"outgated_at"_s, timeToJson(outgatedAt)},
        {u"outgate_trucker"_s, textToJson(outgateTrucker)},
        {u"chassis_number"_s, textToJson(chassisNumber)},
        {u"empty_returned_at"_s, timeToJson(emptyReturnedAt)},
        {u"pickup_appointment_at"_s, timeToJson(pickupAppointmentAt)},
        {u"size_type"_s, sizeTypeToJson(sizeType)},
        {u"gross_weight"_s, optionalToJson(grossWeight)},
        {u"hazardous"_s, optionalToJson(hazardous)},
        {u"line_scac"_s, textToJson(lineScac)},
        {u"not_found"_s, notFound},
    };
}

ContainerSnapshot ContainerSnapshot::fromJson(const QJsonObject &json)
{
    ContainerSnapshot snapshot;
    snapshot.status = containerStatusFromName(json.value(u"status"_s).toString()).value_or(ContainerStatus::Unknown);
    snapshot.vesselName = json.value(u"vessel_name"_s).toString();
    snapshot.voyage = json.value(u"voyage"_s).toString();
    snapshot.vesselEta = timeFromJson(json.value(u"vessel_eta"_s));
    snapshot.vesselAta = timeFromJson(json.value(u"vessel_ata"_s));
    snapshot.dischargedAt = timeFromJson(json.value(u"discharged_at"_s));
    snapshot.available = boolFromJson(json.value(u"available"_s));
    snapshot.location = json.value(u"location"_s).toString();
    snapshot.locationLot = json.value(u"location_lot"_s).toString();
    snapshot.holds = holdsFromJson(json.value(u"holds"_s));
    snapshot.lfdTerminal = dateFromJson(json.value(u"lfd_terminal"_s));
    snapshot.lfdLine = dateFromJson(json.value(u"lfd_line"_s));
    snapshot.demurrageAmount = numberFromJson(json.value(u"demurrage_amount"_s));
    snapshot.outgatedAt = timeFromJson(json.value(u"outgated_at"_s));
    snapshot.outgateTrucker = json.value(u"outgate_trucker"_s).toString();
    snapshot.chassisNumber = json.value(u"chassis_number"_s).toString();
    snapshot.emptyReturnedAt = timeFromJson(json.value(u"empty_returned_at"_s));
    snapshot.pickupAppointmentAt = timeFromJson(json.value(u"pickup_appointment_at"_s));
    snapshot.sizeType = sizeTypeFromJson(json.value(u"size_type"_s));
    snapshot.grossWeight = numberFromJson(json.value(u"gross_weight"_s));
    snapshot.hazardous = boolFromJson(json.value(u"hazardous"_s));
    snapshot.lineScac = json.value(u"line_scac"_s).toString();
    snapshot.notFound = json.value(u"not_found"_s).toBool();
    return snapshot;
}
