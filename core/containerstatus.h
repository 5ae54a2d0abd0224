#pragma once

#include <QString>

#include <optional>

enum class ContainerStatus
{
    Unknown,
    NotFound,
    OnVessel,
    Discharged,
    NotAvailable,
    Available,
    Outgated,
    EmptyReturned
};

QString containerStatusName(ContainerStatus status); // "on_vessel", "discharged", ... (the snapshot's status names)
std::optional<ContainerStatus> containerStatusFromName(const QString &name);

enum class TraceState
{
    Active,
    Cancelled,
    Expired,
    Completed
};

QString traceStateName(TraceState state); // "active", "cancelled", "expired", "completed"
std::optional<TraceState> traceStateFromName(const QString &name);
