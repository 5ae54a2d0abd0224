#include "envaseroutes.h"

#include "scenariogenerator.h"
#include "timestampsignature.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse jsonReply(const QJsonObject &object, Status status = Status::Ok)
{
    return {"application/json; charset=utf-8", QJsonDocument(object).toJson(QJsonDocument::Compact), status};
}

QDateTime at(const SimClock &clock, double hours)
{
    return clock.startUtc().addMSecs(qint64(hours * 3600.0 * 1000.0));
}

// The documents print times as "2021-07-26T11:00" (track-trace result example): no offset.
QString wallClock(const QDateTime &time, const QString &format = u"yyyy-MM-ddTHH:mm"_s)
{
    return time.toUTC().toString(format);
}

bool looksLikeCredential(const QString &key)
{
    static const QStringList words{u"password"_s,      u"secret"_s,          u"apikey"_s,   u"token"_s,
                                   u"authorization"_s, u"subscriptionkey"_s, u"signature"_s};
    const QString lower = key.toLower();
    return std::any_of(words.cbegin(), words.cend(), [&lower](const QString &word) { return lower.contains(word); });
}

QString checkEvent(const QJsonObject &event)
{
    if (QUuid::fromString(event.value(u"orgId"_s).toString()).isNull())
        return u"orgId must be a UUID"_s;
    if (QUuid::fromString(event.value(u"svcId"_s).toString()).isNull())
        return u"svcId must be a UUID"_s;
    if (event.value(u"type"_s).toString() != "CONTAINER"_L1)
        return u"type must be CONTAINER"_s;
    const QString action = event.value(u"action"_s).toString();
    if (action != "TRACE_REQUESTED"_L1 && action != "TRACE_CANCELLED"_L1)
        return u"action must be TRACE_REQUESTED or TRACE_CANCELLED"_s;
    if (event.value(u"origin"_s).toString().isEmpty())
        return u"origin is required"_s;
    const QJsonObject payload = event.value(u"payload"_s).toObject();
    if (payload.value(u"id"_s).toString().isEmpty())
        return u"payload.id is required"_s;
    if (payload.value(u"providerId"_s).toString().isEmpty() && payload.value(u"siteId"_s).toString().isEmpty())
        return u"payload.providerId or payload.siteId is required"_s;
    if (action == "TRACE_REQUESTED"_L1 && !payload.value(u"data"_s).isObject())
        return u"payload.data must be an object"_s;
    const QJsonObject data = payload.value(u"data"_s).toObject();
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        if (looksLikeCredential(it.key()))
            return u"payload.data must not carry credentials (%1)"_s.arg(it.key());
    }
    if (data.contains(u"normalize"_s) && !data.value(u"normalize"_s).isBool())
        return u"payload.data.normalize must be a boolean"_s;
    return {};
}

QJsonObject resultEvent(const QString &code, const QString &date, const QJsonObject &location, const QJsonObject &data)
{
    return QJsonObject{{u"code"_s, code}, {u"date"_s, date}, {u"location"_s, location}, {u"data"_s, data}};
}

QString holdTypeOf(const QString &holdId)
{
    const QString lower = holdId.toLower();
    if (lower.contains(u"custom"_s))
        return u"Custom"_s;
    if (lower.contains(u"line"_s))
        return u"Line"_s;
    if (lower.contains(u"demurrage"_s))
        return u"Demurrage"_s;
    if (lower.contains(u"ctf"_s))
        return u"Ctf"_s;
    return u"Tmf"_s;
}

} // namespace

EnvaseRoutes::EnvaseRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario)
    : QObject(&http), m_clock(clock), m_scenario(scenario), m_network(new QNetworkAccessManager(this))
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, [this] { deliverDue(false); });
}

EnvaseRoutes *EnvaseRoutes::install(QHttpServer &http, const SimClock &clock, const Scenario &scenario)
{
    auto *routes = new EnvaseRoutes(http, clock, scenario);
    routes->addRoutes(http);
    return routes;
}

