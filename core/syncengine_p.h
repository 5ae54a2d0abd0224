#pragma once

// The sync engine's private state, shared by its source files (syncengine.cpp: the cycle;
// syncengineslots.cpp: the provider slots shared with other workers). Not for other callers.
#include "syncengine.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

// The engine's whole state lives here so the public header stays a small contract; the cycle is a
// little state machine driven by claim rounds and adapter callbacks on the event loop.
struct SyncEngine::Private
{
    Private(SyncEngine *owner, Store &s, const Clock &c) : q(owner), store(s), clock(c) {}

    SyncEngine *q;
    Store &store;
    const Clock &clock;
    QHash<QString, ProviderAdapter *> adapters;
    // Callbacks from adapters check this, so an engine destroyed mid-cycle is never touched.
    std::shared_ptr<bool> alive = std::make_shared<bool>(true);

    bool running = false;
    bool claimsExhausted = false;
    SyncOptions options;
    QDateTime startedAt;
    SyncReport report;
    QSet<QString> forced;               // upper-cased --force numbers
    QSet<qint64> seen;                  // claimed in this cycle: never traced twice per cycle
    QHash<QString, TraceBatch> partial; // batchKey -> batch still being filled
    int partialEntries = 0;
    QHash<QString, QList<TraceBatch>> queue; // provider -> batches waiting for a free slot
    QHash<QString, int> inFlight;            // provider -> batches at the adapter
    int pendingWrites = 0;                   // answered batches whose results are not written yet
    QHash<QString, Error> disabled;          // provider -> credential or rate-limit error seen in this cycle
    QHash<quint64, TraceBatch> unanswered;   // dispatched batches by id; an answer for another is late
    QHash<quint64, ProviderSlot> heldSlots;  // the shared provider slot each dispatched batch holds
    QSet<QString> waitingForSlot;            // providers whose queued batches wait for a slot now
    QTimer slotRetry;                        // looks for a free slot again
    int slotBackoffMs = 0;
    QTimer slotRenewal;
    quint64 nextBatchId = 0;
    bool deadlinePassed = false;
    QTimer deadline;
    QTimer progressTimer;
    int claimed = 0;
    int done = 0;
    int heldByOthers = -1;        // at the last check at the end of the cycle; -1: not checked yet
    QElapsedTimer othersProgress; // since heldByOthers last changed

    void reset(const SyncOptions &newOptions);
    void start();
    void advance();
    Store::ClaimRequest claimRequest() const;
    bool waitForOtherWorkers();
    void releaseOwnClaims(const QList<qint64> &ids = {});
    int waitingBatches() const;
    int wantedBatches() const;
    void claimRound();
    void distribute(const QList<WatchEntry> &entries);
    void enqueue(TraceBatch batch);
    void flushPartials();
    void pump();
    void dispatch(const TraceBatch &batch, const ProviderSlot &slot);
    // A shared slot for batch's connection; nullopt (and a retry scheduled) when all are held. An
    // invalid slot when shared slots are off. A store error fails the batch's containers.
    std::optional<ProviderSlot> takeSlot(const TraceBatch &batch, int limit, bool *failed);
    void releaseSlot(quint64 id);
    void releaseAllSlots();
    void renewSlots();
    void finishBatch(const TraceBatch &batch, const BatchTraceResult &result);
    void writeBatch(const TraceBatch &batch, const BatchTraceResult &result);
    TraceWrite successWrite(const WatchEntry &entry, const QList<Observation> &observations, bool forcedBatch,
                            const QDateTime &now) const;
    TraceWrite errorWrite(const WatchEntry &entry, const QString &message, const QDateTime &now,
                          std::optional<qint64> retryAfterMs = std::nullopt) const;
    void failEntries(const QList<WatchEntry> &entries, const QString &message,
                     std::optional<qint64> retryAfterMs = std::nullopt);
    QDateTime waitEnd(const QString &provider, qint64 retryAfterMs, const QDateTime &now) const;
    QDateTime retryAt(const QString &provider, const WatchEntry &entry, qint64 retryAfterMs,
                      const QDateTime &now) const;
    void onDeadline();
    void reportProgress() const;
    void commit(const QList<TraceWrite> &writes, const QList<WatchEntry> &entries, const QStringList &failures,
                int succeeded);
    void maybeFinish();
};
