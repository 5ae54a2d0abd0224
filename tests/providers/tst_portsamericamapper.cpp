#include "portsamericamapper.h"
#include "portsamericasites.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// Payloads exactly as the Ports America API documentation prints them.
const QByteArray notFoundPayload = R"json([
    {
        "container_number": "TEST123456",
        "bill_of_lading_number": "",
        "deumrrage_amount": 0.0,
        "ResponseCode": 1,
        "ResponseCodeDescription": "No record found"
    }
])json";

const QByteArray mixedPayload = R"json([
     {
         "container_number": "UMXU253714",
         "bill_of_lading_number": "",
         "deumrrage_amount": 0.0,
         "ResponseCode": 1,
         "ResponseCodeDescription": "No record found"
     },
     {
         "container_number": "TCNU7889359",
         "bill_of_lading_number": "",
         "availability": "Yes",
         "steamshipline_code": "COS",
         "hold_information": [
         {
             "hold_id": "Demurrage Hold"
         }
         ],
         "vessel_name": "YANTIAN",
         "voyage_number": "107E",
         "order_of_accessibility": "",
         "location": "TF6MS-638-L5(D)",
         "last_free_day": "20211101",
         "last_guarantee_date": "",
         "paid_through_date": "",
         "deumrrage_amount": 1265.0,
         "container_type": "ST",
         "container_length": "40",
         "container_height": "114",
         "container_iso_code": "44G0",
         "gross_weight": "20381",
         "hazardous": "No",
         "genset_required": "No",
         "current_state": "",
         "next_move": "",
         "ResponseCode": 0,
         "ResponseCodeDescription": "Success"
     }
 ])json";

const QByteArray arrivedPayload = R"json([
    {
        "container_number": "WHSU5659471",
        "bill_of_lading_number": "",
        "availability": "Yes",
        "steamshipline_code": "WHL",
        "hold_information": [],
        "vessel_name": "JEJU ISLAND",
        "voyage_number": "E008",
        "order_of_accessibility": "",
        "location": "NN6-606-D1(D)",
        "last_free_day": "20211110",
        "last_guarantee_date": "",
        "paid_through_date": "",
        "deumrrage_amount": 0.0,
        "container_type": "ST",
        "container_length": "40",
        "container_height": "114",
        "container_iso_code": "44G0",
        "gross_weight": "34392",
        "hazardous": "No",
        "genset_required": "No",
        "current_state": "",
        "next_move": "",
        "ResponseCode": 0,
        "ResponseCodeDescription": "Success"
    }
])json";

// The documentation's hold example, trailing comma included: that is not JSON.
const QByteArray holdsPayloadAsPrinted = R"json([
    {
        "container_number": "GLDU9379447",
        "bill_of_lading_number": "",
        "availability": "Yes",
        "steamshipline_code": "COS",
        "hold_information": [
            {
              "hold_id": "Demurrage Hold"
            },
            {
              "hold_id": "Customs Hold"
            },
            {
              "hold_id": "Line Hold"
            },
            {
              "hold_id": "CTF Hold"
            },
            {
              "hold_id": "TMF Hold"
            },
        ],
        "vessel_name": "YANTIAN",
        "voyage_number": "107E",
        "location": "TF6MS-638-L5(D)",
        "last_free_day": "20211101",
        "deumrrage_amount": 1265.0,
        "ResponseCode": 0,
        "ResponseCodeDescription": "Success"
    }
])json";

const QByteArray gatePayload = R"json([
    {
        "container_number": "BSIU9368541",
        "move_type": "Empty In",
        "in_gate_time": "2019-08-19T09:59:22",
        "out_gate_time": null,
        "container_type": "Standard",
        "container_length": "40",
        "container_height": "114",
        "steamshipline_code": "ONE",
        "chassis_number": "YMLZ4842262",
        "chassis_length": "40",
        "reference_number": null,
        "trucking_company_name": "A AND K TRUCKING LLC"
    },
    {
        "container_number": "BSIU9368541",
        "move_type": "Full Out",
        "in_gate_time": null,
        "out_gate_time": "2019-08-13T19:16:40",
        "container_type": "Standard",
        "container_length": "40",
        "container_height": "114",
        "steamshipline_code": "ONE",
        "chassis_number": "YMLZ4842262",
        "chassis_length": "40",
        "reference_number": "ONEYHPHV09927900",
        "trucking_company_name": "A AND K TRUCKING LLC"
    },
    {
        "container_number": "GLDU9379447",
        "move_type": "Empty In",
        "in_gate_time": "2019-08-14T12:28:56",
        "out_gate_time": null,
        "container_type": "Standard",
        "container_length": "20",
        "container_height": "102",
        "steamshipline_code": "ONE",
        "chassis_number": "FHCZ026571",
        "chassis_length": "20",
        "reference_number": null,
        "trucking_company_name": "A AND K TRUCKING LLC"
    }
])json";

