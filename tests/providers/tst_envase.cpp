// Envase as its public documents define it (docs/providers/envase.md). Each test is named after the
// page its example or rule comes from; fixtures are the pages' own examples
// (tests/data/provider-docs/envase/). Real parts: a loopback QHttpServer for what Quaywatch sends,
// the real webhook listener and a real SQLite store for what Envase sends.
#include "envaseidentity.h"
#include "envasemapper.h"
#include "envasesignature.h"
#include "envasetracepublisher.h"
#include "envasewebhook.h"
#include "envasewebhookregistration.h"
#include "providercatalog.h"
#include "store.h"
#include "testdatabases.h"
#include "webhooklistener.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime observed = QDateTime::fromString(u"2021-07-26T12:00:00Z"_s, Qt::ISODate);
const QByteArray signingKey = "whsec-test-key-0123456789abcdef0123";

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") + u"/tests/data/provider-docs/envase/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

// A TRACE_RESULT with the provider page's events, in the result page's envelope.
QByteArray resultWith(const QJsonArray &events, const QString &number = u"MSCU1234566"_s)
{
    QJsonObject root = QJsonDocument::fromJson(fixture(u"trace-result.json"_s)).object();
    QJsonObject payload = root.value(u"payload"_s).toObject();
    payload.insert(u"containerNumber"_s, number);
    payload.insert(u"events"_s, events);
    root.insert(u"payload"_s, payload);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QJsonObject pageEvent(const QString &code, const QJsonObject &data, const QString &dateKey = u"date"_s)
{
    return QJsonObject{
        {u"code"_s, code},
        {dateKey, u"2021-11-08T09:30"_s},
        {u"location"_s, QJsonObject{{u"lot"_s, u"Yard"_s}, {u"name"_s, u"WBCT_LA"_s}, {u"type"_s, u"Terminal"_s}}},
        {u"data"_s, data}};
}

// What a loopback server saw of one request.
struct Seen
{
    QString path;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray body;
};

// Envase's token endpoint, events and webhooks APIs on loopback, recording every request.
class FakeEnvase final
{
public:
    FakeEnvase()
    {
        m_server.route(u"/oauth2/token"_s, [this](const QHttpServerRequest &request) {
            record(u"/oauth2/token"_s, request);
            return QHttpServerResponse("application/json"_ba, m_tokenAnswer);
        });
        m_server.route(u"/api/events"_s, [this](const QHttpServerRequest &request) {
            record(u"/api/events"_s, request);
            return QHttpServerResponse("application/json"_ba, request.body());
        });
        m_server.route(u"/api/webhooks"_s, [this](const QHttpServerRequest &request) {
            record(u"/api/webhooks"_s, request);
            return QHttpServerResponse("application/json"_ba, fixture(u"register-results-webhook.response.json"_s));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &path) const { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path)); }
    const QList<Seen> &seen() const { return m_seen; }
    int count(const QString &path) const
    {
        return int(std::count_if(m_seen.cbegin(), m_seen.cend(), [&path](const Seen &s) { return s.path == path; }));
    }
    void setTokenAnswer(const QByteArray &answer) { m_tokenAnswer = answer; }

private:
    void record(const QString &path, const QHttpServerRequest &request)
    {
        m_seen.append({path, request.value("Authorization"), request.value("Content-Type"), request.body()});
    }

    QHttpServer m_server;
    quint16 m_port = 0;
    QList<Seen> m_seen;
    QByteArray m_tokenAnswer = R"({"access_token":"jwt-1","expires_in":3600,"token_type":"Bearer"})";
};

template<typename T, typename Start>
T waitFor(Start start)
{
    std::optional<T> answer;
    start([&answer](const T &value) { answer = value; });
    [&answer] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
    return answer.value_or(T(makeError(ErrorKind::Timeout, u"no answer"_s)));
}

} // namespace

