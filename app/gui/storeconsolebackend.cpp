#include "storeconsolebackend.h"

#include "auditentry.h"
#include "clock.h"
#include "eventcode.h"
#include "exporter.h"
#include "httppolicy.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int changeBatchMs = 250;
} // namespace

StoreConsoleBackend::StoreConsoleBackend(Store &store, QString entity, const Clock &clock, QObject *parent)
    : ConsoleBackend(parent), m_store(store), m_entity(std::move(entity)), m_clock(clock), m_source(store),
      m_engine(std::make_unique<SyncEngine>(store, clock))
{
    connect(m_engine.get(), &SyncEngine::progress, this, &ConsoleBackend::syncProgress);
    connect(m_engine.get(), &SyncEngine::cycleFinished, this, &StoreConsoleBackend::onCycleFinished);
    readLastSync();
    m_changeBatch = new QTimer(this);
    m_changeBatch->setSingleShot(true);
    m_changeBatch->setInterval(changeBatchMs);
    connect(m_changeBatch, &QTimer::timeout, this, &StoreConsoleBackend::flushChanges);
    m_changes = m_store.listenForChanges();
    connect(m_changes.get(), &StoreChangeListener::changed, this, &StoreConsoleBackend::onStoreChange);
}

bool StoreConsoleBackend::listeningForChanges() const
{
    return m_changes && m_changes->listening();
}

void StoreConsoleBackend::onStoreChange(const StoreChange &change)
{
    // This console's own writes (its sync, its imports) already refresh it.
    if (!change.entity.isEmpty() && change.entity != m_entity)
        return;
    // Outbox changes are relayed even when this process wrote them: its own dispatcher delivers in
    // the background, and nothing else tells the screens.
    if (change.kind != StoreChange::Kind::Outbox && !change.origin.isEmpty() && change.origin == m_store.changeOrigin())
        return;
    switch (change.kind) {
    case StoreChange::Kind::Outbox:
        m_outboxChanged = true;
        break;
    case StoreChange::Kind::Acknowledgements:
        m_acknowledgementsChanged = true;
        break;
    case StoreChange::Kind::Containers:
        if (change.everything)
            m_reloadAll = true;
        else
            m_changedIds.append(change.ids);
        break;
    case StoreChange::Kind::Connections:
        m_connectionsChanged = true;
        break;
    }
    if (!m_changeBatch->isActive())
        m_changeBatch->start();
}

// Only the rows named are read again; "everything" (an import, a reconnect that may have missed
// announcements) falls back to the background reload.
void StoreConsoleBackend::flushChanges()
{
    if (std::exchange(m_acknowledgementsChanged, false))
        Q_EMIT acknowledgementsChanged();
    if (std::exchange(m_outboxChanged, false))
        Q_EMIT outboxChanged();
    if (std::exchange(m_connectionsChanged, false)) {
        readLastSync();
        Q_EMIT connectionsChanged();
    }
    QList<qint64> ids = std::exchange(m_changedIds, {});
    if (std::exchange(m_reloadAll, false)) {
        Q_EMIT watchlistChanged();
        return;
    }
    if (ids.isEmpty())
        return;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Result<std::vector<WatchlistRow>> rows = m_store.watchlistRows(m_entity, ids);
    if (!rows) {
        Q_EMIT watchlistChanged(); // cannot read the rows: the reload says why
        return;
    }
    if (!rows->empty())
        Q_EMIT watchlistRowsChanged(rows.value());
}

void StoreConsoleBackend::readLastSync()
{
    // The latest sync of the entity's polled connections (push-style ones are not synced).
    m_lastSyncAt = {};
    for (const QString &provider : ProviderRegistry::builtIn().adapterProviderIds()) {
        Result<std::optional<ConnectionRecord>> connection = m_store.connection(m_entity, provider);
        if (connection && connection->has_value() &&
            (!m_lastSyncAt.isValid() || connection.value()->lastSyncAt > m_lastSyncAt))
            m_lastSyncAt = connection.value()->lastSyncAt;
    }
}

void StoreConsoleBackend::setEntity(const QString &entity)
{
    const QString name = entity.trimmed();
    if (name.isEmpty() || name == m_entity)
        return;
    m_entity = name;
    m_queuedForce.clear();
    readLastSync();
    Q_EMIT entityChanged(m_entity);
    Q_EMIT watchlistChanged();
}

// The engine keeps its adapters for good, so forgetting them means a new engine. A running one
// finishes its cycle (reported as usual) and then goes.
void StoreConsoleBackend::clearAdapters()
{
    auto fresh = std::make_unique<SyncEngine>(m_store, m_clock);
    connect(fresh.get(), &SyncEngine::progress, this, &ConsoleBackend::syncProgress);
    connect(fresh.get(), &SyncEngine::cycleFinished, this, &StoreConsoleBackend::onCycleFinished);
    SyncEngine *old = m_engine.release();
    if (old->isRunning()) {
        old->setParent(this);
        connect(old, &SyncEngine::cycleFinished, old, &QObject::deleteLater);
    } else {
        delete old;
    }
    m_engine = std::move(fresh);
    m_adapterCount = 0;
}