const QByteArray gateNotFoundPayload = R"json([
    {
        "container_number": "BSIU9368541",
        "ResponseCode": 1,
        "ResponseCodeDescription": "No record found"
    },
    {
        "container_number": "GLDU9379447",
        "ResponseCode": 1,
        "ResponseCodeDescription": "No record found"
    }
])json";

const QDateTime observedAt(QDate(2021, 11, 5), QTime(12, 0), Qt::UTC);

MappingContext westBasin()
{
    return PortsAmericaMapper::contextForSite(u"WBCT_LA"_s, observedAt);
}

QDateTime utc(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

QByteArray withElement(const QJsonObject &element)
{
    return QJsonDocument(QJsonArray{element}).toJson();
}

} // namespace

class TestPortsAmericaMapper final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notFound();
    void foundAndNotFound();
    void arrivedIsReleased();
    void seedHoldExampleIsMalformed();
    void allFiveHoldsKeepLfd();
    void holdIds_data();
    void holdIds();
    void dischargeTimeZones_data();
    void dischargeTimeZones();
    void malformedBody_data();
    void malformedBody();
    void wrongElementTypes_data();
    void wrongElementTypes();
    void unknownFieldsIgnored();
    void gateMoves();
    void gateEarlierVisitIgnored_data();
    void gateEarlierVisitIgnored();
    void gateNotFoundRowsIgnored();
    void yardListingConflict_data();
    void yardListingConflict();
    void mappingTableDrivesCode();
    void sitesHaveZones();
};

void TestPortsAmericaMapper::notFound()
{
    const auto mapping = PortsAmericaMapper::mapAvailability(notFoundPayload, westBasin());
    QVERIFY(mapping.ok());
    QCOMPARE(mapping->observations.size(), 1);
    const Observation &observation = mapping->observations.first();
    QCOMPARE(observation.containerNumber, u"TEST123456"_s);
    QVERIFY(observation.notFound);
    QCOMPARE(observation.source, u"ports_america/WBCT_LA"_s);
    QCOMPARE(observation.observedAt, observedAt);
    QCOMPARE(observation.eventLocation.name, u"WBCT_LA"_s);
    QCOMPARE(observation.eventLocation.type, u"Terminal"_s);
    QVERIFY(!observation.demurrageAmount);
    QVERIFY(!observation.billOfLading);
    QVERIFY(!observation.available);
    QCOMPARE(observation.raw.value(u"ResponseCodeDescription").toString(), u"No record found"_s);
}

