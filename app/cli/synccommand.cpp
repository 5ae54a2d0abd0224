// `quaywatch-cli sync`: builds one adapter per usable connection (secrets from the keychain), runs
// the sync engine once or forever, and keeps each connection's sync status current.
#include "clicontext.h"
#include "clock.h"
#include "connectionrecord.h"
#include "heartbeatpublisher.h"
#include "outboundcommand.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "servicecredentials.h"
#include "settings.h"
#include "store.h"
#include "subscriptionscommand.h"
#include "syncengine.h"
#include "webhooklistener.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

volatile std::sig_atomic_t g_stopRequested = 0;

void requestStop(int /*signal*/)
{
    g_stopRequested = 1;
}

// SIGINT/SIGTERM ask for a clean stop; a second one ends the process the usual way.
void installStopHandlers()
{
    struct sigaction action = {};
    action.sa_handler = &requestStop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// Sits between the engine and a connection's adapter to learn what the cycle meant for that
// connection: a refused login marks the connection as failing, any traced batch as working.
class ConnectionAdapter final : public ProviderAdapter
{
public:
    ConnectionAdapter(ConnectionRecord record, std::unique_ptr<ProviderAdapter> adapter, qint64 maxRetryAfterSeconds)
        : m_record(std::move(record)), m_adapter(std::move(adapter)), m_maxRetryAfterSeconds(maxRetryAfterSeconds)
    {}

    QString providerId() const override { return m_adapter->providerId(); }
    int batchLimit() const override { return m_adapter->batchLimit(); }
    int maxConcurrentRequests() const override { return m_adapter->maxConcurrentRequests(); }
    qint64 maxRetryAfterSeconds() const override { return m_maxRetryAfterSeconds; }
    void trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done) override
    {
        m_adapter->trace(batch, [this, done = std::move(done)](BatchTraceResult result) {
            const ErrorKind kind = result.batchError.kind;
            if (kind == ErrorKind::BadCredentials || kind == ErrorKind::AccessNotEnabled)
                m_credentialError = result.batchError;
            else if (kind == ErrorKind::None)
                ++m_batchesTraced;
            done(std::move(result));
        });
    }

    const ConnectionRecord &record() const { return m_record; }
    const std::optional<Error> &credentialError() const { return m_credentialError; }
    int batchesTraced() const { return m_batchesTraced; }

private:
    ConnectionRecord m_record;
    std::unique_ptr<ProviderAdapter> m_adapter;
    std::optional<Error> m_credentialError;
    int m_batchesTraced = 0;
    qint64 m_maxRetryAfterSeconds;
};

struct SyncArguments
{
    bool once = false;
    bool noOutbound = false;
    bool all = false;
    QStringList force;
    QString listen; // "[ADDR:]PORT" for the webhook listener; empty: none
    std::optional<int> cycleDeadlineSeconds;
    bool tokenFromStdin = false;
};

std::optional<SyncArguments> parseSyncArguments(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({u"once"_s, u"Trace what is due now, then exit."_s});
    parser.addOption({u"no-outbound"_s, u"Do not deliver the outbox after each cycle."_s});
    parser.addOption({u"all"_s, u"Every active container is due."_s});
    parser.addOption({u"force"_s, u"Trace this container now."_s, u"NUMBER"_s});
    parser.addOption({u"listen"_s, u"Receive webhooks on [ADDR:]PORT (loopback by default)."_s, u"ADDR:PORT"_s});
    parser.addOption({u"webhook-token-stdin"_s, u"Read the webhook token from stdin."_s});
    parser.addOption(
        {u"cycle-deadline"_s, u"Give up on a cycle's unanswered requests after this many seconds."_s, u"SECONDS"_s});
    if (!parseCommandOptions(context, parser, arguments))
        return std::nullopt;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "quaywatch-cli sync: unexpected argument '" << parser.positionalArguments().first() << "'"
                      << Qt::endl;
        return std::nullopt;
    }
    SyncArguments result;
    result.once = parser.isSet(u"once"_s);
    result.noOutbound = parser.isSet(u"no-outbound"_s);
    result.all = parser.isSet(u"all"_s);
    result.listen = parser.value(u"listen"_s);
    result.tokenFromStdin = parser.isSet(u"webhook-token-stdin"_s);
    if (parser.isSet(u"cycle-deadline"_s)) {
        bool ok = false;
        const int seconds = parser.value(u"cycle-deadline"_s).toInt(&ok);
        if (!ok || seconds <= 0) {
            context.err() << "quaywatch-cli sync: --cycle-deadline takes a number of seconds greater than 0"
                          << Qt::endl;
            return std::nullopt;
        }
        result.cycleDeadlineSeconds = seconds;
    }
    for (const QString &number : parser.values(u"force"_s))
        result.force.append(number.trimmed().toUpper());
    return result;
}

