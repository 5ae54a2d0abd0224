// PortConnect against its own published documents: one test per example payload of the developer
// wiki (tests/data/provider-docs/portconnect/, see its INDEX.md), each named after the page it comes
// from, one row per documented event code, and a capture on a loopback server proving that what
// Quaywatch sends is the documented request, field by field.
#include "portconnectclient.h"
#include "portconnectmapper.h"
#include "portconnectsubscriptionrequest.h"
#include "portconnectwebhook.h"
#include "reconciler.h"
#include "store.h"
#include "testdatabases.h"
#include "webhooklistener.h"

#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime observedAt(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);

QByteArray fixture(const QString &name)
{
    QFile file(QFINDTESTDATA(u"../data/provider-docs/portconnect/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// INDEX.md: the request examples carry these comments, exactly as the pages show them.
QJsonObject requestExample(const QString &name)
{
    QByteArray text = fixture(name);
    for (const QByteArray &comment :
         {"// Optional if emailAddressList is present"_ba, "// Optional if webhookURI and webhookToken are present"_ba,
          "// Optional if webhookURI and webhookToken is present"_ba})
        text.replace(comment, "");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(error.errorString()));
    return document.object();
}

// The example's values in Quaywatch's request type. Quaywatch gives one reference to every number
// of a request, so the documented example is compared with its first item alone.
PortConnectSubscriptionRequest requestFrom(const QJsonObject &example, int apiVersion)
{
    PortConnectSubscriptionRequest request;
    request.apiVersion = apiVersion;
    const bool booking = example.contains(u"bookings"_s);
    const QJsonObject first = example.value(booking ? u"bookings"_s : u"containers"_s).toArray().first().toObject();
    (booking ? request.bookingNumbers : request.containerNumbers)
        .append(first.value(booking ? u"bookingNumber"_s : u"containerNumber"_s).toString());
    request.reference = first.value(u"userDefinedReference"_s).toString();
    request.callbackUri = example.value(u"webhookURI"_s).toString();
    request.callbackToken = example.value(u"webhookToken"_s).toString();
    for (const QJsonValue &email : example.value(u"emailAddressList"_s).toArray())
        request.emails.append(email.toString());
    request.port = example.value(u"portCode"_s).toString();
    request.category = example.value(u"category"_s).toString();
    if (apiVersion == 1)
        request.eventCodes = {example.value(u"eventTypeCode"_s).toString()};
    else
        for (const QJsonValue &code : example.value(u"eventTypeCodes"_s).toArray())
            request.eventCodes.append(code.toString());
    return request;
}

QJsonObject firstItemOnly(QJsonObject example)
{
    const QString key = example.contains(u"bookings"_s) ? u"bookings"_s : u"containers"_s;
    example.insert(key, QJsonArray{example.value(key).toArray().first()});
    return example;
}

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

template<typename T>
T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> result;
    QEventLoop loop;
    start([&](T value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

struct Captured
{
    QByteArray method;
    QString path;
    QByteArray key;
    QByteArray contentType;
    QByteArray body;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    default:
        return "OTHER";
    }
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

} // namespace

class TestPortConnectDocs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createContainerEventSubscription_requestBody_data();
    void createContainerEventSubscription_requestBody();
    void createContainerEventSubscription_responseBody_data();
    void createContainerEventSubscription_responseBody();
    void getOptions_getAllSubscriptions();
    void webhookCallbackPayload_eventPayloadExample();
    void webhookCallbackPayload_asStoredIsTruncated();
    void webhookCallbackPayload_throughTheWebhookListener();
    void webhookCallbackPayloadVesselSchedule_refusedClearly_data();
    void webhookCallbackPayloadVesselSchedule_refusedClearly();
    void webhookCallbackPayloadCodes_everyCodeMapped_data();
    void webhookCallbackPayloadCodes_everyCodeMapped();
    void webhookCallbackPayloadCodes_depotGateInIsTheEmptyReturn();
    void webhookCallbackPayloadCodes_lastFreeTimeFromTheEventValue();
    void loopbackCapture_requestsAsDocumented();
    void loopbackCapture_errorsClassified();
};

void TestPortConnectDocs::createContainerEventSubscription_requestBody_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("version");
    QTest::newRow("V1 page, containers") << u"v1-create-containers.request.json"_s << 1;
    QTest::newRow("old V1 page, bookings") << u"v1-create-bookings.request.json"_s << 1;
    QTest::newRow("V1 page 6 to 8, export bookings") << u"v1-create-bookings-export.request.json"_s << 1;
    QTest::newRow("V2 page, containers (ALL, Discharge)") << u"v2-create-containers.request.json"_s << 2;
    QTest::newRow("early V2 page, containers") << u"v2-create-containers-early.request.json"_s << 2;
}

void TestPortConnectDocs::createContainerEventSubscription_requestBody()
{
    QFETCH(QString, file);
    QFETCH(int, version);
    const QJsonObject example = requestExample(file);
    const PortConnectSubscriptionRequest request = requestFrom(example, version);
    const QStringList problems = request.validate();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    QCOMPARE(request.path(), u"/v%1/subscriptions"_s.arg(version));
    const QJsonObject sent = QJsonDocument::fromJson(request.toJson()).object();
    QCOMPARE(sent, firstItemOnly(example));
}

void TestPortConnectDocs::createContainerEventSubscription_responseBody_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("booking");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QDateTime>("expiry");
    const QDateTime june20 = utc(u"2023-06-20T02:50:30.300Z"_s);
    QTest::newRow("V1 page, containers") << u"v1-create-containers.response.json"_s << u"TCNU8050683"_s << false
                                         << u"32"_s << june20;
    QTest::newRow("V2 page, containers") << u"v2-create-containers.response.json"_s << u"TCNU8050683"_s << false
                                         << u"32"_s << june20;
    QTest::newRow("early V2 page, subscriptionContainerId")
        << u"v2-create-containers-early.response.json"_s << u"FSCU8191670"_s << false << u"162"_s
        << utc(u"2023-06-22T23:21:49.100Z"_s);
    QTest::newRow("old V1 page, bookings")
        << u"v1-create-bookings.response.json"_s << u"LOPReference1"_s << true << u"32"_s << june20;
    QTest::newRow("V2 page 11 to 15, bookings")
        << u"v2-create-bookings.response.json"_s << u"LOPReferenc1"_s << true << u"32"_s << june20;
}