class TestEnvase final : public QObject
{
    Q_OBJECT

private slots:
    // Handling Container Trace Result Events (track-trace/integration/result-events.html)
    void resultEventsPage_badInputIsRefused_data();
    void resultEventsPage_badInputIsRefused();
    void resultEventsPage_containerResultsEvent();
    // Provider page Ports America (track-trace/providers/rt/ports-america.html)
    void portsAmericaPage_eventsReachTheSnapshot();
    void portsAmericaPage_holdEventsAreTheHolds();
    void portsAmericaPage_unknownCodeIsKept();
    // Handling Container Export and Empty Results (ready-for-appointment-results.html)
    void exportResultsPage_refusedByName();
    // Validating Events Sent By Envase Connect (connect/Integration_Guide/validation.html)
    void validationPage_malformedHeadersAreRefused_data();
    void validationPage_malformedHeadersAreRefused();
    void validationPage_signedPayload();
    void validationPage_toleranceAndReplay();
    void validationPage_signedCallbackThroughTheListener();
    // Authorizing Your API Against Envase Connect (connect/Integration_Guide/authorization.html)
    void authorizationPage_tokenRequest();
    void authorizationPage_tokenCachedOneInFlightRenewedBeforeExpiry();
    void authorizationPage_missingCredentialsSendNothing();
    // Publishing Containers for Tracing (track-trace/integration/publish-container.html)
    void publishContainerPage_publishCarriesTheToken();
    // Registering Web-Hooks with Envase Connect Data (track-trace/integration/web-hooks.html)
    void webHooksPage_registerResultsWebHook();
    void webHooksPage_signingKeysAreRandom();
};

void TestEnvase::resultEventsPage_badInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << "{ nope"_ba << u"JSON"_s;
    QTest::newRow("wrong action") << R"({"action":"TRACE_REQUESTED","payload":{"containerNumber":"X"}})"_ba
                                  << u"TRACE_RESULT"_s;
    QTest::newRow("no container") << R"({"action":"TRACE_RESULT","payload":{}})"_ba << u"containerNumber"_s;
    QTest::newRow("events not a list")
        << R"({"action":"TRACE_RESULT","payload":{"containerNumber":"X","events":{}}})"_ba << u"events"_s;
    QTest::newRow("event without code") << resultWith({QJsonObject{{u"date"_s, u"2021-11-08T09:30"_s}}}) << u"code"_s;
    QTest::newRow("date no date") << resultWith({QJsonObject{{u"code"_s, u"arrived"_s}, {u"date"_s, u"soon"_s}}})
                                  << u"date"_s;
    QTest::newRow("data not an object") << resultWith({QJsonObject{{u"code"_s, u"lfd"_s}, {u"data"_s, u"20211110"_s}}})
                                        << u"data"_s;
}

void TestEnvase::resultEventsPage_badInputIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, says);
    const auto mapped = EnvaseMapper::mapTraceResult(body, observed);
    QVERIFY(!mapped);
    QVERIFY2(mapped.error().message.contains(says), qPrintable(mapped.error().message));
}

void TestEnvase::resultEventsPage_containerResultsEvent()
{
    const auto mapped = EnvaseMapper::mapTraceResult(fixture(u"trace-result.json"_s), observed);
    QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().message));
    QCOMPARE(mapped->containerNumber, u"CONT123456"_s);
    QCOMPARE(mapped->orgId, u"3b42ff39-d731-43f6-a8a2-1b257f87469e"_s);
    QCOMPARE(mapped->tmsId, u"7cd437c3-f25a-4e22-b221-47b6485f140d"_s);
    QCOMPARE(mapped->upstreamProviderId, u"ictsi"_s);
    QCOMPARE(mapped->tracedAt, utc(u"2021-07-26T11:00:00Z"_s));
    QCOMPARE(mapped->nextTraceAt, utc(u"2021-07-26T11:30:00Z"_s));
    QCOMPARE(mapped->events, 0);
    QCOMPARE(mapped->items.size(), 1);
    const CallbackItem &item = mapped->items.first();
    QCOMPARE(item.nextTraceAt.value_or(QDateTime()), utc(u"2021-07-26T11:30:00Z"_s));
    const Observation &o = item.observation;
    QCOMPARE(o.billOfLading.value_or(QString()), u"bill-of-lading-number"_s);
    QCOMPARE(o.lineScac.value_or(QString()), u"carrier-scac"_s);
    QCOMPARE(o.vesselName.value_or(QString()), u"the-id-of-the-vessel"_s);
    QCOMPARE(o.voyage.value_or(QString()), u"the-id-of-the-voyage"_s);
    QCOMPARE(o.location.value_or(QString()), u"Long Beach - Terminal"_s);
    QCOMPARE(o.eventLocation.type, u"terminal"_s);
    QVERIFY(!o.holds.has_value()); // an empty trace says nothing about holds
    QVERIFY(o.milestones.isEmpty());
    QCOMPARE(o.source, u"envase/ictsi"_s);
}

