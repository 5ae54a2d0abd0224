#include "envasesignature.h"

#include "timestampsignature.h"
#include "webhooklistener.h"

#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 millisecondsAbove = 100'000'000'000; // 10^11: a 13-digit t is milliseconds

} // namespace

EnvaseSignatureVerifier::EnvaseSignatureVerifier(QByteArray signingKey, const Clock &clock,
                                                 std::chrono::seconds tolerance)
    : m_key(std::move(signingKey)), m_clock(clock), m_tolerance(tolerance)
{}

std::optional<EnvaseSignatureVerifier::Parsed> EnvaseSignatureVerifier::parse(const QByteArray &value)
{
    const std::optional<TimestampSignature::Parsed> shared = TimestampSignature::parse(value);
    if (!shared)
        return std::nullopt;
    return Parsed{shared->timestamp, shared->signature,
                  shared->value > millisecondsAbove ? shared->value / 1000 : shared->value};
}

QByteArray EnvaseSignatureVerifier::sign(const QByteArray &signingKey, const QByteArray &timestamp,
                                         const QByteArray &body)
{
    return TimestampSignature::sign(signingKey, timestamp, body);
}

QByteArray EnvaseSignatureVerifier::headerValue(const QByteArray &signingKey, qint64 seconds, const QByteArray &body)
{
    return TimestampSignature::headerValue(signingKey, seconds, body);
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