void TestPortConnectDocs::createContainerEventSubscription_responseBody()
{
    QFETCH(QString, file);
    QFETCH(QString, number);
    QFETCH(bool, booking);
    QFETCH(QString, id);
    QFETCH(QDateTime, expiry);
    PortConnectSubscriptionRequest part;
    // A number the answer does not list gets no expiry at all (no local 90-day guess).
    (booking ? part.bookingNumbers : part.containerNumbers) = {number, u"MSCU1234566"_s};
    const QList<PortConnectSubscribed> created = PortConnectClient::readCreated(fixture(file), part);
    QCOMPARE(created.size(), 2);
    QCOMPARE(created.at(0).number, number);
    QCOMPARE(created.at(0).subscriptionId, id);
    QCOMPARE(created.at(0).expiresAt, expiry);
    QVERIFY(!created.at(1).expiresAt.isValid());
}

void TestPortConnectDocs::getOptions_getAllSubscriptions()
{
    const QByteArray asShown = fixture(u"get-all-subscriptions.response.json"_s);
    // As printed the example has a ',' after its last object: not JSON, and refused as such.
    QCOMPARE(PortConnectClient::readList(asShown).error().kind, ErrorKind::MalformedResponse);
    QByteArray fixed = asShown;
    const qsizetype comma = fixed.lastIndexOf("},");
    QVERIFY(comma > 0 && fixed.indexOf('}', comma + 1) < 0);
    fixed.remove(comma + 1, 1); // knowingly: the one stray comma
    const Result<QList<PortConnectListedSubscription>> list = PortConnectClient::readList(fixed);
    QVERIFY2(list.ok(), qPrintable(list.error().message));
    QCOMPARE(list->size(), 2);
    const PortConnectListedSubscription &bookings = list->at(0);
    QCOMPARE(bookings.subscriptionId, u"82"_s);
    QCOMPARE(bookings.bookingsCount, 1);
    QVERIFY(bookings.containers.isEmpty());
    QCOMPARE(bookings.facility, u"NZWII"_s);
    QVERIFY(bookings.emails.isEmpty());
    const PortConnectListedSubscription &containers = list->at(1);
    QCOMPARE(containers.subscriptionId, u"84"_s);
    QCOMPARE(containers.category, u"IMPORT"_s);
    QCOMPARE(containers.port, u"NZTRG"_s);
    QCOMPARE(containers.facility, QString());
    QCOMPARE(containers.eventCodes.size(), 17);
    QCOMPARE(containers.emails, QStringList{u"info@portconnect.co.nz"_s});
    QCOMPARE(containers.containers.size(), 1);
    QCOMPARE(containers.containers.first().number, u"TSSU5011511"_s);
    QCOMPARE(containers.containers.first().subscriptionId, u"84"_s);
    QCOMPARE(containers.containers.first().expiresAt, utc(u"2024-12-17T04:05:37.703Z"_s));
    // Every code the list example shows is one Quaywatch maps.
    for (const QString &code : containers.eventCodes)
        QVERIFY2(PortConnectMapper::row(code), qPrintable(code));
}

