// The webhook listener's door rules over real HTTP on loopback: token (constant-time compare, three
// header forms), signed endpoints, IPv6, body cap, malformed payloads, and "stored before 200".
#include "clock.h"
#include "store.h"
#include "testdatabases.h"
#include "webhooklistener.h"
#include "webhooktoken.h"
#include "webhookworker.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cctype>

using namespace Qt::Literals::StringLiterals;

namespace {

const Clock &listenerClock()
{
    static const SystemClock clock;
    return clock;
}

int post(QNetworkAccessManager &network, const QUrl &url, const QByteArray &body,
         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (const auto &pair : headers)
        request.setRawHeader(pair.first, pair.second);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

class TestWebhookListener final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesWithoutToken();
    void refusesShortToken();
    void generatedTokens();
    void warnsOnNetworkAddressWithoutTls();
    void listenSpec_data();
    void listenSpec();
    void callbacks_data();
    void callbacks();
    void tokenComparison();
    void signedEndpoint_data();
    void signedEndpoint();
    void listensOnIpv6();
    void statusSignals();
    void handlersRunOnTheWorker();

private:
    std::unique_ptr<WebhookListener> m_listener;
    QNetworkAccessManager m_network;
    QList<QByteArray> m_stored;
    QUrl m_url;
};

void TestWebhookListener::initTestCase()
{
    WebhookListenerConfig config;
    config.token = "s3cret-token-0123456789abcdef0123456789";
    config.maxBodyBytes = 4096;
    m_listener = std::make_unique<WebhookListener>(config, listenerClock());
    m_listener->addEndpoint(u"/hook"_s, [this](const QByteArray &body) -> Result<int> {
        if (body.startsWith("bad"))
            return makeError(ErrorKind::InvalidInput, u"bad payload"_s);
        if (body.startsWith("down"))
            return makeError(ErrorKind::Storage, u"database busy"_s);
        if (body.startsWith("many"))
            return makeError(ErrorKind::TooLarge, u"too many elements"_s);
        m_stored.append(body);
        return 1;
    });
    const Result<quint16> port = m_listener->listen();
    QVERIFY2(port.ok(), qPrintable(port.error().message));
    QCOMPARE(m_listener->address(), u"127.0.0.1"_s);
    m_url = QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port.value()));
}

void TestWebhookListener::refusesWithoutToken()
{
    WebhookListener listener(WebhookListenerConfig{}, listenerClock());
    QVERIFY(!listener.listen().ok());
    QVERIFY(!listener.isListening());
}

