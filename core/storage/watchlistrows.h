#pragma once

#include "result.h"
#include "watchlistrow.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>

class Session;

// The console's rows of one entity in one streaming query (the console never queries per row while
// scrolling), handed out in chunks as they are read.
namespace WatchlistRows {
using ChunkSink = std::function<void(std::vector<WatchlistRow> chunk)>;
// firstChunk rows, then chunkSize rows at a time; the last chunk (possibly empty) ends the stream.
Result<void> stream(Session &session, const QString &entity, size_t firstChunk, size_t chunkSize,
                    const ChunkSink &sink);
// The rows of the given container ids of entity, in id order (ids of other entities are skipped).
Result<std::vector<WatchlistRow>> rows(Session &session, const QString &entity, const QList<qint64> &ids);
} // namespace WatchlistRows