void TestEnvase::portsAmericaPage_eventsReachTheSnapshot()
{
    const QJsonArray events{
        pageEvent(u"Arrived"_s, {{u"arrived"_s, u""_s}}),
        pageEvent(u"grounded"_s, {{u"grounded"_s, u"2021-11-07T14:05:00"_s}}),
        pageEvent(u"lfd"_s, {{u"lfd"_s, u"20211110"_s}}, u"eventDate"_s), // the export page's spelling
        pageEvent(u"released"_s, {{u"released"_s, u""_s}}),
        pageEvent(u"outgated"_s, {{u"outgated"_s, u"2021-11-09T16:40:00"_s},
                                  {u"outgate_scac"_s, u"PFCH"_s},
                                  {u"outgate_confirmed"_s, true}}),
    };
    const auto mapped = EnvaseMapper::mapTraceResult(resultWith(events), observed);
    QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().message));
    QCOMPARE(mapped->events, 5);
    QCOMPARE(mapped->unknownCodes, 0);
    const Observation &o = mapped->items.first().observation;
    QCOMPARE(o.available, std::optional<bool>(true));
    QCOMPARE(o.dischargedAt.value_or(QDateTime()), utc(u"2021-11-07T14:05:00Z"_s));
    QCOMPARE(o.lfdTerminal.value_or(QDate()), QDate(2021, 11, 10));
    QCOMPARE(o.outgatedAt.value_or(QDateTime()), utc(u"2021-11-09T16:40:00Z"_s));
    QCOMPARE(o.outgateTrucker.value_or(QString()), u"PFCH"_s);
    QVERIFY(o.holds.has_value() && o.holds->isEmpty()); // Released and Lfd come only without holds
    QCOMPARE(o.milestones.size(), 1);
    QCOMPARE(o.milestones.first().code, EventCode::Released);
    QCOMPARE(o.milestones.first().occurredAt, utc(u"2021-11-08T09:30:00Z"_s));
    QCOMPARE(o.providerCodes.value(EventCode::Available), u"Arrived"_s);
    QCOMPARE(o.eventLocation, (EventLocation{u"WBCT_LA"_s, u"Terminal"_s, u"Yard"_s}));

    // Times without an offset are the named provider's wall clock.
    const auto zoned = EnvaseMapper::mapTraceResult(resultWith(events), observed,
                                                    [](const QString &) { return QTimeZone("America/Los_Angeles"); });
    QVERIFY(zoned);
    QCOMPARE(zoned->items.first().observation.dischargedAt.value_or(QDateTime()), utc(u"2021-11-07T22:05:00Z"_s));
}

void TestEnvase::portsAmericaPage_holdEventsAreTheHolds()
{
    QJsonObject customs = pageEvent(u"hold"_s, {{u"code"_s, u"Customs Hold"_s}});
    customs.insert(u"holdType"_s, u"Custom"_s);
    QJsonObject line = pageEvent(u"Hold"_s, {{u"code"_s, u"Line Hold"_s}});
    line.insert(u"holdType"_s, u"Line"_s);
    QJsonObject ctf = pageEvent(u"hold"_s, {{u"code"_s, u"CTF Hold"_s}});
    ctf.insert(u"holdType"_s, u"Ctf"_s);
    const auto mapped = EnvaseMapper::mapTraceResult(resultWith({customs, line, ctf}), observed);
    QVERIFY2(mapped, qPrintable(mapped ? QString() : mapped.error().message));
    const Observation &o = mapped->items.first().observation;
    QVERIFY(o.holds.has_value());
    QCOMPARE(o.holds->size(), 3);
    QCOMPARE(o.holds->at(0).type, HoldType::Customs);
    QCOMPARE(o.holds->at(0).sourceCode, u"Customs Hold"_s);
    QCOMPARE(o.holds->at(1).type, HoldType::Line);
    QCOMPARE(o.holds->at(2).type, HoldType::Ctf);
    QVERIFY(o.milestones.isEmpty());
}