void TestPortsAmericaMapper::foundAndNotFound()
{
    const auto mapping = PortsAmericaMapper::mapAvailability(mixedPayload, westBasin());
    QVERIFY(mapping.ok());
    QVERIFY(mapping->elementErrors.isEmpty());
    QCOMPARE(mapping->observations.size(), 2);
    QVERIFY(mapping->observations.at(0).notFound);
    const Observation &found = mapping->observations.at(1);
    QCOMPARE(found.containerNumber, u"TCNU7889359"_s);
    QVERIFY(!found.notFound);
    QCOMPARE(found.available, std::optional<bool>(true));
    QCOMPARE(found.providerCodes.value(EventCode::Available), u"Arrived"_s);
    QCOMPARE(found.holds->size(), 1);
    QCOMPARE(found.holds->first().type, HoldType::Demurrage);
    QCOMPARE(found.holds->first().sourceCode, u"Demurrage Hold"_s);
    QCOMPARE(found.providerCodes.value(EventCode::HoldAdded), u"Hold"_s);
    QCOMPARE(found.providerCodes.value(EventCode::HoldReleased), u"Hold"_s);
    QCOMPARE(found.vesselName, std::optional<QString>(u"YANTIAN"_s));
    QCOMPARE(found.voyage, std::optional<QString>(u"107E"_s));
    QCOMPARE(found.location, std::optional<QString>(u"TF6MS-638-L5(D)"_s));
    QCOMPARE(found.locationLot, std::optional<QString>(u"Yard"_s));
    QCOMPARE(found.lfdTerminal, std::optional<QDate>(QDate(2021, 11, 1)));
    QCOMPARE(found.providerCodes.value(EventCode::LfdChanged), u"Lfd"_s);
    QVERIFY(found.milestones.isEmpty()); // a hold exists: not released
    QCOMPARE(found.demurrageAmount, std::optional<double>(1265.0));
    QCOMPARE(found.sizeType, std::optional<SizeType>(SizeType{u"40"_s, u"114"_s, u"44G0"_s}));
    QCOMPARE(found.grossWeight, std::optional<double>(20381));
    QCOMPARE(found.hazardous, std::optional<bool>(false));
    QCOMPARE(found.lineScac, std::optional<QString>(u"COS"_s));
    QVERIFY(!found.billOfLading);
    QVERIFY(!found.dischargedAt);
    QVERIFY(!found.providerCodes.contains(EventCode::Discharged));
    QCOMPARE(found.raw.value(u"container_number").toString(), u"TCNU7889359"_s);
}

void TestPortsAmericaMapper::arrivedIsReleased()
{
    const auto mapping = PortsAmericaMapper::mapAvailability(arrivedPayload, westBasin());
    QVERIFY(mapping.ok());
    QCOMPARE(mapping->observations.size(), 1);
    const Observation &observation = mapping->observations.first();
    QVERIFY(observation.holds.has_value());
    QVERIFY(observation.holds->isEmpty());
    QCOMPARE(observation.lfdTerminal, std::optional<QDate>(QDate(2021, 11, 10)));
    QCOMPARE(observation.milestones.size(), 1);
    const ObservedMilestone &released = observation.milestones.first();
    QCOMPARE(released.code, EventCode::Released);
    QCOMPARE(released.providerCode, u"Released"_s);
    QVERIFY(!released.occurredAt.isValid());
    QCOMPARE(released.data.value(u"lfd").toString(), u"2021-11-10"_s);
    QCOMPARE(observation.eventLocation.lot, u"Yard"_s);
}

void TestPortsAmericaMapper::seedHoldExampleIsMalformed()
{
    const auto mapping = PortsAmericaMapper::mapAvailability(holdsPayloadAsPrinted, westBasin());
    QVERIFY(!mapping.ok());
    QCOMPARE(mapping.error().kind, ErrorKind::MalformedResponse);
    QVERIFY2(mapping.error().message.contains(u"not valid JSON"_s), qPrintable(mapping.error().message));
}

