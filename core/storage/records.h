#pragma once

#include "containerbatch.h"
#include "event.h"
#include "result.h"
#include "tracewrite.h"
#include "watchentry.h"
#include "workeridentity.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The values the store's functions take and give, shared by the facade (store.h) and the tables.

// Hands Store::addContainers its entries batch by batch.
class ContainerFeed
{
public:
    virtual ~ContainerFeed() = default;
    // The next batch, or nullopt when there are no more. Called on the store's thread.
    virtual Result<std::optional<ContainerBatch>> next() = 0;
};

struct AddOutcome
{
    qint64 id = 0;
    bool created = false; // false: the container was already on the watchlist (nothing changed)
};

struct ContainerQuery
{
    std::optional<TraceState> traceState; // nullopt: all states
    QStringList numbers;                  // empty: all numbers
    QString provider;                     // empty: all providers
};

// claimDue claims up to limit active entries due at now (or, with force, the listed numbers whatever
// their schedule; with allActive, every active entry not traced since tracedBefore) for worker until
// now + leaseSeconds. A claim whose lease has run out is free for any worker to take.
struct ClaimRequest
{
    QString entity; // empty: every entity
    QDateTime now;  // invalid: the store's clock
    int limit = 500;
    QString worker; // claimed_by: a readable name
    int leaseSeconds = 300;
    QStringList forceNumbers;
    bool allActive = false;
    QDateTime tracedBefore;
    QStringList providers; // only these providers' entries; empty: every provider
    // Recorded with the claim, so that a dead worker's claims can be released; empty: not recorded.
    WorkerIdentity identity;
};
