#include "storage/migrations.h"
#include "storage/storeinspection.h"
#include "store.h"
#include "testdatabases.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::Literals::StringLiterals;

// Opens a fresh store for the current data row's backend (skipping PostgreSQL rows when no test server
// is configured). A macro because QSKIP and QVERIFY must return from the test function itself.
#define OPEN_STORE(database, store)                                                                                    \
    QFETCH(Store::Backend, backend);                                                                                   \
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())                                     \
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");                          \
    TestDatabase database(backend);                                                                                    \
    QVERIFY2(database.isValid(), qPrintable(database.error()));                                                        \
    auto opened##store = Store::open(database.location());                                                             \
    QVERIFY2(opened##store.ok(), qPrintable(opened##store.error().message));                                           \
    std::unique_ptr<Store> store = std::move(opened##store).value();

namespace {
const QString entity = u"acme"_s;

QDateTime utc(int day, int hour, int minute = 0, int msec = 0)
{
    return QDateTime(QDate(2024, 5, day), QTime(hour, minute, 0, msec), Qt::UTC);
}

WatchEntry entry(const QString &number, const QString &provider = u"ports_america"_s)
{
    WatchEntry e;
    e.entity = entity;
    e.containerNumber = number;
    e.provider = provider;
    e.site = u"WBCT_LA"_s;
    return e;
}

ContainerSnapshot fullSnapshot()
{
    ContainerSnapshot s;
    s.status = ContainerStatus::Available;
    s.vesselName = u"MSC ANNA"_s;
    s.voyage = u"123E"_s;
    s.vesselEta = utc(1, 10, 0, 250);
    s.vesselAta = utc(2, 6, 30);
    s.dischargedAt = utc(3, 4);
    s.available = true;
    s.location = u"R12-03-B"_s;
    s.locationLot = u"Yard"_s;
    s.holds = {Hold{HoldType::Customs, u"CUSTOMS HOLD"_s, utc(3, 5)}, Hold{HoldType::Line, u"Line hold"_s, {}}};
    s.lfdTerminal = QDate(2024, 5, 9);
    s.lfdLine = QDate(2024, 5, 7);
    s.demurrageAmount = 125.5;
    s.outgatedAt = utc(8, 13, 15);
    s.outgateTrucker = u"PFCH"_s;
    s.chassisNumber = u"ABCZ123456"_s;
    s.emptyReturnedAt = utc(12, 9);
    s.pickupAppointmentAt = utc(8, 12);
    s.sizeType = SizeType{u"40"_s, u"96"_s, u"45G1"_s};
    s.grossWeight = 21000.25;
    s.hazardous = false;
    s.lineScac = u"MAEU"_s;
    return s;
}

Event makeEvent(qint64 containerId, const QString &key, const QDateTime &occurredAt)
{
    Event e;
    e.containerId = containerId;
    e.code = EventCode::Discharged;
    e.providerCode = u"Grounded"_s;
    e.occurredAt = occurredAt;
    e.observedAt = utc(20, 1, 2, 3);
    e.location = EventLocation{u"WBCT_LA"_s, u"Terminal"_s, u"Yard"_s};
    e.data = {{u"position"_s, u"R12"_s}};
    e.source = u"ports_america/WBCT_LA"_s;
    e.dedupeKey = key;
    e.raw = {{u"status"_s, u"Grounded"_s}, {u"n"_s, 1}};
    return e;
}

void addBackends()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

qint64 countRows(Store &store, const QString &sql)
{
    QSqlQuery query(StoreInspection::database(store));
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
} // namespace

class TestStore final : public QObject
{
    Q_OBJECT

private slots:
    void migrationsAreIdempotent_data() { addBackends(); }
    void migrationsAreIdempotent();
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
    void writeTraceResultsIsAllOrNothing_data() { addBackends(); }
    void writeTraceResultsIsAllOrNothing();
    void eventsAreDeduplicated_data() { addBackends(); }
    void eventsAreDeduplicated();
    void eventsAreAppendOnly_data() { addBackends(); }
    void eventsAreAppendOnly();
    void claimDueSemantics_data() { addBackends(); }
    void claimDueSemantics();
    void claimForcedAndAllActive_data() { addBackends(); }
    void claimForcedAndAllActive();
    void claimOnlyListedProviders_data() { addBackends(); }
    void claimOnlyListedProviders();
    void concurrentWorkersNeverClaimTwice_data() { addBackends(); }
    void concurrentWorkersNeverClaimTwice();
    void removeConnectionKeepsEvents_data() { addBackends(); }
    void removeConnectionKeepsEvents();
    void auditRoundTrip_data() { addBackends(); }
    void auditRoundTrip();
    void badLocationsGiveClearErrors_data();
    void badLocationsGiveClearErrors();
    void defaultLocationHonoursEnvironment();
    void ingestionRate();
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

