// The watchlist side of the store on both backends: migrations, opening, adding, references, round trips.
#include "storage/migrations.h"
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

class TestStore final : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAreIdempotent_data() { addBackends(); }
    void migrationsAreIdempotent();
    void upgradeKeepsSnapshots_data() { addBackends(); }
    void upgradeKeepsSnapshots();
    void concurrentOpensDoNotRace_data() { addBackends(); }
    void concurrentOpensDoNotRace();
    void addDuplicateCancelReadd_data() { addBackends(); }
    void addDuplicateCancelReadd();
    void addContainersBatch_data() { addBackends(); }
    void addContainersBatch();
    void referenceRules_data() { addBackends(); }
    void referenceRules();
    void containersRoundTripWithSnapshot_data() { addBackends(); }
    void containersRoundTripWithSnapshot();
    void badLocationsGiveClearErrors_data();
    void badLocationsGiveClearErrors();
    void defaultLocationHonoursEnvironment();
    void listingRate();
};

void TestStore::migrationsAreIdempotent()
{
    OPEN_STORE(database, store);
    QCOMPARE(store->backend(), backend);
    QCOMPARE(store->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrations::steps().size()));
    QVERIFY(store->addContainer(entry(u"MSCU1234565"_s)).ok());
    store.reset();

    auto again = Store::open(database.location(), testClock());
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again.value()->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(countRows(*again.value(), u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrations::steps().size()));
    QCOMPARE(again.value()->containers(entity)->size(), 1);
}

// A user's database from before migration 9 (snapshots without state_changes, connections without
// wait_until): opening it with this version adds the columns, keeps every snapshot and connection as
// it was, and the first change is recorded.
void TestStore::upgradeKeepsSnapshots()
{
    OPEN_STORE(database, store);
    auto added = store->addContainer(entry(u"TGHU9876543"_s));
    QVERIFY(added.ok());
    TraceWrite write;
    write.containerId = added->id;
    write.snapshot = fullSnapshot();
    write.snapshot->stateChangedAt.clear();
    write.tracedAt = utc(4, 10);
    QVERIFY(store->writeTraceResults({write}).ok());
    ConnectionRecord connection;
    connection.entity = entity;
    connection.provider = u"ports_america"_s;
    connection.status = u"connected"_s;
    connection.lastSyncAt = utc(4, 10);
    QVERIFY(store->saveConnection(connection).ok());
    {
        // Back to schema 8, as a database written by the previous release.
        QSqlQuery downgrade(StoreInspection::database(*store));
        QVERIFY2(downgrade.exec(u"ALTER TABLE snapshots DROP COLUMN state_changes"_s),
                 qPrintable(downgrade.lastError().text()));
        QVERIFY2(downgrade.exec(u"ALTER TABLE connections DROP COLUMN wait_until"_s),
                 qPrintable(downgrade.lastError().text()));
        QVERIFY2(downgrade.exec(u"DROP TABLE outbox_journal"_s), qPrintable(downgrade.lastError().text()));
        QVERIFY2(downgrade.exec(u"DROP INDEX outbox_sending"_s), qPrintable(downgrade.lastError().text()));
        QVERIFY(downgrade.exec(u"DELETE FROM schema_version WHERE version >= 9"_s));
    }
    store.reset();

    auto upgraded = Store::open(database.location(), testClock());
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.error().message));
    QCOMPARE(upgraded.value()->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(upgraded.value()->connection(entity, u"ports_america"_s).value(),
             std::optional<ConnectionRecord>(connection));
    auto found = upgraded.value()->containerById(added->id);
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE(found->value().snapshot, *write.snapshot);

    write.snapshot = fullSnapshot();
    QVERIFY(upgraded.value()->writeTraceResults({write}).ok());
    QCOMPARE(upgraded.value()->containerById(added->id).value()->snapshot.stateChangedAt,
             fullSnapshot().stateChangedAt);
}

