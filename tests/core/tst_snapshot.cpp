#include "snapshot.h"
#include "watchentry.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

// The snapshot is what every screen, export and --json output reads; its JSON names are a
// contract scripts rely on, and status precedence decides what a coordinator sees first.
class TestSnapshot final : public QObject
{
    Q_OBJECT

private slots:
    void effectiveLfd_data();
    void effectiveLfd();
    void statusPrecedence_data();
    void statusPrecedence();
    void jsonNamesAndFormats();
    void emptySnapshotIsAllNull();
    void roundTrip_data();
    void roundTrip();
    void watchEntryJson();
    void watchEntryJsonEmptyError();
};

namespace {
QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

ContainerSnapshot fullSnapshot()
{
    ContainerSnapshot s;
    s.vesselName = u"MSC AURORA"_s;
    s.voyage = u"FE412W"_s;
    s.vesselEta = utc(u"2024-05-01T08:00:00Z"_s);
    s.vesselAta = utc(u"2024-05-01T09:30:00Z"_s);
    s.dischargedAt = utc(u"2024-05-02T02:15:00Z"_s);
    s.available = false;
    s.location = u"R12-04-2"_s;
    s.locationLot = u"Yard"_s;
    s.holds = {Hold{HoldType::Customs, u"Customs Hold"_s, utc(u"2024-05-02T03:00:00Z"_s)},
               Hold{HoldType::Demurrage, u"Demurrage Hold"_s, QDateTime()}};
    s.lfdTerminal = QDate(2024, 5, 6);
    s.lfdLine = QDate(2024, 5, 4);
    s.demurrageAmount = 375.5;
    s.outgatedAt = utc(u"2024-05-05T14:00:00Z"_s);
    s.outgateTrucker = u"PFCH"_s;
    s.chassisNumber = u"TRLU123456"_s;
    s.emptyReturnedAt = utc(u"2024-05-09T10:00:00.250Z"_s);
    s.pickupAppointmentAt = utc(u"2024-05-05T13:00:00Z"_s);
    s.sizeType = SizeType{u"40"_s, u"96"_s, u"45G1"_s};
    s.grossWeight = 21450.0;
    s.hazardous = false;
    s.lineScac = u"MSCU"_s;
    s.notFound = true;
    s.status = s.deriveStatus();
    return s;
}
} // namespace

void TestSnapshot::effectiveLfd_data()
{
    QTest::addColumn<QDate>("terminal");
    QTest::addColumn<QDate>("line");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("none") << QDate() << QDate() << QDate();
    QTest::newRow("terminal only") << QDate(2024, 5, 6) << QDate() << QDate(2024, 5, 6);
    QTest::newRow("line only") << QDate() << QDate(2024, 5, 4) << QDate(2024, 5, 4);
    QTest::newRow("line earlier") << QDate(2024, 5, 6) << QDate(2024, 5, 4) << QDate(2024, 5, 4);
    QTest::newRow("terminal earlier") << QDate(2024, 5, 3) << QDate(2024, 5, 4) << QDate(2024, 5, 3);
    QTest::newRow("same day") << QDate(2024, 5, 4) << QDate(2024, 5, 4) << QDate(2024, 5, 4);
}

void TestSnapshot::effectiveLfd()
{
    QFETCH(QDate, terminal);
    QFETCH(QDate, line);
    QFETCH(QDate, expected);

    ContainerSnapshot snapshot;
    snapshot.lfdTerminal = terminal;
    snapshot.lfdLine = line;
    QCOMPARE(snapshot.lfd(), expected);
}

void TestSnapshot::statusPrecedence_data()
{
    QTest::addColumn<ContainerSnapshot>("snapshot");
    QTest::addColumn<QString>("expected");

    const QDateTime t = utc(u"2024-05-01T08:00:00Z"_s);
    ContainerSnapshot s;
    QTest::newRow("nothing known") << s << u"unknown"_s;
    s.notFound = true;
    QTest::newRow("not found") << s << u"not_found"_s;
    s.vesselEta = t;
    QTest::newRow("eta beats not found") << s << u"on_vessel"_s;
    ContainerSnapshot named;
    named.vesselName = u"MSC AURORA"_s;
    QTest::newRow("vessel name only") << named << u"on_vessel"_s;
    ContainerSnapshot arrived;
    arrived.vesselAta = t;
    QTest::newRow("ata only") << arrived << u"on_vessel"_s;
    s.dischargedAt = t;
    QTest::newRow("discharged beats on vessel") << s << u"discharged"_s;
    s.available = false;
    QTest::newRow("not available beats discharged") << s << u"not_available"_s;
    s.available = true;
    QTest::newRow("available beats discharged") << s << u"available"_s;
    s.outgatedAt = t;
    QTest::newRow("outgated beats available") << s << u"outgated"_s;
    s.emptyReturnedAt = t;
    QTest::newRow("empty returned beats all") << s << u"empty_returned"_s;
    ContainerSnapshot onlyAvailable;
    onlyAvailable.available = false;
    QTest::newRow("not available without discharge") << onlyAvailable << u"not_available"_s;
    ContainerSnapshot onlyReturned;
    onlyReturned.emptyReturnedAt = t;
    QTest::newRow("empty returned alone") << onlyReturned << u"empty_returned"_s;
}

