#include "consolewiring.h"

#include "auditlogpage.h"
#include "connectionservice.h"
#include "datasourcespage.h"
#include "entityswitcher.h"
#include "heartbeatpublisher.h"
#include "inboxwatcher.h"
#include "liveconnections.h"
#include "mainwindow.h"
#include "mappingpage.h"
#include "outbound/outbounddispatcher.h"
#include "outboundsenders.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "settings.h"
#include "settingspage.h"
#include "store.h"
#include "storeconsolebackend.h"
#include "subscriptionservice.h"
#include "subscriptionspage.h"
#include "watchlistpage.h"
#include "webhooklistener.h"
#include "webhookstatuswidget.h"
#include "webhooktoken.h"
#include "webhookworker.h"

#include <QLoggingCategory>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcWiring, "quaywatch.app.console")

ProviderCatalog loadCatalog()
{
    Result<ProviderCatalog> catalog = ProviderCatalog::load();
    if (!catalog) {
        qCWarning(lcWiring) << "cannot load the provider catalog:" << catalog.error().message;
        return {};
    }
    return std::move(catalog.value());
}
} // namespace

QString ConsoleWiring::entitiesKey()
{
    return Settings::storageName(SettingKey::Entities);
}

QString ConsoleWiring::currentEntityKey()
{
    return Settings::storageName(SettingKey::CurrentEntity);
}

QStringList ConsoleWiring::knownEntities(const QString &current)
{
    QStringList entities = Settings().value(SettingKey::Entities).toStringList();
    if (!current.isEmpty() && !entities.contains(current))
        entities.append(current);
    entities.removeAll(QString());
    entities.removeDuplicates();
    return entities;
}

bool ConsoleWiring::viewOnlyFor(const Store &store)
{
    const QString saved = Settings().value(SettingKey::ConsoleViewOnly).toString();
    if (saved == u"on"_s)
        return true;
    if (saved == u"off"_s)
        return false;
    return store.backend() == Store::Backend::Postgres;
}

ConsoleWiring::ConsoleWiring(Store &store, StoreConsoleBackend &backend, MainWindow &window,
                             const QString &secretService, QObject *parent)
    : QObject(parent), m_store(store), m_backend(backend), m_window(window), m_catalog(loadCatalog()),
      m_secrets(new SecretStore(secretService, std::chrono::seconds(10), this)),
      m_connections(new ConnectionService(&store, &m_catalog, m_secrets, &m_network, this)),
      m_live(std::make_unique<LiveConnections>(store, *m_secrets, m_network, backend.clock(), backend.entity()))
{
    m_backend.setViewOnly(viewOnlyFor(store));
    // This console is one of the database's workers (or a view-only one): the status bars say so.
    m_heartbeat = std::make_unique<HeartbeatPublisher>(store, u"console"_s, m_backend.isViewOnly());
    connect(&m_backend, &ConsoleBackend::viewOnlyChanged, this, [this](bool viewOnly) {
        m_heartbeat->setViewOnly(viewOnly);
        restartOutbound();
    });
    connect(&m_backend, &ConsoleBackend::syncFinished, this, [this] { m_heartbeat->cycleFinished(); });
    buildPages();
    connectSignals();
    restartInbox();
    restartWebhooks();
    restartOutbound();
}

ConsoleWiring::~ConsoleWiring()
{
    // The dispatcher's senders use the network manager and the keychain: it goes first.
    m_outbound.reset();
}

void ConsoleWiring::buildPages()
{
    const QString entity = m_backend.entity();
    m_dataSources = new DataSourcesPage(m_connections, knownEntities(entity), entity);
    // Webhook destinations keep their signing secrets in the console's keychain service.
    m_backend.setSecretStore(m_secrets);
    m_dataSources->setOutboundBackend(&m_backend);
    m_audit = new AuditLogPage(m_backend);
    m_mapping = new MappingPage(m_backend);
    m_subscriptions = new SubscriptionService(&m_store, m_secrets, &m_network, &m_catalog, &m_backend.clock(), this);
    m_subscriptions->setEntity(entity);
    m_subscriptionsPage = new SubscriptionsPage(m_subscriptions);
    // Connections and the subscriptions made through them are one job: two tabs of one page.
    auto *dataSourceTabs = new QTabWidget;
    dataSourceTabs->setObjectName(u"dataSourceTabs"_s);
    dataSourceTabs->addTab(m_dataSources, tr("Connections"));
    dataSourceTabs->addTab(m_subscriptionsPage, tr("Subscriptions"));
    m_webhookStatus = new WebhookStatusWidget(m_backend.clock(), nullptr, &m_window);
    m_window.statusBar()->addPermanentWidget(m_webhookStatus);
    m_window.installPage(MainWindow::Page::DataSources, [dataSourceTabs] { return dataSourceTabs; });
    m_window.installPage(MainWindow::Page::AuditLog, [this] { return m_audit; });
    m_window.installPage(MainWindow::Page::Mapping, [this] { return m_mapping; });
}