Result<QString> readSecret(SecretStore &secrets, const QString &key)
{
    return waitForAnswer<Result<QString>>([&](auto done) { secrets.read(key, done); });
}

// Everything one cycle traces with: the network and one adapter per usable connection, and the
// connections skipped this cycle because their secrets could not be read (the next cycle tries again).
struct CycleAdapters
{
    std::unique_ptr<QNetworkAccessManager> network = std::make_unique<QNetworkAccessManager>();
    std::vector<std::unique_ptr<ConnectionAdapter>> adapters;
    QHash<QString, Error> skipped; // provider -> why
};

// The secrets of one connection, or why they cannot be had this cycle.
Result<QHash<QString, QString>> readConnectionSecrets(SecretStore &secrets, const QString &entity,
                                                      const CatalogProvider &provider)
{
    QHash<QString, QString> values;
    for (const QString &field : provider.secretFieldNames()) {
        Result<QString> secret = readSecret(secrets, SecretStore::key(entity, provider.id, field));
        if (!secret) {
            // A service's own message names the missing credential (servicecredentials.h).
            if (secret.error().kind == ErrorKind::NotFound && !ServiceCredentials::active())
                return makeError(ErrorKind::KeychainUnavailable,
                                 u"No %1 for %2 is saved in the keychain; connect again with "
                                 u"'quaywatch-cli connections connect %2 --secrets-stdin'."_s.arg(field, provider.id));
            return makeError(ErrorKind::KeychainUnavailable,
                             u"Cannot read the %2 %1 from the keychain: "_s.arg(field, provider.id) +
                                 secret.error().message);
        }
        values.insert(field, secret.value());
    }
    return values;
}

Result<CycleAdapters> buildAdapters(CliContext &context, Store &store)
{
    Result<QList<ConnectionRecord>> connections = store.connections(context.entity());
    if (!connections)
        return connections.error();
    CycleAdapters result;
    SecretStore secrets;
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    for (const ConnectionRecord &record : std::as_const(connections.value())) {
        const ProviderModule *module = registry.module(record.provider);
        if (module == nullptr || !registry.capabilities(record.provider).polling)
            continue;
        const CatalogProvider *provider = registry.catalog().provider(record.provider);
        // A keychain that is locked or does not answer costs this connection this cycle, not the worker.
        Result<QHash<QString, QString>> values = readConnectionSecrets(secrets, context.entity(), *provider);
        if (!values) {
            result.skipped.insert(record.provider, values.error());
            continue;
        }
        Result<std::unique_ptr<ProviderAdapter>> adapter =
            module->createAdapter({provider, record, values.value(), result.network.get(), &context.clock()});
        if (!adapter)
            return adapter.error();
        result.adapters.push_back(
            std::make_unique<ConnectionAdapter>(record, std::move(adapter.value()), provider->maxRetryAfterSeconds));
    }
    return result;
}

