#pragma once

#include "providercatalog.h"
#include "webhooklistener.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class AuditLogPage;
class ConnectionService;
class DataSourcesPage;
class HeartbeatPublisher;
class InboxWatcher;
class LiveConnections;
class MainWindow;
class MappingPage;
class OutboundDispatcher;
class ProviderAdapter;
class SecretStore;
class Store;
class StoreConsoleBackend;
class SubscriptionService;
class SubscriptionsPage;
class WebhookListener;
class WebhookStatusWidget;

// Puts the finished screens (Data sources, Audit log, Mapping) into the main window and keeps the
// console's parts in step: every view follows the current entity, a changed connection reloads the
// sync's accounts, and the watched inbox folder runs while the console does. main() and the tests
// build the console through this one class, so what is tested is what users run.
class ConsoleWiring final : public QObject
{
    Q_OBJECT

public:
    // Settings keys: the entities known to this console and the one shown last.
    static QString entitiesKey();
    static QString currentEntityKey();
    // The entities for the switcher: the saved list plus current.
    static QStringList knownEntities(const QString &current);
    // The ConsoleViewOnly setting resolved: "on"/"off" as saved; otherwise view only exactly when the
    // database is shared (PostgreSQL), where the team's sync workers trace.
    static bool viewOnlyFor(const Store &store);

    // secretService: the keychain service of the connections' secrets ("quaywatch-demo" in the demo).
    ConsoleWiring(Store &store, StoreConsoleBackend &backend, MainWindow &window, const QString &secretService,
                  QObject *parent = nullptr);
    ~ConsoleWiring() override;

    // An adapter built elsewhere (the demo's, on the simulator's clock) used for entity's Ports
    // America account instead of one read from the keychain. Not owned.
    void setFixedAdapter(const QString &entity, ProviderAdapter *adapter);
    // Builds the current entity's adapters again (after a connection or entity change) and syncs.
    void reloadConnections();

    ConnectionService *connections() const { return m_connections; }
    DataSourcesPage *dataSourcesPage() const { return m_dataSources; }
    AuditLogPage *auditLogPage() const { return m_audit; }
    MappingPage *mappingPage() const { return m_mapping; }
    SubscriptionsPage *subscriptionsPage() const { return m_subscriptionsPage; }
    WebhookListener *webhookListener() const { return m_webhooks.get(); }
    InboxWatcher *inboxWatcher() const { return m_inbox.get(); }
    QNetworkAccessManager *network() { return &m_network; }
    // Delivers the current entity's outbox while this console traces; null while it is view only
    // (the team's sync workers deliver then).
    OutboundDispatcher *outboundDispatcher() const { return m_outbound.get(); }

public Q_SLOTS:
    void setEntity(const QString &entity);
    void setInboxFolder(const QString &folder);

Q_SIGNALS:
    // Problems met while loading the accounts (e.g. a keychain that cannot be read).
    void connectionProblems(const QStringList &problems);

private:
    void buildPages();
    void connectSignals();
    void restartInbox();
    void restartOutbound();
    // The console receives the push-style providers' callbacks itself once the entity has a webhook token
    // in the keychain (saved with its first webhook subscription); without one it stays off.
    void restartWebhooks();
    void readWebhookSecrets(const QString &entity, int generation, qsizetype index, QHash<QString, QString> read,
                            const std::function<void(const QHash<QString, QString> &)> &done);
    void startWebhooks(const QString &entity, const WebhookListenerConfig &config,
                       const QHash<QString, QString> &secrets);

    Store &m_store;
    StoreConsoleBackend &m_backend;
    MainWindow &m_window;
    ProviderCatalog m_catalog;
    QNetworkAccessManager m_network;
    SecretStore *m_secrets;
    ConnectionService *m_connections;
    DataSourcesPage *m_dataSources = nullptr;
    AuditLogPage *m_audit = nullptr;
    MappingPage *m_mapping = nullptr;
    SubscriptionService *m_subscriptions = nullptr;
    SubscriptionsPage *m_subscriptionsPage = nullptr;
    WebhookStatusWidget *m_webhookStatus = nullptr;
    std::unique_ptr<WebhookListener> m_webhooks;
    int m_webhookGeneration = 0; // a slower, older token read never starts another entity's listener
    std::unique_ptr<LiveConnections> m_live;
    std::unique_ptr<InboxWatcher> m_inbox;
    std::unique_ptr<HeartbeatPublisher> m_heartbeat;
    std::unique_ptr<OutboundDispatcher> m_outbound;
    QString m_fixedEntity;
    ProviderAdapter *m_fixedAdapter = nullptr;
    int m_loadGeneration = 0; // a slower, older load never installs another entity's adapters
};