void TestEnvase::portsAmericaPage_unknownCodeIsKept()
{
    const auto mapped =
        EnvaseMapper::mapTraceResult(resultWith({pageEvent(u"railed"_s, {{u"ramp"_s, u"X"_s}})}), observed);
    QVERIFY(mapped);
    QCOMPARE(mapped->unknownCodes, 1);
    const ObservedMilestone &kept = mapped->items.first().observation.milestones.first();
    QCOMPARE(kept.code, EventCode::Other);
    QCOMPARE(kept.providerCode, u"railed"_s);
    QVERIFY(kept.data.value(u"unmapped"_s).toBool());
    QCOMPARE(kept.data.value(u"ramp"_s).toString(), u"X"_s);
}

void TestEnvase::exportResultsPage_refusedByName()
{
    const auto mapped = EnvaseMapper::mapTraceResult(fixture(u"trace-export-result.json"_s), observed);
    QVERIFY(!mapped);
    QVERIFY2(mapped.error().message.contains(u"TRACE_EXPORT_RESULT"_s), qPrintable(mapped.error().message));
    const auto booking = EnvaseMapper::mapTraceResult(fixture(u"booking-trace-results.json"_s), observed);
    QVERIFY(!booking);
}

void TestEnvase::validationPage_malformedHeadersAreRefused_data()
{
    QTest::addColumn<QByteArray>("header");
    const QByteArray hex(64, 'a');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no v1") << "t=1492774577"_ba;
    QTest::newRow("no t") << "v1=" + hex;
    QTest::newRow("t not a number") << "t=soon,v1=" + hex;
    QTest::newRow("v1 not hex") << "t=1492774577,v1=" + QByteArray(64, 'z');
    QTest::newRow("unknown part") << "t=1492774577,v0=" + hex;
    // The page's own example: its v1 has 63 hex digits, so it is an illustration, not a SHA-256.
    QByteArray page = fixture(u"connect-signature-header-example.txt"_s).simplified();
    page = page.mid(page.indexOf("t=")).replace(' ', "");
    QTest::newRow("the page's illustration") << page;
}

void TestEnvase::validationPage_malformedHeadersAreRefused()
{
    QFETCH(QByteArray, header);
    QVERIFY(!EnvaseSignatureVerifier::parse(header).has_value());
    ManualClock clock(QDateTime::fromSecsSinceEpoch(1492774577, QTimeZone::utc()));
    EnvaseSignatureVerifier verifier(signingKey, clock);
    const auto verified = verifier.verify(header, "{}");
    QVERIFY(!verified);
    QCOMPARE(verified.error().kind, ErrorKind::BadCredentials);
}

void TestEnvase::validationPage_signedPayload()
{
    // "<t>.<body>" signed with HMAC-SHA256, hex: computed independently (Python's hmac module).
    QCOMPARE(EnvaseSignatureVerifier::sign(signingKey, "1492774577", R"({"a":1})"),
             "d1e89bdf090fc7684c7f9322fb603b940641c1f448248e53f92dd98a9477a6bb"_ba);
    const auto parsed = EnvaseSignatureVerifier::parse(
        "t=1492774577, v1=D1E89BDF090FC7684C7F9322FB603B940641C1F448248E53F92DD98A9477A6BB");
    QVERIFY(parsed);
    QCOMPARE(parsed->seconds, 1492774577);
    // The webhooks page shows a 13-digit t: milliseconds.
    QCOMPARE(EnvaseSignatureVerifier::parse("t=1660929593448,v1=" + QByteArray(64, '0'))->seconds, 1660929593);
}

