// The simulator over real HTTP on loopback: seed 003's response shapes and error bodies, the
// scenario timeline on a frozen clock moved by /_sim/advance, fault injection, and its counters.
#include "simulatorprocess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString tracked = u"TCNU7889359"_s;
const QByteArray scenarioJson = R"json({"version":1,"containers":[{
  "number":"TCNU7889359","site":"WBCT_LA","line":"COS","vessel":"YANTIAN","voyage":"107E",
  "location":"TF6MS-638-L5(D)","gross_weight":"20381",
  "discharge":2,"available":4,
  "holds":[{"id":"Customs Hold","added":-1,"released":10},{"id":"Custom Hold","added":0,"released":6},
           {"id":"USDA Hold","added":20,"released":null}],
  "lfd":[{"at":4,"days":3},{"at":30,"days":5}],
  "demurrage_per_day":100,
  "outgate":{"at":200,"trucker":"A AND K TRUCKING LLC","trucker_code":"PFCH","chassis":"YMLZ4842262",
             "reference":"ONEYHPHV09927900"},
  "empty_return":260,
  "earlier_visits":[{"outgate":-700,"empty_return":-650,"chassis":"FHCZ026571","reference":"ONEYSZPVA3497301"}]
}]})json";

const QStringList availabilityKeys{u"container_number"_s,   u"bill_of_lading_number"_s,  u"availability"_s,
                                   u"steamshipline_code"_s, u"hold_information"_s,       u"vessel_name"_s,
                                   u"voyage_number"_s,      u"order_of_accessibility"_s, u"location"_s,
                                   u"last_free_day"_s,      u"last_guarantee_date"_s,    u"paid_through_date"_s,
                                   u"deumrrage_amount"_s,   u"container_type"_s,         u"container_length"_s,
                                   u"container_height"_s,   u"container_iso_code"_s,     u"gross_weight"_s,
                                   u"hazardous"_s,          u"genset_required"_s,        u"current_state"_s,
                                   u"next_move"_s,          u"ResponseCode"_s,           u"ResponseCodeDescription"_s};
const QStringList gateKeys{u"container_number"_s, u"move_type"_s,          u"in_gate_time"_s,
                           u"out_gate_time"_s,    u"container_type"_s,     u"container_length"_s,
                           u"container_height"_s, u"steamshipline_code"_s, u"chassis_number"_s,
                           u"chassis_length"_s,   u"reference_number"_s,   u"trucking_company_name"_s};

// Keys of a JSON object in the order they appear in the raw text.
QStringList keysInOrder(const QByteArray &objectText)
{
    QStringList keys;
    int depth = 0;
    bool inString = false;
    qsizetype start = -1;
    for (qsizetype i = 0; i < objectText.size(); ++i) {
        const char c = objectText.at(i);
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
                if (depth == 1 && i + 1 < objectText.size() && objectText.at(i + 1) == ':')
                    keys.append(QString::fromUtf8(objectText.mid(start + 1, i - start - 1)));
            }
        } else if (c == '"') {
            inString = true;
            start = i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                break; // end of the first object
        }
    }
    return keys;
}

} // namespace

class TestSimulator final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void token_data();
    void token();
    void availabilityErrors_data();
    void availabilityErrors();
    void notFound_data();
    void notFound();
    void availabilityShape();
    void anyValidIsDeterministic();
    void timeline_data();
    void timeline();
    void gateShapeAndStartDate();
    void gateErrors_data();
    void gateErrors();
    void rateLimited();
    void malformedContainers();
    void droppedAndSlow();
    void tokenLifetime();
    void stats();

private:
    SimulatorReply availability(const QStringList &numbers, const QByteArray &site = "WBCT_LA");
    SimulatorReply gate(const QJsonObject &body);
    void setFaults(const QJsonObject &faults);
    void advanceTo(double hours);

    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
    QByteArray m_token;
    double m_hours = 0;
};

