#pragma once

#include "containerstatus.h"
#include "hold.h"
#include "watchlistrow.h"

#include <QDate>
#include <QString>

// What a click on a dashboard bar narrows the watchlist to: one status, one hold type, or one LFD
// day. The dashboard counts with the same predicate the watchlist filters with, so the number on a
// bar is always the number of rows the click shows.
struct WatchlistDrillDown
{
    enum class Kind
    {
        None,
        Status,
        HoldType,
        LfdDate
    };

    Kind kind = Kind::None;
    ContainerStatus status = ContainerStatus::Unknown;
    HoldType holdType = HoldType::Other;
    QDate lfd;

    static WatchlistDrillDown byStatus(ContainerStatus status);
    static WatchlistDrillDown byHoldType(HoldType type);
    static WatchlistDrillDown byLfd(const QDate &date);

    bool isActive() const { return kind != Kind::None; }
    bool matches(const WatchlistRow &row) const;
    // "Status: Available", "Hold: Customs", "LFD: 2026-03-11", for the watchlist's filter banner.
    QString description() const;

    bool operator==(const WatchlistDrillDown &) const = default;
};
