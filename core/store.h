#pragma once

#include "auditentry.h"
#include "connectionrecord.h"
#include "containerbatch.h"
#include "event.h"
#include "result.h"
#include "storage/acknowledgementrecord.h"
#include "storage/backend.h"
#include "storage/changefeed.h"
#include "storage/limitrecords.h"
#include "storage/outboxrecords.h"
#include "storage/records.h"
#include "storage/reportrows.h"
#include "storage/subscriptionrecords.h"
#include "watchentry.h"
#include "watchlistrow.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class Clock;
class Session;

// The database: SQLite by default, PostgreSQL for teams. Versioned migrations run on open. SQLite
// runs in WAL mode with foreign keys on and BEGIN IMMEDIATE for writes. A Store belongs to the thread
// that opened it (one connection per thread); openWorker gives another thread its own.
//
// This is the facade of core/storage/, which holds the connection (session), the codecs and one file
// per table family; nothing outside core/storage/ sees a QSqlDatabase or SQL text. Every "now" the
// store stamps comes from the clock it was opened with.
class Store final
{
public:
    using Backend = StorageBackend;
    using ClaimRequest = ::ClaimRequest;

    // location: a file path, or a URL postgresql://user[:password]@host[:port]/dbname. The clock
    // must outlive the store (and every worker opened from it).
    static Result<std::unique_ptr<Store>> open(const QString &location, const Clock &clock);
    // Another connection to the same database for the calling thread (call it on the worker thread;
    // the new Store belongs to it), with this store's credentials and clock: no location is rebuilt.
    Result<std::unique_ptr<Store>> openWorker() const;
    // QUAYWATCH_DB when set, else <AppDataLocation>/quaywatch.sqlite.
    static QString defaultLocation();

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    Backend backend() const;
    int schemaVersion() const;
    const Clock &clock() const;
    QString displayLocation() const; // a file path or a URL, never with a password

    // Watchlist. addContainer stamps addedAt/expiresAt/nextTraceAt (due now) when they are empty and
    // returns created=false, changing nothing, when (entity, number, provider) is already there and
    // active. A cancelled entry that is added again becomes active again.
    Result<AddOutcome> addContainer(const WatchEntry &entry);
    Result<int> cancelContainers(const QString &entity, const QStringList &numbers);
    // Adds every entry with addContainer's rules in ONE transaction: all are stored or, on any error,
    // none (a spreadsheet import is all-or-nothing per file). Returns how many were new or became
    // active again; entries already active (also repeats within the batch) change nothing.
    Result<int> addContainers(const QList<WatchEntry> &entries);
    // The same for entries that arrive batch by batch, from a feed that may build them on another
    // thread while this one writes: a large import reads and checks its file on one core while the
    // database writes on the other. An error from the feed rolls everything back.
    Result<int> addContainers(ContainerFeed &feed);
    Result<void> setReference(const QString &entity, const QString &number, const QString &reference);
    Result<QList<WatchEntry>> containers(const QString &entity, const ContainerQuery &query = {});
    Result<std::optional<WatchEntry>> container(const QString &entity, const QString &number);
    Result<std::optional<WatchEntry>> containerById(qint64 id);
    Result<QList<Event>> events(qint64 containerId); // oldest first
    Result<qint64> eventCount(const QString &entity);

    // The console's rows of an entity in one streaming query: firstChunk rows, then chunkSize rows at
    // a time; the last chunk (possibly empty) ends the stream.
    using WatchlistChunkSink = std::function<void(std::vector<WatchlistRow> chunk)>;
    Result<void> streamWatchlistRows(const QString &entity, size_t firstChunk, size_t chunkSize,
                                     const WatchlistChunkSink &sink);
    // The console's rows of the given containers of entity (ids of other entities are skipped), in
    // id order: what a change announcement asks a console to refresh.
    Result<std::vector<WatchlistRow>> watchlistRows(const QString &entity, const QList<qint64> &ids);

    // Hears every committed change of this database (changefeed.h): other processes' too on
    // PostgreSQL, this process's on SQLite. The store must outlive the listener.
    std::unique_ptr<StoreChangeListener> listenForChanges(QObject *parent = nullptr) const;
    // The origin this store's announcements carry (StoreChange::origin).
    QString changeOrigin() const;
    // A report read straight from the tables (exports), row by row.
    Result<std::unique_ptr<ReportCursor>> reportRows(const ReportRequest &request);