void TestPortConnectDocs::webhookCallbackPayload_eventPayloadExample()
{
    const Result<PortConnectMapping> mapping =
        PortConnectMapper::mapCallback(fixture(u"webhook-callback-payload.first-element.json"_s), observedAt);
    QVERIFY2(mapping.ok(), qPrintable(mapping.error().message));
    QCOMPARE(mapping->items.size(), 1);
    QCOMPARE(mapping->unknownCodes, 0);
    const CallbackItem &item = mapping->items.first();
    const Observation &observation = item.observation;
    QCOMPARE(observation.containerNumber, u"APHU6303593"_s);
    QCOMPARE(item.visitKey, u"5046168"_s); // containerVisitUri's last segment
    QCOMPARE(item.visitStartedAt, utc(u"2019-06-19T00:41:02.000Z"_s));
    QCOMPARE(observation.source, u"portconnect/NZAKL"_s); // partnerPortCode
    QCOMPARE(observation.eventLocation.name, u"NZAKL"_s); // containerVisitEventLocation
    // An export visit: the outbound vessel.
    QCOMPARE(observation.vesselName, std::optional<QString>(u"KOTA LOCENG"_s));
    QCOMPARE(observation.voyage, std::optional<QString>(u"KOC0130"_s));
    QCOMPARE(observation.lineScac, std::optional<QString>(u"ANNU"_s));
    QCOMPARE(observation.sizeType->isoCode, u"4510"_s);
    QCOMPARE(observation.raw.value(u"bookingReference"_s).toString(), u"ACD0764410"_s);
    const Reconciliation result = Reconciler::reconcile(1, observation.containerNumber, {}, {observation});
    QCOMPARE(result.newEvents.size(), 1);
    const Event &gateIn = result.newEvents.first();
    QCOMPARE(gateIn.code, EventCode::GateIn);
    QCOMPARE(gateIn.providerCode, u"GATEIN"_s);
    QCOMPARE(gateIn.occurredAt, utc(u"2019-06-19T00:41:02.000Z"_s));
    QCOMPARE(gateIn.data.value(u"transport_mode"_s).toString(), u"Road"_s);
    QCOMPARE(gateIn.data.value(u"truck_id"_s).toString(), u"REL328"_s);
    QCOMPARE(gateIn.data.value(u"visit"_s).toString(), u"5046168"_s);
    QCOMPARE(result.snapshot.vesselName, u"KOTA LOCENG"_s);
}

