// The 32 event codes of PortConnect's "Webhook Callback Payload" page (section "Codes", with the
// "Container Visit Event Types" table for facility codes and event values) and what each becomes in
// the normalized model. Releases and their cancellations are hold changes: a cancellation puts the
// hold back (or withdraws availability), a later release lifts it again, and each is its own event.
#include "portconnectmapper.h"
#include "providertime.h"

#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace {

QString providerCodeOf(const Observation &observation)
{
    return observation.raw.value(u"containerVisitEventTypeCode"_s).toString().trimmed().toUpper();
}

QString value1(const QJsonObject &element)
{
    return element.value(u"containerVisitEventValue"_s).toString().trimmed();
}

QString value2(const QJsonObject &element)
{
    return element.value(u"containerVisitEventValue2"_s).toString().trimmed();
}

bool atDepot(const QJsonObject &element)
{
    return element.value(u"partnerPortCode"_s).toString().trimmed().compare(u"DEPOT"_s, Qt::CaseInsensitive) == 0;
}

void addMilestone(Observation &observation, EventCode code, const QDateTime &at, QJsonObject data = {})
{
    observation.milestones.append(ObservedMilestone{code, providerCodeOf(observation), at, std::move(data)});
}

// A mapped code with no normalized event of its own: OTHER, with its meaning (not "unmapped").
void addOther(Observation &observation, const QDateTime &at, const QString &meaning, QJsonObject data = {})
{
    data.insert(u"meaning"_s, meaning);
    addMilestone(observation, EventCode::Other, at, std::move(data));
}

void changeHold(Observation &observation, HoldType type, const QString &source, bool placed, const QDateTime &at,
                QJsonObject data = {})
{
    observation.holdChanges.append(
        ObservedHoldChange{Hold{type, source, {}}, placed, providerCodeOf(observation), at, std::move(data)});
}

// An event value that is a date and time (documented for LFT24HOURS as "Last free time"; its
// format is not in any stored sample).
QDateTime valueTime(const QJsonObject &element)
{
    return PortConnectMapper::readTime(value1(element));
}

void applyLastFreeTime(const QJsonObject &element, const QDateTime &at, Observation &observation,
                       const QString &warning)
{
    const QString text = value1(element);
    QDate lfd;
    if (const QDateTime time = valueTime(element); time.isValid())
        lfd = time.toTimeZone(PortConnectMapper::zone()).date();
    else
        lfd = ProviderTime::readDay(text);
    if (lfd.isValid()) {
        observation.lfdTerminal = lfd;
        observation.providerCodes.insert(EventCode::LfdChanged, providerCodeOf(observation));
    } else if (warning.isEmpty()) {
        addMilestone(observation, EventCode::LfdChanged, at, QJsonObject{{u"last_free_time_text"_s, text}});
    }
    if (!warning.isEmpty())
        addOther(observation, at, warning, QJsonObject{{u"last_free_time"_s, text}});
}

// The holds PortConnect's releases lift, by the provider's text Quaywatch keeps as the source code.
enum HoldSource
{
    Customs,
    Mpi,
    Lop,
    Clearance,
    Cedo,
    ExportClearance,
    Pin
};

QString holdSourceText(HoldSource source)
{
    switch (source) {
    case Customs:
        return u"CUSTOMS"_s;
    case Mpi:
        return u"MPI"_s;
    case Lop:
        return u"LOP"_s;
    case Clearance:
        return u"CLEARANCE"_s;
    case Cedo:
        return u"CEDO"_s;
    case ExportClearance:
        return u"EXPORT CLEARANCE"_s;
    case Pin:
        return u"PIN"_s;
    }
    return {};
}

// Placed = true: the hold is (back) on; false: released. Value 1 (e.g. the export release number
// of CEDORELEASE) is kept in the event's data.
template<HoldType type, HoldSource source, bool placed>
void holdEvent(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    QJsonObject data;
    if (const QString value = value1(element); !value.isEmpty())
        data.insert(u"value"_s, value);
    changeHold(observation, type, holdSourceText(source), placed, at, data);
}

