#pragma once

#include <QByteArray>
#include <QString>

// Webhook tokens: the shared secret a push-style provider presents on every callback. A short
// token can be guessed by anyone who can reach the listener, so fewer than minimumBytes are refused
// wherever a token is configured, and Quaywatch makes its own when the user gives none.
namespace WebhookToken {
inline constexpr int minimumBytes = 32;

// 32 random bytes from the operating system's generator, base64url without padding (43 characters,
// safe in a header and a URL).
QByteArray generate();
// Empty when token is acceptable; otherwise a sentence saying what is wrong and what to do.
QString problem(const QByteArray &token);
} // namespace WebhookToken
