// The webhook listener attacked on loopback the way a hostile network would: huge bodies, huge
// declared lengths, chunked bodies past the cap, idle sockets past the open-file limit, a handler
// stuck on a locked database. Raw sockets, so the test controls every byte and every wait.
#include "clock.h"
#include "webhooklistener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <future>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

const Clock &listenerClock()
{
    static const SystemClock clock;
    return clock;
}

constexpr auto token = "quaywatch-test-token-0123456789abcdef";

struct RawResponse
{
    int status = 0; // 0: no complete answer in time
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = head.split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

// One blocking TCP client with a deadline on every wait.
class RawClient
{
public:
    explicit RawClient(quint16 port, const char *source = nullptr)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const timeval timeout{5, 0};
        setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        if (source) {
            sockaddr_in local{};
            local.sin_family = AF_INET;
            inet_pton(AF_INET, source, &local.sin_addr);
            ::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
        }
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(port);
        server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&server), sizeof server) == 0;
    }
    ~RawClient() { ::close(m_fd); }
    Q_DISABLE_COPY_MOVE(RawClient)

    bool connected() const { return m_connected; }
    bool send(QByteArrayView data)
    {
        while (!data.isEmpty()) {
            const ssize_t sent = ::send(m_fd, data.data(), size_t(data.size()), MSG_NOSIGNAL);
            if (sent <= 0)
                return false;
            data = data.sliced(sent);
        }
        return true;
    }
    bool readable(int timeoutMs) const
    {
        pollfd entry{m_fd, POLLIN, 0};
        return ::poll(&entry, 1, timeoutMs) > 0;
    }
    RawResponse read(int timeoutMs);
    // True when the server closed the connection (end of stream or reset) within the time.
    bool closedWithin(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        char buffer[4096];
        while (clock.elapsed() < timeoutMs) {
            if (!readable(int(timeoutMs - clock.elapsed())))
                return false;
            if (::recv(m_fd, buffer, sizeof buffer, 0) <= 0)
                return true;
        }
        return false;
    }

private:
    int m_fd = -1;
    bool m_connected = false;
    QByteArray m_pending;
};

RawResponse RawClient::read(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    RawResponse response;
    qsizetype headEnd = -1;
    qint64 length = -1;
    char buffer[16384];
    while (clock.elapsed() < timeoutMs) {
        if (headEnd < 0 && (headEnd = m_pending.indexOf("\r\n\r\n")) >= 0) {
            response.head = m_pending.left(headEnd);
            m_pending.remove(0, headEnd + 4);
            length = response.header("Content-Length").toLongLong();
        }
        if (headEnd >= 0 && m_pending.size() >= length) {
            response.status = response.head.mid(9, 3).toInt();
            response.body = m_pending.left(length);
            m_pending.remove(0, length);
            return response;
        }
        if (!readable(int(timeoutMs - clock.elapsed())))
            break;
        const ssize_t received = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (received <= 0)
            break;
        m_pending.append(buffer, received);
    }
    return response;
}

QByteArray postHead(const QByteArray &path, const QByteArray &extraHeaders)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders +
           "\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return postHead(path, "X-Webhook-Token: "_ba + token + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                              "\r\n" + extraHeaders) +
           body;
}

// Runs a client on another thread while this one keeps serving the listener's handlers.
template<typename Function>
auto offThread(Function function, int timeoutMs = 10000)
{
    std::future<decltype(function())> result = std::async(std::launch::async, std::move(function));
    QElapsedTimer clock;
    clock.start();
    while (result.wait_for(0ms) != std::future_status::ready && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return result.get();
}

struct Timed
{
    RawResponse response;
    qint64 elapsedMs = 0;
};

Timed timedPost(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    QElapsedTimer clock;
    clock.start();
    RawClient client(port);
    Timed timed;
    if (client.connected() && client.send(request))
        timed.response = client.read(timeoutMs);
    timed.elapsedMs = clock.elapsed();
    return timed;
}

} // namespace

class TestWebhookServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hugeBodyWithWrongTokenIsNeverRead();
    void hugeDeclaredLengthIsRefusedAtOnce();
    void chunkedBodyIsCountedAsItArrives();
    void connectionCloseIsHonoured();
    void idleConnectionIsClosedAfterTheTimeout();
    void blockedHandlerAnswers503WithinASecond();
    void idleConnectionsPastTheFileLimitLeaveRoom();
    void closingWithACallbackWaiting();
    void bodiesShareOneBudget();

private:
    std::unique_ptr<WebhookListener> m_listener;
    QList<QByteArray> m_stored;
    quint16 m_port = 0;
};

void TestWebhookServer::initTestCase()
{
    WebhookListenerConfig config;
    config.token = token;
    config.maxBodyBytes = 64 * 1024;
    config.limits.idleTimeout = 2s;
    m_listener = std::make_unique<WebhookListener>(config, listenerClock());
    m_listener->addEndpoint(u"/hook"_s, [this](const QByteArray &body) -> Result<int> {
        m_stored.append(body);
        return 1;
    });
    // A store waiting on a database another process has locked: the caller's thread is stuck.
    m_listener->addEndpoint(u"/locked"_s, [](const QByteArray &) -> Result<int> {
        std::this_thread::sleep_for(2s);
        return 1;
    });
    const Result<quint16> port = m_listener->listen();
    QVERIFY2(port.ok(), qPrintable(port.error().message));
    m_port = port.value();
}

void TestWebhookServer::hugeBodyWithWrongTokenIsNeverRead()
{
    const qint64 twoGiB = qint64(2) << 30;
    const QByteArray chunk(64 * 1024, 'x');
    const qint64 residentBefore = residentBytes();
    RawClient client(m_port);
    QVERIFY(client.connected());
    QVERIFY(client.send(
        postHead("/hook", "X-Webhook-Token: wrong\r\nContent-Length: " + QByteArray::number(twoGiB) + "\r\n")));
    // Bounded: at most 2 GiB in 64 KiB pieces, stopping as soon as the server answers or hangs up.
    qint64 sent = 0;
    while (sent < twoGiB && !client.readable(0) && client.send(chunk))
        sent += chunk.size();
    const RawResponse response = client.read(5000);
    QCOMPARE(response.status, 401);
    QVERIFY2(sent < 64 * 1024 * 1024, qPrintable(u"the client sent %1 bytes before the refusal"_s.arg(sent)));
    const qint64 growth = residentBytes() - residentBefore;
    QVERIFY2(growth < 16 * 1024 * 1024, qPrintable(u"resident memory grew by %1 bytes"_s.arg(growth)));
}

void TestWebhookServer::hugeDeclaredLengthIsRefusedAtOnce()
{
    const Timed timed =
        timedPost(m_port, postHead("/hook", "X-Webhook-Token: "_ba + token + "\r\nContent-Length: 10000000000\r\n"));
    QCOMPARE(timed.response.status, 413);
    QVERIFY2(timed.elapsedMs < 1000, qPrintable(QString::number(timed.elapsedMs)));
}

void TestWebhookServer::chunkedBodyIsCountedAsItArrives()
{
    const QByteArray chunked = "Transfer-Encoding: chunked\r\nX-Webhook-Token: "_ba + token + "\r\n";
    // Under the cap, a chunked body arrives whole.
    m_stored.clear();
    const Timed small = offThread([this, chunked] {
        return timedPost(m_port, postHead("/hook", chunked) + "4\r\n[1,2\r\n2\r\n,3\r\n1\r\n]\r\n0\r\n\r\n");
    });
    QCOMPARE(small.response.status, 200);
    QCOMPARE(m_stored, QList<QByteArray>{"[1,2,3]"});

    // Past the cap, 413 comes while the client is still sending, and the rest is never read: the
    // client is stopped long before 16 MiB (loopback's socket buffers take a few MiB unread).
    RawClient client(m_port);
    QVERIFY(client.send(postHead("/hook", chunked)));
    const QByteArray piece = "400\r\n" + QByteArray(0x400, 'x') + "\r\n";
    const int limit = 16 * 1024;
    int pieces = 0;
    while (pieces < limit && !client.readable(0) && client.send(piece))
        ++pieces;
    QCOMPARE(client.read(5000).status, 413);
    QVERIFY2(pieces < limit, qPrintable(QString::number(pieces)));
}

