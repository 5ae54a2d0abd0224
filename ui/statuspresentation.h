#pragma once

#include "containerstatus.h"
#include "hold.h"

#include <QColor>
#include <QDate>
#include <QString>

// How statuses, holds and LFDs look on screen: translated labels and colours, in one place so the
// watchlist, the dashboard and the detail pane agree.
namespace StatusPresentation {
QString statusLabel(ContainerStatus status);
QString holdLabel(HoldType type);
QColor holdColor(HoldType type);
// Days left until the effective LFD: "overdue 3 days", "today", "tomorrow", "in 5 days".
QString lfdDaysLeft(const QDate &lfd, const QDate &today);
// Red when overdue, amber today or tomorrow, invalid colour otherwise.
QColor lfdColor(const QDate &lfd, const QDate &today);
} // namespace StatusPresentation