void TestEnvase::validationPage_toleranceAndReplay()
{
    const QByteArray body = R"({"action":"TRACE_RESULT"})";
    ManualClock clock(QDateTime::fromSecsSinceEpoch(1492774577, QTimeZone::utc()));
    EnvaseSignatureVerifier verifier(signingKey, clock);
    const QByteArray header = EnvaseSignatureVerifier::headerValue(signingKey, 1492774577, body);
    QVERIFY(!verifier.verify(header, body + " "));                                                        // tampered
    QVERIFY(!verifier.verify(EnvaseSignatureVerifier::headerValue("other-key", 1492774577, body), body)); // wrong key
    QVERIFY(!verifier.verify(EnvaseSignatureVerifier::headerValue(signingKey, 1492774577 - 301, body), body)); // stale
    QVERIFY(verifier.verify(EnvaseSignatureVerifier::headerValue(signingKey, 1492774577 - 299, body), body));
    const auto first = verifier.verify(header, body);
    QVERIFY(first);
    QVERIFY(verifier.verify(header, body)); // not stored yet: a retry is no replay
    verifier.accepted(first.value());
    const auto replay = verifier.verify(header, body);
    QVERIFY(!replay);
    QVERIFY(replay.error().message.contains(u"replay"_s));
}

void TestEnvase::validationPage_signedCallbackThroughTheListener()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store.ok());
    TracePublication published; // results only touch what the entity published
    published.number = u"MSCU1234566"_s;
    published.provider = u"envase"_s;
    published.publishedAt = testClock().now();
    QVERIFY(store.value()->savePublication(u"default"_s, published).ok());
    WebhookListenerConfig config;
    config.token = "listener-token-0123456789abcdef0123456789";
    WebhookListener listener(config, testClock());
    EnvaseWebhook::addSignedEndpoint(listener, QString::fromLatin1(EnvaseWebhook::path), *store.value(), u"default"_s,
                                     signingKey);
    const Result<quint16> port = listener.listen();
    QVERIFY(port);
    QNetworkAccessManager network;
    const QUrl url(u"http://127.0.0.1:%1%2"_s.arg(port.value()).arg(QLatin1StringView(EnvaseWebhook::path)));
    const auto post = [&](const QByteArray &body, const QByteArray &signature) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        if (!signature.isEmpty())
            request.setRawHeader(EnvaseSignatureVerifier::header, signature);
        QNetworkReply *reply = network.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        [&done] { QVERIFY(done.wait(10000)); }();
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    const QJsonArray events{pageEvent(u"grounded"_s, {{u"grounded"_s, u"2021-11-07T14:05:00"_s}}),
                            pageEvent(u"lfd"_s, {{u"lfd"_s, u"20211110"_s}}), pageEvent(u"released"_s, {})};
    const QByteArray body = resultWith(events, u"MSCU1234566"_s);
    const qint64 now = SystemClock().now().toSecsSinceEpoch();
    const QByteArray signature = EnvaseSignatureVerifier::headerValue(signingKey, now, body);

    QCOMPARE(post(body, {}), 401);             // unsigned
    QCOMPARE(post(body, "t=1,v1=zz"_ba), 401); // malformed
    QCOMPARE(post(body, EnvaseSignatureVerifier::headerValue("wrong-key-0123456789abcdef", now, body)), 401);
    QCOMPARE(post(body, EnvaseSignatureVerifier::headerValue(signingKey, now - 3600, body)), 401); // stale
    QCOMPARE(post(body + "\n", signature), 401);                                                   // tampered
    QCOMPARE(listener.acceptedCount(), 0);
    QCOMPARE(post(body, signature), 200);
    QCOMPARE(listener.acceptedCount(), 1);
    QCOMPARE(post(body, signature), 401); // replay

    auto entry = store.value()->container(u"default"_s, u"MSCU1234566"_s);
    QVERIFY(entry && entry->has_value());
    QCOMPARE(entry->value().provider, u"ictsi"_s); // the catalog entry whose Envase providerId the result names
    const ContainerSnapshot &snapshot = entry->value().snapshot;
    QCOMPARE(snapshot.lfdTerminal, QDate(2021, 11, 10));
    QVERIFY(snapshot.dischargedAt.isValid());
}

