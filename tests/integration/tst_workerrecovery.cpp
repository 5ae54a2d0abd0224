// Workers that survive the worst day, as processes against the real simulator and real databases: a
// `sync --once --all` killed with SIGKILL mid-cycle leaves no container hidden behind its claims, and a
// PostgreSQL restart in the middle of a three-worker cycle loses no fetched result, traces every
// container exactly once and stops no loop-mode worker. Runs under scripts/with-test-services.sh.
#include "containernumber.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "storage/storeinspection.h"
#include "store.h"
#include "testdatabases.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <array>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString provider = u"ports_america"_s;

QStringList containerNumbers(const QString &owner, int count, int firstSerial = 1)
{
    QStringList numbers;
    for (int serial = firstSerial; numbers.size() < count; ++serial) {
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

int tracedCount(const QString &summary)
{
    static const QRegularExpression pattern(u"Traced (\\d+) containers"_s);
    const QRegularExpressionMatch match = pattern.match(summary);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// Runs the event loop in small steps until condition holds or timeoutMs pass.
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

class TestWorkerRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void killedWorkerLeavesNothingClaimed_data();
    void killedWorkerLeavesNothingClaimed();
    void postgresRestartMidCycleLosesNothing();
    void containersALiveWorkerHoldsAreReported();

private:
    bool prepare(Store::Backend backend, const QStringList &simulatorArguments);
    void addContainers(const QStringList &numbers, const QString &site);
    bool saveConnection();
    int tracedContainers(const QDateTime &since = {});

    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
};

void TestWorkerRecovery::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("QUAYWATCH_BIN_DIR"), "run through ctest (QUAYWATCH_BIN_DIR)");
}

void TestWorkerRecovery::cleanup()
{
    m_store.reset();
    m_database.reset();
    m_sim.reset();
}

bool TestWorkerRecovery::prepare(Store::Backend backend, const QStringList &simulatorArguments)
{
    m_sim = std::make_unique<SimulatorProcess>();
    if (!m_sim->start(QStringList{u"--speed"_s, u"0"_s} + simulatorArguments)) {
        qWarning().noquote() << m_sim->errorString();
        return false;
    }
    m_database = std::make_unique<TestDatabase>(backend);
    Result<std::unique_ptr<Store>> opened = Store::open(m_database->location(), testClock());
    if (!opened) {
        qWarning().noquote() << opened.error().message;
        return false;
    }
    m_store = std::move(opened.value());
    return true;
}

void TestWorkerRecovery::addContainers(const QStringList &numbers, const QString &site)
{
    QList<WatchEntry> entries;
    for (const QString &number : numbers) {
        WatchEntry entry;
        entry.containerNumber = number;
        entry.provider = provider;
        entry.site = site;
        entries.append(entry);
    }
    const Result<int> added = m_store->addContainers(entries);
    QVERIFY2(added.ok(), qPrintable(added.error().message));
}

bool TestWorkerRecovery::saveConnection()
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

int TestWorkerRecovery::tracedContainers(const QDateTime &since)
{
    const Result<QList<WatchEntry>> all = m_store->containers(u"default"_s);
    if (!all)
        return -1;
    int traced = 0;
    for (const WatchEntry &entry : all.value()) {
        if (entry.lastTracedAt.isValid() && (!since.isValid() || entry.lastTracedAt >= since))
            ++traced;
    }
    return traced;
}

void TestWorkerRecovery::killedWorkerLeavesNothingClaimed_data()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

void TestWorkerRecovery::killedWorkerLeavesNothingClaimed()
{
    QFETCH(Store::Backend, backend);
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set (run under scripts/with-test-services.sh)");
    QVERIFY(prepare(backend, {u"--latency-ms"_s, u"400"_s}));
    addContainers(containerNumbers(u"KIL"_s, 1000), u"WBCT_LA"_s); // 20 batches, 4 at a time
    if (!saveConnection())
        QSKIP("no keychain (run under scripts/with-test-services.sh)");

    QProcess killed;
    startCli(killed, m_database->location(), {u"sync"_s, u"--once"_s, u"--all"_s});
    QVERIFY2(waitUntil([&] { return m_sim->stats().value(u"containers_requested"_s).toInt() >= 200; }, 30000),
             "the first worker never got going");
    killed.kill(); // SIGKILL: no handler runs, nothing is released
    QVERIFY(killed.waitForFinished(10000));
    QSqlQuery claims(StoreInspection::database(*m_store));
    QVERIFY(claims.exec(u"SELECT COUNT(*) FROM containers WHERE claimed_until IS NOT NULL"_s) && claims.next());
    QVERIFY2(claims.value(0).toInt() > 0, "the killed worker held no claims; the test proves nothing");
    claims.finish();

    QVERIFY(!m_sim->postJson(u"/_sim/faults"_s, {{u"latency-ms"_s, 0}}).isNull());
    const QDateTime secondStart = QDateTime::currentDateTimeUtc();
    QProcess next;
    startCli(next, m_database->location(), {u"sync"_s, u"--once"_s, u"--all"_s});
    QVERIFY(next.waitForFinished(60000));
    const QString out = QString::fromUtf8(next.readAllStandardOutput());
    const QString err = QString::fromUtf8(next.readAllStandardError());
    QVERIFY2(next.exitCode() == 0, qPrintable(out + err));
    QCOMPARE(tracedCount(out), 1000);
    QCOMPARE(tracedContainers(secondStart), 1000);
}

