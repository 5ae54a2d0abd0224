#include "dockflowauthroutes.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSimDockflow, "quaywatch.sim.dockflow")

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}

QHttpServerResponse problem(Status status, const QString &code, const QString &message)
{
    return QHttpServerResponse(QJsonObject{{u"error"_s, code}, {u"message"_s, message}}, status);
}

QHttpServerResponse badCredentials()
{
    return problem(Status::Unauthorized, u"invalid_credentials"_s, u"Invalid credentials"_s);
}

// Whether the account may use the API from here; nullopt when it may.
std::optional<QHttpServerResponse> accessProblem(const DockflowAuthRoutes::Account &account)
{
    if (!account.ipAllowed)
        return problem(Status::Forbidden, u"ip_not_allowed"_s,
                       u"Your IP address is not whitelisted for API access to this terminal"_s);
    if (!account.apiAccess)
        return problem(Status::Forbidden, u"api_access_not_enabled"_s,
                       u"API access is not enabled for this account; contact terminal support"_s);
    return std::nullopt;
}

DockflowAuthRoutes::Account accountFrom(const QJsonObject &object)
{
    DockflowAuthRoutes::Account account;
    account.secret = object.value(u"secret"_s).toString();
    account.key = object.value(u"key"_s).toString();
    account.terminal = object.value(u"terminal"_s).toString();
    account.apiAccess = object.value(u"apiAccess"_s).toBool(true);
    account.ipAllowed = object.value(u"ipAllowed"_s).toBool(true);
    account.extended = object.value(u"extended"_s).toBool(false);
    return account;
}

} // namespace

DockflowAuthRoutes::DockflowAuthRoutes(QHttpServer &http) : QObject(&http) {}

DockflowAuthRoutes *DockflowAuthRoutes::install(QHttpServer &http, const QHash<QString, QString> &users)
{
    auto *routes = new DockflowAuthRoutes(http);
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        Account account;
        account.secret = it.value();
        routes->m_accounts.insert(it.key(), account);
    }
    routes->addRoutes(http);
    return routes;
}

void DockflowAuthRoutes::addRoutes(QHttpServer &http)
{
    auto find = [this](const QString &terminal, const QString &id, const QString &secret) {
        return findAccount(terminal, id, secret);
    };
    auto issue = [this](const QString &scope) { return issueToken(scope); };

    http.route(u"/dockflow/<arg>/login"_s, Method::Post,
               [find, issue](const QString &terminal, const QHttpServerRequest &request) {
                   const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
                   const Account *account =
                       find(terminal, body.value(u"username"_s).toString(), body.value(u"password"_s).toString());
                   if (!account)
                       return badCredentials();
                   if (auto refused = accessProblem(*account))
                       return std::move(*refused);
                   return QHttpServerResponse(QJsonObject{{u"token"_s, issue(u"terminal"_s)}, {u"expires_in"_s, 3600}});
               });

    http.route(
        u"/dockflow/<arg>/verify"_s, Method::Get, [find](const QString &terminal, const QHttpServerRequest &request) {
            const QByteArray authorization = header(request, "Authorization");
            const QString uuid = QString::fromUtf8(header(request, "X-Application-UUID"));
            const QString token =
                authorization.startsWith("Token ") ? QString::fromUtf8(authorization.mid(6).trimmed()) : QString();
            const Account *account = find(terminal, uuid, token);
            if (!account)
                return badCredentials();
            if (auto refused = accessProblem(*account))
                return std::move(*refused);
            return QHttpServerResponse(QJsonObject{{u"uuid"_s, uuid}, {u"status"_s, u"active"_s}});
        });

    http.route(
        u"/dockflow/<arg>/oauth2/token"_s, Method::Post,
        [this](const QString &terminal, const QHttpServerRequest &request) { return oauthToken(terminal, request); });

    http.route(u"/dockflow/<arg>/api/ping"_s, Method::Get, [this](const QString &, const QHttpServerRequest &request) {
        const QByteArray authorization = header(request, "Authorization");
        const auto it = authorization.startsWith("Bearer ") ? m_tokens.constFind(authorization.mid(7).trimmed())
                                                            : m_tokens.constEnd();
        if (it == m_tokens.constEnd())
            return problem(Status::Unauthorized, u"invalid_token"_s, u"The access token is not valid"_s);
        if (header(request, "Ocp-Apim-Subscription-Key").isEmpty())
            return problem(Status::Unauthorized, u"missing_subscription_key"_s,
                           u"Access denied due to missing subscription key"_s);
        return QHttpServerResponse(QJsonObject{{u"ok"_s, true}, {u"scope"_s, *it}});
    });

    http.route(u"/_sim/dockflow/accounts"_s, Method::Post, [this](const QHttpServerRequest &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString id = body.value(u"id"_s).toString();
        if (id.isEmpty())
            return problem(Status::BadRequest, u"invalid_request"_s, u"an account needs an id"_s);
        m_accounts.insert(id, accountFrom(body));
        qCDebug(lcSimDockflow) << "account added for terminal" << body.value(u"terminal"_s).toString();
        return QHttpServerResponse(QJsonObject{{u"ok"_s, true}});
    });
}

