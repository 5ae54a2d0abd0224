#include "webhookhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>

#include <algorithm>
#include <arpa/inet.h>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <limits>
#include <list>
#include <microhttpd.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using Clock = std::chrono::steady_clock;

namespace {

Q_LOGGING_CATEGORY(lcHttp, "quaywatch.core.webhooks.http")

// libmicrohttpd keeps headers, request line and its read buffer in one pool of this size per
// connection; a request whose headers do not fit is answered 431 by the library.
constexpr size_t connectionMemoryBytes = 32 * 1024;

MHD_Result queueResponse(MHD_Connection *connection, const WebhookHttpResponse &answer)
{
    MHD_Response *response = MHD_create_response_from_buffer(
        size_t(answer.body.size()), const_cast<char *>(answer.body.constData()), MHD_RESPMEM_MUST_COPY);
    if (!response)
        return MHD_NO;
    MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, answer.contentType.constData());
    if (answer.retryAfter.count() > 0)
        MHD_add_response_header(response, MHD_HTTP_HEADER_RETRY_AFTER,
                                QByteArray::number(qint64(answer.retryAfter.count())).constData());
    const MHD_Result queued = MHD_queue_response(connection, unsigned(answer.status), response);
    MHD_destroy_response(response);
    return queued;
}

MHD_Result collectHeader(void *list, MHD_ValueKind, const char *key, const char *value)
{
    static_cast<QList<QPair<QByteArray, QByteArray>> *>(list)->append({QByteArray(key), QByteArray(value)});
    return MHD_YES;
}

std::optional<qint64> declaredLength(const WebhookHttpRequest &request)
{
    if (request.header("Transfer-Encoding").toLower().contains("chunked"))
        return std::nullopt;
    const QByteArray text = request.header("Content-Length");
    bool ok = false;
    const qint64 length = text.toLongLong(&ok);
    // A length too large for qint64 is still a length over any cap.
    return text.isEmpty() ? 0 : (ok ? length : std::numeric_limits<qint64>::max());
}

void logFromLibrary(void *, const char *format, va_list arguments)
{
    char line[512];
    std::vsnprintf(line, sizeof line, format, arguments);
    qCDebug(lcHttp).noquote() << QByteArray(line).trimmed();
}

// The socket address to bind; IPv6 (and QHostAddress::Any, which means both families) sets *ipv6.
socklen_t socketAddress(const QHostAddress &address, quint16 port, sockaddr_storage &storage, bool &ipv6)
{
    storage = {};
    const bool any = address.protocol() == QAbstractSocket::AnyIPProtocol;
    ipv6 = any || address.protocol() == QAbstractSocket::IPv6Protocol;
    if (!ipv6) {
        auto *v4 = reinterpret_cast<sockaddr_in *>(&storage);
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        v4->sin_addr.s_addr = htonl(address.toIPv4Address());
        return sizeof(sockaddr_in);
    }
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    const Q_IPV6ADDR bytes = any ? QHostAddress(QHostAddress::AnyIPv6).toIPv6Address() : address.toIPv6Address();
    std::copy(std::begin(bytes.c), std::end(bytes.c), v6->sin6_addr.s6_addr);
    bool numericScope = false;
    const uint scope = address.scopeId().toUInt(&numericScope);
    if (numericScope)
        v6->sin6_scope_id = scope;
    return sizeof(sockaddr_in6);
}

} // namespace

