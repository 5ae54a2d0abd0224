#include "dockflowauthenticator.h"

#include "credentialsfactory.h"
#include "httpjob.h"
#include "httppolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDockflow, "quaywatch.providers.dockflow")

namespace {

const QByteArray subscriptionKeyHeader = QByteArrayLiteral("Ocp-Apim-Subscription-Key");

QUrl endpointUrl(const DockflowAuthenticator::Request &request, const QString &name, const QString &defaultPath)
{
    const QString path = request.endpoints.value(name);
    const QString relative = path.isEmpty() ? defaultPath : path;
    QUrl given(relative, QUrl::StrictMode);
    if (given.isValid() && !given.isRelative())
        return given;
    QUrl base = request.baseUrl;
    QString basePath = base.path();
    if (!basePath.endsWith(u'/'))
        basePath.append(u'/');
    base.setPath(basePath);
    return base.resolved(QUrl(relative.startsWith(u'/') ? relative.mid(1) : relative));
}

HttpRequest baseRequest(const DockflowAuthenticator::Request &request, const QUrl &url, const QByteArray &method)
{
    HttpRequest http;
    http.method = method;
    http.url = url;
    http.deadlineMs = request.timeoutMs;
    http.idempotent = method == "GET";
    http.maxAttempts = method == "GET" ? 2 : 1;
    http.backoffBaseMs = 300;
    return http;
}

QString errorCode(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(u"error"_s).toString();
}

// A failed answer as the verification sees it: 401 and OAuth's invalid_client / invalid_grant are
// wrong credentials; a 403 is either an IP whitelist refusal or API access not enabled.
DockflowAuthOutcome failureOutcome(const HttpResult &result)
{
    DockflowAuthOutcome outcome;
    outcome.error = result.error;
    const QString code = errorCode(result.body);
    const QString said = HttpPolicy::providerMessage(result.body);
    if (result.statusCode == 400 && (code == "invalid_client"_L1 || code == "invalid_grant"_L1))
        outcome.error =
            makeError(ErrorKind::BadCredentials, u"The terminal refused the client credentials (HTTP 400 %1)%2"_s.arg(
                                                     code, said.isEmpty() ? QString() : QString(u": "_s + said)));
    if (result.statusCode == 403) {
        outcome.ipNotAllowed = code == "ip_not_allowed"_L1 || said.contains(u"whitelist"_s, Qt::CaseInsensitive);
        outcome.error.kind = ErrorKind::AccessNotEnabled;
    }
    return outcome;
}

void finishLater(QObject *context, std::function<void(DockflowAuthOutcome)> done, DockflowAuthOutcome outcome)
{
    QTimer::singleShot(0, context, [done = std::move(done), outcome = std::move(outcome)] { done(outcome); });
}

using Done = std::function<void(DockflowAuthOutcome)>;
using Request = DockflowAuthenticator::Request;

// One auth flow of the terminals: sends its requests as children of itself and reports once.
class AuthFlow : public QObject
{
public:
    AuthFlow(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}
    virtual void run(const Request &request, Done done) = 0;

protected:
    void send(HttpRequest http, std::function<void(const HttpResult &)> handle)
    {
        auto *job = new HttpJob(m_network, std::move(http), this);
        connect(job, &HttpJob::finished, this, std::move(handle));
        job->start();
    }

private:
    QNetworkAccessManager *m_network;
};

// User name and password login; the answer must carry a token.
class LoginFlow final : public AuthFlow
{
public:
    using AuthFlow::AuthFlow;
    void run(const Request &request, Done done) override;
};

// Application UUID + API token, checked against the verify endpoint.
class TokenCheckFlow final : public AuthFlow
{
public:
    using AuthFlow::AuthFlow;
    void run(const Request &request, Done done) override;
};

// OAuth 2 client credentials (with the extended-permissions scope) or password grant, then a ping
// with the access token.
class OAuthFlow final : public AuthFlow
{
public:
    OAuthFlow(QNetworkAccessManager *network, QObject *parent, bool passwordGrant)
        : AuthFlow(network, parent), m_passwordGrant(passwordGrant)
    {}
    void run(const Request &request, Done done) override;

private:
    void ping(const Request &request, const QString &accessToken, const QString &key, Done done);

    bool m_passwordGrant;
};

// The one place that maps a catalog auth type to the flow that checks it.
const CredentialsFactory<AuthFlow, QNetworkAccessManager *, QObject *> &flows()
{
    static const auto factory = [] {
        CredentialsFactory<AuthFlow, QNetworkAccessManager *, QObject *> made;
        made.add(u"user_password"_s, [](QNetworkAccessManager *network,
                                        QObject *parent) { return std::make_unique<LoginFlow>(network, parent); })
            .add(u"uuid_token"_s, [](QNetworkAccessManager *network,
                                     QObject *parent) { return std::make_unique<TokenCheckFlow>(network, parent); })
            .add(u"oauth2_client_credentials"_s,
                 [](QNetworkAccessManager *network, QObject *parent) {
                     return std::make_unique<OAuthFlow>(network, parent, false);
                 })
            .add(u"oauth2_password"_s, [](QNetworkAccessManager *network, QObject *parent) {
                return std::make_unique<OAuthFlow>(network, parent, true);
            });
        return made;
    }();
    return factory;
}

} // namespace

