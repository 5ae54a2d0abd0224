// End to end: the sync engine and quaywatch-cli against the real simulator over real HTTP, with
// real databases (SQLite files and the test PostgreSQL server) and the real keychain. Runs under
// scripts/with-test-services.sh.
#include "clock.h"
#include "containernumber.h"
#include "portsamericaadapter.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "syncengine.h"
#include "testdatabases.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString provider = u"ports_america"_s;

// Valid ISO 6346 numbers, distinct per owner code.
QStringList containerNumbers(const QString &owner, int count, int firstSerial = 1)
{
    QStringList numbers;
    for (int serial = firstSerial; numbers.size() < count; ++serial) {
        const QString firstTen = owner + u'U' + QString::number(serial).rightJustified(6, u'0');
        numbers.append(firstTen + QString::number(ContainerNumber::checkDigit(firstTen)));
    }
    return numbers;
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun finishCli(QProcess &process, int timeoutMs = 120000)
{
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = u"quaywatch-cli did not finish in time"_s;
    } else if (process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err += QString::fromUtf8(process.readAllStandardError());
    return run;
}

void startCli(QProcess &process, const QString &database, const QStringList &arguments)
{
    process.setProgram(qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/cli/quaywatch-cli"_s);
    process.setArguments(QStringList{u"--db"_s, database} + arguments);
    process.start();
}

int tracedCount(const QString &summary)
{
    static const QRegularExpression pattern(u"Traced (\\d+) containers"_s);
    const QRegularExpressionMatch match = pattern.match(summary);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestSyncEnd2End final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Engine and the real adapter in-process.
    void oneSiteOf120MakesThreeRequests();
    void tokenExpiringMidSyncIsRenewedOnce();
    void malformedBatchFailsAloneWhileOthersAreStored();
    void transientFaultsAreRetriedWithinBounds_data();
    void transientFaultsAreRetriedWithinBounds();
    void timeoutsAreRetriedWithinBounds();

    // The CLI as a process.
    void syncOnceTwiceAddsNothingTheSecondTime();
    void badCredentialsAreReportedWithoutARetryStorm();
    void twoWorkersOnPostgresTraceEachContainerOnce();

private:
    bool startSimulator(const QStringList &arguments = {});
    bool openStore(Store::Backend backend);
    void addContainers(const QStringList &numbers, const QString &site);
    void makeAdapter(int timeoutMs = 30000, int maxAttempts = 4);
    SyncReport runCycle(const SyncOptions &options = {});
    bool saveConnection(const QString &password);
    QList<WatchEntry> entries();
    QJsonObject stats() { return m_sim->stats(); }
    void verifyNoDuplicateEvents();

    SystemClock m_clock; // declared first: the store and the adapter read it until they go
    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<PortsAmericaAdapter> m_adapter;
};

void TestSyncEnd2End::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("QUAYWATCH_BIN_DIR"), "run through ctest (QUAYWATCH_BIN_DIR)");
}

