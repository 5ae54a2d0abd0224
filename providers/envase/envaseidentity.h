#pragma once

#include "clock.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

// The client registration a TMS gets from Envase Identity Manager. clientSecret is a secret: it is
// read from the keychain, sent only in the token request's Basic header, never logged or stored.
struct EnvaseClientCredentials
{
    QString clientId;
    QString clientSecret;
    QUrl tokenEndpoint; // empty: production
};

// Access tokens for publishing and registering web-hooks, by the client credentials grant.
//
// Documents: "Authentication/Authorization Process",
// http://coredocs.envaseconnect.cloud/track-trace/integration/auth.html (client credentials, one
// request returns an access token) and "Authorizing Your API Against Envase Connect",
// http://coredocs.envaseconnect.cloud/connect/Integration_Guide/authorization.html (POST to the
// Cognito /oauth2/token of the environment, Basic auth with id:secret, form-encoded
// grant_type=client_credentials and scope=connectdata/events; a JWT valid for one hour).
// Where they are silent (Quaywatch's choices): the response is read as OAuth 2's access_token and
// expires_in (the pages name neither); without expires_in the documented hour is assumed. The token is
// kept until five minutes before it expires, and a new one is fetched then (the client credentials
// grant has no refresh token). While one token request runs, every caller waits for it: at most one
// request is in flight. The token is sent as "Authorization: Bearer <JWT>" (the pages say only "the
// authentication header").
class EnvaseTokenSource final : public QObject
{
    Q_OBJECT

public:
    static const QUrl &productionTokenEndpoint();
    static constexpr auto scope = "connectdata/events";
    static constexpr int renewBeforeSeconds = 5 * 60;

    EnvaseTokenSource(QNetworkAccessManager *network, EnvaseClientCredentials credentials, const Clock &clock,
                      QObject *parent = nullptr);

    // Missing id or secret, or an endpoint that is not a secure URL.
    static QStringList validate(const EnvaseClientCredentials &credentials);

    // The access token; done runs later on the event loop, never inside the call.
    void token(std::function<void(Result<QByteArray>)> done);
    void forget(); // after a 401: the next token() fetches a new one
    int requestsSent() const { return m_requestsSent; }
    QDateTime expiresAt() const { return m_expiresAt; }

private:
    void fetch();
    void finish(const Result<QByteArray> &result);

    QNetworkAccessManager *m_network;
    EnvaseClientCredentials m_credentials;
    const Clock &m_clock;
    QByteArray m_token;
    QDateTime m_expiresAt;
    QList<std::function<void(Result<QByteArray>)>> m_waiting;
    bool m_inFlight = false;
    int m_requestsSent = 0;
};
