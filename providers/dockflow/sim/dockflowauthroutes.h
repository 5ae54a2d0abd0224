#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

// The auth endpoints of the Dockflow terminals (PSA, DP World, MPET, T-Mining, ECT,
// NxtPort). Their real APIs are not documented, so the simulator offers one clear layout under
// /dockflow/{terminal}/ that ConnectionService's verification speaks, and tests exercise every auth
// flow over real HTTP:
//
//   POST /dockflow/{t}/login         JSON {"username","password"} -> {"token","expires_in"}
//   GET  /dockflow/{t}/verify        X-Application-UUID + Authorization: Token <token>
//   POST /dockflow/{t}/oauth2/token  form grant_type=client_credentials (client_id, client_secret,
//                                    scope) or grant_type=password (username, password), with the
//                                    Ocp-Apim-Subscription-Key header -> {"access_token","scope"}
//   GET  /dockflow/{t}/api/ping      Authorization: Bearer + Ocp-Apim-Subscription-Key
//
// Accounts: every simulator user (NAME:PASSWORD) is an account with full access on every terminal
// (NAME is the user name, UUID or client id; PASSWORD the password, token or client secret); more
// can be added with POST /_sim/dockflow/accounts {"id","secret","key","apiAccess","ipAllowed",
// "extended","terminal"}. Wrong credentials get 401 (400 invalid_client / invalid_grant on the token
// endpoint, as OAuth 2 says); an account without API access gets 403 "api_access_not_enabled", one
// whose IP is not whitelisted 403 "ip_not_allowed".
class DockflowAuthRoutes final : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString secret;
        QString key;      // subscription / API key the account must send; empty: any non-empty key
        QString terminal; // empty: every terminal
        bool apiAccess = true;
        bool ipAllowed = true;
        bool extended = false; // ECT extended permissions approved
    };

    // Adds the routes to http; the routes object is a child of http and lives as long as it.
    static DockflowAuthRoutes *install(QHttpServer &http, const QHash<QString, QString> &users);

private:
    explicit DockflowAuthRoutes(QHttpServer &http);
    void addRoutes(QHttpServer &http);
    // The account of id for terminal when secret matches; nullptr otherwise.
    const Account *findAccount(const QString &terminal, const QString &id, const QString &secret) const;
    QString issueToken(const QString &scope);
    // POST /dockflow/{t}/oauth2/token, both grants.
    QHttpServerResponse oauthToken(const QString &terminal, const QHttpServerRequest &request);

    QHash<QString, Account> m_accounts;
    QHash<QByteArray, QString> m_tokens; // token -> granted scope
};