void TestWebhookServer::connectionCloseIsHonoured()
{
    const bool closed = offThread([this] {
        RawClient client(m_port);
        // Keep-alive by default: two requests on one connection.
        if (!client.send(post("/hook", "[1]")) || client.read(5000).status != 200)
            return false;
        if (!client.send(post("/hook", "[2]", "Connection: close\r\n")))
            return false;
        const RawResponse response = client.read(5000);
        return response.status == 200 && response.header("Connection").toLower() == "close" &&
               client.closedWithin(1000);
    });
    QVERIFY(closed);
}

void TestWebhookServer::idleConnectionIsClosedAfterTheTimeout()
{
    RawClient client(m_port);
    QVERIFY(client.connected());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(client.send("POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n")); // and then nothing
    QVERIFY(client.closedWithin(5000));
    QVERIFY2(clock.elapsed() >= 1500, qPrintable(QString::number(clock.elapsed()))); // the 2 s timeout
}

void TestWebhookServer::blockedHandlerAnswers503WithinASecond()
{
    m_stored.clear();
    auto locked = std::async(std::launch::async, [this] { return timedPost(m_port, post("/locked", "[1]")); });
    // While this thread sits in the locked handler: a 404 is decided from the headers at once, and a
    // callback queued behind the stuck one gets 503 and is never run later.
    auto missing = std::async(std::launch::async, [this] {
        std::this_thread::sleep_for(300ms);
        return timedPost(m_port, post("/nowhere", "[2]"));
    });
    auto queued = std::async(std::launch::async, [this] {
        std::this_thread::sleep_for(200ms);
        return timedPost(m_port, post("/hook", "[3]"));
    });
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 5000 && queued.wait_for(0ms) != std::future_status::ready)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const Timed lockedAnswer = locked.get();
    const Timed missingAnswer = missing.get();
    const Timed queuedAnswer = queued.get();
    QCOMPARE(lockedAnswer.response.status, 503);
    QCOMPARE(lockedAnswer.response.header("Retry-After"), "5"_ba);
    QVERIFY2(lockedAnswer.elapsedMs < 1000, qPrintable(QString::number(lockedAnswer.elapsedMs)));
    QCOMPARE(missingAnswer.response.status, 404);
    QVERIFY2(missingAnswer.elapsedMs < 250, qPrintable(QString::number(missingAnswer.elapsedMs)));
    QCOMPARE(queuedAnswer.response.status, 503);
    QVERIFY2(queuedAnswer.elapsedMs < 1000, qPrintable(QString::number(queuedAnswer.elapsedMs)));
    QTest::qWait(100);
    QVERIFY(m_stored.isEmpty());
    // And the server is not left stalled.
    QCOMPARE(offThread([this] { return timedPost(m_port, post("/hook", "[4]")); }).response.status, 200);
}