Result<ImportReport> StoreConsoleBackend::importPlan(const ImportPlan &plan, const QString &file)
{
    ImportPlan mine = plan;
    for (WatchEntry &entry : mine.entries)
        entry.entity = m_entity;
    Result<ImportReport> report = Importer::commit(m_store, mine, file);
    const QString name = QFileInfo(file).fileName();
    const QString detail = name % u": "_s % (report ? report->summary() : report.error().message);
    (void)m_store.appendAudit(AuditEntry::make(m_entity, {}, u"import"_s, report.ok(), detail, m_clock.now()));
    if (report && !mine.entries.isEmpty()) {
        Q_EMIT watchlistChanged();
        if (m_adapterCount > 0)
            syncNow();
    }
    return report;
}

StoreConsoleBackend::~StoreConsoleBackend()
{
    for (const QPointer<QThread> &loader : std::as_const(m_loaders)) {
        if (loader)
            loader->wait();
    }
}

void StoreConsoleBackend::setAdapter(ProviderAdapter *adapter)
{
    m_engine->setAdapter(adapter);
    ++m_adapterCount;
}

// LFDs are terminal-local dates; the coordinator's own date is close enough for days-left.
QDate StoreConsoleBackend::today() const
{
    return m_clock.now().toLocalTime().date();
}

QTimeZone StoreConsoleBackend::siteTimeZone(const QString &provider, const QString &site) const
{
    const std::optional<CatalogSite> known = ProviderRegistry::builtIn().catalog().site(provider, site);
    return known && known->timeZone.isValid() ? known->timeZone : QTimeZone::utc();
}

QList<ProviderChoice> StoreConsoleBackend::providers() const
{
    // The providers the console can trace itself: those whose module polls. Labels are catalog texts,
    // translated in the catalog's context; provider names are proper names and stay as they are.
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    QList<ProviderChoice> choices;
    for (const QString &id : registry.adapterProviderIds()) {
        const CatalogProvider &provider = *registry.catalog().provider(id);
        ProviderChoice choice;
        choice.id = id;
        choice.displayName = provider.displayName;
        for (const CatalogSite &site : provider.sites)
            choice.sites.append({site.id, site.name});
        for (const CatalogDataField &field : provider.dataFields) {
            if (!field.selectsSite)
                choice.dataFields.append(
                    {field.name, QCoreApplication::translate("ProviderCatalog", field.label.toUtf8().constData()),
                     field.required});
        }
        choices.append(choice);
    }
    return choices;
}

Result<std::vector<WatchlistRow>> StoreConsoleBackend::loadWatchlist()
{
    return m_source.load(m_entity);
}

Result<QList<AuditEntry>> StoreConsoleBackend::auditEntries(const QString &entity)
{
    return m_store.auditEntries(entity);
}