void EnvaseRoutes::addRoutes(QHttpServer &http)
{
    http.route(u"/oauth2/token"_s, Method::Post, [this](const QHttpServerRequest &request) {
        int status = 200;
        const QJsonObject answer = issueToken(request, &status);
        return jsonReply(answer, Status(status));
    });
    http.route(u"/api/webhooks"_s, Method::Post, [this](const QHttpServerRequest &request) {
        if (!authorized(request))
            return jsonReply({{u"message"_s, u"Unauthorized"_s}}, Status::Unauthorized);
        int status = 200;
        const QJsonObject answer = registerWebhook(request.body(), &status);
        return jsonReply(answer, Status(status));
    });
    http.route(u"/api/events"_s, Method::Post, [this](const QHttpServerRequest &request) {
        if (!authorized(request))
            return jsonReply({{u"message"_s, u"Unauthorized"_s}}, Status::Unauthorized);
        QString problem;
        const int status = receive(request.body(), &problem);
        // A successful publish answers with the published event ("The Envase Events").
        return problem.isEmpty() ? jsonReply(m_received.last().toObject(), Status(status))
                                 : jsonReply(QJsonObject{{u"message"_s, problem}}, Status(status));
    });
    http.route(u"/_sim/envase"_s, Method::Get, [this](const QHttpServerRequest &) { return jsonReply(statsJson()); });
}

bool EnvaseRoutes::authorized(const QHttpServerRequest &request) const
{
    const QByteArray authorization = request.value("Authorization");
    return authorization.startsWith("Bearer ") && m_tokens.contains(authorization.mid(7).trimmed());
}

QJsonObject EnvaseRoutes::issueToken(const QHttpServerRequest &request, int *status)
{
    const QByteArray authorization = request.value("Authorization");
    const QByteArray credentials = QByteArray::fromBase64(authorization.mid(6));
    const qsizetype colon = credentials.indexOf(':');
    if (!authorization.startsWith("Basic ") || colon <= 0 || colon == credentials.size() - 1) {
        *status = 401;
        return {{u"error"_s, u"invalid_client"_s}};
    }
    const QUrlQuery form(QString::fromUtf8(request.body()));
    if (form.queryItemValue(u"grant_type"_s) != "client_credentials"_L1) {
        *status = 400;
        return {{u"error"_s, u"unsupported_grant_type"_s}};
    }
    if (form.queryItemValue(u"scope"_s, QUrl::FullyDecoded) != "connectdata/events"_L1) {
        *status = 400;
        return {{u"error"_s, u"invalid_scope"_s}};
    }
    const QByteArray token = "sim." + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_tokens.insert(token);
    ++m_tokensIssued;
    return {{u"access_token"_s, QString::fromLatin1(token)}, {u"expires_in"_s, 3600}, {u"token_type"_s, u"Bearer"_s}};
}

QJsonObject EnvaseRoutes::registerWebhook(const QByteArray &body, int *status)
{
    const QJsonObject request = QJsonDocument::fromJson(body).object();
    const QUrl url(request.value(u"url"_s).toString());
    QString problem;
    if (!url.isValid() || url.host().isEmpty())
        problem = u"url is required"_s;
    else if (!request.value(u"triggers"_s).toArray().contains(u"TRACE_RESULT"_s))
        problem = u"triggers must contain TRACE_RESULT"_s;
    else if (request.value(u"entityType"_s).toString() != "CONTAINER"_L1)
        problem = u"entityType must be CONTAINER"_s;
    else if (request.value(u"signingKey"_s).toString().isEmpty())
        problem = u"signingKey is required to sign the events"_s;
    if (!problem.isEmpty()) {
        *status = 400;
        return {{u"message"_s, problem}};
    }
    Registration registration{QUuid::createUuid().toString(QUuid::WithoutBraces), url,
                              request.value(u"signingKey"_s).toString().toUtf8()};
    m_registrations.append(registration);
    m_poll.start();
    return {{u"id"_s, registration.id},
            {u"url"_s, url.toString()},
            {u"triggers"_s, request.value(u"triggers"_s)},
            {u"entityType"_s, u"CONTAINER"_s}};
}

