#include "clock.h"
#include "httppolicy.h"
#include "jsonqueryjob.h"
#include "networkpool.h"
#include "tokenrequestjob.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Seen
{
    QString path;
    QByteArray authorization;
    QByteArray body;
    QByteArray method;
};

// A real QHttpServer on loopback, in its own thread so a handler may stall (for deadlines) without
// stalling the client under test. The handler gets the path segment and the hit number (1-based).
class TestServer final : public QThread
{
public:
    using Handler = std::function<QHttpServerResponse(const QString &path, int hit)>;

    explicit TestServer(const QHostAddress &address = QHostAddress(u"127.0.0.1"_s)) : m_address(address) {}
    ~TestServer() override
    {
        quit();
        wait();
    }

    bool startServer()
    {
        start();
        m_ready.acquire();
        return m_port != 0;
    }
    void setHandler(Handler handler)
    {
        QMutexLocker lock(&m_mutex);
        m_handler = std::move(handler);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(u"http://%1:%2/%3"_s.arg(m_address.toString(), QString::number(m_port), path));
    }
    int hits() const { return m_hits; }
    QList<Seen> seen() const
    {
        QMutexLocker lock(&m_mutex);
        return m_seen;
    }

protected:
    void run() override
    {
        QHttpServer server;
        server.route(u"/<arg>"_s, [this](const QString &path, const QHttpServerRequest &request) {
            Handler handler;
            {
                QMutexLocker lock(&m_mutex);
                m_seen.append({path, request.value("Authorization"), request.body(),
                               request.method() == QHttpServerRequest::Method::Get ? "GET"_ba : "OTHER"_ba});
                handler = m_handler;
            }
            const int hit = ++m_hits;
            return handler ? handler(path, hit) : QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
        });
        m_port = server.listen(m_address, 0);
        m_ready.release();
        exec();
    }

private:
    QHostAddress m_address;
    quint16 m_port = 0;
    QSemaphore m_ready;
    mutable QMutex m_mutex;
    Handler m_handler;
    QList<Seen> m_seen;
    std::atomic<int> m_hits{0};
};

QHttpServerResponse status(int code, const QByteArray &body = {},
                           const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QHttpServerResponse response("application/json"_ba, body, QHttpServerResponder::StatusCode(code));
    for (const auto &[name, value] : headers)
        response.setHeader(name, value);
    return response;
}

HttpResult runJob(HttpJob *job, int timeoutMs = 15000)
{
    std::optional<HttpResult> out;
    QEventLoop loop;
    QObject::connect(job, &HttpJob::finished, &loop, [&](const HttpResult &result) {
        out = result;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (!out) {
        HttpResult never;
        never.error = makeError(ErrorKind::Internal, u"the job never finished"_s);
        return never;
    }
    return *out;
}

HttpRequest get(const QUrl &url, int attempts = 4)
{
    HttpRequest request;
    request.url = url;
    request.maxAttempts = attempts;
    request.backoffBaseMs = 20;
    request.deadlineMs = 5000;
    return request;
}

} // namespace

class TestHttpClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void transportSecurity_data();
    void transportSecurity();
    void backoffGrowsWithJitter();
    void retryAfterParsing_data();
    void retryAfterParsing();
    void retriesWithBackoffOn503();
    void attemptsAreBounded();
    void nonIdempotentIsNotRetried();
    void retryAfterSecondsHonoured();
    void retryAfterHttpDateHonoured();
    void longRetryAfterIsHandedToTheCaller();
    void rateLimitedAfterBudget();
    void deadline();
    void insecureUrlNeverSent();
    void connectionRefused();
    void statusClassification_data();
    void statusClassification();
    void getCarriesBodyAndBearer();
    void sameHostRedirectKeepsAuthorization();
    void crossHostRedirectDropsAuthorization();
    void redirectToInsecureHostRefused();
    void tokenRequest_data();
    void tokenRequest();
    void networkPoolGrowsPastSixConnections();

private:
    QNetworkAccessManager m_network;
};

