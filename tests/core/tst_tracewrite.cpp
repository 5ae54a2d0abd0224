// The one builder of TraceWrite, shared by polled traces (SyncEngine) and callbacks
// (SubscriptionStore::ingest).
#include "storage/tracewrite.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QDateTime utc(int hour)
{
    return QDateTime(QDate(2024, 5, 1), QTime(hour, 0), Qt::UTC);
}

Reconciliation reconciled()
{
    Reconciliation result;
    result.snapshot.status = ContainerStatus::Available;
    result.snapshot.vesselName = u"MSC ANNA"_s;
    Event event;
    event.containerId = 7;
    event.code = EventCode::Discharged;
    event.dedupeKey = u"k1"_s;
    result.newEvents = {event};
    result.changed = true;
    return result;
}
} // namespace

class TestTraceWrite final : public QObject
{
    Q_OBJECT

private slots:
    void successCarriesSnapshotEventsAndBookkeeping();
    void earlierVisitKeepsTheStoredSnapshot();
    void errorKeepsSnapshotAndAddsNothing();
};

void TestTraceWrite::successCarriesSnapshotEventsAndBookkeeping()
{
    TraceOutcome outcome;
    outcome.tracedAt = utc(9);
    outcome.nextTraceAt = utc(10);
    outcome.traceState = TraceState::Completed;
    const Reconciliation result = reconciled();
    const TraceWrite write = makeTraceWrite(7, result, outcome);
    QCOMPARE(write.containerId, 7);
    QVERIFY(write.snapshot.has_value());
    QCOMPARE(*write.snapshot, result.snapshot);
    QCOMPARE(write.newEvents, result.newEvents);
    QCOMPARE(write.tracedAt, utc(9));
    QCOMPARE(write.nextTraceAt, utc(10));
    QCOMPARE(write.traceState, std::optional<TraceState>(TraceState::Completed));
    QVERIFY(write.lastError.isEmpty());
}

void TestTraceWrite::earlierVisitKeepsTheStoredSnapshot()
{
    TraceOutcome outcome;
    outcome.tracedAt = utc(9);
    outcome.writeSnapshot = false;
    const TraceWrite write = makeTraceWrite(7, reconciled(), outcome);
    QVERIFY(!write.snapshot.has_value());
    QCOMPARE(write.newEvents.size(), 1);
    QVERIFY(!write.nextTraceAt.isValid());
    QVERIFY(!write.traceState.has_value());
}

void TestTraceWrite::errorKeepsSnapshotAndAddsNothing()
{
    TraceOutcome outcome;
    outcome.tracedAt = utc(9);
    outcome.nextTraceAt = utc(11);
    outcome.error = u"timeout"_s;
    const TraceWrite write = makeTraceWrite(7, reconciled(), outcome);
    QVERIFY(!write.snapshot.has_value());
    QVERIFY(write.newEvents.isEmpty());
    QCOMPARE(write.lastError, u"timeout"_s);
    QCOMPARE(write.nextTraceAt, utc(11));
}

QTEST_GUILESS_MAIN(TestTraceWrite)
#include "tst_tracewrite.moc"