int EnvaseRoutes::receive(const QByteArray &body, QString *problem)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        *problem = u"the body is not a JSON object"_s;
        return 400;
    }
    const QJsonObject published = document.object();
    *problem = checkEvent(published);
    if (!problem->isEmpty())
        return 400;
    m_received.append(published);
    const QJsonObject payload = published.value(u"payload"_s).toObject();
    const QString number = payload.value(u"id"_s).toString().toUpper();
    Publication &publication = m_publications[number];
    if (published.value(u"action"_s).toString() == "TRACE_CANCELLED"_L1) {
        publication.active = false;
        return 200;
    }
    publication.providerId = payload.value(u"providerId"_s).toString();
    publication.orgId = published.value(u"orgId"_s).toString();
    publication.svcId = published.value(u"svcId"_s).toString();
    publication.active = true;
    publication.lastState.clear(); // publishing again forces a trace
    ++publication.published;
    m_poll.start();
    QTimer::singleShot(0, this, [this] { deliverDue(false); });
    return 200;
}

QJsonObject EnvaseRoutes::statsJson() const
{
    QJsonObject published;
    for (auto it = m_publications.cbegin(); it != m_publications.cend(); ++it)
        published.insert(
            it.key(),
            QJsonObject{{u"published"_s, it->published}, {u"active"_s, it->active}, {u"providerId"_s, it->providerId}});
    QJsonArray registrations;
    for (const Registration &registration : m_registrations)
        registrations.append(QJsonObject{{u"id"_s, registration.id}, {u"url"_s, registration.url.toString()}});
    return QJsonObject{{u"received"_s, m_received},
                       {u"publications"_s, published},
                       {u"webhooks"_s, registrations},
                       {u"tokensIssued"_s, m_tokensIssued},
                       {u"callbacksSent"_s, m_callbacksSent},
                       {u"callbacksAccepted"_s, m_callbacksAccepted},
                       {u"callbacksRefused"_s, m_callbacksRefused}};
}

// The container's state now, as the provider page's events (event[n].date is the trace time).
QJsonArray EnvaseRoutes::currentEvents(const QString &number, const QDateTime &now) const
{
    const SimContainer *known = m_scenario.find(number);
    const SimContainer container = known ? *known : ScenarioGenerator::deriveFromNumber(number, u"WBCT_LA"_s);
    const QString date = wallClock(now);
    const auto due = [&](const std::optional<double> &hours) { return hours && at(m_clock, *hours) <= now; };
    const bool outgated = due(container.visit.outgateAt);
    const QString lot = outgated ? u"Community"_s : due(container.dischargeAt) ? u"Yard"_s : u"On ship"_s;
    const QJsonObject location{{u"lot"_s, lot}, {u"name"_s, container.site}, {u"type"_s, u"Terminal"_s}};
    QJsonArray events;
    if (due(container.availableAt))
        events.append(resultEvent(u"arrived"_s, date, location, {{u"arrived"_s, u""_s}}));
    if (due(container.dischargeAt))
        events.append(
            resultEvent(u"grounded"_s, date, location,
                        {{u"grounded"_s, wallClock(at(m_clock, *container.dischargeAt), u"yyyy-MM-ddTHH:mm:ss"_s)}}));
    bool held = false;
    for (const SimHold &hold : container.holds) {
        if (at(m_clock, hold.addedAt) > now || due(hold.releasedAt))
            continue;
        held = true;
        QJsonObject holdEvent = resultEvent(u"hold"_s, date, location, {{u"code"_s, hold.id}});
        holdEvent.insert(u"holdType"_s, holdTypeOf(hold.id));
        events.append(holdEvent);
    }
    std::optional<QDate> lfd;
    for (const SimLfdChange &change : container.lfdChanges) {
        if (at(m_clock, change.at) <= now)
            lfd = m_clock.startUtc().date().addDays(change.days);
    }
    if (!held && lfd && due(container.dischargeAt)) {
        events.append(resultEvent(u"lfd"_s, date, location, {{u"lfd"_s, lfd->toString(u"yyyyMMdd"_s)}}));
        events.append(resultEvent(u"released"_s, date, location, {{u"released"_s, u""_s}}));
    }
    if (outgated)
        events.append(
            resultEvent(u"outgated"_s, date, location,
                        {{u"outgated"_s, wallClock(at(m_clock, *container.visit.outgateAt), u"yyyy-MM-ddTHH:mm:ss"_s)},
                         {u"outgate_scac"_s, container.visit.truckerCode},
                         {u"outgate_confirmed"_s, true}}));
    return events;
}

