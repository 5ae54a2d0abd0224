#include "reconciler.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

// The reconciler decides which facts become events; a missed transition hides a hold or an LFD
// from a coordinator, and a spurious one floods the history. Every transition and the dedupe rules
// are pinned here.
class TestReconciler final : public QObject
{
    Q_OBJECT

private:
    static void addTransitionColumns();
    static void verifyTransition();

private slots:
    void availability_data();
    void availability();
    void vessel_data();
    void vessel();
    void holds_data();
    void holds();
    void lfd_data();
    void lfd();
    void gate_data();
    void gate();
    void notFoundAndPlain_data();
    void notFoundAndPlain();
    void eventCarriesObservationContext();
    void sameObservationTwice_data();
    void sameObservationTwice();
    void dedupeKeyObservedAt_data();
    void dedupeKeyObservedAt();
    void duplicateFactInOneBatch();
    void holdAddedThenReleased();
    void lateRevocationDoesNotUndoRelease();
    void lateReleaseDoesNotUndoRevocation();
    void lateAvailabilityChangeDoesNotUndoNewer();
    void lfdTerminalVersusLine();
    void lfdRecordedWhileHeld();
    void statusPrecedence_data();
    void statusPrecedence();
    void notFoundThenFound();
    void blankTimesDoNotErase();
};

namespace {
const QString number = u"CSQU3054383"_s;
constexpr qint64 containerId = 42;

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

Observation observation(const QString &observedAt = u"2024-05-02T10:00:00Z"_s)
{
    Observation o;
    o.containerNumber = number;
    o.source = u"ports_america/WBCT_LA"_s;
    o.observedAt = utc(observedAt);
    return o;
}

QStringList codesOf(const QList<Event> &events)
{
    QStringList codes;
    for (const Event &event : events)
        codes.append(eventCodeName(event.code));
    return codes;
}

Reconciliation reconcileOne(const ContainerSnapshot &current, const Observation &o)
{
    return Reconciler::reconcile(containerId, number, current, {o});
}

const Hold customs{HoldType::Customs, u"Customs Hold"_s, {}};
const Hold lineHold{HoldType::Line, u"Line Hold"_s, {}};

// Shared by the transition tables: no provider time, two provider times, nothing known yet.
const QDateTime none;
const QDateTime t1 = utc(u"2024-05-01T08:00:00Z"_s);
const QDateTime t2 = utc(u"2024-05-01T20:00:00Z"_s);
const ContainerSnapshot empty;
} // namespace

void TestReconciler::addTransitionColumns()
{
    QTest::addColumn<ContainerSnapshot>("current");
    QTest::addColumn<Observation>("observed");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QDateTime>("occurredAt");
    QTest::addColumn<QJsonObject>("data");
}

void TestReconciler::availability_data()
{
    addTransitionColumns();
    Observation o = observation();
    ContainerSnapshot isAvailable;
    isAvailable.available = true;
    ContainerSnapshot notAvailable;
    notAvailable.available = false;
    o.available = true;
    QTest::newRow("available unset to true") << empty << o << QStringList{u"AVAILABLE"_s} << none << QJsonObject();
    QTest::newRow("available false to true")
        << notAvailable << o << QStringList{u"AVAILABLE"_s} << none << QJsonObject();
    QTest::newRow("available true stays") << isAvailable << o << QStringList() << none << QJsonObject();
    o.available = false;
    QTest::newRow("available unset to false") << empty << o << QStringList{u"NOT_AVAILABLE"_s} << none << QJsonObject();
    QTest::newRow("available true to false")
        << isAvailable << o << QStringList{u"NOT_AVAILABLE"_s} << none << QJsonObject();
    QTest::newRow("available false stays") << notAvailable << o << QStringList() << none << QJsonObject();
}

void TestReconciler::availability()
{
    verifyTransition();
}