QByteArray WebhookHttpRequest::header(QByteArrayView name) const
{
    for (const auto &pair : headers) {
        if (QByteArrayView(pair.first).compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}

WebhookHttpResponse WebhookHttpResponse::error(int status, const QString &message, std::chrono::seconds retryAfter)
{
    WebhookHttpResponse response;
    response.status = status;
    response.body = QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
    response.retryAfter = retryAfter;
    return response;
}

struct WebhookHttpServer::Impl : std::enable_shared_from_this<Impl>
{
    // One TCP connection, for shedding: owned by libmicrohttpd's per-socket pointer.
    struct Connection
    {
        int fd = -1;
        bool dropped = false;
        Clock::time_point waitingSince;
        std::optional<std::list<Connection *>::iterator> waitingPosition;
    };

    // An admitted request suspended in libmicrohttpd until the handler or the timer answers it.
    // Guarded by Impl::mutex; whoever sets `answered` first resumes the connection, exactly once.
    struct Suspended
    {
        MHD_Connection *connection = nullptr;
        QString path;
        Clock::time_point deadline;
        WebhookHttpRequest request; // taken by the handler when it starts, dropped if answered first
        bool answered = false;
        WebhookHttpResponse answer;
    };

    // One request: owned by libmicrohttpd's per-request pointer.
    struct Request
    {
        WebhookHttpRequest request;
        Clock::time_point headersAt;
        qint64 charged = 0; // bytes of the body budget held until the request ends
        std::shared_ptr<Suspended> suspended;
    };

    Impl(WebhookHttpLimits limits, Callbacks callbacks, QObject *context)
        : limits(std::move(limits)), callbacks(std::move(callbacks)), context(context)
    {}

    static MHD_Result onAccess(void *self, MHD_Connection *connection, const char *url, const char *method,
                               const char *version, const char *data, size_t *size, void **request);
    static void onCompleted(void *self, MHD_Connection *connection, void **request, MHD_RequestTerminationCode);
    static void onConnection(void *self, MHD_Connection *connection, void **socket, MHD_ConnectionNotificationCode);

    Result<quint16> start(const QHostAddress &address, quint16 port);
    void stop();

    // Polling thread.
    MHD_Result startRequest(MHD_Connection *connection, const char *url, const char *method, void **slot);
    MHD_Result receiveBody(MHD_Connection *connection, Request &request, const char *data, size_t *size);
    MHD_Result finishRequest(MHD_Connection *connection, Request &request);
    MHD_Result suspendForHandler(MHD_Connection *connection, Request &request);
    void refuse(const QString &path, int status, const QString &reason) const;
    void markWaiting(Connection *connection);
    void markBusy(Connection *connection);
    void shedWaitingConnections();

    // Handler context's thread and timer thread.
    void runHandler(const std::shared_ptr<Suspended> &suspended);
    bool answerLocked(Suspended &suspended, WebhookHttpResponse answer);
    void runTimer();

    const WebhookHttpLimits limits;
    const Callbacks callbacks;
    QObject *const context;
    MHD_Daemon *daemon = nullptr;
    quint16 boundPort = 0;

    // Polling thread only.
    std::list<Connection *> waiting; // oldest first: connections between requests or still in headers
    unsigned openConnections = 0;    // not counting dropped ones libmicrohttpd has not closed yet
    qint64 bufferedBodyBytes = 0;    // what admitted requests may hold in bodies, all together

    std::mutex mutex;
    std::condition_variable timerWake;
    std::vector<std::shared_ptr<Suspended>> suspended; // deadlines ascending: handlerTimeout is fixed
    bool stopping = false;
    std::thread timer;
};

Result<quint16> WebhookHttpServer::Impl::start(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage;
    bool ipv6 = false;
    socketAddress(address, port, storage, ipv6);
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    if (ipv6)
        flags |= address.protocol() == QAbstractSocket::AnyIPProtocol ? MHD_USE_DUAL_STACK : MHD_USE_IPv6;
    stopping = false;
    // The logger must come first, or the library prints what comes before it to stderr.
    daemon = MHD_start_daemon(
        flags, port, nullptr, nullptr, &Impl::onAccess, this, MHD_OPTION_EXTERNAL_LOGGER, &logFromLibrary, nullptr,
        MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr *>(&storage), MHD_OPTION_CONNECTION_LIMIT,
        unsigned(limits.maxConnections), MHD_OPTION_PER_IP_CONNECTION_LIMIT, unsigned(limits.maxConnectionsPerClient),
        MHD_OPTION_CONNECTION_TIMEOUT, unsigned(limits.idleTimeout.count()), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        connectionMemoryBytes, MHD_OPTION_NOTIFY_COMPLETED, &Impl::onCompleted, this, MHD_OPTION_NOTIFY_CONNECTION,
        &Impl::onConnection, this, MHD_OPTION_END);
    if (!daemon)
        return makeError(ErrorKind::Internal, u"Cannot listen for webhooks on %1:%2 (address in use or not "
                                              u"available here)"_s.arg(address.toString(), QString::number(port)));
    const MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    boundPort = info ? info->port : port;
    timer = std::thread([this] { runTimer(); });
    return boundPort;
}

void WebhookHttpServer::Impl::stop()
{
    if (!daemon)
        return;
    {
        // libmicrohttpd refuses to stop with suspended connections: answer every one first.
        const std::lock_guard lock(mutex);
        stopping = true;
        while (!suspended.empty()) {
            const std::shared_ptr<Suspended> first = suspended.front();
            answerLocked(*first,
                         WebhookHttpResponse::error(503, u"the listener is shutting down"_s, limits.retryAfter));
        }
    }
    timerWake.notify_all();
    timer.join();
    MHD_stop_daemon(daemon);
    daemon = nullptr;
    boundPort = 0;
}

MHD_Result WebhookHttpServer::Impl::onAccess(void *self, MHD_Connection *connection, const char *url,
                                             const char *method, const char *, const char *data, size_t *size,
                                             void **request)
{
    auto *impl = static_cast<Impl *>(self);
    auto *state = static_cast<Request *>(*request);
    if (!state)
        return impl->startRequest(connection, url, method, request);
    if (*size != 0)
        return impl->receiveBody(connection, *state, data, size);
    return impl->finishRequest(connection, *state);
}

MHD_Result WebhookHttpServer::Impl::startRequest(MHD_Connection *connection, const char *url, const char *method,
                                                 void **slot)
{
    if (const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT))
        markBusy(static_cast<Connection *>(info->socket_context));
    WebhookHttpRequest request;
    request.method = QByteArray(method);
    request.path = QString::fromUtf8(url);
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &collectHeader, &request.headers);
    request.declaredLength = declaredLength(request);
    // Answering now makes libmicrohttpd skip the body and close the connection after the answer.
    if (std::optional<WebhookHttpResponse> refusal = callbacks.admit(request))
        return queueResponse(connection, *refusal);
    if (request.declaredLength.value_or(0) > limits.maxBodyBytes) {
        const QString reason = u"body larger than %1 bytes"_s.arg(limits.maxBodyBytes);
        refuse(request.path, 413, reason);
        return queueResponse(connection, WebhookHttpResponse::error(413, reason));
    }
    // A chunked body may grow to the cap, so it is charged the cap.
    const qint64 charge = request.declaredLength.value_or(limits.maxBodyBytes);
    if (bufferedBodyBytes + charge > std::max(limits.maxBufferedBodyBytes, limits.maxBodyBytes)) {
        const QString reason = u"too many callbacks at once"_s;
        refuse(request.path, 503, reason);
        return queueResponse(connection, WebhookHttpResponse::error(503, reason, limits.retryAfter));
    }
    bufferedBodyBytes += charge;
    request.body.reserve(qsizetype(request.declaredLength.value_or(0)));
    *slot = new Request{std::move(request), Clock::now(), charge, nullptr};
    return MHD_YES;
}

