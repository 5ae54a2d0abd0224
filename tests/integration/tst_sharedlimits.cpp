// A team on one PostgreSQL database, as processes against the real simulator: three `sync` workers
// and a view-only console share Ports America's concurrency of 4 (provider slots), so the simulator
// never sees more than 4 requests in flight for the account; every container is traced once in the
// cycle; every worker's heartbeat row is visible; and a worker killed with SIGKILL while it holds
// slots gives them back to the next worker at once (dead worker of this host), well within its lease.
// Runs under scripts/with-test-services.sh.
#include "containernumber.h"
#include "heartbeatpublisher.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "storage/storeinspection.h"
#include "store.h"
#include "testdatabases.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <array>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString provider = u"ports_america"_s;
constexpr int concurrency = 4; // PortsAmericaConfig's default, the documented limit the sync uses

QStringList containerNumbers(const QString &owner, int count)
{
    QStringList numbers;
    for (int serial = 1; numbers.size() < count; ++serial) {
        const QString firstTen = owner + u'U' + QString::number(serial).rightJustified(6, u'0');
        numbers.append(firstTen + QString::number(ContainerNumber::checkDigit(firstTen)));
    }
    return numbers;
}

void startCli(QProcess &process, const QString &database, const QStringList &arguments)
{
    process.setProgram(qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/cli/quaywatch-cli"_s);
    process.setArguments(QStringList{u"--db"_s, database} + arguments);
    process.start();
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}
} // namespace

class TestSharedLimits final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void threeWorkersShareTheProvidersLimit();
    void killedWorkerGivesItsSlotsBack();

private:
    void addContainers(const QStringList &numbers);
    bool saveConnection();
    int tracedContainers();
    int slotsHeldBy(qint64 pid);

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
};

void TestSharedLimits::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("QUAYWATCH_BIN_DIR"), "run through ctest (QUAYWATCH_BIN_DIR)");
}

void TestSharedLimits::init()
{
    if (!TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set (run under scripts/with-test-services.sh)");
    m_sim = std::make_unique<SimulatorProcess>();
    QVERIFY2(m_sim->start({u"--speed"_s, u"0"_s, u"--latency-ms"_s, u"300"_s}), qPrintable(m_sim->errorString()));
    m_database = std::make_unique<TestDatabase>(Store::Backend::Postgres);
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    Result<std::unique_ptr<Store>> opened = Store::open(m_database->location(), testClock());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    m_store = std::move(opened.value());
}

void TestSharedLimits::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_sim.reset();
}

void TestSharedLimits::addContainers(const QStringList &numbers)
{
    QList<WatchEntry> entries;
    for (const QString &number : numbers) {
        WatchEntry entry;
        entry.containerNumber = number;
        entry.provider = provider;
        entry.site = u"WBCT_LA"_s;
        entries.append(entry);
    }
    const Result<int> added = m_store->addContainers(entries);
    QVERIFY2(added.ok(), qPrintable(added.error().message));
}

bool TestSharedLimits::saveConnection()
{
    ConnectionRecord record;
    record.provider = provider;
    record.fields = {{u"username"_s, u"demo"_s}};
    record.savedSecretFields = {u"password"_s};
    record.environment = u"production"_s;
    record.baseUrl = m_sim->baseUrl().toString();
    record.status = u"connected"_s;
    if (!m_store->saveConnection(record))
        return false;
    SecretStore secrets;
    std::optional<Result<void>> written;
    QEventLoop loop;
    secrets.write(SecretStore::key(u"default"_s, provider, u"password"_s), u"demo"_s, [&](Result<void> result) {
        written = std::move(result);
        loop.quit();
    });
    if (!written)
        loop.exec();
    return written->ok();
}

int TestSharedLimits::tracedContainers()
{
    const Result<QList<WatchEntry>> all = m_store->containers(u"default"_s);
    if (!all)
        return -1;
    int traced = 0;
    for (const WatchEntry &entry : all.value())
        traced += entry.lastTracedAt.isValid() ? 1 : 0;
    return traced;
}

int TestSharedLimits::slotsHeldBy(qint64 pid)
{
    QSqlQuery query(StoreInspection::database(*m_store));
    if (!query.prepare(u"SELECT COUNT(*) FROM provider_slots WHERE holder_pid = ? AND lease_until IS NOT NULL"_s))
        return -1;
    query.addBindValue(pid);
    return query.exec() && query.next() ? query.value(0).toInt() : -1;
}

