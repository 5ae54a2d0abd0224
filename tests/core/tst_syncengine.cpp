// Unit test of the sync engine: a real SQLite store, a fake adapter (this test is about batching,
// concurrency, bookkeeping and error handling, not HTTP) and a manual clock.
#include "clock.h"
#include "containernumber.h"
#include "provideradapter.h"
#include "storage/storeinspection.h"
#include "store.h"
#include "syncengine.h"
#include "testdatabases.h"

#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString fakeProvider = u"fake_terminal"_s;

// Answers after a short delay, like a network would, and records what it was asked.
class FakeAdapter final : public ProviderAdapter
{
public:
    QString providerId() const override { return fakeProvider; }
    int batchLimit() const override { return limit; }
    int maxConcurrentRequests() const override { return concurrency; }
    qint64 maxRetryAfterSeconds() const override { return retryAfterLimitSeconds; }

    void trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done) override
    {
        batches.append(batch);
        if (beforeFirstAnswer)
            std::exchange(beforeFirstAnswer, {})();
        if (neverAnswer) {
            unanswered.append(std::move(done));
            return;
        }
        ++inFlight;
        maxInFlight = std::max(maxInFlight, inFlight);
        QTimer::singleShot(delayMs, [this, batch, done = std::move(done)] {
            --inFlight;
            done(answer(batch));
        });
    }

    BatchTraceResult answer(const TraceBatch &batch) const
    {
        BatchTraceResult result;
        result.requestsMade = 1;
        if (batchErrors.contains(batch.site)) {
            result.batchError = batchErrors.value(batch.site);
            return result;
        }
        for (const WatchEntry &entry : batch.entries) {
            ContainerTraceResult container;
            container.containerId = entry.id;
            if (containerErrors.contains(entry.containerNumber))
                container.error = makeError(ErrorKind::NotFound, containerErrors.value(entry.containerNumber));
            else
                container.observations.append(observe(entry));
            result.containers.append(container);
        }
        return result;
    }

    Observation observe(const WatchEntry &entry) const
    {
        Observation observation;
        observation.containerNumber = entry.containerNumber;
        observation.source = fakeProvider + u'/' + entry.site;
        observation.observedAt = QDateTime(QDate(2024, 5, 2), QTime(8, 0), Qt::UTC);
        observation.vesselName = u"MSC TESTER"_s;
        observation.dischargedAt = QDateTime(QDate(2024, 5, 1), QTime(6, 30), Qt::UTC);
        observation.available = !unavailable.contains(entry.containerNumber);
        observation.holds = QList<Hold>{};
        observation.lfdTerminal = QDate(2024, 5, 6);
        if (returned.contains(entry.containerNumber)) {
            observation.outgatedAt = QDateTime(QDate(2024, 5, 3), QTime(9, 0), Qt::UTC);
            observation.emptyReturnedAt = QDateTime(QDate(2024, 5, 8), QTime(9, 0), Qt::UTC);
        }
        observation.eventLocation = EventLocation{entry.site, u"Terminal"_s, u"Yard"_s};
        return observation;
    }

    int limit = 3;
    int concurrency = 2;
    qint64 retryAfterLimitSeconds = ProviderAdapter::defaultMaxRetryAfterSeconds;
    bool neverAnswer = false; // like a provider that accepts the connection and then says nothing
    QList<std::function<void(BatchTraceResult)>> unanswered;
    std::function<void()> beforeFirstAnswer; // runs once, when the first batch is asked for
    int delayMs = 5;
    int inFlight = 0;
    int maxInFlight = 0;
    QList<TraceBatch> batches;
    QHash<QString, Error> batchErrors;       // site -> error for every batch of that site
    QHash<QString, QString> containerErrors; // number -> per-container error
    QSet<QString> unavailable;
    QSet<QString> returned;
};

QString containerNumber(int serial)
{
    const QString firstTen = u"QWTU"_s + QString::number(serial).rightJustified(6, u'0');
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
}