constexpr auto customsRelease = &holdEvent<HoldType::Customs, Customs, false>;
constexpr auto customsCancelled = &holdEvent<HoldType::Customs, Customs, true>;
constexpr auto mpiRelease = &holdEvent<HoldType::Other, Mpi, false>;
constexpr auto mpiCancelled = &holdEvent<HoldType::Other, Mpi, true>;
constexpr auto lopRelease = &holdEvent<HoldType::Line, Lop, false>;
constexpr auto lopCancelled = &holdEvent<HoldType::Line, Lop, true>;
constexpr auto cleared = &holdEvent<HoldType::Other, Clearance, false>;
constexpr auto clearedCancelled = &holdEvent<HoldType::Other, Clearance, true>;
constexpr auto dischargedNotCleared = &holdEvent<HoldType::Other, Clearance, true>;
constexpr auto cedoRelease = &holdEvent<HoldType::Customs, Cedo, false>;
constexpr auto cedoRevoked = &holdEvent<HoldType::Customs, Cedo, true>;
constexpr auto noCedo = &holdEvent<HoldType::Customs, Cedo, true>;
constexpr auto exportCleared = &holdEvent<HoldType::Other, ExportClearance, false>;
constexpr auto exportClearedCancelled = &holdEvent<HoldType::Other, ExportClearance, true>;
constexpr auto pinAvailable = &holdEvent<HoldType::Other, Pin, false>;
constexpr auto pinSuspended = &holdEvent<HoldType::Other, Pin, true>;

void active(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    addOther(observation, at, u"record live in PortConnect"_s);
}

void available(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    observation.available = true;
    observation.availableAt = at;
    observation.providerCodes.insert(EventCode::Available, providerCodeOf(observation));
}

void availableCancelled(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    observation.available = false;
    observation.availableAt = at;
    observation.providerCodes.insert(EventCode::NotAvailable, providerCodeOf(observation));
}

void bookingDiscrepancy(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    addOther(observation, at, u"booking does not match the pre-advice or gate-in"_s,
             QJsonObject{{u"container_visit_value"_s, value1(element)}, {u"booking_value"_s, value2(element)}});
}

void discharge(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    observation.dischargedAt = at;
    observation.providerCodes.insert(EventCode::Discharged, providerCodeOf(observation));
    // Event values 1 and 2 of DISCHARGE are the vessel name and voyage (code table).
    if (!observation.vesselName && !value1(element).isEmpty())
        observation.vesselName = value1(element);
    if (!observation.voyage && !value2(element).isEmpty())
        observation.voyage = value2(element);
}

QJsonObject gateData(const QJsonObject &element)
{
    if (atDepot(element))
        return QJsonObject{{u"depot"_s, value1(element)}, {u"truck_id"_s, value2(element)}};
    return QJsonObject{{u"transport_mode"_s, value1(element)}, {u"truck_id"_s, value2(element)}};
}

void gateIn(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    // At an empty depot (partnerPortCode DEPOT) a gate-in is the empty return.
    if (atDepot(element)) {
        observation.emptyReturnedAt = at;
        observation.providerCodes.insert(EventCode::EmptyReturned, providerCodeOf(observation));
    } else {
        addMilestone(observation, EventCode::GateIn, at, gateData(element));
    }
}

void gateOut(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    // Leaving an empty depot is the start of a later (export) use, not this visit's outgate.
    if (atDepot(element)) {
        addOther(observation, at, u"gate-out at the empty depot"_s, gateData(element));
        return;
    }
    observation.outgatedAt = at;
    observation.providerCodes.insert(EventCode::Outgated, providerCodeOf(observation));
    if (!value2(element).isEmpty())
        observation.outgateTrucker = value2(element);
}

void hazardGateRule(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    observation.hazardous = true;
    addOther(observation, at, u"hazardous cargo gate-in rule applies"_s);
}

void lftChanged(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    applyLastFreeTime(element, at, observation, {});
}

