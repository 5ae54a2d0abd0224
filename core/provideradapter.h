#pragma once

#include "observation.h"
#include "result.h"
#include "watchentry.h"

#include <QList>
#include <QString>

#include <functional>

// A group of watchlist entries traced together: same entity, provider (connection) and site, no more
// entries than the provider's batch limit.
struct TraceBatch
{
    QString entity;
    QString provider;
    QString site;
    QList<WatchEntry> entries;
    bool forced = false; // "trace now" (marked as such in the events' data)
};

struct ContainerTraceResult
{
    qint64 containerId = 0;
    QList<Observation> observations; // empty with an error
    Error error;                     // ErrorKind::None on success
};

struct BatchTraceResult
{
    Error batchError; // the whole batch failed (e.g. malformed JSON); recorded on every container
    QList<ContainerTraceResult> containers;
    int requestsMade = 0;
};

// The core-side face of a provider's data API. Adapters live in providers/ and are handed to the
// sync engine by the app, already holding their connection's credentials.
class ProviderAdapter
{
public:
    virtual ~ProviderAdapter() = default;
    virtual QString providerId() const = 0;
    virtual int batchLimit() const = 0;            // the provider's documented per-request maximum
    virtual int maxConcurrentRequests() const = 0; // batches in flight at once for this provider
    // The longest Retry-After honoured; a longer one is cut to this (the provider's documented limit).
    virtual qint64 maxRetryAfterSeconds() const { return defaultMaxRetryAfterSeconds; }
    static constexpr qint64 defaultMaxRetryAfterSeconds = 24 * 3600;
    // Asynchronous: done is called exactly once, on the caller's thread.
    virtual void trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done) = 0;
};
