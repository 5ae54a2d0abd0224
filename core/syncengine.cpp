#include "syncengine.h"

#include "logging.h"
#include "reconciler.h"
#include "schedulepolicy.h"
#include "syncengine_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QSysInfo>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

QString defaultWorkerName()
{
    return QSysInfo::machineHostName() + u':' + QString::number(QCoreApplication::applicationPid());
}

QString batchKey(const WatchEntry &entry)
{
    return entry.entity + u'\x1f' + entry.provider + u'\x1f' + entry.site;
}

// A provider that refuses the credentials refuses every batch: stop asking it for this cycle.
bool isCredentialError(ErrorKind kind)
{
    return kind == ErrorKind::BadCredentials || kind == ErrorKind::AccessNotEnabled;
}

// Why a container of an answered batch has no result; empty when it has one.
QString failureOf(const BatchTraceResult &result, const ContainerTraceResult *container)
{
    if (result.batchError.kind != ErrorKind::None)
        return result.batchError.message.isEmpty() ? u"The trace failed."_s : result.batchError.message;
    if (!container)
        return u"The provider returned no result for this container."_s;
    if (container->error.kind != ErrorKind::None)
        return container->error.message.isEmpty() ? u"The trace failed."_s : container->error.message;
    return {};
}

bool isFinished(const ContainerSnapshot &snapshot)
{
    return snapshot.deriveStatus() == ContainerStatus::EmptyReturned;
}

} // namespace

void SyncEngine::Private::reset(const SyncOptions &newOptions)
{
    running = true;
    claimsExhausted = false;
    options = newOptions;
    if (options.worker.isEmpty())
        options.worker = defaultWorkerName();
    if (options.identity.isEmpty())
        options.identity = WorkerIdentity::current();
    options.claimLimit = std::max(1, options.claimLimit);
    startedAt = clock.now();
    report = {};
    forced.clear();
    options.forceNumbers.clear();
    for (const QString &number : newOptions.forceNumbers) {
        const QString normalized = number.trimmed().toUpper();
        if (!forced.contains(normalized))
            options.forceNumbers.append(normalized);
        forced.insert(normalized);
    }
    // Forced numbers are claimed in one round, so the round must be able to hold them all.
    options.claimLimit = std::max(options.claimLimit, int(forced.size()));
    seen.clear();
    partial.clear();
    partialEntries = 0;
    queue.clear();
    inFlight.clear();
    disabled.clear();
    unanswered.clear();
    heldSlots.clear();
    waitingForSlot.clear();
    slotBackoffMs = 0;
    deadlinePassed = false;
    claimed = 0;
    done = 0;
    heldByOthers = -1;
}

// A worker of this host that died (kill -9, a crash, a full disk that stopped it) left claims that
// would hide its containers until the lease runs out: release them before claiming.
void SyncEngine::Private::start()
{
    deadline.start(std::max(1, options.cycleDeadlineMs));
    progressTimer.start(std::max(100, options.progressIntervalMs));
    if (options.sharedSlots)
        slotRenewal.start(std::max(1, options.slotLeaseSeconds) * 1000 / 3);
    const Result<int> released = store.releaseDeadWorkersClaims(options.identity);
    if (!released) {
        qCWarning(lcSync).noquote() << "releasing the claims of stopped workers failed:" << released.error().message;
        report.errors.append(u"sync: "_s + released.error().message);
    } else {
        report.claimsReleased = released.value();
    }
    // Claims this worker could not release when an earlier cycle failed to write (a full disk refuses
    // the release too) would hide those containers until the lease ran out; this cycle has claimed
    // nothing yet, so every claim under this worker's name is such a leftover.
    releaseOwnClaims();
    advance();
}

Store::ClaimRequest SyncEngine::Private::claimRequest() const
{
    Store::ClaimRequest request;
    request.entity = options.entity;
    request.now = clock.now();
    request.limit = options.claimLimit;
    request.worker = options.worker;
    request.identity = options.identity;
    request.leaseSeconds = options.leaseSeconds;
    request.forceNumbers = options.forceNumbers;
    request.providers = options.providers;
    request.allActive = options.allActive;
    request.tracedBefore = startedAt;
    return request;
}