void lft24Hours(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    applyLastFreeTime(element, at, observation, u"last free time within 24 hours"_s);
}

void lftExceeded(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    applyLastFreeTime(element, at, observation, u"last free time exceeded"_s);
}

void load(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    addMilestone(observation, EventCode::Loaded, at);
}

void priorityGateIn(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    addOther(observation, at, u"priority gate-in"_s, gateData(element));
}

void vbsChanged(const QJsonObject &element, const QDateTime &at, Observation &observation)
{
    // The VBS (vehicle booking system) slot is the pickup appointment; its value format is not in
    // any stored sample.
    if (const QDateTime slot = valueTime(element); slot.isValid()) {
        observation.pickupAppointmentAt = slot;
        observation.providerCodes.insert(EventCode::PickupAppointment, providerCodeOf(observation));
    } else {
        addMilestone(observation, EventCode::PickupAppointment, at,
                     QJsonObject{{u"slot_text"_s, value1(element)}, {u"value2"_s, value2(element)}});
    }
}

void vesselArrival(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    observation.vesselAta = at;
    observation.providerCodes.insert(EventCode::VesselArrived, providerCodeOf(observation));
}

void vesselDeparture(const QJsonObject & /*element*/, const QDateTime &at, Observation &observation)
{
    addOther(observation, at, u"vessel departed"_s);
}

const QStringList mklRua{u"NZMKL"_s, u"NZRUA"_s};
const QStringList customsFacilities{u"NZMKL"_s, u"NZOLT"_s, u"NZRUA"_s};
const QStringList gateFacilities{u"NZMKL"_s, u"NZWII"_s, u"NZOLT"_s, u"NZCHC"_s, u"NZRUA"_s};

} // namespace