void TestReconciler::vessel_data()
{
    addTransitionColumns();
    Observation o = observation();
    o.vesselEta = t1;
    ContainerSnapshot withEta;
    withEta.vesselEta = t2;
    QTest::newRow("eta first seen") << empty << o << QStringList{u"VESSEL_ETA"_s} << none
                                    << QJsonObject{{u"eta"_s, u"2024-05-01T08:00:00Z"_s}};
    QTest::newRow("eta changed") << withEta << o << QStringList{u"VESSEL_ETA"_s} << none
                                 << QJsonObject{{u"eta"_s, u"2024-05-01T08:00:00Z"_s}};
    withEta.vesselEta = t1;
    QTest::newRow("eta same") << withEta << o << QStringList() << none << QJsonObject();

    o = observation();
    o.vesselAta = t1;
    ContainerSnapshot arrived;
    arrived.vesselAta = t2;
    QTest::newRow("ata newly set") << empty << o << QStringList{u"VESSEL_ARRIVED"_s} << t1 << QJsonObject();
    QTest::newRow("ata corrected silently") << arrived << o << QStringList() << none << QJsonObject();

    o = observation();
    o.dischargedAt = t1;
    ContainerSnapshot discharged;
    discharged.dischargedAt = t2;
    QTest::newRow("discharged set") << empty << o << QStringList{u"DISCHARGED"_s} << t1 << QJsonObject();
    QTest::newRow("discharged changed") << discharged << o << QStringList{u"DISCHARGED"_s} << t1 << QJsonObject();
    discharged.dischargedAt = t1;
    QTest::newRow("discharged same") << discharged << o << QStringList() << none << QJsonObject();
}

void TestReconciler::vessel()
{
    verifyTransition();
}

void TestReconciler::holds_data()
{
    addTransitionColumns();
    Observation o = observation();
    const QJsonObject customsData{{u"type"_s, u"CUSTOMS"_s}, {u"source_code"_s, u"Customs Hold"_s}};
    ContainerSnapshot held;
    held.holds = {Hold{HoldType::Customs, u"Customs Hold"_s, t1}};
    o = observation();
    o.holds = QList<Hold>{customs};
    QTest::newRow("hold added") << empty << o << QStringList{u"HOLD_ADDED"_s} << none << customsData;
    QTest::newRow("hold still there") << held << o << QStringList() << none << QJsonObject();
    o.holds = QList<Hold>{};
    QTest::newRow("hold released") << held << o << QStringList{u"HOLD_RELEASED"_s} << none << customsData;
    o.holds = std::nullopt;
    QTest::newRow("no hold information") << held << o << QStringList() << none << QJsonObject();
    o.holds = QList<Hold>{Hold{HoldType::Customs, u"CUSTOMS"_s, {}}};
    QTest::newRow("same type other source code")
        << held << o << QStringList{u"HOLD_ADDED"_s, u"HOLD_RELEASED"_s} << none
        << QJsonObject{{u"type"_s, u"CUSTOMS"_s}, {u"source_code"_s, u"CUSTOMS"_s}};
}

void TestReconciler::holds()
{
    verifyTransition();
}

void TestReconciler::lfd_data()
{
    addTransitionColumns();
    Observation o = observation();
    ContainerSnapshot withLfd;
    withLfd.lfdTerminal = QDate(2024, 5, 6);
    withLfd.lfdLine = QDate(2024, 5, 8);
    o = observation();
    o.lfdTerminal = QDate(2024, 5, 7);
    QTest::newRow("terminal lfd first seen")
        << empty << o << QStringList{u"LFD_CHANGED"_s} << none
        << QJsonObject{{u"kind"_s, u"terminal"_s}, {u"lfd"_s, u"2024-05-07"_s}, {u"previous"_s, QJsonValue::Null}};
    QTest::newRow("terminal lfd changed")
        << withLfd << o << QStringList{u"LFD_CHANGED"_s} << none
        << QJsonObject{{u"kind"_s, u"terminal"_s}, {u"lfd"_s, u"2024-05-07"_s}, {u"previous"_s, u"2024-05-06"_s}};
    o = observation();
    o.lfdLine = QDate(2024, 5, 5);
    QTest::newRow("line lfd changed") << withLfd << o << QStringList{u"LFD_CHANGED"_s} << none
                                      << QJsonObject{{u"kind"_s, u"line"_s},
                                                     {u"lfd"_s, u"2024-05-05"_s},
                                                     {u"previous"_s, u"2024-05-08"_s}};
    o.lfdLine = QDate(2024, 5, 8);
    QTest::newRow("line lfd same") << withLfd << o << QStringList() << none << QJsonObject();
}

