#pragma once

#include "containerstatus.h"
#include "hold.h"
#include "watchlistrow.h"

#include <QDate>
#include <QString>

// What a click on a dashboard bar narrows the watchlist to: one status, one hold type, one LFD day,
// the overdue LFDs, or the LFDs at risk in the next two days. The dashboard counts with the same predicate the
// watchlist filters with, so the number on a bar is always the number of rows the click shows.
struct WatchlistDrillDown
{
    enum class Kind
    {
        None,
        Status,
        HoldType,
        LfdDate,
        LfdOverdue, // LFD before `lfd` (today) and still at the terminal
        LfdAtRisk,  // LFD from `lfd` (today) to two days later, still at the terminal
    };

    static constexpr int atRiskDays = 2;

    Kind kind = Kind::None;
    ContainerStatus status = ContainerStatus::Unknown;
    HoldType holdType = HoldType::Other;
    QDate lfd;

    static WatchlistDrillDown byStatus(ContainerStatus status);
    static WatchlistDrillDown byHoldType(HoldType type);
    static WatchlistDrillDown byLfd(const QDate &date);
    static WatchlistDrillDown overdue(const QDate &today);
    static WatchlistDrillDown atRisk(const QDate &today);

    bool isActive() const { return kind != Kind::None; }
    bool matches(const WatchlistRow &row) const;
    // "Status: Available", "Hold: Customs", "LFD: 2026-03-11", for the watchlist's filter banner.
    QString description() const;

    bool operator==(const WatchlistDrillDown &) const = default;
};