void TestStore::concurrentOpensDoNotRace()
{
    QFETCH(Store::Backend, backend);
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");
    TestDatabase database(backend);
    QVERIFY2(database.isValid(), qPrintable(database.error()));

    // Several processes starting at once against a new database: each must migrate or wait, none fail.
    constexpr int openers = 4;
    QStringList errors(openers);
    QList<int> versions(openers, 0);
    std::vector<std::thread> threads;
    for (int i = 0; i < openers; ++i) {
        threads.emplace_back([&, i] {
            auto store = Store::open(database.location(), testClock());
            if (store)
                versions[i] = store.value()->schemaVersion();
            else
                errors[i] = store.error().message;
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int i = 0; i < openers; ++i) {
        QVERIFY2(errors.at(i).isEmpty(), qPrintable(errors.at(i)));
        QCOMPARE(versions.at(i), Migrations::latestVersion());
    }
}

// A batch large enough that SQLite writes it many rows per statement, in key order: repeats inside
// the batch keep the first, a cancelled entry comes back, an active one is left alone, own stamps
// are kept and text that is not ASCII is stored as given.
void TestStore::addContainersBatch()
{
    OPEN_STORE(database, store);
    const auto number = [](int i) -> QString { return u"BATU%1"_s.arg(i, 7, 10, QChar(u'0')); };
    WatchEntry active = entry(number(3));
    active.reference = u"kept"_s;
    QVERIFY(store->addContainer(active));
    QVERIFY(store->addContainer(entry(number(5))));
    QCOMPARE(store->cancelContainers(entity, {number(5)}).value(), 1);

    const QDateTime ownStamp = QDateTime::fromString(u"2026-01-02T03:04:05.678Z"_s, Qt::ISODateWithMs);
    QList<WatchEntry> batch;
    constexpr int count = 600;      // two statements of many rows (one with a different site) and a tail
    for (int i = count; i-- > 0;) { // reverse order: the store sorts
        WatchEntry e = entry(number(i));
        e.reference = u"R%1"_s.arg(i);
        e.providerData = {{u"truckingCompanyCode"_s, i % 2 ? u"ODD"_s : u"EVEN"_s}};
        if (i == 7)
            e.site = u"Zürich Süd 東"_s;
        if (i == 9)
            e.addedAt = ownStamp;
        batch.append(e);
    }
    WatchEntry repeat = entry(number(42));
    repeat.reference = u"second"_s;
    batch.append(repeat);

    const Result<int> added = store->addContainers(batch);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QCOMPARE(added.value(), count - 1); // all numbers but the active one; the cancelled one counts
    const auto all = store->containers(entity);
    QVERIFY(all);
    QCOMPARE(all->size(), count);
    for (const WatchEntry &stored : all.value()) {
        const int i = stored.containerNumber.mid(4).toInt();
        QCOMPARE(stored.traceState, TraceState::Active);
        QCOMPARE(stored.reference, i == 3 ? u"kept"_s : u"R%1"_s.arg(i));
        if (i != 3)
            QCOMPARE(stored.providerData.value(u"truckingCompanyCode"_s).toString(), i % 2 ? u"ODD"_s : u"EVEN"_s);
        QCOMPARE(stored.site, i == 7 ? u"Zürich Süd 東"_s : u"WBCT_LA"_s);
        if (i == 9) {
            QCOMPARE(stored.addedAt, ownStamp);
            QCOMPARE(stored.expiresAt, ownStamp.addDays(WatchEntry::traceWindowDays));
        }
    }
    QCOMPARE(store->addContainers(batch).value(), 0); // all active now: nothing changes

    // SQLite skips its foreign key check during the batch (the entity is made sure of first) and
    // checks again afterwards.
    WatchEntry elsewhere = entry(number(1));
    elsewhere.entity = u"new entity"_s;
    QCOMPARE(store->addContainers({elsewhere}).value(), 1);
    QCOMPARE(store->containers(u"new entity"_s)->size(), 1);
    if (backend == Store::Backend::Sqlite) {
        QSqlQuery pragma(StoreInspection::database(*store));
        QVERIFY(pragma.exec(u"PRAGMA foreign_keys"_s) && pragma.next());
        QCOMPARE(pragma.value(0).toInt(), 1);
    }
}

void TestStore::addDuplicateCancelReadd()
{
    OPEN_STORE(database, store);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    auto first = store->addContainer(entry(u"MSCU1234565"_s));
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QVERIFY(first->created);
    QVERIFY(first->id > 0);

    auto stored = store->containerById(first->id);
    QVERIFY(stored.ok() && stored->has_value());
    const WatchEntry added = *stored.value();
    QCOMPARE(added.traceState, TraceState::Active);
    QVERIFY(added.addedAt >= before);
    QCOMPARE(added.expiresAt, added.addedAt.addDays(WatchEntry::traceWindowDays));
    QVERIFY(added.nextTraceAt.isValid() && added.nextTraceAt <= QDateTime::currentDateTimeUtc());

    auto duplicate = store->addContainer(entry(u"MSCU1234565"_s));
    QVERIFY(duplicate.ok());
    QVERIFY(!duplicate->created);
    QCOMPARE(duplicate->id, first->id);
    QCOMPARE(*store->containerById(first->id).value(), added); // nothing changed

    auto otherProvider = store->addContainer(entry(u"MSCU1234565"_s, u"emodal"_s));
    QVERIFY(otherProvider.ok() && otherProvider->created);
    QVERIFY(otherProvider->id != first->id);

    QCOMPARE(store->cancelContainers(entity, {u"MSCU1234565"_s, u"NOPE0000000"_s}).value(), 2);
    QCOMPARE(store->cancelContainers(entity, {u"MSCU1234565"_s}).value(), 0); // already cancelled
    ContainerQuery cancelled;
    cancelled.traceState = TraceState::Cancelled;
    QCOMPARE(store->containers(entity, cancelled)->size(), 2);

    auto readded = store->addContainer(entry(u"MSCU1234565"_s));
    QVERIFY(readded.ok());
    QVERIFY(readded->created);
    QCOMPARE(readded->id, first->id);
    QCOMPARE(store->containerById(first->id)->value().traceState, TraceState::Active);
    QCOMPARE(store->containers(entity, cancelled)->size(), 1);

    WatchEntry noNumber = entry({});
    QCOMPARE(store->addContainer(noNumber).error().kind, ErrorKind::InvalidInput);
}

void TestStore::referenceRules()
{
    OPEN_STORE(database, store);
    WatchEntry withReference = entry(u"MSCU1234565"_s);
    withReference.addedAt = utc(1, 0);
    withReference.reference = u"PO-1"_s;
    QVERIFY(store->addContainer(withReference).ok());
    QCOMPARE((*store->container(entity, u"MSCU1234565"_s).value()).expiresAt, utc(1, 0).addDays(90));

    WatchEntry tooLong = entry(u"TGHU0000001"_s);
    tooLong.reference = QString(51, u'x');
    QCOMPARE(store->addContainer(tooLong).error().kind, ErrorKind::InvalidInput);

    const Result<void> rejected = store->setReference(entity, u"MSCU1234565"_s, QString(51, u'x'));
    QCOMPARE(rejected.error().kind, ErrorKind::InvalidInput);
    QVERIFY(rejected.error().message.contains(u"50"_s));

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const QString fifty(50, u'r');
    QVERIFY(store->setReference(entity, u"MSCU1234565"_s, fifty).ok());
    const WatchEntry updated = *store->container(entity, u"MSCU1234565"_s).value();
    QCOMPARE(updated.reference, fifty);
    QVERIFY(updated.expiresAt >= before.addDays(90));
    QVERIFY(updated.expiresAt <= QDateTime::currentDateTimeUtc().addDays(90));

    QCOMPARE(store->setReference(entity, u"UNKNOWN0000"_s, u"x"_s).error().kind, ErrorKind::NotFound);
    QCOMPARE(store->setReference(u"other"_s, u"MSCU1234565"_s, u"x"_s).error().kind, ErrorKind::NotFound);
}

void TestStore::containersRoundTripWithSnapshot()
{
    OPEN_STORE(database, store);
    WatchEntry full = entry(u"TGHU9876543"_s);
    full.providerData = {{u"truckingCompanyCode"_s, u"PFCH"_s}, {u"steamshipBL"_s, u"MAEU123"_s}};
    full.reference = u"PO-7781"_s;
    full.billOfLading = u"MAEU123"_s;
    full.booking = u"BK-1"_s;
    full.addedAt = utc(1, 8, 0, 125);
    full.expiresAt = utc(1, 8, 0, 125).addDays(90);
    full.nextTraceAt = utc(1, 8);
    full.normalize = false;
    auto added = store->addContainer(full);
    QVERIFY(added.ok());
    QVERIFY(store->addContainer(entry(u"AAAU0000001"_s)).ok());
    QVERIFY(store->addContainer(entry(u"ZZZU0000001"_s, u"emodal"_s)).ok());

    TraceWrite write;
    write.containerId = added->id;
    write.snapshot = fullSnapshot();
    write.tracedAt = utc(4, 10, 30, 999);
    write.nextTraceAt = utc(4, 10, 45);
    write.lastError = u"partial answer"_s;
    QVERIFY(store->writeTraceResults({write}).ok());

    WatchEntry expected = full;
    expected.id = added->id;
    expected.snapshot = fullSnapshot();
    expected.lastTracedAt = write.tracedAt;
    expected.nextTraceAt = write.nextTraceAt;
    expected.lastError = write.lastError;

    auto all = store->containers(entity);
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).containerNumber, u"AAAU0000001"_s);
    QCOMPARE(all->at(1), expected);
    QCOMPARE(all->at(2).containerNumber, u"ZZZU0000001"_s);
    QCOMPARE(all->at(0).snapshot, ContainerSnapshot()); // no snapshot yet
    QCOMPARE(*store->containerById(added->id).value(), expected);
    QCOMPARE(*store->container(entity, u"TGHU9876543"_s).value(), expected);
    QVERIFY(!store->container(entity, u"NOPE0000000"_s)->has_value());
    QVERIFY(store->containers(u"other"_s)->isEmpty());

    // The effective LFD has its own column so lists can sort on it.
    QSqlQuery lfd(StoreInspection::database(*store));
    QVERIFY(lfd.exec(u"SELECT lfd FROM snapshots"_s) && lfd.next());
    QCOMPARE(lfd.value(0).toString(), u"2024-05-07"_s);
    lfd.finish();

    ContainerQuery byProvider;
    byProvider.provider = u"emodal"_s;
    QCOMPARE(store->containers(entity, byProvider)->size(), 1);
    ContainerQuery byNumbers;
    byNumbers.numbers = {u"TGHU9876543"_s, u"AAAU0000001"_s};
    QCOMPARE(store->containers(entity, byNumbers)->size(), 2);
}