void TestSnapshot::statusPrecedence()
{
    QFETCH(ContainerSnapshot, snapshot);
    QFETCH(QString, expected);
    QCOMPARE(containerStatusName(snapshot.deriveStatus()), expected);
}

void TestSnapshot::jsonNamesAndFormats()
{
    const QJsonObject json = fullSnapshot().toJson();

    QCOMPARE(json.value(u"status"_s).toString(), u"empty_returned"_s);
    QCOMPARE(json.value(u"vessel_name"_s).toString(), u"MSC AURORA"_s);
    QCOMPARE(json.value(u"voyage"_s).toString(), u"FE412W"_s);
    QCOMPARE(json.value(u"vessel_eta"_s).toString(), u"2024-05-01T08:00:00Z"_s);
    QCOMPARE(json.value(u"vessel_ata"_s).toString(), u"2024-05-01T09:30:00Z"_s);
    QCOMPARE(json.value(u"discharged_at"_s).toString(), u"2024-05-02T02:15:00Z"_s);
    QCOMPARE(json.value(u"available"_s), QJsonValue(false));
    QCOMPARE(json.value(u"location"_s).toString(), u"R12-04-2"_s);
    QCOMPARE(json.value(u"location_lot"_s).toString(), u"Yard"_s);
    const QJsonArray holds = json.value(u"holds"_s).toArray();
    QCOMPARE(holds.size(), 2);
    QCOMPARE(holds.at(0).toObject(), (QJsonObject{{u"type"_s, u"CUSTOMS"_s},
                                                  {u"source_code"_s, u"Customs Hold"_s},
                                                  {u"since"_s, u"2024-05-02T03:00:00Z"_s}}));
    QVERIFY(holds.at(1).toObject().value(u"since"_s).isNull());
    QCOMPARE(json.value(u"lfd_terminal"_s).toString(), u"2024-05-06"_s);
    QCOMPARE(json.value(u"lfd_line"_s).toString(), u"2024-05-04"_s);
    QCOMPARE(json.value(u"lfd"_s).toString(), u"2024-05-04"_s);
    QCOMPARE(json.value(u"demurrage_amount"_s).toDouble(), 375.5);
    QCOMPARE(json.value(u"outgated_at"_s).toString(), u"2024-05-05T14:00:00Z"_s);
    QCOMPARE(json.value(u"outgate_trucker"_s).toString(), u"PFCH"_s);
    QCOMPARE(json.value(u"chassis_number"_s).toString(), u"TRLU123456"_s);
    QCOMPARE(json.value(u"empty_returned_at"_s).toString(), u"2024-05-09T10:00:00.250Z"_s);
    QCOMPARE(json.value(u"pickup_appointment_at"_s).toString(), u"2024-05-05T13:00:00Z"_s);
    QCOMPARE(json.value(u"size_type"_s).toObject(),
             (QJsonObject{{u"length"_s, u"40"_s}, {u"height"_s, u"96"_s}, {u"iso_code"_s, u"45G1"_s}}));
    QCOMPARE(json.value(u"gross_weight"_s).toDouble(), 21450.0);
    QCOMPARE(json.value(u"hazardous"_s), QJsonValue(false));
    QCOMPARE(json.value(u"line_scac"_s).toString(), u"MSCU"_s);
    QCOMPARE(json.value(u"not_found"_s), QJsonValue(true));
}

void TestSnapshot::emptySnapshotIsAllNull()
{
    const QJsonObject json = ContainerSnapshot().toJson();
    const QStringList nullKeys{
        u"vessel_name"_s,
        u"voyage"_s,
        u"vessel_eta"_s,
        u"vessel_ata"_s,
        u"discharged_at"_s,
        u"available"_s,
        u"location"_s,
        u"location_lot"_s,
        u"lfd_terminal"_s,
        u"lfd_line"_s,
        u"lfd"_s,
        u"demurrage_amount"_s,
        u"outgated_at"_s,
        u"outgate_trucker"_s,
        u"chassis_number"_s,
        u"empty_returned_at"_s,
        u"pickup_appointment_at"_s,
        u"size_type"_s,
        u"gross_weight"_s,
        u"hazardous"_s,
        u"line_scac"_s,
    };
    for (const QString &key : nullKeys) {
        QVERIFY2(json.contains(key), qPrintable(key));
        QVERIFY2(json.value(key).isNull(), qPrintable(key));
    }
    QCOMPARE(json.value(u"status"_s).toString(), u"unknown"_s);
    QCOMPARE(json.value(u"holds"_s).toArray(), QJsonArray());
    QCOMPARE(json.value(u"not_found"_s), QJsonValue(false));
    QCOMPARE(json.value(u"yard_listing_conflict"_s), QJsonValue(false));
    QCOMPARE(json.size(), nullKeys.size() + 4);
}