void TestPortsAmericaMapper::allFiveHoldsKeepLfd()
{
    QByteArray fixed = holdsPayloadAsPrinted;
    fixed.replace(QByteArrayLiteral("},\n        ],"), QByteArrayLiteral("}\n        ],"));
    const auto mapping = PortsAmericaMapper::mapAvailability(fixed, westBasin());
    QVERIFY2(mapping.ok(), qPrintable(mapping.error().message));
    const Observation &observation = mapping->observations.first();
    const QList<HoldType> expected{HoldType::Demurrage, HoldType::Customs, HoldType::Line, HoldType::Ctf,
                                   HoldType::Tmf};
    QCOMPARE(observation.holds->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(observation.holds->at(i).type, expected.at(i));
    QCOMPARE(observation.holds->at(1).sourceCode, u"Customs Hold"_s);
    // The demurrage clock runs regardless of holds: the LFD is recorded, Released is not.
    QCOMPARE(observation.lfdTerminal, std::optional<QDate>(QDate(2021, 11, 1)));
    QVERIFY(observation.milestones.isEmpty());
}

void TestPortsAmericaMapper::holdIds_data()
{
    QTest::addColumn<QString>("holdId");
    QTest::addColumn<HoldType>("type");
    QTest::newRow("ctf") << u"CTF Hold"_s << HoldType::Ctf;
    QTest::newRow("custom (table spelling)") << u"Custom Hold"_s << HoldType::Customs;
    QTest::newRow("customs (example spelling)") << u"Customs Hold"_s << HoldType::Customs;
    QTest::newRow("demurrage") << u"Demurrage Hold"_s << HoldType::Demurrage;
    QTest::newRow("line") << u"Line Hold"_s << HoldType::Line;
    QTest::newRow("tmf") << u"TMF Hold"_s << HoldType::Tmf;
    QTest::newRow("case and spaces") << u"  tmf hold "_s << HoldType::Tmf;
    QTest::newRow("unknown") << u"USDA Exam"_s << HoldType::Other;
}

void TestPortsAmericaMapper::holdIds()
{
    QFETCH(QString, holdId);
    QFETCH(HoldType, type);
    const QJsonObject element{{u"container_number"_s, u"TCNU7889359"_s},
                              {u"hold_information"_s, QJsonArray{QJsonObject{{u"hold_id"_s, holdId}}}},
                              {u"last_free_day"_s, u"20211101"_s}};
    const auto mapping = PortsAmericaMapper::mapAvailability(withElement(element), westBasin());
    QVERIFY(mapping.ok());
    const Observation &observation = mapping->observations.first();
    QCOMPARE(observation.holds->size(), 1);
    QCOMPARE(observation.holds->first().type, type);
    QCOMPARE(observation.holds->first().sourceCode, holdId.trimmed());
    QVERIFY(observation.milestones.isEmpty());
}

void TestPortsAmericaMapper::dischargeTimeZones_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("dischargeTime");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("West Basin winter") << u"WBCT_LA"_s << u"2021-11-08T10:00:00"_s << utc(2021, 11, 8, 18, 0);
    QTest::newRow("West Basin summer") << u"WBCT_LA"_s << u"2021-07-01T10:00:00"_s << utc(2021, 7, 1, 17, 0);
    QTest::newRow("OCT") << u"OCT"_s << u"2021-01-15T23:30:00"_s << utc(2021, 1, 16, 7, 30);
    QTest::newRow("PNCT summer") << u"PNCT_NJ"_s << u"2021-07-01T10:00:00"_s << utc(2021, 7, 1, 14, 0);
    QTest::newRow("Seagirt winter") << u"SGT_BAL"_s << u"2021-12-01T10:00:00.500"_s
                                    << utc(2021, 12, 1, 15, 0).addMSecs(500);
    QTest::newRow("space separator") << u"PNCT_NJ"_s << u"2021-12-01 10:00:00"_s << utc(2021, 12, 1, 15, 0);
    QTest::newRow("explicit Z") << u"WBCT_LA"_s << u"2021-07-01T10:00:00Z"_s << utc(2021, 7, 1, 10, 0);
    QTest::newRow("explicit offset") << u"WBCT_LA"_s << u"2021-07-01T10:00:00-05:00"_s << utc(2021, 7, 1, 15, 0);
    QTest::newRow("unknown site is UTC") << u"NOWHERE"_s << u"2021-07-01T10:00:00"_s << utc(2021, 7, 1, 10, 0);
}

void TestPortsAmericaMapper::dischargeTimeZones()
{
    QFETCH(QString, site);
    QFETCH(QString, dischargeTime);
    QFETCH(QDateTime, expected);
    const QJsonObject element{{u"container_number"_s, u"TCNU7889359"_s}, {u"discharge_time"_s, dischargeTime}};
    const auto mapping =
        PortsAmericaMapper::mapAvailability(withElement(element), PortsAmericaMapper::contextForSite(site, observedAt));
    QVERIFY(mapping.ok());
    const Observation &observation = mapping->observations.first();
    QVERIFY(observation.dischargedAt.has_value());
    QCOMPARE(*observation.dischargedAt, expected);
    QCOMPARE(observation.dischargedAt->timeSpec(), Qt::UTC);
    QCOMPARE(observation.providerCodes.value(EventCode::Discharged), u"Grounded"_s);
}

void TestPortsAmericaMapper::malformedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("html") << QByteArrayLiteral("<html>Bad gateway</html>") << u"not valid JSON"_s;
    QTest::newRow("truncated") << mixedPayload.left(mixedPayload.size() / 2) << u"not valid JSON"_s;
    QTest::newRow("object") << QByteArrayLiteral(R"({"container_number": "TCNU7889359"})") << u"an object"_s;
    QTest::newRow("number") << QByteArrayLiteral("42") << u"not valid JSON"_s;
    QTest::newRow("string") << QByteArrayLiteral("\"No record found\"") << u"not valid JSON"_s;
}

