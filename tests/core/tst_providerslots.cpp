// Provider slots and worker heartbeats on both backends: a connection's limit is never exceeded by
// concurrent takers on several connections and threads, a slot comes back on release, when its lease
// runs out and when its holder is a dead worker of this host; heartbeats list the live workers.
#include "storetestsupport.h"

#include <QProcess>
#include <QSysInfo>
#include <QThread>

#include <atomic>
#include <vector>

using namespace StoreTest;

namespace {
qint64 deadPid()
{
    QProcess process;
    process.start(u"true"_s, {});
    process.waitForStarted();
    const qint64 pid = process.processId();
    process.waitForFinished();
    return pid;
}

ProviderSlotRequest request(const QString &holder, int limit, const QDateTime &now = {},
                            const WorkerIdentity &identity = WorkerIdentity::current())
{
    ProviderSlotRequest r;
    r.entity = entity;
    r.provider = u"ports_america"_s;
    r.limit = limit;
    r.holder = holder;
    r.identity = identity;
    r.leaseSeconds = 10;
    r.now = now;
    return r;
}

std::optional<ProviderSlot> take(Store &store, const ProviderSlotRequest &r)
{
    const Result<std::optional<ProviderSlot>> taken = store.takeProviderSlot(r);
    if (!taken) {
        qWarning().noquote() << taken.error().message;
        return std::nullopt;
    }
    return taken.value();
}
} // namespace

class TestProviderSlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitHoldsAndReleaseFreesASlot_data() { addBackends(); }
    void limitHoldsAndReleaseFreesASlot();
    void concurrentTakersNeverExceedTheLimit_data() { addBackends(); }
    void concurrentTakersNeverExceedTheLimit();
    void expiredLeaseIsTakenAgain_data() { addBackends(); }
    void expiredLeaseIsTakenAgain();
    void deadWorkersSlotsAreTakenAgain_data() { addBackends(); }
    void deadWorkersSlotsAreTakenAgain();
    void heartbeatsListTheActiveWorkers_data() { addBackends(); }
    void heartbeatsListTheActiveWorkers();
};

void TestProviderSlots::limitHoldsAndReleaseFreesASlot()
{
    OPEN_STORE(database, store);
    QList<ProviderSlot> held;
    for (int i = 0; i < 3; ++i) {
        const std::optional<ProviderSlot> slot = take(*store, request(u"a"_s, 3));
        QVERIFY(slot.has_value());
        held.append(*slot);
    }
    QVERIFY(!take(*store, request(u"b"_s, 3)).has_value());
    QCOMPARE(store->heldProviderSlots(entity, u"ports_america"_s, 3).value(), 3);
    // Another connection of the same entity has slots of its own.
    ProviderSlotRequest other = request(u"b"_s, 1);
    other.provider = u"portconnect"_s;
    QVERIFY(take(*store, other).has_value());

    QCOMPARE(store->releaseProviderSlot(held.at(1)).value(), true);
    QCOMPARE(store->releaseProviderSlot(held.at(1)).value(), false); // already free
    const std::optional<ProviderSlot> again = take(*store, request(u"b"_s, 3));
    QVERIFY(again.has_value());
    QCOMPARE(again->index, held.at(1).index);
    QCOMPARE(store->releaseProviderSlots(WorkerIdentity::current(), u"a"_s).value(), 2);
    QCOMPARE(store->heldProviderSlots(entity, u"ports_america"_s, 3).value(), 1);
}

void TestProviderSlots::concurrentTakersNeverExceedTheLimit()
{
    OPEN_STORE(database, store);
    constexpr int limit = 2;
    constexpr int takers = 4;
    constexpr int rounds = 15;
    std::atomic<int> inUse = 0;
    std::atomic<int> maxInUse = 0;
    std::atomic<int> completed = 0;
    std::atomic<int> errors = 0;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < takers; ++t) {
        threads.push_back(std::unique_ptr<QThread>(QThread::create([&, t] {
            // Each thread has a connection of its own, as each worker process does.
            Result<std::unique_ptr<Store>> own = store->openWorker();
            if (!own) {
                ++errors;
                return;
            }
            const QString holder = u"taker-%1"_s.arg(t);
            for (int round = 0; round < rounds; ++round) {
                std::optional<ProviderSlot> slot;
                for (int attempt = 0; attempt < 10000 && !slot; ++attempt) {
                    const auto taken = own.value()->takeProviderSlot(request(holder, limit));
                    if (!taken) {
                        ++errors;
                        return;
                    }
                    slot = taken.value();
                    if (!slot)
                        QThread::msleep(1);
                }
                if (!slot) {
                    ++errors;
                    return;
                }
                const int now = ++inUse;
                int seen = maxInUse.load();
                while (now > seen && !maxInUse.compare_exchange_weak(seen, now)) {
                }
                QThread::msleep(2);
                --inUse;
                if (!own.value()->releaseProviderSlot(*slot))
                    ++errors;
                ++completed;
            }
        })));
        threads.back()->start();
    }
    for (auto &thread : threads)
        thread->wait();
    QCOMPARE(errors.load(), 0);
    QCOMPARE(completed.load(), takers * rounds);
    QVERIFY2(maxInUse.load() <= limit, qPrintable(u"%1 slots in use at once"_s.arg(maxInUse.load())));
    QCOMPARE(maxInUse.load(), limit); // the takers did overlap
}

