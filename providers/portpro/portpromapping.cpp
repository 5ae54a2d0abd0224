#include "portpromapping.h"

#include "jsonvalues.h"

#include <QJsonArray>
#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonValue holdList(const WatchEntry &entry, bool customs)
{
    QJsonArray holds;
    for (const Hold &hold : entry.snapshot.holds) {
        if ((hold.type == HoldType::Customs) != customs)
            continue;
        holds.append(hold.sourceCode.isEmpty() ? holdTypeName(hold.type) : hold.sourceCode);
    }
    if (!holds.isEmpty())
        return holds;
    // No hold: released (an empty list) once a provider has reported the container; before that
    // nothing is known (null). A release is then a change the push sends, and an untraced
    // container does not tell PortPro its freight is released.
    const bool reported =
        entry.snapshot.status != ContainerStatus::Unknown && entry.snapshot.status != ContainerStatus::NotFound;
    return reported ? QJsonValue(QJsonArray()) : QJsonValue();
}

QJsonValue vesselEta(const WatchEntry &entry)
{
    return JsonValues::fromTime(entry.snapshot.vesselEta);
}
QJsonValue vesselAta(const WatchEntry &entry)
{
    return JsonValues::fromTime(entry.snapshot.vesselAta);
}
QJsonValue lastFreeDay(const WatchEntry &entry)
{
    const QDate lfd = entry.snapshot.lfd();
    return lfd.isValid() ? QJsonValue(lfd.toString(Qt::ISODate)) : QJsonValue();
}
QJsonValue discharged(const WatchEntry &entry)
{
    return JsonValues::fromTime(entry.snapshot.dischargedAt);
}
QJsonValue outgated(const WatchEntry &entry)
{
    return JsonValues::fromTime(entry.snapshot.outgatedAt);
}
QJsonValue emptyReturned(const WatchEntry &entry)
{
    return JsonValues::fromTime(entry.snapshot.emptyReturnedAt);
}
QJsonValue pickupAppointment(const WatchEntry &entry)
{
    return JsonValues::fromTime(entry.snapshot.pickupAppointmentAt);
}
QJsonValue chassis(const WatchEntry &entry)
{
    return entry.snapshot.chassisNumber.isEmpty() ? QJsonValue() : QJsonValue(entry.snapshot.chassisNumber);
}
QJsonValue freightHold(const WatchEntry &entry)
{
    return holdList(entry, false);
}
QJsonValue customHold(const WatchEntry &entry)
{
    return holdList(entry, true);
}

} // namespace

const FieldMapping &PortProMapping::mapping()
{
    static const FieldMapping table{
        QString::fromLatin1(kind),
        u"PortPro"_s,
        {
            {1, u"Mother Vessel ETA (Berthing)"_s, u"vessel_eta"_s, u"Vessel ETA"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "UTC time")), vesselEta},
            {2, u"Mother Vessel ATA (Berthing)"_s, u"vessel_ata"_s, u"Vessel ETA"_s,
             QString::fromUtf8(
                 QT_TRANSLATE_NOOP("MappingRules", "UTC time; once the vessel has arrived it replaces the ETA")),
             vesselAta},
            {3, u"Earliest of Terminal LFD or Line LFD"_s, u"lfd (lfd_terminal, lfd_line)"_s, u"Last Free Day"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "The earlier of the two dates")), lastFreeDay},
            {4, u"Actual DISCHARGED milestone"_s, u"discharged_at"_s, u"Discharged Date"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "UTC time")), discharged},
            {5, u"Actual FULL OUTGATED milestone"_s, u"outgated_at"_s, u"Outgate Date"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "UTC time")), outgated},
            {6, u"Actual EMPTY RETURNED milestone"_s, u"empty_returned_at"_s, u"Ingate Date"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "UTC time of the empty return")), emptyReturned},
            {7, u"Pickup Appointment Date"_s, u"pickup_appointment_at"_s, u"Pick Up Location \u2192 From"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "UTC time")), pickupAppointment},
            {8, u"Chassis Number"_s, u"chassis_number"_s, u"Chassis Number"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "As reported at the outgate")), chassis},
            {9, u"Line, Terminal, USDA, Other holds"_s, u"holds (LINE, FREIGHT, USDA, TMF, CTF, DEMURRAGE, OTHER)"_s,
             u"Freight Hold"_s,
             QString::fromUtf8(QT_TRANSLATE_NOOP(
                 "MappingRules", "Every current hold except customs, by the provider's own text; empty: none")),
             freightHold},
            {10, u"Customs holds"_s, u"holds (CUSTOMS)"_s, u"Custom Hold"_s,
             QString::fromUtf8(
                 QT_TRANSLATE_NOOP("MappingRules", "Current customs holds, by the provider's own text; empty: none")),
             customHold},
        }};
    return table;
}