void TestEnvase::authorizationPage_tokenRequest()
{
    FakeEnvase envase;
    QNetworkAccessManager network;
    ManualClock clock(observed);
    EnvaseTokenSource tokens(
        &network, {u"7dmp268hh94h40keh50vnrccg1"_s, u"client-secret"_s, envase.url(u"/oauth2/token"_s)}, clock);
    const auto token = waitFor<Result<QByteArray>>([&](auto done) { tokens.token(done); });
    QVERIFY2(token, qPrintable(token ? QString() : token.error().message));
    QCOMPARE(token.value(), "jwt-1"_ba);
    QCOMPARE(envase.seen().size(), 1);
    const Seen &request = envase.seen().first();
    // The page's curl example: Basic <base64(id:secret)>, form-encoded grant_type and scope.
    QCOMPARE(request.authorization, "Basic " + "7dmp268hh94h40keh50vnrccg1:client-secret"_ba.toBase64());
    QCOMPARE(request.contentType, "application/x-www-form-urlencoded"_ba);
    const QUrlQuery form(QString::fromUtf8(request.body));
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"client_credentials"_s);
    QCOMPARE(form.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"connectdata/events"_s);
    QCOMPARE(tokens.expiresAt(), observed.addSecs(3600));
    QCOMPARE(EnvaseTokenSource::productionTokenEndpoint(),
             QUrl(u"https://envase.auth.us-east-1.amazoncognito.com/oauth2/token"_s));
}

void TestEnvase::authorizationPage_tokenCachedOneInFlightRenewedBeforeExpiry()
{
    FakeEnvase envase;
    QNetworkAccessManager network;
    ManualClock clock(observed);
    EnvaseTokenSource tokens(&network, {u"id"_s, u"secret"_s, envase.url(u"/oauth2/token"_s)}, clock);
    int answered = 0;
    for (int i = 0; i < 3; ++i) // three callers at once: one request
        tokens.token([&answered](const Result<QByteArray> &token) { answered += token ? 1 : 0; });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 10000);
    QCOMPARE(envase.count(u"/oauth2/token"_s), 1);
    clock.advanceSeconds(54 * 60); // 6 minutes left: still good
    QVERIFY(waitFor<Result<QByteArray>>([&](auto done) { tokens.token(done); }));
    QCOMPARE(envase.count(u"/oauth2/token"_s), 1);
    clock.advanceSeconds(2 * 60);                         // 4 minutes left: renewed before it expires
    envase.setTokenAnswer(R"({"access_token":"jwt-2"})"); // no expires_in: the documented hour
    const auto renewed = waitFor<Result<QByteArray>>([&](auto done) { tokens.token(done); });
    QCOMPARE(renewed.value(), "jwt-2"_ba);
    QCOMPARE(envase.count(u"/oauth2/token"_s), 2);
    QCOMPARE(tokens.expiresAt(), clock.now().addSecs(3600));
}

void TestEnvase::authorizationPage_missingCredentialsSendNothing()
{
    FakeEnvase envase;
    QNetworkAccessManager network;
    ManualClock clock(observed);
    EnvaseTokenSource tokens(&network, {u"id"_s, QString(), envase.url(u"/oauth2/token"_s)}, clock);
    const auto token = waitFor<Result<QByteArray>>([&](auto done) { tokens.token(done); });
    QVERIFY(!token);
    QVERIFY(!token.error().message.contains(u"secret"_s) || token.error().message.contains(u"required"_s));
    QCOMPARE(envase.seen().size(), 0);
    QVERIFY(!EnvaseTokenSource::validate({u"id"_s, u"s"_s, QUrl(u"http://envase.example/oauth2/token"_s)}).isEmpty());
}