void EnvaseRoutes::deliverDue(bool force)
{
    if (m_registrations.isEmpty())
        return;
    const QDateTime now = m_clock.now();
    for (auto it = m_publications.begin(); it != m_publications.end(); ++it) {
        if (!it->active)
            continue;
        const QJsonArray events = currentEvents(it.key(), now);
        QJsonArray undated;
        for (const QJsonValue value : events) {
            QJsonObject withoutDate = value.toObject();
            withoutDate.remove(u"date"_s);
            undated.append(withoutDate);
        }
        const QByteArray state = QJsonDocument(undated).toJson(QJsonDocument::Compact);
        if (!force && state == it->lastState)
            continue;
        it->lastState = state;
        send(it.key(), it.value(), events, now);
    }
}

void EnvaseRoutes::send(const QString &number, const Publication &publication, const QJsonArray &events,
                        const QDateTime &now)
{
    const SimContainer *known = m_scenario.find(number);
    const SimContainer container = known ? *known : ScenarioGenerator::deriveFromNumber(number, u"WBCT_LA"_s);
    const QJsonObject result{{u"orgId"_s, publication.orgId},
                             {u"tmsId"_s, publication.svcId},
                             {u"type"_s, u"CONTAINER"_s},
                             {u"action"_s, u"TRACE_RESULT"_s},
                             {u"payload"_s, QJsonObject{{u"containerNumber"_s, number},
                                                        {u"description"_s, u"TBD"_s},
                                                        {u"length"_s, container.length},
                                                        {u"tracedAt"_s, wallClock(now)},
                                                        {u"nextTraceAt"_s, wallClock(now.addSecs(qint64(30) * 60))},
                                                        {u"loaded"_s, u"laden"_s},
                                                        {u"steamshipBL"_s, container.billOfLading},
                                                        {u"carrier"_s, QJsonObject{{u"type"_s, u"vessel"_s},
                                                                                   {u"steamshipLine"_s, container.line},
                                                                                   {u"vessel"_s, container.vessel},
                                                                                   {u"voyage"_s, container.voyage}}},
                                                        {u"providerId"_s, publication.providerId},
                                                        {u"destination"_s, QJsonObject{{u"type"_s, u"terminal"_s},
                                                                                       {u"name"_s, container.site}}},
                                                        {u"events"_s, events}}}};
    const QByteArray body = QJsonDocument(result).toJson(QJsonDocument::Compact);
    // The signature's t is real time, not the simulated clock: the receiver checks it against its own.
    const qint64 t = SimClock::wallNow().toSecsSinceEpoch();
    for (const Registration &registration : std::as_const(m_registrations)) {
        QNetworkRequest request(registration.url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("X-Envase-Connect-Signature-256",
                             TimestampSignature::headerValue(registration.signingKey, t, body));
        ++m_callbacksSent;
        QNetworkReply *reply = m_network->post(request, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++(status == 200 ? m_callbacksAccepted : m_callbacksRefused);
            reply->deleteLater();
        });
    }
}