namespace StoreTestRows {
qint64 count(Store &store, const QString &sql)
{
    QSqlQuery query(StoreInspection::database(store));
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}
} // namespace StoreTestRows

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void batchesBySiteAndLimit_data();
    void batchesBySiteAndLimit();
    void concurrencyIsBounded();
    void smallClaimRoundsTraceEveryEntryOnce();
    void batchErrorIsRecordedWhileOtherBatchesAreStored();
    void containerErrorIsRecordedOnThatContainer();
    void secondRunWithNoChangeAddsNoEvents();
    void nothingIsTracedBeforeItIsDue();
    void forceTracesOnlyTheListedNumbersAndMarksEvents();
    void allActiveTracesEverythingOnce();
    void providerWithoutAdapterGetsAnError();
    void badCredentialsStopTheProviderForTheCycle();
    void emptyReturnedCompletesTheEntry();
    void failedWriteReleasesClaimsAndTheNextCycleTracesThem();
    void deadWorkersClaimsAreReleasedAtTheStart();
    void containersALiveWorkerHoldsAreSkipped();
    void forceTracesWhatADeadWorkerClaimed();
    void deadlineReschedulesUnansweredBatches();
    void fullDiskThenSpaceFreedTracesEverySkippedContainer();
    void progressIsReportedDuringLongCycles();
    void retryAfterReschedulesUpToTheProvidersLimit_data();
    void retryAfterReschedulesUpToTheProvidersLimit();

private:
    QStringList addContainers(const QString &site, int count, const QString &provider = fakeProvider);
    SyncReport runCycle(const SyncOptions &options = {});
    QList<WatchEntry> entries();
    bool claimAs(const QString &worker, const WorkerIdentity &identity);

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeAdapter> m_adapter;
    int m_nextSerial = 1;
};

void TestSyncEngine::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    Result<std::unique_ptr<Store>> opened = Store::open(m_database->location(), testClock());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_store = std::move(opened.value());
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 5, 2), QTime(9, 0), Qt::UTC));
    m_adapter = std::make_unique<FakeAdapter>();
    m_nextSerial = 1;
}

void TestSyncEngine::cleanup()
{
    m_adapter.reset();
    m_store.reset();
    m_database.reset();
}

QStringList TestSyncEngine::addContainers(const QString &site, int count, const QString &provider)
{
    QStringList numbers;
    while (numbers.size() < count) {
        const QString number = containerNumber(m_nextSerial++);
        WatchEntry entry;
        entry.containerNumber = number;
        entry.provider = provider;
        entry.site = site;
        entry.addedAt = m_clock->now();
        entry.expiresAt = m_clock->now().addDays(WatchEntry::traceWindowDays);
        entry.nextTraceAt = m_clock->now();
        Result<AddOutcome> added = m_store->addContainer(entry);
        if (!added.ok()) {
            qWarning() << "addContainer failed:" << added.error().message;
            return {};
        }
        numbers.append(number);
    }
    return numbers;
}