// Due containers another worker holds are either traced by it soon or released (its batch failed):
// claim again while their number falls, and give up after waitForOtherWorkersMs without progress.
// Returns true when another claim round is scheduled.
bool SyncEngine::Private::waitForOtherWorkers()
{
    const Result<int> held = store.countHeldByOthers(claimRequest());
    if (!held) {
        report.errors.append(u"sync: "_s + held.error().message);
        return false;
    }
    report.containersSkipped = held.value();
    if (held.value() == 0 || deadlinePassed)
        return false;
    if (held.value() != heldByOthers) {
        heldByOthers = held.value();
        othersProgress.start();
    }
    if (othersProgress.elapsed() >= options.waitForOtherWorkersMs)
        return false;
    qCDebug(lcSync) << held.value() << "due containers are held by other workers; waiting";
    QTimer::singleShot(250, q, [this, token = std::weak_ptr<bool>(alive)] {
        if (token.expired())
            return;
        claimsExhausted = false;
        advance();
    });
    return true;
}

void SyncEngine::Private::releaseOwnClaims(const QList<qint64> &ids)
{
    const Result<int> released = store.releaseClaims(options.identity, options.worker, ids);
    if (!released)
        qCWarning(lcSync).noquote() << "releasing claims failed:" << released.error().message;
    else if (released.value() > 0)
        qCInfo(lcSync) << "released" << released.value() << "claims";
}

int SyncEngine::Private::waitingBatches() const
{
    int count = 0;
    for (const QList<TraceBatch> &batches : queue)
        count += int(batches.size());
    return count;
}

// Enough batches claimed ahead to keep every provider's slots busy while the next round is claimed,
// without leasing far more than can be traced before the lease runs out.
int SyncEngine::Private::wantedBatches() const
{
    int capacity = 0;
    for (ProviderAdapter *adapter : adapters)
        capacity += std::max(1, adapter->maxConcurrentRequests());
    return std::max(1, 2 * capacity);
}

void SyncEngine::Private::advance()
{
    // pump() may empty the queue without dispatching (a provider that refused its credentials), so
    // claim again until the queue holds work or there is nothing left to claim.
    do {
        while (running && !claimsExhausted && waitingBatches() < wantedBatches())
            claimRound();
        if (claimsExhausted)
            flushPartials();
        pump();
    } while (running && !claimsExhausted && waitingBatches() < wantedBatches());
    maybeFinish();
}

void SyncEngine::Private::claimRound()
{
    Result<QList<WatchEntry>> result = store.claimDue(claimRequest());
    if (!result) {
        qCWarning(lcSync) << "claiming due containers failed:" << result.error().message;
        report.errors.append(u"sync: "_s + result.error().message);
        claimsExhausted = true;
        return;
    }
    QList<WatchEntry> fresh;
    for (const WatchEntry &entry : result.value()) {
        if (!seen.contains(entry.id)) {
            seen.insert(entry.id);
            fresh.append(entry);
        }
    }
    qCDebug(lcSync) << "claimed" << result->size() << "entries," << fresh.size() << "new for this cycle";
    // Forced numbers come in one round; otherwise a round with nothing new means nothing is left.
    if (fresh.isEmpty() || !forced.isEmpty())
        claimsExhausted = true;
    claimed += int(fresh.size());
    distribute(fresh);
    if (partialEntries >= 2 * options.claimLimit)
        flushPartials();
}

void SyncEngine::Private::distribute(const QList<WatchEntry> &entries)
{
    QHash<QString, QList<WatchEntry>> refused;     // message -> entries that cannot be traced now
    QHash<QString, QList<WatchEntry>> rateLimited; // provider -> entries of a provider disabled this cycle
    for (const WatchEntry &entry : entries) {
        ProviderAdapter *adapter = adapters.value(entry.provider);
        if (!adapter) {
            refused[u"No connection for provider "_s + entry.provider].append(entry);
            continue;
        }
        if (disabled.contains(entry.provider)) {
            rateLimited[entry.provider].append(entry);
            continue;
        }
        const QString key = batchKey(entry);
        TraceBatch &batch = partial[key];
        if (batch.entries.isEmpty()) {
            batch.entity = entry.entity;
            batch.provider = entry.provider;
            batch.site = entry.site;
            batch.forced = !forced.isEmpty();
        }
        batch.entries.append(entry);
        ++partialEntries;
        if (batch.entries.size() >= std::max(1, adapter->batchLimit())) {
            partialEntries -= int(batch.entries.size());
            enqueue(partial.take(key));
        }
    }
    for (auto it = refused.cbegin(); it != refused.cend(); ++it)
        failEntries(it.value(), it.key());
    for (auto it = rateLimited.cbegin(); it != rateLimited.cend(); ++it) {
        const Error &why = disabled.value(it.key());
        failEntries(it.value(), why.message, why.retryAfterMs);
    }
}

