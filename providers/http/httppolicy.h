#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

// The HTTP rules every provider shares (HTTPS only, bounded retries, Retry-After honoured), as pure functions so they
// can be tested without a network: which URLs may be used, when and how long to wait before a retry, and how a status
// code becomes a classified error.
namespace HttpPolicy {

// 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);
// https always; plain http only to loopback hosts. ErrorKind::Insecure otherwise.
Result<void> checkTransportSecurity(const QUrl &url);
// Same scheme, host and port: credentials may travel there.
bool sameOrigin(const QUrl &a, const QUrl &b);

// Statuses worth another attempt for an idempotent request.
bool isRetryableStatus(int statusCode);
// Exponential backoff with jitter for the retryNumber-th retry (1 = first retry): a random delay
// between half and all of min(cap, base * 2^(retryNumber - 1)). jitter is in [0, 1].
int backoffDelayMs(int retryNumber, int baseMs, int capMs, double jitter);
int backoffDelayMs(int retryNumber, int baseMs, int capMs); // random jitter
// Retry-After as delta-seconds or HTTP-date, in milliseconds from now (never negative);
// std::nullopt when absent or unreadable.
std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &now);

// The provider's own explanation in a JSON error body ("errors": {"X": ["..."]}, "Detail", "detail",
// "title", "message"); empty when there is none.
QString providerMessage(const QByteArray &body);
// Error for a non-2xx HTTP status: 401 BadCredentials, 403 AccessNotEnabled, 404 NotFound,
// 429 RateLimited, 5xx ProviderUnavailable, other 4xx InvalidInput.
Error classifyStatus(int statusCode, const QByteArray &body, const QString &host);

} // namespace HttpPolicy