namespace PortConnectMapper {

const QList<PortConnectMappingRow> &rows()
{
    static const QList<PortConnectMappingRow> table{
        {u"ACTIVE"_s, u"OTHER"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the container record became live in PortConnect")),
         mklRua, &active},
        {u"AVAILABLE"_s, u"AVAILABLE (available)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "discharged and fully released: available")), mklRua,
         &available},
        {u"AVAILABLECANCELLED"_s,
         u"NOT_AVAILABLE (available = false)"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "the availability advice was cancelled: not available again")),
         {},
         &availableCancelled},
        {u"BOOKINGDISCREPANCY"_s,
         u"OTHER"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "the booking does not match the pre-advice or gate-in (values kept)")),
         {},
         &bookingDiscrepancy},
        {u"CEDORELEASE"_s,
         u"HOLD_RELEASED (CUSTOMS, CEDO)"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "export customs release (CEDO); value 1 is the export release number")),
         {},
         cedoRelease},
        {u"CEDOREVOKED"_s,
         u"HOLD_ADDED (CUSTOMS, CEDO)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the CEDO was revoked: the export hold is back")),
         {},
         cedoRevoked},
        {u"CLEARED"_s,
         u"HOLD_RELEASED (OTHER, CLEARANCE)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "fully cleared")),
         {},
         cleared},
        {u"CLEAREDCANCELLED"_s,
         u"HOLD_ADDED (OTHER, CLEARANCE)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the clearance was cancelled: not cleared again")),
         {},
         clearedCancelled},
        {u"CUSTOMSRELEASE"_s, u"HOLD_RELEASED (CUSTOMS)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "customs released the container")), customsFacilities,
         customsRelease},
        {u"CUSTOMSRELEASECANCELLED"_s,
         u"HOLD_ADDED (CUSTOMS)"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "the customs release was cancelled: the customs hold is back")),
         {},
         customsCancelled},
        {u"DISCHARGE"_s,
         u"DISCHARGED (discharged_at)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "discharged from the vessel at the event time; values: vessel name, voyage")),
         {},
         &discharge},
        {u"DISCHARGEDNOTCLEARED"_s,
         u"HOLD_ADDED (OTHER, CLEARANCE)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "discharged but not cleared (from the name; the table row is not stored)")),
         {},
         dischargedNotCleared},
        {u"EXPORTCLEARED"_s,
         u"HOLD_RELEASED (OTHER, EXPORT CLEARANCE)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "CEDO in place and no other stops")),
         {},
         exportCleared},
        {u"EXPORTCLEAREDCANCELLED"_s,
         u"HOLD_ADDED (OTHER, EXPORT CLEARANCE)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the export clearance was cancelled")),
         {},
         exportClearedCancelled},
        {u"GATEIN"_s, u"GATE_IN, or EMPTY_RETURNED at partnerPortCode DEPOT"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules",
             "entered the facility (values: transport mode, truck id); at an empty depot the empty return")),
         gateFacilities, &gateIn},
        {u"GATEOUT"_s, u"OUTGATED (outgated_at); OTHER at partnerPortCode DEPOT"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "left the facility (values: transport mode, truck id)")),
         gateFacilities, &gateOut},
        {u"HAZARDGATERULE"_s,
         u"OTHER (hazardous)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the hazardous cargo gate-in rule applies")),
         {},
         &hazardGateRule},
        {u"LFTCHANGED"_s,
         u"LFD_CHANGED (lfd_terminal)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "the last free time (value 1) changed; its date in NZ time is the terminal LFD")),
         {},
         &lftChanged},
        {u"LFTEXCEEDED"_s,
         u"LFD_CHANGED (lfd_terminal) and OTHER"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the last free time (value 1) has passed")),
         {},
         &lftExceeded},
        {u"LFT24HOURS"_s, u"LFD_CHANGED (lfd_terminal) and OTHER"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the last free time (value 1) is within 24 hours")),
         mklRua, &lft24Hours},
        {u"LOAD"_s,
         u"LOADED"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "loaded onto the vessel")),
         {},
         &load},
        {u"LOPRELEASE"_s,
         u"HOLD_RELEASED (LINE, LOP)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the line operator released the container")),
         {},
         lopRelease},
        {u"LOPRELEASECANCELLED"_s,
         u"HOLD_ADDED (LINE, LOP)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the line release was cancelled: the line hold is back")),
         {},
         lopCancelled},
        {u"MPIRELEASE"_s,
         u"HOLD_RELEASED (OTHER, MPI)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "biosecurity (MPI) released the container")),
         {},
         mpiRelease},
        {u"MPIRELEASECANCELLED"_s,
         u"HOLD_ADDED (OTHER, MPI)"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "the MPI release was cancelled: the biosecurity hold is back")),
         {},
         mpiCancelled},
        {u"NOCEDO"_s,
         u"HOLD_ADDED (CUSTOMS, CEDO)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "no CEDO (export release) yet (from the name)")),
         {},
         noCedo},
        {u"PINAVAILABLE"_s,
         u"HOLD_RELEASED (OTHER, PIN)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the pickup PIN is available (from the name)")),
         {},
         pinAvailable},
        {u"PINSUSPENDED"_s,
         u"HOLD_ADDED (OTHER, PIN)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the pickup PIN is suspended (from the name)")),
         {},
         pinSuspended},
        {u"PRIORITYGATEIN"_s,
         u"OTHER"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "priority gate-in (from the name; not a gate move)")),
         {},
         &priorityGateIn},
        {u"VBSCHANGED"_s,
         u"PICKUP_APPOINTMENT (pickup_appointment_at)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the VBS booking changed; value 1 read as the slot time")),
         {},
         &vbsChanged},
        {u"VESSELARRIVAL"_s,
         u"VESSEL_ARRIVED (vessel_ata)"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the vessel's arrival time")),
         {},
         &vesselArrival},
        {u"VESSELDEPARTURE"_s,
         u"OTHER"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "the vessel departed")),
         {},
         &vesselDeparture},
    };
    return table;
}

const PortConnectMappingRow *row(const QString &providerCode)
{
    const QString wanted = providerCode.trimmed();
    for (const PortConnectMappingRow &candidate : rows()) {
        if (candidate.providerCode.compare(wanted, Qt::CaseInsensitive) == 0)
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

} // namespace PortConnectMapper