void TestPortsAmericaMapper::malformedBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    const auto availability = PortsAmericaMapper::mapAvailability(body, westBasin());
    QVERIFY(!availability.ok());
    QCOMPARE(availability.error().kind, ErrorKind::MalformedResponse);
    QVERIFY2(availability.error().message.contains(messagePart), qPrintable(availability.error().message));
    const auto gate = PortsAmericaMapper::mapGateTransactions(body, westBasin(), {});
    QVERIFY(!gate.ok());
    QCOMPARE(gate.error().kind, ErrorKind::MalformedResponse);
}

void TestPortsAmericaMapper::wrongElementTypes_data()
{
    QTest::addColumn<QJsonValue>("bad");
    QTest::addColumn<QString>("messagePart");
    const QJsonObject base{{u"container_number"_s, u"MSCU1234565"_s}};
    auto with = [&base](const QString &key, const QJsonValue &value) {
        QJsonObject element = base;
        element.insert(key, value);
        return QJsonValue(element);
    };
    QTest::newRow("not an object") << QJsonValue(7) << u"expected an object"_s;
    QTest::newRow("container number as number")
        << QJsonValue(QJsonObject{{u"container_number"_s, 5}}) << u"container_number"_s;
    QTest::newRow("no container number") << QJsonValue(QJsonObject{{u"availability"_s, u"Yes"_s}})
                                         << u"no container_number"_s;
    QTest::newRow("lfd as number") << with(u"last_free_day"_s, 20211110) << u"last_free_day"_s;
    QTest::newRow("lfd not a date") << with(u"last_free_day"_s, u"2021-13-45"_s) << u"last_free_day"_s;
    QTest::newRow("holds as text") << with(u"hold_information"_s, u"Customs Hold"_s) << u"hold_information"_s;
    QTest::newRow("hold without id") << with(u"hold_information"_s, QJsonArray{QJsonObject{}}) << u"hold_id"_s;
    QTest::newRow("availability maybe") << with(u"availability"_s, u"Maybe"_s) << u"availability"_s;
    QTest::newRow("demurrage as list") << with(u"deumrrage_amount"_s, QJsonArray{}) << u"deumrrage_amount"_s;
    QTest::newRow("weight not a number") << with(u"gross_weight"_s, u"heavy"_s) << u"gross_weight"_s;
    QTest::newRow("discharge not a time") << with(u"discharge_time"_s, u"yesterday"_s) << u"discharge_time"_s;
    QTest::newRow("response code as text") << with(u"ResponseCode"_s, u"1"_s) << u"ResponseCode"_s;
}

void TestPortsAmericaMapper::wrongElementTypes()
{
    QFETCH(QJsonValue, bad);
    QFETCH(QString, messagePart);
    const QJsonArray array{bad, QJsonDocument::fromJson(arrivedPayload).array().first()};
    const auto mapping = PortsAmericaMapper::mapAvailability(QJsonDocument(array).toJson(), westBasin());
    QVERIFY(mapping.ok());
    QCOMPARE(mapping->elementErrors.size(), 1);
    const PortsAmericaElementError &error = mapping->elementErrors.first();
    QCOMPARE(error.index, 0);
    QCOMPARE(error.error.kind, ErrorKind::MalformedResponse);
    QVERIFY2(error.error.message.contains(messagePart), qPrintable(error.error.message));
    QCOMPARE(mapping->observations.size(), 1); // the good element still maps
    QCOMPARE(mapping->observations.first().containerNumber, u"WHSU5659471"_s);
}

void TestPortsAmericaMapper::unknownFieldsIgnored()
{
    QJsonObject element = QJsonDocument::fromJson(arrivedPayload).array().first().toObject();
    element.insert(u"brand_new_field"_s, QJsonObject{{u"nested"_s, true}});
    const auto plain = PortsAmericaMapper::mapAvailability(arrivedPayload, westBasin());
    const auto extended = PortsAmericaMapper::mapAvailability(withElement(element), westBasin());
    QVERIFY(plain.ok() && extended.ok());
    Observation withoutRaw = extended->observations.first();
    withoutRaw.raw = plain->observations.first().raw;
    QCOMPARE(withoutRaw, plain->observations.first());
}

