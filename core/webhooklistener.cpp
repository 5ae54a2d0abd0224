#include "webhooklistener.h"

#include "webhooktoken.h"
#include "webhookworker.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcWebhooks, "quaywatch.core.webhooks")

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

WebhookListener::WebhookListener(WebhookListenerConfig config, const Clock &clock, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_clock(clock)
{}

WebhookListener::~WebhookListener()
{
    close(); // stops the polling thread, and lets a running handler finish, before anything they use goes away
}

void WebhookListener::setWorker(std::unique_ptr<WebhookWorker> worker)
{
    close();
    m_worker = std::move(worker);
}

void WebhookListener::addEndpoint(const QString &path, Handler handler)
{
    m_endpoints.insert(path, Endpoint{std::move(handler), {}, {}});
}

void WebhookListener::addSignedEndpoint(const QString &path, WebhookSignatureRule rule, SignedHandler handler)
{
    m_endpoints.insert(path, Endpoint{{}, std::move(handler), std::move(rule)});
}

Result<quint16> WebhookListener::listen()
{
    if (m_config.token.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"The webhook listener needs a token; callbacks without one "
                                                  u"would be accepted from anyone"_s);
    if (const QString problem = WebhookToken::problem(m_config.token); !problem.isEmpty())
        return makeError(ErrorKind::InvalidInput, problem);
    close();
    WebhookHttpLimits limits = m_config.limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    WebhookHttpServer::Callbacks callbacks;
    callbacks.admit = [this, endpoints = m_endpoints](const WebhookHttpRequest &request) {
        return admit(endpoints, request);
    };
    callbacks.handle = [this, endpoints = m_endpoints](const WebhookHttpRequest &request) {
        return handle(endpoints, request);
    };
    callbacks.refused = [this](const QString &path, int status, const QString &reason) {
        reportRefusal(path, status, reason);
    };
    m_server = std::make_unique<WebhookHttpServer>(limits, std::move(callbacks),
                                                   m_worker ? m_worker->context() : static_cast<QObject *>(this));
    const Result<quint16> bound = m_server->listen(m_config.address, m_config.port);
    if (!bound) {
        m_server.reset();
        return bound.error();
    }
    m_port = bound.value();
    qCInfo(lcWebhooks) << "listening for webhooks on" << m_config.address.toString() << m_port;
    if (!m_config.address.isLoopback() && !m_config.tlsInFront) {
        m_securityWarning = u"Warning: the webhook listener on %1 is reachable from other machines over plain "
                            u"HTTP, so tokens and payloads cross the network unencrypted; put a TLS-terminating "
                            u"proxy in front of it, or listen on 127.0.0.1."_s.arg(m_config.address.toString());
        qCWarning(lcWebhooks).noquote() << m_securityWarning;
        Q_EMIT securityWarningChanged(m_securityWarning);
    }
    Q_EMIT listeningChanged(true);
    return m_port;
}

void WebhookListener::close()
{
    if (!m_server)
        return;
    m_server->stop(); // every waiting callback answered 503; the ones queued on the worker skip theirs
    if (m_worker)
        m_worker->waitForIdle(); // a handler still running finishes before the server goes
    m_server.reset();
    m_port = 0;
    if (!std::exchange(m_securityWarning, {}).isEmpty())
        Q_EMIT securityWarningChanged({});
    Q_EMIT listeningChanged(false);
}

bool WebhookListener::isListening() const
{
    return m_server && m_server->isListening();
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

QByteArray WebhookListener::presentedToken(const WebhookHttpRequest &request)
{
    // The authentication scheme is case-insensitive (RFC 9110): "bearer" and "BEARER" count too.
    const QByteArray authorization = request.header("Authorization");
    const qsizetype space = authorization.indexOf(' ');
    if (space > 0 && QByteArrayView(authorization).first(space).compare("Bearer", Qt::CaseInsensitive) == 0)
        return authorization.mid(space + 1).trimmed();
    const QByteArray token = request.header("X-Webhook-Token");
    return token.isEmpty() ? request.header("X-WebhookToken") : token;
}

void WebhookListener::reportRefusal(const QString &path, int status, const QString &reason)
{
    qCWarning(lcWebhooks).noquote() << "refused callback on" << path << "with" << status << ":" << reason;
    if (QThread::currentThread() == thread()) {
        Q_EMIT callbackRefused(path, status, reason);
        return;
    }
    // From the server's threads: the signal is emitted on ours, as receivers expect.
    QMetaObject::invokeMethod(
        this, [this, path, status, reason] { Q_EMIT callbackRefused(path, status, reason); }, Qt::QueuedConnection);
}

WebhookHttpResponse WebhookListener::refuse(const QString &path, int status, const QString &reason)
{
    reportRefusal(path, status, reason);
    return WebhookHttpResponse::error(status, reason,
                                      status == 503 ? m_config.limits.retryAfter : std::chrono::seconds(0));
}

std::optional<WebhookHttpResponse> WebhookListener::admit(const Endpoints &endpoints, const WebhookHttpRequest &request)
{
    const auto endpoint = endpoints.constFind(request.path);
    if (endpoint == endpoints.cend())
        return refuse(request.path, 404, u"no webhook endpoint at this path"_s);
    if (request.method != "POST")
        return refuse(request.path, 405, u"callbacks must be POST requests"_s);
    const WebhookSignatureRule &signature = endpoint->signature;
    if (signature.header.isEmpty()) {
        if (!tokensEqual(m_config.token, presentedToken(request)))
            return refuse(request.path, 401, u"missing or wrong webhook token"_s);
    } else {
        const QByteArray value = request.header(signature.header);
        if (value.isEmpty() || (signature.wellFormed && !signature.wellFormed(value)))
            return refuse(request.path, 401,
                          u"missing or malformed %1 header"_s.arg(QLatin1StringView(signature.header)));
    }
    if (request.declaredLength.value_or(0) > m_config.maxBodyBytes)
        return refuse(request.path, 413, u"body larger than %1 bytes"_s.arg(m_config.maxBodyBytes));
    return std::nullopt;
}

WebhookHttpResponse WebhookListener::handle(const Endpoints &endpoints, const WebhookHttpRequest &request)
{
    const QString &path = request.path;
    const auto endpoint = endpoints.constFind(path);
    if (endpoint == endpoints.cend())
        return refuse(path, 404, u"no webhook endpoint at this path"_s);
    const Result<int> stored = endpoint->signedHandler
                                   ? endpoint->signedHandler(request.body, request.header(endpoint->signature.header))
                                   : endpoint->handler(request.body);
    if (!stored) {
        const ErrorKind kind = stored.error().kind;
        const bool badPayload = kind == ErrorKind::InvalidInput || kind == ErrorKind::MalformedResponse;
        const int status = badPayload                          ? 400
                           : kind == ErrorKind::BadCredentials ? 401
                           : kind == ErrorKind::TooLarge       ? 413
                                                               : 503;
        return refuse(path, status, stored.error().message);
    }
    const QDateTime at = m_clock.now();
    const int newEvents = stored.value();
    qCInfo(lcWebhooks) << "accepted callback on" << path << "with" << newEvents << "new events";
    const auto record = [this, path, newEvents, at] {
        ++m_accepted;
        m_lastCallbackAt = at;
        Q_EMIT callbackAccepted(path, newEvents, at);
    };
    if (QThread::currentThread() == thread())
        record();
    else // from the worker: the counters and the signal belong to the listener's thread
        QMetaObject::invokeMethod(this, record, Qt::QueuedConnection);
    WebhookHttpResponse response;
    response.body = QJsonDocument(QJsonObject{{u"stored"_s, newEvents}}).toJson(QJsonDocument::Compact);
    return response;
}