void SyncEngine::Private::enqueue(TraceBatch batch)
{
    queue[batch.provider].append(std::move(batch));
}

void SyncEngine::Private::flushPartials()
{
    for (auto it = partial.begin(); it != partial.end(); ++it)
        enqueue(std::move(it.value()));
    partial.clear();
    partialEntries = 0;
}

void SyncEngine::Private::pump()
{
    for (auto it = queue.begin(); it != queue.end(); ++it) {
        const QString &provider = it.key();
        QList<TraceBatch> &batches = it.value();
        if (disabled.contains(provider)) {
            const QList<TraceBatch> refused = std::exchange(batches, {});
            const Error why = disabled.value(provider);
            for (const TraceBatch &batch : refused)
                failEntries(batch.entries, why.message, why.retryAfterMs);
            continue;
        }
        ProviderAdapter *adapter = adapters.value(provider);
        const int limit = std::max(1, adapter->maxConcurrentRequests());
        while (!batches.isEmpty() && inFlight.value(provider) < limit) {
            bool failed = false;
            const std::optional<ProviderSlot> slot = takeSlot(batches.constFirst(), limit, &failed);
            if (failed) {
                failEntries(batches.takeFirst().entries, u"No provider slot could be taken."_s);
                continue;
            }
            if (!slot)
                break;
            dispatch(batches.takeFirst(), *slot);
        }
    }
}

void SyncEngine::Private::dispatch(const TraceBatch &batch, const ProviderSlot &slot)
{
    ++inFlight[batch.provider];
    ++report.batches;
    const quint64 id = ++nextBatchId;
    unanswered.insert(id, batch);
    if (slot.isValid())
        heldSlots.insert(id, slot);
    qCDebug(lcSync) << "tracing" << batch.entries.size() << "containers at" << batch.provider << batch.site;
    std::weak_ptr<bool> token = alive;
    QPointer<SyncEngine> engine = q;
    adapters.value(batch.provider)->trace(batch, [this, token, engine, id](BatchTraceResult result) {
        if (token.expired() || !engine)
            return;
        // Handle completion from the event loop, never inside the adapter's own call stack.
        QTimer::singleShot(0, engine, [this, token, id, result = std::move(result)] {
            if (token.expired())
                return;
            // Gone: abandoned at the deadline (its containers already rescheduled), or another cycle's.
            if (unanswered.contains(id)) {
                // The provider has answered: its slot is free for any process, before the ~20 ms write.
                releaseSlot(id);
                finishBatch(unanswered.take(id), result);
            }
        });
    });
}

TraceWrite SyncEngine::Private::successWrite(const WatchEntry &entry, const QList<Observation> &observations,
                                             bool forcedBatch, const QDateTime &now) const
{
    Reconciliation reconciliation =
        Reconciler::reconcile(entry.id, entry.containerNumber, entry.snapshot, observations);
    if (forcedBatch) {
        for (Event &event : reconciliation.newEvents)
            event.data.insert(u"forced"_s, true);
    }
    WatchEntry updated = entry;
    updated.snapshot = reconciliation.snapshot;
    updated.lastTracedAt = now;
    updated.lastError.clear();
    TraceOutcome outcome;
    outcome.tracedAt = now;
    outcome.nextTraceAt = SchedulePolicy::nextTraceAt(updated, now);
    if (isFinished(reconciliation.snapshot))
        outcome.traceState = TraceState::Completed;
    return makeTraceWrite(entry.id, std::move(reconciliation), outcome);
}

// When the provider allows the next request: its Retry-After, up to its documented limit.
QDateTime SyncEngine::Private::waitEnd(const QString &provider, qint64 retryAfterMs, const QDateTime &now) const
{
    const ProviderAdapter *adapter = adapters.value(provider);
    const qint64 limitMs =
        1000 * (adapter ? adapter->maxRetryAfterSeconds() : ProviderAdapter::defaultMaxRetryAfterSeconds);
    return now.addMSecs(std::clamp<qint64>(retryAfterMs, 0, limitMs));
}

// A provider that said when to come back is not asked before then (up to its documented limit).
QDateTime SyncEngine::Private::retryAt(const QString &provider, const WatchEntry &entry, qint64 retryAfterMs,
                                       const QDateTime &now) const
{
    return std::max(waitEnd(provider, retryAfterMs, now), SchedulePolicy::nextTraceAfterError(entry, now));
}