void TestEnvase::publishContainerPage_publishCarriesTheToken()
{
    const Result<ProviderCatalog> catalog = ProviderCatalog::load();
    QVERIFY(catalog);
    FakeEnvase envase;
    QNetworkAccessManager network;
    ManualClock clock(observed);
    EnvaseTokenSource tokens(&network, {u"id"_s, u"secret"_s, envase.url(u"/oauth2/token"_s)}, clock);
    // The page's Apm example, sent with the example's own settings.
    const QJsonObject documented = QJsonDocument::fromJson(fixture(u"publish-container-apm.request.json"_s)).object();
    const TracePublishSettings settings{
        documented.value(u"orgId"_s).toString(), documented.value(u"svcId"_s).toString(),
        documented.value(u"origin"_s).toString(), envase.url(u"/api/events"_s).toString()};
    EnvaseTracePublisher publisher(&network, catalog.value(), settings, tokens);
    const EnvaseTraceTarget target{u"CONT123456"_s, u"apm"_s, QJsonObject{{u"locationCode"_s, u"USNWK"_s}}, true};
    for (int i = 0; i < 2; ++i) {
        const auto sent = waitFor<Result<void>>(
            [&](auto done) { publisher.publish(target, EnvaseTracePublisher::Action::Requested, done); });
        QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
    }
    QCOMPARE(envase.count(u"/oauth2/token"_s), 1); // one token for both
    QCOMPARE(envase.count(u"/api/events"_s), 2);
    const Seen &published = envase.seen().last();
    QCOMPARE(published.authorization, "Bearer jwt-1"_ba);
    QCOMPARE(published.contentType, "application/json"_ba);
    // Field by field the documented request; siteId is optional and "for a future sites service".
    QJsonObject expected = documented;
    QJsonObject payload = expected.value(u"payload"_s).toObject();
    payload.remove(u"siteId"_s);
    expected.insert(u"payload"_s, payload);
    QCOMPARE(QJsonDocument::fromJson(published.body).object(), expected);
}

void TestEnvase::webHooksPage_registerResultsWebHook()
{
    FakeEnvase envase;
    QNetworkAccessManager network;
    ManualClock clock(observed);
    EnvaseTokenSource tokens(&network, {u"id"_s, u"secret"_s, envase.url(u"/oauth2/token"_s)}, clock);
    EnvaseWebhookRegistration registration(&network, tokens, envase.url(u"/api/webhooks"_s));
    QVERIFY(!EnvaseWebhookRegistration::buildBody(QUrl(u"http://your-api.com/some/endpoint"_s), signingKey));
    const QByteArray key = EnvaseWebhookRegistration::generateSigningKey();
    const auto id = waitFor<Result<QString>>(
        [&](auto done) { registration.registerResults(QUrl(u"https://your-api.com/some/endpoint"_s), key, done); });
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    // The page's example answer (invalid JSON as shown: a trailing comma) still gives its id.
    QCOMPARE(id.value(), u"3fa85f64-5717-4562-b3fc-2c963f66afa6"_s);
    const Seen &sent = envase.seen().last();
    QCOMPARE(sent.path, u"/api/webhooks"_s);
    QCOMPARE(sent.authorization, "Bearer jwt-1"_ba);
    QJsonObject expected = QJsonDocument::fromJson(fixture(u"register-results-webhook.request.json"_s)).object();
    expected.insert(u"signingKey"_s, QString::fromLatin1(key)); // the validation page's addition
    QCOMPARE(QJsonDocument::fromJson(sent.body).object(), expected);
}

void TestEnvase::webHooksPage_signingKeysAreRandom()
{
    const QByteArray first = EnvaseWebhookRegistration::generateSigningKey();
    const QByteArray second = EnvaseWebhookRegistration::generateSigningKey();
    QCOMPARE(first.size(), 40);
    QVERIFY(
        std::all_of(first.cbegin(), first.cend(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }));
    QVERIFY(first != second);
}

QTEST_GUILESS_MAIN(TestEnvase)
#include "tst_envase.moc"
