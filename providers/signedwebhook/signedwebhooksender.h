#pragma once

#include "httpresult.h"
#include "outbound/outbound.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <memory>

// Signed outbound webhooks (issue 17, part 3): each outbox message is POSTed as compact UTF-8 JSON to
// the destination's URL, signed with the destination's secret. docs/outbound-webhooks.md is the
// receiver's documentation (body, headers, retries, verification recipe).
//
// Documents followed: the scheme is the timestamped HMAC one a push-style provider publishes for its
// own callbacks (the page is named in that module's signature header; core/timestampsignature.h:
// t=<timestamp>,v1=<HMAC of "<t>.<body>">); Retry-After as RFC 9110 section 10.2.3
// (delta-seconds or HTTP-date). This is Quaywatch's own wire format, so where those documents are
// silent Quaywatch decides, and the README says so: t is Unix seconds, v1 is lower-case hex
// HMAC-SHA256, the receiver's tolerance is 5 minutes, Idempotency-Key repeats Quaywatch-Message-Id.
//
// Headers of every delivery:
//   Content-Type: application/json
//   Quaywatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
//   Quaywatch-Message-Id: <messageId>      (the same on every attempt of one message)
//   Idempotency-Key: <messageId>
//
// Classification of one attempt (the dispatcher retries; the sender makes one attempt per call):
//   2xx Delivered; 408, 425, 429, 5xx, timeout, refused/unreachable Retry (Retry-After read as
//   seconds or HTTP-date); 410 Gone Stop (the receiver is gone for good); other 3xx/4xx Permanent;
//   a missing secret or a URL that is not https (unless loopback) Stop.
namespace SignedWebhook {
inline constexpr auto signatureHeaderName = "Quaywatch-Signature";
inline constexpr auto messageIdHeaderName = "Quaywatch-Message-Id";
inline constexpr auto idempotencyHeaderName = "Idempotency-Key";
inline constexpr auto secretField = "signingSecret"; // OutboundSenderContext::secrets key
inline constexpr auto testType = "quaywatch.test";   // "type" of the body test() sends
inline constexpr int defaultDeadlineMs = 30000;
inline constexpr qint64 defaultToleranceSeconds = 300;
inline constexpr int errorBodyCap = 2048; // bytes of a refusal's body read into the error text

struct Options
{
    int deadlineMs = defaultDeadlineMs; // per attempt
};

// What one attempt's HTTP result means for the outbox; now reads an HTTP-date Retry-After.
DeliveryResult classify(const HttpResult &result, const QDateTime &now);
// The {"type":"quaywatch.test","messageId","sentAt"} body test() sends, compact.
QByteArray testBody(const QString &messageId, const QDateTime &sentAt);
} // namespace SignedWebhook

// The Quaywatch-Signature value for body signed at t (Unix seconds).
QByteArray signatureHeader(const QByteArray &secret, const QByteArray &body, qint64 t);
// Whether header is a valid Quaywatch-Signature of body with secret, no more than toleranceSeconds
// from now (Unix seconds). What a receiver does; the simulator and the tests use it.
bool verifySignature(const QByteArray &header, const QByteArray &body, const QByteArray &secret, qint64 now,
                     qint64 toleranceSeconds = SignedWebhook::defaultToleranceSeconds);

std::unique_ptr<OutboundSender> createSignedWebhookSender(const OutboundSenderContext &context);
std::unique_ptr<OutboundSender> createSignedWebhookSender(const OutboundSenderContext &context,
                                                          const SignedWebhook::Options &options);
