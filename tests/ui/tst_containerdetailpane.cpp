// The detail card as a coordinator reads it: for a seeded container on the fixture's fixed clock, the
// visible texts of every field (status in words, holds with since, both LFDs with the effective one
// marked, demurrage, vessel, appointment, outgate), times in the site's zone with its offset, the
// timeline in plain language under QAbstractItemModelTester, and the raw payload one click away.
#include "consolefixture.h"
#include "containerdetailpane.h"
#include "eventtimelinemodel.h"
#include "jsonvalues.h"
#include "seededconsole.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(Event)

namespace {

QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC);
}

Event makeEvent(EventCode code, const QDateTime &observed, const QJsonObject &data = {},
                const QString &providerCode = {})
{
    Event made;
    made.code = code;
    made.providerCode = providerCode;
    made.observedAt = observed;
    made.data = data;
    made.source = u"ports_america/WBCT_LA"_s;
    made.dedupeKey = u"detail-%1-%2"_s.arg(eventCodeName(code)).arg(observed.toMSecsSinceEpoch());
    made.raw = {{u"ContainerNumber"_s, u"detail"_s}, {u"code"_s, eventCodeName(code)}};
    return made;
}

QList<Event> detailedEvents()
{
    return {
        makeEvent(EventCode::HoldAdded, utc(8, 18), {{u"type"_s, u"CUSTOMS"_s}, {u"source_code"_s, u"CUSTOMS EXAM"_s}}),
        makeEvent(EventCode::LfdChanged, utc(9, 15),
                  {{u"kind"_s, u"line"_s}, {u"lfd"_s, u"2026-03-11"_s}, {u"previous"_s, u"2026-03-09"_s}}),
        makeEvent(EventCode::LfdChanged, utc(9, 16),
                  {{u"kind"_s, u"terminal"_s}, {u"lfd"_s, u"2026-03-12"_s}, {u"previous"_s, QJsonValue()}}),
        makeEvent(EventCode::HoldReleased, utc(9, 20), {{u"type"_s, u"LINE"_s}, {u"source_code"_s, u"LINE HOLD"_s}}),
        makeEvent(EventCode::PickupAppointment, utc(10, 10), {{u"appointment_at"_s, u"2026-03-11T16:30:00Z"_s}}),
        makeEvent(EventCode::Available, utc(10, 11), {}, u"Released"_s),
    };
}

ContainerSnapshot detailedSnapshot()
{
    ContainerSnapshot snapshot;
    snapshot.status = ContainerStatus::Available;
    snapshot.available = true;
    snapshot.vesselName = u"MSC ANNA"_s;
    snapshot.voyage = u"117W"_s;
    snapshot.vesselAta = utc(5, 12);
    snapshot.dischargedAt = utc(6, 12);
    snapshot.location = u"B-04-2"_s;
    snapshot.locationLot = u"Yard"_s;
    snapshot.holds = {{HoldType::Customs, u"CUSTOMS EXAM"_s, utc(8, 18)}};
    snapshot.lfdTerminal = QDate(2026, 3, 12);
    snapshot.lfdLine = QDate(2026, 3, 11);
    snapshot.demurrageAmount = 375.5;
    snapshot.pickupAppointmentAt = utc(11, 16, 30);
    return snapshot;
}

} // namespace

class TestContainerDetailPane final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;
    QString m_detailed;
    QString m_outgated;

    QString seedContainer(const QString &firstTen, const ContainerSnapshot &snapshot, const QList<Event> &events);
    WatchlistRow row(const QString &number);

private Q_SLOTS:
    void initTestCase();
    void init();
    void describesEvents_data();
    void describesEvents();
    void timelineUnderModelTester();
    void cardShowsWhatCoordinatorReads();
    void pickedUpContainerShowsOutgateNotDaysLeft();
    void rawDataIsOneClickAway();
    void keyboardReachesCardTimelineAndRawData();
};

