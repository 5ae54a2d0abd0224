#pragma once

#include "observation.h"
#include "result.h"
#include "storage/subscriptionrecords.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Store;

// One container's share of a provider callback: what it says, and which visit of the container it
// belongs to (a container can visit a port twice inside one subscription window; the visits are
// kept apart, and a late callback about an earlier visit never rewinds the current snapshot).
struct CallbackItem
{
    Observation observation;
    QString visitKey;                     // empty: the provider does not tell visits apart
    QDateTime visitStartedAt;             // earliest time of the visit seen in this callback
    std::optional<QDateTime> nextTraceAt; // set when the provider says when it traces next
};

// Subscriptions, trace publications and the visit bookkeeping of callback ingestion, stored through
// the Store. Callbacks are stored through the Reconciler and Store::writeTraceResults in one
// transaction, so dedupe keys make a replayed callback add nothing.
class SubscriptionStore final
{
public:
    explicit SubscriptionStore(Store &store);

    // Insert or overwrite (entity, provider, number, booking): a new subscription replaces the old,
    // reference included, and restarts the window.
    Result<void> saveSubscription(const SubscriptionRecord &record);
    Result<QList<SubscriptionRecord>> subscriptions(const QString &entity, const QString &provider);
    Result<std::optional<SubscriptionRecord>> subscription(const QString &entity, const QString &provider,
                                                           const QString &number);
    Result<int> markRemoved(const QString &entity, const QString &provider, const QStringList &numbers);

    Result<void> saveTraceSettings(const QString &entity, const TracePublishSettings &settings);
    Result<TracePublishSettings> traceSettings(const QString &entity);
    Result<void> savePublication(const QString &entity, const TracePublication &publication);
    Result<std::optional<TracePublication>> publication(const QString &entity, const QString &number);
    Result<QList<TracePublication>> publications(const QString &entity); // ordered by number

    // A callback is input from the network and is checked like any other input before anything is
    // stored. At most this many items per callback (more: ErrorKind::TooLarge, answered with 413).
    static constexpr int maxCallbackItems = 1000;

    // Stores a callback: reconciles each container's observations with its snapshot and writes
    // everything in one transaction. Returns the number of new events. An item is refused (logged,
    // not stored) when its number holds control characters, is not a valid ISO 6346 number (unless
    // the entity keeps that exact number unnormalized), or names a container the entity neither
    // watches nor subscribed to nor published; a subscribed or published container not on the
    // watchlist yet is added under provider. An active booking subscription of provider admits any
    // valid number, because a booking's containers are not known when it is subscribed. A callback
    // whose every item is refused fails with InvalidInput.
    Result<int> ingest(const QString &entity, const QString &provider, const QList<CallbackItem> &items);

private:
    Store &m_store;
};