TraceWrite SyncEngine::Private::errorWrite(const WatchEntry &entry, const QString &message, const QDateTime &now,
                                           std::optional<qint64> retryAfterMs) const
{
    TraceOutcome outcome;
    outcome.tracedAt = now;
    outcome.error = message.isEmpty() ? u"The trace failed."_s : message;
    if (retryAfterMs) {
        outcome.nextTraceAt = retryAt(entry.provider, entry, *retryAfterMs, now);
        outcome.error += u" The provider asked to wait; next attempt at %1."_s.arg(
            outcome.nextTraceAt.toUTC().toString(Qt::ISODate));
    } else {
        outcome.nextTraceAt = SchedulePolicy::nextTraceAfterError(entry, now);
    }
    return makeTraceWrite(entry.id, {}, outcome);
}

void SyncEngine::Private::failEntries(const QList<WatchEntry> &entries, const QString &message,
                                      std::optional<qint64> retryAfterMs)
{
    if (entries.isEmpty())
        return;
    const QDateTime now = clock.now();
    QList<TraceWrite> writes;
    QStringList failures;
    for (const WatchEntry &entry : entries) {
        writes.append(errorWrite(entry, message, now, retryAfterMs));
        failures.append(entry.containerNumber + u": "_s + writes.last().lastError);
    }
    commit(writes, entries, failures, 0);
}

void SyncEngine::Private::finishBatch(const TraceBatch &batch, const BatchTraceResult &result)
{
    --inFlight[batch.provider];
    report.requestsMade += result.requestsMade;
    if (isCredentialError(result.batchError.kind) && !disabled.contains(batch.provider)) {
        qCWarning(lcSync) << "provider" << batch.provider << "refused the connection; no more batches this cycle";
        disabled.insert(batch.provider, result.batchError);
    }
    if (result.batchError.retryAfterMs && !disabled.contains(batch.provider)) {
        qCWarning(lcSync) << "provider" << batch.provider << "asked to wait" << *result.batchError.retryAfterMs
                          << "ms; no more batches this cycle";
        disabled.insert(batch.provider, result.batchError);
        const QDateTime until = waitEnd(batch.provider, *result.batchError.retryAfterMs, clock.now());
        report.waitUntil.insert(batch.provider, std::max(until, report.waitUntil.value(batch.provider)));
    }
    // Refill the freed slot now, and reconcile and write (the slow part, ~20 ms a batch) only after
    // every completion already queued has refilled its own slot: replies of one round arrive
    // together, and writing each before the next refill idled the provider by one write per batch.
    pump();
    ++pendingWrites;
    QTimer::singleShot(0, q, [this, token = std::weak_ptr<bool>(alive), batch, result] {
        if (token.expired())
            return;
        --pendingWrites;
        writeBatch(batch, result);
    });
}

void SyncEngine::Private::writeBatch(const TraceBatch &batch, const BatchTraceResult &result)
{
    QHash<qint64, const ContainerTraceResult *> byId;
    for (const ContainerTraceResult &container : result.containers)
        byId.insert(container.containerId, &container);

    const QDateTime now = clock.now();
    QList<TraceWrite> writes;
    QStringList failures;
    int succeeded = 0;
    for (const WatchEntry &entry : batch.entries) {
        const ContainerTraceResult *container = byId.value(entry.id);
        const QString failure = failureOf(result, container);
        if (failure.isEmpty()) {
            writes.append(successWrite(entry, container->observations, batch.forced, now));
            ++succeeded;
        } else {
            const std::optional<qint64> wait = result.batchError.kind != ErrorKind::None
                                                   ? result.batchError.retryAfterMs
                                               : container ? container->error.retryAfterMs
                                                           : std::nullopt;
            writes.append(errorWrite(entry, failure, now, wait));
            failures.append(entry.containerNumber + u": "_s + writes.last().lastError);
        }
    }
    if (!failures.isEmpty())
        qCInfo(lcSync) << failures.size() << "of" << batch.entries.size() << "containers failed at" << batch.site;
    commit(writes, batch.entries, failures, succeeded);
    advance();
}

void SyncEngine::Private::commit(const QList<TraceWrite> &writes, const QList<WatchEntry> &entries,
                                 const QStringList &failures, int succeeded)
{
    // The store skips events whose dedupe key it already holds (milestones are re-reported on every
    // trace), so only its count of inserted events is the number of new events.
    const Result<int> stored = store.writeTraceResults(writes);
    done += int(entries.size());
    if (stored) {
        report.eventsAdded += stored.value();
        report.containersTraced += succeeded;
        report.containersFailed += int(failures.size());
        report.errors.append(failures);
    } else {
        // Nothing of this batch was stored (the store already reconnected and tried once more):
        // release the claims so the next sync traces these containers, which stay due.
        qCWarning(lcSync) << "writing trace results failed:" << stored.error().message;
        QList<qint64> ids;
        for (const WatchEntry &entry : entries)
            ids.append(entry.id);
        releaseOwnClaims(ids);
        report.containersFailed += int(entries.size());
        for (const WatchEntry &entry : entries)
            report.errors.append(entry.containerNumber + u": "_s + stored.error().message);
    }
    Q_EMIT q->progress(done, claimed);
}