void TestContainerDetailPane::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_containerdetailpane"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QString TestContainerDetailPane::seedContainer(const QString &firstTen, const ContainerSnapshot &snapshot,
                                               const QList<Event> &events)
{
    WatchEntry entry;
    entry.containerNumber = ConsoleFixture::number(firstTen);
    entry.provider = u"ports_america"_s;
    entry.site = u"WBCT_LA"_s;
    entry.reference = u"PO-77"_s;
    entry.billOfLading = u"BL7700"_s;
    entry.addedAt = ConsoleFixture::now().addDays(-10);
    const Result<AddOutcome> added = m_console.store->addContainer(entry);
    if (!added)
        return {};
    TraceWrite write;
    write.containerId = added->id;
    write.snapshot = snapshot;
    write.tracedAt = utc(10, 11, 50);
    write.nextTraceAt = utc(10, 13);
    for (Event item : events) {
        item.containerId = added->id;
        write.newEvents.append(item);
    }
    if (!m_console.store->writeTraceResults({write}))
        return {};
    return entry.containerNumber;
}

WatchlistRow TestContainerDetailPane::row(const QString &number)
{
    Result<std::vector<WatchlistRow>> rows = m_console.backend->loadWatchlist();
    if (rows) {
        for (const WatchlistRow &candidate : rows.value()) {
            if (candidate.number == number)
                return candidate;
        }
    }
    return {};
}

void TestContainerDetailPane::init()
{
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    m_detailed = seedContainer(u"MAEU770007"_s, detailedSnapshot(), detailedEvents());
    QVERIFY(!m_detailed.isEmpty());
    ContainerSnapshot outgated = detailedSnapshot();
    outgated.status = ContainerStatus::Outgated;
    outgated.holds.clear();
    outgated.outgatedAt = utc(10, 9, 15);
    outgated.outgateTrucker = u"PFCH"_s;
    outgated.chassisNumber = u"TRLZ123456"_s;
    m_outgated = seedContainer(u"MAEU880008"_s, outgated,
                               {makeEvent(EventCode::Outgated, utc(10, 9, 20),
                                          {{u"trucker"_s, u"PFCH"_s}, {u"chassis_number"_s, u"TRLZ123456"_s}})});
    QVERIFY(!m_outgated.isEmpty());
}

// Bad and incomplete events first: a provider event without its values still reads as a sentence.
void TestContainerDetailPane::describesEvents_data()
{
    QTest::addColumn<Event>("given");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hold without data") << makeEvent(EventCode::HoldAdded, utc(9, 1), {}, u"Customs Hold"_s)
                                       << u"Hold added (Customs Hold)"_s;
    QTest::newRow("hold of unknown type")
        << makeEvent(EventCode::HoldReleased, utc(9, 1), {{u"type"_s, u"NOPE"_s}}) << u"Hold released"_s;
    QTest::newRow("lfd without data") << makeEvent(EventCode::LfdChanged, utc(9, 1)) << u"LFD changed"_s;
    QTest::newRow("lfd with bad date") << makeEvent(EventCode::LfdChanged, utc(9, 1), {{u"lfd"_s, u"12/03/2026"_s}})
                                       << u"LFD changed"_s;
    QTest::newRow("unmapped provider event")
        << makeEvent(EventCode::Other, utc(9, 1), {}, u"Rehandled"_s) << u"Provider event: Rehandled"_s;
    QTest::newRow("customs released") << makeEvent(EventCode::HoldReleased, utc(9, 1), {{u"type"_s, u"CUSTOMS"_s}})
                                      << u"Customs hold released"_s;
    QTest::newRow("lfd moved") << makeEvent(EventCode::LfdChanged, utc(9, 1),
                                            {{u"kind"_s, u"terminal"_s},
                                             {u"lfd"_s, u"2026-12-04"_s},
                                             {u"previous"_s, u"2026-12-02"_s}})
                               << u"Terminal LFD changed 2 Dec → 4 Dec"_s;
    QTest::newRow("outgate") << makeEvent(EventCode::Outgated, utc(9, 1),
                                          {{u"trucker"_s, u"PFCH"_s}, {u"chassis_number"_s, u"TRLZ1"_s}})
                             << u"Picked up (out-gated): trucker PFCH, chassis TRLZ1"_s;
    QTest::newRow("vessel eta") << makeEvent(EventCode::VesselEta, utc(9, 1), {{u"eta"_s, u"2026-03-14T06:00:00Z"_s}})
                                << u"Vessel ETA: 13 Mar 2026 23:00 PDT (UTC-07:00)"_s;
    QTest::newRow("not available") << makeEvent(EventCode::NotAvailable, utc(9, 1)) << u"Not available for pickup"_s;
}

