#include "eventcode.h"

#include <array>
#include <utility>

namespace {
const std::array<std::pair<EventCode, QStringView>, 16> codeNames{{
    {EventCode::VesselEta, u"VESSEL_ETA"},
    {EventCode::VesselArrived, u"VESSEL_ARRIVED"},
    {EventCode::Discharged, u"DISCHARGED"},
    {EventCode::Available, u"AVAILABLE"},
    {EventCode::NotAvailable, u"NOT_AVAILABLE"},
    {EventCode::HoldAdded, u"HOLD_ADDED"},
    {EventCode::HoldReleased, u"HOLD_RELEASED"},
    {EventCode::Released, u"RELEASED"},
    {EventCode::LfdChanged, u"LFD_CHANGED"},
    {EventCode::PickupAppointment, u"PICKUP_APPOINTMENT"},
    {EventCode::Outgated, u"OUTGATED"},
    {EventCode::EmptyReturned, u"EMPTY_RETURNED"},
    {EventCode::GateIn, u"GATE_IN"},
    {EventCode::Loaded, u"LOADED"},
    {EventCode::NotFound, u"NOT_FOUND"},
    {EventCode::Other, u"OTHER"},
}};
} // namespace

QString eventCodeName(EventCode code)
{
    for (const auto &[value, name] : codeNames) {
        if (value == code)
            return name.toString();
    }
    return QStringLiteral("NOT_FOUND");
}

std::optional<EventCode> eventCodeFromName(const QString &name)
{
    for (const auto &[value, text] : codeNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}
