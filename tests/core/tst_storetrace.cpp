// Claims, trace writes and events on both backends.
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

class TestStoreTrace final : public QObject
{
    Q_OBJECT

private slots:
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
    void ingestionRate();
};

void TestStoreTrace::writeTraceResultsIsAllOrNothing()
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

void TestStoreTrace::eventsAreDeduplicated()
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

void TestStoreTrace::eventsAreAppendOnly()
{
    OPEN_STORE(database, store);
    const qint64 id = store->addContainer(entry(u"MSCU1234565"_s))->id;
    QCOMPARE(store->insertEvents({makeEvent(id, u"k"_s, utc(3, 4))}).value(), 1);
    QSqlQuery query(StoreInspection::database(*store));
    QVERIFY(!query.exec(u"UPDATE events SET code = 'LOADED'"_s));
    QVERIFY(!query.exec(u"DELETE FROM events"_s));
    QCOMPARE(store->eventCount(entity).value(), qint64(1));
}

void TestStoreTrace::claimDueSemantics()
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
    Store::ClaimRequest request{entity, now, 500, u"worker-1"_s, 300, {}, false, {}, {}, {}};
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

    Store::ClaimRequest otherEntity{u"other"_s, now.addSecs(90000), 500, u"w"_s, 300, {}, false, {}, {}, {}};
    QVERIFY(store->claimDue(otherEntity)->isEmpty());
    Store::ClaimRequest everyEntity{{}, now.addSecs(90000), 500, u"w"_s, 300, {}, false, {}, {}, {}};
    QCOMPARE(store->claimDue(everyEntity)->size(), 3);
}

// Push-style providers' containers carry a next trace time from their provider but are
// traced by callbacks: a sync worker that lists its polled providers must never claim them.
void TestStoreTrace::claimOnlyListedProviders()
{
    OPEN_STORE(database, store);
    const QDateTime now = utc(10, 12);
    WatchEntry polled = entry(u"POLU0000001"_s);
    polled.nextTraceAt = now.addSecs(-60);
    WatchEntry pushed = entry(u"PSHU0000001"_s, u"apm"_s);
    pushed.nextTraceAt = now.addSecs(-60);
    const qint64 polledId = store->addContainer(polled)->id;
    QVERIFY(store->addContainer(pushed).ok());

    Store::ClaimRequest request{entity, now, 500, u"worker-1"_s, 300, {}, false, {}, {}, {}};
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

void TestStoreTrace::claimForcedAndAllActive()
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
    Store::ClaimRequest force{entity, now, 500, u"cli"_s, 300, {u"CANU0000001"_s}, false, {}, {}, {}};
    QVERIFY(store->claimDue(force)->isEmpty());
    force.forceNumbers = {u"TRCU0000001"_s, u"CANU0000001"_s, u"CMPU0000001"_s};
    QCOMPARE(idsOf(store->claimDue(force)), (QList<qint64>{traced, completed}));
    QVERIFY(store->claimDue(force)->isEmpty()); // leased now

    // allActive: every active entry not traced since tracedBefore.
    Store::ClaimRequest all{entity, now.addSecs(400), 500, u"cli"_s, 300, {}, true, now.addSecs(-200), {}, {}};
    QCOMPARE(idsOf(store->claimDue(all)), (QList<qint64>{untraced}));
    all.now = now.addSecs(1000);
    all.tracedBefore = now;
    QCOMPARE(idsOf(store->claimDue(all)), (QList<qint64>{untraced, traced}));
    all.now = now.addSecs(2000);
    all.tracedBefore = {};
    all.limit = 1;
    QCOMPARE(idsOf(store->claimDue(all)), (QList<qint64>{untraced}));
}

void TestStoreTrace::concurrentWorkersNeverClaimTwice()
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
            auto own = Store::open(database.location(), testClock());
            if (!own) {
                errors[w] = own.error().message;
                return;
            }
            Store::ClaimRequest request{entity, now, 7, u"worker-%1"_s.arg(w), 300, {}, false, {}, {}, {}};
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

// Not a timed assertion (the targets are measured in bench/), just the figure for the log.
void TestStoreTrace::ingestionRate()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
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

QTEST_GUILESS_MAIN(TestStoreTrace)
#include "tst_storetrace.moc"
