#include "schedulepolicy.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// The schedule decides how hard providers are hit and how fast a coordinator sees a change; each
// rule of the table and its order are pinned here.
class TestSchedulePolicy final : public QObject
{
    Q_OBJECT

private slots:
    void tableIsWellFormed();
    void rules_data();
    void rules();
    void afterError_data();
    void afterError();
};

namespace {
const QDateTime now = QDateTime(QDate(2024, 5, 2), QTime(10, 0), Qt::UTC);

WatchEntry entryWith(ContainerStatus status, TraceState state = TraceState::Active)
{
    WatchEntry entry;
    entry.containerNumber = u"CSQU3054383"_s;
    entry.traceState = state;
    entry.snapshot.status = status;
    return entry;
}

WatchEntry onVesselWithEta(qint64 secondsFromNow)
{
    WatchEntry entry = entryWith(ContainerStatus::OnVessel);
    entry.snapshot.vesselName = u"MSC AURORA"_s;
    entry.snapshot.vesselEta = now.addSecs(secondsFromNow);
    return entry;
}

WatchEntry held(ContainerStatus status)
{
    WatchEntry entry = entryWith(status);
    entry.snapshot.holds = {Hold{HoldType::Customs, u"Customs Hold"_s, {}}};
    return entry;
}

constexpr qint64 minutes = 60;
constexpr qint64 hours = 3600;
constexpr qint64 noTrace = -1;
} // namespace

void TestSchedulePolicy::tableIsWellFormed()
{
    const QList<ScheduleRule> &rules = SchedulePolicy::rules();
    QCOMPARE(rules.size(), 9);
    QSet<QString> names;
    for (const ScheduleRule &rule : rules) {
        QVERIFY(!rule.name.isEmpty());
        QVERIFY(!rule.description.isEmpty());
        QVERIFY2(!names.contains(rule.name), qPrintable(rule.name));
        names.insert(rule.name);
        if (rule.intervalSeconds)
            QVERIFY(*rule.intervalSeconds >= 15 * minutes);
    }
    QCOMPARE(&SchedulePolicy::rules(), &rules); // one table, not a copy per call
}

void TestSchedulePolicy::rules_data()
{
    QTest::addColumn<WatchEntry>("entry");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<qint64>("interval");

    QTest::newRow("cancelled") << entryWith(ContainerStatus::Available, TraceState::Cancelled) << u"trace_finished"_s
                               << noTrace;
    QTest::newRow("expired") << entryWith(ContainerStatus::OnVessel, TraceState::Expired) << u"trace_finished"_s
                             << noTrace;
    QTest::newRow("completed") << entryWith(ContainerStatus::Unknown, TraceState::Completed) << u"trace_finished"_s
                               << noTrace;
    QTest::newRow("empty returned") << entryWith(ContainerStatus::EmptyReturned) << u"empty_returned"_s << noTrace;
    QTest::newRow("outgated") << entryWith(ContainerStatus::Outgated) << u"outgated"_s << 4 * hours;
    QTest::newRow("outgated with stale hold") << held(ContainerStatus::Outgated) << u"outgated"_s << 4 * hours;
    QTest::newRow("held in yard") << held(ContainerStatus::NotAvailable) << u"held"_s << 15 * minutes;
    QTest::newRow("held on vessel") << held(ContainerStatus::OnVessel) << u"held"_s << 15 * minutes;
    QTest::newRow("available") << entryWith(ContainerStatus::Available) << u"in_yard"_s << 15 * minutes;
    QTest::newRow("not available") << entryWith(ContainerStatus::NotAvailable) << u"in_yard"_s << 15 * minutes;
    QTest::newRow("discharged") << entryWith(ContainerStatus::Discharged) << u"in_yard"_s << 15 * minutes;
    QTest::newRow("eta in 47 h") << onVesselWithEta(47 * hours) << u"eta_within_48h"_s << 15 * minutes;
    QTest::newRow("eta in exactly 48 h") << onVesselWithEta(48 * hours) << u"eta_within_48h"_s << 15 * minutes;
    QTest::newRow("eta passed, no arrival yet") << onVesselWithEta(-3 * hours) << u"eta_within_48h"_s << 15 * minutes;
    QTest::newRow("eta in 49 h") << onVesselWithEta(49 * hours) << u"on_vessel"_s << 12 * hours;
    WatchEntry noEta = entryWith(ContainerStatus::OnVessel);
    noEta.snapshot.vesselName = u"MSC AURORA"_s;
    QTest::newRow("on vessel, eta unknown") << noEta << u"on_vessel"_s << 12 * hours;
    QTest::newRow("not found") << entryWith(ContainerStatus::NotFound) << u"not_found"_s << 6 * hours;
    QTest::newRow("never traced") << entryWith(ContainerStatus::Unknown) << u"unknown"_s << 1 * hours;
}

void TestSchedulePolicy::rules()
{
    QFETCH(WatchEntry, entry);
    QFETCH(QString, rule);
    QFETCH(qint64, interval);

    const ScheduleRule &applied = SchedulePolicy::ruleFor(entry, now);
    QCOMPARE(applied.name, rule);
    const QDateTime next = SchedulePolicy::nextTraceAt(entry, now);
    if (interval == noTrace) {
        QVERIFY(!applied.intervalSeconds.has_value());
        QVERIFY(!next.isValid());
        QVERIFY(!SchedulePolicy::nextTraceAfterError(entry, now).isValid());
    } else {
        QCOMPARE(applied.intervalSeconds.value_or(noTrace), interval);
        QCOMPARE(next, now.addSecs(interval));
        QCOMPARE(next.timeSpec(), Qt::UTC);
    }
    bool listed = false;
    for (const ScheduleRule &candidate : SchedulePolicy::rules())
        listed = listed || candidate.name == rule;
    QVERIFY(listed);
}

void TestSchedulePolicy::afterError_data()
{
    QTest::addColumn<WatchEntry>("entry");
    QTest::addColumn<qint64>("delay");

    QTest::newRow("15 min rule stays 15 min") << entryWith(ContainerStatus::Available) << 15 * minutes;
    QTest::newRow("1 h rule capped at 30 min") << entryWith(ContainerStatus::Unknown) << 30 * minutes;
    QTest::newRow("12 h rule capped at 30 min") << onVesselWithEta(100 * hours) << 30 * minutes;
    QTest::newRow("4 h rule capped at 30 min") << entryWith(ContainerStatus::Outgated) << 30 * minutes;
}

void TestSchedulePolicy::afterError()
{
    QFETCH(WatchEntry, entry);
    QFETCH(qint64, delay);

    const QDateTime next = SchedulePolicy::nextTraceAfterError(entry, now);
    QCOMPARE(now.secsTo(next), delay);
    QVERIFY(delay >= 5 * minutes);
    QVERIFY(next <= SchedulePolicy::nextTraceAt(entry, now));
}

QTEST_APPLESS_MAIN(TestSchedulePolicy)
#include "tst_schedulepolicy.moc"
