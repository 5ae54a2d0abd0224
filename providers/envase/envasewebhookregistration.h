#pragma once

#include "result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class EnvaseTokenSource;
class QNetworkAccessManager;

// Registers the results web-hook with Envase Connect Data.
//
// Documents: "Registering Web-Hooks with Envase Connect Data",
// http://coredocs.envaseconnect.cloud/track-trace/integration/web-hooks.html (POST …/api/webhooks with
// url, triggers ["TRACE_RESULT"], entityType "CONTAINER"; the answer carries the generated id) and
// "Validating Events Sent By Envase Connect",
// http://coredocs.envaseconnect.cloud/connect/Integration_Guide/validation.html (a signingKey given
// at creation; a random high-entropy string, kept securely, it cannot be read back).
// No page shows signingKey together with the track-trace fields: the body is their union, with the
// entityType key both pages use. The pages are silent on the success status (any 2xx is taken), on
// errors, and on updating or deleting a registration. The page's example answer is invalid JSON (a
// trailing comma): the id is read leniently. The access token travels as "Authorization: Bearer".
class EnvaseWebhookRegistration final : public QObject
{
    Q_OBJECT

public:
    static const QUrl &defaultEndpoint(); // https://events.envaseconnect.cloud/api/webhooks

    EnvaseWebhookRegistration(QNetworkAccessManager *network, EnvaseTokenSource &tokens, const QUrl &endpoint = {},
                              QObject *parent = nullptr);

    // 20 bytes of the system's cryptographic random source as 40 hex digits (the length the page's
    // `SecureRandom.hex(20)` suggestion gives).
    static QByteArray generateSigningKey();
    // The documented body for a callback URL (https, or http to loopback for tests).
    static Result<QByteArray> buildBody(const QUrl &callbackUrl, const QByteArray &signingKey);
    // The id in the answer; lenient about the documented example's trailing comma.
    static QString readId(const QByteArray &answer);

    // done gets the registration's id (may be empty when the answer names none).
    void registerResults(const QUrl &callbackUrl, const QByteArray &signingKey,
                         std::function<void(Result<QString>)> done);

private:
    QNetworkAccessManager *m_network;
    EnvaseTokenSource &m_tokens;
    QUrl m_endpoint;
};