DockflowAuthenticator::DockflowAuthenticator(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{}

QStringList DockflowAuthenticator::authTypes()
{
    return flows().authTypes();
}

bool DockflowAuthenticator::supports(const QString &authType)
{
    return flows().supports(authType);
}

void DockflowAuthenticator::verify(const Request &request, std::function<void(DockflowAuthOutcome)> done)
{
    std::unique_ptr<AuthFlow> flow = flows().create(request.authType, m_network, this);
    if (!flow) {
        finishLater(this, std::move(done),
                    {makeError(ErrorKind::NotImplemented, u"no auth flow for %1"_s.arg(request.authType)), false, {}});
        return;
    }
    const Result<void> secure = HttpPolicy::checkTransportSecurity(request.baseUrl);
    if (!request.baseUrl.isValid() || request.baseUrl.host().isEmpty() || !secure) {
        finishLater(this, std::move(done),
                    {secure ? makeError(ErrorKind::InvalidInput, u"the base URL is not a valid URL"_s) : secure.error(),
                     false,
                     {}});
        return;
    }
    qCDebug(lcDockflow) << "verifying" << request.authType << "against" << request.baseUrl.host();
    flow.release()->run(request, std::move(done)); // a child of this authenticator from now on
}

void LoginFlow::run(const Request &request, Done done)
{
    HttpRequest http = baseRequest(request, endpointUrl(request, u"login"_s, u"login"_s), "POST");
    http.setHeader("Content-Type", "application/json");
    http.body = QJsonDocument(QJsonObject{{u"username"_s, request.fields.value(u"username"_s)},
                                          {u"password"_s, request.secrets.value(u"password"_s)}})
                    .toJson(QJsonDocument::Compact);
    send(std::move(http), [done = std::move(done)](const HttpResult &result) {
        if (!result.ok()) {
            done(failureOutcome(result));
            return;
        }
        if (QJsonDocument::fromJson(result.body).object().value(u"token"_s).toString().isEmpty()) {
            done({makeError(ErrorKind::MalformedResponse, u"the terminal's login answer carries no token"_s),
                  false,
                  {}});
            return;
        }
        done({});
    });
}

void TokenCheckFlow::run(const Request &request, Done done)
{
    HttpRequest http = baseRequest(request, endpointUrl(request, u"verify"_s, u"verify"_s), "GET");
    http.setHeader("X-Application-UUID", request.fields.value(u"uuid"_s).toUtf8());
    http.setHeader("Authorization", "Token " + request.secrets.value(u"token"_s).toUtf8());
    send(std::move(http), [done = std::move(done)](const HttpResult &result) {
        done(result.ok() ? DockflowAuthOutcome{} : failureOutcome(result));
    });
}

// The terminal documentation names only client id, client secret and API key for NxtPort's password grant, so the
// client id and secret also stand for the resource owner's user name and password.
void OAuthFlow::run(const Request &request, Done done)
{
    const bool passwordGrant = m_passwordGrant;
    const QString clientId = request.fields.value(u"clientId"_s);
    const QString clientSecret = request.secrets.value(u"clientSecret"_s);
    const QString key = request.secrets.value(passwordGrant ? u"apiKey"_s : u"subscriptionKey"_s);
    QList<QPair<QByteArray, QString>> form;
    if (passwordGrant) {
        form = {{"grant_type", u"password"_s}, {"username", clientId}, {"password", clientSecret}};
    } else {
        form = {{"grant_type", u"client_credentials"_s},
                {"client_secret", clientSecret},
                {"scope", request.extendedPermissions ? u"containers extended"_s : u"containers"_s}};
    }
    form.append({"client_id", clientId});
    HttpRequest http = baseRequest(request, endpointUrl(request, u"token"_s, u"oauth2/token"_s), "POST");
    http.setHeader("Content-Type", "application/x-www-form-urlencoded");
    http.setHeader(subscriptionKeyHeader, key.toUtf8());
    for (const auto &[name, value] : std::as_const(form))
        http.body += (http.body.isEmpty() ? "" : "&") + name + '=' + QUrl::toPercentEncoding(value);
    const bool wantsExtended = !passwordGrant && request.extendedPermissions;
    send(std::move(http), [this, request, key, wantsExtended,
                           done = std::move(done)](const HttpResult &result) mutable {
        if (!result.ok()) {
            done(failureOutcome(result));
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(result.body).object();
        const QString token = answer.value(u"access_token"_s).toString();
        if (token.isEmpty()) {
            done({makeError(ErrorKind::MalformedResponse, u"the token answer carries no access_token"_s), false, {}});
            return;
        }
        const bool granted = answer.value(u"scope"_s).toString().split(u' ').contains(u"extended"_s);
        ping(request, token, key, [wantsExtended, granted, done = std::move(done)](DockflowAuthOutcome outcome) {
            if (outcome.error.kind == ErrorKind::None && wantsExtended && !granted)
                outcome.note = u"Connected, but the terminal has not approved extended permissions: "
                               "data access may be limited."_s;
            done(outcome);
        });
    });
}

void OAuthFlow::ping(const Request &request, const QString &accessToken, const QString &key, Done done)
{
    HttpRequest http = baseRequest(request, endpointUrl(request, u"api"_s, u"api/ping"_s), "GET");
    http.setHeader("Authorization", "Bearer " + accessToken.toUtf8());
    http.setHeader(subscriptionKeyHeader, key.toUtf8());
    send(std::move(http), [done = std::move(done)](const HttpResult &result) {
        done(result.ok() ? DockflowAuthOutcome{} : failureOutcome(result));
    });
}