void TestWebhookListener::refusesShortToken()
{
    WebhookListenerConfig config;
    config.token = "x";
    WebhookListener listener(config, listenerClock());
    const Result<quint16> port = listener.listen();
    QVERIFY(!port.ok());
    QCOMPARE(port.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(port.error().message.contains(u"at least 32"_s), qPrintable(port.error().message));
    QVERIFY(!listener.isListening());
    config.token = QByteArray(31, 'a');
    WebhookListener almost(config, listenerClock());
    QVERIFY(!almost.listen().ok());
    config.token = QByteArray(32, 'a');
    WebhookListener enough(config, listenerClock());
    QVERIFY(enough.listen().ok());
}

void TestWebhookListener::generatedTokens()
{
    const QByteArray first = WebhookToken::generate();
    const QByteArray second = WebhookToken::generate();
    QVERIFY(first.size() >= WebhookToken::minimumBytes);
    QVERIFY(WebhookToken::problem(first).isEmpty());
    QVERIFY(first != second);
    // URL-safe: no '+', '/' or '=' that a header or a query string would need escaped.
    for (const char c : first)
        QVERIFY2(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_', first.constData());
    QVERIFY(!WebhookToken::problem("short").isEmpty());
}

void TestWebhookListener::warnsOnNetworkAddressWithoutTls()
{
    WebhookListenerConfig config;
    config.token = "s3cret-token-0123456789abcdef0123456789";
    WebhookListener loopback(config, listenerClock());
    QVERIFY(loopback.listen().ok());
    QVERIFY(loopback.securityWarning().isEmpty());

    config.address = QHostAddress(QHostAddress::AnyIPv4);
    WebhookListener exposed(config, listenerClock());
    QSignalSpy warned(&exposed, &WebhookListener::securityWarningChanged);
    QVERIFY(exposed.listen().ok());
    QVERIFY2(exposed.securityWarning().contains(u"plain HTTP"_s), qPrintable(exposed.securityWarning()));
    QCOMPARE(warned.size(), 1);
    exposed.close();
    QVERIFY(exposed.securityWarning().isEmpty());

    config.tlsInFront = true;
    WebhookListener proxied(config, listenerClock());
    QVERIFY(proxied.listen().ok());
    QVERIFY(proxied.securityWarning().isEmpty());
}

void TestWebhookListener::listenSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("port only is loopback") << u"8088"_s << true << u"127.0.0.1"_s << 8088;
    QTest::newRow("address and port") << u"0.0.0.0:9000"_s << true << u"0.0.0.0"_s << 9000;
    QTest::newRow("ipv6") << u"[::1]:9001"_s << true << u"::1"_s << 9001;
    QTest::newRow("not a port") << u"abc"_s << false << QString() << 0;
    QTest::newRow("port too big") << u"70000"_s << false << QString() << 0;
    QTest::newRow("bad host") << u"nohost:80"_s << false << QString() << 0;
}

void TestWebhookListener::listenSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    const Result<WebhookListenerConfig> config = WebhookListenerConfig::fromListenSpec(spec);
    QCOMPARE(config.ok(), ok);
    if (ok) {
        QFETCH(QString, address);
        QFETCH(int, port);
        QCOMPARE(config->address.toString(), address);
        QCOMPARE(int(config->port), port);
    }
}

void TestWebhookListener::callbacks_data()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("stored");
    const Headers good{{"X-Webhook-Token", "s3cret-token-0123456789abcdef0123456789"}};
    QTest::newRow("token header") << "[1]"_ba << good << 200 << true;
    QTest::newRow("bearer") << "[2]"_ba << Headers{{"Authorization", "Bearer s3cret-token-0123456789abcdef0123456789"}}
                            << 200 << true;
    QTest::newRow("bearer lower case") << "[21]"_ba
                                       << Headers{{"Authorization", "bearer s3cret-token-0123456789abcdef0123456789"}}
                                       << 200 << true;
    QTest::newRow("bearer upper case") << "[22]"_ba
                                       << Headers{{"Authorization", "BEARER s3cret-token-0123456789abcdef0123456789"}}
                                       << 200 << true;
    QTest::newRow("X-WebhookToken header")
        << "[23]"_ba << Headers{{"X-WebhookToken", "s3cret-token-0123456789abcdef0123456789"}} << 200 << true;
    QTest::newRow("other scheme") << "[24]"_ba
                                  << Headers{{"Authorization", "Basic s3cret-token-0123456789abcdef0123456789"}} << 401
                                  << false;
    QTest::newRow("no token") << "[3]"_ba << Headers{} << 401 << false;
    QTest::newRow("wrong token") << "[4]"_ba << Headers{{"X-Webhook-Token", "s3cret-tokeX"}} << 401 << false;
    QTest::newRow("token prefix") << "[5]"_ba << Headers{{"X-Webhook-Token", "s3cret"}} << 401 << false;
    QTest::newRow("oversized") << QByteArray(5000, 'x') << good << 413 << false;
    QTest::newRow("malformed") << "bad json"_ba << good << 400 << false;
    QTest::newRow("storage down") << "down"_ba << good << 503 << false;
    QTest::newRow("too many elements") << "many"_ba << good << 413 << false;
}