void TestReconciler::lfd()
{
    verifyTransition();
}

void TestReconciler::gate_data()
{
    addTransitionColumns();
    Observation o = observation();
    o.pickupAppointmentAt = t2;
    QTest::newRow("pickup appointment") << empty << o << QStringList{u"PICKUP_APPOINTMENT"_s} << none
                                        << QJsonObject{{u"appointment_at"_s, u"2024-05-01T20:00:00Z"_s}};

    o = observation();
    o.outgatedAt = t2;
    o.chassisNumber = u"TRLU123456"_s;
    o.outgateTrucker = u"PFCH"_s;
    QTest::newRow("outgated") << empty << o << QStringList{u"OUTGATED"_s} << t2
                              << QJsonObject{{u"chassis_number"_s, u"TRLU123456"_s}, {u"trucker"_s, u"PFCH"_s}};
    o.chassisNumber.reset();
    o.outgateTrucker.reset();
    QTest::newRow("outgated without trucker")
        << empty << o << QStringList{u"OUTGATED"_s} << t2
        << QJsonObject{{u"chassis_number"_s, QJsonValue::Null}, {u"trucker"_s, QJsonValue::Null}};

    o = observation();
    o.emptyReturnedAt = t2;
    QTest::newRow("empty returned") << empty << o << QStringList{u"EMPTY_RETURNED"_s} << t2 << QJsonObject();
}

void TestReconciler::gate()
{
    verifyTransition();
}

void TestReconciler::notFoundAndPlain_data()
{
    addTransitionColumns();
    Observation o = observation();
    o.notFound = true;
    ContainerSnapshot missing;
    missing.notFound = true;
    QTest::newRow("not found") << empty << o << QStringList{u"NOT_FOUND"_s} << none << QJsonObject();
    QTest::newRow("still not found") << missing << o << QStringList() << none << QJsonObject();

    o = observation();
    o.vesselName = u"MSC AURORA"_s;
    o.voyage = u"FE412W"_s;
    o.location = u"R12"_s;
    o.locationLot = u"Yard"_s;
    o.demurrageAmount = 120.0;
    o.sizeType = SizeType{u"40"_s, u"96"_s, u"45G1"_s};
    o.grossWeight = 20000.0;
    o.hazardous = false;
    o.lineScac = u"MSCU"_s;
    QTest::newRow("plain fields are silent") << empty << o << QStringList() << none << QJsonObject();

    o = observation();
    o.milestones = {ObservedMilestone{EventCode::Released, u"Released"_s, t1, QJsonObject{{u"released"_s, true}}}};
    QTest::newRow("milestone as given") << empty << o << QStringList{u"RELEASED"_s} << t1
                                        << QJsonObject{{u"released"_s, true}};
}

void TestReconciler::notFoundAndPlain()
{
    verifyTransition();
}

void TestReconciler::verifyTransition()
{
    QFETCH(ContainerSnapshot, current);
    QFETCH(Observation, observed);
    QFETCH(QStringList, codes);
    QFETCH(QDateTime, occurredAt);
    QFETCH(QJsonObject, data);

    const Reconciliation result = reconcileOne(current, observed);
    QCOMPARE(codesOf(result.newEvents), codes);
    if (!codes.isEmpty()) {
        const Event &first = result.newEvents.constFirst();
        QCOMPARE(first.occurredAt.isValid(), occurredAt.isValid());
        if (occurredAt.isValid())
            QCOMPARE(first.occurredAt, occurredAt);
        QCOMPARE(first.data, data);
        QCOMPARE(first.dedupeKey.size(), 40);
    }
    QCOMPARE(result.snapshot.status, result.snapshot.deriveStatus());
    QCOMPARE(result.changed, result.snapshot != current);
    // Applying the result again changes nothing and yields no transition.
    const Reconciliation again = reconcileOne(result.snapshot, observed);
    QCOMPARE(again.snapshot, result.snapshot);
    QVERIFY(!again.changed);
}