void TestHttpClient::initTestCase()
{
    m_network.setAutoDeleteReplies(false);
}

void TestHttpClient::transportSecurity_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << u"https://tosservice-api.portsamerica.com:9001/api"_s << true;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080/"_s << true;
    QTest::newRow("http loopback 127/8") << u"http://127.20.3.4/"_s << true;
    QTest::newRow("http loopback v6") << u"http://[::1]:9000/"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:9000/"_s << true;
    QTest::newRow("http remote") << u"http://tosservice-api.portsamerica.com:9001/"_s << false;
    QTest::newRow("http private network") << u"http://10.0.0.5/"_s << false;
    QTest::newRow("http localhost lookalike") << u"http://localhost.evil.example/"_s << false;
    QTest::newRow("ftp loopback") << u"ftp://127.0.0.1/"_s << false;
}

void TestHttpClient::transportSecurity()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const Result<void> checked = HttpPolicy::checkTransportSecurity(QUrl(url));
    QCOMPARE(checked.ok(), allowed);
    if (!allowed)
        QCOMPARE(checked.error().kind, ErrorKind::Insecure);
}

void TestHttpClient::backoffGrowsWithJitter()
{
    QCOMPARE(HttpPolicy::backoffDelayMs(1, 500, 60000, 0.0), 250);
    QCOMPARE(HttpPolicy::backoffDelayMs(1, 500, 60000, 1.0), 500);
    QCOMPARE(HttpPolicy::backoffDelayMs(3, 500, 60000, 1.0), 2000);
    QCOMPARE(HttpPolicy::backoffDelayMs(30, 500, 60000, 1.0), 60000); // capped
    for (int i = 0; i < 50; ++i) {
        const int delay = HttpPolicy::backoffDelayMs(2, 500, 60000);
        QVERIFY(delay >= 500 && delay <= 1000);
    }
}

void TestHttpClient::retryAfterParsing_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: unreadable
    QTest::newRow("seconds") << "3"_ba << qint64(3000);
    QTest::newRow("zero") << "0"_ba << qint64(0);
    QTest::newRow("http date") << "Fri, 05 Nov 2021 12:00:30 GMT"_ba << qint64(30000);
    QTest::newRow("http date in the past") << "Fri, 05 Nov 2021 11:00:00 GMT"_ba << qint64(0);
    QTest::newRow("negative") << "-5"_ba << qint64(-1);
    QTest::newRow("garbage") << "soon"_ba << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestHttpClient::retryAfterParsing()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2021, 11, 5), QTime(12, 0), Qt::UTC);
    const std::optional<qint64> parsed = HttpPolicy::retryAfterMs(value, now);
    QCOMPARE(parsed.value_or(-1), expectedMs);
}

void TestHttpClient::retriesWithBackoffOn503()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int hit) { return hit < 3 ? status(503) : status(200, "[]"_ba); });
    const HttpResult result = runJob(new HttpJob(&m_network, get(server.url(u"flaky"_s))));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.statusCode, 200);
    QCOMPARE(result.attempts, 3);
    QCOMPARE(server.hits(), 3);
    QVERIFY(!result.requestId.isEmpty());
}

void TestHttpClient::attemptsAreBounded()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) { return status(503); });
    const HttpResult result = runJob(new HttpJob(&m_network, get(server.url(u"down"_s), 3)));
    QCOMPARE(result.error.kind, ErrorKind::ProviderUnavailable);
    QVERIFY(result.error.message.contains(u"503"_s));
    QCOMPARE(result.attempts, 3);
    QCOMPARE(server.hits(), 3);
}

void TestHttpClient::nonIdempotentIsNotRetried()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) { return status(503); });
    HttpRequest request = get(server.url(u"post"_s));
    request.method = "POST"_ba;
    request.idempotent = false;
    const HttpResult result = runJob(new HttpJob(&m_network, request));
    QCOMPARE(result.error.kind, ErrorKind::ProviderUnavailable);
    QCOMPARE(server.hits(), 1);
}