void TestPortsAmericaMapper::gateMoves()
{
    const QHash<QString, QDateTime> visits{{u"BSIU9368541"_s, utc(2019, 8, 1, 0, 0)},
                                           {u"GLDU9379447"_s, utc(2019, 8, 1, 0, 0)}};
    const auto mapping = PortsAmericaMapper::mapGateTransactions(gatePayload, westBasin(), visits);
    QVERIFY(mapping.ok());
    QVERIFY(mapping->elementErrors.isEmpty());
    // GLDU9379447 has an Empty In without a Full Out in this visit: nothing to say.
    QCOMPARE(mapping->observations.size(), 2);
    const Observation &outgate = mapping->observations.at(0);
    QCOMPARE(outgate.containerNumber, u"BSIU9368541"_s);
    QCOMPARE(outgate.outgatedAt, std::optional<QDateTime>(utc(2019, 8, 14, 2, 16, 40))); // PDT + 7 h
    QCOMPARE(outgate.chassisNumber, std::optional<QString>(u"YMLZ4842262"_s));
    QCOMPARE(outgate.outgateTrucker, std::optional<QString>(u"A AND K TRUCKING LLC"_s));
    QCOMPARE(outgate.providerCodes.value(EventCode::Outgated), u"Outgated"_s);
    QVERIFY(!outgate.emptyReturnedAt);
    QCOMPARE(outgate.eventLocation.name, u"WBCT_LA"_s);
    QCOMPARE(outgate.raw.value(u"move_type").toString(), u"Full Out"_s);
    const Observation &empty = mapping->observations.at(1);
    QCOMPARE(empty.emptyReturnedAt, std::optional<QDateTime>(utc(2019, 8, 19, 16, 59, 22)));
    QCOMPARE(empty.providerCodes.value(EventCode::EmptyReturned), u"EmptyIn"_s);
    QVERIFY(!empty.outgatedAt);
    QVERIFY(!empty.chassisNumber);
}

void TestPortsAmericaMapper::gateEarlierVisitIgnored_data()
{
    QTest::addColumn<QDateTime>("visitStart");
    QTest::addColumn<QDateTime>("outgated");
    QTest::addColumn<QDateTime>("emptyReturned");
    QTest::newRow("both moves of the current visit")
        << utc(2019, 8, 10, 0, 0) << utc(2019, 8, 13, 19, 0) << utc(2019, 8, 19, 10, 0);
    QTest::newRow("earlier visit only") << utc(2019, 9, 1, 0, 0) << QDateTime() << QDateTime();
    QTest::newRow("no visit start keeps the first visit")
        << QDateTime() << utc(2019, 6, 1, 8, 0) << utc(2019, 6, 5, 8, 0);
}

void TestPortsAmericaMapper::gateEarlierVisitIgnored()
{
    QFETCH(QDateTime, visitStart);
    QFETCH(QDateTime, outgated);
    QFETCH(QDateTime, emptyReturned);
    auto move = [](const QString &type, const QString &at) {
        const bool out = type == u"Full Out";
        return QJsonObject{{u"container_number"_s, u"BSIU9368541"_s},
                           {u"move_type"_s, type},
                           {u"in_gate_time"_s, out ? QJsonValue() : QJsonValue(at)},
                           {u"out_gate_time"_s, out ? QJsonValue(at) : QJsonValue()},
                           {u"trucking_company_name"_s, u"A AND K TRUCKING LLC"_s}};
    };
    const QJsonArray moves{
        move(u"Full Out"_s, u"2019-06-01T08:00:00Z"_s), move(u"Empty In"_s, u"2019-06-05T08:00:00Z"_s),
        move(u"Empty In"_s, u"2019-08-19T10:00:00Z"_s), move(u"Full Out"_s, u"2019-08-13T19:00:00Z"_s)};
    QHash<QString, QDateTime> visits;
    if (visitStart.isValid())
        visits.insert(u"BSIU9368541"_s, visitStart);
    const auto mapping = PortsAmericaMapper::mapGateTransactions(QJsonDocument(moves).toJson(), westBasin(), visits);
    QVERIFY(mapping.ok());
    QDateTime seenOut;
    QDateTime seenEmpty;
    for (const Observation &observation : mapping->observations) {
        if (observation.outgatedAt)
            seenOut = *observation.outgatedAt;
        if (observation.emptyReturnedAt)
            seenEmpty = *observation.emptyReturnedAt;
    }
    QCOMPARE(seenOut, outgated);
    QCOMPARE(seenEmpty, emptyReturned);
}

