#pragma once

#include "event.h"
#include "result.h"
#include "watchlistrow.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>

class Store;

// The console's read side: every watchlist row of an entity in one streaming query (the console
// never queries per row while scrolling), and one container's events for the detail pane. The query
// itself is the store's (core/storage/watchlistrows); the widgets only see rows and events.
class WatchlistSource final
{
public:
    explicit WatchlistSource(Store &store);

    Result<std::vector<WatchlistRow>> load(const QString &entity) const;
    // The same rows in chunks as they are read: firstChunk rows, then chunkSize rows at a time, so a
    // console can show the first containers while the rest are still coming.
    using ChunkSink = std::function<void(std::vector<WatchlistRow> chunk)>;
    Result<void> stream(const QString &entity, size_t firstChunk, size_t chunkSize, const ChunkSink &sink) const;
    Result<QList<Event>> events(qint64 containerId) const; // newest first

private:
    Store &m_store;
};