// Connections carry their own sync status: last sync time, and why they fail.
void updateConnections(CliContext &context, Store &store, const CycleAdapters &cycle, const SyncReport &report,
                       const QDateTime &now)
{
    // A skipped connection says why where the console and `connections list` look.
    for (auto it = cycle.skipped.cbegin(); it != cycle.skipped.cend(); ++it) {
        Result<std::optional<ConnectionRecord>> current = store.connection(context.entity(), it.key());
        if (!current || !current->has_value())
            continue;
        ConnectionRecord record = *current.value();
        record.lastError = it.value().message;
        if (Result<void> saved = store.saveConnection(record); !saved)
            context.err() << "quaywatch-cli sync: cannot update the connection " << record.provider << ": "
                          << saved.error().message << Qt::endl;
    }
    for (const auto &adapter : cycle.adapters) {
        Result<std::optional<ConnectionRecord>> current = store.connection(context.entity(), adapter->providerId());
        ConnectionRecord record = current && current->has_value() ? *current.value() : adapter->record();
        record.lastSyncAt = now;
        record.recordWait(report.waitUntil.value(record.provider), now);
        if (adapter->credentialError()) {
            record.status = u"error"_s;
            record.lastError = adapter->credentialError()->message;
        } else if (adapter->batchesTraced() > 0) {
            record.status = u"connected"_s;
            record.lastError.clear();
        }
        Result<void> saved = store.saveConnection(record);
        if (!saved)
            context.err() << "quaywatch-cli sync: cannot update the connection " << record.provider << ": "
                          << saved.error().message << Qt::endl;
    }
}

SyncReport runCycle(CliContext &context, Store &store, const CycleAdapters &cycle, SyncOptions options)
{
    SyncEngine engine(store, store.clock());
    for (const auto &adapter : cycle.adapters) {
        if (!adapter->credentialError())
            engine.setAdapter(adapter.get());
    }
    // A skipped connection's containers are not claimed: they stay due for the next cycle.
    if (!cycle.skipped.isEmpty()) {
        for (auto it = cycle.skipped.cbegin(); it != cycle.skipped.cend(); ++it)
            options.providers.removeAll(it.key());
        if (options.providers.isEmpty())
            return {}; // every polled connection is skipped ("no providers" would mean all of them)
    }
    QObject::connect(&engine, &SyncEngine::cycleProgress, &engine,
                     [&context](int done, int total, int requests, int errors) {
                         context.err() << "sync: " << done << " of " << total << " containers, " << requests
                                       << " requests, " << errors << " errors" << Qt::endl;
                     });
    SyncReport report;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::cycleFinished, &loop, [&](const SyncReport &finished) {
        report = finished;
        loop.quit();
    });
    engine.runOnce(options);
    loop.exec();
    return report;
}

void printReport(CliContext &context, const SyncReport &report)
{
    for (const QString &line : report.errors)
        context.err() << line << Qt::endl;
    context.out() << "Traced " << report.containersTraced << " containers in " << report.batches << " batches ("
                  << report.requestsMade << " requests): " << report.eventsAdded << " new events, "
                  << report.containersFailed << " failed";
    if (report.slotWaits > 0)
        context.out() << ", " << report.slotWaits << " slot waits (the provider's shared limit was reached)";
    if (report.containersSkipped > 0)
        context.out() << ", " << report.containersSkipped << " skipped (another worker holds them)";
    context.out() << Qt::endl;
}

int exitCodeFor(const SyncReport &report)
{
    if (report.containersTraced == 0 && (report.containersFailed > 0 || !report.errors.isEmpty()))
        return ExitFailure;
    if (report.containersFailed > 0 || !report.errors.isEmpty() || report.containersSkipped > 0)
        return ExitPartial; // traced fewer than were due
    return ExitSuccess;
}

// How long to wait before the next cycle: until the earliest due entry, at least a second, at most
// a minute (so new containers and changed connections are picked up soon).
int millisecondsUntilNextDue(CliContext &context, Store &store)
{
    constexpr qint64 maximumMs = qint64{60} * 1000;
    ContainerQuery query;
    query.traceState = TraceState::Active;
    Result<QList<WatchEntry>> active = store.containers(context.entity(), query);
    if (!active)
        return int(maximumMs);
    const QDateTime now = store.clock().now();
    qint64 wait = maximumMs;
    for (const WatchEntry &entry : std::as_const(active.value())) {
        if (entry.nextTraceAt.isValid())
            wait = std::min(wait, now.msecsTo(entry.nextTraceAt));
    }
    return int(std::clamp<qint64>(wait, 1000, maximumMs));
}