    // Sync: see ClaimRequest. On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED, so concurrent
    // workers never claim the same entry.
    Result<QList<WatchEntry>> claimDue(const ClaimRequest &request);
    // Due containers (by the request's rules) that another worker's live lease holds and that nobody
    // traced since request.tracedBefore.
    Result<int> countHeldByOthers(const ClaimRequest &request);
    // Releases worker's claims on ids (all of them when ids is empty), leaving the schedule as it is;
    // name (claimed_by), when given, narrows it to one engine's claims.
    Result<int> releaseClaims(const WorkerIdentity &worker, const QString &name = {}, const QList<qint64> &ids = {});
    // Releases the claims (watchlist and outbox) of every worker of this host that no longer runs (a
    // crash, kill -9, or the caller's own previous run under the same pid); returns how many claims
    // were released.
    Result<int> releaseDeadWorkersClaims(const WorkerIdentity &self);
    // Writes every TraceWrite (snapshot, events, bookkeeping, claim released) in one transaction.
    // Returns how many events were new: an event whose dedupe key is already stored is skipped.
    Result<int> writeTraceResults(const QList<TraceWrite> &writes);
    // Provider slots (limitrecords.h): a connection's concurrency shared by every process on this
    // database. takeProviderSlot creates the connection's slot rows on first use, and when every slot
    // is held it frees those of this host's workers that no longer run and looks once more; nullopt
    // when all are still held. releaseProviderSlot frees one (no-op when its lease was taken over).
    Result<std::optional<ProviderSlot>> takeProviderSlot(const ProviderSlotRequest &request);
    Result<bool> releaseProviderSlot(const ProviderSlot &slot);
    // Every slot of worker (narrowed to holder's when given); returns how many.
    Result<int> releaseProviderSlots(const WorkerIdentity &worker, const QString &holder = {});
    Result<int> renewProviderSlots(const WorkerIdentity &worker, const QString &holder, const QDateTime &leaseUntil);
    // Slots of this host's workers that no longer run, freed; returns how many.
    Result<int> releaseDeadWorkersSlots(const WorkerIdentity &self);
    // Slots of (entity, provider) below limit held by a live lease now.
    Result<int> heldProviderSlots(const QString &entity, const QString &provider, int limit);

    // Worker heartbeats (limitrecords.h): upserted by every sync worker and console.
    Result<void> recordHeartbeat(const WorkerHeartbeat &heartbeat);
    // The workers seen within three heartbeat periods of the store clock's now.
    Result<QList<WorkerHeartbeat>> activeWorkers();
    Result<void> removeHeartbeat(const WorkerIdentity &worker);

    // Appends events in one transaction (bulk ingestion; duplicates by dedupe key are skipped).
    Result<int> insertEvents(const QList<Event> &events);

    // ---- Outbound destinations and the outbox (issue 17) ----
    // writeTraceResults writes the messages its changes cause (outboundmessages.h) in its own
    // transaction: a failed write leaves no message, a committed one all of them. insertEvents (bulk
    // ingestion) writes one outbox journal row naming its events instead, in its transaction too,
    // which becomes the same messages when the dispatcher next finds nothing to claim (or a trace
    // write comes first); so a committed write still causes every message once, and a failed none.
    //
    // Claim rule: a message is claimable when it is pending and due (nextAttemptAt <= now) or being
    // sent under a lease that ran out (a killed worker), its destination is enabled and not stopped,
    // and no earlier message of the same (destination, container) is pending or being sent. So one
    // container's messages go out one at a time in sequence order. A dead letter does NOT block the
    // later messages of its container (they go on; retryDeadLetters puts it back in its old place,
    // where it blocks the ones after it again until it is sent). On PostgreSQL the destination row is
    // locked for the claim (so maxInFlight, which counts the destination's messages being sent under
    // live leases by ALL workers, holds across workers) and messages are taken FOR UPDATE SKIP LOCKED.
    Result<OutboundDestination> saveDestination(const OutboundDestination &destination); // upsert by (entity, name)
    Result<QList<OutboundDestination>> destinations(const QString &entity);              // empty entity: every entity
    Result<std::optional<OutboundDestination>> destination(const QString &entity, const QString &name);
    Result<std::optional<OutboundDestination>> destinationById(qint64 id);
    Result<void> removeDestination(const QString &entity, const QString &name); // and all its messages
    // Stops (reason given) or resumes (empty reason) sending to a destination; messages keep queueing.
    Result<void> stopDestination(qint64 destinationId, const QString &reason);
    Result<QList<OutboxSummary>> outboxSummaries(const QString &entity); // empty entity: every entity
    Result<QList<OutboxMessage>> outboxMessages(const OutboxQuery &query);
    // Dead letters of the destination (only the given sequences when any) become pending again with
    // their attempts reset; returns how many.
    Result<int> retryDeadLetters(qint64 destinationId, const QList<qint64> &sequences = {});
    // Queues the destination's delivered messages created in [from, to) again as new pending messages:
    // a new sequence, the same payload, and a NEW message id (the payload's "messageId" too) with
    // replay_of naming the original, so that a receiver that drops repeats by id takes the replay.
    // Invalid bounds are open. Returns how many.
    Result<int> replayOutbox(qint64 destinationId, const QDateTime &from, const QDateTime &to);
    // See the claim rule above. The claimed messages are Sending until request.now + leaseSeconds.
    // When nothing is claimable, the outbox journal (insertEvents) is expanded a row at a time first.
    Result<QList<OutboxMessage>> claimOutbox(const OutboxClaimRequest &request);
    // Turns up to maxRows outbox journal rows into messages, each row in a transaction with its
    // deletion; returns how many rows. Commands that show the queue call it first.
    Result<int> expandOutboxJournal(int maxRows = std::numeric_limits<int>::max());
    // Records one attempt of a claimed message: Delivered; Retry -> pending at nextAttemptAt, or dead
    // after the destination's maxAttempts; Permanent -> dead at once; Stop -> the message waits as it
    // was and the destination is stopped with result.error. A message that is no longer Sending
    // (its lease ran out and it was taken again) is left alone (found = false).
    Result<OutboxFinish> finishDelivery(qint64 sequence, const DeliveryResult &result, const QDateTime &nextAttemptAt);
    // Puts worker's outbox claims back to pending (its dispatcher stopped).
    Result<int> releaseOutboxClaims(const WorkerIdentity &worker);