    auto again = Store::open(database.location());
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again.value()->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(countRows(*again.value(), u"SELECT COUNT(*) FROM schema_version"_s), qint64(Migrations::steps().size()));
    QCOMPARE(again.value()->containers(entity)->size(), 1);
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
            auto store = Store::open(database.location());
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

void TestStore::writeTraceResultsIsAllOrNothing()
{
    OPEN_STORE(database, store);
    const qint64 first = store->addContainer(entry(u"MSCU1234565"_s))->id;
    const qint64 second = store->addContainer(entry(u"TGHU9876543"_s))->id;
    const WatchEntry before = *store->containerById(first).value();

    TraceWrite good;
    good.containerId = first;
    good.snapshot = fullSnapshot();
    good.newEvents = {makeEvent(first, u"k1"_s, utc(3, 4))};
    good.tracedAt = utc(4, 10);
    good.nextTraceAt = utc(4, 11);
    TraceWrite bad;
    bad.containerId = second;
    bad.newEvents = {makeEvent(second, u"k2"_s, utc(3, 4)), makeEvent(999999, u"k3"_s, utc(3, 5))}; // no such container
    bad.tracedAt = utc(4, 10);
    TraceWrite afterBad = good;
    afterBad.newEvents = {makeEvent(first, u"k4"_s, utc(3, 6))};

    const Result<int> failed = store->writeTraceResults({good, bad, afterBad});
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, ErrorKind::Storage);
    QVERIFY2(failed.error().message.contains(u"Cannot write the trace results"_s), qPrintable(failed.error().message));
    QCOMPARE(store->eventCount(entity).value(), qint64(0));
    QCOMPARE(*store->containerById(first).value(), before);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM snapshots"_s), qint64(0));

    TraceWrite unknown = good;
    unknown.containerId = 424242;
    unknown.newEvents.clear();
    unknown.snapshot.reset();
    QVERIFY(!store->writeTraceResults({good, unknown}).ok());
    QCOMPARE(store->eventCount(entity).value(), qint64(0));

    // The store is still usable after a rolled-back transaction.
    QVERIFY(store->writeTraceResults({good}).ok());
    QCOMPARE(store->eventCount(entity).value(), qint64(1));
    QCOMPARE(store->containerById(first)->value().snapshot, fullSnapshot());
}

void TestStore::eventsAreDeduplicated()
{
    OPEN_STORE(database, store);
    const qint64 id = store->addContainer(entry(u"MSCU1234565"_s))->id;
    const Event late = makeEvent(id, u"late"_s, utc(5, 10));
    const Event early = makeEvent(id, u"early"_s, utc(3, 10));
    Event noTime = makeEvent(id, u"observed-only"_s, {});
    noTime.code = EventCode::HoldAdded;
    noTime.data = {};
    noTime.raw = {};

    auto inserted = store->insertEvents({late, early, late, noTime});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
    QCOMPARE(inserted.value(), 3);
    QCOMPARE(store->insertEvents({early}).value(), 0);

    TraceWrite write;
    write.containerId = id;
    write.newEvents = {late, makeEvent(id, u"new"_s, utc(6, 1))};
    write.tracedAt = utc(6, 2);
    const Result<int> written = store->writeTraceResults({write});
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    QCOMPARE(written.value(), 1); // "late" was stored already: only the new event counts
    QCOMPARE(store->writeTraceResults({write}).value(), 0);
    QCOMPARE(store->eventCount(entity).value(), qint64(4));
    QCOMPARE(store->eventCount(u"other"_s).value(), qint64(0));

    auto events = store->events(id);
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 4);
    QStringList keys;
    for (const Event &e : events.value())
        keys.append(e.dedupeKey);
    // Oldest first; an event without a provider time sorts by when it was observed.
    QCOMPARE(keys, (QStringList{u"early"_s, u"late"_s, u"new"_s, u"observed-only"_s}));
    Event expected = early;
    expected.id = events->at(0).id;
    QVERIFY(expected.id > 0);
    QCOMPARE(events->at(0), expected);
    Event expectedNoTime = noTime;
    expectedNoTime.id = events->at(3).id;
    QCOMPARE(events->at(3), expectedNoTime);
}

void TestStore::eventsAreAppendOnly()
{
    OPEN_STORE(database, store);
    const qint64 id = store->addContainer(entry(u"MSCU1234565"_s))->id;
    QCOMPARE(store->insertEvents({makeEvent(id, u"k"_s, utc(3, 4))}).value(), 1);
    QSqlQuery query(StoreInspection::database(*store));
    QVERIFY(!query.exec(u"UPDATE events SET code = 'LOADED'"_s));
    QVERIFY(!query.exec(u"DELETE FROM events"_s));
    QCOMPARE(store->eventCount(entity).value(), qint64(1));
}