void TestPortConnectDocs::webhookCallbackPayload_asStoredIsTruncated()
{
    const Result<PortConnectMapping> mapping =
        PortConnectMapper::mapCallback(fixture(u"webhook-callback-payload.as-stored.txt"_s), observedAt);
    QVERIFY(!mapping.ok());
    QCOMPARE(mapping.error().kind, ErrorKind::MalformedResponse);
}

// The page's body with the page's headers (webhook-callback.headers: accept, content-type,
// x-webhooktoken in lower case, as the request bin showed them) to the real listener. The token
// value is longer than the page's example "123-456-789-000", since Quaywatch chooses its tokens.
void TestPortConnectDocs::webhookCallbackPayload_throughTheWebhookListener()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto store = Store::open(database.location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    QVERIFY(recordSubscription(*store.value(), u"portconnect"_s, u"APHU6303593"_s).ok());
    const QByteArray token = "a-token-of-forty-characters-0123456789ab";
    WebhookListenerConfig config;
    config.token = token;
    WebhookListener listener(config, testClock());
    listener.addEndpoint(QString::fromLatin1(PortConnectWebhook::path),
                         PortConnectWebhook::handler(*store.value(), u"default"_s));
    const Result<quint16> port = listener.listen();
    QVERIFY(port.ok());
    QNetworkRequest request(
        QUrl(u"http://127.0.0.1:%1%2"_s.arg(port.value()).arg(QString::fromLatin1(PortConnectWebhook::path))));
    const QList<QByteArray> lines = fixture(u"webhook-callback.headers"_s).trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed();
        if (name == "host" || name == "content-length")
            continue; // the transport's own
        request.setRawHeader(name, name == "x-webhooktoken" ? token : line.mid(colon + 1).trimmed());
    }
    QNetworkAccessManager network;
    QNetworkReply *reply = network.post(request, fixture(u"webhook-callback-payload.first-element.json"_s));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    auto entry = store.value()->container(u"default"_s, u"APHU6303593"_s);
    QVERIFY(entry.ok() && entry->has_value());
    const QList<Event> events = store.value()->events(entry->value().id).value();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().providerCode, u"GATEIN"_s);
    QCOMPARE(entry->value().snapshot.vesselName, u"KOTA LOCENG"_s);
}

void TestPortConnectDocs::webhookCallbackPayloadVesselSchedule_refusedClearly_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::newRow("2023 version (valid JSON)")
        << u"vessel-schedule-callback-2023.json"_s << int(ErrorKind::InvalidInput);
    QTest::newRow("2026 version (invalid JSON as shown)")
        << u"vessel-schedule-callback.json"_s << int(ErrorKind::MalformedResponse);
    QTest::newRow("early camelCase version (invalid JSON as shown)")
        << u"vessel-schedule-callback-camelcase-early.txt"_s << int(ErrorKind::MalformedResponse);
}

void TestPortConnectDocs::webhookCallbackPayloadVesselSchedule_refusedClearly()
{
    QFETCH(QString, file);
    QFETCH(int, kind);
    const Result<PortConnectMapping> mapping = PortConnectMapper::mapCallback(fixture(file), observedAt);
    QVERIFY(!mapping.ok());
    QCOMPARE(int(mapping.error().kind), kind);
    if (kind == int(ErrorKind::InvalidInput)) // not misread as container events with no number
        QVERIFY2(mapping.error().message.contains(u"vessel-schedule callback"_s), qPrintable(mapping.error().message));
}