void TestPortsAmericaMapper::yardListingConflict_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("available");
    QTest::addColumn<bool>("fullOut");
    QTest::addColumn<bool>("emptyIn");
    QTest::addColumn<bool>("conflict");
    QTest::newRow("in the yard after a Full Out") << u"R12"_s << true << true << false << true;
    QTest::newRow("available without a position") << QString() << true << true << false << true;
    QTest::newRow("gone from the yard") << QString() << false << true << false << false;
    QTest::newRow("no Full Out") << u"R12"_s << true << false << false << false;
    QTest::newRow("returned empty") << u"R12"_s << false << true << true << false;
}

void TestPortsAmericaMapper::yardListingConflict()
{
    QFETCH(QString, location);
    QFETCH(bool, available);
    QFETCH(bool, fullOut);
    QFETCH(bool, emptyIn);
    QFETCH(bool, conflict);
    Observation availability;
    availability.available = available;
    if (!location.isEmpty())
        availability.location = location;
    QList<Observation> moves;
    if (fullOut) {
        moves.append(Observation());
        moves.last().outgatedAt = utc(2019, 8, 13, 19, 0);
    }
    if (emptyIn) {
        moves.append(Observation());
        moves.last().emptyReturnedAt = utc(2019, 8, 19, 10, 0);
    }
    PortsAmericaMapper::markYardListingConflict(availability, moves);
    QCOMPARE(availability.yardListingConflict, std::optional<bool>(conflict));
    QCOMPARE(availability.milestones.size(), conflict ? 1 : 0);
    if (conflict) {
        const ObservedMilestone &milestone = availability.milestones.first();
        QCOMPARE(milestone.code, EventCode::Other);
        QCOMPARE(milestone.providerCode, u"ContainerAvailability"_s);
        QVERIFY(!milestone.occurredAt.isValid()); // keyed without a time: stored once while it lasts
        QCOMPARE(milestone.data.value(u"conflict"_s).toString(), u"listed_in_yard_after_full_out"_s);
        QCOMPARE(milestone.data.value(u"outgated_at"_s).toString(), u"2019-08-13T19:00:00.000Z"_s);
    }

    Observation notFound;
    notFound.notFound = true;
    PortsAmericaMapper::markYardListingConflict(notFound, moves);
    QVERIFY(!notFound.yardListingConflict); // a terminal without a record lists nothing
}

void TestPortsAmericaMapper::gateNotFoundRowsIgnored()
{
    const auto mapping = PortsAmericaMapper::mapGateTransactions(gateNotFoundPayload, westBasin(), {});
    QVERIFY(mapping.ok());
    QVERIFY(mapping->observations.isEmpty());
    QVERIFY(mapping->elementErrors.isEmpty());
}

void TestPortsAmericaMapper::mappingTableDrivesCode()
{
    for (const auto *rows : {&PortsAmericaMapper::availabilityRows(), &PortsAmericaMapper::gateRows()}) {
        QVERIFY(!rows->isEmpty());
        for (const MappingRow &row : *rows) {
            QVERIFY(!row.sourceProperty.isEmpty());
            QVERIFY(!row.normalizedProperty.isEmpty());
            QVERIFY(!row.rule.isEmpty());
            QVERIFY(row.apply != nullptr);
        }
    }
    bool documentsMisspelling = false;
    for (const MappingRow &row : PortsAmericaMapper::availabilityRows())
        documentsMisspelling = documentsMisspelling || row.sourceProperty == u"deumrrage_amount";
    QVERIFY(documentsMisspelling);
}

void TestPortsAmericaMapper::sitesHaveZones()
{
    QCOMPARE(PortsAmericaSites::all().size(), 4);
    for (const CatalogSite &site : PortsAmericaSites::all())
        QVERIFY2(site.timeZone.isValid(), site.timeZoneId.constData());
    QCOMPARE(PortsAmericaSites::timeZoneFor(u"wbct_la"_s).id(), QByteArrayLiteral("America/Los_Angeles"));
}

QTEST_GUILESS_MAIN(TestPortsAmericaMapper)
#include "tst_portsamericamapper.moc"
