#pragma once

#include "consolebackend.h"
#include "syncengine.h"
#include "watchlistsource.h"

#include <QList>
#include <QPointer>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class QThread;

class Clock;
class SecretStore;
class ProviderAdapter;
class Store;
class StoreChangeListener;
struct StoreChange;
class QTimer;

// The console's backend over a real Store and SyncEngine: reads through WatchlistSource, writes
// through Store, and runs sync cycles on the event loop. The widgets only know ConsoleBackend.
class StoreConsoleBackend final : public ConsoleBackend
{
    Q_OBJECT

public:
    StoreConsoleBackend(Store &store, QString entity, const Clock &clock, QObject *parent = nullptr);
    ~StoreConsoleBackend() override;

    // Adapters are not owned; they must outlive the backend.
    void setAdapter(ProviderAdapter *adapter);
    bool hasAdapters() const { return m_adapterCount > 0; }
    // Forgets every adapter (another entity's accounts must never trace this one's containers). A
    // cycle already running finishes on the adapters it has.
    void clearAdapters();

    // Where webhook signing secrets go; not owned. Without one, adding a destination fails.
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }
    // 32 random bytes from the system's generator, as 64 hex digits.
    static QString generateSigningSecret();

    QString entity() const override { return m_entity; }
    void setEntity(const QString &entity) override;
    Result<ImportReport> importPlan(const ImportPlan &plan, const QString &file) override;
    const Clock &clock() const override { return m_clock; }
    QDate today() const override;
    QTimeZone siteTimeZone(const QString &provider, const QString &site) const override;
    QList<ProviderChoice> providers() const override;

    Result<std::vector<WatchlistRow>> loadWatchlist() override;
    void loadWatchlistInBackground(QObject *context, WatchlistDelivery deliver, bool streamChunks) override;
    Result<QList<AuditEntry>> auditEntries(const QString &entity) override;
    void loadAuditInBackground(QObject *context, const QString &entity, AuditDelivery deliver) override;
    QString databaseLocation() const override;
    Result<QList<Event>> events(qint64 containerId) override;
    Result<std::optional<WatchEntry>> container(qint64 containerId) override;
    Result<int> addContainers(const QList<WatchEntry> &entries) override;
    Result<int> cancelTracing(const QStringList &numbers) override;
    Result<void> changeReference(const QStringList &numbers, const QString &reference) override;
    Result<qint64> exportSelection(const QStringList &numbers, QIODevice &out) override;
    Result<QList<Acknowledgement>> acknowledgements() override;
    Result<void> acknowledge(const QString &number, const QString &situation, const QString &note) override;
    void exportReportInBackground(QObject *context, ConsoleExportRequest request, ExportProgress progress,
                                  ExportDelivery deliver) override;

    Result<QList<OutboundDestination>> outboundDestinations() override;
    Result<QList<OutboxSummary>> outboxSummaries() override;
    void addWebhookDestination(QObject *context, const NewWebhookDestination &destination,
                               SecretDelivery done) override;
    void removeDestination(QObject *context, const QString &name, DoneDelivery done) override;
    void testDestination(QObject *context, const QString &name, SecretDelivery done) override;
    Result<int> retryDeadLetters(const QString &name) override;
    Result<void> resumeDestination(const QString &name) override;

    void traceNow(const QStringList &numbers) override;
    void syncNow() override;
    bool isSyncing() const override;
    QDateTime lastSyncAt() const override { return m_lastSyncAt; }
    bool isViewOnly() const override { return m_viewOnly; }
    void setViewOnly(bool viewOnly) override;
    std::optional<QList<WorkerHeartbeat>> activeWorkers() override;

    // Whether this console hears other processes' changes (PostgreSQL LISTEN is up).
    bool listeningForChanges() const;

private:
    void onStoreChange(const StoreChange &change);
    void flushChanges();
    void startCycle(const QStringList &forceNumbers);
    void onCycleFinished(const SyncReport &report);
    void readLastSync();
    Result<OutboundDestination> destinationNamed(const QString &name);
    void audit(const QString &action, bool ok, const QString &detail);

    Store &m_store;
    QString m_entity;
    const Clock &m_clock;
    WatchlistSource m_source;
    std::unique_ptr<SyncEngine> m_engine;
    int m_adapterCount = 0;
    QDateTime m_lastSyncAt;
    QString m_cycleEntity; // the entity the running cycle traces (the user may switch meanwhile)
    bool m_syncQueued = false;
    bool m_viewOnly = false;
    QStringList m_queuedForce;
    QList<QPointer<QThread>> m_loaders; // waited for on destruction
    // Announcements arrive per write; a short pause gathers a sync's burst into one refresh.
    std::unique_ptr<StoreChangeListener> m_changes;
    QTimer *m_changeBatch = nullptr;
    QList<qint64> m_changedIds;
    bool m_reloadAll = false;
    bool m_connectionsChanged = false;
    bool m_acknowledgementsChanged = false;
    bool m_outboxChanged = false;
    SecretStore *m_secrets = nullptr;
    QNetworkAccessManager *m_network = nullptr; // made on the first Test connection of a destination
};