void TestReconciler::eventCarriesObservationContext()
{
    Observation o = observation();
    o.available = true;
    o.providerCodes.insert(EventCode::Available, u"Arrived"_s);
    o.eventLocation = EventLocation{u"WBCT_LA"_s, u"Terminal"_s, u"Yard"_s};
    o.raw = QJsonObject{{u"container_number"_s, number}, {u"available"_s, true}};
    o.milestones = {ObservedMilestone{EventCode::Released, u"Released"_s, {}, {}}};

    const Reconciliation result = reconcileOne(ContainerSnapshot(), o);
    QCOMPARE(result.newEvents.size(), 2);
    const Event &available = result.newEvents.at(0);
    QCOMPARE(available.id, 0);
    QCOMPARE(available.containerId, containerId);
    QCOMPARE(available.code, EventCode::Available);
    QCOMPARE(available.providerCode, u"Arrived"_s);
    QVERIFY(!available.occurredAt.isValid());
    QCOMPARE(available.observedAt, o.observedAt);
    QCOMPARE(available.location, o.eventLocation);
    QCOMPARE(available.source, u"ports_america/WBCT_LA"_s);
    QCOMPARE(available.raw, o.raw);
    QCOMPARE(available.dedupeKey, Reconciler::dedupeKey(number, available, true));

    const Event &released = result.newEvents.at(1);
    QCOMPARE(released.providerCode, u"Released"_s);
    QVERIFY(!released.occurredAt.isValid());
    QCOMPARE(released.dedupeKey, Reconciler::dedupeKey(number, released, false));
    QVERIFY(released.dedupeKey != available.dedupeKey);
    QVERIFY(result.changed);
    QCOMPARE(result.snapshot.status, ContainerStatus::Available);
}

void TestReconciler::sameObservationTwice_data()
{
    QTest::addColumn<Observation>("observed");

    Observation full = observation();
    full.vesselName = u"MSC AURORA"_s;
    full.vesselEta = utc(u"2024-05-01T08:00:00Z"_s);
    full.vesselAta = utc(u"2024-05-01T09:00:00Z"_s);
    full.dischargedAt = utc(u"2024-05-01T12:00:00Z"_s);
    full.available = false;
    full.holds = QList<Hold>{customs, lineHold};
    full.lfdTerminal = QDate(2024, 5, 6);
    full.lfdLine = QDate(2024, 5, 7);
    full.pickupAppointmentAt = utc(u"2024-05-03T08:00:00Z"_s);
    QTest::newRow("in yard, held") << full;
    Observation gone = observation();
    gone.outgatedAt = utc(u"2024-05-04T08:00:00Z"_s);
    gone.emptyReturnedAt = utc(u"2024-05-08T08:00:00Z"_s);
    gone.holds = QList<Hold>{};
    QTest::newRow("outgated and returned") << gone;
    Observation missing = observation();
    missing.notFound = true;
    QTest::newRow("not found") << missing;
}

void TestReconciler::sameObservationTwice()
{
    QFETCH(Observation, observed);

    const Reconciliation first = reconcileOne(ContainerSnapshot(), observed);
    QVERIFY(!first.newEvents.isEmpty());
    QVERIFY(first.changed);
    Observation later = observed;
    later.observedAt = observed.observedAt.addSecs(900);
    const Reconciliation second = reconcileOne(first.snapshot, later);
    QCOMPARE(second.newEvents, QList<Event>());
    QVERIFY(!second.changed);
    QCOMPARE(second.snapshot, first.snapshot);
}

void TestReconciler::dedupeKeyObservedAt_data()
{
    QTest::addColumn<Observation>("observed");
    QTest::addColumn<bool>("sameKeyLater");

    Observation o = observation();
    o.available = true;
    QTest::newRow("AVAILABLE is keyed by observation time") << o << false;
    o = observation();
    o.lfdLine = QDate(2024, 5, 9);
    QTest::newRow("LFD_CHANGED is keyed by observation time") << o << false;
    o = observation();
    o.notFound = true;
    QTest::newRow("NOT_FOUND is keyed by observation time") << o << false;
    o = observation();
    o.dischargedAt = utc(u"2024-05-01T12:00:00Z"_s);
    QTest::newRow("DISCHARGED is keyed by its own time") << o << true;
    o = observation();
    o.vesselAta = utc(u"2024-05-01T12:00:00Z"_s);
    QTest::newRow("VESSEL_ARRIVED is keyed by its own time") << o << true;
    o = observation();
    o.milestones = {ObservedMilestone{EventCode::Released, u"Released"_s, {}, {}}};
    QTest::newRow("timeless milestone ignores observation time") << o << true;
}

