#include "portproroutes.h"

#include "simhost.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

using Method = QHttpServerRequest::Method;

PlannedReply errorReply(int status, const QString &error, const QString &description)
{
    return PlannedReply::json(QJsonDocument(QJsonObject{{u"error"_s, error}, {u"message"_s, description}}), status);
}

QString newToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

void installProviderSim_portpro(SimHost &host)
{
    PortProRoutes::install(host);
}

void PortProRoutes::install(SimHost &host)
{
    auto *routes = new PortProRoutes(host);
    routes->addRoutes();
}

PortProRoutes::PortProRoutes(SimHost &host) : QObject(&host.http()), m_host(host)
{
    // A few loads by container number: the scenario's containers and some fixed ones.
    for (const QString &number : {u"MSCU1234565"_s, u"TGHU9876543"_s, u"CMAU0000012"_s})
        m_loads.insert(u"M%1"_s.arg(m_nextReference++), number);
    for (const SimContainer &container : host.scenario().containers())
        m_loads.insert(u"M%1"_s.arg(m_nextReference++), container.number);
}

void PortProRoutes::addRoutes()
{
    QHttpServer &http = m_host.http();
    http.route(u"/portpro/v1/oauth/token"_s, Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   m_host.deliver(std::move(responder), planToken(request), false);
               });
    http.route(u"/portpro/v1/loads"_s, Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   m_host.deliver(std::move(responder), planLookup(request), true);
               });
    http.route(u"/portpro/v1/loads/<arg>"_s, Method::Patch,
               [this](const QString &reference, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   m_host.deliver(std::move(responder), planUpdate(reference, request), true);
               });
    http.route(u"/_sim/portpro"_s, Method::Get,
               [this](const QHttpServerRequest &) { return QHttpServerResponse(controlJson()); });
    http.route(u"/_sim/portpro/revoke"_s, Method::Post, [this](const QHttpServerRequest &) {
        for (auto it = m_refresh.begin(); it != m_refresh.end(); ++it)
            it.value() = false;
        m_access.clear();
        return QHttpServerResponse(controlJson());
    });
    http.route(u"/_sim/portpro/config"_s, Method::Post, [this](const QHttpServerRequest &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        if (body.contains(u"expiresIn"_s))
            m_expiresIn = body.value(u"expiresIn"_s).toInt(m_expiresIn);
        // A test's own client, e.g. a secret canary.
        if (body.contains(u"clientId"_s))
            m_clientId = body.value(u"clientId"_s).toString();
        if (body.contains(u"clientSecret"_s))
            m_clientSecret = body.value(u"clientSecret"_s).toString();
        return QHttpServerResponse(controlJson());
    });
    http.route(u"/_sim/portpro/loads"_s, Method::Post, [this](const QHttpServerRequest &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        QString reference = body.value(u"reference_number"_s).toString();
        if (reference.isEmpty())
            reference = u"M%1"_s.arg(m_nextReference++);
        m_loads.insert(reference, body.value(u"containerNo"_s).toString().trimmed().toUpper());
        return QHttpServerResponse(QJsonObject{{u"reference_number"_s, reference}});
    });
}