void TestPortConnectDocs::webhookCallbackPayloadCodes_everyCodeMapped_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    const QList<std::pair<QString, QString>> codes{
        {u"ACTIVE"_s, u"OTHER"_s},
        {u"AVAILABLE"_s, u"AVAILABLE"_s},
        {u"AVAILABLECANCELLED"_s, u"NOT_AVAILABLE"_s},
        {u"BOOKINGDISCREPANCY"_s, u"OTHER"_s},
        {u"CEDORELEASE"_s, u"HOLD_RELEASED"_s},
        {u"CEDOREVOKED"_s, u"HOLD_ADDED"_s},
        {u"CLEARED"_s, u"HOLD_RELEASED"_s},
        {u"CLEAREDCANCELLED"_s, u"HOLD_ADDED"_s},
        {u"CUSTOMSRELEASE"_s, u"HOLD_RELEASED"_s},
        {u"CUSTOMSRELEASECANCELLED"_s, u"HOLD_ADDED"_s},
        {u"DISCHARGE"_s, u"DISCHARGED"_s},
        {u"DISCHARGEDNOTCLEARED"_s, u"HOLD_ADDED"_s},
        {u"EXPORTCLEARED"_s, u"HOLD_RELEASED"_s},
        {u"EXPORTCLEAREDCANCELLED"_s, u"HOLD_ADDED"_s},
        {u"GATEIN"_s, u"GATE_IN"_s},
        {u"GATEOUT"_s, u"OUTGATED"_s},
        {u"HAZARDGATERULE"_s, u"OTHER"_s},
        {u"LFTCHANGED"_s, u"LFD_CHANGED"_s},
        {u"LFTEXCEEDED"_s, u"LFD_CHANGED"_s},
        {u"LFT24HOURS"_s, u"LFD_CHANGED"_s},
        {u"LOAD"_s, u"LOADED"_s},
        {u"LOPRELEASE"_s, u"HOLD_RELEASED"_s},
        {u"LOPRELEASECANCELLED"_s, u"HOLD_ADDED"_s},
        {u"MPIRELEASE"_s, u"HOLD_RELEASED"_s},
        {u"MPIRELEASECANCELLED"_s, u"HOLD_ADDED"_s},
        {u"NOCEDO"_s, u"HOLD_ADDED"_s},
        {u"PINAVAILABLE"_s, u"HOLD_RELEASED"_s},
        {u"PINSUSPENDED"_s, u"HOLD_ADDED"_s},
        {u"PRIORITYGATEIN"_s, u"OTHER"_s},
        {u"VBSCHANGED"_s, u"PICKUP_APPOINTMENT"_s},
        {u"VESSELARRIVAL"_s, u"VESSEL_ARRIVED"_s},
        {u"VESSELDEPARTURE"_s, u"OTHER"_s},
    };
    QCOMPARE(codes.size(), 32);
    QCOMPARE(PortConnectMapper::rows().size(), 32);
    for (const auto &[code, expected] : codes)
        QTest::newRow(qPrintable(code)) << code << expected;
}

void TestPortConnectDocs::webhookCallbackPayloadCodes_everyCodeMapped()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QVERIFY(PortConnectMapper::row(code));
    QJsonObject element =
        QJsonDocument::fromJson(fixture(u"webhook-callback-payload.first-element.json"_s)).array().first().toObject();
    element.insert(u"containerVisitEventTypeCode"_s, code);
    if (code.startsWith(u"LFT"_s) || code == "VBSCHANGED"_L1)
        element.insert(u"containerVisitEventValue"_s, u"2019-06-21T16:00:00+12:00"_s);
    const Result<PortConnectMapping> mapping =
        PortConnectMapper::mapCallback(QJsonDocument(QJsonArray{element}).toJson(), observedAt);
    QVERIFY2(mapping.ok(), qPrintable(mapping.error().message));
    QCOMPARE(mapping->unknownCodes, 0);
    const Observation &observation = mapping->items.first().observation;
    const Reconciliation result = Reconciler::reconcile(1, observation.containerNumber, {}, {observation});
    QVERIFY(!result.newEvents.isEmpty());
    const auto found = std::find_if(result.newEvents.cbegin(), result.newEvents.cend(),
                                    [&expected](const Event &event) { return eventCodeName(event.code) == expected; });
    QVERIFY2(found != result.newEvents.cend(), qPrintable(eventCodeName(result.newEvents.first().code)));
    QCOMPARE(found->providerCode, code);
    for (const Event &event : result.newEvents)
        QVERIFY(!event.data.value(u"unmapped"_s).toBool());
}