// Sleeps on the event loop, waking early when a stop is requested.
void sleepUnlessStopped(int milliseconds)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&loop] {
        if (g_stopRequested != 0)
            loop.quit();
    });
    poll.start(200);
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int runSyncCommand(CliContext &context, const QStringList &arguments)
{
    const std::optional<SyncArguments> parsed = parseSyncArguments(context, arguments);
    if (!parsed)
        return ExitUsage;
    Store *store = context.store();
    if (!store)
        return ExitFailure;
    installStopHandlers();
    std::unique_ptr<WebhookListener> listener;
    if (!parsed->listen.isEmpty() &&
        !(listener = startWebhookListener(context, parsed->listen, parsed->tokenFromStdin)))
        return ExitFailure;

    const Result<ProviderCatalog> catalog = ProviderCatalog::load();
    if (!catalog) {
        context.err() << "quaywatch-cli: " << catalog.error().message << Qt::endl;
        return ExitFailure;
    }
    SyncOptions options;
    options.entity = context.entity();
    options.allActive = parsed->all;
    options.providers = catalog->polledProviderIds(); // push-style providers are traced by callbacks
    const Settings settings;
    options.cycleDeadlineMs =
        1000 * parsed->cycleDeadlineSeconds.value_or(settings.value(SettingKey::SyncCycleDeadlineSeconds).toInt());
    QStringList unknown; // --force numbers that are not on the watchlist, reported with the results
    for (const QString &number : parsed->force) {
        Result<std::optional<WatchEntry>> entry = store->container(context.entity(), number);
        if (entry && entry->has_value())
            options.forceNumbers.append(number);
        else
            unknown.append(number + u": not on the watchlist of entity "_s + context.entity());
    }
    if (!parsed->force.isEmpty() && options.forceNumbers.isEmpty()) {
        for (const QString &line : std::as_const(unknown))
            context.err() << line << Qt::endl;
        return ExitFailure;
    }
    // Consoles name the active workers from this row (host, pid, start, last cycle).
    HeartbeatPublisher heartbeat(*store, u"sync"_s, false);
    for (;;) {
        Result<CycleAdapters> cycle = buildAdapters(context, *store);
        if (!cycle) {
            context.err() << "quaywatch-cli sync: " << cycle.error().message << Qt::endl;
            if (parsed->once)
                return ExitFailure;
            // A database that restarts or a keychain that times out fails this cycle, not the worker.
            context.err() << "quaywatch-cli sync: the cycle failed; trying again" << Qt::endl;
            sleepUnlessStopped(5000);
            if (g_stopRequested == 0)
                continue;
            context.err() << "quaywatch-cli sync: stopped" << Qt::endl;
            return ExitSuccess;
        }
        SyncReport report = runCycle(context, *store, cycle.value(), options);
        report.errors += std::exchange(unknown, {});
        for (auto it = cycle->skipped.cbegin(); it != cycle->skipped.cend(); ++it)
            report.errors.append(it.key() + u": skipped this cycle: "_s + it.value().message);
        updateConnections(context, *store, cycle.value(), report, store->clock().now());
        heartbeat.cycleFinished();
        printReport(context, report);
        // What this cycle changed leaves through the outbox (its messages were written with the events).
        if (!parsed->noOutbound)
            drainOutbox(context, *store, 120);
        if (parsed->once)
            return exitCodeFor(report);
        options.forceNumbers.clear(); // "trace now" is for the first cycle only
        // Skipped connections leave their containers due; a keychain is not asked again at once.
        const int wait = millisecondsUntilNextDue(context, *store);
        if (g_stopRequested == 0)
            sleepUnlessStopped(cycle->skipped.isEmpty() ? wait : std::max(wait, 5000));
        if (g_stopRequested != 0) {
            context.err() << "quaywatch-cli sync: stopped" << Qt::endl;
            return ExitSuccess;
        }
    }
}