void TestWebhookListener::callbacks()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QFETCH(QByteArray, body);
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QFETCH(bool, stored);
    m_stored.clear();
    QCOMPARE(post(m_network, m_url, body, headers), status);
    QCOMPARE(m_stored.contains(body), stored);
}

void TestWebhookListener::tokenComparison()
{
    QVERIFY(WebhookListener::tokensEqual("abc", "abc"));
    QVERIFY(!WebhookListener::tokensEqual("abc", "abd"));
    QVERIFY(!WebhookListener::tokensEqual("abc", ""));
    QVERIFY(!WebhookListener::tokensEqual("", ""));
}

void TestWebhookListener::signedEndpoint_data()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("signed") << Headers{{"X-Signature", "t=1,v1=good"}} << 200 << "t=1,v1=good"_ba;
    QTest::newRow("signature does not match") << Headers{{"X-Signature", "t=1,v1=bad"}} << 401 << "t=1,v1=bad"_ba;
    QTest::newRow("malformed: never reaches the handler") << Headers{{"X-Signature", "junk"}} << 401 << QByteArray();
    QTest::newRow("missing: never reaches the handler") << Headers{} << 401 << QByteArray();
    // The shared token does not stand in for the signature.
    QTest::newRow("token instead") << Headers{{"X-Webhook-Token", "s3cret-token-0123456789abcdef0123456789"}} << 401
                                   << QByteArray();
}

void TestWebhookListener::signedEndpoint()
{
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, signature);
    WebhookListenerConfig config;
    config.token = "s3cret-token-0123456789abcdef0123456789";
    WebhookListener listener(config, listenerClock());
    QByteArray seenSignature;
    QByteArray seenBody;
    WebhookSignatureRule rule{"X-Signature", [](const QByteArray &value) { return value.startsWith("t="); }};
    listener.addSignedEndpoint(u"/signed"_s, rule, [&](const QByteArray &body, const QByteArray &given) -> Result<int> {
        seenSignature = given;
        seenBody = body;
        if (!given.endsWith("good"))
            return makeError(ErrorKind::BadCredentials, u"signature does not match"_s);
        return 1;
    });
    const Result<quint16> port = listener.listen();
    QVERIFY(port.ok());
    QCOMPARE(post(m_network, QUrl(u"http://127.0.0.1:%1/signed"_s.arg(port.value())), "{\"raw\":1}", headers), status);
    QCOMPARE(seenSignature, signature);
    QCOMPARE(seenBody, signature.isEmpty() ? QByteArray() : "{\"raw\":1}"_ba);
}

void TestWebhookListener::listensOnIpv6()
{
    const Result<WebhookListenerConfig> spec = WebhookListenerConfig::fromListenSpec(u"[::1]:0"_s);
    QVERIFY(spec.ok());
    WebhookListenerConfig config = spec.value();
    config.token = "s3cret-token-0123456789abcdef0123456789";
    WebhookListener listener(config, listenerClock());
    int stored = 0;
    listener.addEndpoint(u"/hook"_s, [&stored](const QByteArray &) -> Result<int> { return ++stored; });
    const Result<quint16> port = listener.listen();
    if (!port)
        QSKIP("no IPv6 loopback here");
    QVERIFY(port.value() != 0);
    QCOMPARE(post(m_network, QUrl(u"http://[::1]:%1/hook"_s.arg(port.value())), "[1]",
                  {{"X-Webhook-Token", "s3cret-token-0123456789abcdef0123456789"}}),
             200);
    QCOMPARE(stored, 1);
}