void TestProviderSlots::expiredLeaseIsTakenAgain()
{
    OPEN_STORE(database, store);
    const QDateTime start = QDateTime::currentDateTimeUtc();
    const std::optional<ProviderSlot> first = take(*store, request(u"a"_s, 1, start));
    QVERIFY(first.has_value());
    QVERIFY(!take(*store, request(u"b"_s, 1, start.addSecs(5))).has_value());
    // A renewed lease holds past its first end.
    QCOMPARE(store->renewProviderSlots(WorkerIdentity::current(), u"a"_s, start.addSecs(20)).value(), 1);
    QVERIFY(!take(*store, request(u"b"_s, 1, start.addSecs(15))).has_value());
    const std::optional<ProviderSlot> second = take(*store, request(u"b"_s, 1, start.addSecs(21)));
    QVERIFY(second.has_value());
    // The first holder's late release does not free the slot the second one holds now.
    QCOMPARE(store->releaseProviderSlot(*first).value(), false);
    QVERIFY(!take(*store, request(u"c"_s, 1, start.addSecs(22))).has_value());
}

void TestProviderSlots::deadWorkersSlotsAreTakenAgain()
{
    OPEN_STORE(database, store);
    WorkerIdentity dead;
    dead.host = QSysInfo::machineHostName();
    dead.pid = deadPid();
    dead.processStart = u"2020-01-01T00:00:00.000Z"_s;
    WorkerIdentity elsewhere = dead;
    elsewhere.host = u"another-host.invalid"_s;
    QVERIFY(take(*store, request(u"gone"_s, 2, {}, dead)).has_value());
    QVERIFY(take(*store, request(u"remote"_s, 2, {}, elsewhere)).has_value());
    // Both held; the dead local worker's slot is freed and taken, the other host's is not touched.
    const std::optional<ProviderSlot> mine = take(*store, request(u"mine"_s, 2));
    QVERIFY(mine.has_value());
    QVERIFY(!take(*store, request(u"mine2"_s, 2)).has_value());
    QCOMPARE(store->heldProviderSlots(entity, u"ports_america"_s, 2).value(), 2);
}

void TestProviderSlots::heartbeatsListTheActiveWorkers()
{
    OPEN_STORE(database, store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    WorkerHeartbeat worker;
    worker.identity = WorkerIdentity::current();
    worker.name = u"sync"_s;
    worker.startedAt = now.addSecs(-60);
    QVERIFY(store->recordHeartbeat(worker));
    worker.lastCycleAt = now;
    QVERIFY(store->recordHeartbeat(worker)); // an upsert: still one row
    WorkerHeartbeat console;
    console.identity.host = u"desk7"_s;
    console.identity.pid = 4711;
    console.name = u"console"_s;
    console.viewOnly = true;
    QVERIFY(store->recordHeartbeat(console));
    WorkerHeartbeat gone;
    gone.identity.host = u"srv9"_s;
    gone.identity.pid = 12;
    gone.name = u"sync"_s;
    gone.lastSeenAt = now.addSecs(-4 * WorkerHeartbeat::periodSeconds);
    QVERIFY(store->recordHeartbeat(gone));

    const Result<QList<WorkerHeartbeat>> active = store->activeWorkers();
    QVERIFY2(active, qPrintable(active ? QString() : active.error().message));
    QCOMPARE(active->size(), 2);
    const WorkerHeartbeat &desk = active->at(0).identity.host == u"desk7"_s ? active->at(0) : active->at(1);
    const WorkerHeartbeat &self = active->at(0).identity.host == u"desk7"_s ? active->at(1) : active->at(0);
    QVERIFY(desk.viewOnly);
    QCOMPARE(desk.name, u"console"_s);
    QCOMPARE(self.identity, WorkerIdentity::current());
    QVERIFY(!self.viewOnly);
    QCOMPARE(self.lastCycleAt.toSecsSinceEpoch(), now.toSecsSinceEpoch());
    QCOMPARE(self.startedAt.toSecsSinceEpoch(), now.addSecs(-60).toSecsSinceEpoch());

    QVERIFY(store->removeHeartbeat(console.identity));
    QCOMPARE(store->activeWorkers()->size(), 1);
}

QTEST_GUILESS_MAIN(TestProviderSlots)
#include "tst_providerslots.moc"
