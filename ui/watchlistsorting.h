#pragma once

#include "watchlistrow.h"

#include <QString>
#include <Qt>

#include <array>
#include <vector>

// Typed comparators for every watchlist column. Rows without a value (no LFD, never outgated, ...)
// come last in both directions, so sorting by LFD puts the urgent containers on top either way.
namespace WatchlistSorting {

// Case-folded copies of the text columns, made once per column and rows version: comparing folded
// strings exactly is several times faster than comparing case-insensitively on every comparison,
// which is what keeps sorting 100,000 rows by a text column well under the 150 ms target.
class SortKeys final
{
public:
    void clear();
    // Keys for a text column, built on first use; empty for other columns.
    const std::vector<QString> &keys(const std::vector<WatchlistRow> &rows, int column);

private:
    std::array<std::vector<QString>, 32> m_keys; // by column
    std::array<bool, 32> m_built{};
};

// Sorts order (indexes into rows) by WatchlistModel column; ties keep row order.
void sort(std::vector<int> &order, const std::vector<WatchlistRow> &rows, int column, Qt::SortOrder sortOrder,
          SortKeys &keys);
} // namespace WatchlistSorting