void TestWebhookServer::idleConnectionsPastTheFileLimitLeaveRoom()
{
    rlimit own{};
    getrlimit(RLIMIT_NOFILE, &own);
    own.rlim_cur = own.rlim_max;
    setrlimit(RLIMIT_NOFILE, &own);
    if (own.rlim_cur < 1400)
        QSKIP("this process may not open 1,100 sockets");
    QProcess helper;
    helper.start(QStringLiteral(WEBHOOK_SERVER_HELPER), {QString::fromLatin1(token)});
    QVERIFY(helper.waitForReadyRead(10000));
    const QList<QByteArray> started = helper.readLine().trimmed().split(' ');
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(1), "1024"_ba);
    const quint16 port = quint16(started.at(0).toUInt());

    // 1,100 idle sockets, ten per source address so the per-client cap does not refuse them early.
    std::vector<int> idle;
    for (int i = 0; i < 1100; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(INADDR_LOOPBACK + 1 + quint32(i / 10));
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(port);
        server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) == 0);
        ::connect(fd, reinterpret_cast<sockaddr *>(&server), sizeof server);
        idle.push_back(fd);
    }
    QTest::qWait(500);
    int connected = 0;
    for (const int fd : idle) {
        int error = 0;
        socklen_t size = sizeof error;
        pollfd entry{fd, POLLOUT, 0};
        if (::poll(&entry, 1, 0) > 0 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0)
            ++connected;
    }

    const Timed callback = timedPost(port, post("/hook", "[1]"), 2000);
    // This process's own server meanwhile gets descriptor numbers above 1,024 (epoll, not select).
    const Timed highDescriptor = offThread([this] { return timedPost(m_port, post("/hook", "[2]")); });
    for (const int fd : idle)
        ::close(fd);
    QCOMPARE(highDescriptor.response.status, 200);
    QVERIFY2(connected >= 1000, qPrintable(QString::number(connected)));
    QCOMPARE(helper.state(), QProcess::Running);
    helper.kill();
    helper.waitForFinished(5000);
    QCOMPARE(callback.response.status, 200);
    QVERIFY2(callback.elapsedMs < 2000, qPrintable(QString::number(callback.elapsedMs)));
}

void TestWebhookServer::closingWithACallbackWaiting()
{
    WebhookListenerConfig config;
    config.token = token;
    WebhookListener listener(config, listenerClock());
    int stored = 0;
    listener.addEndpoint(u"/hook"_s, [&stored](const QByteArray &) -> Result<int> { return ++stored; });
    const Result<quint16> port = listener.listen();
    QVERIFY(port.ok());
    auto waiting = std::async(std::launch::async, [&port] { return timedPost(port.value(), post("/hook", "[1]")); });
    std::this_thread::sleep_for(300ms); // no events processed: the callback waits for this thread
    listener.close();
    const Timed answer = waiting.get();
    // 503 as a rule; a connection cut by the shutdown itself is acceptable too, a crash is not.
    QVERIFY2(answer.response.status == 503 || answer.response.status == 0, answer.response.head.constData());
    QCoreApplication::processEvents();
    QCOMPARE(stored, 0);
    QVERIFY(!listener.isListening());
}

void TestWebhookServer::bodiesShareOneBudget()
{
    WebhookListenerConfig config;
    config.token = token;
    config.maxBodyBytes = 64 * 1024;
    config.limits.maxBufferedBodyBytes = 128 * 1024;
    WebhookListener listener(config, listenerClock());
    listener.addEndpoint(u"/hook"_s, [](const QByteArray &) -> Result<int> { return 1; });
    const Result<quint16> port = listener.listen();
    QVERIFY(port.ok());
    const QByteArray announced = postHead("/hook", "X-Webhook-Token: "_ba + token + "\r\nContent-Length: 65536\r\n");
    // Two callbacks that announce the largest body and send nothing hold the whole budget ...
    RawClient first(port.value());
    RawClient second(port.value());
    QVERIFY(first.send(announced) && second.send(announced));
    QVERIFY(!first.readable(200) && !second.readable(0));
    // ... so a third is told to come back at once instead of adding to the memory held.
    const Timed third = timedPost(port.value(), announced, 1000);
    QCOMPARE(third.response.status, 503);
    QCOMPARE(third.response.header("Retry-After"), "5"_ba);
}

QTEST_GUILESS_MAIN(TestWebhookServer)
#include "tst_webhookserver.moc"