void TestSyncEnd2End::init()
{
    m_sim = std::make_unique<SimulatorProcess>();
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSyncEnd2End::cleanup()
{
    m_adapter.reset();
    m_network.reset();
    m_store.reset();
    m_database.reset();
    m_sim.reset();
}

bool TestSyncEnd2End::startSimulator(const QStringList &arguments)
{
    // The clock stands still unless a test moves it, so "no change" really means no change.
    if (m_sim->start(QStringList{u"--speed"_s, u"0"_s} + arguments))
        return true;
    qWarning().noquote() << m_sim->errorString();
    return false;
}

bool TestSyncEnd2End::openStore(Store::Backend backend)
{
    m_database = std::make_unique<TestDatabase>(backend);
    Result<std::unique_ptr<Store>> opened = Store::open(m_database->location(), testClock());
    if (!opened) {
        qWarning().noquote() << "cannot open the test database:" << opened.error().message;
        return false;
    }
    m_store = std::move(opened.value());
    return true;
}

void TestSyncEnd2End::addContainers(const QStringList &numbers, const QString &site)
{
    for (const QString &number : numbers) {
        WatchEntry entry;
        entry.containerNumber = number;
        entry.provider = provider;
        entry.site = site;
        Result<AddOutcome> added = m_store->addContainer(entry);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
    }
}

void TestSyncEnd2End::makeAdapter(int timeoutMs, int maxAttempts)
{
    PortsAmericaConfig config;
    config.baseUrl = m_sim->baseUrl();
    config.username = u"demo"_s;
    config.password = u"demo"_s;
    config.requestTimeoutMs = timeoutMs;
    config.maxAttempts = maxAttempts;
    m_adapter = std::make_unique<PortsAmericaAdapter>(m_network.get(), config, m_clock);
}

SyncReport TestSyncEnd2End::runCycle(const SyncOptions &options)
{
    SyncEngine engine(*m_store, m_clock);
    engine.setAdapter(m_adapter.get());
    SyncReport report;
    bool finished = false;
    QEventLoop loop;
    connect(&engine, &SyncEngine::cycleFinished, &loop, [&](const SyncReport &result) {
        report = result;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    engine.runOnce(options);
    loop.exec();
    if (!finished)
        qWarning() << "the sync cycle did not finish";
    return report;
}

QList<WatchEntry> TestSyncEnd2End::entries()
{
    Result<QList<WatchEntry>> all = m_store->containers(u"default"_s);
    return all.ok() ? all.value() : QList<WatchEntry>{};
}

// The store's dedupe keys make duplicates impossible to insert; this also catches the same fact
// stored under two different keys.
void TestSyncEnd2End::verifyNoDuplicateEvents()
{
    for (const WatchEntry &entry : entries()) {
        Result<QList<Event>> events = m_store->events(entry.id);
        QVERIFY(events.ok());
        QSet<QString> facts;
        for (const Event &event : std::as_const(events.value())) {
            const QString fact = eventCodeName(event.code) + u'|' + event.providerCode + u'|' +
                                 event.occurredAt.toString(Qt::ISODate) + u'|' +
                                 QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact));
            QVERIFY2(!facts.contains(fact), qPrintable(entry.containerNumber + u" has a duplicate "_s + fact));
            facts.insert(fact);
        }
    }
}

bool TestSyncEnd2End::saveConnection(const QString &password)
{
    ConnectionRecord record;
    record.provider = provider;
    record.fields = {{u"username"_s, u"demo"_s}};
    record.savedSecretFields = {u"password"_s};
    record.environment = u"production"_s;
    record.baseUrl = m_sim->baseUrl().toString();
    record.status = u"connected"_s;
    if (Result<void> saved = m_store->saveConnection(record); !saved) {
        qWarning().noquote() << saved.error().message;
        return false;
    }
    SecretStore secrets;
    std::optional<Result<void>> written;
    QEventLoop loop;
    secrets.write(SecretStore::key(u"default"_s, provider, u"password"_s), password, [&](Result<void> result) {
        written = std::move(result);
        loop.quit();
    });
    if (!written)
        loop.exec();
    if (!written->ok())
        qWarning().noquote() << "keychain:" << written->error().message;
    return written->ok();
}

void TestSyncEnd2End::oneSiteOf120MakesThreeRequests()
{
    QVERIFY(startSimulator());
    QVERIFY(openStore(Store::Backend::Sqlite));
    addContainers(containerNumbers(u"MSK"_s, 120), u"WBCT_LA"_s);
    makeAdapter();

    const SyncReport report = runCycle();

    QCOMPARE(report.containersFailed, 0);
    QCOMPARE(report.containersTraced, 120);
    QCOMPARE(report.batches, 3);
    const QJsonObject traffic = stats();
    QCOMPARE(traffic.value(u"availability_requests"_s).toInt(), 3);
    QCOMPARE(traffic.value(u"max_containers_per_request"_s).toInt(), 50);
    const QList<WatchEntry> stored = entries();
    QCOMPARE(stored.size(), 120);
    for (const WatchEntry &entry : stored) {
        QVERIFY2(entry.lastError.isEmpty(), qPrintable(entry.lastError));
        QVERIFY(entry.lastTracedAt.isValid());
        QVERIFY(entry.snapshot.status != ContainerStatus::Unknown);
    }
    Result<qint64> events = m_store->eventCount(u"default"_s);
    QVERIFY(events.ok());
    QCOMPARE(events.value(), qint64(report.eventsAdded));
    QVERIFY(events.value() > 0);
}

void TestSyncEnd2End::tokenExpiringMidSyncIsRenewedOnce()
{
    // 32 batches, 4 at a time, 400 ms each: about 3.6 s, and a token lives 2 s.
    QVERIFY(startSimulator({u"--latency-ms"_s, u"400"_s, u"--token-lifetime"_s, u"2"_s}));
    QVERIFY(openStore(Store::Backend::Sqlite));
    addContainers(containerNumbers(u"CMA"_s, 1600), u"OCT"_s);
    makeAdapter();

    QElapsedTimer cycleTime;
    cycleTime.start();
    const SyncReport report = runCycle();
    const qint64 elapsedMs = cycleTime.elapsed();

    QCOMPARE(report.containersFailed, 0);
    QCOMPARE(report.containersTraced, 1600);
    const QJsonObject traffic = stats();
    const int rejected = traffic.value(u"rejected_401"_s).toInt();
    QVERIFY2(rejected >= 1, "the token never expired; the test proves nothing");
    // One refresh per expiry, however many requests the expiry rejected: a loaded machine may stretch
    // the cycle over more than two token lifetimes, never more refreshes than lifetimes.
    const int tokens = traffic.value(u"token_requests"_s).toInt();
    const int lifetimes = int(elapsedMs / 2000) + 1;
    QVERIFY2(tokens >= 2 && tokens <= lifetimes,
             qPrintable(u"%1 token requests over %2 ms"_s.arg(tokens).arg(elapsedMs)));
    QVERIFY2(rejected <= 4 * (tokens - 1), "more requests were refused than were in flight at each expiry");
    // Only the rejected requests were sent again, and the simulator counts only answered containers.
    QCOMPARE(traffic.value(u"availability_requests"_s).toInt(), 32 + traffic.value(u"rejected_401"_s).toInt());
    QCOMPARE(traffic.value(u"containers_requested"_s).toInt(), 1600);
    for (const WatchEntry &entry : entries())
        QVERIFY2(entry.lastError.isEmpty() && entry.lastTracedAt.isValid(), qPrintable(entry.containerNumber));
    verifyNoDuplicateEvents();
}

void TestSyncEnd2End::malformedBatchFailsAloneWhileOthersAreStored()
{
    QVERIFY(startSimulator());
    QVERIFY(openStore(Store::Backend::Sqlite));
    const QStringList numbers = containerNumbers(u"HLX"_s, 150);
    addContainers(numbers, u"PNCT_NJ"_s);
    const QString poisoned = numbers.at(70);
    QVERIFY(!m_sim->postJson(u"/_sim/faults"_s, {{u"malformed-containers"_s, QJsonArray{poisoned}}}).isNull());
    makeAdapter();

    const SyncReport report = runCycle();

    QCOMPARE(report.containersTraced, 100);
    QCOMPARE(report.containersFailed, 50);
    QCOMPARE(report.errors.size(), 50);
    int failed = 0;
    for (const WatchEntry &entry : entries()) {
        if (entry.lastError.isEmpty()) {
            QVERIFY(entry.snapshot.status != ContainerStatus::Unknown);
            continue;
        }
        ++failed;
        QVERIFY(entry.nextTraceAt.isValid());
        Result<QList<Event>> events = m_store->events(entry.id);
        QVERIFY(events.ok() && events->isEmpty());
    }
    QCOMPARE(failed, 50);
    Result<std::optional<WatchEntry>> broken = m_store->container(u"default"_s, poisoned);
    QVERIFY(broken.ok() && broken->has_value());
    QVERIFY(!broken.value()->lastError.isEmpty());
}

void TestSyncEnd2End::transientFaultsAreRetriedWithinBounds_data()
{
    QTest::addColumn<QStringList>("faults");
    QTest::addColumn<QString>("counter");

    QTest::newRow("429 with Retry-After")
        << QStringList{u"--rate-limit-every"_s, u"3"_s, u"--retry-after"_s, u"1"_s} << u"rate_limited"_s;
    QTest::newRow("5xx") << QStringList{u"--error-rate"_s, u"0.25"_s} << u"errors_500"_s;
    QTest::newRow("dropped connections") << QStringList{u"--drop-rate"_s, u"0.25"_s} << u"dropped"_s;
}

void TestSyncEnd2End::transientFaultsAreRetriedWithinBounds()
{
    QFETCH(QStringList, faults);
    QFETCH(QString, counter);
    QVERIFY(startSimulator(faults));
    QVERIFY(openStore(Store::Backend::Sqlite));
    addContainers(containerNumbers(u"ONE"_s, 400), u"SGT_BAL"_s); // 8 batches
    makeAdapter();

    const SyncReport report = runCycle();

    const QJsonObject traffic = stats();
    QVERIFY2(traffic.value(counter).toInt() > 0, "the fault was never injected");
    QCOMPARE(report.containersFailed, 0);
    QCOMPARE(report.containersTraced, 400);
    const int requests = traffic.value(u"availability_requests"_s).toInt();
    QVERIFY2(requests > 8 && requests <= 8 * 4, qPrintable(u"%1 availability requests"_s.arg(requests)));
    verifyNoDuplicateEvents();
}

void TestSyncEnd2End::timeoutsAreRetriedWithinBounds()
{
    QVERIFY(startSimulator());
    QVERIFY(openStore(Store::Backend::Sqlite));
    const QStringList numbers = containerNumbers(u"TGH"_s, 100);
    addContainers(numbers, u"WBCT_LA"_s);
    makeAdapter(400, 3);
    QCOMPARE(runCycle().containersTraced, 100); // the token is cached from here on

    QVERIFY(!m_sim->postJson(u"/_sim/faults"_s, {{u"latency-ms"_s, 1500}}).isNull());
    QVERIFY(!m_sim->postJson(u"/_sim/reset-stats"_s).isNull());
    SyncOptions options;
    options.forceNumbers = numbers;
    const SyncReport report = runCycle(options);

    QCOMPARE(report.containersTraced, 0);
    QCOMPARE(report.containersFailed, 100);
    // Two batches, three attempts each, and not one more.
    QVERIFY(!m_sim->postJson(u"/_sim/faults"_s, {{u"latency-ms"_s, 0}}).isNull());
    QCOMPARE(stats().value(u"availability_requests"_s).toInt(), 2 * 3);
    for (const WatchEntry &entry : entries()) {
        QVERIFY(!entry.lastError.isEmpty());
        QVERIFY(entry.snapshot.status != ContainerStatus::Unknown); // the earlier result is kept
    }
}

void TestSyncEnd2End::syncOnceTwiceAddsNothingTheSecondTime()
{
    QVERIFY(startSimulator());
    QVERIFY(openStore(Store::Backend::Sqlite));
    addContainers(containerNumbers(u"EGL"_s, 60), u"WBCT_LA"_s);
    addContainers(containerNumbers(u"EGL"_s, 40, 500), u"OCT"_s);
    if (!saveConnection(u"demo"_s))
        QSKIP("no keychain (run under scripts/with-test-services.sh)");

    QProcess first;
    startCli(first, m_database->location(), {u"sync"_s, u"--once"_s});
    const CliRun firstRun = finishCli(first);
    QVERIFY2(firstRun.exitCode == 0, qPrintable(firstRun.err));
    QCOMPARE(tracedCount(firstRun.out), 100);
    QVERIFY2(firstRun.out.contains(u"in 3 batches"_s), qPrintable(firstRun.out));
    Result<qint64> afterFirst = m_store->eventCount(u"default"_s);
    QVERIFY(afterFirst.ok() && afterFirst.value() > 0);

    QProcess second;
    startCli(second, m_database->location(), {u"sync"_s, u"--once"_s, u"--all"_s});
    const CliRun secondRun = finishCli(second);
    QVERIFY2(secondRun.exitCode == 0, qPrintable(secondRun.err));
    QCOMPARE(tracedCount(secondRun.out), 100);
    QVERIFY2(secondRun.out.contains(u": 0 new events, 0 failed"_s), qPrintable(secondRun.out));
    Result<qint64> afterSecond = m_store->eventCount(u"default"_s);
    QVERIFY(afterSecond.ok());
    QCOMPARE(afterSecond.value(), afterFirst.value());

    Result<std::optional<ConnectionRecord>> connection = m_store->connection(u"default"_s, provider);
    QVERIFY(connection.ok() && connection->has_value());
    QVERIFY(connection.value()->lastSyncAt.isValid());
    QCOMPARE(connection.value()->status, u"connected"_s);
}

void TestSyncEnd2End::badCredentialsAreReportedWithoutARetryStorm()
{
    QVERIFY(startSimulator());
    QVERIFY(openStore(Store::Backend::Sqlite));
    addContainers(containerNumbers(u"ZIM"_s, 300), u"WBCT_LA"_s); // 6 batches
    if (!saveConnection(u"not-the-password"_s))
        QSKIP("no keychain (run under scripts/with-test-services.sh)");

    QProcess process;
    startCli(process, m_database->location(), {u"sync"_s, u"--once"_s});
    const CliRun run = finishCli(process);

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"The user name or password is incorrect"_s), qPrintable(run.err));
    QCOMPARE(tracedCount(run.out), 0);
    Result<std::optional<ConnectionRecord>> connection = m_store->connection(u"default"_s, provider);
    QVERIFY(connection.ok() && connection->has_value());
    QCOMPARE(connection.value()->status, u"error"_s);
    QVERIFY2(connection.value()->lastError.contains(u"The user name or password is incorrect"_s),
             qPrintable(connection.value()->lastError));
    const QJsonObject traffic = stats();
    QVERIFY2(traffic.value(u"token_requests"_s).toInt() <= 2, "a retry storm of token requests");
    QCOMPARE(traffic.value(u"availability_requests"_s).toInt(), 0);
    for (const WatchEntry &entry : entries())
        QVERIFY(entry.nextTraceAt > QDateTime::currentDateTimeUtc()); // not retried right away
}