void TestStore::badLocationsGiveClearErrors_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QString() << ErrorKind::InvalidInput << u"No database location"_s;
    QTest::newRow("folder under a file") << u"{tmp}/plain-file/sub/quaywatch.sqlite"_s << ErrorKind::Storage
                                         << u"does not exist and cannot be created"_s;
    QTest::newRow("unwritable system folder") << u"/proc/quaywatch-test/quaywatch.sqlite"_s << ErrorKind::Storage
                                              << u"Cannot open the database at /proc/quaywatch-test"_s;
    QTest::newRow("a folder") << u"{tmp}"_s << ErrorKind::Storage << u"it is a folder"_s;
    QTest::newRow("not a database") << u"{tmp}/plain-file"_s << ErrorKind::Storage << u"Cannot open the database at"_s;
    QTest::newRow("postgres without database")
        << u"postgresql://user@127.0.0.1:5432"_s << ErrorKind::InvalidInput << u"expected postgresql://"_s;
    QTest::newRow("postgres unreachable")
        << u"postgresql://user:sekrit-pw@127.0.0.1:1/quaywatch"_s << ErrorKind::Storage
        << u"Cannot open the PostgreSQL database at postgresql://user@127.0.0.1:1"_s;
}

void TestStore::badLocationsGiveClearErrors()
{
    QFETCH(QString, location);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, messagePart);
    QTemporaryDir folder;
    QFile plain(folder.filePath(u"plain-file"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write(QByteArray(4096, 'x'));
    plain.close();
    location.replace(u"{tmp}"_s, folder.path());

    auto store = Store::open(location, testClock());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().kind, kind);
    QVERIFY2(store.error().message.contains(messagePart), qPrintable(store.error().message));
    QVERIFY2(!store.error().message.contains(u"sekrit-pw"_s), "the password leaked into the error message");
}

