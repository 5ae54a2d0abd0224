#include "schedulepolicy.h"

#include <QtGlobal>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 etaHorizonSeconds = 48 * hour;
constexpr qint64 errorRetryCeiling = 30 * minute;
constexpr qint64 errorRetryFloor = 5 * minute;

using Predicate = std::function<bool(const WatchEntry &, const QDateTime &now)>;

struct RuleEntry
{
    ScheduleRule rule;
    Predicate applies;
};

bool hasStatus(const WatchEntry &entry, std::initializer_list<ContainerStatus> statuses)
{
    return std::find(statuses.begin(), statuses.end(), entry.snapshot.status) != statuses.end();
}

// Evaluated top to bottom; the first rule that applies wins, the last one always applies. The
// descriptions are English here (the CLI's) and translated where the console shows them.
const QList<RuleEntry> &ruleTable()
{
    static const QList<RuleEntry> table{
        {{u"trace_finished"_s,
          QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "Cancelled, expired or completed: no more traces")),
          std::nullopt},
         [](const WatchEntry &entry, const QDateTime &) { return entry.traceState != TraceState::Active; }},
        {{u"empty_returned"_s, QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "Empty returned: no more traces")),
          std::nullopt},
         [](const WatchEntry &entry, const QDateTime &) { return hasStatus(entry, {ContainerStatus::EmptyReturned}); }},
        {{u"outgated"_s,
          QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "Outgated: every 4 hours until the empty is returned")),
          4 * hour},
         [](const WatchEntry &entry, const QDateTime &) { return hasStatus(entry, {ContainerStatus::Outgated}); }},
        {{u"held"_s, QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "On hold: every 15 minutes")), 15 * minute},
         [](const WatchEntry &entry, const QDateTime &) { return !entry.snapshot.holds.isEmpty(); }},
        {{u"in_yard"_s,
          QString::fromUtf8(
              QT_TRANSLATE_NOOP("SchedulePolicy", "Discharged, available or not available: every 15 minutes")),
          15 * minute},
         [](const WatchEntry &entry, const QDateTime &) {
             return hasStatus(entry,
                              {ContainerStatus::Available, ContainerStatus::NotAvailable, ContainerStatus::Discharged});
         }},
        {{u"eta_within_48h"_s,
          QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "On vessel, ETA within 48 hours: every 15 minutes")),
          15 * minute},
         [](const WatchEntry &entry, const QDateTime &now) {
             const QDateTime &eta = entry.snapshot.vesselEta;
             return hasStatus(entry, {ContainerStatus::OnVessel}) && eta.isValid() &&
                    now.secsTo(eta) <= etaHorizonSeconds;
         }},
        {{u"on_vessel"_s,
          QString::fromUtf8(
              QT_TRANSLATE_NOOP("SchedulePolicy", "On vessel, ETA further away or unknown: every 12 hours")),
          12 * hour},
         [](const WatchEntry &entry, const QDateTime &) { return hasStatus(entry, {ContainerStatus::OnVessel}); }},
        {{u"not_found"_s,
          QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "Not found at the terminal: every 6 hours")), 6 * hour},
         [](const WatchEntry &entry, const QDateTime &) { return hasStatus(entry, {ContainerStatus::NotFound}); }},
        {{u"unknown"_s,
          QString::fromUtf8(QT_TRANSLATE_NOOP("SchedulePolicy", "Not traced yet or status unknown: every hour")), hour},
         [](const WatchEntry &, const QDateTime &) { return true; }},
    };
    return table;
}
} // namespace

namespace SchedulePolicy {

const QList<ScheduleRule> &rules()
{
    static const QList<ScheduleRule> list = [] {
        QList<ScheduleRule> result;
        for (const RuleEntry &entry : ruleTable())
            result.append(entry.rule);
        return result;
    }();
    return list;
}

const ScheduleRule &ruleFor(const WatchEntry &entry, const QDateTime &now)
{
    const QList<RuleEntry> &table = ruleTable();
    for (const RuleEntry &candidate : table) {
        if (candidate.applies(entry, now))
            return candidate.rule;
    }
    return table.constLast().rule;
}

QDateTime nextTraceAt(const WatchEntry &entry, const QDateTime &now)
{
    const ScheduleRule &rule = ruleFor(entry, now);
    if (!rule.intervalSeconds)
        return {};
    return now.toUTC().addSecs(*rule.intervalSeconds);
}

QDateTime nextTraceAfterError(const WatchEntry &entry, const QDateTime &now)
{
    const ScheduleRule &rule = ruleFor(entry, now);
    if (!rule.intervalSeconds)
        return {};
    const qint64 delay = std::max(errorRetryFloor, std::min(*rule.intervalSeconds, errorRetryCeiling));
    return now.toUTC().addSecs(delay);
}

} // namespace SchedulePolicy