void TestSimulator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile file(m_dir.filePath(u"scenario.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(scenarioJson);
    file.close();
    // Speed 0 freezes the clock: only /_sim/advance moves it, so every step is exact.
    QVERIFY2(m_sim.start({u"--scenario"_s, file.fileName(), u"--speed"_s, u"0"_s, u"--start"_s,
                          u"2024-03-01T12:00:00Z"_s, u"--user"_s, u"demo:demo"_s, u"--user"_s, u"ops:s3cret"_s}),
             qPrintable(m_sim.errorString()));
    m_token = m_sim.token().toUtf8();
    QVERIFY(!m_token.isEmpty());
}

SimulatorReply TestSimulator::availability(const QStringList &numbers, const QByteArray &site)
{
    QJsonArray body;
    for (const QString &number : numbers)
        body.append(QJsonObject{{u"containerNumber"_s, number}});
    return m_sim.request("GET", u"/api/ImportContainer/ContainerAvailability"_s, QJsonDocument(body).toJson(),
                         {{"Authorization", "Bearer " + m_token}, {"SiteId", site}});
}

SimulatorReply TestSimulator::gate(const QJsonObject &body)
{
    return m_sim.request("GET", u"/api/GateActivity/GateTransaction"_s, QJsonDocument(body).toJson(),
                         {{"Authorization", "Bearer " + m_token}, {"SiteId", "WBCT_LA"}});
}

void TestSimulator::setFaults(const QJsonObject &faults)
{
    const SimulatorReply reply =
        m_sim.request("POST", u"/_sim/faults"_s, QJsonDocument(faults).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 200);
}

void TestSimulator::advanceTo(double hours)
{
    if (hours > m_hours) {
        const QJsonObject time = m_sim.postJson(u"/_sim/advance"_s, {{u"hours"_s, hours - m_hours}}).object();
        QCOMPARE(time.value(u"hours"_s).toDouble(), hours);
        m_hours = hours;
    }
}

void TestSimulator::token_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected"); // exact body; empty = check the token shape

    QTest::newRow("valid") << QByteArray(R"({"username":"ops","password":"s3cret"})") << 200 << QByteArray();
    const QByteArray bad = R"({"title":"One or more validation errors occurred.","status":400,)"
                           R"("errors":{"DataError":["The user name or password is incorrect."]}})";
    QTest::newRow("wrong password") << QByteArray(R"({"username":"demo","password":"nope"})") << 400 << bad;
    QTest::newRow("unknown user") << QByteArray(R"({"username":"who","password":"demo"})") << 400 << bad;
    const QByteArray unsupported = R"({"type":"https://tools.ietf.org/html/rfc7231#section-6.5.13",)"
                                   R"("title":"Unsupported Media Type","status":415,)"
                                   R"("traceId":"|db2991d2-4b25c217d5688bcb.3.541a6422_"})";
    QTest::newRow("no body") << QByteArray() << 415 << unsupported;
    QTest::newRow("missing password") << QByteArray(R"({"username":"demo"})") << 415 << unsupported;
}

void TestSimulator::token()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    const SimulatorReply reply = m_sim.request("POST", u"/api/Auth/GetToken"_s, body);
    QCOMPARE(reply.status, status);
    if (!expected.isEmpty()) {
        QCOMPARE(reply.body, expected);
        return;
    }
    QCOMPARE(keysInOrder(reply.body), (QStringList{u"userName"_s, u"token"_s}));
    QCOMPARE(reply.json[u"userName"_s].toString(), u"ops"_s);
    QVERIFY(reply.json[u"token"_s].toString().size() >= 16);
}

void TestSimulator::availabilityErrors_data()
{
    QTest::addColumn<QList<QByteArray>>("headers"); // name, value, name, value ...
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray missingSite = R"({"Type":null,"Title":null,"Status":400,"Detail":"SiteId Parameter missing )"
                                   R"(from the Request Header Or other exception happened.","Instance":null,)"
                                   R"("Extensions":{}})";
    QTest::newRow("missing SiteId") << QList<QByteArray>{"Authorization", "BEARER"} << 400 << missingSite;
    QTest::newRow("no token") << QList<QByteArray>{"SiteId", "WBCT_LA"} << 401 << QByteArray("401 Unauthorized");
    QTest::newRow("bad token") << QList<QByteArray>{"SiteId", "WBCT_LA", "Authorization", "Bearer nonsense"} << 401
                               << QByteArray("401 Unauthorized");
    QTest::newRow("not bearer") << QList<QByteArray>{"SiteId", "WBCT_LA", "Authorization", "Basic abc"} << 401
                                << QByteArray("401 Unauthorized");
}