void TestStore::defaultLocationHonoursEnvironment()
{
    qputenv("QUAYWATCH_DB", "/tmp/somewhere/quaywatch-test.sqlite");
    QCOMPARE(Store::defaultLocation(), u"/tmp/somewhere/quaywatch-test.sqlite"_s);
    qunsetenv("QUAYWATCH_DB");
    QVERIFY(Store::defaultLocation().endsWith(u"/quaywatch.sqlite"_s));
}

// Not a timed assertion either: containers() on 100,000 rows with snapshots, one JOIN query.
void TestStore::listingRate()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store.ok());
    QSqlQuery fill(StoreInspection::database(*store.value()));
    QVERIFY(fill.exec(u"INSERT INTO entities (name) VALUES ('acme')"_s));
    QVERIFY2(fill.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
                       "INSERT INTO containers (entity, container_number, provider, site, provider_data, added_at, "
                       "expires_at, next_trace_at) SELECT 'acme', printf('TEST%07d', i), 'ports_america', 'WBCT_LA', "
                       "'{\"truckingCompanyCode\":\"PFCH\"}', '2024-05-01T10:00:00.000Z', '2024-07-30T10:00:00.000Z', "
                       "'2024-05-01T10:00:00.000Z' FROM n"_s),
             qPrintable(fill.lastError().text()));
    QVERIFY2(fill.exec(u"INSERT INTO snapshots (container_id, status, vessel_name, vessel_eta, available, holds, "
                       "lfd_terminal, lfd) SELECT id, 'available', 'MSC ANNA', '2024-05-02T10:00:00.000Z', 1, "
                       "'[{\"type\":\"CUSTOMS\",\"source_code\":\"CUS\"}]', '2024-05-09', '2024-05-09' "
                       "FROM containers"_s),
             qPrintable(fill.lastError().text()));
    fill.finish();
    QElapsedTimer timer;
    timer.start();
    auto all = store.value()->containers(entity);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 100000);
    QCOMPARE(all->constFirst().snapshot.holds.size(), 1);
    qInfo("listed 100000 containers with snapshots in %lld ms", elapsed);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
