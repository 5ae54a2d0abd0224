#pragma once

#include "watchlistrow.h"

#include <Qt>

#include <vector>

// Typed comparators for every watchlist column. Rows without a value (no LFD, never outgated, ...)
// come last in both directions, so sorting by LFD puts the urgent containers on top either way.
namespace WatchlistSorting {
// Sorts order (indexes into rows) by WatchlistModel column; ties keep row order.
void sort(std::vector<int> &order, const std::vector<WatchlistRow> &rows, int column, Qt::SortOrder sortOrder);
} // namespace WatchlistSorting
