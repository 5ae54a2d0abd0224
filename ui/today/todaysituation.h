#pragma once

#include "watchlistrow.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

// What a container on the Today page needs, most urgent first: the enum order is the page's group
// order. Each container is in at most one group, the most urgent that applies.
enum class TodaySituation
{
    LfdOverdue,           // LFD passed while the container is still in the terminal: demurrage runs
    LfdToday,             // last free day is today
    LfdTomorrow,          // last free day is tomorrow
    OnHold,               // held in the terminal (LFD further away or unknown)
    AvailableNotPickedUp, // free to go, nobody picked it up
    DataProblem,          // trace error, stale data or the provider's facts disagree
};
inline constexpr int todaySituationCount = int(TodaySituation::DataProblem) + 1;

// Sorting out one watchlist row for the Today page, and the one sentence a coordinator reads for it.
// Pure functions of the row and "now" (the injected clock's), so they are tested without widgets.
namespace TodaySituations {
// The group's title in the installed language ("LFD overdue").
QString title(TodaySituation situation);
// Stable names for acknowledgements and tests: "lfd_overdue", "lfd_today", ...
QString key(TodaySituation situation);

struct Facts
{
    QDate today;        // the coordinator's today, on the clock
    QDateTime now;      // UTC
    QTimeZone siteZone; // for times in sentences
};

// Not traced for longer than its schedule promises: twice the schedule rule's interval (one cycle may
// be missed without alarm) and at least an hour. Never-traced and finished containers are not stale.
bool isStale(const WatchlistRow &row, const QDateTime &now);
// The schedule interval the row's state promises, in seconds (nullopt: no more traces).
std::optional<qint64> promisedIntervalSeconds(const WatchlistRow &row, const QDateTime &now);
// The availability answer says "available" while the gate says the container left.
bool providersDisagree(const WatchlistRow &row);

std::optional<TodaySituation> classify(const WatchlistRow &row, const Facts &facts);
// "Customs hold since 28 Nov, LFD tomorrow", in the installed language.
QString sentence(const WatchlistRow &row, TodaySituation situation, const Facts &facts);
} // namespace TodaySituations