void TestSharedLimits::threeWorkersShareTheProvidersLimit()
{
    constexpr int containers = 2000; // 40 batches of 50: ten rounds of the shared 4
    addContainers(containerNumbers(u"SHL"_s, containers));
    if (!saveConnection())
        QSKIP("no keychain (run under scripts/with-test-services.sh)");
    // The fourth process on the database: a view-only console, which never syncs.
    HeartbeatPublisher console(*m_store, u"console"_s, true);

    std::array<QProcess, 3> workers;
    for (QProcess &worker : workers)
        startCli(worker, m_database->location(), {u"sync"_s});
    QVERIFY2(waitUntil([&] { return tracedContainers() == containers; }, 120000),
             qPrintable(u"%1 of %2 containers traced"_s.arg(tracedContainers()).arg(containers)));

    const QJsonObject stats = m_sim->stats();
    QVERIFY2(stats.value(u"max_in_flight"_s).toInt() <= concurrency,
             qPrintable(u"the simulator saw %1 requests in flight"_s.arg(stats.value(u"max_in_flight"_s).toInt())));
    QCOMPARE(stats.value(u"containers_requested"_s).toInt(), containers); // each once in the cycle

    // Every worker has said it is alive and when its cycle ended; the console says it is view only.
    QSet<qint64> workerPids;
    for (const QProcess &worker : workers)
        workerPids.insert(worker.processId());
    QVERIFY2(waitUntil(
                 [&] {
                     const Result<QList<WorkerHeartbeat>> active = m_store->activeWorkers();
                     int cycled = 0;
                     if (!active)
                         return false;
                     for (const WorkerHeartbeat &row : active.value())
                         cycled += workerPids.contains(row.identity.pid) && !row.viewOnly && row.lastCycleAt.isValid()
                                       ? 1
                                       : 0;
                     return cycled == 3;
                 },
                 30000),
             "not every worker's heartbeat shows a finished cycle");
    const Result<QList<WorkerHeartbeat>> active = m_store->activeWorkers();
    QVERIFY(active);
    bool consoleSeen = false;
    for (const WorkerHeartbeat &row : active.value()) {
        if (row.identity == WorkerIdentity::current())
            consoleSeen = row.viewOnly && row.name == u"console"_s;
    }
    QVERIFY(consoleSeen);

    for (QProcess &worker : workers) {
        QVERIFY2(worker.state() == QProcess::Running, qPrintable(QString::fromUtf8(worker.readAllStandardError())));
        worker.terminate();
    }
    for (QProcess &worker : workers) {
        QVERIFY(worker.waitForFinished(20000));
        QCOMPARE(worker.exitCode(), 0);
    }
    QSqlQuery held(StoreInspection::database(*m_store));
    QVERIFY(held.exec(u"SELECT COUNT(*) FROM provider_slots WHERE lease_until IS NOT NULL"_s) && held.next());
    QCOMPARE(held.value(0).toInt(), 0); // stopped workers hold nothing
}

void TestSharedLimits::killedWorkerGivesItsSlotsBack()
{
    constexpr int containers = 1000;
    addContainers(containerNumbers(u"KSL"_s, containers));
    if (!saveConnection())
        QSKIP("no keychain (run under scripts/with-test-services.sh)");
    QVERIFY(!m_sim->postJson(u"/_sim/faults"_s, {{u"latency-ms"_s, 3000}}).isNull());

    QProcess killed;
    startCli(killed, m_database->location(), {u"sync"_s, u"--once"_s, u"--all"_s});
    QVERIFY(killed.waitForStarted());
    const qint64 killedPid = killed.processId();
    QVERIFY2(waitUntil([&] { return slotsHeldBy(killedPid) == concurrency; }, 30000),
             "the first worker never held the provider's slots");
    killed.kill(); // SIGKILL: no handler runs, nothing is released
    QVERIFY(killed.waitForFinished(10000));
    QCOMPARE(slotsHeldBy(killedPid), concurrency); // its leases (60 s) still run

    // The next worker frees the dead worker's slots on its first take instead of waiting out the
    // leases, and traces everything.
    QVERIFY(!m_sim->postJson(u"/_sim/faults"_s, {{u"latency-ms"_s, 50}}).isNull());
    QProcess next;
    startCli(next, m_database->location(), {u"sync"_s, u"--once"_s, u"--all"_s});
    QVERIFY(next.waitForStarted());
    QVERIFY2(waitUntil([&] { return slotsHeldBy(killedPid) == 0; }, 20000),
             "the killed worker's slots were not given back");
    QVERIFY(next.waitForFinished(60000));
    const QString out = QString::fromUtf8(next.readAllStandardOutput());
    QVERIFY2(next.exitCode() == 0, qPrintable(out + QString::fromUtf8(next.readAllStandardError())));
    QCOMPARE(tracedContainers(), containers);
}

QTEST_GUILESS_MAIN(TestSharedLimits)
#include "tst_sharedlimits.moc"