void TestSimulator::availabilityErrors()
{
    QFETCH(QList<QByteArray>, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (qsizetype i = 0; i + 1 < headers.size(); i += 2)
        pairs.append({headers.at(i), headers.at(i + 1) == "BEARER" ? "Bearer " + m_token : headers.at(i + 1)});
    const SimulatorReply reply = m_sim.request("GET", u"/api/ImportContainer/ContainerAvailability"_s,
                                               R"([{"containerNumber":"TCNU7889359"}])", pairs);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.body, expected);
}

void TestSimulator::notFound_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QByteArray>("site");
    QTest::addColumn<QString>("echoed");

    QTest::newRow("invalid") << u"Test123456"_s << QByteArray("WBCT_LA") << u"TEST123456"_s;
    QTest::newRow("bad check digit") << u"TCNU7889358"_s << QByteArray("WBCT_LA") << u"TCNU7889358"_s;
    QTest::newRow("other site") << tracked << QByteArray("PNCT_NJ") << tracked;
    QTest::newRow("unknown site") << u"MSCU1234566"_s << QByteArray("NOWHERE") << u"MSCU1234566"_s;
}

void TestSimulator::notFound()
{
    QFETCH(QString, number);
    QFETCH(QByteArray, site);
    QFETCH(QString, echoed);
    const SimulatorReply reply = availability({number}, site);
    QCOMPARE(reply.status, 200);
    const QByteArray expected = R"([{"container_number":")" + echoed.toUtf8() +
                                R"(","bill_of_lading_number":"","deumrrage_amount":0.0,"ResponseCode":1,)"
                                R"("ResponseCodeDescription":"No record found"}])";
    QCOMPARE(reply.body, expected);
}

void TestSimulator::availabilityShape()
{
    const SimulatorReply reply = availability({u"TEST123456"_s, tracked});
    QCOMPARE(reply.status, 200);
    const QJsonArray elements = reply.json.array();
    QCOMPARE(elements.size(), 2);
    QCOMPARE(elements.at(1)[u"ResponseCode"_s].toInt(), 0);
    QCOMPARE(elements.at(1)[u"ResponseCodeDescription"_s].toString(), u"Success"_s);
    const qsizetype second = reply.body.indexOf(R"({"container_number":"TCNU7889359")");
    QVERIFY(second > 0);
    QStringList keys = keysInOrder(reply.body.mid(second));
    keys.removeAll(u"discharge_time"_s); // sent once discharged; the seed's Grounded rule reads it
    QCOMPARE(keys, availabilityKeys);
    QVERIFY(reply.body.contains(R"("deumrrage_amount":0.0)"));
    QCOMPARE(elements.at(1)[u"vessel_name"_s].toString(), u"YANTIAN"_s);
    QCOMPARE(elements.at(1)[u"gross_weight"_s].toString(), u"20381"_s);
}

void TestSimulator::anyValidIsDeterministic()
{
    const SimulatorReply first = availability({u"MSCU1234566"_s, u"GLDU9379447"_s});
    const SimulatorReply second = availability({u"MSCU1234566"_s, u"GLDU9379447"_s});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.body, second.body);
    const QJsonArray elements = first.json.array();
    QCOMPARE(elements.size(), 2);
    for (const QJsonValue &element : elements)
        QCOMPARE(element[u"ResponseCode"_s].toInt(), 0);
}

