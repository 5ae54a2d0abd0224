#pragma once

#include "clock.h"
#include "result.h"

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <optional>

// Verifies Envase Connect's signature on a callback (the HMAC itself is core/timestampsignature.h,
// shared with Quaywatch's own outbound webhooks).
//
// Document: "Validating Events Sent By Envase Connect",
// http://coredocs.envaseconnect.cloud/connect/Integration_Guide/validation.html: every event sent to
// a webhook registered with a signing key carries
//   X-Envase-Connect-Signature-256: t=<timestamp>,v1=<signature>
// where the signature is an HMAC256 with the signing key over the signed payload "<t>.<request body>".
// Where that page (as stored) is silent, Quaywatch's choices:
// - the hash is SHA-256 (the header's name) and v1 is its hex encoding (the examples are hex);
//   compared in constant time, hex in either case;
// - t is in seconds (the validation page's example) or milliseconds (the webhooks page's 13-digit
//   example): a value above 10^11 is read as milliseconds;
// - a timestamp more than `tolerance` (5 minutes) from the clock is refused, and a (t, v1) pair that
//   was accepted before is refused while it is within the tolerance (replay);
// - the body is the raw bytes as received, before any JSON parsing.
class EnvaseSignatureVerifier final
{
public:
    static constexpr auto header = "X-Envase-Connect-Signature-256";

    struct Parsed
    {
        QByteArray timestamp; // t as sent (digits)
        QByteArray signature; // v1, lower-case hex
        qint64 seconds = 0;   // t as Unix seconds
    };

    EnvaseSignatureVerifier(QByteArray signingKey, const Clock &clock,
                            std::chrono::seconds tolerance = std::chrono::minutes(5));

    // "t=<digits>,v1=<64 hex digits>" (spaces around the parts allowed); nullopt when malformed.
    static std::optional<Parsed> parse(const QByteArray &value);
    // Hex HMAC-SHA256 of "<timestamp>.<body>" with the key: what Envase puts in v1.
    static QByteArray sign(const QByteArray &signingKey, const QByteArray &timestamp, const QByteArray &body);
    // The whole header value for a body signed at `seconds` (the simulator and tests sign with it).
    static QByteArray headerValue(const QByteArray &signingKey, qint64 seconds, const QByteArray &body);

    // BadCredentials, with the reason, unless the header signs this body now and was not seen before.
    // Does not remember the pair: call accepted() once the callback is stored, so a retry after a
    // failed store is not taken for a replay.
    Result<Parsed> verify(const QByteArray &headerValue, const QByteArray &body) const;
    void accepted(const Parsed &signature);

private:
    void forgetExpired();

    QByteArray m_key;
    const Clock &m_clock;
    std::chrono::seconds m_tolerance;
    QHash<QByteArray, qint64> m_seen; // "t,v1" -> the Unix second after which it is stale anyway
};
