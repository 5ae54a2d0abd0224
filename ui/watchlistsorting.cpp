#include "watchlistsorting.h"

#include "watchlistmodel.h"

#include <algorithm>

namespace {

template<typename T>
int threeWay(const T &a, const T &b)
{
    return (b < a) - (a < b);
}

template<typename Missing, typename Compare>
void sortBy(std::vector<int> &order, const std::vector<WatchlistRow> &rows, bool descending, Missing missing,
            Compare compare)
{
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const WatchlistRow &left = rows[size_t(a)];
        const WatchlistRow &right = rows[size_t(b)];
        const bool leftMissing = missing(left);
        const bool rightMissing = missing(right);
        if (leftMissing != rightMissing)
            return rightMissing;
        int result = leftMissing ? 0 : compare(left, right);
        if (descending)
            result = -result;
        return result != 0 ? result < 0 : a < b;
    });
}

void sortByText(std::vector<int> &order, const std::vector<WatchlistRow> &rows, bool descending,
                QString WatchlistRow::*field)
{
    sortBy(
        order, rows, descending, [field](const WatchlistRow &row) { return (row.*field).isEmpty(); },
        [field](const WatchlistRow &a, const WatchlistRow &b) {
            return QString::compare(a.*field, b.*field, Qt::CaseInsensitive);
        });
}

void sortByTime(std::vector<int> &order, const std::vector<WatchlistRow> &rows, bool descending,
                qint64 WatchlistRow::*field)
{
    sortBy(
        order, rows, descending, [field](const WatchlistRow &row) { return row.*field == WatchlistRow::noTime; },
        [field](const WatchlistRow &a, const WatchlistRow &b) { return threeWay(a.*field, b.*field); });
}

int compareHolds(const WatchlistRow &a, const WatchlistRow &b)
{
    if (const int bySize = threeWay(a.holds.size(), b.holds.size()))
        return bySize;
    for (qsizetype i = 0; i < a.holds.size(); ++i) {
        if (const int byType = threeWay(int(a.holds[i].type), int(b.holds[i].type)))
            return byType;
    }
    return 0;
}

int compareVessel(const WatchlistRow &a, const WatchlistRow &b)
{
    if (const int byName = QString::compare(a.vessel, b.vessel, Qt::CaseInsensitive))
        return byName;
    return QString::compare(a.voyage, b.voyage, Qt::CaseInsensitive);
}

} // namespace

namespace WatchlistSorting {

void sort(std::vector<int> &order, const std::vector<WatchlistRow> &rows, int column, Qt::SortOrder sortOrder)
{
    const bool descending = sortOrder == Qt::DescendingOrder;
    const auto never = [](const WatchlistRow &) { return false; };
    switch (WatchlistModel::Column(column)) {
    case WatchlistModel::NumberColumn:
        return sortBy(order, rows, descending, never, [](const WatchlistRow &a, const WatchlistRow &b) {
            return QString::compare(a.number, b.number);
        });
    case WatchlistModel::ReferenceColumn:
        return sortByText(order, rows, descending, &WatchlistRow::reference);
    case WatchlistModel::StatusColumn:
        return sortBy(order, rows, descending, never, [](const WatchlistRow &a, const WatchlistRow &b) {
            return threeWay(int(a.status), int(b.status));
        });
    case WatchlistModel::HoldsColumn:
        return sortBy(
            order, rows, descending, [](const WatchlistRow &row) { return row.holds.isEmpty(); }, compareHolds);
    case WatchlistModel::LfdColumn:
        return sortBy(
            order, rows, descending, [](const WatchlistRow &row) { return !row.lfd.isValid(); },
            [](const WatchlistRow &a, const WatchlistRow &b) { return threeWay(a.lfd, b.lfd); });
    case WatchlistModel::AvailableColumn:
        return sortBy(
            order, rows, descending, [](const WatchlistRow &row) { return !row.available.has_value(); },
            [](const WatchlistRow &a, const WatchlistRow &b) { return threeWay(*b.available, *a.available); });
    case WatchlistModel::VesselColumn:
        return sortBy(
            order, rows, descending, [](const WatchlistRow &row) { return row.vessel.isEmpty(); }, compareVessel);
    case WatchlistModel::EtaColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::vesselEta);
    case WatchlistModel::DischargedColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::dischargedAt);
    case WatchlistModel::OutgatedColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::outgatedAt);
    case WatchlistModel::EmptyReturnedColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::emptyReturnedAt);
    case WatchlistModel::AppointmentColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::appointmentAt);
    case WatchlistModel::LocationColumn:
        return sortByText(order, rows, descending, &WatchlistRow::location);
    case WatchlistModel::DemurrageColumn:
        return sortBy(
            order, rows, descending, [](const WatchlistRow &row) { return !row.hasDemurrage; },
            [](const WatchlistRow &a, const WatchlistRow &b) { return threeWay(a.demurrage, b.demurrage); });
    case WatchlistModel::LastTracedColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::lastTracedAt);
    case WatchlistModel::LastErrorColumn:
        return sortByText(order, rows, descending, &WatchlistRow::lastError);
    case WatchlistModel::BillOfLadingColumn:
        return sortByText(order, rows, descending, &WatchlistRow::billOfLading);
    case WatchlistModel::SiteColumn:
        return sortByText(order, rows, descending, &WatchlistRow::site);
    case WatchlistModel::TracingColumn:
        return sortBy(order, rows, descending, never, [](const WatchlistRow &a, const WatchlistRow &b) {
            return threeWay(int(a.traceState), int(b.traceState));
        });
    case WatchlistModel::ColumnCount:
        break;
    }
    std::sort(order.begin(), order.end());
}

} // namespace WatchlistSorting
