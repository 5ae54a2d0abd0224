#include "containerstatus.h"

#include <array>
#include <utility>

namespace {
const std::array<std::pair<ContainerStatus, QStringView>, 8> statusNames{{
    {ContainerStatus::Unknown, u"unknown"},
    {ContainerStatus::NotFound, u"not_found"},
    {ContainerStatus::OnVessel, u"on_vessel"},
    {ContainerStatus::Discharged, u"discharged"},
    {ContainerStatus::NotAvailable, u"not_available"},
    {ContainerStatus::Available, u"available"},
    {ContainerStatus::Outgated, u"outgated"},
    {ContainerStatus::EmptyReturned, u"empty_returned"},
}};

const std::array<std::pair<TraceState, QStringView>, 4> traceStateNames{{
    {TraceState::Active, u"active"},
    {TraceState::Cancelled, u"cancelled"},
    {TraceState::Expired, u"expired"},
    {TraceState::Completed, u"completed"},
}};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, QStringView>, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return name.toString();
    }
    return table.front().second.toString();
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, QStringView>, N> &table, const QString &name)
{
    for (const auto &[value, text] : table) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}
} // namespace

QString containerStatusName(ContainerStatus status)
{
    return nameOf(statusNames, status);
}

std::optional<ContainerStatus> containerStatusFromName(const QString &name)
{
    return valueOf(statusNames, name);
}

QString traceStateName(TraceState state)
{
    return nameOf(traceStateNames, state);
}

std::optional<TraceState> traceStateFromName(const QString &name)
{
    return valueOf(traceStateNames, name);
}
