#include "portconnectroutes.h"

#include "containernumber.h"
#include "scenariogenerator.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

using Method = QHttpServerRequest::Method;
using Status = QHttpServerResponder::StatusCode;

const QTimeZone newZealand("Pacific/Auckland");

QHttpServerResponse jsonReply(const QByteArray &body, Status status = Status::Ok)
{
    return QHttpServerResponse("application/json; charset=utf-8", body, status);
}

QByteArray errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

QByteArray requestHeader(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}

QDateTime at(const SimClock &clock, double hours)
{
    return clock.startUtc().addMSecs(qint64(hours * 3600.0 * 1000.0));
}

void addVisitEvents(QList<SimPortEvent> &events, const SimContainer &container, const SimClock &clock,
                    const QString &visitId)
{
    if (container.dischargeAt) {
        events.append({u"VESSELARRIVAL"_s, at(clock, *container.dischargeAt - 6), visitId, {}});
        events.append({u"DISCHARGE"_s, at(clock, *container.dischargeAt), visitId, {}});
    }
    if (container.availableAt)
        events.append({u"AVAILABLE"_s, at(clock, *container.availableAt), visitId, {}});
    for (const SimHold &hold : container.holds) {
        if (!hold.releasedAt)
            continue;
        const bool customs = hold.id.contains(u"Custom"_s, Qt::CaseInsensitive);
        events.append({customs ? u"CUSTOMSRELEASE"_s : u"MPIRELEASE"_s, at(clock, *hold.releasedAt), visitId, {}});
    }
    for (const SimLfdChange &change : container.lfdChanges) {
        const QDate lfd = clock.startUtc().toTimeZone(newZealand).date().addDays(change.days);
        events.append({u"LFTCHANGED"_s, at(clock, change.at), visitId,
                       QJsonObject{{u"lastFreeTime"_s, lfd.toString(Qt::ISODate)}}});
    }
}

} // namespace

PortConnectRoutes::PortConnectRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario)
    : QObject(&http), m_clock(clock), m_scenario(scenario), m_network(new QNetworkAccessManager(this))
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &PortConnectRoutes::deliverDue);
}

PortConnectRoutes *PortConnectRoutes::install(QHttpServer &http, const SimClock &clock, const Scenario &scenario)
{
    auto *routes = new PortConnectRoutes(http, clock, scenario);
    routes->addRoutes(http);
    return routes;
}

QList<SimPortEvent> PortConnectRoutes::timeline(const Scenario &scenario, const QString &number, const SimClock &clock)
{
    const SimContainer *known = scenario.find(number);
    const SimContainer container = known ? *known : ScenarioGenerator::deriveFromNumber(number, u"WBCT_LA"_s);
    QList<SimPortEvent> events;
    int visit = 1;
    for (const SimGateVisit &earlier : container.earlierVisits) {
        const QString visitId = u"%1-%2"_s.arg(number).arg(visit++);
        if (earlier.outgateAt)
            events.append({u"GATEOUT"_s, at(clock, *earlier.outgateAt), visitId, {}});
        if (earlier.emptyReturnAt)
            events.append(
                {u"GATEIN"_s, at(clock, *earlier.emptyReturnAt), visitId, QJsonObject{{u"portCode"_s, u"DEPOT"_s}}});
    }
    const QString current = u"%1-%2"_s.arg(number).arg(visit);
    addVisitEvents(events, container, clock, current);
    if (container.visit.outgateAt)
        events.append({u"GATEOUT"_s, at(clock, *container.visit.outgateAt), current, {}});
    if (container.visit.emptyReturnAt)
        events.append({u"GATEIN"_s, at(clock, *container.visit.emptyReturnAt), current,
                       QJsonObject{{u"portCode"_s, u"DEPOT"_s}}});
    std::stable_sort(events.begin(), events.end(),
                     [](const SimPortEvent &a, const SimPortEvent &b) { return a.at < b.at; });
    return events;
}