// Three loop-mode workers share 3,000 containers; the server restarts when a fifth of them is
// answered. The simulator counts each container it answers, so exactly 3,000 means no fetched result
// was thrown away (a lost result would be asked for again) and no container was traced twice.
void TestWorkerRecovery::postgresRestartMidCycleLosesNothing()
{
    if (!TestDatabase::postgresRestartable())
        QSKIP("no restartable test PostgreSQL server (run under scripts/with-test-services.sh)");
    QVERIFY(prepare(Store::Backend::Postgres, {u"--latency-ms"_s, u"600"_s}));
    const QStringList sites{u"WBCT_LA"_s, u"OCT"_s, u"SGT_BAL"_s};
    for (int i = 0; i < sites.size(); ++i)
        addContainers(containerNumbers(u"RST"_s, 1000, 1 + i * 1000), sites.at(i));
    if (!saveConnection())
        QSKIP("no keychain (run under scripts/with-test-services.sh)");

    std::array<QProcess, 3> workers;
    for (QProcess &worker : workers)
        startCli(worker, m_database->location(), {u"sync"_s});
    QVERIFY2(waitUntil([&] { return m_sim->stats().value(u"containers_requested"_s).toInt() >= 600; }, 30000),
             "the workers never got going");
    const QString restarted = TestDatabase::restartPostgres();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    const int answeredAtRestart = m_sim->stats().value(u"containers_requested"_s).toInt();
    QVERIFY2(answeredAtRestart < 3000, "the cycle was over before the restart; the test proves nothing");

    QVERIFY2(waitUntil([&] { return tracedContainers() == 3000; }, 60000),
             qPrintable(u"%1 of 3000 containers traced"_s.arg(tracedContainers())));
    QTest::qWait(1000); // a worker that re-asked for a lost result would do it now
    QCOMPARE(m_sim->stats().value(u"containers_requested"_s).toInt(), 3000);
    const Result<QList<WatchEntry>> all = m_store->containers(u"default"_s);
    QVERIFY(all.ok());
    for (const WatchEntry &entry : all.value())
        QVERIFY2(entry.lastError.isEmpty(), qPrintable(entry.containerNumber + u": "_s + entry.lastError));

    for (QProcess &worker : workers) {
        QVERIFY2(worker.state() == QProcess::Running, qPrintable(QString::fromUtf8(worker.readAllStandardError())));
        worker.terminate();
    }
    for (QProcess &worker : workers) {
        QVERIFY(worker.waitForFinished(20000));
        QCOMPARE(worker.exitCode(), 0);
    }
}

// Another live worker (here: this test process) holds three due containers and never traces them:
// `sync --once` traces the rest, says how many it skipped and exits 3, after waiting for them in vain.
void TestWorkerRecovery::containersALiveWorkerHoldsAreReported()
{
    QVERIFY(prepare(Store::Backend::Sqlite, {}));
    addContainers(containerNumbers(u"LIV"_s, 10), u"WBCT_LA"_s);
    if (!saveConnection())
        QSKIP("no keychain (run under scripts/with-test-services.sh)");
    Store::ClaimRequest hold;
    hold.entity = u"default"_s;
    hold.limit = 3;
    hold.worker = u"a live worker"_s;
    hold.identity = WorkerIdentity::current();
    const Result<QList<WatchEntry>> held = m_store->claimDue(hold);
    QVERIFY(held.ok() && held->size() == 3);

    QProcess sync;
    startCli(sync, m_database->location(), {u"sync"_s, u"--once"_s});
    QVERIFY(sync.waitForFinished(60000));
    const QString out = QString::fromUtf8(sync.readAllStandardOutput());
    QCOMPARE(sync.exitCode(), 3);
    QCOMPARE(tracedCount(out), 7);
    QVERIFY2(out.contains(u"3 skipped (another worker holds them)"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestWorkerRecovery)
#include "tst_workerrecovery.moc"