void TestReconciler::dedupeKeyObservedAt()
{
    QFETCH(Observation, observed);
    QFETCH(bool, sameKeyLater);

    Observation later = observed;
    later.observedAt = observed.observedAt.addDays(1);
    const Reconciliation first = reconcileOne(ContainerSnapshot(), observed);
    const Reconciliation second = reconcileOne(ContainerSnapshot(), later);
    QCOMPARE(first.newEvents.size(), 1);
    QCOMPARE(second.newEvents.size(), 1);
    QCOMPARE(first.newEvents.at(0).dedupeKey == second.newEvents.at(0).dedupeKey, sameKeyLater);

    // The key depends on the container number too.
    const Reconciliation other = Reconciler::reconcile(containerId, u"MSCU1234566"_s, ContainerSnapshot(), {observed});
    QVERIFY(other.newEvents.at(0).dedupeKey != first.newEvents.at(0).dedupeKey);
}

void TestReconciler::duplicateFactInOneBatch()
{
    Observation o = observation();
    o.milestones = {ObservedMilestone{EventCode::Released, u"Released"_s, {}, {}}};
    Observation again = o;
    again.observedAt = o.observedAt.addSecs(60);
    const Reconciliation result = Reconciler::reconcile(containerId, number, ContainerSnapshot(), {o, again});
    QCOMPARE(codesOf(result.newEvents), QStringList{u"RELEASED"_s});
}

void TestReconciler::holdAddedThenReleased()
{
    Observation added = observation(u"2024-05-02T10:00:00Z"_s);
    added.holds = QList<Hold>{customs, lineHold};
    Observation partly = observation(u"2024-05-02T11:00:00Z"_s);
    partly.holds = QList<Hold>{lineHold};
    Observation released = observation(u"2024-05-02T12:00:00Z"_s);
    released.holds = QList<Hold>{};

    const Reconciliation first = reconcileOne(ContainerSnapshot(), added);
    QCOMPARE(codesOf(first.newEvents), (QStringList{u"HOLD_ADDED"_s, u"HOLD_ADDED"_s}));
    QCOMPARE(first.snapshot.holds.size(), 2);
    QCOMPARE(first.snapshot.holds.at(0).since, added.observedAt);

    const Reconciliation second = reconcileOne(first.snapshot, partly);
    QCOMPARE(codesOf(second.newEvents), QStringList{u"HOLD_RELEASED"_s});
    QCOMPARE(second.newEvents.at(0).data.value(u"type"_s).toString(), u"CUSTOMS"_s);
    QCOMPARE(second.snapshot.holds.size(), 1);
    QCOMPARE(second.snapshot.holds.at(0).type, HoldType::Line);
    QCOMPARE(second.snapshot.holds.at(0).since, added.observedAt); // first seen, not last seen

    const Reconciliation third = reconcileOne(second.snapshot, released);
    QCOMPARE(codesOf(third.newEvents), QStringList{u"HOLD_RELEASED"_s});
    QVERIFY(third.snapshot.holds.isEmpty());

    // The same story in one batch gives the same events.
    const Reconciliation batch =
        Reconciler::reconcile(containerId, number, ContainerSnapshot(), {added, partly, released});
    QCOMPARE(codesOf(batch.newEvents),
             (QStringList{u"HOLD_ADDED"_s, u"HOLD_ADDED"_s, u"HOLD_RELEASED"_s, u"HOLD_RELEASED"_s}));
    QCOMPARE(batch.snapshot, third.snapshot);
}

namespace {
ObservedHoldChange customsChange(bool placed, const QString &at)
{
    return ObservedHoldChange{Hold{HoldType::Customs, u"CUSTOMS"_s, {}},
                              placed,
                              placed ? u"CUSTOMSRELEASECANCELLED"_s : u"CUSTOMSRELEASE"_s,
                              utc(at),
                              {}};
}

Observation withChange(const ObservedHoldChange &change, const QString &arrivedAt)
{
    Observation o = observation(arrivedAt);
    o.holdChanges = {change};
    return o;
}
} // namespace

