#include "envaseroutes.h"

#include "portconnectroutes.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse jsonReply(const QJsonObject &object, Status status = Status::Ok)
{
    return QHttpServerResponse("application/json; charset=utf-8", QJsonDocument(object).toJson(QJsonDocument::Compact),
                               status);
}

// PortConnect's words for the scenario's milestones, in the normalized codes Envase reports.
QString envaseCode(const SimPortEvent &event)
{
    static const QHash<QString, QString> codes{
        {u"VESSELARRIVAL"_s, u"VESSEL_ARRIVED"_s}, {u"DISCHARGE"_s, u"DISCHARGED"_s},
        {u"AVAILABLE"_s, u"AVAILABLE"_s},          {u"CUSTOMSRELEASE"_s, u"HOLD_RELEASED"_s},
        {u"MPIRELEASE"_s, u"HOLD_RELEASED"_s},     {u"GATEOUT"_s, u"OUTGATED"_s},
        {u"LFTCHANGED"_s, u"LFD_CHANGED"_s},
    };
    if (event.code == "GATEIN"_L1)
        return event.extra.value(u"portCode"_s).toString() == "DEPOT"_L1 ? u"EMPTY_RETURNED"_s : u"GATE_IN"_s;
    return codes.value(event.code, event.code);
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

} // namespace

EnvaseRoutes::EnvaseRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario)
    : QObject(&http), m_clock(clock), m_scenario(scenario), m_network(new QNetworkAccessManager(this))
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &EnvaseRoutes::deliverDue);
}

EnvaseRoutes *EnvaseRoutes::install(QHttpServer &http, const SimClock &clock, const Scenario &scenario)
{
    auto *routes = new EnvaseRoutes(http, clock, scenario);
    routes->addRoutes(http);
    return routes;
}

void EnvaseRoutes::addRoutes(QHttpServer &http)
{
    http.route(u"/api/events"_s, Method::Post, [this](const QHttpServerRequest &request) {
        QString problem;
        const int status = receive(request.body(), &problem);
        return jsonReply(problem.isEmpty() ? QJsonObject{{u"status"_s, u"accepted"_s}}
                                           : QJsonObject{{u"error"_s, problem}},
                         Status(status));
    });
    http.route(u"/_sim/envase/webhook"_s, Method::Post, [this](const QHttpServerRequest &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        m_webhook = QUrl(body.value(u"uri"_s).toString());
        m_token = body.value(u"token"_s).toString().toUtf8();
        return jsonReply(QJsonObject{{u"uri"_s, m_webhook.toString()}});
    });
    http.route(u"/_sim/envase"_s, Method::Get, [this](const QHttpServerRequest &) { return jsonReply(statsJson()); });
}

int EnvaseRoutes::receive(const QByteArray &body, QString *problem)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        *problem = u"the body is not a JSON object"_s;
        return 400;
    }
    const QJsonObject event = document.object();
    *problem = checkEvent(event);
    if (!problem->isEmpty())
        return 400;
    m_received.append(event);
    const QJsonObject payload = event.value(u"payload"_s).toObject();
    const QString number = payload.value(u"id"_s).toString().toUpper();
    Publication &publication = m_publications[number];
    if (event.value(u"action"_s).toString() == "TRACE_CANCELLED"_L1) {
        publication.active = false;
        return 202;
    }
    publication.providerId = payload.value(u"providerId"_s).toString();
    publication.active = true;
    ++publication.published;
    m_poll.start();
    QTimer::singleShot(0, this, &EnvaseRoutes::deliverDue); // publishing traces at once
    return 202;
}

QJsonObject EnvaseRoutes::statsJson() const
{
    QJsonObject published;
    for (auto it = m_publications.cbegin(); it != m_publications.cend(); ++it)
        published.insert(
            it.key(),
            QJsonObject{{u"published"_s, it->published}, {u"active"_s, it->active}, {u"providerId"_s, it->providerId}});
    return QJsonObject{{u"received"_s, m_received},
                       {u"publications"_s, published},
                       {u"callbacksSent"_s, m_callbacksSent},
                       {u"callbacksAccepted"_s, m_callbacksAccepted},
                       {u"callbacksRefused"_s, m_callbacksRefused}};
}

void EnvaseRoutes::deliverDue()
{
    if (!m_webhook.isValid() || m_webhook.isEmpty())
        return;
    const QDateTime now = m_clock.now();
    for (auto it = m_publications.begin(); it != m_publications.end(); ++it) {
        if (!it->active)
            continue;
        QJsonArray events;
        const QList<SimPortEvent> timeline = PortConnectRoutes::timeline(m_scenario, it.key(), m_clock);
        for (const SimPortEvent &event : timeline) {
            const QString key = event.code + event.at.toString(Qt::ISODateWithMs) + event.visitId;
            if (event.at > now || it->sent.contains(key))
                continue;
            it->sent.insert(key);
            QJsonObject data{{u"visit"_s, event.visitId}};
            if (event.code == "LFTCHANGED"_L1)
                data.insert(u"lfd"_s, event.extra.value(u"lastFreeTime"_s));
            events.append(QJsonObject{{u"code"_s, envaseCode(event)},
                                      {u"eventDate"_s, event.at.toString(Qt::ISODateWithMs)},
                                      {u"location"_s, it->providerId},
                                      {u"data"_s, data}});
        }
        if (events.isEmpty())
            continue;
        const QJsonObject result{
            {u"type"_s, u"CONTAINER"_s},
            {u"action"_s, u"TRACE_RESULT"_s},
            {u"payload"_s, QJsonObject{{u"containerNumber"_s, it.key()},
                                       {u"providerId"_s, it->providerId},
                                       {u"tracedAt"_s, now.toString(Qt::ISODateWithMs)},
                                       {u"nextTraceAt"_s, now.addSecs(6 * 3600).toString(Qt::ISODateWithMs)},
                                       {u"events"_s, events}}}};
        QNetworkRequest request(m_webhook);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        ++m_callbacksSent;
        QNetworkReply *reply = m_network->post(request, QJsonDocument(result).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++(status == 200 ? m_callbacksAccepted : m_callbacksRefused);
            reply->deleteLater();
        });
    }
}
