#pragma once

#include "event.h"
#include "result.h"
#include "watchlistrow.h"

#include <QList>
#include <QString>

#include <vector>

class Store;

// The console's read side: every watchlist row of an entity in one streaming query (the console
// never queries per row while scrolling), and one container's events for the detail pane. It lives
// in core because it is SQL; the widgets only see rows and events.
class WatchlistSource final
{
public:
    explicit WatchlistSource(Store &store);

    Result<std::vector<WatchlistRow>> load(const QString &entity) const;
    Result<QList<Event>> events(qint64 containerId) const; // newest first

private:
    Store &m_store;
};