// Callbacks are sent again when a receiver fails and may arrive in any order: a revocation from 09:00
// that arrives after the 10:00 release must not put the released hold back. Both are logged.
void TestReconciler::lateRevocationDoesNotUndoRelease()
{
    const Observation placedFirst =
        withChange(customsChange(true, u"2024-05-02T08:00:00Z"_s), u"2024-05-02T08:01:00Z"_s);
    const Observation released = withChange(customsChange(false, u"2024-05-02T10:00:00Z"_s), u"2024-05-02T10:01:00Z"_s);
    const Observation lateRevocation =
        withChange(customsChange(true, u"2024-05-02T09:00:00Z"_s), u"2024-05-02T11:00:00Z"_s);

    const Reconciliation first =
        Reconciler::reconcile(containerId, number, ContainerSnapshot(), {placedFirst, released});
    QVERIFY(first.snapshot.holds.isEmpty());
    QCOMPARE(first.snapshot.stateChangedAt.value(u"hold:CUSTOMS:CUSTOMS"_s), utc(u"2024-05-02T10:00:00Z"_s));

    const Reconciliation late = reconcileOne(first.snapshot, lateRevocation);
    QVERIFY2(late.snapshot.holds.isEmpty(), "a late revocation put a released hold back");
    QCOMPARE(codesOf(late.newEvents), QStringList{u"HOLD_ADDED"_s}); // logged at its own time
    QCOMPARE(late.newEvents.first().occurredAt, utc(u"2024-05-02T09:00:00Z"_s));
    QCOMPARE(late.snapshot.stateChangedAt.value(u"hold:CUSTOMS:CUSTOMS"_s), utc(u"2024-05-02T10:00:00Z"_s));
    QCOMPARE(late.snapshot.status, first.snapshot.status);

    // A revocation newer than the release still applies.
    const Observation newer = withChange(customsChange(true, u"2024-05-02T12:00:00Z"_s), u"2024-05-02T12:01:00Z"_s);
    const Reconciliation revoked = reconcileOne(late.snapshot, newer);
    QCOMPARE(revoked.snapshot.holds.size(), 1);
    QCOMPARE(revoked.snapshot.holds.first().since, utc(u"2024-05-02T12:00:00Z"_s));

    // The same callbacks in any order end in the same state.
    const Reconciliation shuffled =
        Reconciler::reconcile(containerId, number, ContainerSnapshot(), {newer, lateRevocation, released, placedFirst});
    QCOMPARE(shuffled.snapshot.holds, revoked.snapshot.holds);
}

void TestReconciler::lateReleaseDoesNotUndoRevocation()
{
    const Observation revocation =
        withChange(customsChange(true, u"2024-05-02T10:00:00Z"_s), u"2024-05-02T10:01:00Z"_s);
    const Observation lateRelease =
        withChange(customsChange(false, u"2024-05-02T09:00:00Z"_s), u"2024-05-02T11:00:00Z"_s);
    const Reconciliation result =
        Reconciler::reconcile(containerId, number, ContainerSnapshot(), {revocation, lateRelease});
    QCOMPARE(result.snapshot.holds.size(), 1);
    QCOMPARE(codesOf(result.newEvents), (QStringList{u"HOLD_ADDED"_s, u"HOLD_RELEASED"_s}));
}