SyncReport TestSyncEngine::runCycle(const SyncOptions &options)
{
    SyncEngine engine(*m_store, *m_clock);
    engine.setAdapter(m_adapter.get());
    SyncReport report;
    bool finished = false;
    QEventLoop loop;
    connect(&engine, &SyncEngine::cycleFinished, &loop, [&](const SyncReport &r) {
        report = r;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    engine.runOnce(options);
    if (engine.isRunning())
        loop.exec();
    if (!finished)
        qWarning() << "the cycle did not finish";
    return report;
}

QList<WatchEntry> TestSyncEngine::entries()
{
    Result<QList<WatchEntry>> all = m_store->containers(u"default"_s);
    return all.ok() ? all.value() : QList<WatchEntry>{};
}

void TestSyncEngine::batchesBySiteAndLimit_data()
{
    QTest::addColumn<QList<int>>("perSite");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expectedBatches");

    QTest::newRow("one site, exact multiple") << QList<int>{6} << 3 << 2;
    QTest::newRow("one site, remainder") << QList<int>{7} << 3 << 3;
    QTest::newRow("two sites never mixed") << QList<int>{2, 2} << 3 << 2;
    QTest::newRow("three sites") << QList<int>{7, 3, 1} << 3 << 5;
    QTest::newRow("120 at 50 per batch") << QList<int>{120} << 50 << 3;
    QTest::newRow("limit one") << QList<int>{2, 3} << 1 << 5;
}

void TestSyncEngine::batchesBySiteAndLimit()
{
    QFETCH(QList<int>, perSite);
    QFETCH(int, limit);
    QFETCH(int, expectedBatches);
    m_adapter->limit = limit;
    int total = 0;
    for (int i = 0; i < perSite.size(); ++i) {
        QCOMPARE(addContainers(u"SITE_"_s + QString::number(i), perSite.at(i)).size(), perSite.at(i));
        total += perSite.at(i);
    }

    const SyncReport report = runCycle();

    QCOMPARE(report.containersTraced, total);
    QCOMPARE(report.containersFailed, 0);
    QCOMPARE(report.batches, expectedBatches);
    QCOMPARE(report.requestsMade, expectedBatches);
    QCOMPARE(m_adapter->batches.size(), expectedBatches);
    QSet<qint64> traced;
    for (const TraceBatch &batch : std::as_const(m_adapter->batches)) {
        QVERIFY(batch.entries.size() <= limit);
        QVERIFY(!batch.entries.isEmpty());
        QCOMPARE(batch.provider, fakeProvider);
        QCOMPARE(batch.entity, u"default"_s);
        QVERIFY(!batch.forced);
        for (const WatchEntry &entry : batch.entries) {
            QCOMPARE(entry.site, batch.site);
            QVERIFY2(!traced.contains(entry.id), "an entry was traced twice");
            traced.insert(entry.id);
        }
    }
    QCOMPARE(traced.size(), total);
    for (const WatchEntry &entry : entries()) {
        QCOMPARE(entry.lastTracedAt, m_clock->now());
        QVERIFY(entry.lastError.isEmpty());
        QVERIFY(entry.nextTraceAt > m_clock->now());
        QCOMPARE(entry.snapshot.vesselName, u"MSC TESTER"_s);
        QCOMPARE(entry.snapshot.available, std::optional<bool>(true));
    }
}

void TestSyncEngine::concurrencyIsBounded()
{
    m_adapter->limit = 2;
    m_adapter->concurrency = 3;
    m_adapter->delayMs = 20;
    QCOMPARE(addContainers(u"A"_s, 30).size(), 30);

    const SyncReport report = runCycle();

    QCOMPARE(report.containersTraced, 30);
    QCOMPARE(report.batches, 15);
    QCOMPARE(m_adapter->maxInFlight, 3); // the bound is used, and never exceeded
}

void TestSyncEngine::smallClaimRoundsTraceEveryEntryOnce()
{
    m_adapter->limit = 4;
    QCOMPARE(addContainers(u"A"_s, 11).size(), 11);
    QCOMPARE(addContainers(u"B"_s, 6).size(), 6);
    SyncOptions options;
    options.claimLimit = 3;

    const SyncReport report = runCycle(options);

    QCOMPARE(report.containersTraced, 17);
    QSet<qint64> traced;
    for (const TraceBatch &batch : std::as_const(m_adapter->batches)) {
        QVERIFY(batch.entries.size() <= 4);
        for (const WatchEntry &entry : batch.entries) {
            QCOMPARE(entry.site, batch.site);
            QVERIFY(!traced.contains(entry.id));
            traced.insert(entry.id);
        }
    }
    QCOMPARE(traced.size(), 17);
}

void TestSyncEngine::batchErrorIsRecordedWhileOtherBatchesAreStored()
{
    const QStringList good = addContainers(u"GOOD"_s, 5);
    const QStringList bad = addContainers(u"BAD"_s, 4);
    m_adapter->batchErrors.insert(u"BAD"_s, makeError(ErrorKind::MalformedResponse, u"The response is not JSON."_s));

    const SyncReport report = runCycle();

    QCOMPARE(report.containersTraced, 5);
    QCOMPARE(report.containersFailed, 4);
    QCOMPARE(report.errors.size(), 4);
    for (const QString &number : bad)
        QVERIFY(report.errors.contains(number + u": The response is not JSON."_s));
    for (const WatchEntry &entry : entries()) {
        if (bad.contains(entry.containerNumber)) {
            QCOMPARE(entry.lastError, u"The response is not JSON."_s);
            QVERIFY(entry.nextTraceAt > m_clock->now());
            QCOMPARE(entry.snapshot.vesselName, QString());
            Result<QList<Event>> events = m_store->events(entry.id);
            QVERIFY(events.ok());
            QVERIFY(events->isEmpty());
        } else {
            QVERIFY(good.contains(entry.containerNumber));
            QVERIFY(entry.lastError.isEmpty());
            QCOMPARE(entry.snapshot.vesselName, u"MSC TESTER"_s);
            Result<QList<Event>> events = m_store->events(entry.id);
            QVERIFY(events.ok());
            QVERIFY(!events->isEmpty());
        }
    }
}

void TestSyncEngine::containerErrorIsRecordedOnThatContainer()
{
    const QStringList numbers = addContainers(u"A"_s, 3);
    m_adapter->containerErrors.insert(numbers.at(1), u"No record found"_s);

    const SyncReport report = runCycle();

    QCOMPARE(report.containersTraced, 2);
    QCOMPARE(report.containersFailed, 1);
    QCOMPARE(report.errors, QStringList{numbers.at(1) + u": No record found"_s});
    for (const WatchEntry &entry : entries())
        QCOMPARE(entry.lastError.isEmpty(), entry.containerNumber != numbers.at(1));
}

void TestSyncEngine::secondRunWithNoChangeAddsNoEvents()
{
    addContainers(u"A"_s, 4);
    const SyncReport first = runCycle();
    QVERIFY(first.eventsAdded > 0);
    Result<qint64> afterFirst = m_store->eventCount(u"default"_s);
    QVERIFY(afterFirst.ok());
    QCOMPARE(afterFirst.value(), qint64(first.eventsAdded));

    m_clock->advanceSeconds(2 * 24 * 3600); // everything is due again
    const SyncReport second = runCycle();

    QCOMPARE(second.containersTraced, 4);
    QCOMPARE(second.eventsAdded, 0);
    Result<qint64> afterSecond = m_store->eventCount(u"default"_s);
    QVERIFY(afterSecond.ok());
    QCOMPARE(afterSecond.value(), afterFirst.value());
    for (const WatchEntry &entry : entries())
        QCOMPARE(entry.lastTracedAt, m_clock->now());
}

void TestSyncEngine::nothingIsTracedBeforeItIsDue()
{
    addContainers(u"A"_s, 4);
    QCOMPARE(runCycle().containersTraced, 4);
    m_adapter->batches.clear();

    const SyncReport again = runCycle();

    QCOMPARE(again.containersTraced, 0);
    QCOMPARE(again.batches, 0);
    QVERIFY(m_adapter->batches.isEmpty());
}

void TestSyncEngine::forceTracesOnlyTheListedNumbersAndMarksEvents()
{
    const QStringList numbers = addContainers(u"A"_s, 5);
    QCOMPARE(runCycle().containersTraced, 5);
    m_adapter->batches.clear();
    m_adapter->unavailable.insert(numbers.at(0)); // a change the forced trace will see
    m_adapter->unavailable.insert(numbers.at(4)); // a change nobody traces

    SyncOptions options;
    options.forceNumbers = {numbers.at(0), numbers.at(2).toLower()};
    const SyncReport report = runCycle(options);

    QCOMPARE(report.containersTraced, 2);
    QCOMPARE(m_adapter->batches.size(), 1);
    QVERIFY(m_adapter->batches.first().forced);
    QCOMPARE(report.eventsAdded, 1);
    Result<std::optional<WatchEntry>> changed = m_store->container(u"default"_s, numbers.at(0));
    QVERIFY(changed.ok() && changed->has_value());
    QCOMPARE(changed.value()->snapshot.available, std::optional<bool>(false));
    Result<QList<Event>> events = m_store->events(changed.value()->id);
    QVERIFY(events.ok());
    QCOMPARE(events->last().code, EventCode::NotAvailable);
    QCOMPARE(events->last().data.value(u"forced"_s).toBool(), true);
    for (const Event &event : std::as_const(events.value())) {
        if (event.code != EventCode::NotAvailable)
            QVERIFY(!event.data.contains(u"forced"_s));
    }
    Result<std::optional<WatchEntry>> untouched = m_store->container(u"default"_s, numbers.at(4));
    QVERIFY(untouched.ok() && untouched->has_value());
    QCOMPARE(untouched.value()->snapshot.available, std::optional<bool>(true));
}

void TestSyncEngine::allActiveTracesEverythingOnce()
{
    addContainers(u"A"_s, 4);
    addContainers(u"B"_s, 2);
    QCOMPARE(runCycle().containersTraced, 6);
    m_adapter->batches.clear();
    m_clock->advanceSeconds(60); // nothing is due yet

    SyncOptions options;
    options.allActive = true;
    const SyncReport report = runCycle(options);

    QCOMPARE(report.containersTraced, 6);
    QCOMPARE(report.batches, 3); // A: 3 + 1, B: 2
    QCOMPARE(report.eventsAdded, 0);
}

void TestSyncEngine::providerWithoutAdapterGetsAnError()
{
    addContainers(u"A"_s, 2);
    const QStringList orphans = addContainers(u"X"_s, 3, u"other_terminal"_s);

    const SyncReport report = runCycle();

    QCOMPARE(report.containersTraced, 2);
    QCOMPARE(report.containersFailed, 3);
    for (const WatchEntry &entry : entries()) {
        if (orphans.contains(entry.containerNumber)) {
            QCOMPARE(entry.lastError, u"No connection for provider other_terminal"_s);
            QVERIFY(entry.nextTraceAt > m_clock->now());
        } else {
            QVERIFY(entry.lastError.isEmpty());
        }
    }
}

void TestSyncEngine::badCredentialsStopTheProviderForTheCycle()
{
    m_adapter->limit = 2;
    m_adapter->concurrency = 1;
    addContainers(u"A"_s, 10);
    const QString message = u"The user name or password is incorrect."_s;
    m_adapter->batchErrors.insert(u"A"_s, makeError(ErrorKind::BadCredentials, message));

    const SyncReport report = runCycle();

    QCOMPARE(m_adapter->batches.size(), 1); // no retry storm
    QCOMPARE(report.containersTraced, 0);
    QCOMPARE(report.containersFailed, 10);
    for (const WatchEntry &entry : entries())
        QCOMPARE(entry.lastError, message);
}

void TestSyncEngine::emptyReturnedCompletesTheEntry()
{
    const QStringList numbers = addContainers(u"A"_s, 2);
    m_adapter->returned.insert(numbers.at(0));

    QCOMPARE(runCycle().containersTraced, 2);

    Result<std::optional<WatchEntry>> done = m_store->container(u"default"_s, numbers.at(0));
    QVERIFY(done.ok() && done->has_value());
    QCOMPARE(done.value()->traceState, TraceState::Completed);
    QCOMPARE(done.value()->snapshot.status, ContainerStatus::EmptyReturned);
    Result<std::optional<WatchEntry>> active = m_store->container(u"default"_s, numbers.at(1));
    QVERIFY(active.ok() && active->has_value());
    QCOMPARE(active.value()->traceState, TraceState::Active);
}

bool TestSyncEngine::claimAs(const QString &worker, const WorkerIdentity &identity)
{
    Store::ClaimRequest request;
    request.now = m_clock->now();
    request.worker = worker;
    request.identity = identity;
    const Result<QList<WatchEntry>> claimed = m_store->claimDue(request);
    return claimed.ok() && !claimed->isEmpty();
}

// A write the database refuses (here a trigger; a full disk or a lost server alike) must not leave
// its containers claimed until the lease runs out: they are released and stay due.
void TestSyncEngine::failedWriteReleasesClaimsAndTheNextCycleTracesThem()
{
    m_adapter->limit = 3;
    const QStringList numbers = addContainers(u"A"_s, 6);
    Result<std::optional<WatchEntry>> refused = m_store->container(u"default"_s, numbers.at(4));
    QVERIFY(refused.ok() && refused->has_value());
    QSqlQuery query(StoreInspection::database(*m_store));
    QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON snapshots WHEN NEW.container_id = %1 "
                       "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"_s.arg(refused.value()->id)));

    const SyncReport first = runCycle();

    QCOMPARE(first.containersTraced, 3);
    QCOMPARE(first.containersFailed, 3);
    QVERIFY2(first.errors.join(u'\n').contains(u"database or disk is full"_s), qPrintable(first.errors.join(u'\n')));
    QCOMPARE(StoreTestRows::count(*m_store, u"SELECT COUNT(*) FROM containers WHERE claimed_until IS NOT NULL"_s), 0);
    QCOMPARE(StoreTestRows::count(*m_store, u"SELECT COUNT(*) FROM containers WHERE last_traced_at IS NULL"_s), 3);

    QVERIFY(query.exec(u"DROP TRIGGER refuse"_s));
    const SyncReport second = runCycle();
    QCOMPARE(second.containersTraced, 3);
    QCOMPARE(second.containersFailed, 0);
    for (const WatchEntry &entry : entries())
        QVERIFY2(entry.lastTracedAt.isValid(), qPrintable(entry.containerNumber));
}

