#include "store.h"

#include "clock.h"
#include "logging.h"
#include "storage/acknowledgementtable.h"
#include "storage/audittable.h"
#include "storage/claimtable.h"
#include "storage/connectiontable.h"
#include "storage/migrations.h"
#include "storage/outboxtable.h"
#include "storage/providerslottable.h"
#include "storage/session.h"
#include "storage/subscriptiontable.h"
#include "storage/tracetable.h"
#include "storage/watchlistrows.h"
#include "storage/watchlisttable.h"

#include <QDir>
#include <QStandardPaths>
#include <QStringBuilder>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

Store::Store(std::unique_ptr<Session> session) : m_session(std::move(session)) {}

template<typename Operation>
auto Store::retrying(Operation &&operation) -> decltype(operation(std::declval<Session &>()))
{
    m_session->clearFailure();
    auto result = operation(*m_session);
    if (result || !m_session->recover())
        return result;
    qCInfo(lcStore).noquote() << "retrying after:" << result.error().message;
    return operation(*m_session);
}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString &location, const Clock &clock)
{
    Result<std::unique_ptr<Session>> session = Session::open(location, clock);
    if (!session)
        return session.error();
    std::unique_ptr<Store> store(new Store(std::move(session.value())));
    Session &opened = *store->m_session;
    const Result<int> version = Migrations::apply(opened);
    if (!version) {
        return makeError(version.error().kind, u"Cannot prepare the database at "_s % opened.displayLocation() %
                                                   u": "_s % version.error().message);
    }
    store->m_schemaVersion = version.value();
    qCDebug(lcStore) << "opened" << opened.displayLocation() << "schema version" << version.value();
    return store;
}

Result<std::unique_ptr<Store>> Store::openWorker() const
{
    Result<std::unique_ptr<Session>> session = m_session->openAnother();
    if (!session)
        return session.error();
    std::unique_ptr<Store> store(new Store(std::move(session.value())));
    store->m_schemaVersion = m_schemaVersion; // the same database, migrated when this store opened it
    return store;
}