void TestReconciler::lateAvailabilityChangeDoesNotUndoNewer()
{
    Observation available = observation(u"2024-05-02T10:01:00Z"_s);
    available.available = true;
    available.availableAt = utc(u"2024-05-02T10:00:00Z"_s);
    Observation lateCancel = observation(u"2024-05-02T11:00:00Z"_s);
    lateCancel.available = false;
    lateCancel.availableAt = utc(u"2024-05-02T09:00:00Z"_s);

    const Reconciliation first = reconcileOne(ContainerSnapshot(), available);
    QCOMPARE(first.snapshot.available, std::optional<bool>(true));
    const Reconciliation late = reconcileOne(first.snapshot, lateCancel);
    QCOMPARE(late.snapshot.available, std::optional<bool>(true));
    QCOMPARE(late.snapshot.status, first.snapshot.status);
    QCOMPARE(codesOf(late.newEvents), QStringList{u"NOT_AVAILABLE"_s});
    QCOMPARE(late.newEvents.first().occurredAt, utc(u"2024-05-02T09:00:00Z"_s));

    // In order, the cancellation applies; a replay of it adds nothing.
    Observation cancel = lateCancel;
    cancel.availableAt = utc(u"2024-05-02T10:30:00Z"_s);
    const Reconciliation cancelled = reconcileOne(first.snapshot, cancel);
    QCOMPARE(cancelled.snapshot.available, std::optional<bool>(false));
    Observation replay = cancel;
    replay.observedAt = cancel.observedAt.addSecs(600);
    const Reconciliation replayed =
        Reconciler::reconcile(containerId, number, ContainerSnapshot(), {available, cancel, replay});
    QCOMPARE(codesOf(replayed.newEvents), (QStringList{u"AVAILABLE"_s, u"NOT_AVAILABLE"_s}));
    QCOMPARE(replayed.snapshot.available, std::optional<bool>(false));
}

void TestReconciler::lfdTerminalVersusLine()
{
    Observation terminal = observation(u"2024-05-02T10:00:00Z"_s);
    terminal.lfdTerminal = QDate(2024, 5, 8);
    Observation line = observation(u"2024-05-02T11:00:00Z"_s);
    line.lfdLine = QDate(2024, 5, 6);
    Observation terminalEarlier = observation(u"2024-05-03T11:00:00Z"_s);
    terminalEarlier.lfdTerminal = QDate(2024, 5, 5);

    const Reconciliation result =
        Reconciler::reconcile(containerId, number, ContainerSnapshot(), {terminal, line, terminalEarlier});
    QCOMPARE(result.newEvents.size(), 3);
    QCOMPARE(result.newEvents.at(0).data.value(u"kind"_s).toString(), u"terminal"_s);
    QCOMPARE(result.newEvents.at(1).data.value(u"kind"_s).toString(), u"line"_s);
    QCOMPARE(result.newEvents.at(2).data.value(u"previous"_s).toString(), u"2024-05-08"_s);
    QCOMPARE(result.snapshot.lfdTerminal, QDate(2024, 5, 5));
    QCOMPARE(result.snapshot.lfdLine, QDate(2024, 5, 6));
    QCOMPARE(result.snapshot.lfd(), QDate(2024, 5, 5));

    const Reconciliation partial = Reconciler::reconcile(containerId, number, ContainerSnapshot(), {terminal, line});
    QCOMPARE(partial.snapshot.lfd(), QDate(2024, 5, 6));
}

void TestReconciler::lfdRecordedWhileHeld()
{
    Observation o = observation();
    o.available = false;
    o.holds = QList<Hold>{Hold{HoldType::Demurrage, u"Demurrage Hold"_s, {}}};
    o.lfdTerminal = QDate(2024, 5, 6);

    const Reconciliation result = reconcileOne(ContainerSnapshot(), o);
    QCOMPARE(codesOf(result.newEvents), (QStringList{u"NOT_AVAILABLE"_s, u"HOLD_ADDED"_s, u"LFD_CHANGED"_s}));
    QCOMPARE(result.snapshot.lfdTerminal, QDate(2024, 5, 6));
    QCOMPARE(result.snapshot.lfd(), QDate(2024, 5, 6));
    QCOMPARE(result.snapshot.holds.size(), 1);
}

