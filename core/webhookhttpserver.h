#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QObject;

// What one connection and one request may cost the server. The defaults suit a webhook receiver:
// small JSON bodies, a few providers, callbacks that are retried when refused.
struct WebhookHttpLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    unsigned maxConnections = 256;                  // well below the common 1,024 open-file limit
    unsigned maxConnectionsPerClient = 32;          // a reverse proxy in front comes from one address
    std::chrono::seconds idleTimeout{5};            // no byte for this long closes the connection
    std::chrono::seconds headerTimeout{10};         // headers still incomplete after this: dropped when room is needed
    std::chrono::seconds bodyTimeout{30};           // a body still arriving after this: the connection is closed
    std::chrono::milliseconds handlerTimeout{750};  // the handler's thread did not answer: 503
    int maxWaitingHandlers = 64;                    // more admitted requests than this waiting: 503 at once
    qint64 maxBufferedBodyBytes = 16 * 1024 * 1024; // all bodies being received or waiting, together
    std::chrono::seconds retryAfter{5};             // sent with every 503 the server decides itself
};

struct WebhookHttpRequest
{
    QByteArray method;
    QString path;
    QList<QPair<QByteArray, QByteArray>> headers;
    std::optional<qint64> declaredLength; // Content-Length; none for a chunked body
    QByteArray body;                      // empty when admit() sees the request

    // The first header of that name (names compare case-insensitively), trimmed; empty if absent.
    QByteArray header(QByteArrayView name) const;
};

struct WebhookHttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    std::chrono::seconds retryAfter{0}; // 0: no Retry-After header

    // {"error": message} as JSON, the shape every refusal has.
    static WebhookHttpResponse error(int status, const QString &message,
                                     std::chrono::seconds retryAfter = std::chrono::seconds(0));
};

// An HTTP/1.1 server for callbacks from the open internet, on GNU libmicrohttpd. Every limit holds
// before any body byte is kept: admit() sees method, path and headers and may answer at once (the
// body is then never read); a declared length over the cap gets 413 at once and a chunked body is
// cut with 413 the moment it passes the cap. Connections are capped in total and per client
// address, idle ones time out, and when the server is nearly full the oldest connection that has
// not finished its headers is dropped, so idle sockets cannot lock out a real callback.
//
// Threads: libmicrohttpd's own polling thread (epoll, so descriptor numbers above 1,024 are fine)
// runs admit(), which must be thread-safe and must not block. handle() runs on the thread of the
// handler context object (queued); if it has not answered within handlerTimeout the client gets
// 503 with Retry-After, and a handler that had not started by then is skipped. The polling thread
// never waits for the handler, so a blocked database delays nothing but its own requests.
class WebhookHttpServer final
{
public:
    // No value: admitted, read the body and call handle(). A response: send it now.
    using Admit = std::function<std::optional<WebhookHttpResponse>(const WebhookHttpRequest &request)>;
    using Handle = std::function<WebhookHttpResponse(const WebhookHttpRequest &request)>;
    // Refusals the server decides itself (body over the cap, handler too slow, too many waiting);
    // called on the polling or the timer thread.
    using Refused = std::function<void(const QString &path, int status, const QString &reason)>;

    struct Callbacks
    {
        Admit admit;
        Handle handle;
        Refused refused;
    };

    WebhookHttpServer(WebhookHttpLimits limits, Callbacks callbacks, QObject *handlerContext);
    ~WebhookHttpServer(); // stops; call it on the handler context's thread
    Q_DISABLE_COPY_MOVE(WebhookHttpServer)

    // QHostAddress::Any listens on IPv6 and IPv4; port 0 picks a free port. Returns the bound port.
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void stop();
    bool isListening() const;
    quint16 port() const;

private:
    struct Impl;
    std::shared_ptr<Impl> m_impl; // shared with handler calls still queued on the context's thread
};