QString Store::defaultLocation()
{
    QString fromEnvironment = qEnvironmentVariable("QUAYWATCH_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return folder % u"/quaywatch.sqlite"_s;
}

Store::Backend Store::backend() const
{
    return m_session->backend();
}

int Store::schemaVersion() const
{
    return m_schemaVersion;
}

const Clock &Store::clock() const
{
    return m_session->clock();
}

QString Store::displayLocation() const
{
    return m_session->displayLocation();
}

// ---- Watchlist ----------------------------------------------------------------------------------

Result<AddOutcome> Store::addContainer(const WatchEntry &entry)
{
    Result<AddOutcome> added = WatchlistTable::addContainer(*m_session, entry);
    if (added && added->created)
        announceContainers(entry.entity, {added->id});
    return added;
}

Result<int> Store::cancelContainers(const QString &entity, const QStringList &numbers)
{
    Result<int> cancelled = WatchlistTable::cancelContainers(*m_session, entity, numbers);
    if (cancelled && cancelled.value() > 0)
        announceNumbers(entity, numbers);
    return cancelled;
}

Result<int> Store::addContainers(const QList<WatchEntry> &entries)
{
    ContainerBatch batch(clock().now());
    batch.reserve(entries.size());
    for (const WatchEntry &entry : entries) {
        if (auto appended = batch.append(entry); !appended)
            return appended.error();
    }
    if (batch.isEmpty())
        return 0;
    struct OneBatch final : ContainerFeed
    {
        std::optional<ContainerBatch> batch;
        Result<std::optional<ContainerBatch>> next() override { return std::exchange(batch, std::nullopt); }
    } feed;
    feed.batch = std::move(batch);
    return addContainers(feed);
}

Result<int> Store::addContainers(ContainerFeed &feed)
{
    Result<int> added = WatchlistTable::addContainers(*m_session, feed);
    if (added && added.value() > 0)
        announceContainers({}, {}, true); // a whole file: the listeners reload
    return added;
}

Result<void> Store::setReference(const QString &entity, const QString &number, const QString &reference)
{
    Result<void> set = WatchlistTable::setReference(*m_session, entity, number, reference);
    if (set)
        announceNumbers(entity, {number});
    return set;
}

Result<QList<WatchEntry>> Store::containers(const QString &entity, const ContainerQuery &query)
{
    return retrying([&](Session &session) { return WatchlistTable::containers(session, entity, query); });
}

Result<std::optional<WatchEntry>> Store::container(const QString &entity, const QString &number)
{
    return retrying([&](Session &session) { return WatchlistTable::container(session, entity, number); });
}

Result<std::optional<WatchEntry>> Store::containerById(qint64 id)
{
    return retrying([&](Session &session) { return WatchlistTable::containerById(session, id); });
}

Result<void> Store::streamWatchlistRows(const QString &entity, size_t firstChunk, size_t chunkSize,
                                        const WatchlistChunkSink &sink)
{
    return WatchlistRows::stream(*m_session, entity, firstChunk, chunkSize, sink);
}

Result<std::unique_ptr<ReportCursor>> Store::reportRows(const ReportRequest &request)
{
    return ReportCursor::open(*m_session, request);
}

Result<std::vector<WatchlistRow>> Store::watchlistRows(const QString &entity, const QList<qint64> &ids)
{
    return retrying([&](Session &session) { return WatchlistRows::rows(session, entity, ids); });
}

// ---- Change announcements -----------------------------------------------------------------------

std::unique_ptr<StoreChangeListener> Store::listenForChanges(QObject *parent) const
{
    if (m_session->backend() != Backend::Postgres)
        return std::make_unique<StoreChangeListener>(nullptr, parent);
    const Session *session = m_session.get();
    return std::make_unique<StoreChangeListener>([session] { return session->openAnother(); }, parent);
}

QString Store::changeOrigin() const
{
    return m_session->changeOrigin();
}

void Store::announceContainers(const QString &entity, QList<qint64> ids, bool everything)
{
    StoreChange change;
    change.entity = entity;
    change.ids = std::move(ids);
    change.everything = everything;
    ChangeFeed::announce(*m_session, change);
}

void Store::announceNumbers(const QString &entity, const QStringList &numbers)
{
    // Few numbers (a cancel, a reference) name their rows in one query; a long list reloads the entity.
    constexpr qsizetype maxLookups = 500;
    if (numbers.size() > maxLookups) {
        announceContainers(entity, {}, true);
        return;
    }
    Result<QList<qint64>> ids = WatchlistTable::idsOfNumbers(*m_session, entity, numbers);
    if (!ids)
        announceContainers(entity, {}, true);
    else
        announceContainers(entity, std::move(ids).value());
}

void Store::announceConnections(const QString &entity)
{
    StoreChange change;
    change.kind = StoreChange::Kind::Connections;
    change.entity = entity;
    change.everything = true;
    ChangeFeed::announce(*m_session, change);
}

void Store::announceOutbox(const QString &entity, QList<qint64> destinationIds)
{
    StoreChange change;
    change.kind = StoreChange::Kind::Outbox;
    change.entity = entity;
    change.ids = std::move(destinationIds);
    change.everything = change.ids.isEmpty();
    ChangeFeed::announce(*m_session, change);
}

// ---- Outbound destinations and the outbox -------------------------------------------------------

Result<OutboundDestination> Store::saveDestination(const OutboundDestination &destination)
{
    Result<OutboundDestination> saved = OutboxTable::saveDestination(*m_session, destination);
    if (saved)
        announceOutbox(saved->entity, {saved->id});
    return saved;
}

Result<QList<OutboundDestination>> Store::destinations(const QString &entity)
{
    return retrying([&](Session &session) { return OutboxTable::destinations(session, entity); });
}

Result<std::optional<OutboundDestination>> Store::destination(const QString &entity, const QString &name)
{
    return retrying([&](Session &session) { return OutboxTable::destination(session, entity, name); });
}

Result<std::optional<OutboundDestination>> Store::destinationById(qint64 id)
{
    return retrying([&](Session &session) { return OutboxTable::destinationById(session, id); });
}

Result<void> Store::removeDestination(const QString &entity, const QString &name)
{
    Result<void> removed = OutboxTable::removeDestination(*m_session, entity, name);
    if (removed)
        announceOutbox(entity);
    return removed;
}

Result<void> Store::stopDestination(qint64 destinationId, const QString &reason)
{
    Result<void> stopped =
        retrying([&](Session &session) { return OutboxTable::stopDestination(session, destinationId, reason); });
    if (stopped)
        announceOutbox({}, {destinationId});
    return stopped;
}

Result<QList<OutboxSummary>> Store::outboxSummaries(const QString &entity)
{
    return retrying([&](Session &session) { return OutboxTable::summaries(session, entity); });
}

Result<QList<OutboxMessage>> Store::outboxMessages(const OutboxQuery &query)
{
    return retrying([&](Session &session) { return OutboxTable::messages(session, query); });
}

Result<int> Store::retryDeadLetters(qint64 destinationId, const QList<qint64> &sequences)
{
    Result<int> retried =
        retrying([&](Session &session) { return OutboxTable::retryDeadLetters(session, destinationId, sequences); });
    if (retried && retried.value() > 0)
        announceOutbox({}, {destinationId});
    return retried;
}

Result<int> Store::replayOutbox(qint64 destinationId, const QDateTime &from, const QDateTime &to)
{
    // Not repeated after a lost connection: a replay that committed before the loss would run twice.
    Result<int> replayed = OutboxTable::replay(*m_session, destinationId, from, to);
    if (replayed && replayed.value() > 0)
        announceOutbox({}, {destinationId});
    return replayed;
}

Result<QList<OutboxMessage>> Store::claimOutbox(const OutboxClaimRequest &request)
{
    // The journal is expanded lazily, a row at a time, when nothing is claimable: a drain never
    // holds the thread for the whole journal, and it still ends only when the journal is empty.
    for (;;) {
        Result<QList<OutboxMessage>> claimed =
            retrying([&](Session &session) { return OutboxTable::claim(session, request); });
        if (!claimed || !claimed->isEmpty())
            return claimed;
        const Result<int> expanded = expandOutboxJournal(1);
        if (!expanded)
            return expanded.error();
        if (expanded.value() == 0)
            return claimed;
    }
}

Result<int> Store::expandOutboxJournal(int maxRows)
{
    return retrying([&](Session &session) -> Result<int> {
        auto transaction = session.transaction();
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        Result<int> expanded = TraceTable::expandOutboxJournal(session, maxRows);
        if (!expanded)
            return expanded;
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return expanded;
    });
}

Result<OutboxFinish> Store::finishDelivery(qint64 sequence, const DeliveryResult &result,
                                           const QDateTime &nextAttemptAt)
{
    // Safe to repeat: a second run finds the message no longer Sending and changes nothing.
    Result<OutboxFinish> finished =
        retrying([&](Session &session) { return OutboxTable::finish(session, sequence, result, nextAttemptAt); });
    // Only what a screen must show at once is announced; a delivery is seen on the next refresh.
    if (finished && finished->found && (finished->state == OutboxState::Dead || finished->destinationStopped))
        announceOutbox({});
    return finished;
}

Result<int> Store::releaseOutboxClaims(const WorkerIdentity &worker)
{
    return retrying([&](Session &session) { return OutboxTable::release(session, worker); });
}

// ---- Trace writes and events --------------------------------------------------------------------

Result<QList<Event>> Store::events(qint64 containerId)
{
    return retrying([&](Session &session) { return TraceTable::events(session, containerId); });
}

Result<qint64> Store::eventCount(const QString &entity)
{
    return retrying([&](Session &session) { return TraceTable::eventCount(session, entity); });
}

Result<QList<WatchEntry>> Store::claimDue(const ClaimRequest &request)
{
    return retrying([&](Session &session) { return ClaimTable::claimDue(session, request); });
}

Result<int> Store::writeTraceResults(const QList<TraceWrite> &writes)
{
    int enqueued = 0;
    Result<int> written =
        retrying([&](Session &session) { return TraceTable::writeTraceResults(session, writes, &enqueued); });
    if (written && enqueued > 0)
        announceOutbox({});
    if (written) {
        QList<qint64> ids;
        ids.reserve(writes.size());
        for (const TraceWrite &write : writes)
            ids.append(write.containerId);
        announceContainers({}, std::move(ids));
    }
    return written;
}

Result<int> Store::countHeldByOthers(const ClaimRequest &request)
{
    return retrying([&](Session &session) { return ClaimTable::countHeldByOthers(session, request); });
}

Result<int> Store::releaseClaims(const WorkerIdentity &worker, const QString &name, const QList<qint64> &ids)
{
    return retrying([&](Session &session) { return ClaimTable::release(session, worker, name, ids); });
}

Result<int> Store::releaseDeadWorkersClaims(const WorkerIdentity &self)
{
    if (self.host.isEmpty())
        return 0;
    const Result<QList<WorkerIdentity>> workers =
        retrying([&](Session &session) { return ClaimTable::holders(session, self.host); });
    if (!workers)
        return workers.error();
    int released = 0;
    for (const WorkerIdentity &worker : workers.value()) {
        // The caller is alive, but a claim under its pid with another start time is a previous run's.
        const bool alive = worker == self || (worker.pid != self.pid && worker.isRunningHere());
        if (alive)
            continue;
        const Result<int> freed = releaseClaims(worker);
        if (!freed)
            return freed.error();
        qCInfo(lcStore) << "released" << freed.value() << "claims of worker" << worker.host << worker.pid
                        << "which no longer runs";
        released += freed.value();
    }
    const Result<QList<WorkerIdentity>> outboxWorkers =
        retrying([&](Session &session) { return OutboxTable::holders(session, self.host); });
    if (!outboxWorkers)
        return outboxWorkers.error();
    for (const WorkerIdentity &worker : outboxWorkers.value()) {
        const bool alive = worker == self || (worker.pid != self.pid && worker.isRunningHere());
        if (alive)
            continue;
        const Result<int> freed = releaseOutboxClaims(worker);
        if (!freed)
            return freed.error();
        qCInfo(lcStore) << "released" << freed.value() << "outbox claims of worker" << worker.host << worker.pid
                        << "which no longer runs";
        released += freed.value();
    }
    return released;
}

Result<std::optional<ProviderSlot>> Store::takeProviderSlot(const ProviderSlotRequest &request)
{
    ProviderSlotRequest effective = request;
    effective.limit = std::max(1, request.limit);
    if (effective.identity.isEmpty())
        effective.identity = WorkerIdentity::current();
    const QString ensured = request.entity % u'\x1f' % request.provider % u'\x1f' % QString::number(effective.limit);
    if (!m_slotsEnsured.contains(ensured)) {
        const Result<void> created = retrying([&](Session &session) {
            return ProviderSlotTable::ensure(session, request.entity, request.provider, effective.limit);
        });
        if (!created)
            return created.error();
        m_slotsEnsured.append(ensured);
    }
    Result<std::optional<ProviderSlot>> taken =
        retrying([&](Session &session) { return ProviderSlotTable::take(session, effective); });
    if (!taken || taken->has_value())
        return taken;
    // Every slot is held: a worker of this host killed mid-request holds its slots until the lease
    // runs out unless they are freed here.
    const Result<int> freed = releaseDeadWorkersSlots(effective.identity);
    if (!freed)
        return freed.error();
    if (freed.value() == 0)
        return taken;
    return retrying([&](Session &session) { return ProviderSlotTable::take(session, effective); });
}

Result<bool> Store::releaseProviderSlot(const ProviderSlot &slot)
{
    return retrying([&](Session &session) { return ProviderSlotTable::release(session, slot); });
}

Result<int> Store::releaseProviderSlots(const WorkerIdentity &worker, const QString &holder)
{
    return retrying([&](Session &session) { return ProviderSlotTable::releaseAll(session, worker, holder); });
}

Result<int> Store::renewProviderSlots(const WorkerIdentity &worker, const QString &holder, const QDateTime &leaseUntil)
{
    return retrying([&](Session &session) { return ProviderSlotTable::renew(session, worker, holder, leaseUntil); });
}

Result<int> Store::releaseDeadWorkersSlots(const WorkerIdentity &self)
{
    if (self.host.isEmpty())
        return 0;
    const Result<QList<WorkerIdentity>> workers =
        retrying([&](Session &session) { return ProviderSlotTable::holders(session, self.host); });
    if (!workers)
        return workers.error();
    int released = 0;
    for (const WorkerIdentity &worker : workers.value()) {
        // As for claims: the caller's own pid with another start time is a previous run's.
        if (worker == self || (worker.pid != self.pid && worker.isRunningHere()))
            continue;
        const Result<int> freed = releaseProviderSlots(worker);
        if (!freed)
            return freed.error();
        qCInfo(lcStore) << "released" << freed.value() << "provider slots of worker" << worker.host << worker.pid
                        << "which no longer runs";
        released += freed.value();
    }
    return released;
}

Result<int> Store::heldProviderSlots(const QString &entity, const QString &provider, int limit)
{
    const QDateTime now = m_session->clock().now();
    return retrying(
        [&](Session &session) { return ProviderSlotTable::held(session, entity, provider, std::max(1, limit), now); });
}

Result<void> Store::recordHeartbeat(const WorkerHeartbeat &heartbeat)
{
    return retrying([&](Session &session) { return WorkerHeartbeatTable::record(session, heartbeat); });
}

Result<QList<WorkerHeartbeat>> Store::activeWorkers()
{
    const QDateTime since = WorkerHeartbeat::activeSince(m_session->clock().now());
    return retrying([&](Session &session) { return WorkerHeartbeatTable::seenSince(session, since); });
}

Result<void> Store::removeHeartbeat(const WorkerIdentity &worker)
{
    return retrying([&](Session &session) { return WorkerHeartbeatTable::remove(session, worker); });
}

Result<int> Store::insertEvents(const QList<Event> &events)
{
    int journaled = 0;
    Result<int> inserted = TraceTable::insertEvents(*m_session, events, &journaled);
    if (inserted && journaled > 0)
        announceOutbox({});
    if (inserted && inserted.value() > 0) {
        QList<qint64> ids;
        for (const Event &event : events) {
            if (ids.isEmpty() || ids.constLast() != event.containerId)
                ids.append(event.containerId);
        }
        announceContainers({}, std::move(ids));
    }
    return inserted;
}

// ---- Connections and audit ----------------------------------------------------------------------

Result<void> Store::saveConnection(const ConnectionRecord &connection)
{
    Result<void> saved = retrying([&](Session &session) { return ConnectionTable::save(session, connection); });
    if (saved)
        announceConnections(connection.entity);
    return saved;
}

Result<std::optional<ConnectionRecord>> Store::connection(const QString &entity, const QString &provider)
{
    return retrying([&](Session &session) { return ConnectionTable::connection(session, entity, provider); });
}

Result<QList<ConnectionRecord>> Store::connections(const QString &entity)
{
    return retrying([&](Session &session) { return ConnectionTable::connections(session, entity); });
}

Result<void> Store::removeConnection(const QString &entity, const QString &provider)
{
    Result<void> removed = ConnectionTable::remove(*m_session, entity, provider);
    if (removed)
        announceConnections(entity);
    return removed;
}

Result<void> Store::appendAudit(const AuditEntry &entry)
{
    return retrying([&](Session &session) { return AuditTable::append(session, entry); });
}

Result<QList<AuditEntry>> Store::auditEntries(const QString &entity)
{
    return AuditTable::entries(*m_session, entity);
}

Result<Acknowledgement> Store::acknowledge(const Acknowledgement &acknowledgement)
{
    Result<Acknowledgement> stored =
        retrying([&](Session &session) { return AcknowledgementTable::append(session, acknowledgement); });
    if (stored) {
        StoreChange change;
        change.kind = StoreChange::Kind::Acknowledgements;
        change.entity = acknowledgement.entity;
        change.everything = true;
        ChangeFeed::announce(*m_session, change);
    }
    return stored;
}

Result<QList<Acknowledgement>> Store::acknowledgements(const QString &entity)
{
    return AcknowledgementTable::entries(*m_session, entity);
}

// ---- Subscriptions ------------------------------------------------------------------------------

Result<void> Store::saveSubscription(const SubscriptionRecord &record)
{
    return SubscriptionTable::save(*m_session, record);
}

Result<QList<SubscriptionRecord>> Store::subscriptions(const QString &entity, const QString &provider)
{
    return SubscriptionTable::list(*m_session, entity, provider);
}

Result<int> Store::markSubscriptionsRemoved(const QString &entity, const QString &provider, const QStringList &numbers)
{
    return SubscriptionTable::markRemoved(*m_session, entity, provider, numbers);
}

Result<void> Store::saveTraceSettings(const QString &entity, const TracePublishSettings &settings)
{
    return SubscriptionTable::saveTraceSettings(*m_session, entity, settings);
}

Result<TracePublishSettings> Store::traceSettings(const QString &entity)
{
    return SubscriptionTable::traceSettings(*m_session, entity);
}

Result<void> Store::savePublication(const QString &entity, const TracePublication &publication)
{
    return SubscriptionTable::savePublication(*m_session, entity, publication);
}

Result<QList<TracePublication>> Store::publications(const QString &entity, const QString &number)
{
    return SubscriptionTable::publications(*m_session, entity, number);
}

Result<QList<CallbackVisit>> Store::callbackVisits(qint64 containerId)
{
    return SubscriptionTable::visits(*m_session, containerId);
}

Result<void> Store::recordCallbackVisits(const QList<CallbackVisit> &visits)
{
    return SubscriptionTable::recordVisits(*m_session, visits);
}