void TestWebhookListener::statusSignals()
{
    QSignalSpy accepted(m_listener.get(), &WebhookListener::callbackAccepted);
    QSignalSpy refused(m_listener.get(), &WebhookListener::callbackRefused);
    QCOMPARE(post(m_network, m_url, "[9]", {{"X-Webhook-Token", "s3cret-token-0123456789abcdef0123456789"}}), 200);
    QCOMPARE(accepted.size(), 1);
    QVERIFY(m_listener->lastCallbackAt().isValid());
    QCOMPARE(post(m_network, m_url, "[9]", {}), 401);
    QCOMPARE(refused.size(), 1);
    QUrl other = m_url;
    other.setPath(u"/elsewhere"_s);
    QCOMPARE(post(m_network, other, "[9]", {{"X-Webhook-Token", "s3cret-token-0123456789abcdef0123456789"}}), 404);
    QSignalSpy listening(m_listener.get(), &WebhookListener::listeningChanged);
    QVERIFY(m_listener->isListening());
    m_listener->close();
    QCOMPARE(listening.size(), 1);
    QVERIFY(!m_listener->isListening());
}

// With a worker, handlers run on its thread with its own store connection: a handler that sits on
// a locked database (here: one that takes two seconds) leaves the listener's thread free (its timer
// keeps ticking), the client gets its 503 after the handler timeout, and an accepted callback is
// still counted and signalled on the listener's thread.
void TestWebhookListener::handlersRunOnTheWorker()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), listenerClock());
    QVERIFY2(opened, qPrintable(opened.error().message));
    Result<std::unique_ptr<WebhookWorker>> worker = WebhookWorker::start(*opened.value());
    QVERIFY2(worker, qPrintable(worker.error().message));
    Store &handlerStore = worker.value()->store();
    QVERIFY(&handlerStore != opened.value().get());

    WebhookListenerConfig config;
    config.token = "worker-token-0123456789abcdef0123456789";
    WebhookListener listener(config, listenerClock());
    listener.setWorker(std::move(worker).value());
    std::atomic<QThread *> ranOn = nullptr;
    std::atomic<bool> stored = false;
    listener.addEndpoint(u"/slow"_s, [&](const QByteArray &) -> Result<int> {
        ranOn = QThread::currentThread();
        QThread::msleep(2000);
        return 1;
    });
    listener.addEndpoint(u"/fast"_s, [&](const QByteArray &) -> Result<int> {
        ranOn = QThread::currentThread();
        // The worker's own connection answers here, on the worker's thread.
        const Result<QList<WatchEntry>> containers = handlerStore.containers(u"acme"_s);
        stored = containers.ok();
        return 2;
    });
    const Result<quint16> port = listener.listen();
    QVERIFY2(port, qPrintable(port.error().message));
    const auto url = [&](const QString &path) { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port.value()).arg(path)); };
    const QList<QPair<QByteArray, QByteArray>> headers{{"X-Webhook-Token", config.token}};

    int ticks = 0;
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
    heartbeat.start(20);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(post(m_network, url(u"/slow"_s), "[]", headers), 503); // the handler timeout, not the handler
    QVERIFY(clock.elapsed() < 1900);
    QVERIFY(ranOn.load() != nullptr);
    QVERIFY(ranOn.load() != QThread::currentThread());
    QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks))); // this thread was never held up
    heartbeat.stop();

    QSignalSpy accepted(&listener, &WebhookListener::callbackAccepted);
    // Queued behind the slow one, the first tries may get 503 too (and are skipped, not run late).
    int status = 0;
    for (int attempt = 0; attempt < 10 && status != 200; ++attempt)
        status = post(m_network, url(u"/fast"_s), "[]", headers);
    QCOMPARE(status, 200);
    QVERIFY(stored.load());
    // The slow one was stored too, after its client had its 503 (the retry will dedupe); both
    // are counted and signalled, queued back to this thread.
    QTRY_COMPARE(accepted.count(), 2);
    QCOMPARE(accepted.last().at(0).toString(), u"/fast"_s);
    QCOMPARE(accepted.last().at(1).toInt(), 2);
    QCOMPARE(listener.acceptedCount(), 2);
    QVERIFY(listener.lastCallbackAt().isValid());
    listener.close(); // waits for nothing: no handler runs now
}

QTEST_GUILESS_MAIN(TestWebhookListener)
#include "tst_webhooklistener.moc"