void TestSimulator::timeline_data()
{
    QTest::addColumn<double>("hours");
    QTest::addColumn<QString>("available");
    QTest::addColumn<bool>("inYard");
    QTest::addColumn<QStringList>("holds");
    QTest::addColumn<QString>("lfd");
    QTest::addColumn<QByteArray>("demurrage");
    QTest::addColumn<QStringList>("moves"); // current visit's gate moves, newest first

    QTest::newRow("on vessel") << 0.0 << u"No"_s << false << QStringList{u"Customs Hold"_s, u"Custom Hold"_s}
                               << QString() << QByteArray("0.0") << QStringList();
    QTest::newRow("discharged") << 3.0 << u"No"_s << true << QStringList{u"Customs Hold"_s, u"Custom Hold"_s}
                                << QString() << QByteArray("0.0") << QStringList();
    QTest::newRow("available") << 5.0 << u"Yes"_s << true << QStringList{u"Customs Hold"_s, u"Custom Hold"_s}
                               << u"20240304"_s << QByteArray("0.0") << QStringList();
    QTest::newRow("one released") << 7.0 << u"Yes"_s << true << QStringList{u"Customs Hold"_s} << u"20240304"_s
                                  << QByteArray("0.0") << QStringList();
    QTest::newRow("all released") << 11.0 << u"Yes"_s << true << QStringList() << u"20240304"_s << QByteArray("0.0")
                                  << QStringList();
    QTest::newRow("usda hold, lfd moved") << 31.0 << u"Yes"_s << true << QStringList{u"USDA Hold"_s} << u"20240306"_s
                                          << QByteArray("0.0") << QStringList();
    // 2024-03-07T18:00Z is 10:00 on the 7th in Los Angeles: one day past the LFD.
    QTest::newRow("demurrage") << 150.0 << u"Yes"_s << true << QStringList{u"USDA Hold"_s} << u"20240306"_s
                               << QByteArray("100.0") << QStringList();
    QTest::newRow("outgated") << 201.0 << u"No"_s << false << QStringList() << u"20240306"_s << QByteArray("300.0")
                              << QStringList{u"Full Out"_s};
    QTest::newRow("empty returned") << 261.0 << u"No"_s << false << QStringList() << u"20240306"_s
                                    << QByteArray("300.0") << QStringList{u"Empty In"_s, u"Full Out"_s};
}

void TestSimulator::timeline()
{
    QFETCH(double, hours);
    QFETCH(QString, available);
    QFETCH(bool, inYard);
    QFETCH(QStringList, holds);
    QFETCH(QString, lfd);
    QFETCH(QByteArray, demurrage);
    QFETCH(QStringList, moves);
    advanceTo(hours);
    const SimulatorReply reply = availability({tracked});
    QCOMPARE(reply.status, 200);
    const QJsonObject element = reply.json.array().at(0).toObject();
    QCOMPARE(element[u"availability"_s].toString(), available);
    QCOMPARE(element[u"location"_s].toString(), inYard ? u"TF6MS-638-L5(D)"_s : QString());
    QStringList holdIds;
    for (const QJsonValue &hold : element[u"hold_information"_s].toArray())
        holdIds.append(hold[u"hold_id"_s].toString());
    QCOMPARE(holdIds, holds);
    QCOMPARE(element[u"last_free_day"_s].toString(), lfd);
    const QByteArray expectedAmount = R"("deumrrage_amount":)" + demurrage;
    QVERIFY2(reply.body.contains(expectedAmount), reply.body.constData());
    QCOMPARE(element.contains(u"discharge_time"_s), hours >= 2);
    if (hours >= 2)
        QCOMPARE(element[u"discharge_time"_s].toString(), u"2024-03-01T06:00:00"_s); // 14:00Z in LA

    const SimulatorReply gates = gate({{u"containerNumbers"_s, QJsonArray{tracked}},
                                       {u"truckingCompanyCode"_s, u"PFCH"_s},
                                       {u"startDate"_s, u"2024-03-01T00:00:00"_s}});
    QCOMPARE(gates.status, 200);
    QStringList moveTypes;
    for (const QJsonValue &row : gates.json.array()) {
        if (row.toObject().contains(u"move_type"_s))
            moveTypes.append(row[u"move_type"_s].toString());
        else
            QCOMPARE(row[u"ResponseCode"_s].toInt(), 1);
    }
    QCOMPARE(moveTypes, moves);
}

