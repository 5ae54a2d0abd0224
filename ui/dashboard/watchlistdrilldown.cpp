#include "watchlistdrilldown.h"

#include "statuspresentation.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

WatchlistDrillDown WatchlistDrillDown::byStatus(ContainerStatus status)
{
    WatchlistDrillDown drillDown;
    drillDown.kind = Kind::Status;
    drillDown.status = status;
    return drillDown;
}

WatchlistDrillDown WatchlistDrillDown::byHoldType(HoldType type)
{
    WatchlistDrillDown drillDown;
    drillDown.kind = Kind::HoldType;
    drillDown.holdType = type;
    return drillDown;
}

WatchlistDrillDown WatchlistDrillDown::byLfd(const QDate &date)
{
    WatchlistDrillDown drillDown;
    drillDown.kind = Kind::LfdDate;
    drillDown.lfd = date;
    return drillDown;
}

WatchlistDrillDown WatchlistDrillDown::overdue(const QDate &today)
{
    WatchlistDrillDown drillDown;
    drillDown.kind = Kind::LfdOverdue;
    drillDown.lfd = today;
    return drillDown;
}

WatchlistDrillDown WatchlistDrillDown::atRisk(const QDate &today)
{
    WatchlistDrillDown drillDown;
    drillDown.kind = Kind::LfdAtRisk;
    drillDown.lfd = today;
    return drillDown;
}

// An LFD only matters while the container is still in the terminal, as in the watchlist's colours.
bool WatchlistDrillDown::matches(const WatchlistRow &row) const
{
    switch (kind) {
    case Kind::None:
        return true;
    case Kind::Status:
        return row.status == status;
    case Kind::HoldType:
        return std::any_of(row.holds.cbegin(), row.holds.cend(),
                           [this](const WatchlistHold &hold) { return hold.type == holdType; });
    case Kind::LfdDate:
        return row.lfd.isValid() && row.lfd == lfd && !row.pickedUp();
    case Kind::LfdOverdue:
        return row.lfd.isValid() && row.lfd < lfd && !row.pickedUp();
    case Kind::LfdAtRisk:
        return row.lfd.isValid() && row.lfd >= lfd && lfd.daysTo(row.lfd) <= atRiskDays && !row.pickedUp();
    }
    return true;
}

QString WatchlistDrillDown::description() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("WatchlistDrillDown", text); };
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Status:
        return tr("Status: %1").arg(StatusPresentation::statusLabel(status));
    case Kind::HoldType:
        return tr("Hold: %1").arg(StatusPresentation::holdLabel(holdType));
    case Kind::LfdDate:
        return tr("LFD: %1").arg(QLocale().toString(lfd, QLocale::ShortFormat));
    case Kind::LfdOverdue:
        return tr("LFD overdue, still at the terminal");
    case Kind::LfdAtRisk:
        return tr("LFD in the next 2 days, still at the terminal");
    }
    return {};
}
