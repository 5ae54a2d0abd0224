#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

class Clock;

// Everything needed to send one HTTP request, as a plain value, so the retry and deadline rules
// live in one place (HttpJob) and each kind of request only says what to send.
struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Only idempotent requests are retried; a request that is safe to repeat (like a token POST)
    // may set this too.
    bool idempotent = true;
    int deadlineMs = 30000;  // per attempt: no answer within this time is a Timeout
    int maxAttempts = 4;     // including the first; 1 disables retries
    int backoffBaseMs = 500; // first retry waits about this long, doubling each time
    // Cap for backoff and for a Retry-After the job waits out itself; a longer Retry-After ends the
    // job with Error::retryAfterMs set, so the caller reschedules instead of holding a request open.
    int maxRetryDelayMs = 60000;
    int maxRedirects = 5;
    // The owner's clock, for Retry-After in its HTTP-date form; without one the response's own Date
    // header stands for "now" (and a date form without it is ignored). Not owned.
    const Clock *clock = nullptr;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    void removeHeader(const QByteArray &name);

    bool operator==(const HttpRequest &) const = default;
};
