// Claims that cannot orphan and a session that survives its database: the reconnect classification,
// claims recording their worker, a dead worker's claims released, a lost connection reopened with
// the failed write retried once, and error messages carrying the driver's text.
#include "storage/migrations.h"
#include "storage/session.h"
#include "storetestsupport.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace StoreTest;

namespace {
// The pid of a process that has ended.
qint64 deadPid()
{
    QProcess process;
    process.start(u"true"_s, {});
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

TraceWrite tracedNow(qint64 containerId, const QDateTime &now)
{
    TraceWrite write;
    write.containerId = containerId;
    write.snapshot = ContainerSnapshot();
    write.snapshot->vesselName = u"MSC RETRY"_s;
    write.tracedAt = now;
    write.nextTraceAt = now.addSecs(3600);
    return write;
}

qint64 addDue(Store &store, const QString &number)
{
    WatchEntry e = entry(number);
    e.nextTraceAt = utc(1, 0);
    const Result<AddOutcome> added = store.addContainer(e);
    return added ? added->id : 0;
}

QList<qint64> claim(Store &store, const QString &worker, const WorkerIdentity &identity, const QDateTime &now)
{
    ClaimRequest request;
    request.entity = entity;
    request.now = now;
    request.limit = 1;
    request.worker = worker;
    request.identity = identity;
    QList<qint64> ids;
    const auto claimed = store.claimDue(request);
    if (claimed) {
        for (const WatchEntry &e : claimed.value())
            ids.append(e.id);
    }
    return ids;
}
} // namespace

class TestStoreClaims final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void claimsRecordTheirWorker_data() { addBackends(); }
    void claimsRecordTheirWorker();
    void deadWorkersClaimsAreReleased_data() { addBackends(); }
    void deadWorkersClaimsAreReleased();
    void expiredLeaseIsTakenOver_data() { addBackends(); }
    void expiredLeaseIsTakenOver();
    void errorsCarryTheDriversText_data() { addBackends(); }
    void errorsCarryTheDriversText();
    void lostConnectionIsReopenedAndTheWriteRetried();
    void databaseOfTheEarlierSchemaMigrates_data() { addBackends(); }
    void databaseOfTheEarlierSchemaMigrates();
};

void TestStoreClaims::classify_data()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("open");
    QTest::addColumn<Session::Failure>("expected");
    const auto pg = Store::Backend::Postgres;
    const auto lite = Store::Backend::Sqlite;
    const int statement = QSqlError::StatementError;
    QTest::newRow("postgres admin shutdown")
        << pg << u"57P01"_s << statement << true << Session::Failure::ConnectionLost;
    QTest::newRow("postgres starting up") << pg << u"57P03"_s << statement << true << Session::Failure::ConnectionLost;
    QTest::newRow("postgres connection failure")
        << pg << u"08006"_s << statement << true << Session::Failure::ConnectionLost;
    QTest::newRow("postgres closed, no text")
        << pg << QString() << int(QSqlError::NoError) << false << Session::Failure::ConnectionLost;
    QTest::newRow("postgres deadlock") << pg << u"40P01"_s << statement << true << Session::Failure::Busy;
    QTest::newRow("postgres unique violation") << pg << u"23505"_s << statement << true << Session::Failure::Statement;
    QTest::newRow("postgres trigger") << pg << u"P0001"_s << statement << true << Session::Failure::Statement;
    QTest::newRow("sqlite busy") << lite << u"5"_s << statement << true << Session::Failure::Busy;
    QTest::newRow("sqlite busy snapshot") << lite << u"517"_s << statement << true << Session::Failure::Busy;
    QTest::newRow("sqlite locked") << lite << u"6"_s << statement << true << Session::Failure::Busy;
    QTest::newRow("sqlite constraint") << lite << u"2067"_s << statement << true << Session::Failure::Statement;
    QTest::newRow("sqlite full") << lite << u"13"_s << statement << true << Session::Failure::Statement;
}

void TestStoreClaims::classify()
{
    QFETCH(Store::Backend, backend);
    QFETCH(QString, code);
    QFETCH(int, type);
    QFETCH(bool, open);
    QFETCH(Session::Failure, expected);
    const QSqlError error(u"driver text"_s, u"database text"_s, QSqlError::ErrorType(type), code);
    QCOMPARE(Session::classify(backend, error, open), expected);
}

