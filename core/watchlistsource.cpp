#include "watchlistsource.h"

#include "store.h"

#include <algorithm>
#include <limits>
#include <utility>

WatchlistSource::WatchlistSource(Store &store) : m_store(store) {}

Result<std::vector<WatchlistRow>> WatchlistSource::load(const QString &entity) const
{
    std::vector<WatchlistRow> rows;
    const Result<void> streamed = stream(entity, std::numeric_limits<size_t>::max(), std::numeric_limits<size_t>::max(),
                                         [&rows](std::vector<WatchlistRow> chunk) {
                                             if (rows.empty())
                                                 rows = std::move(chunk);
                                             else
                                                 rows.insert(rows.end(), std::make_move_iterator(chunk.begin()),
                                                             std::make_move_iterator(chunk.end()));
                                         });
    if (!streamed)
        return streamed.error();
    return rows;
}

Result<void> WatchlistSource::stream(const QString &entity, size_t firstChunk, size_t chunkSize,
                                     const ChunkSink &sink) const
{
    return m_store.streamWatchlistRows(entity, firstChunk, chunkSize, sink);
}

Result<QList<Event>> WatchlistSource::events(qint64 containerId) const
{
    Result<QList<Event>> events = m_store.events(containerId);
    if (!events)
        return events;
    std::reverse(events->begin(), events->end());
    return events;
}
