// Connections, the audit log and worker connections on both backends.
#include "clock.h"
#include "storetestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace StoreTest;

class TestStoreRecords final : public QObject
{
    Q_OBJECT

private slots:
    void removeConnectionKeepsEvents_data() { addBackends(); }
    void removeConnectionKeepsEvents();
    void auditRoundTrip_data() { addBackends(); }
    void auditRoundTrip();
    void workerConnectionSharesTheDatabase_data() { addBackends(); }
    void workerConnectionSharesTheDatabase();
    void stampsComeFromTheStoreClock_data() { addBackends(); }
    void stampsComeFromTheStoreClock();
};

void TestStoreRecords::removeConnectionKeepsEvents()
{
    OPEN_STORE(database, store);
    ConnectionRecord record;
    record.entity = entity;
    record.provider = u"ports_america"_s;
    record.fields = {{u"username"_s, u"ops@acme.test"_s}};
    record.savedSecretFields = {u"password"_s};
    record.environment = u"uat"_s;
    record.baseUrl = u"http://127.0.0.1:8080"_s;
    record.status = u"connected"_s;
    record.connectedAt = utc(1, 9);
    record.lastVerifiedAt = utc(1, 9, 1);
    QVERIFY(store->saveConnection(record).ok());
    record.lastSyncAt = utc(2, 9);
    record.status = u"error"_s;
    record.lastError = u"401 from provider"_s;
    record.waitUntil = utc(2, 10);               // Retry-After
    QVERIFY(store->saveConnection(record).ok()); // update in place
    QCOMPARE(store->connection(entity, u"ports_america"_s).value(), std::optional<ConnectionRecord>(record));
    ConnectionRecord other = record;
    other.provider = u"emodal"_s;
    other.savedSecretFields.clear();
    QVERIFY(store->saveConnection(other).ok());
    QCOMPARE(store->connections(entity).value(), (QList<ConnectionRecord>{other, record}));

    const qint64 id = store->addContainer(entry(u"MSCU1234565"_s))->id;
    QCOMPARE(store->insertEvents({makeEvent(id, u"k1"_s, utc(3, 4)), makeEvent(id, u"k2"_s, utc(3, 5))}).value(), 2);
    QVERIFY(store->removeConnection(entity, u"ports_america"_s).ok());
    QVERIFY(!store->connection(entity, u"ports_america"_s)->has_value());
    QCOMPARE(store->connections(entity)->size(), 1);
    QCOMPARE(store->events(id)->size(), 2);
    QVERIFY(store->containerById(id)->has_value());
    QVERIFY(store->removeConnection(entity, u"never_connected"_s).ok());
}

void TestStoreRecords::auditRoundTrip()
{
    OPEN_STORE(database, store);
    AuditEntry connect{0, utc(1, 9), u"ops"_s, entity, u"ports_america"_s, u"connect"_s, u"ok"_s, u"saved"_s};
    AuditEntry exported{0, utc(1, 10), u"ops"_s, entity, {}, u"export"_s, u"ok"_s, u"12 rows to report.csv"_s};
    AuditEntry elsewhere{0, utc(1, 11), u"ops"_s, u"other"_s, {}, u"import"_s, u"error"_s, u"bad CSV"_s};
    QVERIFY(store->appendAudit(exported).ok());
    QVERIFY(store->appendAudit(connect).ok());
    QVERIFY(store->appendAudit(elsewhere).ok());
    auto entries = store->auditEntries(entity);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 2);
    connect.id = entries->at(0).id;
    exported.id = entries->at(1).id;
    QCOMPARE(entries->at(0), connect); // ordered by time
    QCOMPARE(entries->at(1), exported);
    QCOMPARE(store->auditEntries({})->size(), 3);

    AuditEntry defaults;
    defaults.entity = entity;
    defaults.action = u"verify"_s;
    QVERIFY(store->appendAudit(defaults).ok());
    const AuditEntry stamped = store->auditEntries(entity)->constLast();
    QVERIFY(stamped.at.isValid());
    QCOMPARE(stamped.user, AuditEntry::currentOsUser());
}

// A worker thread opens its own connection from the store (no location is rebuilt), writes through
// it, and the opener reads what it wrote; the worker also sees what the opener wrote before.
void TestStoreRecords::workerConnectionSharesTheDatabase()
{
    OPEN_STORE(database, store);
    const qint64 openerId = store->addContainer(entry(u"MSCU1234565"_s))->id;
    QString failure;
    std::optional<WatchEntry> seenByWorker;
    std::thread worker([&] {
        Result<std::unique_ptr<Store>> opened = store->openWorker();
        if (!opened) {
            failure = opened.error().message;
            return;
        }
        Store &own = *opened.value();
        if (own.backend() != store->backend() || own.schemaVersion() != store->schemaVersion())
            failure = u"the worker store differs from its opener"_s;
        if (auto found = own.containerById(openerId); found)
            seenByWorker = found.value();
        else
            failure = found.error().message;
        if (auto added = own.addContainer(entry(u"TGHU0000008"_s)); !added)
            failure = added.error().message;
        if (auto audited = own.appendAudit(AuditEntry::make(entity, {}, u"import"_s, true, u"from a worker"_s));
            !audited)
            failure = audited.error().message;
    });
    worker.join();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(seenByWorker.has_value());
    QCOMPARE(seenByWorker->containerNumber, u"MSCU1234565"_s);
    const auto added = store->container(entity, u"TGHU0000008"_s);
    QVERIFY(added.ok());
    QVERIFY(added->has_value());
    QCOMPARE(store->auditEntries(entity)->constLast().detail, u"from a worker"_s);
    QVERIFY(!store->displayLocation().contains(u"password"_s));
}

// Every time the store stamps on its own (added, due, expiry, audit, entity) is the clock's.
void TestStoreRecords::stampsComeFromTheStoreClock()
{
    QFETCH(Store::Backend, backend);
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");
    TestDatabase database(backend);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    ManualClock clock(utc(3, 8, 30));
    auto opened = Store::open(database.location(), clock);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    Store &store = *opened.value();
    QCOMPARE(&store.clock(), static_cast<const Clock *>(&clock));
    const qint64 id = store.addContainer(entry(u"MSCU1234565"_s))->id;
    const WatchEntry added = store.containerById(id)->value();
    QCOMPARE(added.addedAt, utc(3, 8, 30));
    QCOMPARE(added.nextTraceAt, utc(3, 8, 30));
    QCOMPARE(added.expiresAt, utc(3, 8, 30).addDays(WatchEntry::traceWindowDays));

    clock.advanceSeconds(3600);
    QCOMPARE(store.addContainers({entry(u"TGHU0000008"_s)}).value(), 1);
    QCOMPARE(store.container(entity, u"TGHU0000008"_s)->value().addedAt, utc(3, 9, 30));
    QVERIFY(store.setReference(entity, u"MSCU1234565"_s, u"PO 7"_s).ok());
    QCOMPARE(store.containerById(id)->value().expiresAt, utc(3, 9, 30).addDays(WatchEntry::traceWindowDays));
    QVERIFY(store.appendAudit(AuditEntry::make(entity, {}, u"export"_s, true, u"stamped"_s)).ok());
    QCOMPARE(store.auditEntries(entity)->constLast().at, utc(3, 9, 30));
    // Due at the clock's now: claimed without giving a time.
    Store::ClaimRequest request;
    request.entity = entity;
    request.worker = u"test"_s;
    QCOMPARE(store.claimDue(request)->size(), 2);
}

QTEST_GUILESS_MAIN(TestStoreRecords)
#include "tst_storerecords.moc"
