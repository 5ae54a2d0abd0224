// PortConnect: the callback mapper, the subscription rules (checked before sending), and callbacks
// stored through the reconciler on SQLite and PostgreSQL (replays add nothing, visits kept apart).
#include "portconnectmapper.h"
#include "portconnectsubscriptionrequest.h"
#include "reconciler.h"
#include "store.h"
#include "subscriptionstore.h"
#include "testdatabases.h"

#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray element(const QString &number, const QString &code, const QString &time, const QString &visit = {},
                   const QString &extra = {})
{
    QString text = uR"({"containerNumber":"%1","containerVisitEventTypeCode":"%2","containerVisitEventDatetime":"%3",)"
                   uR"("userDefinedReference":"REF-1","partnerPortCode":"NZAKL")"_s.arg(number, code, time);
    if (!visit.isEmpty())
        text += uR"(,"containerVisitUri":"v1/container-visits/%1")"_s.arg(visit);
    if (!extra.isEmpty())
        text += u","_s + extra;
    return (text + u"}"_s).toUtf8();
}

PortConnectSubscriptionRequest validRequest()
{
    PortConnectSubscriptionRequest request;
    request.containerNumbers = {u"MSCU1234566"_s};
    request.eventCodes = {u"DISCHARGE"_s, u"AVAILABLE"_s};
    request.port = u"NZAKL"_s;
    request.category = u"IMPORT"_s;
    request.callbackUri = u"https://hooks.example.com/portconnect"_s;
    request.callbackToken = u"token"_s;
    return request;
}

} // namespace

class TestPortConnect final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsKnownCodes_data();
    void mapsKnownCodes();
    void keepsUnknownCodes();
    void refusesBadCallbacks_data();
    void refusesBadCallbacks();
    void validation_data();
    void validation();
    void splitsIntoTens();
    void ingest_data();
    void ingest();
};

void TestPortConnect::mapsKnownCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expectedEvent");
    QTest::newRow("discharge") << u"DISCHARGE"_s << u"DISCHARGED"_s;
    QTest::newRow("available") << u"AVAILABLE"_s << u"AVAILABLE"_s;
    QTest::newRow("customs release") << u"CUSTOMSRELEASE"_s << u"HOLD_RELEASED"_s;
    QTest::newRow("customs release cancelled") << u"CUSTOMSRELEASECANCELLED"_s << u"HOLD_ADDED"_s;
    QTest::newRow("mpi release") << u"MPIRELEASE"_s << u"HOLD_RELEASED"_s;
    QTest::newRow("gate out") << u"GATEOUT"_s << u"OUTGATED"_s;
    QTest::newRow("gate in") << u"GATEIN"_s << u"GATE_IN"_s;
    QTest::newRow("vessel arrival") << u"VESSELARRIVAL"_s << u"VESSEL_ARRIVED"_s;
}

void TestPortConnect::mapsKnownCodes()
{
    QFETCH(QString, code);
    QFETCH(QString, expectedEvent);
    const QByteArray body = "[" + element(u"MSCU1234566"_s, code, u"2024-03-01T10:00:00+13:00"_s) + "]";
    const Result<PortConnectMapping> mapping = PortConnectMapper::mapCallback(body, QDateTime::currentDateTimeUtc());
    QVERIFY2(mapping.ok(), qPrintable(mapping.error().message));
    QCOMPARE(mapping->items.size(), 1);
    const Observation &observation = mapping->items.first().observation;
    QCOMPARE(observation.containerNumber, u"MSCU1234566"_s);
    const Reconciliation result = Reconciler::reconcile(1, observation.containerNumber, {}, {observation});
    QCOMPARE(result.newEvents.size(), 1);
    QCOMPARE(eventCodeName(result.newEvents.first().code), expectedEvent);
    QCOMPARE(result.newEvents.first().providerCode, code);
    if (result.newEvents.first().occurredAt.isValid() && code != "AVAILABLE"_L1)
        QCOMPARE(result.newEvents.first().occurredAt, QDateTime(QDate(2024, 2, 29), QTime(21, 0), Qt::UTC));
}

void TestPortConnect::keepsUnknownCodes()
{
    const QByteArray body = "[" + element(u"MSCU1234566"_s, u"BERTHED"_s, u"2024-03-01T10:00:00+13:00"_s) + "]";
    const Result<PortConnectMapping> mapping = PortConnectMapper::mapCallback(body, QDateTime::currentDateTimeUtc());
    QVERIFY(mapping.ok());
    QCOMPARE(mapping->unknownCodes, 1);
    const Observation &observation = mapping->items.first().observation;
    QCOMPARE(observation.milestones.size(), 1);
    QCOMPARE(observation.milestones.first().code, EventCode::Other);
    QCOMPARE(observation.milestones.first().providerCode, u"BERTHED"_s);
    QCOMPARE(observation.milestones.first().data.value(u"unmapped"_s).toBool(), true);
}