void TestSyncEnd2End::twoWorkersOnPostgresTraceEachContainerOnce()
{
    if (qEnvironmentVariableIsEmpty("QUAYWATCH_TEST_PG_URL"))
        QSKIP("QUAYWATCH_TEST_PG_URL is not set (run under scripts/with-test-services.sh)");
    QVERIFY(startSimulator());
    QVERIFY(openStore(Store::Backend::Postgres));
    const QStringList sites{u"WBCT_LA"_s, u"OCT"_s, u"SGT_BAL"_s, u"PNCT_NJ"_s};
    for (int i = 0; i < sites.size(); ++i)
        addContainers(containerNumbers(u"TWO"_s, 500, 1 + i * 1000), sites.at(i));
    if (!saveConnection(u"demo"_s))
        QSKIP("no keychain (run under scripts/with-test-services.sh)");

    QProcess workerA;
    QProcess workerB;
    startCli(workerA, m_database->location(), {u"sync"_s, u"--once"_s});
    startCli(workerB, m_database->location(), {u"sync"_s, u"--once"_s});
    const CliRun runA = finishCli(workerA);
    const CliRun runB = finishCli(workerB);

    QVERIFY2(runA.exitCode == 0, qPrintable(runA.err));
    QVERIFY2(runB.exitCode == 0, qPrintable(runB.err));
    qInfo().noquote() << "worker A:" << runA.out.trimmed() << "| worker B:" << runB.out.trimmed();
    QCOMPARE(tracedCount(runA.out) + tracedCount(runB.out), 2000);
    QCOMPARE(stats().value(u"containers_requested"_s).toInt(), 2000);
    const QList<WatchEntry> stored = entries();
    QCOMPARE(stored.size(), 2000);
    for (const WatchEntry &entry : stored) {
        QVERIFY2(entry.lastTracedAt.isValid() && entry.lastError.isEmpty(), qPrintable(entry.containerNumber));
        QVERIFY(entry.nextTraceAt > entry.lastTracedAt);
    }
    verifyNoDuplicateEvents();
}

QTEST_GUILESS_MAIN(TestSyncEnd2End)
#include "tst_syncend2end.moc"
