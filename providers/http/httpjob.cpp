#include "httpjob.h"

#include "clock.h"
#include "httplogging.h"
#include "httppolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {
bool isTransient(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

Error networkError(QNetworkReply::NetworkError code, const QString &host, const QString &text)
{
    if (code == QNetworkReply::SslHandshakeFailedError)
        return makeError(ErrorKind::Insecure, u"the TLS connection to %1 could not be verified: %2"_s.arg(host, text));
    if (code == QNetworkReply::TooManyRedirectsError || code == QNetworkReply::InsecureRedirectError)
        return makeError(ErrorKind::Insecure,
                         u"%1 redirected the request somewhere it may not go: %2"_s.arg(host, text));
    if (code == QNetworkReply::HostNotFoundError)
        return makeError(ErrorKind::ProviderUnavailable, u"the host %1 could not be found"_s.arg(host));
    if (code == QNetworkReply::ConnectionRefusedError)
        return makeError(ErrorKind::ProviderUnavailable, u"%1 refused the connection"_s.arg(host));
    if (code == QNetworkReply::RemoteHostClosedError)
        return makeError(ErrorKind::ProviderUnavailable, u"%1 closed the connection before answering"_s.arg(host));
    return makeError(ErrorKind::ProviderUnavailable, u"could not reach %1: %2"_s.arg(host, text));
}
} // namespace

HttpJob::HttpJob(QNetworkAccessManager *network, HttpRequest request, QObject *parent)
    : QObject(parent), m_network(network), m_request(std::move(request)),
      m_requestId(QUuid::createUuid().toString(QUuid::WithoutBraces)), m_currentUrl(m_request.url)
{
    m_deadline.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpJob::onDeadline);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpJob::sendAttempt);
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpJob::start()
{
    if (m_started)
        return;
    m_started = true;
    if (const Result<void> secure = HttpPolicy::checkTransportSecurity(m_currentUrl); !secure) {
        HttpResult refused;
        refused.error = secure.error();
        // Keep the promise that finished() never fires from inside start().
        QTimer::singleShot(0, this, [this, refused] { finish(refused); });
        return;
    }
    sendAttempt();
}

Error HttpJob::interpretSuccess(const HttpResult & /*result*/)
{
    return {};
}

Error HttpJob::interpretFailure(const HttpResult &result) const
{
    return HttpPolicy::classifyStatus(result.statusCode, result.body, hostName());
}

QString HttpJob::hostName() const
{
    return m_request.url.host();
}

void HttpJob::sendAttempt()
{
    QNetworkRequest request(m_currentUrl);
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (!m_sendAuthorization && name.compare("Authorization", Qt::CaseInsensitive) == 0)
            continue;
        request.setRawHeader(name, value);
    }
    request.setRawHeader("X-Request-Id", m_requestId.toLatin1());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_request.maxRedirects);
    request.setTransferTimeout(m_request.deadlineMs);

    ++m_triesUsed;
    ++m_sent;
    m_abortReason = AbortReason::None;
    qCDebug(lcHttp).noquote() << m_requestId << m_request.method << m_currentUrl.toDisplayString(QUrl::RemoveQuery)
                              << "attempt" << m_triesUsed;
    m_reply = m_network->sendCustomRequest(request, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::redirected, this, &HttpJob::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    m_deadline.start(m_request.deadlineMs);
}

void HttpJob::onRedirected(const QUrl &target)
{
    const QUrl resolved = m_currentUrl.resolved(target);
    if (const Result<void> secure = HttpPolicy::checkTransportSecurity(resolved); !secure) {
        m_redirectError =
            makeError(ErrorKind::Insecure,
                      u"%1 redirected to an address that is not allowed: %2"_s.arg(hostName(), secure.error().message));
        m_abortReason = AbortReason::RefusedRedirect;
        m_reply->abort();
        return;
    }
    const bool carriesAuthorization = m_sendAuthorization && !m_request.header("Authorization").isEmpty();
    if (HttpPolicy::sameOrigin(m_currentUrl, resolved) || !carriesAuthorization) {
        m_currentUrl = resolved;
        m_reply->redirectAllowed();
        return;
    }
    // Qt would copy Authorization into the redirected request, so follow this one ourselves without it.
    qCInfo(lcHttp).noquote() << m_requestId << "redirect to another host; Authorization is not sent there";
    m_redirectTarget = resolved;
    m_abortReason = AbortReason::CrossHostRedirect;
    m_reply->abort();
}

void HttpJob::onDeadline()
{
    if (!m_reply)
        return;
    m_abortReason = AbortReason::Deadline;
    m_reply->abort();
}

void HttpJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_deadline.stop();
    reply->disconnect(this);
    reply->deleteLater();

    HttpResult result;
    result.requestId = m_requestId;
    result.statusCode = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        result.body = reply->readAll();

    switch (m_abortReason) {
    case AbortReason::CrossHostRedirect:
        if (m_redirects >= m_request.maxRedirects) {
            result.statusCode = 0;
            result.error = networkError(QNetworkReply::TooManyRedirectsError, hostName(), u"too many redirects"_s);
            return finish(result);
        }
        ++m_redirects;
        m_currentUrl = m_redirectTarget;
        m_sendAuthorization = false;
        --m_triesUsed; // a redirect is not a retry
        return sendAttempt();
    case AbortReason::RefusedRedirect:
        result.statusCode = 0;
        result.error = m_redirectError;
        return finish(result);
    case AbortReason::Deadline:
        result.statusCode = 0;
        return handleNetworkFailure(result, QNetworkReply::TimeoutError, {});
    case AbortReason::None:
        break;
    }
    if (result.statusCode > 0)
        return handleResponse(result);
    QNetworkReply::NetworkError code = reply->error();
    if (code == QNetworkReply::OperationCanceledError)
        code = QNetworkReply::TimeoutError; // only the transfer timeout cancels a reply we did not abort
    handleNetworkFailure(result, code, reply->errorString());
}

void HttpJob::handleResponse(HttpResult result)
{
    if (result.statusCode >= 200 && result.statusCode < 300) {
        result.error = interpretSuccess(result);
        return finish(result);
    }
    if (HttpPolicy::isRetryableStatus(result.statusCode)) {
        int delayMs = HttpPolicy::backoffDelayMs(m_triesUsed, m_request.backoffBaseMs, m_request.maxRetryDelayMs);
        std::optional<qint64> asked;
        if (result.statusCode == 429 || result.statusCode == 503)
            asked = retryAfter(result);
        // Longer than a request may sleep: the caller reschedules for then, nobody waits here.
        if (asked && *asked > m_request.maxRetryDelayMs) {
            result.error = interpretFailure(result);
            result.error.retryAfterMs = *asked;
            return finish(result);
        }
        if (asked)
            delayMs = int(*asked);
        if (retry(delayMs))
            return;
        result.error = interpretFailure(result);
        result.error.retryAfterMs = asked;
        return finish(result);
    }
    result.error = interpretFailure(result);
    finish(result);
}

std::optional<qint64> HttpJob::retryAfter(const HttpResult &result) const
{
    const QByteArray value = result.header("Retry-After").trimmed();
    bool seconds = false;
    if (value.toLongLong(&seconds) >= 0 && seconds)
        return HttpPolicy::retryAfterMs(value, {}); // delta-seconds need no clock
    QDateTime now;
    if (m_request.clock) {
        now = m_request.clock->now();
    } else if (const auto date =
                   HttpPolicy::retryAfterMs(result.header("Date"), QDateTime::fromMSecsSinceEpoch(0, Qt::UTC))) {
        // RFC 9110 reads an HTTP-date Retry-After against the same response's Date.
        now = QDateTime::fromMSecsSinceEpoch(*date, Qt::UTC);
    }
    if (!now.isValid())
        return std::nullopt;
    return HttpPolicy::retryAfterMs(value, now);
}

void HttpJob::handleNetworkFailure(HttpResult result, QNetworkReply::NetworkError code, const QString &text)
{
    if (isTransient(code) &&
        retry(HttpPolicy::backoffDelayMs(m_triesUsed, m_request.backoffBaseMs, m_request.maxRetryDelayMs)))
        return;
    if (code == QNetworkReply::TimeoutError)
        result.error = makeError(ErrorKind::Timeout, u"%1 did not answer within %2 seconds"_s.arg(
                                                         hostName(), QString::number(m_request.deadlineMs / 1000.0)));
    else
        result.error = networkError(code, hostName(), text);
    finish(result);
}

bool HttpJob::retry(int delayMs)
{
    if (!m_request.idempotent || m_triesUsed >= m_request.maxAttempts)
        return false;
    qCInfo(lcHttp).noquote() << m_requestId << "retrying in" << delayMs << "ms";
    m_retryTimer.start(std::max(0, delayMs));
    return true;
}

void HttpJob::finish(HttpResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.attempts = m_sent;
    result.requestId = m_requestId;
    if (!result.ok())
        qCInfo(lcHttp).noquote() << m_requestId << "failed:" << errorKindName(result.error.kind)
                                 << result.error.message;
    Q_EMIT finished(result);
    deleteLater();
}