void TestHttpClient::retryAfterSecondsHonoured()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int hit) {
        return hit == 1 ? status(503, {}, {{"Retry-After"_ba, "1"_ba}}) : status(200, "[]"_ba);
    });
    HttpRequest request = get(server.url(u"busy"_s));
    request.backoffBaseMs = 1; // so any wait near a second comes from Retry-After
    QElapsedTimer elapsed;
    elapsed.start();
    const HttpResult result = runJob(new HttpJob(&m_network, request));
    QVERIFY(result.ok());
    QVERIFY2(elapsed.elapsed() >= 950, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(server.hits(), 2);
}

void TestHttpClient::retryAfterHttpDateHonoured()
{
    TestServer server;
    QVERIFY(server.startServer());
    const QByteArray when =
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc().addSecs(2), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
            .toLatin1();
    server.setHandler([when](const QString &, int hit) {
        return hit == 1 ? status(429, {}, {{"Retry-After"_ba, when}}) : status(200, "[]"_ba);
    });
    HttpRequest request = get(server.url(u"limited"_s));
    request.backoffBaseMs = 1;
    const SystemClock clock; // the date form needs the owner's clock (or the answer's Date header)
    request.clock = &clock;
    QElapsedTimer elapsed;
    elapsed.start();
    const HttpResult result = runJob(new HttpJob(&m_network, request));
    QVERIFY(result.ok());
    // The date has whole seconds, so the wait is between one and two seconds.
    QVERIFY2(elapsed.elapsed() >= 950, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(server.hits(), 2);
}

// "Retry-After: 3600" is an hour: longer than a request may wait, so the job ends at once and hands
// the wait to its caller (the sync engine reschedules), instead of cutting it to a minute.
void TestHttpClient::longRetryAfterIsHandedToTheCaller()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) { return status(429, {}, {{"Retry-After"_ba, "3600"_ba}}); });
    const HttpResult result = runJob(new HttpJob(&m_network, get(server.url(u"limited"_s))));
    QCOMPARE(result.error.kind, ErrorKind::RateLimited);
    QCOMPARE(result.error.retryAfterMs, std::optional<qint64>(3600 * 1000));
    QCOMPARE(server.hits(), 1);
}

void TestHttpClient::rateLimitedAfterBudget()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) { return status(429, {}, {{"Retry-After"_ba, "0"_ba}}); });
    const HttpResult result = runJob(new HttpJob(&m_network, get(server.url(u"limited"_s), 2)));
    QCOMPARE(result.error.kind, ErrorKind::RateLimited);
    QCOMPARE(server.hits(), 2);
}

void TestHttpClient::deadline()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) {
        QThread::msleep(1500);
        return status(200, "[]"_ba);
    });
    HttpRequest request = get(server.url(u"slow"_s), 1);
    request.deadlineMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    const HttpResult result = runJob(new HttpJob(&m_network, request));
    QCOMPARE(result.error.kind, ErrorKind::Timeout);
    QVERIFY(result.error.message.contains(u"did not answer"_s));
    QVERIFY2(elapsed.elapsed() < 1200, qPrintable(QString::number(elapsed.elapsed())));
}

void TestHttpClient::insecureUrlNeverSent()
{
    const HttpResult result = runJob(new HttpJob(&m_network, get(QUrl(u"http://tosservice-api.portsamerica.com/x"_s))));
    QCOMPARE(result.error.kind, ErrorKind::Insecure);
    QCOMPARE(result.attempts, 0);
    QVERIFY(result.error.message.contains(u"https is required"_s));
}