void TestSyncEngine::deadWorkersClaimsAreReleasedAtTheStart()
{
    addContainers(u"A"_s, 5);
    QProcess gone;
    gone.start(u"true"_s, {});
    QVERIFY(gone.waitForStarted());
    WorkerIdentity dead = WorkerIdentity::current();
    dead.pid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(claimAs(u"killed"_s, dead));

    const SyncReport report = runCycle();

    QCOMPARE(report.claimsReleased, 5);
    QCOMPARE(report.containersTraced, 5);
    QCOMPARE(report.containersSkipped, 0);
}

void TestSyncEngine::containersALiveWorkerHoldsAreSkipped()
{
    addContainers(u"A"_s, 4);
    Store::ClaimRequest request;
    request.now = m_clock->now();
    request.limit = 1;
    request.worker = u"another live worker"_s;
    request.identity = WorkerIdentity::current(); // alive: this very process
    QVERIFY(m_store->claimDue(request).ok());
    SyncOptions options;
    options.waitForOtherWorkersMs = 300;

    const SyncReport report = runCycle(options);

    QCOMPARE(report.containersTraced, 3);
    QCOMPARE(report.containersSkipped, 1);
}

// "Trace now" after a crash: the dead worker's claim does not stand in the way.
void TestSyncEngine::forceTracesWhatADeadWorkerClaimed()
{
    const QStringList numbers = addContainers(u"A"_s, 3);
    QProcess gone;
    gone.start(u"true"_s, {});
    QVERIFY(gone.waitForStarted());
    WorkerIdentity dead = WorkerIdentity::current();
    dead.pid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(claimAs(u"killed"_s, dead));
    SyncOptions options;
    options.forceNumbers = {numbers.at(1)};

    const SyncReport report = runCycle(options);

    QCOMPARE(report.containersTraced, 1);
    QCOMPARE(report.containersSkipped, 0);
    QCOMPARE(m_adapter->batches.size(), 1);
    QCOMPARE(m_adapter->batches.first().entries.first().containerNumber, numbers.at(1));
}