void TestStore::claimDueSemantics()
{
    OPEN_STORE(database, store);
    const QDateTime now = utc(10, 12);
    auto add = [&](const QString &number, const QDateTime &next) {
        WatchEntry e = entry(number);
        e.nextTraceAt = next;
        return store->addContainer(e)->id;
    };
    const qint64 due = add(u"DUEU0000001"_s, now.addSecs(-600));
    const qint64 dueLater = add(u"DUEU0000002"_s, now.addSecs(-60));
    const qint64 notDue = add(u"NOTU0000001"_s, now.addSecs(600));
    add(u"CANU0000001"_s, now.addSecs(-600));
    QCOMPARE(store->cancelContainers(entity, {u"CANU0000001"_s}).value(), 1);

    auto idsOf = [](const Result<QList<WatchEntry>> &entries) {
        QList<qint64> ids;
        for (const WatchEntry &e : entries.value())
            ids.append(e.id);
        return ids;
    };
    Store::ClaimRequest request{entity, now, 500, u"worker-1"_s, 300, {}, false, {}, {}};
    auto claimed = store->claimDue(request);
    QVERIFY2(claimed.ok(), qPrintable(claimed.error().message));
    QCOMPARE(idsOf(claimed), (QList<qint64>{due, dueLater})); // ordered by next_trace_at

    // Leased: another worker gets nothing until the lease runs out.
    request.worker = u"worker-2"_s;
    QVERIFY(store->claimDue(request)->isEmpty());
    request.now = now.addSecs(301);
    QCOMPARE(idsOf(store->claimDue(request)), (QList<qint64>{due, dueLater}));

    // Writing the result releases the claim and reschedules.
    TraceWrite write;
    write.containerId = due;
    write.tracedAt = now.addSecs(302);
    write.nextTraceAt = now.addSecs(3600);
    QVERIFY(store->writeTraceResults({write}).ok());
    request.now = now.addSecs(1000); // worker-2's lease on dueLater ran out at +601
    QCOMPARE(idsOf(store->claimDue(request)), (QList<qint64>{dueLater, notDue}));
    TraceWrite later = write;
    later.tracedAt = now.addSecs(1001);
    later.nextTraceAt = now.addSecs(5000);
    later.containerId = dueLater;
    TraceWrite notDueWrite = later;
    notDueWrite.containerId = notDue;
    QVERIFY(store->writeTraceResults({later, notDueWrite}).ok());
    request.now = now.addSecs(4000);
    QCOMPARE(idsOf(store->claimDue(request)), (QList<qint64>{due}));
    request.now = now.addSecs(6000);
    request.limit = 1;
    QCOMPARE(idsOf(store->claimDue(request)), (QList<qint64>{due})); // limit, in next_trace_at order

    Store::ClaimRequest otherEntity{u"other"_s, now.addSecs(90000), 500, u"w"_s, 300, {}, false, {}, {}};
    QVERIFY(store->claimDue(otherEntity)->isEmpty());
    Store::ClaimRequest everyEntity{{}, now.addSecs(90000), 500, u"w"_s, 300, {}, false, {}, {}};
    QCOMPARE(store->claimDue(everyEntity)->size(), 3);
}

// Push-style providers' containers carry a next trace time from their provider (Envase) but are
// traced by callbacks: a sync worker that lists its polled providers must never claim them.
void TestStore::claimOnlyListedProviders()
{
    OPEN_STORE(database, store);
    const QDateTime now = utc(10, 12);
    WatchEntry polled = entry(u"POLU0000001"_s);
    polled.nextTraceAt = now.addSecs(-60);
    WatchEntry pushed = entry(u"PSHU0000001"_s, u"apm"_s);
    pushed.nextTraceAt = now.addSecs(-60);
    const qint64 polledId = store->addContainer(polled)->id;
    QVERIFY(store->addContainer(pushed).ok());

    Store::ClaimRequest request{entity, now, 500, u"worker-1"_s, 300, {}, false, {}, {}};
    request.providers = {u"ports_america"_s, u"psa_eportal"_s};
    auto claimed = store->claimDue(request);
    QVERIFY2(claimed.ok(), qPrintable(claimed.error().message));
    QCOMPARE(claimed->size(), 1);
    QCOMPARE(claimed->first().id, polledId);
    request.allActive = true;
    request.worker = u"worker-2"_s;
    request.now = now.addSecs(301);
    QCOMPARE(store->claimDue(request)->size(), 1);
}

