#pragma once

#include "notification.h"
#include "watchlistrow.h"

#include <QDate>
#include <QList>
#include <QSet>

#include <vector>

// Finds what to tell the coordinator by comparing the watchlist before and after a sync: holds that
// are gone, containers that turned available, and LFDs that are tomorrow (once per container per
// day, remembered here). Works on the rows the console already holds, so it needs no SQL.
class NotificationDetector final
{
public:
    // Rows are matched by container id; rows without a previous version only get the LFD check.
    QList<Notification> changes(const std::vector<WatchlistRow> &previous, const std::vector<WatchlistRow> &current,
                                const QDate &today, const QDateTime &now, const NotificationKinds &kinds);
    // LFD-tomorrow for current[from, to), e.g. rows that were just appended.
    QList<Notification> lfdTomorrow(const std::vector<WatchlistRow> &current, size_t from, size_t to,
                                    const QDate &today, const QDateTime &now);

private:
    static void compare(const WatchlistRow &before, const WatchlistRow &after, const QDateTime &now,
                        const NotificationKinds &kinds, QList<Notification> &out);

    QDate m_lfdDay;
    QSet<qint64> m_lfdNotified; // containers already told about for m_lfdDay
};
