#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

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
    int deadlineMs = 30000;      // per attempt: no answer within this time is a Timeout
    int maxAttempts = 4;         // including the first; 1 disables retries
    int backoffBaseMs = 500;     // first retry waits about this long, doubling each time
    int maxRetryDelayMs = 60000; // cap for backoff and for a provider's Retry-After
    int maxRedirects = 5;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    void removeHeader(const QByteArray &name);

    bool operator==(const HttpRequest &) const = default;
};