// The cycle has run out of time: nothing more is claimed or sent, and what is queued or at the
// adapter gets a per-container error and the usual sooner retry. Late answers are ignored.
void SyncEngine::Private::onDeadline()
{
    if (!running)
        return;
    deadlinePassed = true;
    claimsExhausted = true;
    const QString seconds = QString::number(options.cycleDeadlineMs / 1000.0);
    qCWarning(lcSync).noquote() << "the cycle's deadline of" << seconds << "s passed;" << unanswered.size()
                                << "batches unanswered";
    flushPartials();
    const QHash<QString, QList<TraceBatch>> waiting = std::exchange(queue, {});
    for (const QList<TraceBatch> &batches : waiting) {
        for (const TraceBatch &batch : batches)
            failEntries(batch.entries, u"Not traced: the cycle's deadline of %1 s passed before this container's "
                                       u"turn; it is traced in a later cycle."_s.arg(seconds));
    }
    const QHash<quint64, TraceBatch> abandoned = std::exchange(unanswered, {});
    releaseAllSlots(); // abandoned requests no longer count against the provider's limit here
    for (const TraceBatch &batch : abandoned) {
        --inFlight[batch.provider];
        failEntries(batch.entries,
                    u"Not traced: the provider had not answered when the cycle's deadline of %1 s "
                    u"passed; the request was abandoned and the container is traced in a later cycle."_s.arg(seconds));
    }
    maybeFinish();
}

void SyncEngine::Private::reportProgress() const
{
    Q_EMIT q->cycleProgress(done, claimed, report.requestsMade, report.containersFailed);
}

void SyncEngine::Private::maybeFinish()
{
    if (!running || !claimsExhausted || !partial.isEmpty() || waitingBatches() > 0 || pendingWrites > 0)
        return;
    for (int count : std::as_const(inFlight)) {
        if (count > 0)
            return;
    }
    if (waitForOtherWorkers())
        return;
    releaseOwnClaims(); // normally none are left; a claim whose answer was lost to a reconnect may be
    releaseAllSlots();
    running = false;
    deadline.stop();
    progressTimer.stop();
    slotRetry.stop();
    slotRenewal.stop();
    report.deadlinePassed = deadlinePassed;
    qCInfo(lcSync).nospace() << "cycle finished: " << report.containersTraced << " traced, " << report.containersFailed
                             << " failed, " << report.eventsAdded << " new events, " << report.batches << " batches, "
                             << report.requestsMade << " requests, " << report.containersSkipped
                             << " skipped (held by other workers), " << report.slotWaits << " slot waits";
    Q_EMIT q->cycleFinished(report);
}

SyncEngine::SyncEngine(Store &store, const Clock &clock, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, store, clock))
{
    // Wall time, not the injected clock: the bound is on how long the worker really spends.
    d->deadline.setSingleShot(true);
    connect(&d->deadline, &QTimer::timeout, this, [this] { d->onDeadline(); });
    connect(&d->progressTimer, &QTimer::timeout, this, [this] { d->reportProgress(); });
    d->slotRetry.setSingleShot(true);
    connect(&d->slotRetry, &QTimer::timeout, this, [this] {
        if (!d->running)
            return;
        d->pump();
        d->maybeFinish();
    });
    connect(&d->slotRenewal, &QTimer::timeout, this, [this] { d->renewSlots(); });
}

SyncEngine::~SyncEngine()
{
    if (d->running) {
        d->releaseOwnClaims();
        d->releaseAllSlots();
    }
}

void SyncEngine::setAdapter(ProviderAdapter *adapter)
{
    if (adapter)
        d->adapters.insert(adapter->providerId(), adapter);
}

bool SyncEngine::isRunning() const
{
    return d->running;
}

void SyncEngine::runOnce(const SyncOptions &options)
{
    if (d->running) {
        qCWarning(lcSync) << "runOnce called while a cycle is running; ignored";
        return;
    }
    d->reset(options);
    // Start from the event loop, so a caller may connect to cycleFinished or enter its loop after this.
    QTimer::singleShot(0, this, [this] { d->start(); });
}