void TestStoreClaims::claimsRecordTheirWorker()
{
    OPEN_STORE(database, store);
    const qint64 id = addDue(*store, u"MSCU1234566"_s);
    const WorkerIdentity self = WorkerIdentity::current();
    QVERIFY(!self.host.isEmpty());
    QVERIFY2(!self.processStart.isEmpty(), "no process start time on this platform");
    QCOMPARE(claim(*store, u"w1"_s, self, utc(2, 9)), QList<qint64>{id});
    QSqlQuery query(StoreInspection::database(*store));
    QVERIFY(query.exec(u"SELECT claimed_by, claimed_host, claimed_pid, claimed_process_start, claimed_at "
                       "FROM containers WHERE id = %1"_s.arg(id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), u"w1"_s);
    QCOMPARE(query.value(1).toString(), self.host);
    QCOMPARE(query.value(2).toLongLong(), self.pid);
    QCOMPARE(query.value(3).toString(), self.processStart);
    QVERIFY(!query.value(4).toString().isEmpty());
    QVERIFY(self.isRunningHere());
}

// Same host: a pid that is gone, and this pid under another start time (the previous run of a worker
// that always gets the same pid), are dead; this process and another host's worker are not touched.
void TestStoreClaims::deadWorkersClaimsAreReleased()
{
    OPEN_STORE(database, store);
    const WorkerIdentity self = WorkerIdentity::current();
    WorkerIdentity dead = self;
    dead.pid = deadPid();
    dead.processStart = u"2020-01-01T00:00:00.000Z"_s;
    WorkerIdentity previousRun = self;
    previousRun.processStart = u"2020-01-01T00:00:00.000Z"_s;
    WorkerIdentity remote = self;
    remote.host = u"another-host.invalid"_s;
    remote.pid = deadPid();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> ids;
    for (const QString &number : {u"MSCU1234566"_s, u"TGHU1234563"_s, u"CMAU1234564"_s, u"HLXU1234565"_s})
        ids.append(addDue(*store, number));
    QCOMPARE(claim(*store, u"dead"_s, dead, now).size(), 1);
    QCOMPARE(claim(*store, u"previous"_s, previousRun, now).size(), 1);
    QCOMPARE(claim(*store, u"self"_s, self, now).size(), 1);
    QCOMPARE(claim(*store, u"remote"_s, remote, now).size(), 1);
    QVERIFY(!dead.isRunningHere());
    QVERIFY(!previousRun.isRunningHere());

    const Result<int> released = store->releaseDeadWorkersClaims(self);
    QVERIFY2(released.ok(), qPrintable(released.error().message));
    QCOMPARE(released.value(), 2);

    ClaimRequest request;
    request.entity = entity;
    request.now = now;
    request.worker = u"next"_s;
    const auto reclaimed = store->claimDue(request);
    QVERIFY(reclaimed.ok());
    QCOMPARE(reclaimed->size(), 2);                         // the dead worker's and the previous run's
    QCOMPARE(store->countHeldByOthers(request).value(), 2); // this process and the remote worker still hold theirs
    // A worker's own release at its exit frees only its claims.
    QCOMPARE(store->releaseClaims(self, u"self"_s).value(), 1);
    QCOMPARE(store->countHeldByOthers(request).value(), 1);
}

void TestStoreClaims::expiredLeaseIsTakenOver()
{
    OPEN_STORE(database, store);
    const qint64 id = addDue(*store, u"MSCU1234566"_s);
    WorkerIdentity remote;
    remote.host = u"another-host.invalid"_s;
    remote.pid = 4242;
    QCOMPARE(claim(*store, u"remote"_s, remote, utc(2, 9)), QList<qint64>{id});
    QVERIFY(claim(*store, u"local"_s, WorkerIdentity::current(), utc(2, 9, 4)).isEmpty()); // lease: 300 s
    QCOMPARE(claim(*store, u"local"_s, WorkerIdentity::current(), utc(2, 9, 6)), QList<qint64>{id});
}

void TestStoreClaims::errorsCarryTheDriversText()
{
    OPEN_STORE(database, store);
    const qint64 id = addDue(*store, u"MSCU1234566"_s);
    QSqlQuery query(StoreInspection::database(*store));
    if (backend == Store::Backend::Sqlite) {
        QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON snapshots "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END"_s));
    } else {
        QVERIFY(query.exec(u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                           "$b$ BEGIN RAISE EXCEPTION 'refused by the test trigger'; END $b$"_s));
        QVERIFY(
            query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON snapshots FOR EACH ROW EXECUTE FUNCTION refuse()"_s));
    }
    const Result<int> written = store->writeTraceResults({tracedNow(id, utc(2, 9))});
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(u"refused by the test trigger"_s), qPrintable(written.error().message));
}