void TestPortConnectDocs::webhookCallbackPayloadCodes_depotGateInIsTheEmptyReturn()
{
    QJsonObject element =
        QJsonDocument::fromJson(fixture(u"webhook-callback-payload.first-element.json"_s)).array().first().toObject();
    element.insert(u"partnerPortCode"_s, u"DEPOT"_s);
    element.insert(u"containerVisitEventValue"_s, u"CONLINXAKL"_s); // for depots: the depot code
    const Result<PortConnectMapping> mapping =
        PortConnectMapper::mapCallback(QJsonDocument(QJsonArray{element}).toJson(), observedAt);
    QVERIFY(mapping.ok());
    const Observation &observation = mapping->items.first().observation;
    QCOMPARE(observation.emptyReturnedAt, std::optional<QDateTime>(utc(u"2019-06-19T00:41:02.000Z"_s)));
    QCOMPARE(observation.source, u"portconnect/DEPOT"_s);
    const Reconciliation result = Reconciler::reconcile(1, observation.containerNumber, {}, {observation});
    QCOMPARE(result.snapshot.status, ContainerStatus::EmptyReturned);
}

void TestPortConnectDocs::webhookCallbackPayloadCodes_lastFreeTimeFromTheEventValue()
{
    QJsonObject element =
        QJsonDocument::fromJson(fixture(u"webhook-callback-payload.first-element.json"_s)).array().first().toObject();
    element.insert(u"containerVisitEventTypeCode"_s, u"LFTCHANGED"_s);
    element.insert(u"containerVisitEventValue"_s, u"2019-06-21T23:30:00+12:00"_s);
    Result<PortConnectMapping> mapping =
        PortConnectMapper::mapCallback(QJsonDocument(QJsonArray{element}).toJson(), observedAt);
    QVERIFY(mapping.ok());
    QCOMPARE(mapping->items.first().observation.lfdTerminal, std::optional<QDate>(QDate(2019, 6, 21)));
    // A value that does not parse is kept as text on an LFD_CHANGED event, not dropped.
    element.insert(u"containerVisitEventValue"_s, u"Friday 4pm"_s);
    mapping = PortConnectMapper::mapCallback(QJsonDocument(QJsonArray{element}).toJson(), observedAt);
    QVERIFY(mapping.ok());
    const Observation &observation = mapping->items.first().observation;
    QVERIFY(!observation.lfdTerminal);
    QCOMPARE(observation.milestones.first().code, EventCode::LfdChanged);
    QCOMPARE(observation.milestones.first().data.value(u"last_free_time_text"_s).toString(), u"Friday 4pm"_s);
}

