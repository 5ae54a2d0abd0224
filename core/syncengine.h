#pragma once

#include "clock.h"
#include "provideradapter.h"
#include "store.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

struct SyncOptions
{
    QString entity;           // empty: every entity
    QString worker;           // claim owner; defaults to host:pid
    WorkerIdentity identity;  // recorded with each claim; defaults to this process
    bool allActive = false;   // --all: every active container is due
    QStringList forceNumbers; // --force: trace these now
    // Only these providers' containers are claimed (empty: all). Push-style providers (webhooks,
    // publications) are traced by their callbacks; their containers must not be claimed here.
    QStringList providers;
    int claimLimit = 500; // entries claimed per round
    int leaseSeconds = 300;
    // At the end of a cycle, due containers that other workers hold are waited for as long as their
    // number keeps falling, giving up after this long without progress; what is left is skipped.
    int waitForOtherWorkersMs = 10000;
    // Wall-time bound of a cycle: when it passes, batches not answered yet are abandoned (their late
    // answers ignored) and their containers, like those not sent yet, get an error and are rescheduled.
    int cycleDeadlineMs = 10 * 60 * 1000;
    int progressIntervalMs = 10000; // cycleProgress at least this often while a cycle runs
    // Each batch first takes one of its connection's provider slots (Store::takeProviderSlot), so the
    // provider's concurrency holds across every process on the database; off: per process only.
    bool sharedSlots = true;
    // A held slot's lease; renewed every third of it while the batch runs, so only a worker that
    // stopped renewing (hung, or dead on another host) loses its slots when the lease runs out.
    int slotLeaseSeconds = 60;
};

struct SyncReport
{
    int containersTraced = 0;
    int containersFailed = 0;
    int eventsAdded = 0;
    int requestsMade = 0;
    int batches = 0;
    int containersSkipped = 0;           // due, but another live worker held them and did not trace them in time
    int claimsReleased = 0;              // claims of dead workers of this host released at the start
    int slotWaits = 0;                   // times a batch was ready but every provider slot was held (by any process)
    bool deadlinePassed = false;         // the cycle was cut short by SyncOptions::cycleDeadlineMs
    QHash<QString, QDateTime> waitUntil; // provider -> not to be asked before (its Retry-After, capped)
    QStringList errors;                  // one line per failed batch or container: "NUMBER: message"
};

// Claims due entries, groups them by (provider, site) into batches of at most the provider's limit,
// runs at most maxConcurrentRequests batches per provider at once, reconciles each batch's results
// and writes them in one transaction. The limit holds in this process and, with
// SyncOptions::sharedSlots, across every process on the database: a batch holds a provider slot
// while it is at the provider and, when none is free, waits (polling with a short backoff).
// Single-threaded on the event loop; several engines (processes) may share one PostgreSQL database.
// A cycle first releases the claims of this host's dead workers; a batch whose results cannot be
// stored releases its claims (its containers stay due), and so does the end of a cycle and an engine
// destroyed mid-cycle. A cycle is bounded by its deadline; a provider that asks to wait (Retry-After,
// up to the adapter's maxRetryAfterSeconds) gets no more batches this cycle and its containers are
// rescheduled for when it allows.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    SyncEngine(Store &store, const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Adapters are not owned; they must outlive the engine's runs.
    void setAdapter(ProviderAdapter *adapter);

    // One cycle: claim what is due until nothing is left, trace it all, then emit cycleFinished.
    void runOnce(const SyncOptions &options);
    bool isRunning() const;

Q_SIGNALS:
    void progress(int done, int total);
    // Every SyncOptions::progressIntervalMs while a cycle runs: containers done of those claimed so
    // far, requests of the answered batches, failed containers.
    void cycleProgress(int done, int total, int requests, int errors);
    void cycleFinished(const SyncReport &report);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