void TestSnapshot::roundTrip_data()
{
    QTest::addColumn<ContainerSnapshot>("snapshot");

    QTest::newRow("empty") << ContainerSnapshot();
    QTest::newRow("full") << fullSnapshot();
    ContainerSnapshot onVessel;
    onVessel.vesselName = u"EVER GIVEN"_s;
    onVessel.vesselEta = QDateTime(QDate(2024, 6, 1), QTime(22, 0), QTimeZone(3600 * -7));
    onVessel.available = true;
    onVessel.hazardous = true;
    onVessel.sizeType.isoCode = u"22G1"_s;
    onVessel.status = onVessel.deriveStatus();
    QTest::newRow("offset time, partial size type") << onVessel;
    ContainerSnapshot zeroes;
    zeroes.demurrageAmount = 0.0;
    zeroes.grossWeight = 0.0;
    zeroes.available = false;
    QTest::newRow("zero numbers are not absent") << zeroes;
}

void TestSnapshot::roundTrip()
{
    QFETCH(ContainerSnapshot, snapshot);
    const ContainerSnapshot back = ContainerSnapshot::fromJson(snapshot.toJson());
    QCOMPARE(back, snapshot);
    QCOMPARE(back.toJson(), snapshot.toJson());
}

void TestSnapshot::watchEntryJson()
{
    WatchEntry entry;
    entry.id = 7;
    entry.containerNumber = u"CSQU3054383"_s;
    entry.entity = u"acme"_s;
    entry.provider = u"ports_america"_s;
    entry.site = u"WBCT_LA"_s;
    entry.providerData = QJsonObject{{u"truckingCompanyCode"_s, u"PFCH"_s}};
    entry.reference = u"PO-1182"_s;
    entry.billOfLading = u"MEDUAB123456"_s;
    entry.addedAt = utc(u"2024-04-30T12:00:00Z"_s);
    entry.expiresAt = entry.addedAt.addDays(WatchEntry::traceWindowDays);
    entry.traceState = TraceState::Completed;
    entry.normalize = false;
    entry.lastTracedAt = utc(u"2024-05-09T10:05:00Z"_s);
    entry.lastError = u"Ports America did not answer in time"_s;
    entry.snapshot = fullSnapshot();

    const QJsonObject json = entry.toJson();
    QCOMPARE(json.value(u"container_number"_s).toString(), u"CSQU3054383"_s);
    QCOMPARE(json.value(u"entity"_s).toString(), u"acme"_s);
    QCOMPARE(json.value(u"provider"_s).toString(), u"ports_america"_s);
    QCOMPARE(json.value(u"site"_s).toString(), u"WBCT_LA"_s);
    QCOMPARE(json.value(u"provider_data"_s).toObject(), entry.providerData);
    QCOMPARE(json.value(u"reference"_s).toString(), u"PO-1182"_s);
    QCOMPARE(json.value(u"bill_of_lading"_s).toString(), u"MEDUAB123456"_s);
    QVERIFY(json.value(u"booking"_s).isNull());
    QCOMPARE(json.value(u"added_at"_s).toString(), u"2024-04-30T12:00:00Z"_s);
    QCOMPARE(json.value(u"expires_at"_s).toString(), u"2024-07-29T12:00:00Z"_s);
    QCOMPARE(json.value(u"trace_state"_s).toString(), u"completed"_s);
    QCOMPARE(json.value(u"normalize"_s), QJsonValue(false));
    QCOMPARE(json.value(u"last_traced_at"_s).toString(), u"2024-05-09T10:05:00Z"_s);
    QVERIFY(json.value(u"next_trace_at"_s).isNull());
    QCOMPARE(json.value(u"last_error"_s).toString(), u"Ports America did not answer in time"_s);
    // Snapshot fields merged at top level.
    const QJsonObject snapshotJson = entry.snapshot.toJson();
    for (auto it = snapshotJson.constBegin(); it != snapshotJson.constEnd(); ++it)
        QCOMPARE(json.value(it.key()), it.value());
}

void TestSnapshot::watchEntryJsonEmptyError()
{
    WatchEntry entry;
    entry.containerNumber = u"CSQU3054383"_s;
    const QJsonObject json = entry.toJson();
    QVERIFY(json.contains(u"last_error"_s));
    QVERIFY(json.value(u"last_error"_s).isNull());
    QCOMPARE(json.value(u"entity"_s).toString(), u"default"_s);
    QCOMPARE(json.value(u"trace_state"_s).toString(), u"active"_s);
    QCOMPARE(json.value(u"normalize"_s), QJsonValue(true));
    QCOMPARE(json.value(u"provider_data"_s).toObject(), QJsonObject());
    QCOMPARE(json.value(u"status"_s).toString(), u"unknown"_s);
}

QTEST_APPLESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