void TestSimulator::gateShapeAndStartDate()
{
    advanceTo(261.0);
    const SimulatorReply all =
        gate({{u"containerNumbers"_s, QJsonArray{tracked, u"TEST123456"_s}}, {u"truckingCompanyCode"_s, u"PFCH"_s}});
    QCOMPARE(all.status, 200);
    const QJsonArray rows = all.json.array();
    QCOMPARE(rows.size(), 5); // two visits x (Full Out, Empty In) + the invalid number
    QCOMPARE(keysInOrder(all.body.mid(1)), gateKeys);
    const QJsonObject emptyIn = rows.at(0).toObject();
    QCOMPARE(emptyIn[u"move_type"_s].toString(), u"Empty In"_s);
    QCOMPARE(emptyIn[u"in_gate_time"_s].toString(), u"2024-03-12T01:00:00"_s); // 2024-03-12T08:00Z, LA after DST (PDT)
    QVERIFY(emptyIn[u"out_gate_time"_s].isNull());
    QVERIFY(emptyIn[u"reference_number"_s].isNull());
    const QJsonObject fullOut = rows.at(1).toObject();
    QCOMPARE(fullOut[u"move_type"_s].toString(), u"Full Out"_s);
    QCOMPARE(fullOut[u"out_gate_time"_s].toString(), u"2024-03-09T12:00:00"_s); // 20:00Z in LA (PST)
    QCOMPARE(fullOut[u"reference_number"_s].toString(), u"ONEYHPHV09927900"_s);
    QCOMPARE(fullOut[u"chassis_number"_s].toString(), u"YMLZ4842262"_s);
    QCOMPARE(fullOut[u"trucking_company_name"_s].toString(), u"A AND K TRUCKING LLC"_s);
    QCOMPARE(rows.at(3)[u"move_type"_s].toString(), u"Full Out"_s); // the earlier visit, weeks before
    QCOMPARE(rows.at(4).toObject(), (QJsonObject{{u"container_number"_s, u"TEST123456"_s},
                                                 {u"ResponseCode"_s, 1},
                                                 {u"ResponseCodeDescription"_s, u"No record found"_s}}));

    const SimulatorReply recent = gate({{u"containerNumbers"_s, QJsonArray{tracked}},
                                        {u"truckingCompanyCode"_s, u"PFCH"_s},
                                        {u"startDate"_s, u"2024-02-15T00:00:00.000Z"_s},
                                        {u"endDate"_s, u"2024-03-10T00:00:00"_s}});
    QCOMPARE(recent.json.array().size(), 1);
    QCOMPARE(recent.json.array().at(0)[u"move_type"_s].toString(), u"Full Out"_s);

    const SimulatorReply unknownTrucker =
        gate({{u"containerNumbers"_s, QJsonArray{tracked}}, {u"truckingCompanyCode"_s, u"ZZZZ"_s}});
    QCOMPARE(unknownTrucker.json.array().size(), 1);
    QCOMPARE(unknownTrucker.json.array().at(0)[u"ResponseCode"_s].toInt(), 1);
}

void TestSimulator::gateErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("no containerNumbers")
        << QByteArray(R"({"truckingCompanyCode":"PFCH"})")
        << QByteArray(R"({"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more )"
                      R"(validation errors occurred.","status":400,"traceId":"|db29943e-4b25c217d5688bcb.3.d9a8d5d2_",)"
                      R"("errors":{"ContainerNumbers":["The ContainerNumbers field is required."]}})");
    QTest::newRow("no truckingCompanyCode")
        << QByteArray(R"({"containerNumbers":["TCNU7889359"]})")
        << QByteArray(R"({"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more )"
                      R"(validation errors occurred.","status":400,"traceId":"|db299438-4b25c217d5688bcb.3.d9a8d5d1_",)"
                      R"("errors":{"TruckingCompanyCode":["The TruckingCompanyCode field is required."]}})");
}

void TestSimulator::gateErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const SimulatorReply reply = m_sim.request("GET", u"/api/GateActivity/GateTransaction"_s, body,
                                               {{"Authorization", "Bearer " + m_token}, {"SiteId", "WBCT_LA"}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.body, expected);
}