void TestHttpClient::connectionRefused()
{
    quint16 closedPort = 0;
    {
        TestServer server;
        QVERIFY(server.startServer());
        closedPort = quint16(server.url({}).port());
    }
    const HttpResult result = runJob(new HttpJob(&m_network, get(QUrl(u"http://127.0.0.1:%1/x"_s.arg(closedPort)), 2)));
    QCOMPARE(result.error.kind, ErrorKind::ProviderUnavailable);
    QCOMPARE(result.attempts, 2);
}

void TestHttpClient::statusClassification_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("401") << 401 << QByteArray() << ErrorKind::BadCredentials << u"401"_s;
    QTest::newRow("403") << 403 << QByteArray() << ErrorKind::AccessNotEnabled << u"not enabled"_s;
    QTest::newRow("404") << 404 << QByteArray() << ErrorKind::NotFound << u"404"_s;
    QTest::newRow("400 with detail")
        << 400 << R"({"Status": 400, "Detail": "SiteId Parameter missing from the Request Header"})"_ba
        << ErrorKind::InvalidInput << u"SiteId Parameter missing"_s;
    QTest::newRow("400 with errors")
        << 400 << R"({"errors": {"TruckingCompanyCode": ["The TruckingCompanyCode field is required."]}})"_ba
        << ErrorKind::InvalidInput << u"TruckingCompanyCode field is required"_s;
    QTest::newRow("500") << 500 << QByteArray() << ErrorKind::ProviderUnavailable << u"500"_s;
}

void TestHttpClient::statusClassification()
{
    QFETCH(int, code);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, messagePart);
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([code, body](const QString &, int) { return status(code, body); });
    const HttpResult result = runJob(new HttpJob(&m_network, get(server.url(u"x"_s), 1)));
    QCOMPARE(result.statusCode, code);
    QCOMPARE(result.error.kind, kind);
    QVERIFY2(result.error.message.contains(messagePart), qPrintable(result.error.message));
}

void TestHttpClient::getCarriesBodyAndBearer()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) { return status(200, "[]"_ba); });
    const QJsonDocument body(QJsonArray{QJsonObject{{u"containerNumber"_s, u"TGBU8592350"_s}}});
    const HttpResult result = runJob(new JsonQueryJob(&m_network, get(server.url(u"query"_s)), "t0ken"_ba, body));
    QVERIFY(result.ok());
    const QList<Seen> seen = server.seen();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().method, "GET"_ba);
    QCOMPARE(seen.first().authorization, "Bearer t0ken"_ba);
    QCOMPARE(QJsonDocument::fromJson(seen.first().body), body);
}

void TestHttpClient::sameHostRedirectKeepsAuthorization()
{
    TestServer server;
    QVERIFY(server.startServer());
    const QUrl landing = server.url(u"landing"_s);
    server.setHandler([landing](const QString &path, int) {
        if (path == u"moved")
            return status(307, {}, {{"Location"_ba, landing.toEncoded()}});
        return status(200, "[]"_ba);
    });
    const HttpResult result = runJob(new JsonQueryJob(&m_network, get(server.url(u"moved"_s)), "secret"_ba, {}));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    // Qt may resend the first request on a fresh connection; what matters is the redirected one.
    const QList<Seen> seen = server.seen();
    QCOMPARE(seen.last().path, u"landing"_s);
    QCOMPARE(seen.last().authorization, "Bearer secret"_ba);
}

void TestHttpClient::crossHostRedirectDropsAuthorization()
{
    TestServer origin;
    TestServer other(QHostAddress(u"127.0.0.2"_s));
    QVERIFY(origin.startServer());
    QVERIFY(other.startServer());
    const QUrl elsewhere = other.url(u"landing"_s);
    origin.setHandler([elsewhere](const QString &, int) {
        return status(302, {}, {{"Location"_ba, elsewhere.toEncoded()}});
    });
    other.setHandler([](const QString &, int) { return status(200, "[]"_ba); });
    const HttpResult result = runJob(new JsonQueryJob(&m_network, get(origin.url(u"moved"_s)), "secret"_ba, {}));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(origin.seen().size(), 1);
    QCOMPARE(origin.seen().first().authorization, "Bearer secret"_ba);
    QCOMPARE(other.seen().size(), 1);
    QVERIFY(other.seen().first().authorization.isEmpty());
}

