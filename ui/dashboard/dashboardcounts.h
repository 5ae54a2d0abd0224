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
    int lfdOverdue = 0; // LFD passed while still at the terminal (the bar before Today)
    int containers = 0;
    int onHold = 0;
    // Money: the demurrage the terminals report for containers still there, and the containers whose
    // LFD falls within WatchlistDrillDown::atRiskDays (today included) that have not left.
    double demurrageTotal = 0;
    int demurrageContainers = 0;
    int atRisk = 0;

    static DashboardCounts count(const std::vector<WatchlistRow> &rows, const QDate &today);

    bool operator==(const DashboardCounts &) const = default;
};