// A provider that never answers: the cycle ends at its deadline, every container it claimed has a
// clear error and is due again soon, and answers that come after the deadline change nothing.
void TestSyncEngine::deadlineReschedulesUnansweredBatches()
{
    m_adapter->neverAnswer = true;
    m_adapter->limit = 3;
    m_adapter->concurrency = 2;
    QCOMPARE(addContainers(u"A"_s, 20).size(), 20);
    SyncOptions options;
    options.cycleDeadlineMs = 300;

    const SyncReport report = runCycle(options);

    QVERIFY(report.deadlinePassed);
    QCOMPARE(report.containersTraced, 0);
    QCOMPARE(report.containersFailed, 20);
    QCOMPARE(m_adapter->batches.size(), 2); // the two in flight; the rest were never sent
    int abandoned = 0;
    for (const WatchEntry &entry : entries()) {
        QVERIFY2(entry.lastError.contains(u"deadline"_s), qPrintable(entry.lastError));
        abandoned += entry.lastError.contains(u"had not answered"_s) ? 1 : 0;
        QVERIFY(entry.nextTraceAt > m_clock->now());
    }
    QCOMPARE(abandoned, 6);
    QCOMPARE(StoreTestRows::count(*m_store, u"SELECT COUNT(*) FROM containers WHERE claimed_until IS NOT NULL"_s), 0);
    // Late answers find no engine waiting for them.
    for (const auto &done : std::as_const(m_adapter->unanswered))
        done(m_adapter->answer(m_adapter->batches.first()));
    QCoreApplication::processEvents();
    for (const WatchEntry &entry : entries())
        QVERIFY(!entry.lastTracedAt.isValid() || !entry.lastError.isEmpty());
}