void TestContainerDetailPane::describesEvents()
{
    QFETCH(Event, given);
    QFETCH(QString, expected);
    QCOMPARE(EventTimelineModel::describe(given, QTimeZone("America/Los_Angeles")), expected);
}

void TestContainerDetailPane::timelineUnderModelTester()
{
    ContainerDetailPane pane(*m_console.backend);
    QAbstractItemModelTester tester(pane.timelineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.showContainer(row(m_detailed));
    const EventTimelineModel *model = pane.timelineModel();
    QCOMPARE(model->rowCount(), 6);
    QStringList shown;
    for (int i = 0; i < model->rowCount(); ++i)
        shown.append(model->index(i, EventTimelineModel::EventColumn).data().toString());
    const QStringList expected{u"Available for pickup"_s,
                               u"Pickup appointment: 11 Mar 2026 09:30 PDT (UTC-07:00)"_s,
                               u"Line hold released"_s,
                               u"Terminal LFD set to 12 Mar"_s,
                               u"Line LFD changed 9 Mar → 11 Mar"_s,
                               u"Customs hold added (CUSTOMS EXAM)"_s};
    QCOMPARE(shown, expected);
    QCOMPARE(model->index(0, EventTimelineModel::TimeColumn).data().toString(),
             u"observed 10 Mar 2026 04:00 PDT (UTC-07:00)"_s);
    QCOMPARE(model->index(0, EventTimelineModel::ProviderCodeColumn).data().toString(), u"Released"_s);
    QCOMPARE(model->index(5, 0).data(EventTimelineModel::EventCodeRole).toString(), u"HOLD_ADDED"_s);
    QCOMPARE(model->headerData(EventTimelineModel::EventColumn, Qt::Horizontal).toString(), u"Event"_s);
    pane.clear();
    QCOMPARE(model->rowCount(), 0);
}

void TestContainerDetailPane::cardShowsWhatCoordinatorReads()
{
    ContainerDetailPane pane(*m_console.backend);
    pane.showContainer(row(m_detailed));
    using Field = ContainerDetailPane::Field;
    QCOMPARE(pane.titleText(), m_detailed + u" · Available at WBCT_LA"_s);
    QCOMPARE(pane.zoneText(), u"Times in America/Los_Angeles (PDT, UTC-07:00), the site's time zone"_s);
    QCOMPARE(pane.valueText(Field::Status), u"Available"_s);
    QCOMPARE(pane.sourceText(Field::Status), u"Ports America (WBCT_LA) · seen 10 Mar 2026 04:00 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.valueText(Field::Holds), u"Customs hold (“CUSTOMS EXAM”) since 8 Mar 2026 11:00 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.sourceText(Field::Holds), u"Ports America (WBCT_LA) · seen 9 Mar 2026 13:00 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.valueText(Field::LfdTerminal), u"Thu 12 Mar 2026"_s);
    QCOMPARE(pane.sourceText(Field::LfdTerminal), u"Ports America (WBCT_LA) · seen 9 Mar 2026 09:00 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.valueText(Field::LfdLine), u"Wed 11 Mar 2026 (effective: the earlier), tomorrow"_s);
    QCOMPARE(pane.sourceText(Field::LfdLine), u"Ports America (WBCT_LA) · seen 9 Mar 2026 08:00 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.valueText(Field::Demurrage), u"375.50"_s);
    QCOMPARE(pane.sourceText(Field::Demurrage),
             u"Ports America (WBCT_LA) · last traced 10 Mar 2026 04:50 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.valueText(Field::Vessel), u"MSC ANNA, voyage 117W\narrived 5 Mar 2026 04:00 PST (UTC-08:00)"_s);
    QCOMPARE(pane.valueText(Field::Discharged), u"6 Mar 2026 04:00 PST (UTC-08:00)"_s);
    QCOMPARE(pane.valueText(Field::Location), u"B-04-2 (Yard)"_s);
    QCOMPARE(pane.valueText(Field::Appointment), u"11 Mar 2026 09:30 PDT (UTC-07:00)"_s);
    QCOMPARE(pane.valueText(Field::Outgate), u"not yet"_s);
    QCOMPARE(pane.valueText(Field::EmptyReturned), u"not yet"_s);
    QCOMPARE(pane.valueText(Field::Reference), u"PO-77 · B/L BL7700"_s);
    QCOMPARE(pane.valueText(Field::LastError), u"none"_s);

    // A provider's Retry-After and a gate/yard disagreement are on the card too.
    WatchlistRow waiting = row(m_detailed);
    waiting.nextTraceAt = QDateTime(QDate(2026, 3, 10), QTime(18, 0), Qt::UTC).toMSecsSinceEpoch();
    waiting.yardListingConflict = true;
    pane.showContainer(waiting);
    QCOMPARE(pane.valueText(Field::NextTrace), u"10 Mar 2026 11:00 PDT (UTC-07:00)"_s);
    QVERIFY2(pane.valueText(Field::Status).endsWith(u"still lists it in the yard although the gate saw it leave."_s),
             qPrintable(pane.valueText(Field::Status)));
}

void TestContainerDetailPane::pickedUpContainerShowsOutgateNotDaysLeft()
{
    ContainerDetailPane pane(*m_console.backend);
    pane.showContainer(row(m_outgated));
    using Field = ContainerDetailPane::Field;
    QCOMPARE(pane.valueText(Field::Status), u"Outgated"_s);
    QCOMPARE(pane.valueText(Field::Holds), u"No holds"_s);
    QCOMPARE(pane.valueText(Field::Outgate), u"10 Mar 2026 02:15 PDT (UTC-07:00)\ntrucker PFCH\nchassis TRLZ123456"_s);
    QCOMPARE(pane.sourceText(Field::Outgate), u"Ports America (WBCT_LA) · seen 10 Mar 2026 02:20 PDT (UTC-07:00)"_s);
    // The LFD no longer counts down once the box has left the terminal.
    QCOMPARE(pane.valueText(Field::LfdLine), u"Wed 11 Mar 2026 (effective: the earlier)"_s);
    QCOMPARE(pane.timelineModel()->index(0, EventTimelineModel::EventColumn).data().toString(),
             u"Picked up (out-gated): trucker PFCH, chassis TRLZ123456"_s);
}

void TestContainerDetailPane::rawDataIsOneClickAway()
{
    ContainerDetailPane pane(*m_console.backend);
    pane.resize(600, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.showContainer(row(m_detailed));
    QVERIFY(!pane.payloadView()->isVisible()); // not half the pane
    QCOMPARE(pane.rawDataButton()->text(), u"Show raw data"_s);
    QTest::mouseClick(pane.rawDataButton(), Qt::LeftButton);
    QVERIFY(pane.payloadView()->isVisible());
    QCOMPARE(pane.rawDataButton()->text(), u"Hide raw data"_s);
    QVERIFY(pane.payloadView()->toPlainText().contains(u"\"code\": \"AVAILABLE\""_s));
    pane.timelineView()->setCurrentIndex(pane.timelineModel()->index(5, 0));
    QVERIFY(pane.payloadView()->toPlainText().contains(u"\"code\": \"HOLD_ADDED\""_s));
    QTest::mouseClick(pane.rawDataButton(), Qt::LeftButton);
    QVERIFY(!pane.payloadView()->isVisible());
}

void TestContainerDetailPane::keyboardReachesCardTimelineAndRawData()
{
    ContainerDetailPane pane(*m_console.backend);
    pane.resize(600, 900);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.showContainer(row(m_detailed));
    pane.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    auto *status = pane.findChild<QLabel *>(u"value_%1"_s.arg(int(ContainerDetailPane::Field::Status)));
    QVERIFY(status);
    QCOMPARE(status->accessibleName(), u"Status"_s);
    status->setFocus(Qt::TabFocusReason);
    QSet<QWidget *> reached;
    for (int i = 0; i < 40 && !reached.contains(pane.rawDataButton()); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached.insert(QApplication::focusWidget());
    }
    QVERIFY(reached.contains(pane.timelineView()));
    QVERIFY(reached.contains(pane.rawDataButton()));
    QTest::keyClick(pane.rawDataButton(), Qt::Key_Space);
    QVERIFY(pane.payloadView()->isVisible());
}

QTEST_MAIN(TestContainerDetailPane)
#include "tst_containerdetailpane.moc"