void TestPortConnect::refusesBadCallbacks_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::newRow("truncated") << "[{\"containerNumber\":\"MSCU1234566\",\"contain"_ba
                               << int(ErrorKind::MalformedResponse);
    QTest::newRow("object not array") << "{\"a\":1}"_ba << int(ErrorKind::MalformedResponse);
    QTest::newRow("number as integer")
        << R"([{"containerNumber":12,"containerVisitEventTypeCode":"DISCHARGE","containerVisitEventDatetime":"2024-03-01T10:00:00+13:00"}])"_ba
        << int(ErrorKind::InvalidInput);
    QTest::newRow("code missing")
        << R"([{"containerNumber":"MSCU1234566","containerVisitEventDatetime":"2024-03-01T10:00:00+13:00"}])"_ba
        << int(ErrorKind::InvalidInput);
    QTest::newRow("bad time")
        << R"([{"containerNumber":"MSCU1234566","containerVisitEventTypeCode":"DISCHARGE","containerVisitEventDatetime":"yesterday"}])"_ba
        << int(ErrorKind::InvalidInput);
    QTest::newRow("element not object") << "[1, 2]"_ba << int(ErrorKind::InvalidInput);
}

void TestPortConnect::refusesBadCallbacks()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    const Result<PortConnectMapping> mapping = PortConnectMapper::mapCallback(body, QDateTime::currentDateTimeUtc());
    QVERIFY(!mapping.ok());
    QCOMPARE(int(mapping.error().kind), kind);
}

void TestPortConnect::validation_data()
{
    QTest::addColumn<PortConnectSubscriptionRequest>("request");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::newRow("valid v2") << validRequest() << QString();
    PortConnectSubscriptionRequest r = validRequest();
    r.reference = QString(51, u'x');
    QTest::newRow("51-character reference") << r << u"at most 50"_s;
    r = validRequest();
    r.reference = QString(50, u'x');
    QTest::newRow("50-character reference") << r << QString();
    r = validRequest();
    r.apiVersion = 1;
    QTest::newRow("v1 with two codes") << r << u"exactly one"_s;
    r.eventCodes = {u"ALL"_s};
    QTest::newRow("v1 with ALL") << r << u"needs API v2"_s;
    r = validRequest();
    r.eventCodes = {u"ALL"_s};
    QTest::newRow("v2 ALL") << r << QString();
    r.eventCodes = {u"ALL"_s, u"Discharge"_s};
    QTest::newRow("v2 ALL with a mixed-case code, as the V2 example") << r << QString();
    r.eventCodes = {u"CUSTOMSRELEASECANCELLED"_s, u"VBSCHANGED"_s, u"LOPRELEASE"_s};
    QTest::newRow("documented codes once refused") << r << QString();
    r.eventCodes = {u"EXPORTRELEASE"_s};
    QTest::newRow("invented code") << r << u"not a PortConnect event type code"_s;
    r.eventCodes = {u"ALL"_s};
    r.port = u"NZXXX"_s;
    QTest::newRow("bad port") << r << u"Port code 'NZXXX'"_s;
    r = validRequest();
    r.category = u"IMPORTS"_s;
    QTest::newRow("bad category") << r << u"Category code"_s;
    r = validRequest();
    r.facility = u"NZWII"_s;
    QTest::newRow("facility on discharge") << r << u"does not support a facility"_s;
    r.eventCodes = {u"GATEIN"_s};
    QTest::newRow("facility on gate in") << r << QString();
    r.eventCodes = {u"AVAILABLE"_s};
    QTest::newRow("facility NZWII on available") << r << u"supports the facility codes NZMKL, NZRUA"_s;
    r.facility = u"NZRUA"_s;
    QTest::newRow("facility NZRUA on available") << r << QString();
    r.eventCodes = {u"CUSTOMSRELEASE"_s};
    QTest::newRow("facility on customs release") << r << QString();
    r.eventCodes = {u"GATEIN"_s};
    r.facility = u"MTLINK"_s;
    QTest::newRow("undocumented facility") << r << u"supports the facility codes"_s;
    r.facility = u"NZWII"_s;
    r.port = u"ALL"_s;
    QTest::newRow("facility with port ALL") << r << u"needs one port"_s;
    r = validRequest();
    r.callbackToken.clear();
    QTest::newRow("webhook without token") << r << u"needs a token"_s;
    r = validRequest();
    r.callbackUri = u"http://hooks.example.com/x"_s;
    QTest::newRow("plain http webhook") << r << u"https"_s;
    r = validRequest();
    r.callbackUri.clear();
    r.emails = {u"ops@example.com"_s};
    QTest::newRow("email only") << r << QString();
    r.emails = {u"not-an-address"_s};
    QTest::newRow("bad email") << r << u"not an e-mail"_s;
    r = validRequest();
    r.containerNumbers = {u"MSCU1234567"_s};
    QTest::newRow("bad check digit") << r << u"not a valid container number"_s;
    r = validRequest();
    r.bookingNumbers = {u"BK123"_s};
    QTest::newRow("both numbers and bookings") << r << u"either container numbers or booking"_s;
    r.containerNumbers.clear();
    QTest::newRow("booking") << r << QString();
}

