#include "dashboardcounts.h"

#include <algorithm>

namespace {

// Status bars in the order a container moves through the port; unknown and not found at the end.
QList<ContainerStatus> statusOrder()
{
    return {ContainerStatus::OnVessel,  ContainerStatus::Discharged, ContainerStatus::NotAvailable,
            ContainerStatus::Available, ContainerStatus::Outgated,   ContainerStatus::EmptyReturned,
            ContainerStatus::NotFound,  ContainerStatus::Unknown};
}

} // namespace

DashboardCounts DashboardCounts::count(const std::vector<WatchlistRow> &rows, const QDate &today)
{
    DashboardCounts counts;
    counts.statuses = statusOrder();
    counts.byStatus.fill(0, counts.statuses.size());
    counts.holdTypes = allHoldTypes();
    counts.byHoldType.fill(0, counts.holdTypes.size());
    for (int day = 0; day < lfdDays; ++day)
        counts.lfdDates.append(today.addDays(day));
    counts.byLfdDate.fill(0, lfdDays);
    counts.containers = int(rows.size());

    // Enum value -> bar index, so the loop below does no searching.
    QList<int> statusBar(int(ContainerStatus::EmptyReturned) + 1, -1);
    for (qsizetype i = 0; i < counts.statuses.size(); ++i)
        statusBar[int(counts.statuses[i])] = int(i);
    QList<int> holdBar(int(HoldType::Other) + 1, -1);
    for (qsizetype i = 0; i < counts.holdTypes.size(); ++i)
        holdBar[int(counts.holdTypes[i])] = int(i);

    for (const WatchlistRow &row : rows) {
        ++counts.byStatus[statusBar[int(row.status)]];
        if (!row.holds.isEmpty())
            ++counts.onHold;
        // A container with two customs holds is one container on customs hold.
        unsigned seen = 0;
        for (const WatchlistHold &hold : row.holds) {
            const unsigned bit = 1U << int(hold.type);
            if ((seen & bit) == 0)
                ++counts.byHoldType[holdBar[int(hold.type)]];
            seen |= bit;
        }
        if (row.pickedUp())
            continue; // outgated or empty returned: neither LFD nor demurrage is still running
        if (row.hasDemurrage && row.demurrage > 0) {
            counts.demurrageTotal += row.demurrage;
            ++counts.demurrageContainers;
        }
        if (row.lfd.isValid()) {
            const qint64 day = today.daysTo(row.lfd);
            if (day < 0)
                ++counts.lfdOverdue;
            else if (day < lfdDays)
                ++counts.byLfdDate[int(day)];
            if (day >= 0 && day <= WatchlistDrillDown::atRiskDays)
                ++counts.atRisk;
        }
    }
    return counts;
}