MHD_Result WebhookHttpServer::Impl::receiveBody(MHD_Connection *connection, Request &state, const char *data,
                                                size_t *size)
{
    if (Clock::now() - state.headersAt > limits.bodyTimeout) {
        refuse(state.request.path, 408, u"body still arriving after %1 s"_s.arg(limits.bodyTimeout.count()));
        return MHD_NO; // closes the connection
    }
    if (state.request.body.size() + qint64(*size) <= limits.maxBodyBytes) {
        state.request.body.append(data, qsizetype(*size));
        *size = 0;
        return MHD_YES;
    }
    // Only a chunked body gets here (a declared length was checked up front). libmicrohttpd 0.9.75
    // queues answers only before or after the body, so the 413 goes straight onto the socket and
    // the connection is closed: the rest of the body is never read.
    const QString reason = u"body larger than %1 bytes"_s.arg(limits.maxBodyBytes);
    refuse(state.request.path, 413, reason);
    const WebhookHttpResponse answer = WebhookHttpResponse::error(413, reason);
    const QByteArray raw = "HTTP/1.1 413 Content Too Large\r\nContent-Type: " + answer.contentType +
                           "\r\nContent-Length: " + QByteArray::number(answer.body.size()) +
                           "\r\nConnection: close\r\n\r\n" + answer.body;
    if (const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD))
        (void)::send(info->connect_fd, raw.constData(), size_t(raw.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    state.request.body.clear();
    state.request.body.squeeze();
    return MHD_NO;
}

MHD_Result WebhookHttpServer::Impl::finishRequest(MHD_Connection *connection, Request &state)
{
    if (!state.suspended)
        return suspendForHandler(connection, state);
    // Resumed: the handler or the timer has answered.
    WebhookHttpResponse answer;
    {
        const std::lock_guard lock(mutex);
        answer = state.suspended->answer;
    }
    return queueResponse(connection, answer);
}

MHD_Result WebhookHttpServer::Impl::suspendForHandler(MHD_Connection *connection, Request &state)
{
    std::unique_lock lock(mutex);
    if (stopping || suspended.size() >= size_t(std::max(limits.maxWaitingHandlers, 1))) {
        lock.unlock();
        const QString reason = stopping ? u"the listener is shutting down"_s : u"too many callbacks waiting"_s;
        refuse(state.request.path, 503, reason);
        return queueResponse(connection, WebhookHttpResponse::error(503, reason, limits.retryAfter));
    }
    // Suspend before the handler can possibly answer: resuming a connection that is not suspended
    // is undefined in libmicrohttpd.
    MHD_suspend_connection(connection);
    state.suspended = std::make_shared<Suspended>();
    state.suspended->connection = connection;
    state.suspended->path = state.request.path;
    state.suspended->deadline = Clock::now() + limits.handlerTimeout;
    state.suspended->request = std::move(state.request);
    suspended.push_back(state.suspended);
    lock.unlock();
    timerWake.notify_all();
    QMetaObject::invokeMethod(
        context, [self = shared_from_this(), waiting = state.suspended] { self->runHandler(waiting); },
        Qt::QueuedConnection);
    return MHD_YES;
}

void WebhookHttpServer::Impl::runHandler(const std::shared_ptr<Suspended> &waiting)
{
    WebhookHttpRequest request;
    {
        const std::lock_guard lock(mutex);
        if (waiting->answered)
            return; // answered 503 already: the client will retry, so the late work is skipped
        request = std::move(waiting->request);
    }
    WebhookHttpResponse answer = callbacks.handle(request);
    const std::lock_guard lock(mutex);
    answerLocked(*waiting, std::move(answer));
}

bool WebhookHttpServer::Impl::answerLocked(Suspended &waiting, WebhookHttpResponse answer)
{
    if (waiting.answered)
        return false;
    waiting.answered = true;
    waiting.answer = std::move(answer);
    waiting.request = {}; // a handler that has not started never will: its body can go now
    std::erase_if(suspended, [&waiting](const std::shared_ptr<Suspended> &entry) { return entry.get() == &waiting; });
    MHD_resume_connection(waiting.connection);
    return true;
}

void WebhookHttpServer::Impl::runTimer()
{
    std::unique_lock lock(mutex);
    while (!stopping) {
        if (suspended.empty()) {
            timerWake.wait(lock);
            continue;
        }
        const std::shared_ptr<Suspended> first = suspended.front();
        if (Clock::now() < first->deadline) {
            timerWake.wait_until(lock, first->deadline);
            continue;
        }
        const QString reason =
            u"the callback could not be stored within %1 ms; try again"_s.arg(qint64(limits.handlerTimeout.count()));
        answerLocked(*first, WebhookHttpResponse::error(503, reason, limits.retryAfter));
        lock.unlock();
        refuse(first->path, 503, reason);
        lock.lock();
    }
}

void WebhookHttpServer::Impl::refuse(const QString &path, int status, const QString &reason) const
{
    if (callbacks.refused)
        callbacks.refused(path, status, reason);
}

void WebhookHttpServer::Impl::onCompleted(void *self, MHD_Connection *connection, void **request,
                                          MHD_RequestTerminationCode)
{
    if (auto *state = static_cast<Request *>(*request)) {
        static_cast<Impl *>(self)->bufferedBodyBytes -= state->charged;
        delete state;
    }
    *request = nullptr;
    if (const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT))
        static_cast<Impl *>(self)->markWaiting(static_cast<Connection *>(info->socket_context));
}

