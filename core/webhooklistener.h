#pragma once

#include "clock.h"
#include "result.h"
#include "webhookhttpserver.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class WebhookWorker;

struct WebhookListenerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // loopback unless asked otherwise
    quint16 port = 0;                                             // 0 picks a free port
    QByteArray token;                                             // required; every callback must carry it
    qint64 maxBodyBytes = qint64(1024) * 1024;
    WebhookHttpLimits limits; // connections, timeouts; its maxBodyBytes is replaced by the one above
    // Set when a TLS-terminating proxy sits in front of a non-loopback address; without it such an
    // address carries tokens and payloads in plain text, which the listener warns about.
    bool tlsInFront = false;

    // "[ADDR:]PORT" as given on a command line ("8088", "127.0.0.1:8088", "[::1]:8088").
    static Result<WebhookListenerConfig> fromListenSpec(const QString &spec);
};

// How a signed endpoint's caller proves itself instead of presenting the shared token: a header
// whose value signs the raw body. The header must be present (and well formed, if wellFormed is
// given) before the body is read; the endpoint's handler verifies it against the body.
struct WebhookSignatureRule
{
    QByteArray header;
    std::function<bool(const QByteArray &value)> wellFormed; // runs on the server's polling thread
};

// Push-style providers call us back instead of being polled. This is the one door they come
// through, so the rules live here once: a shared token compared in constant time (or a signature
// header, per endpoint), a body cap, malformed bodies refused with 400, and an answer of 200 only
// after the endpoint's handler has stored what came (so a provider that sees 200 can forget the
// callback; one that does not will retry, and the handler's dedupe keys make the retry harmless).
// Path, method, token and length are checked from the headers before any body byte is read
// (WebhookHttpServer); a handler that cannot store within a second gets the client a 503.
//
// The token may come as "Authorization: Bearer <token>" (scheme in any case), "X-Webhook-Token"
// or "X-WebhookToken" (the header one provider sends the subscription's token in).
class WebhookListener final : public QObject
{
    Q_OBJECT

public:
    // Stores one callback body and says how many new events it added. InvalidInput or
    // MalformedResponse mean the payload is bad (400), BadCredentials 401, TooLarge 413 (more elements
    // than one callback may carry); any other error means
    // "try again" (503 with Retry-After).
    using Handler = std::function<Result<int>(const QByteArray &body)>;
    // As Handler, for a signed endpoint: gets the signature header's value to verify against the raw
    // body; BadCredentials means the signature does not match (401).
    using SignedHandler = std::function<Result<int>(const QByteArray &body, const QByteArray &signature)>;

    // clock stamps lastCallbackAt; it must outlive the listener.
    WebhookListener(WebhookListenerConfig config, const Clock &clock, QObject *parent = nullptr);
    ~WebhookListener() override;
    Q_DISABLE_COPY_MOVE(WebhookListener)

    // Runs the handlers on worker's thread (handlers made with worker.store()) instead of this
    // object's; the listener owns it from now. Call before listen().
    void setWorker(std::unique_ptr<WebhookWorker> worker);
    // path like "/webhooks/<provider>"; add endpoints before listen() (a running server keeps the set it
    // started with).
    void addEndpoint(const QString &path, Handler handler);
    void addSignedEndpoint(const QString &path, WebhookSignatureRule rule, SignedHandler handler);
    Result<quint16> listen();
    void close();

    bool isListening() const;
    quint16 port() const { return m_port; }
    QString address() const { return m_config.address.toString(); }
    QDateTime lastCallbackAt() const { return m_lastCallbackAt; }
    // Non-empty while listening on a non-loopback address without TLS in front: a sentence for
    // stderr and the console's status line (also logged, and emitted as securityWarning).
    QString securityWarning() const { return m_securityWarning; }
    int acceptedCount() const { return m_accepted; }

    static bool tokensEqual(const QByteArray &expected, const QByteArray &given); // constant time

Q_SIGNALS:
    void listeningChanged(bool listening);
    void callbackAccepted(const QString &path, int newEvents, const QDateTime &at);
    void callbackRefused(const QString &path, int status, const QString &reason);
    void securityWarningChanged(const QString &warning);

private:
    struct Endpoint
    {
        Handler handler;
        SignedHandler signedHandler;
        WebhookSignatureRule signature; // header empty: the shared token is required
    };
    using Endpoints = QHash<QString, Endpoint>;
    // Polling thread: reads the copy of the endpoints taken when listen() started.
    std::optional<WebhookHttpResponse> admit(const Endpoints &endpoints, const WebhookHttpRequest &request);
    // The handler's thread (this object's, or the worker's).
    WebhookHttpResponse handle(const Endpoints &endpoints, const WebhookHttpRequest &request);
    WebhookHttpResponse refuse(const QString &path, int status, const QString &reason); // any thread
    void reportRefusal(const QString &path, int status, const QString &reason);         // any thread
    static QByteArray presentedToken(const WebhookHttpRequest &request);

    WebhookListenerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<WebhookWorker> m_worker; // declared before the server: it outlives it
    std::unique_ptr<WebhookHttpServer> m_server;
    Endpoints m_endpoints;
    quint16 m_port = 0;
    QDateTime m_lastCallbackAt;
    QString m_securityWarning;
    int m_accepted = 0;
};
