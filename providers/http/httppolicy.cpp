#include "httppolicy.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace HttpPolicy {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<void> checkTransportSecurity(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return makeError(ErrorKind::InvalidInput,
                         u"the address \"%1\" is not a valid URL"_s.arg(url.toDisplayString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http" && isLoopbackHost(url.host()))
        return {};
    return makeError(ErrorKind::Insecure,
                     u"refusing to send to %1: https is required except for loopback addresses"_s.arg(
                         url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == u"https" ? 443 : 80) == b.port(b.scheme() == u"https" ? 443 : 80);
}

bool isRetryableStatus(int statusCode)
{
    return statusCode == 408 || statusCode == 429 || statusCode == 500 || statusCode == 502 || statusCode == 503 ||
           statusCode == 504;
}

int backoffDelayMs(int retryNumber, int baseMs, int capMs, double jitter)
{
    const int exponent = std::clamp(retryNumber - 1, 0, 20);
    const qint64 full = std::min<qint64>(capMs, qint64(std::max(baseMs, 0)) << exponent);
    const double clampedJitter = std::clamp(jitter, 0.0, 1.0);
    return int(full / 2 + qint64(double(full - full / 2) * clampedJitter));
}

int backoffDelayMs(int retryNumber, int baseMs, int capMs)
{
    return backoffDelayMs(retryNumber, baseMs, capMs, QRandomGenerator::global()->generateDouble());
}

std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);

    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") is what servers send; RFC 2822 covers the rest.
    const QString text = QString::fromLatin1(trimmed);
    QDateTime when = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (when.isValid())
        when = QDateTime(when.date(), when.time(), Qt::UTC);
    else
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(when));
}

namespace {
QString firstErrorText(const QJsonObject &errors)
{
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        if (it->isArray() && !it->toArray().isEmpty() && it->toArray().first().isString())
            return it->toArray().first().toString();
        if (it->isString())
            return it->toString();
    }
    return {};
}
} // namespace

QString providerMessage(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return {};
    const QJsonObject object = document.object();
    if (const QString text = firstErrorText(object.value(u"errors").toObject()); !text.isEmpty())
        return text;
    for (const QString &key : {u"Detail"_s, u"detail"_s, u"message"_s, u"Message"_s, u"title"_s, u"Title"_s}) {
        if (const QString text = object.value(key).toString(); !text.isEmpty())
            return text;
    }
    return {};
}

Error classifyStatus(int statusCode, const QByteArray &body, const QString &host)
{
    const QString said = providerMessage(body);
    const QString suffix = said.isEmpty() ? QString() : QString(u": "_s + said);
    if (statusCode == 401)
        return makeError(ErrorKind::BadCredentials, u"%1 rejected the credentials (HTTP 401)%2"_s.arg(host, suffix));
    if (statusCode == 403)
        return makeError(
            ErrorKind::AccessNotEnabled,
            u"%1 accepted the credentials but API access is not enabled for them (HTTP 403)%2"_s.arg(host, suffix));
    if (statusCode == 404)
        return makeError(ErrorKind::NotFound,
                         u"%1 does not know the requested resource (HTTP 404)%2"_s.arg(host, suffix));
    if (statusCode == 429)
        return makeError(
            ErrorKind::RateLimited,
            u"%1 is rate limiting requests (HTTP 429) and the retry budget is spent%2"_s.arg(host, suffix));
    if (statusCode >= 500)
        return makeError(ErrorKind::ProviderUnavailable,
                         u"%1 is unavailable (HTTP %2)%3"_s.arg(host, QString::number(statusCode), suffix));
    return makeError(ErrorKind::InvalidInput,
                     u"%1 refused the request (HTTP %2)%3"_s.arg(host, QString::number(statusCode), suffix));
}

} // namespace HttpPolicy