void TestStore::claimForcedAndAllActive()
{
    OPEN_STORE(database, store);
    const QDateTime now = utc(10, 12);
    auto add = [&](const QString &number, const QDateTime &next) {
        WatchEntry e = entry(number);
        e.nextTraceAt = next;
        return store->addContainer(e)->id;
    };
    const qint64 traced = add(u"TRCU0000001"_s, now.addSecs(3600));
    const qint64 untraced = add(u"NEWU0000001"_s, now.addSecs(600));
    const qint64 completed = add(u"CMPU0000001"_s, now.addSecs(-600));
    add(u"CANU0000001"_s, now.addSecs(-600));
    QCOMPARE(store->cancelContainers(entity, {u"CANU0000001"_s}).value(), 1);
    TraceWrite done;
    done.containerId = traced;
    done.tracedAt = now.addSecs(-100);
    done.nextTraceAt = now.addSecs(3600);
    TraceWrite finished = done;
    finished.containerId = completed;
    finished.nextTraceAt = {};
    finished.traceState = TraceState::Completed;
    QVERIFY(store->writeTraceResults({done, finished}).ok());
    auto idsOf = [](const Result<QList<WatchEntry>> &entries) {
        QList<qint64> ids;
        for (const WatchEntry &e : entries.value())
            ids.append(e.id);
        return ids;
    };

    // Force: the listed numbers whatever their schedule (also completed ones), never a cancelled one.
    Store::ClaimRequest force{entity, now, 500, u"cli"_s, 300, {u"CANU0000001"_s}, false, {}, {}};
    QVERIFY(store->claimDue(force)->isEmpty());
    force.forceNumbers = {u"TRCU0000001"_s, u"CANU0000001"_s, u"CMPU0000001"_s};
    QCOMPARE(idsOf(store->claimDue(force)), (QList<qint64>{traced, completed}));
    QVERIFY(store->claimDue(force)->isEmpty()); // leased now

    // allActive: every active entry not traced since tracedBefore.
    Store::ClaimRequest all{entity, now.addSecs(400), 500, u"cli"_s, 300, {}, true, now.addSecs(-200), {}};
    QCOMPARE(idsOf(store->claimDue(all)), (QList<qint64>{untraced}));
    all.now = now.addSecs(1000);
    all.tracedBefore = now;
    QCOMPARE(idsOf(store->claimDue(all)), (QList<qint64>{untraced, traced}));
    all.now = now.addSecs(2000);
    all.tracedBefore = {};
    all.limit = 1;
    QCOMPARE(idsOf(store->claimDue(all)), (QList<qint64>{untraced}));
}

void TestStore::concurrentWorkersNeverClaimTwice()
{
    OPEN_STORE(database, store);
    constexpr int containerCount = 120;
    const QDateTime now = utc(10, 12);
    for (int i = 0; i < containerCount; ++i) {
        WatchEntry e = entry(u"CONU%1"_s.arg(i, 7, 10, QChar(u'0')));
        e.nextTraceAt = now.addSecs(-i);
        QVERIFY(store->addContainer(e).ok());
    }
    constexpr int workers = 3;
    QList<QList<qint64>> claimedBy(workers);
    QStringList errors(workers);
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            auto own = Store::open(database.location());
            if (!own) {
                errors[w] = own.error().message;
                return;
            }
            Store::ClaimRequest request{entity, now, 7, u"worker-%1"_s.arg(w), 300, {}, false, {}, {}};
            for (;;) {
                auto batch = own.value()->claimDue(request);
                if (!batch) {
                    errors[w] = batch.error().message;
                    return;
                }
                if (batch->isEmpty())
                    return;
                for (const WatchEntry &e : batch.value())
                    claimedBy[w].append(e.id);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QSet<qint64> seen;
    for (int w = 0; w < workers; ++w) {
        QVERIFY2(errors.at(w).isEmpty(), qPrintable(errors.at(w)));
        for (const qint64 id : claimedBy.at(w)) {
            QVERIFY2(!seen.contains(id), "a container was claimed twice");
            seen.insert(id);
        }
    }
    QCOMPARE(seen.size(), containerCount);
}

void TestStore::removeConnectionKeepsEvents()
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

void TestStore::auditRoundTrip()
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

    auto store = Store::open(location);
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

// Not a timed assertion (SPEC 11 leaves targets to bench/), just the figure for the log.
void TestStore::ingestionRate()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location());
    QVERIFY(store.ok());
    const qint64 id = store.value()->addContainer(entry(u"MSCU1234565"_s))->id;
    constexpr int count = 100000;
    QList<Event> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i)
        events.append(makeEvent(id, u"rate-%1"_s.arg(i), utc(1, 0).addSecs(i)));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(store.value()->insertEvents(events).value(), count);
    const qint64 elapsed = std::max<qint64>(1, timer.elapsed());
    qInfo("inserted %d events into SQLite in %lld ms: %lld events/s", count, elapsed, count * 1000 / elapsed);
}

// Not a timed assertion either: containers() on 100,000 rows with snapshots, one JOIN query.
void TestStore::listingRate()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location());
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
