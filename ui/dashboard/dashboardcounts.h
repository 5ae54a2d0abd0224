#pragma once

#include "watchlistdrilldown.h"
#include "watchlistrow.h"

#include <QDate>
#include <QList>

#include <vector>

// The dashboard's figures, counted in one pass over the rows the watchlist already holds (no
// database query of its own). Each bar has the drill-down that shows exactly its rows.
struct DashboardCounts
{
    static constexpr int lfdDays = 7;

    QList<ContainerStatus> statuses; // bar order
    QList<int> byStatus;
    QList<HoldType> holdTypes; // bar order
    QList<int> byHoldType;
    QList<QDate> lfdDates; // today and the six days after it
    QList<int> byLfdDate;
    int containers = 0;
    int onHold = 0;

    static DashboardCounts count(const std::vector<WatchlistRow> &rows, const QDate &today);

    bool operator==(const DashboardCounts &) const = default;
};
