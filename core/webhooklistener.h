#pragma once

#include "clock.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QHttpServer;
class QHttpServerRequest;

struct WebhookListenerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); // loopback unless asked otherwise
    quint16 port = 0;                                             // 0 picks a free port
    QByteArray token;                                             // required; every callback must carry it
    qint64 maxBodyBytes = 1024 * 1024;

    // "[ADDR:]PORT" as given on a command line ("8088", "127.0.0.1:8088", "[::1]:8088").
    static Result<WebhookListenerConfig> fromListenSpec(const QString &spec);
};

// Push-style providers (subscriptions, publications) call us back instead of being polled. This is the one
// door they come through, so the rules live here once: a shared token compared in constant time,
// a body cap, malformed bodies refused with 400, and an answer of 200 only after the endpoint's
// handler has stored what came (so a provider that sees 200 can forget the callback; one that does
// not will retry, and the handler's dedupe keys make the retry harmless).
//
// The token may come as "Authorization: Bearer <token>" or "X-Webhook-Token: <token>".
class WebhookListener final : public QObject
{
    Q_OBJECT

public:
    // Stores one callback body and says how many new events it added. InvalidInput or
    // MalformedResponse mean the payload is bad (400); any other error means "try again" (503).
    using Handler = std::function<Result<int>(const QByteArray &body)>;

    explicit WebhookListener(WebhookListenerConfig config, QObject *parent = nullptr); // the system clock
    // clock stamps lastCallbackAt; it must outlive the listener.
    WebhookListener(WebhookListenerConfig config, const Clock &clock, QObject *parent = nullptr);
    ~WebhookListener() override;
    Q_DISABLE_COPY_MOVE(WebhookListener)

    // path like "/webhooks/<provider id>"; add endpoints before listen().
    void addEndpoint(const QString &path, Handler handler);
    Result<quint16> listen();
    void close();

    bool isListening() const;
    quint16 port() const { return m_port; }
    QString address() const { return m_config.address.toString(); }
    QDateTime lastCallbackAt() const { return m_lastCallbackAt; }
    int acceptedCount() const { return m_accepted; }

    static bool tokensEqual(const QByteArray &expected, const QByteArray &given); // constant time

Q_SIGNALS:
    void listeningChanged(bool listening);
    void callbackAccepted(const QString &path, int newEvents, const QDateTime &at);
    void callbackRefused(const QString &path, int status, const QString &reason);

private:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };
    Answer handle(const QString &path, const QHttpServerRequest &request);
    Answer refuse(const QString &path, int status, const QString &reason);
    QByteArray presentedToken(const QHttpServerRequest &request) const;

    WebhookListenerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<QHttpServer> m_server;
    QHash<QString, Handler> m_handlers;
    quint16 m_port = 0;
    QDateTime m_lastCallbackAt;
    int m_accepted = 0;
};