void TestPortConnectDocs::loopbackCapture_requestsAsDocumented()
{
    QList<Captured> captured;
    QHttpServer server;
    server.route(u"/<arg>"_s, [&captured](const QUrl &path, const QHttpServerRequest &request) {
        captured.append({methodName(request.method()), u"/"_s + path.path(),
                         header(request, "Ocp-Apim-Subscription-Key"), header(request, "Content-Type"),
                         request.body()});
        if (request.method() == QHttpServerRequest::Method::Post)
            return QHttpServerResponse("application/json"_ba, fixture(u"v1-create-containers.response.json"_s));
        if (request.method() == QHttpServerRequest::Method::Get) {
            QByteArray list = fixture(u"get-all-subscriptions.response.json"_s);
            list.remove(list.lastIndexOf("},") + 1, 1);
            return QHttpServerResponse("application/json"_ba, list);
        }
        return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QNetworkAccessManager network;
    PortConnectClient client(&network, QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "the-key");

    const QJsonObject example = requestExample(u"v1-create-containers.request.json"_s);
    PortConnectSubscriptionRequest request = requestFrom(example, 1);
    auto created = waitFor<Result<QList<PortConnectSubscribed>>>([&](auto done) { client.subscribe(request, done); });
    QVERIFY2(created.ok(), qPrintable(created.error().message));
    QCOMPARE(captured.size(), 1);
    QCOMPARE(captured.at(0).method, "POST"_ba);
    QCOMPARE(captured.at(0).path, u"/v1/subscriptions"_s);
    QCOMPARE(captured.at(0).key, "the-key"_ba);
    QVERIFY(captured.at(0).contentType.startsWith("application/json"));
    const QJsonObject sent = QJsonDocument::fromJson(captured.at(0).body).object();
    const QJsonObject documented = firstItemOnly(example);
    QCOMPARE(sent.keys(), documented.keys());
    for (const QString &field : documented.keys())
        QVERIFY2(sent.value(field) == documented.value(field), qPrintable(field));

    auto removed = waitFor<Result<void>>([&](auto done) { client.remove(1, u"32"_s, u"MEDU3085895"_s, false, done); });
    QVERIFY(removed.ok());
    QCOMPARE(captured.last().method, "DELETE"_ba);
    QCOMPARE(captured.last().path, u"/v1/subscriptions/32/containers/MEDU3085895"_s);
    removed = waitFor<Result<void>>([&](auto done) { client.removeSubscription(u"84"_s, done); });
    QVERIFY(removed.ok());
    QCOMPARE(captured.last().path, u"/v2/subscriptions/84"_s);
    // A number stored without a numeric subscription id (an older record): looked up in the list.
    const qsizetype before = captured.size();
    removed = waitFor<Result<void>>([&](auto done) { client.remove(2, u"sub-1"_s, u"TSSU5011511"_s, false, done); });
    QVERIFY2(removed.ok(), qPrintable(removed.error().message));
    QCOMPARE(captured.size(), before + 2);
    QCOMPARE(captured.at(before).method, "GET"_ba);
    QCOMPARE(captured.at(before).path, u"/v2/subscriptions"_s);
    QCOMPARE(captured.last().path, u"/v2/subscriptions/84/containers/TSSU5011511"_s);
    // A booking has no documented delete address: refused, nothing sent.
    removed = waitFor<Result<void>>([&](auto done) { client.remove(2, u"82"_s, u"LOPReference1"_s, true, done); });
    QVERIFY(!removed.ok());
    QCOMPARE(captured.size(), before + 2);
}

void TestPortConnectDocs::loopbackCapture_errorsClassified()
{
    int status = 400;
    QHttpServer server;
    server.route(u"/<arg>"_s, [&status](const QUrl &, const QHttpServerRequest &) {
        return QHttpServerResponse("application/json"_ba, R"({"message":"Container ABC1234567 is not on it"})"_ba,
                                   QHttpServerResponder::StatusCode(status));
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QNetworkAccessManager network;
    PortConnectClient client(&network, QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "the-key");
    // "Delete Container from Subscription (V1)": an error is a 400 with a message.
    auto removed = waitFor<Result<void>>([&](auto done) { client.remove(1, u"1"_s, u"ABC1234567"_s, false, done); });
    QCOMPARE(removed.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(removed.error().message.contains(u"is not on it"_s), qPrintable(removed.error().message));
    QVERIFY(removed.error().message.startsWith(u"PortConnect, removing the container"_s));
    status = 401;
    auto listed = waitFor<Result<QList<PortConnectListedSubscription>>>([&](auto done) { client.list(done); });
    QCOMPARE(listed.error().kind, ErrorKind::BadCredentials);
    QVERIFY2(listed.error().message.contains(u"subscription key"_s), qPrintable(listed.error().message));
}

QTEST_GUILESS_MAIN(TestPortConnectDocs)
#include "tst_portconnectdocs.moc"