void PortConnectRoutes::addRoutes(QHttpServer &http)
{
    for (int version : {1, 2}) {
        const QString base = u"/v%1/subscriptions"_s.arg(version);
        http.route(base, Method::Post, [this, version](const QHttpServerRequest &request) {
            int status = 201;
            const QByteArray body = create(request, version, &status);
            return jsonReply(body, Status(status));
        });
        http.route(base, Method::Get, [this](const QHttpServerRequest &request) {
            if (requestHeader(request, "Ocp-Apim-Subscription-Key").isEmpty())
                return jsonReply(errorBody(u"missing subscription key"_s), Status::Unauthorized);
            return jsonReply(listSubscriptions());
        });
        http.route(base + u"/containers/<arg>"_s, Method::Delete,
                   [this](const QString &number, const QHttpServerRequest &) {
                       return jsonReply({}, removeNumber({}, number) ? Status::NoContent : Status::NotFound);
                   });
        http.route(base + u"/<arg>/containers/<arg>"_s, Method::Delete,
                   [this](const QString &id, const QString &number, const QHttpServerRequest &) {
                       return jsonReply({}, removeNumber(id, number) ? Status::NoContent : Status::NotFound);
                   });
    }
    http.route(u"/_sim/portconnect"_s, Method::Get, [this](const QHttpServerRequest &) {
        return jsonReply(QJsonDocument(statsJson()).toJson(QJsonDocument::Compact));
    });
}

