#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>

enum class EventCode
{
    VesselEta,
    VesselArrived,
    Discharged,
    Available,
    NotAvailable,
    HoldAdded,
    HoldReleased,
    Released,
    LfdChanged,
    PickupAppointment,
    Outgated,
    EmptyReturned,
    GateIn,
    Loaded,
    NotFound,
    Other, // a provider event Quaywatch does not map; its own code is kept as the provider code
};

constexpr EventCode lastEventCode = EventCode::Other;

QString eventCodeName(EventCode code); // "VESSEL_ETA", "DISCHARGED", ... (the normalized event codes)
std::optional<EventCode> eventCodeFromName(const QString &name);

// Qt 6.4 has no qHash for scoped enums.
inline size_t qHash(EventCode code, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(code), seed);
}
