#pragma once

#include <QByteArray>

#include <optional>

// The "t=<timestamp>,v1=<hex HMAC-SHA256 of "<t>.<body>">" signature scheme that a push-style provider
// publishes for its callbacks (its module checks them with this) and Quaywatch uses on its own outbound
// webhooks (the webhook destinations' sender). One implementation, so both sides sign and check alike; the
// callers add their own rules (tolerance, replay, millisecond timestamps).
namespace TimestampSignature {

struct Parsed
{
    QByteArray timestamp; // t as sent (digits)
    QByteArray signature; // v1, lower-case hex
    qint64 value = 0;     // t as a number, in whatever unit the sender used
};

// "t=<digits>,v1=<64 hex digits>" (spaces around the parts allowed, hex in either case);
// nullopt when malformed.
std::optional<Parsed> parse(const QByteArray &headerValue);
// Lower-case hex HMAC-SHA256 of "<timestamp>.<body>" with the key.
QByteArray sign(const QByteArray &key, const QByteArray &timestamp, const QByteArray &body);
// The whole header value for a body signed at `timestamp`.
QByteArray headerValue(const QByteArray &key, qint64 timestamp, const QByteArray &body);
// Whether parsed.signature is the key's signature of body at parsed.timestamp (constant time).
bool matches(const QByteArray &key, const Parsed &parsed, const QByteArray &body);

} // namespace TimestampSignature