void WebhookHttpServer::Impl::onConnection(void *self, MHD_Connection *connection, void **socket,
                                           MHD_ConnectionNotificationCode code)
{
    auto *impl = static_cast<Impl *>(self);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        auto *state = new Connection;
        if (const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD))
            state->fd = info->connect_fd;
        *socket = state;
        ++impl->openConnections;
        impl->markWaiting(state);
        impl->shedWaitingConnections();
        return;
    }
    auto *state = static_cast<Connection *>(*socket);
    if (!state)
        return;
    impl->markBusy(state);
    if (!state->dropped)
        --impl->openConnections;
    delete state;
    *socket = nullptr;
}

void WebhookHttpServer::Impl::markWaiting(Connection *connection)
{
    if (!connection || connection->dropped)
        return;
    markBusy(connection);
    connection->waitingSince = Clock::now();
    connection->waitingPosition = waiting.insert(waiting.end(), connection);
}

void WebhookHttpServer::Impl::markBusy(Connection *connection)
{
    if (!connection || !connection->waitingPosition)
        return;
    waiting.erase(*connection->waitingPosition);
    connection->waitingPosition.reset();
}

void WebhookHttpServer::Impl::shedWaitingConnections()
{
    // Keep an eighth of the connection cap free for new callbacks: when the server fills up, the
    // connection that has waited longest without a complete request goes first; one whose headers
    // are older than headerTimeout goes anyway (a client trickling headers keeps the idle timer
    // from ever firing).
    const unsigned reserve = std::max(2u, limits.maxConnections / 8);
    const unsigned highWater = limits.maxConnections > reserve ? limits.maxConnections - reserve : 1;
    const Clock::time_point stale = Clock::now() - limits.headerTimeout;
    while (!waiting.empty() && (openConnections > highWater || waiting.front()->waitingSince < stale)) {
        Connection *oldest = waiting.front();
        markBusy(oldest);
        oldest->dropped = true;
        --openConnections;
        // libmicrohttpd sees end-of-stream on its next turn and closes the connection itself.
        if (oldest->fd >= 0)
            ::shutdown(oldest->fd, SHUT_RDWR);
        qCDebug(lcHttp) << "dropped an idle connection to make room;" << openConnections << "open";
    }
}

WebhookHttpServer::WebhookHttpServer(WebhookHttpLimits limits, Callbacks callbacks, QObject *handlerContext)
    : m_impl(std::make_shared<Impl>(std::move(limits), std::move(callbacks), handlerContext))
{}

WebhookHttpServer::~WebhookHttpServer()
{
    stop();
}

Result<quint16> WebhookHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_impl->daemon)
        return makeError(ErrorKind::Internal, u"The webhook server is already listening"_s);
    if (address.isNull()) // would otherwise come out as 0.0.0.0, every interface
        return makeError(ErrorKind::InvalidInput, u"No address to listen for webhooks on"_s);
    return m_impl->start(address, port);
}

void WebhookHttpServer::stop()
{
    m_impl->stop();
}

bool WebhookHttpServer::isListening() const
{
    return m_impl->daemon != nullptr;
}

quint16 WebhookHttpServer::port() const
{
    return m_impl->boundPort;
}