// The audit page reads on a worker thread with its own connection, as the watchlist does.
void StoreConsoleBackend::loadAuditInBackground(QObject *context, const QString &entity, AuditDelivery deliver)
{
    QPointer<QObject> guard(context);
    QThread *thread = QThread::create([this, opener = &m_store, entity, guard, deliver = std::move(deliver)] {
        Result<std::unique_ptr<Store>> store = opener->openWorker();
        auto entries = std::make_shared<Result<QList<AuditEntry>>>(store ? store.value()->auditEntries(entity)
                                                                         : Result<QList<AuditEntry>>(store.error()));
        QMetaObject::invokeMethod(
            this,
            [guard, deliver, entries] {
                if (guard)
                    deliver(std::move(*entries));
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_loaders.removeAll(nullptr);
    m_loaders.append(thread);
    thread->start();
}

QString StoreConsoleBackend::databaseLocation() const
{
    return m_store.displayLocation();
}

// A Store belongs to its thread, so the worker opens its own (Store::openWorker) and reads through
// the same WatchlistSource. Chunks travel back as queued calls on this backend, which outlives them (the
// destructor waits), and are handed on only while the asking widget still exists.
void StoreConsoleBackend::loadWatchlistInBackground(QObject *context, WatchlistDelivery deliver, bool streamChunks)
{
    auto receiver = std::make_shared<WatchlistDelivery>(std::move(deliver));
    QPointer<QObject> guard(context);
    const auto post = [this, receiver, guard](Result<std::vector<WatchlistRow>> rows, bool append, bool complete) {
        auto payload = std::make_shared<Result<std::vector<WatchlistRow>>>(std::move(rows));
        QMetaObject::invokeMethod(
            this,
            [receiver, guard, payload, append, complete] {
                if (guard)
                    (*receiver)(std::move(*payload), append, complete);
            },
            Qt::QueuedConnection);
    };
    constexpr size_t firstChunk = 2000;   // a screenful and more, on screen well within a second
    constexpr size_t laterChunks = 10000; // each costs the window a few tens of ms
    QThread *thread = QThread::create([opener = &m_store, entity = m_entity, post, streamChunks] {
        Result<std::unique_ptr<Store>> store = opener->openWorker();
        if (!store)
            return post(store.error(), false, true);
        std::optional<std::vector<WatchlistRow>> held;
        bool append = false;
        const auto sink = [&](std::vector<WatchlistRow> chunk) {
            if (held) {
                post(std::move(*held), append, false);
                append = true;
            }
            held = std::move(chunk);
        };
        const Result<void> streamed =
            streamChunks ? WatchlistSource(*store.value()).stream(entity, firstChunk, laterChunks, sink)
                         : WatchlistSource(*store.value()).stream(entity, SIZE_MAX, SIZE_MAX, sink);
        if (!streamed)
            return post(streamed.error(), append, true);
        post(held ? std::move(*held) : std::vector<WatchlistRow>(), append, true);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_loaders.removeAll(nullptr);
    m_loaders.append(thread);
    thread->start();
}

Result<QList<Event>> StoreConsoleBackend::events(qint64 containerId)
{
    return m_source.events(containerId);
}

Result<std::optional<WatchEntry>> StoreConsoleBackend::container(qint64 containerId)
{
    Result<std::optional<WatchEntry>> found = m_store.containerById(containerId);
    // Another entity's container is not this console's to show.
    if (found && found->has_value() && found->value().entity != m_entity)
        return std::optional<WatchEntry>();
    return found;
}

Result<int> StoreConsoleBackend::addContainers(const QList<WatchEntry> &entries)
{
    int created = 0;
    for (WatchEntry entry : entries) {
        entry.entity = m_entity;
        const Result<AddOutcome> outcome = m_store.addContainer(entry);
        if (!outcome)
            return outcome.error();
        created += outcome->created ? 1 : 0;
    }
    if (!entries.isEmpty()) {
        Q_EMIT watchlistChanged();
        if (m_adapterCount > 0)
            syncNow();
    }
    return created;
}

Result<int> StoreConsoleBackend::cancelTracing(const QStringList &numbers)
{
    Result<int> cancelled = m_store.cancelContainers(m_entity, numbers);
    if (cancelled)
        Q_EMIT watchlistChanged();
    return cancelled;
}

Result<void> StoreConsoleBackend::changeReference(const QStringList &numbers, const QString &reference)
{
    for (const QString &number : numbers) {
        if (Result<void> changed = m_store.setReference(m_entity, number, reference); !changed)
            return changed;
    }
    Q_EMIT watchlistChanged();
    return {};
}

Result<qint64> StoreConsoleBackend::exportSelection(const QStringList &numbers, QIODevice &out)
{
    ExportOptions options;
    options.entity = m_entity;
    options.numbers = numbers;
    return Exporter::write(m_store, options, out);
}

Result<QList<Acknowledgement>> StoreConsoleBackend::acknowledgements()
{
    return m_store.acknowledgements(m_entity);
}

Result<void> StoreConsoleBackend::acknowledge(const QString &number, const QString &situation, const QString &note)
{
    Acknowledgement acknowledgement;
    acknowledgement.entity = m_entity;
    acknowledgement.containerNumber = number;
    acknowledgement.situation = situation;
    acknowledgement.note = note.trimmed();
    acknowledgement.at = m_clock.now().toUTC();
    const Result<Acknowledgement> stored = m_store.acknowledge(acknowledgement);
    if (!stored)
        return stored.error();
    Q_EMIT acknowledgementsChanged();
    return {};
}

namespace {

// The export itself, on the worker's own connection: the file is written atomically, and every export
// is recorded in the audit log (data leaving Quaywatch is audited), as the CLI does.
Result<qint64> writeReportFile(Store &store, const QString &entity, const ConsoleExportRequest &request,
                               const HumanReportOptions &human)
{
    ExportOptions options;
    options.entity = entity;
    options.kind = request.kind;
    options.fieldMapping = request.fieldMapping;
    options.numbers = request.numbers;
    options.excelBom = request.excelBom;
    QSaveFile file(request.path);
    Result<qint64> rows = makeError(ErrorKind::InvalidInput, u"Cannot write "_s + request.path);
    if (!file.open(QIODevice::WriteOnly)) {
        rows = makeError(ErrorKind::InvalidInput, u"Cannot write "_s + request.path + u": "_s + file.errorString());
    } else {
        rows = Exporter::writeForPeople(store, options, human, file);
        if (rows && !file.commit())
            rows = makeError(ErrorKind::Storage, u"Cannot write "_s + request.path + u": "_s + file.errorString());
    }
    const QString detail =
        rows ? u"%1 rows to %2"_s.arg(rows.value()).arg(QFileInfo(request.path).fileName()) : rows.error().message;
    (void)store.appendAudit(AuditEntry::make(entity, {}, u"export"_s, rows.ok(), detail));
    return rows;
}

} // namespace

void StoreConsoleBackend::exportReportInBackground(QObject *context, ConsoleExportRequest request,
                                                   ExportProgress progress, ExportDelivery deliver)
{
    QPointer<QObject> guard(context);
    QThread *thread = QThread::create([this, opener = &m_store, entity = m_entity, guard, request = std::move(request),
                                       progress = std::move(progress), deliver = std::move(deliver)] {
        HumanReportOptions human;
        human.codeText = request.codeText;
        human.siteZone = [](const QString &provider, const QString &site) {
            const std::optional<CatalogSite> known = ProviderRegistry::builtIn().catalog().site(provider, site);
            return known ? known->timeZone : QTimeZone();
        };
        human.progress = [this, guard, progress](qint64 rows) {
            QMetaObject::invokeMethod(
                this,
                [guard, progress, rows] {
                    if (guard && progress)
                        progress(rows);
                },
                Qt::QueuedConnection);
        };
        Result<std::unique_ptr<Store>> store = opener->openWorker();
        auto rows = std::make_shared<Result<qint64>>(store ? writeReportFile(*store.value(), entity, request, human)
                                                           : Result<qint64>(store.error()));
        QMetaObject::invokeMethod(
            this,
            [guard, deliver, rows] {
                if (guard)
                    deliver(std::move(*rows));
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_loaders.removeAll(nullptr);
    m_loaders.append(thread);
    thread->start();
}

void StoreConsoleBackend::traceNow(const QStringList &numbers)
{
    startCycle(numbers);
}

void StoreConsoleBackend::syncNow()
{
    startCycle({});
}

void StoreConsoleBackend::setViewOnly(bool viewOnly)
{
    if (m_viewOnly == viewOnly)
        return;
    m_viewOnly = viewOnly;
    // A cycle already running finishes; only new ones are not started.
    m_syncQueued = false;
    m_queuedForce.clear();
    Q_EMIT viewOnlyChanged(viewOnly);
}

std::optional<QList<WorkerHeartbeat>> StoreConsoleBackend::activeWorkers()
{
    Result<QList<WorkerHeartbeat>> workers = m_store.activeWorkers();
    if (!workers)
        return std::nullopt;
    return workers.value();
}

bool StoreConsoleBackend::isSyncing() const
{
    return m_engine->isRunning();
}

// One cycle at a time; a request during a cycle runs right after it.
void StoreConsoleBackend::startCycle(const QStringList &forceNumbers)
{
    if (m_adapterCount == 0 || m_viewOnly)
        return;
    if (m_engine->isRunning()) {
        m_syncQueued = true;
        m_queuedForce += forceNumbers;
        return;
    }
    SyncOptions options;
    options.entity = m_entity;
    options.forceNumbers = forceNumbers;
    m_cycleEntity = m_entity;
    Q_EMIT syncStarted();
    m_engine->runOnce(options);
}

void StoreConsoleBackend::onCycleFinished(const SyncReport &report)
{
    // The cycle's entity gets the sync time, even if the user switched entity while it ran.
    const QDateTime finishedAt = m_clock.now(); // the clock the traces ran on (the simulator's in the demo)
    if (m_cycleEntity == m_entity)
        m_lastSyncAt = finishedAt;
    for (const QString &provider : ProviderRegistry::builtIn().adapterProviderIds()) {
        Result<std::optional<ConnectionRecord>> connection = m_store.connection(m_cycleEntity, provider);
        if (connection && connection->has_value()) {
            ConnectionRecord record = *connection.value();
            record.lastSyncAt = finishedAt;
            record.recordWait(report.waitUntil.value(provider), finishedAt);
            (void)m_store.saveConnection(record);
        }
    }
    const QString summary =
        QCoreApplication::translate("StoreConsoleBackend", "Sync: %1 traced, %2 failed, %3 new events")
            .arg(report.containersTraced)
            .arg(report.containersFailed)
            .arg(report.eventsAdded);
    Q_EMIT syncFinished(summary);
    if (report.containersTraced > 0 || report.containersFailed > 0)
        Q_EMIT watchlistChanged();
    if (m_syncQueued) {
        m_syncQueued = false;
        const QStringList force = std::exchange(m_queuedForce, {});
        startCycle(force);
    }
}