// The server ends the store's connection (as a restart does): the next write reopens it and succeeds.
void TestStoreClaims::lostConnectionIsReopenedAndTheWriteRetried()
{
    if (!TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");
    TestDatabase database(Store::Backend::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), testClock());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    std::unique_ptr<Store> store = std::move(opened).value();
    const qint64 id = addDue(*store, u"MSCU1234566"_s);

    const QUrl url(database.location());
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, u"terminator"_s);
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setDatabaseName(url.path().mid(1));
        QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
        QSqlQuery terminate(admin);
        QVERIFY2(terminate.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s),
                 qPrintable(terminate.lastError().text()));
        admin.close();
    }
    QSqlDatabase::removeDatabase(u"terminator"_s);

    const Result<int> written = store->writeTraceResults({tracedNow(id, utc(2, 9))});
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    const auto traced = store->containerById(id);
    QVERIFY(traced.ok() && traced->has_value());
    QCOMPARE(traced.value()->snapshot.vesselName, u"MSC RETRY"_s);
}

// A database made by the version before claims named their worker (schema 3), with a container
// claimed the old way: it opens at the latest version, and the old claim lapses with its lease.
void TestStoreClaims::databaseOfTheEarlierSchemaMigrates()
{
    QFETCH(Store::Backend, backend);
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");
    TestDatabase database(backend);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    {
        const bool sqlite = backend == Store::Backend::Sqlite;
        QSqlDatabase old = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_s : u"QPSQL"_s, u"schema3"_s);
        if (sqlite) {
            old.setDatabaseName(database.location());
        } else {
            const QUrl url(database.location());
            old.setHostName(url.host());
            old.setPort(url.port(5432));
            old.setUserName(url.userName());
            old.setDatabaseName(url.path().mid(1));
        }
        QVERIFY2(old.open(), qPrintable(old.lastError().text()));
        QSqlQuery query(old);
        QVERIFY(query.exec(u"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                           "applied_at TEXT NOT NULL)"_s));
        for (const Migrations::Step &step : Migrations::steps()) {
            if (step.version > 3)
                break;
            for (const QString &statement : Migrations::statementsFor(step, backend))
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            QVERIFY(query.exec(
                u"INSERT INTO schema_version VALUES (%1, 'step', '2024-01-01T00:00:00.000Z')"_s.arg(step.version)));
        }
        QVERIFY2(query.exec(u"INSERT INTO entities (name) VALUES ('acme')"_s), qPrintable(query.lastError().text()));
        QVERIFY(query.exec(u"INSERT INTO containers (entity, container_number, provider, added_at, trace_state, "
                           "next_trace_at, claimed_by, claimed_until) VALUES ('acme', 'MSCU1234566', 'ports_america', "
                           "'2024-05-01T00:00:00.000Z', 'active', '2024-05-01T00:00:00.000Z', 'old-host:77', "
                           "'2024-05-02T09:05:00.000Z')"_s));
        old.close();
    }
    QSqlDatabase::removeDatabase(u"schema3"_s);

    auto opened = Store::open(database.location(), testClock());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    std::unique_ptr<Store> store = std::move(opened).value();
    QCOMPARE(store->schemaVersion(), Migrations::latestVersion());
    QVERIFY(claim(*store, u"new"_s, WorkerIdentity::current(), utc(2, 9)).isEmpty()); // the old lease holds
    QCOMPARE(claim(*store, u"new"_s, WorkerIdentity::current(), utc(2, 9, 6)).size(), 1);
    QCOMPARE(store->releaseDeadWorkersClaims(WorkerIdentity::current()).value(), 0); // its own live claim stays
    QCOMPARE(store->releaseClaims(WorkerIdentity::current(), u"new"_s).value(), 1);
}

QTEST_GUILESS_MAIN(TestStoreClaims)
#include "tst_storeclaims.moc"