void ConsoleWiring::connectSignals()
{
    connect(m_dataSources, &DataSourcesPage::entityChanged, this, &ConsoleWiring::setEntity);
    connect(m_connections, &ConnectionService::connectionChanged, this,
            [this](const QString &entity, const QString &provider) {
                m_audit->refresh();
                // Status changes of a verification arrive too; only a new account matters to the sync.
                if (entity == m_backend.entity() && ProviderRegistry::builtIn().capabilities(provider).polling)
                    reloadConnections();
            });
    // The backend stamps each polled connection's last sync before it reports the cycle: the cards
    // then show the time the status bar shows.
    connect(&m_backend, &ConsoleBackend::syncFinished, m_dataSources, &DataSourcesPage::refresh);
    connect(m_dataSources, &DataSourcesPage::syncRequested, this, [this](const QString &entity) {
        if (entity == m_backend.entity())
            m_backend.syncNow();
    });
    SettingsPage *settings = m_window.settingsPage();
    connect(settings, &SettingsPage::inboxFolderChanged, this, &ConsoleWiring::setInboxFolder);
    connect(settings, &SettingsPage::webhookListenChanged, this, &ConsoleWiring::restartWebhooks);
    connect(this, &ConsoleWiring::connectionProblems, &m_window, [this](const QStringList &problems) {
        for (const QString &problem : problems)
            qCWarning(lcWiring).noquote() << problem;
        if (!problems.isEmpty())
            m_window.statusBar()->showMessage(problems.join(u' '), 15000);
    });
}

void ConsoleWiring::setFixedAdapter(const QString &entity, ProviderAdapter *adapter)
{
    m_fixedEntity = entity;
    m_fixedAdapter = adapter;
}

// Every view follows: the watchlist (and with it dashboard, notifications and mapping), the audit
// log, the data sources, the sync's accounts and the inbox.
void ConsoleWiring::setEntity(const QString &entity)
{
    const QString name = entity.trimmed();
    if (name.isEmpty())
        return;
    Settings settings;
    settings.setValue(SettingKey::Entities, m_dataSources->entitySwitcher()->entities());
    settings.setValue(SettingKey::CurrentEntity, name);
    if (name == m_backend.entity())
        return;
    m_backend.setEntity(name);
    if (m_dataSources->entity() != name)
        m_dataSources->setEntity(name);
    m_audit->setEntity(name);
    m_subscriptions->setEntity(name);
    restartInbox();
    restartWebhooks();
    restartOutbound();
    reloadConnections();
}

// The console that traces also delivers what its traces put into the outbox, continuously: a round
// every few seconds and at once when the change feed announces new messages. Several consoles and
// workers may run this together; the store's claims keep each message with one of them.
void ConsoleWiring::restartOutbound()
{
    m_outbound.reset();
    if (m_backend.isViewOnly())
        return;
    // The store's clock, as the CLI's drain uses: due times are compared with it when claiming.
    m_outbound = std::make_unique<OutboundDispatcher>(
        m_store, m_store.clock(),
        [this](const OutboundDestination &destination, OutboundDispatcher::SenderCallback done) {
            createOutboundSender(destination, *m_secrets, &m_network, m_store.clock(), std::move(done));
        });
    connect(m_outbound.get(), &OutboundDispatcher::finished, this, [this](const OutboundDrainReport &report) {
        for (const QString &error : report.errors)
            qCWarning(lcWiring).noquote() << "outbound:" << error;
        if (report.delivered + report.retried + report.dead > 0 || !report.stopped.isEmpty())
            m_dataSources->refreshOutbound();
        for (const QString &name : report.stopped)
            m_window.statusBar()->showMessage(
                tr("Outbound destination %1 stopped; resume it on Data sources.").arg(name), 15000);
    });
    OutboundDrainOptions options;
    options.entity = m_backend.entity();
    m_outbound->start(options);
}

void ConsoleWiring::restartWebhooks()
{
    const int generation = ++m_webhookGeneration;
    m_webhookStatus->setListener(nullptr);
    m_webhooks.reset();
    const QString entity = m_backend.entity();
    m_secrets->read(SubscriptionService::webhookTokenKey(entity), [this, generation,
                                                                   entity](const Result<QString> &token) {
        if (generation != m_webhookGeneration)
            return; // another entity by now
        const bool haveToken = token && !token.value().isEmpty();
        if (!token && token.error().kind != ErrorKind::NotFound)
            return; // the keychain could not be read: no listener with a made-up token
        Result<WebhookListenerConfig> config = WebhookListenerConfig::fromListenSpec(SettingsPage::webhookListen());
        if (!config) {
            m_window.statusBar()->showMessage(tr("Webhooks: %1").arg(config.error().message), 15000);
            return;
        }
        config.value().token = haveToken ? token.value().toUtf8() : QByteArray();
        readWebhookSecrets(entity, generation, 0, {},
                           [this, entity, config = std::move(config).value()](const QHash<QString, QString> &secrets) {
                               WebhookListenerConfig ready = config;
                               if (ready.token.isEmpty()) {
                                   // Signed callbacks only (a signing key, no token subscription):
                                   // a token nobody was given, so token endpoints refuse every caller.
                                   const bool signedOnly = std::any_of(secrets.cbegin(), secrets.cend(),
                                                                       [](const QString &v) { return !v.isEmpty(); });
                                   if (!signedOnly)
                                       return; // no webhook subscription yet: nothing to listen for
                                   ready.token = WebhookToken::generate();
                               }
                               startWebhooks(entity, ready, secrets);
                           });
    });
}

