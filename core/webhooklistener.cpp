#include "webhooklistener.h"

#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpServer>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcWebhooks, "quaywatch.core.webhooks")

QByteArray errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}

Result<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535)
        return makeError(ErrorKind::InvalidInput, u"'%1' is not a port number (0-65535)"_s.arg(text));
    return quint16(port);
}

} // namespace

Result<WebhookListenerConfig> WebhookListenerConfig::fromListenSpec(const QString &spec)
{
    WebhookListenerConfig config;
    QString portText = spec.trimmed();
    const qsizetype colon = portText.lastIndexOf(u':');
    if (colon >= 0) {
        QString host = portText.left(colon);
        portText = portText.mid(colon + 1);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        if (host == "localhost"_L1)
            host = u"127.0.0.1"_s;
        if (!config.address.setAddress(host))
            return makeError(ErrorKind::InvalidInput, u"'%1' is not an IP address to listen on"_s.arg(host));
    }
    Result<quint16> port = parsePort(portText);
    if (!port)
        return port.error();
    config.port = port.value();
    return config;
}

namespace {
const Clock &systemClock()
{
    static const SystemClock clock;
    return clock;
}
} // namespace

WebhookListener::WebhookListener(WebhookListenerConfig config, QObject *parent)
    : WebhookListener(std::move(config), systemClock(), parent)
{}

WebhookListener::WebhookListener(WebhookListenerConfig config, const Clock &clock, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock)
{}

WebhookListener::~WebhookListener() = default;

void WebhookListener::addEndpoint(const QString &path, Handler handler)
{
    m_handlers.insert(path, std::move(handler));
}

Result<quint16> WebhookListener::listen()
{
    if (m_config.token.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"The webhook listener needs a token; callbacks without one "
                                                  u"would be accepted from anyone"_s);
    close();
    m_server = std::make_unique<QHttpServer>();
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const Answer answer = handle(request.url().path(), request);
        responder.write(answer.body, "application/json; charset=utf-8",
                        QHttpServerResponder::StatusCode(answer.status));
    });
    const quint16 bound = m_server->listen(m_config.address, m_config.port);
    if (bound == 0) {
        m_server.reset();
        return makeError(ErrorKind::Internal, u"Cannot listen for webhooks on %1:%2"_s.arg(
                                                  m_config.address.toString(), QString::number(m_config.port)));
    }
    m_port = bound;
    qCInfo(lcWebhooks) << "listening for webhooks on" << m_config.address.toString() << bound;
    Q_EMIT listeningChanged(true);
    return bound;
}

void WebhookListener::close()
{
    if (!m_server)
        return;
    m_server.reset();
    m_port = 0;
    Q_EMIT listeningChanged(false);
}

bool WebhookListener::isListening() const
{
    if (!m_server)
        return false;
    const auto servers = m_server->servers();
    for (const QTcpServer *server : servers) {
        if (server->isListening())
            return true;
    }
    return false;
}

bool WebhookListener::tokensEqual(const QByteArray &expected, const QByteArray &given)
{
    // Comparing fixed-size digests byte by byte without an early exit takes the same time whatever
    // the presented token is, so timing tells an attacker nothing about the configured one.
    const QByteArray a = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0 && !expected.isEmpty();
}

QByteArray WebhookListener::presentedToken(const QHttpServerRequest &request) const
{
    const QByteArray authorization = headerValue(request, "Authorization");
    if (authorization.startsWith("Bearer "))
        return authorization.mid(7).trimmed();
    return headerValue(request, "X-Webhook-Token");
}

WebhookListener::Answer WebhookListener::refuse(const QString &path, int status, const QString &reason)
{
    qCWarning(lcWebhooks).noquote() << "refused callback on" << path << "with" << status << ":" << reason;
    Q_EMIT callbackRefused(path, status, reason);
    return {status, errorBody(reason)};
}

WebhookListener::Answer WebhookListener::handle(const QString &path, const QHttpServerRequest &request)
{
    const auto handler = m_handlers.constFind(path);
    if (handler == m_handlers.cend())
        return refuse(path, 404, u"no webhook endpoint at this path"_s);
    if (request.method() != QHttpServerRequest::Method::Post)
        return refuse(path, 405, u"callbacks must be POST requests"_s);
    if (!tokensEqual(m_config.token, presentedToken(request)))
        return refuse(path, 401, u"missing or wrong webhook token"_s);
    const qint64 declaredLength = headerValue(request, "Content-Length").toLongLong();
    if (declaredLength > m_config.maxBodyBytes || request.body().size() > m_config.maxBodyBytes)
        return refuse(path, 413, u"body larger than %1 bytes"_s.arg(m_config.maxBodyBytes));
    const Result<int> stored = handler.value()(request.body());
    if (!stored) {
        const ErrorKind kind = stored.error().kind;
        const bool badPayload = kind == ErrorKind::InvalidInput || kind == ErrorKind::MalformedResponse;
        return refuse(path, badPayload ? 400 : 503, stored.error().message);
    }
    ++m_accepted;
    m_lastCallbackAt = m_clock.now();
    qCInfo(lcWebhooks) << "accepted callback on" << path << "with" << stored.value() << "new events";
    Q_EMIT callbackAccepted(path, stored.value(), m_lastCallbackAt);
    return {200, QJsonDocument(QJsonObject{{u"stored"_s, stored.value()}}).toJson(QJsonDocument::Compact)};
}
