#pragma once

#include "watchentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// How often a container is re-traced, by its last known state, so that changes are seen quickly
// where they cost money and providers are not flooded. One table drives the scheduler, the
// settings screen and the tests.
struct ScheduleRule
{
    QString name;                          // stable id, e.g. "eta_within_48h"
    QString description;                   // shown in the settings
    std::optional<qint64> intervalSeconds; // nullopt: no more traces
};

namespace SchedulePolicy {
const QList<ScheduleRule> &rules();
// The rule that applies to this entry at time now.
const ScheduleRule &ruleFor(const WatchEntry &entry, const QDateTime &now);
// Next trace time, or an invalid QDateTime when the entry needs no more traces.
QDateTime nextTraceAt(const WatchEntry &entry, const QDateTime &now);
// After a failed trace: retry sooner than the normal interval but never hammer the provider.
QDateTime nextTraceAfterError(const WatchEntry &entry, const QDateTime &now);
} // namespace SchedulePolicy