void ConsoleWiring::readWebhookSecrets(const QString &entity, int generation, qsizetype index,
                                       QHash<QString, QString> read,
                                       const std::function<void(const QHash<QString, QString> &)> &done)
{
    // Every module's callback secrets (e.g. a signing key), keyed "<module>/<field>"; absent is empty.
    QList<QPair<QString, QString>> wanted;
    for (const ModuleWebhook &webhook : ProviderRegistry::builtIn().webhooks()) {
        for (const QString &field : webhook.module->webhookSecretFields())
            wanted.append({webhook.module->id(), field});
    }
    if (index >= wanted.size()) {
        done(read);
        return;
    }
    const QString module = wanted.at(index).first;
    const QString field = wanted.at(index).second;
    m_secrets->read(SecretStore::key(entity, module, field), [=, this](const Result<QString> &value) mutable {
        if (generation != m_webhookGeneration)
            return;
        read.insert(module + u'/' + field, value ? value.value() : QString());
        readWebhookSecrets(entity, generation, index + 1, read, done);
    });
}

void ConsoleWiring::startWebhooks(const QString &entity, const WebhookListenerConfig &config,
                                  const QHash<QString, QString> &secrets)
{
    // The handlers store on a thread of their own, so a locked database never freezes the window.
    Result<std::unique_ptr<WebhookWorker>> worker = WebhookWorker::start(m_store);
    if (!worker) {
        m_window.statusBar()->showMessage(tr("Webhooks: %1").arg(worker.error().message), 15000);
        return;
    }
    auto listener = std::make_unique<WebhookListener>(config, m_backend.clock());
    Store &handlerStore = worker.value()->store();
    listener->setWorker(std::move(worker).value());
    for (const ModuleWebhook &webhook : ProviderRegistry::builtIn().webhooks()) {
        QHash<QString, QString> own;
        for (const QString &field : webhook.module->webhookSecretFields())
            own.insert(field, secrets.value(webhook.module->id() + u'/' + field));
        webhook.module->addWebhookEndpoint(*listener, webhook.path, handlerStore, entity, own);
    }
    connect(listener.get(), &WebhookListener::callbackAccepted, this, [this](const QString &, int newEvents) {
        if (newEvents > 0)
            m_window.watchlistPage()->reloadInBackground();
    });
    if (Result<quint16> port = listener->listen(); !port) {
        m_window.statusBar()->showMessage(tr("Webhooks: %1").arg(port.error().message), 15000);
        return;
    }
    m_webhooks = std::move(listener);
    m_webhookStatus->setListener(m_webhooks.get());
}

void ConsoleWiring::reloadConnections()
{
    const int generation = ++m_loadGeneration;
    const QString entity = m_backend.entity();
    m_backend.clearAdapters();
    if (m_fixedAdapter && entity == m_fixedEntity) {
        m_backend.setAdapter(m_fixedAdapter);
        m_backend.syncNow();
        return;
    }
    m_live->setEntity(entity);
    m_live->load(
        [this, generation](ProviderAdapter *adapter) {
            if (generation == m_loadGeneration)
                m_backend.setAdapter(adapter);
        },
        [this, generation](const QStringList &problems) {
            if (generation != m_loadGeneration)
                return;
            Q_EMIT connectionProblems(problems);
            if (m_backend.hasAdapters())
                m_backend.syncNow();
        });
}

void ConsoleWiring::setInboxFolder(const QString &folder)
{
    Q_UNUSED(folder)
    restartInbox();
}

// The watcher imports for one entity, so a new entity gets a new watcher.
void ConsoleWiring::restartInbox()
{
    m_inbox.reset();
    const QString folder = SettingsPage::inboxFolder();
    if (folder.isEmpty())
        return;
    ImportDefaults defaults;
    defaults.entity = m_backend.entity();
    defaults.rememberedLayouts = true; // dropped files are read as the import dialog last mapped them
    m_inbox = std::make_unique<InboxWatcher>(m_store, defaults);
    connect(m_inbox.get(), &InboxWatcher::passFinished, this, [this](const InboxImporter::PassReport &report) {
        Q_EMIT m_backend.watchlistChanged();
        m_window.statusBar()->showMessage(
            tr("Inbox: %n file(s) imported", nullptr, int(report.files.size())) %
                (report.problems.isEmpty() ? QString() : u" — "_s % report.problems.join(u"; "_s)),
            15000);
    });
    connect(m_inbox.get(), &InboxWatcher::passFailed, this,
            [this](const QString &message) { m_window.statusBar()->showMessage(tr("Inbox: %1").arg(message), 15000); });
    m_inbox->setFolder(folder);
}