void TestHttpClient::redirectToInsecureHostRefused()
{
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([](const QString &, int) {
        return status(302, {}, {{"Location"_ba, "http://tosservice-api.portsamerica.com/steal"_ba}});
    });
    const HttpResult result = runJob(new JsonQueryJob(&m_network, get(server.url(u"moved"_s)), "secret"_ba, {}));
    QCOMPARE(result.error.kind, ErrorKind::Insecure);
    QCOMPARE(server.hits(), 1);
}

void TestHttpClient::tokenRequest_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("expected"); // the token, or a part of the error message
    QTest::newRow("token") << 200 << R"({"userName": "demo", "token": "abc"})"_ba << ErrorKind::None << u"abc"_s;
    QTest::newRow("access_token") << 200 << R"({"access_token": "xyz"})"_ba << ErrorKind::None << u"xyz"_s;
    QTest::newRow("no token") << 200 << R"({"userName": "demo"})"_ba << ErrorKind::MalformedResponse << u"token"_s;
    QTest::newRow("not json") << 200 << "<html>"_ba << ErrorKind::MalformedResponse << u"not a JSON object"_s;
    QTest::newRow("bad credentials") << 400 << R"({"title": "One or more validation errors occurred.", "status": 400,
              "errors": {"DataError": ["The user name or password is incorrect."]}})"_ba
                                     << ErrorKind::BadCredentials << u"The user name or password is incorrect."_s;
    QTest::newRow("credentials missing") << 415 << R"({"title": "Unsupported Media Type", "status": 415})"_ba
                                         << ErrorKind::InvalidInput << u"credentials missing from the request"_s;
}

void TestHttpClient::tokenRequest()
{
    QFETCH(int, code);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, expected);
    TestServer server;
    QVERIFY(server.startServer());
    server.setHandler([code, body](const QString &, int) { return status(code, body); });
    auto *job = new TokenRequestJob(&m_network, get(server.url(u"token"_s)), u"demo"_s, u"pa55word"_s);
    QString token;
    connect(job, &HttpJob::finished, this, [job, &token] { token = job->token(); });
    const HttpResult result = runJob(job);
    QCOMPARE(result.error.kind, kind);
    if (kind == ErrorKind::None)
        QCOMPARE(token, expected);
    else
        QVERIFY2(result.error.message == expected || result.error.message.contains(expected),
                 qPrintable(result.error.message));
    QCOMPARE(server.hits(), 1); // 4xx answers are not retried
    const QJsonObject sent = QJsonDocument::fromJson(server.seen().first().body).object();
    QCOMPARE(sent.value(u"username").toString(), u"demo"_s);
    QCOMPARE(sent.value(u"password").toString(), u"pa55word"_s);
}

void TestHttpClient::networkPoolGrowsPastSixConnections()
{
    QNetworkAccessManager first;
    NetworkPool pool(&first, 8);
    QList<QNetworkAccessManager *> taken;
    for (int i = 0; i < NetworkPool::connectionsPerManager; ++i)
        taken.append(pool.acquire());
    QCOMPARE(taken.count(&first), NetworkPool::connectionsPerManager);
    QNetworkAccessManager *seventh = pool.acquire();
    QVERIFY(seventh != &first);
    QCOMPARE(pool.managerCount(), 2);
    pool.release(taken.takeFirst());
    QCOMPARE(pool.acquire(), &first); // a free connection on the first manager is used again
    QCOMPARE(pool.acquire(), seventh);
    // Six or fewer in flight never makes a second manager; past the limit the least busy one queues.
    NetworkPool small(&first, 6);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(small.acquire(), &first);
    QCOMPARE(small.managerCount(), 1);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