PlannedReply PortProRoutes::planToken(const QHttpServerRequest &request)
{
    ++m_tokenRequests;
    ++m_host.stats().tokenRequests;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString grant = body.value(u"grant_type"_s).toString();
    if (grant == "client_credentials"_L1) {
        ++m_clientCredentialGrants;
        if (body.value(u"client_id"_s).toString() != m_clientId ||
            body.value(u"client_secret"_s).toString() != m_clientSecret)
            return errorReply(401, u"invalid_client"_s, u"unknown client or wrong secret"_s);
    } else if (grant == "refresh_token"_L1) {
        ++m_refreshGrants;
        const QString presented = body.value(u"refresh_token"_s).toString();
        if (!m_refresh.value(presented, false)) {
            ++m_refusedRefreshes;
            return errorReply(400, u"invalid_grant"_s, u"the refresh token is revoked or unknown"_s);
        }
        m_refresh.insert(presented, false); // rotated: a refresh token works once
    } else {
        return errorReply(400, u"unsupported_grant_type"_s,
                          u"grant_type must be client_credentials or refresh_token"_s);
    }
    const QString access = newToken();
    const QString refresh = newToken();
    m_access[access].start();
    m_refresh.insert(refresh, true);
    return PlannedReply::json(QJsonDocument(QJsonObject{{u"access_token"_s, access},
                                                        {u"token_type"_s, u"Bearer"_s},
                                                        {u"expires_in"_s, m_expiresIn},
                                                        {u"refresh_token"_s, refresh}}));
}

bool PortProRoutes::authorized(const QHttpServerRequest &request) const
{
    const QByteArray header = simRequestHeader(request, "Authorization");
    if (!header.startsWith("Bearer "))
        return false;
    const auto it = m_access.constFind(QString::fromUtf8(header.mid(7).trimmed()));
    return it != m_access.constEnd() && it->elapsed() < qint64(m_expiresIn) * 1000;
}

PlannedReply PortProRoutes::planLookup(const QHttpServerRequest &request)
{
    ++m_lookups;
    quint64 number = 0;
    if (auto fault = m_host.plannedFault(&number))
        return *fault;
    if (!authorized(request)) {
        ++m_rejected401;
        return errorReply(401, u"unauthorized"_s, u"missing, expired or unknown access token"_s);
    }
    const QString container = QUrlQuery(request.url()).queryItemValue(u"containerNo"_s).trimmed().toUpper();
    QJsonArray loads;
    for (auto it = m_loads.constBegin(); it != m_loads.constEnd(); ++it) {
        if (it.value() == container)
            loads.append(QJsonObject{{u"reference_number"_s, it.key()}, {u"containerNo"_s, it.value()}});
    }
    return PlannedReply::json(QJsonDocument(QJsonObject{{u"data"_s, loads}}));
}

PlannedReply PortProRoutes::planUpdate(const QString &reference, const QHttpServerRequest &request)
{
    quint64 number = 0;
    if (auto fault = m_host.plannedFault(&number))
        return *fault;
    if (!authorized(request)) {
        ++m_rejected401;
        return errorReply(401, u"unauthorized"_s, u"missing, expired or unknown access token"_s);
    }
    if (!m_loads.contains(reference))
        return errorReply(404, u"not_found"_s, u"no load %1"_s.arg(reference));
    const QJsonDocument body = QJsonDocument::fromJson(request.body());
    if (!body.isObject())
        return errorReply(400, u"bad_request"_s, u"the body must be a JSON object"_s);
    m_updates.append(QJsonObject{{u"reference_number"_s, reference},
                                 {u"containerNo"_s, m_loads.value(reference)},
                                 {u"messageId"_s, QString::fromUtf8(simRequestHeader(request, "Idempotency-Key"))},
                                 {u"fields"_s, body.object()}});
    return PlannedReply::json(QJsonDocument(QJsonObject{{u"reference_number"_s, reference}, {u"updated"_s, true}}));
}

QJsonObject PortProRoutes::controlJson() const
{
    return {{u"tokenRequests"_s, m_tokenRequests},
            {u"clientCredentialGrants"_s, m_clientCredentialGrants},
            {u"refreshGrants"_s, m_refreshGrants},
            {u"refusedRefreshes"_s, m_refusedRefreshes},
            {u"lookups"_s, m_lookups},
            {u"rejected401"_s, m_rejected401},
            {u"expiresIn"_s, m_expiresIn},
            {u"updates"_s, m_updates},
            // Every refresh token issued, so that a test can look for them where they must not be.
            {u"issuedRefreshTokens"_s, QJsonArray::fromStringList(m_refresh.keys())}};
}