void TestPortConnect::validation()
{
    QFETCH(PortConnectSubscriptionRequest, request);
    QFETCH(QString, problem);
    const QStringList problems = request.validate();
    if (problem.isEmpty())
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    else
        QVERIFY2(problems.join(u"; "_s).contains(problem), qPrintable(problems.join(u"; "_s)));
}

void TestPortConnect::splitsIntoTens()
{
    PortConnectSubscriptionRequest request = validRequest();
    request.containerNumbers.clear();
    for (int i = 0; i < 25; ++i)
        request.containerNumbers.append(u"N%1"_s.arg(i));
    const QList<PortConnectSubscriptionRequest> parts = request.split();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0).containerNumbers.size(), 10);
    QCOMPARE(parts.at(2).containerNumbers.size(), 5);
    QCOMPARE(parts.at(2).containerNumbers.last(), u"N24"_s);
}

void TestPortConnect::ingest_data()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(Store::Backend::Sqlite);
    QTest::newRow("postgres") << int(Store::Backend::Postgres);
}

void TestPortConnect::ingest()
{
    QFETCH(int, backend);
    if (backend == int(Store::Backend::Postgres) && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");
    TestDatabase database{Store::Backend(backend)};
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto store = Store::open(database.location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    SubscriptionStore subscriptions(*store.value());
    const QString number = u"MSCU1234566"_s;
    SubscriptionRecord subscribed; // callbacks only touch what the entity subscribed to
    subscribed.provider = u"portconnect"_s;
    subscribed.number = number;
    subscribed.eventCodes = {u"ALL"_s};
    subscribed.port = u"NZAKL"_s;
    subscribed.category = u"IMPORT"_s;
    subscribed.createdAt = QDateTime(QDate(2024, 2, 1), QTime(0, 0), Qt::UTC);
    subscribed.expiresAt = subscribed.createdAt.addDays(90);
    const Result<void> saved = subscriptions.saveSubscription(subscribed);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    auto ingestBody = [&](const QByteArray &body) {
        const Result<PortConnectMapping> mapping =
            PortConnectMapper::mapCallback(body, QDateTime::currentDateTimeUtc());
        if (!mapping)
            return Result<int>(mapping.error());
        return subscriptions.ingest(u"default"_s, u"portconnect"_s, mapping->items);
    };
    const QByteArray first = "[" + element(number, u"DISCHARGE"_s, u"2024-03-01T10:00:00+13:00"_s, u"V1"_s) + "," +
                             element(number, u"AVAILABLE"_s, u"2024-03-01T12:00:00+13:00"_s, u"V1"_s) + "," +
                             element(number, u"BERTHED"_s, u"2024-03-01T12:30:00+13:00"_s, u"V1"_s) + "]";
    Result<int> stored = ingestBody(first);
    QVERIFY2(stored.ok(), qPrintable(stored.error().message));
    QCOMPARE(stored.value(), 3);
    QCOMPARE(ingestBody(first).value(), 0); // a replay adds nothing
    auto entry = store.value()->container(u"default"_s, number);
    QVERIFY(entry.ok() && entry->has_value());
    QCOMPARE(entry->value().provider, u"portconnect"_s);
    QCOMPARE(entry->value().snapshot.available, std::optional<bool>(true));
    QVERIFY(!entry->value().nextTraceAt.isValid()); // pushed, never polled

    const QByteArray gateOut = "[" + element(number, u"GATEOUT"_s, u"2024-03-03T09:00:00+13:00"_s, u"V1"_s) + "]";
    QCOMPARE(ingestBody(gateOut).value(), 1);
    // The second visit starts afresh: its discharge is a new fact, the outgate belongs to visit one.
    const QByteArray second = "[" + element(number, u"DISCHARGE"_s, u"2024-04-01T10:00:00+13:00"_s, u"V2"_s) + "]";
    QCOMPARE(ingestBody(second).value(), 1);
    entry = store.value()->container(u"default"_s, number);
    QVERIFY(!entry->value().snapshot.outgatedAt.isValid());
    QCOMPARE(entry->value().snapshot.dischargedAt, QDateTime(QDate(2024, 3, 31), QTime(21, 0), Qt::UTC));
    // A late replay of visit one leaves the current visit's snapshot alone and adds nothing.
    QCOMPARE(ingestBody(gateOut).value(), 0);
    entry = store.value()->container(u"default"_s, number);
    QVERIFY(!entry->value().snapshot.outgatedAt.isValid());
    auto events = store.value()->events(entry->value().id);
    QCOMPARE(events->size(), 5);
    // The unknown BERTHED event is stored as such: code OTHER, the provider's code kept.
    const auto berthed = std::find_if(events->cbegin(), events->cend(),
                                      [](const Event &event) { return event.providerCode == u"BERTHED"_s; });
    QVERIFY(berthed != events->cend());
    QCOMPARE(berthed->code, EventCode::Other);
}

QTEST_GUILESS_MAIN(TestPortConnect)
#include "tst_portconnect.moc"
