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

// Empty keys (no value) last in both directions, then folded text, then row order.
void sortByKeys(std::vector<int> &order, const std::vector<QString> &keys, bool descending)
{
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const QString &left = keys[size_t(a)];
        const QString &right = keys[size_t(b)];
        if (left.isEmpty() != right.isEmpty())
            return right.isEmpty();
        const int result = descending ? QString::compare(right, left) : QString::compare(left, right);
        return result != 0 ? result < 0 : a < b;
    });
}

QString textKey(const WatchlistRow &row, int column)
{
    switch (WatchlistModel::Column(column)) {
    case WatchlistModel::ReferenceColumn:
        return row.reference.toCaseFolded();
    case WatchlistModel::LocationColumn:
        return row.location.toCaseFolded();
    case WatchlistModel::LastErrorColumn:
        return row.lastError.toCaseFolded();
    case WatchlistModel::BillOfLadingColumn:
        return row.billOfLading.toCaseFolded();
    case WatchlistModel::SiteColumn:
        return row.site.toCaseFolded();
    case WatchlistModel::VesselColumn:
        // Vessel, then voyage; a row without a vessel has no key and goes last.
        return row.vessel.isEmpty() ? QString() : row.vessel.toCaseFolded() + QChar(0) + row.voyage.toCaseFolded();
    default:
        return {};
    }
}

bool isTextColumn(int column)
{
    switch (WatchlistModel::Column(column)) {
    case WatchlistModel::ReferenceColumn:
    case WatchlistModel::LocationColumn:
    case WatchlistModel::LastErrorColumn:
    case WatchlistModel::BillOfLadingColumn:
    case WatchlistModel::SiteColumn:
    case WatchlistModel::VesselColumn:
        return true;
    default:
        return false;
    }
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

} // namespace

namespace WatchlistSorting {

static_assert(WatchlistModel::ColumnCount <= 32, "SortKeys holds one slot per column");

void SortKeys::clear()
{
    for (size_t column = 0; column < m_keys.size(); ++column) {
        m_keys[column] = {};
        m_built[column] = false;
    }
}

const std::vector<QString> &SortKeys::keys(const std::vector<WatchlistRow> &rows, int column)
{
    const size_t slot = size_t(column);
    if (slot >= m_keys.size() || !isTextColumn(column))
        return m_keys[0]; // never built: column 0 is not a text column
    if (!m_built[slot]) {
        std::vector<QString> &keys = m_keys[slot];
        keys.clear();
        keys.reserve(rows.size());
        for (const WatchlistRow &row : rows)
            keys.push_back(textKey(row, column));
        m_built[slot] = true;
    }
    return m_keys[slot];
}

void sort(std::vector<int> &order, const std::vector<WatchlistRow> &rows, int column, Qt::SortOrder sortOrder,
          SortKeys &keys)
{
    const bool descending = sortOrder == Qt::DescendingOrder;
    if (isTextColumn(column))
        return sortByKeys(order, keys.keys(rows, column), descending);
    const auto never = [](const WatchlistRow &) { return false; };
    switch (WatchlistModel::Column(column)) {
    case WatchlistModel::NumberColumn:
        return sortBy(order, rows, descending, never, [](const WatchlistRow &a, const WatchlistRow &b) {
            return QString::compare(a.number, b.number);
        });
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
    case WatchlistModel::DemurrageColumn:
        return sortBy(
            order, rows, descending, [](const WatchlistRow &row) { return !row.hasDemurrage; },
            [](const WatchlistRow &a, const WatchlistRow &b) { return threeWay(a.demurrage, b.demurrage); });
    case WatchlistModel::LastTracedColumn:
        return sortByTime(order, rows, descending, &WatchlistRow::lastTracedAt);
    case WatchlistModel::TracingColumn:
        return sortBy(order, rows, descending, never, [](const WatchlistRow &a, const WatchlistRow &b) {
            return threeWay(int(a.traceState), int(b.traceState));
        });
    default: // text columns, sorted by their keys above
        break;
    }
    std::sort(order.begin(), order.end());
}

} // namespace WatchlistSorting
