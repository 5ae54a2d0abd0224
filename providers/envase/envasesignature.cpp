#include "envasesignature.h"

#include "webhooklistener.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

using namespace Qt::Literals::StringLiterals;

namespace {

bool allDigits(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

bool allHex(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

constexpr qint64 millisecondsAbove = 100'000'000'000; // 10^11: a 13-digit t is milliseconds

} // namespace

EnvaseSignatureVerifier::EnvaseSignatureVerifier(QByteArray signingKey, const Clock &clock,
                                                 std::chrono::seconds tolerance)
    : m_key(std::move(signingKey)), m_clock(clock), m_tolerance(tolerance)
{}

std::optional<EnvaseSignatureVerifier::Parsed> EnvaseSignatureVerifier::parse(const QByteArray &value)
{
    Parsed parsed;
    for (const QByteArray &part : value.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t=") && parsed.timestamp.isEmpty())
            parsed.timestamp = item.mid(2).trimmed();
        else if (item.startsWith("v1=") && parsed.signature.isEmpty())
            parsed.signature = item.mid(3).trimmed().toLower();
        else
            return std::nullopt;
    }
    // 18 digits keep the number inside qint64; a real timestamp has 10 or 13.
    if (!allDigits(parsed.timestamp) || parsed.timestamp.size() > 18 || parsed.signature.size() != 64 ||
        !allHex(parsed.signature))
        return std::nullopt;
    const qint64 t = parsed.timestamp.toLongLong();
    parsed.seconds = t > millisecondsAbove ? t / 1000 : t;
    return parsed;
}

QByteArray EnvaseSignatureVerifier::sign(const QByteArray &signingKey, const QByteArray &timestamp,
                                         const QByteArray &body)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, signingKey);
    code.addData(timestamp);
    code.addData(".");
    code.addData(body);
    return code.result().toHex();
}

QByteArray EnvaseSignatureVerifier::headerValue(const QByteArray &signingKey, qint64 seconds, const QByteArray &body)
{
    const QByteArray t = QByteArray::number(seconds);
    return "t=" + t + ",v1=" + sign(signingKey, t, body);
}

Result<EnvaseSignatureVerifier::Parsed> EnvaseSignatureVerifier::verify(const QByteArray &headerValue,
                                                                        const QByteArray &body) const
{
    const std::optional<Parsed> parsed = parse(headerValue);
    if (!parsed)
        return makeError(ErrorKind::BadCredentials, u"The signature header is not t=<time>,v1=<hex HMAC-SHA256>"_s);
    if (m_key.isEmpty())
        return makeError(ErrorKind::BadCredentials, u"No signing key is set for these callbacks"_s);
    if (!WebhookListener::tokensEqual(sign(m_key, parsed->timestamp, body), parsed->signature))
        return makeError(ErrorKind::BadCredentials, u"The signature does not match the body"_s);
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (std::abs(now - parsed->seconds) > m_tolerance.count())
        return makeError(ErrorKind::BadCredentials, u"The signature's timestamp is outside the tolerance"_s);
    if (m_seen.contains(parsed->timestamp + ',' + parsed->signature))
        return makeError(ErrorKind::BadCredentials, u"This signed callback was received before (replay)"_s);
    return parsed.value();
}

void EnvaseSignatureVerifier::accepted(const Parsed &signature)
{
    forgetExpired();
    m_seen.insert(signature.timestamp + ',' + signature.signature, signature.seconds + m_tolerance.count());
}

void EnvaseSignatureVerifier::forgetExpired()
{
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it.value() < now)
            it = m_seen.erase(it);
        else
            ++it;
    }
}