    // Connections (non-secret fields only) and their status.
    Result<void> saveConnection(const ConnectionRecord &connection);
    Result<std::optional<ConnectionRecord>> connection(const QString &entity, const QString &provider);
    Result<QList<ConnectionRecord>> connections(const QString &entity);
    Result<void> removeConnection(const QString &entity, const QString &provider); // events are kept

    // Audit log. An entry without a time gets the store clock's now.
    Result<void> appendAudit(const AuditEntry &entry);
    Result<QList<AuditEntry>> auditEntries(const QString &entity);

    // Today page acknowledgements, each with its audit-log line in the same transaction. Returns the
    // stored one (id, time and user filled in).
    Result<Acknowledgement> acknowledge(const Acknowledgement &acknowledgement);
    Result<QList<Acknowledgement>> acknowledgements(const QString &entity); // newest first

    // Subscriptions at push-style providers, trace publications and callback visits.
    Result<void> saveSubscription(const SubscriptionRecord &record);
    Result<QList<SubscriptionRecord>> subscriptions(const QString &entity, const QString &provider);
    Result<int> markSubscriptionsRemoved(const QString &entity, const QString &provider, const QStringList &numbers);
    Result<void> saveTraceSettings(const QString &entity, const TracePublishSettings &settings);
    Result<TracePublishSettings> traceSettings(const QString &entity);
    Result<void> savePublication(const QString &entity, const TracePublication &publication);
    // Every publication of entity ordered by number, or the one of number when it is given.
    Result<QList<TracePublication>> publications(const QString &entity, const QString &number = {});
    Result<QList<CallbackVisit>> callbackVisits(qint64 containerId);
    Result<void> recordCallbackVisits(const QList<CallbackVisit> &visits);

private:
    explicit Store(std::unique_ptr<Session> session);
    // Runs operation on the session; when it fails because the connection was lost (reopened with
    // a short backoff) or the database was busy, runs it once more. Operations given here must be
    // safe to repeat: a trace write is (its events dedupe, its updates set values).
    template<typename Operation>
    auto retrying(Operation &&operation) -> decltype(operation(std::declval<Session &>()));
    // After a committed write: tells every listener (changefeed.h).
    void announceContainers(const QString &entity, QList<qint64> ids, bool everything = false);
    void announceNumbers(const QString &entity, const QStringList &numbers);
    void announceConnections(const QString &entity);
    void announceOutbox(const QString &entity, QList<qint64> destinationIds = {});
    friend class StoreInspection;
    std::unique_ptr<Session> m_session;
    int m_schemaVersion = 0;
    QStringList m_slotsEnsured; // "entity\x1fprovider\x1flimit" whose slot rows exist
};