QByteArray PortConnectRoutes::create(const QHttpServerRequest &request, int version, int *status)
{
    ++m_createRequests;
    const QByteArray key = requestHeader(request, "Ocp-Apim-Subscription-Key");
    if (key.isEmpty() || key == "invalid") {
        *status = 401;
        return errorBody(u"Access denied due to invalid subscription key."_s);
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const bool booking = body.contains(u"bookingNumbers"_s);
    const QJsonArray numbers = body.value(booking ? u"bookingNumbers"_s : u"containerNumbers"_s).toArray();
    QStringList codes;
    if (version == 1)
        codes.append(body.value(u"containerVisitEventTypeCode"_s).toString());
    else
        for (const QJsonValue &code : body.value(u"containerVisitEventTypeCodes"_s).toArray())
            codes.append(code.toString());
    const QString port = body.value(u"portCode"_s).toString();
    const QString category = body.value(u"categoryCode"_s).toString();
    const QString reference = body.value(u"userDefinedReference"_s).toString();
    QString problem;
    if (numbers.isEmpty() || numbers.size() > 10)
        problem = u"between 1 and 10 numbers per request"_s;
    else if (codes.isEmpty() || codes.contains(QString()) || (version == 1 && codes.contains(u"ALL"_s)))
        problem = u"invalid containerVisitEventTypeCode"_s;
    else if (!QStringList{u"NZAKL"_s, u"NZTRG"_s, u"NZTIU"_s, u"NZLYT"_s, u"DEPOT"_s, u"ALL"_s}.contains(port))
        problem = u"invalid portCode"_s;
    else if (!QStringList{u"IMPORT"_s, u"EXPORT"_s, u"TRANSHIPMENT"_s, u"DOMESTIC"_s, u"STORAGE"_s}.contains(category))
        problem = u"invalid categoryCode"_s;
    else if (reference.size() > 50)
        problem = u"userDefinedReference longer than 50 characters"_s;
    if (!problem.isEmpty()) {
        *status = 400;
        return errorBody(problem);
    }
    const QJsonObject callback = body.value(u"callback"_s).toObject();
    const QString id = u"sub-%1"_s.arg(m_nextId++);
    QJsonArray accepted;
    for (const QJsonValue &value : numbers) {
        const QString number = value.toString().toUpper();
        // A new subscription for the same number overwrites the old one, reference included.
        m_subscriptions.removeIf([&number](const Subscription &s) { return s.number == number; });
        Subscription subscription{id,
                                  number,
                                  version,
                                  codes,
                                  port,
                                  category,
                                  callback.value(u"uri"_s).toString(),
                                  callback.value(u"token"_s).toString().toUtf8(),
                                  reference,
                                  m_clock.now().addDays(90),
                                  {}};
        m_subscriptions.append(subscription);
        accepted.append(
            QJsonObject{{u"number"_s, number}, {u"expiryDate"_s, subscription.expiresAt.toString(Qt::ISODateWithMs)}});
    }
    m_poll.start();
    QTimer::singleShot(0, this, &PortConnectRoutes::deliverDue); // the initial callback
    return QJsonDocument(QJsonObject{{u"subscriptionId"_s, id}, {u"containers"_s, accepted}})
        .toJson(QJsonDocument::Compact);
}

QByteArray PortConnectRoutes::listSubscriptions() const
{
    QJsonArray list;
    for (const Subscription &s : m_subscriptions) {
        list.append(QJsonObject{{u"subscriptionId"_s, s.id},
                                {u"containerNumber"_s, s.number},
                                {u"containerVisitEventTypeCodes"_s, QJsonArray::fromStringList(s.codes)},
                                {u"portCode"_s, s.port},
                                {u"categoryCode"_s, s.category},
                                {u"userDefinedReference"_s, s.reference},
                                {u"expiryDate"_s, s.expiresAt.toString(Qt::ISODateWithMs)}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

bool PortConnectRoutes::removeNumber(const QString &subscriptionId, const QString &number)
{
    return m_subscriptions.removeIf([&](const Subscription &s) {
        return s.number == number.toUpper() && (subscriptionId.isEmpty() || s.id == subscriptionId);
    }) > 0;
}

QJsonObject PortConnectRoutes::statsJson() const
{
    return QJsonObject{{u"createRequests"_s, m_createRequests},
                       {u"subscriptions"_s, QJsonDocument::fromJson(listSubscriptions()).array()},
                       {u"callbacksSent"_s, m_callbacksSent},
                       {u"callbacksAccepted"_s, m_callbacksAccepted},
                       {u"callbacksRefused"_s, m_callbacksRefused}};
}

void PortConnectRoutes::deliverDue()
{
    const QDateTime now = m_clock.now();
    for (Subscription &s : m_subscriptions) {
        if (s.callbackUri.isEmpty() || now >= s.expiresAt)
            continue;
        QJsonArray payload;
        const QList<SimPortEvent> events = timeline(m_scenario, s.number, m_clock);
        for (const SimPortEvent &event : events) {
            const QString key = event.code + event.at.toString(Qt::ISODateWithMs) + event.visitId;
            if (event.at > now || s.sent.contains(key))
                continue;
            if (!s.codes.contains(u"ALL"_s) && !s.codes.contains(event.code))
                continue;
            s.sent.insert(key);
            QJsonObject element{
                {u"containerNumber"_s, s.number},
                {u"containerVisitEventTypeCode"_s, event.code},
                {u"containerVisitEventDatetime"_s, event.at.toTimeZone(newZealand).toString(Qt::ISODate)},
                {u"userDefinedReference"_s, s.reference},
                {u"containerVisitId"_s, event.visitId},
                {u"portCode"_s, s.port == "ALL"_L1 ? u"NZAKL"_s : s.port},
                {u"categoryCode"_s, s.category}};
            for (auto it = event.extra.constBegin(); it != event.extra.constEnd(); ++it)
                element.insert(it.key(), it.value());
            payload.append(element);
        }
        if (payload.isEmpty())
            continue;
        QNetworkRequest request{QUrl(s.callbackUri)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("X-Webhook-Token", s.token);
        ++m_callbacksSent;
        QNetworkReply *reply = m_network->post(request, QJsonDocument(payload).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++(status == 200 ? m_callbacksAccepted : m_callbacksRefused);
            reply->deleteLater();
        });
    }
}
