#pragma once

#include "observation.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class Store;

// One number (container or booking) subscribed at a push-style provider (PortConnect), as we asked
// for it. The provider keeps the subscription for 90 days; expiresAt mirrors that window.
struct SubscriptionRecord
{
    QString entity = QStringLiteral("default");
    QString provider; // catalog id, e.g. "portconnect"
    QString number;
    bool booking = false; // number is a booking number, not a container number
    int apiVersion = 2;
    QStringList eventCodes; // the provider's event type codes, or {"ALL"}
    QString port;
    QString category;
    QString facility;
    QString callbackUri;
    QStringList emails;
    QString reference;
    QString remoteId; // the provider's subscription id, when it gave one
    QDateTime createdAt;
    QDateTime expiresAt;
    QString state = QStringLiteral("active"); // active, removed

    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
    bool operator==(const SubscriptionRecord &) const = default;
};

// Where and as whom containers are published for tracing (Envase Connect Data, seed 004).
struct TracePublishSettings
{
    QString orgId;
    QString svcId;
    QString origin;
    QString endpoint; // empty: the catalog's workflow endpoint
    bool operator==(const TracePublishSettings &) const = default;
};

// A container published for tracing and whether the publication still stands.
struct TracePublication
{
    QString number;
    QString provider;
    QDateTime publishedAt;
    QDateTime cancelledAt;
    QString state = QStringLiteral("requested"); // requested, cancelled
    bool operator==(const TracePublication &) const = default;
};

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

// Subscriptions, trace publications and the visit bookkeeping of callback ingestion, in tables of
// their own (schema migration 3) on the Store's connection. Callbacks are stored through the
// Reconciler and Store::writeTraceResults in one transaction, so dedupe keys make a replayed
// callback add nothing.
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

    // Stores a callback: adds containers not on the watchlist yet (under provider), reconciles each
    // container's observations with its snapshot and writes everything in one transaction.
    // Returns the number of new events.
    Result<int> ingest(const QString &entity, const QString &provider, const QList<CallbackItem> &items);

private:
    // Every publication of entity, or the one of number when it is given.
    Result<QList<TracePublication>> readPublications(const QString &entity, const QString &number);
    Result<void> exec(const QString &sql, const QVariantList &values, const QString &what);

    Store &m_store;
};
