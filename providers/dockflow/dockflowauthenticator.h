#pragma once

#include "result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
struct HttpResult;

// What a Dockflow terminal said about a set of credentials. error.kind is None when they work;
// ipNotAllowed tells an IP whitelist refusal apart from other 403s; note carries a caveat of a
// working connection (e.g. ECT has not approved extended permissions).
struct DockflowAuthOutcome
{
    Error error;
    bool ipNotAllowed = false;
    QString note;
};

// The auth flows of the Dockflow terminals, as their documentation describes them, used to verify a connection: user
// name and password login, application UUID + API token check, OAuth 2 client credentials with a subscription key and
// the extended-permissions scope, and the OAuth 2 password grant with an API key. The terminals publish no API
// addresses, so every URL is relative to the connection's base URL (endpoint names from the catalog may override the
// default paths). Secrets stay in memory for the duration of one verification and are never logged.
class DockflowAuthenticator final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString authType;                  // user_password, uuid_token, oauth2_client_credentials, oauth2_password
        QUrl baseUrl;                      // the connection's base URL
        QHash<QString, QString> endpoints; // catalog endpoint name -> path (empty: default path)
        QHash<QString, QString> fields;    // non-secret fields by catalog name
        QHash<QString, QString> secrets;   // secret fields by catalog name
        bool extendedPermissions = false;
        int timeoutMs = 15000;
    };

    DockflowAuthenticator(QNetworkAccessManager *network, QObject *parent = nullptr);

    // The auth types a flow is registered for (the credentials factory in the .cpp), sorted.
    static QStringList authTypes();
    static bool supports(const QString &authType);
    // Calls done exactly once, never from inside verify().
    void verify(const Request &request, std::function<void(DockflowAuthOutcome)> done);

private:
    QNetworkAccessManager *m_network;
};