const DockflowAuthRoutes::Account *DockflowAuthRoutes::findAccount(const QString &terminal, const QString &id,
                                                                   const QString &secret) const
{
    const auto it = m_accounts.constFind(id);
    if (id.isEmpty() || it == m_accounts.constEnd() || it->secret != secret)
        return nullptr;
    if (!it->terminal.isEmpty() && it->terminal != terminal)
        return nullptr;
    return &*it;
}

QString DockflowAuthRoutes::issueToken(const QString &scope)
{
    const QByteArray token = QUuid::createUuid().toByteArray(QUuid::Id128);
    m_tokens.insert(token, scope);
    return QString::fromLatin1(token);
}

QHttpServerResponse DockflowAuthRoutes::oauthToken(const QString &terminal, const QHttpServerRequest &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body()));
    const QString grant = form.queryItemValue(u"grant_type"_s, QUrl::FullyDecoded);
    const bool password = grant == "password"_L1;
    if (!password && grant != "client_credentials"_L1)
        return problem(Status::BadRequest, u"unsupported_grant_type"_s, u"Unsupported grant type"_s);
    const QString key = QString::fromUtf8(header(request, "Ocp-Apim-Subscription-Key"));
    if (key.isEmpty())
        return problem(Status::Unauthorized, u"missing_subscription_key"_s,
                       u"Access denied due to missing subscription key"_s);
    const QString id = form.queryItemValue(password ? u"username"_s : u"client_id"_s, QUrl::FullyDecoded);
    const QString secret = form.queryItemValue(password ? u"password"_s : u"client_secret"_s, QUrl::FullyDecoded);
    const Account *account = findAccount(terminal, id, secret);
    if (!account)
        return problem(Status::BadRequest, password ? u"invalid_grant"_s : u"invalid_client"_s,
                       u"Invalid client credentials"_s);
    if (!account->key.isEmpty() && account->key != key)
        return problem(Status::Unauthorized, u"invalid_subscription_key"_s,
                       u"Access denied due to invalid subscription key"_s);
    if (auto refused = accessProblem(*account))
        return std::move(*refused);
    const bool wantsExtended = form.queryItemValue(u"scope"_s, QUrl::FullyDecoded).split(u' ').contains(u"extended"_s);
    const QString scope = wantsExtended && account->extended ? u"containers extended"_s : u"containers"_s;
    return QHttpServerResponse(QJsonObject{{u"access_token"_s, issueToken(scope)},
                                           {u"token_type"_s, u"Bearer"_s},
                                           {u"expires_in"_s, 3600},
                                           {u"scope"_s, scope}});
}