// A full disk, for real: the database lives on a small tmpfs that a filler file fills up (mounting
// needs root; elsewhere the test is skipped). The batches that cannot be stored fail with the
// driver's reason and stay due; once the filler is deleted, the next cycle traces every one of them
// and nothing stays claimed. (SQLite's max_page_count is no stand-in: it holds for one connection,
// and the store reconnects after a failed write.)
void TestSyncEngine::fullDiskThenSpaceFreedTracesEverySkippedContainer()
{
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    QProcess mount;
    mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=64m"_s, u"tmpfs"_s, mountPoint.path()});
    if (!mount.waitForFinished(30000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP("cannot mount a tmpfs here (needs root)");
    const auto unmount = qScopeGuard([&mountPoint] { QProcess::execute(u"umount"_s, {u"-l"_s, mountPoint.path()}); });
    m_store.reset();
    auto opened = Store::open(mountPoint.filePath(u"full.sqlite"_s), testClock());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_store = std::move(opened.value());
    m_adapter->limit = 10;
    QCOMPARE(addContainers(u"A"_s, 200).size(), 200);
    // An empty write-ahead log: every write of the cycle needs new space, as on a disk that filled up.
    QSqlQuery truncate(StoreInspection::database(*m_store));
    QVERIFY(truncate.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    truncate.finish();
    // The disk fills up mid-cycle: after the claims, before the first results are written.
    QFile filler(mountPoint.filePath(u"filler"_s));
    m_adapter->beforeFirstAnswer = [&filler] {
        if (!filler.open(QIODevice::WriteOnly))
            return;
        const QByteArray chunk(4096, 'f');
        while (filler.write(chunk) == chunk.size() && filler.flush()) {
        }
        filler.close();
    };

    const SyncReport full = runCycle();

    QVERIFY2(full.containersFailed > 0, "nothing failed: the disk was not full");
    QVERIFY2(full.containersTraced < 200, "everything was stored: the disk was not full");
    QVERIFY2(full.errors.join(u'\n').contains(u"full"_s, Qt::CaseInsensitive), qPrintable(full.errors.value(0)));

    QVERIFY(filler.remove()); // space freed
    m_adapter->batches.clear();
    const SyncReport freed = runCycle();

    QCOMPARE(freed.containersFailed, 0);
    QCOMPARE(freed.containersTraced, 200 - full.containersTraced);
    QCOMPARE(StoreTestRows::count(*m_store, u"SELECT COUNT(*) FROM containers WHERE last_traced_at IS NULL"_s), 0);
    QCOMPARE(StoreTestRows::count(*m_store, u"SELECT COUNT(*) FROM containers WHERE claimed_until IS NOT NULL"_s), 0);
    QSqlQuery check(StoreInspection::database(*m_store));
    QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
    QCOMPARE(check.value(0).toString(), u"ok"_s);
    m_store.reset();
}

void TestSyncEngine::progressIsReportedDuringLongCycles()
{
    m_adapter->delayMs = 150;
    m_adapter->concurrency = 1;
    QCOMPARE(addContainers(u"A"_s, 6).size(), 6);
    SyncEngine engine(*m_store, *m_clock);
    engine.setAdapter(m_adapter.get());
    QList<QList<int>> reports;
    connect(&engine, &SyncEngine::cycleProgress, this, [&reports](int done, int total, int requests, int errors) {
        reports.append({done, total, requests, errors});
    });
    QEventLoop loop;
    connect(&engine, &SyncEngine::cycleFinished, &loop, &QEventLoop::quit);
    SyncOptions options;
    options.progressIntervalMs = 100;
    engine.runOnce(options);
    loop.exec();
    QVERIFY(!reports.isEmpty());
    for (const QList<int> &report : std::as_const(reports)) {
        QVERIFY(report.at(0) <= report.at(1));
        QCOMPARE(report.at(1), 6);
        QCOMPARE(report.at(3), 0);
    }
}

void TestSyncEngine::retryAfterReschedulesUpToTheProvidersLimit_data()
{
    QTest::addColumn<qint64>("askedSeconds");
    QTest::addColumn<qint64>("limitSeconds");
    QTest::addColumn<qint64>("expectedSeconds");
    QTest::newRow("an hour is honoured") << qint64(3600) << qint64(86400) << qint64(3600);
    QTest::newRow("cut to the provider's limit") << qint64(7 * 86400) << qint64(7200) << qint64(7200);
}

// "Retry-After: 3600" means an hour: the containers are due again then, not in a minute, and the
// provider gets no more batches this cycle.
void TestSyncEngine::retryAfterReschedulesUpToTheProvidersLimit()
{
    QFETCH(qint64, askedSeconds);
    QFETCH(qint64, limitSeconds);
    QFETCH(qint64, expectedSeconds);
    Error limited = makeError(ErrorKind::RateLimited, u"rate limited (HTTP 429)"_s);
    limited.retryAfterMs = askedSeconds * 1000;
    m_adapter->batchErrors.insert(u"A"_s, limited);
    m_adapter->retryAfterLimitSeconds = limitSeconds;
    m_adapter->concurrency = 1;
    QCOMPARE(addContainers(u"A"_s, 9).size(), 9);

    const SyncReport report = runCycle();

    QCOMPARE(report.containersFailed, 9);
    QCOMPARE(m_adapter->batches.size(), 1);
    for (const WatchEntry &entry : entries()) {
        QCOMPARE(entry.nextTraceAt, m_clock->now().addSecs(expectedSeconds));
        QVERIFY2(entry.lastError.contains(u"next attempt at"_s), qPrintable(entry.lastError));
    }
    // The same time for the connection's card.
    QCOMPARE(report.waitUntil.value(m_adapter->providerId()), m_clock->now().addSecs(expectedSeconds));

    // What a connection keeps of it: the wait while it runs, nothing once it passed.
    ConnectionRecord record;
    record.recordWait(report.waitUntil.value(m_adapter->providerId()), m_clock->now());
    QCOMPARE(record.waitUntil, m_clock->now().addSecs(expectedSeconds));
    record.recordWait({}, m_clock->now().addSecs(60)); // a later cycle that asked nothing: still waiting
    QCOMPARE(record.waitUntil, m_clock->now().addSecs(expectedSeconds));
    record.recordWait({}, m_clock->now().addSecs(expectedSeconds + 1));
    QVERIFY(!record.waitUntil.isValid());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