void TestSimulator::rateLimited()
{
    setFaults({{u"rate-limit-every"_s, 1}, {u"retry-after"_s, 7}});
    const SimulatorReply limited = availability({tracked});
    setFaults({{u"rate-limit-every"_s, 0}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("7"));
    QCOMPARE(availability({tracked}).status, 200);
}

void TestSimulator::malformedContainers()
{
    setFaults({{u"malformed-containers"_s, QJsonArray{tracked}}});
    const SimulatorReply broken = availability({u"MSCU1234566"_s, tracked});
    const SimulatorReply fine = availability({u"MSCU1234566"_s});
    setFaults({{u"malformed-containers"_s, QJsonArray()}});
    QCOMPARE(broken.status, 200);
    QVERIFY(!broken.body.isEmpty());
    QVERIFY(broken.json.isNull());
    QCOMPARE(fine.status, 200);
    QVERIFY(fine.json.isArray());
}

void TestSimulator::droppedAndSlow()
{
    setFaults({{u"drop-rate"_s, 1}});
    const SimulatorReply dropped = availability({tracked});
    setFaults({{u"drop-rate"_s, 0}, {u"slow-body-ms"_s, 200}, {u"latency-ms"_s, 50}});
    const SimulatorReply slow = availability({tracked, u"MSCU1234566"_s});
    setFaults({{u"slow-body-ms"_s, 0}, {u"latency-ms"_s, 0}});
    QCOMPARE(dropped.status, 0);
    QVERIFY(!dropped.error.isEmpty());
    QCOMPARE(slow.status, 200);
    QCOMPARE(slow.json.array().size(), 2);
}

void TestSimulator::tokenLifetime()
{
    setFaults({{u"token-lifetime"_s, 1}});
    m_token = m_sim.token().toUtf8();
    QCOMPARE(availability({tracked}).status, 200);
    QThread::msleep(1100);
    const SimulatorReply expired = availability({tracked});
    setFaults({{u"token-lifetime"_s, 0}});
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.body, QByteArray("401 Unauthorized"));
    QCOMPARE(availability({tracked}).status, 200); // lifetime 0 = tokens live forever again
}

void TestSimulator::stats()
{
    QCOMPARE(m_sim.request("POST", u"/_sim/reset-stats"_s).status, 200);
    QVERIFY(!m_sim.token().isEmpty());
    availability({tracked, u"MSCU1234566"_s, u"TEST123456"_s});
    availability({tracked});
    gate({{u"containerNumbers"_s, QJsonArray{tracked, u"MSCU1234566"_s}}, {u"truckingCompanyCode"_s, u"PFCH"_s}});
    m_sim.request("GET", u"/api/ImportContainer/ContainerAvailability"_s, "[]", {{"SiteId", "OCT"}});
    setFaults({{u"rate-limit-every"_s, 1}});
    availability({tracked});
    setFaults({{u"rate-limit-every"_s, 0}});

    const QJsonObject stats = m_sim.stats();
    QCOMPARE(stats[u"token_requests"_s].toInt(), 1);
    QCOMPARE(stats[u"availability_requests"_s].toInt(), 4);
    QCOMPARE(stats[u"gate_requests"_s].toInt(), 1);
    QCOMPARE(stats[u"containers_requested"_s].toInt(), 6);
    QCOMPARE(stats[u"max_containers_per_request"_s].toInt(), 3);
    QCOMPARE(stats[u"rejected_401"_s].toInt(), 1);
    QCOMPARE(stats[u"rate_limited"_s].toInt(), 1);
    QCOMPARE(stats[u"errors_500"_s].toInt(), 0);
    QCOMPARE(stats[u"malformed"_s].toInt(), 0);
    QCOMPARE(stats[u"dropped"_s].toInt(), 0);
    QCOMPARE(stats[u"max_in_flight"_s].toInt(), 1);
    const QJsonArray containers = m_sim.getJson(u"/_sim/containers"_s).array();
    QCOMPARE(containers.size(), 1);
    QCOMPARE(containers.at(0)[u"site"_s].toString(), u"WBCT_LA"_s);
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