void TestReconciler::statusPrecedence_data()
{
    QTest::addColumn<QList<Observation>>("observations");
    QTest::addColumn<QString>("status");

    const QDateTime t = utc(u"2024-05-01T08:00:00Z"_s);
    QTest::newRow("nothing observed") << QList<Observation>() << u"unknown"_s;
    Observation o = observation();
    QTest::newRow("empty observation") << QList<Observation>{o} << u"unknown"_s;
    o.notFound = true;
    QTest::newRow("not found") << QList<Observation>{o} << u"not_found"_s;
    o = observation();
    o.vesselEta = t;
    QTest::newRow("on vessel") << QList<Observation>{o} << u"on_vessel"_s;
    o.dischargedAt = t;
    QTest::newRow("discharged") << QList<Observation>{o} << u"discharged"_s;
    o.available = false;
    QTest::newRow("not available") << QList<Observation>{o} << u"not_available"_s;
    o.available = true;
    QTest::newRow("available") << QList<Observation>{o} << u"available"_s;
    o.outgatedAt = t.addDays(2);
    QTest::newRow("outgated") << QList<Observation>{o} << u"outgated"_s;
    o.emptyReturnedAt = t.addDays(4);
    QTest::newRow("empty returned") << QList<Observation>{o} << u"empty_returned"_s;
    Observation missing = observation(u"2024-05-09T10:00:00Z"_s);
    missing.notFound = true;
    QTest::newRow("not found after return keeps empty_returned")
        << QList<Observation>{o, missing} << u"empty_returned"_s;
}

void TestReconciler::statusPrecedence()
{
    QFETCH(QList<Observation>, observations);
    QFETCH(QString, status);

    const Reconciliation result = Reconciler::reconcile(containerId, number, ContainerSnapshot(), observations);
    QCOMPARE(containerStatusName(result.snapshot.status), status);
}

void TestReconciler::notFoundThenFound()
{
    ContainerSnapshot known;
    known.vesselName = u"MSC AURORA"_s;
    known.lfdTerminal = QDate(2024, 5, 6);
    known.status = known.deriveStatus();

    Observation missing = observation(u"2024-05-02T10:00:00Z"_s);
    missing.notFound = true;
    const Reconciliation lost = reconcileOne(known, missing);
    QCOMPARE(codesOf(lost.newEvents), QStringList{u"NOT_FOUND"_s});
    QVERIFY(lost.snapshot.notFound);
    QCOMPARE(lost.snapshot.vesselName, u"MSC AURORA"_s);
    QCOMPARE(lost.snapshot.lfdTerminal, QDate(2024, 5, 6));
    QVERIFY(lost.changed);

    Observation found = observation(u"2024-05-02T11:00:00Z"_s);
    found.available = true;
    const Reconciliation back = reconcileOne(lost.snapshot, found);
    QCOMPARE(codesOf(back.newEvents), QStringList{u"AVAILABLE"_s});
    QVERIFY(!back.snapshot.notFound);
    QCOMPARE(back.snapshot.status, ContainerStatus::Available);

    // Lost again later: a new NOT_FOUND, with a different key than the first one.
    Observation missingAgain = observation(u"2024-05-03T11:00:00Z"_s);
    missingAgain.notFound = true;
    const Reconciliation lostAgain = reconcileOne(back.snapshot, missingAgain);
    QCOMPARE(codesOf(lostAgain.newEvents), QStringList{u"NOT_FOUND"_s});
    QVERIFY(lostAgain.newEvents.at(0).dedupeKey != lost.newEvents.at(0).dedupeKey);

    // From nothing known: not found, then found with no field yet.
    const Reconciliation unknownLost = reconcileOne(ContainerSnapshot(), missing);
    QCOMPARE(unknownLost.snapshot.status, ContainerStatus::NotFound);
    const Reconciliation unknownFound = reconcileOne(unknownLost.snapshot, observation(u"2024-05-02T11:00:00Z"_s));
    QVERIFY(unknownFound.newEvents.isEmpty());
    QCOMPARE(unknownFound.snapshot.status, ContainerStatus::Unknown);
    QVERIFY(unknownFound.changed);
}

void TestReconciler::blankTimesDoNotErase()
{
    ContainerSnapshot known;
    known.vesselEta = utc(u"2024-05-01T08:00:00Z"_s);
    known.dischargedAt = utc(u"2024-05-01T12:00:00Z"_s);
    known.lfdLine = QDate(2024, 5, 6);
    known.status = known.deriveStatus();

    Observation o = observation();
    o.vesselEta = QDateTime();
    o.dischargedAt = QDateTime();
    o.lfdLine = QDate();
    const Reconciliation result = reconcileOne(known, o);
    QVERIFY(result.newEvents.isEmpty());
    QCOMPARE(result.snapshot, known);
    QVERIFY(!result.changed);
}

QTEST_APPLESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
