#include "portsamericaroutes.h"

#include "containernumber.h"
#include "orderedjson.h"
#include "portsamericapayloads.h"
#include "scenariogenerator.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

using Method = QHttpServerRequest::Method;

QByteArray validationError(const QString &field, const QString &message)
{
    const QByteArray errors =
        OrderedJsonObject().addRaw(field, OrderedJsonObject::array({OrderedJsonObject::quoted(message)})).toJson();
    return OrderedJsonObject()
        .add(u"type"_s, "https://tools.ietf.org/html/rfc7231#section-6.5.1")
        .add(u"title"_s, "One or more validation errors occurred.")
        .add(u"status"_s, 400)
        .add(u"traceId"_s, "|db29943f-4b25c217d5688bcb.3.d9a8d5d3_")
        .addRaw(u"errors"_s, errors)
        .toJson();
}

// A date the client sent; without an offset it is the site's local time, like the provider's own.
QDateTime parseClientTime(const QJsonValue &value, const QString &site)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), QTimeZone(ScenarioGenerator::timeZoneOfSite(site).toUtf8()));
    return time.toUTC();
}

} // namespace

void installProviderSim_portsamerica(SimHost &host)
{
    PortsAmericaRoutes::install(host);
}

PortsAmericaRoutes *PortsAmericaRoutes::install(SimHost &host)
{
    auto *routes = new PortsAmericaRoutes(host);
    routes->addRoutes();
    return routes;
}

PortsAmericaRoutes::PortsAmericaRoutes(SimHost &host) : QObject(&host.http()), m_host(host)
{
    m_truckerCodes = {u"PFCH"_s, u"BYDR"_s, u"HFLX"_s};
    for (const SimContainer &container : host.scenario().containers()) {
        m_truckerCodes.insert(container.visit.truckerCode.toUpper());
        for (const SimGateVisit &visit : container.earlierVisits)
            m_truckerCodes.insert(visit.truckerCode.toUpper());
    }
}

void PortsAmericaRoutes::addRoutes()
{
    QHttpServer &http = m_host.http();
    http.route(u"/api/Auth/GetToken"_s, Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   m_host.deliver(std::move(responder), planToken(request), false);
               });
    http.route(u"/api/ImportContainer/ContainerAvailability"_s, Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   m_host.deliver(std::move(responder), planAvailability(request), true);
               });
    http.route(u"/api/GateActivity/GateTransaction"_s, Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   m_host.deliver(std::move(responder), planGate(request), true);
               });
}

PlannedReply PortsAmericaRoutes::planToken(const QHttpServerRequest &request)
{
    ++m_host.stats().tokenRequests;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (!body.value(u"username"_s).isString() || !body.value(u"password"_s).isString())
        return PlannedReply::json(415, PortsAmericaPayloads::unsupportedMediaType());
    const QString user = body.value(u"username"_s).toString();
    const auto it = m_host.users().constFind(user);
    if (it == m_host.users().constEnd() || *it != body.value(u"password"_s).toString())
        return PlannedReply::json(400, PortsAmericaPayloads::badCredentials());
    const QByteArray token = QUuid::createUuid().toByteArray(QUuid::Id128);
    m_tokens[token].start();
    return PlannedReply::json(200, PortsAmericaPayloads::token(user, QString::fromLatin1(token)));
}

bool PortsAmericaRoutes::authorized(const QHttpServerRequest &request)
{
    const QByteArray authorization = simRequestHeader(request, "Authorization");
    const auto it =
        authorization.startsWith("Bearer ") ? m_tokens.constFind(authorization.mid(7).trimmed()) : m_tokens.constEnd();
    const int lifetime = m_host.faults().tokenLifetimeSeconds;
    if (it != m_tokens.constEnd() && (lifetime <= 0 || it->elapsed() < qint64(lifetime) * 1000))
        return true;
    ++m_host.stats().rejected401;
    return false;
}

const SimContainer *PortsAmericaRoutes::lookup(const QString &number, const QString &site, SimContainer &derived) const
{
    if (!ContainerNumber::isValid(number))
        return nullptr;
    if (const SimContainer *known = m_host.scenario().find(number))
        return known->site == site ? known : nullptr;
    if (!m_host.anyValid() || !ScenarioGenerator::siteIds().contains(site))
        return nullptr;
    derived = ScenarioGenerator::deriveFromNumber(number, site);
    return &derived;
}

void PortsAmericaRoutes::countContainers(qsizetype count)
{
    SimStats &stats = m_host.stats();
    stats.containersRequested += int(count);
    stats.maxContainersPerRequest = qMax(stats.maxContainersPerRequest, int(count));
}

PlannedReply PortsAmericaRoutes::malformed(PlannedReply reply)
{
    ++m_host.stats().malformed;
    // Cut the body mid-way, the way a broken proxy or a crashed backend would.
    reply.body = reply.body.left(qMax<qsizetype>(1, reply.body.size() / 2));
    return reply;
}

bool PortsAmericaRoutes::malformedTurn(quint64 requestNumber) const
{
    const int every = m_host.faults().malformedEvery;
    return every > 0 && requestNumber % quint64(every) == 0;
}

PlannedReply PortsAmericaRoutes::planAvailability(const QHttpServerRequest &request)
{
    ++m_host.stats().availabilityRequests;
    quint64 requestNumber = 0;
    if (auto fault = m_host.plannedFault(&requestNumber))
        return *fault;
    if (!authorized(request))
        return {401, PortsAmericaPayloads::unauthorized(), "text/plain", {}, false};
    const QString site = QString::fromUtf8(simRequestHeader(request, "SiteId"));
    if (site.isEmpty())
        return PlannedReply::json(400, PortsAmericaPayloads::missingSiteId());
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isArray())
        return PlannedReply::json(
            400, validationError(u"$"_s, u"The JSON value could not be converted to a list of containers."_s));
    const QJsonArray requested = document.array();
    countContainers(requested.size());
    const SimClock &clock = m_host.clock();
    const PortsAmericaPayloads::TimePoint now{clock.startUtc(), clock.hoursSinceStart()};
    QList<QByteArray> elements;
    bool breakIt = malformedTurn(requestNumber);
    for (const QJsonValue value : requested) {
        const QString number = value[u"containerNumber"_s].toString().trimmed().toUpper();
        breakIt = breakIt || m_host.faults().malformedContainers.contains(number);
        SimContainer derived;
        const SimContainer *container = lookup(number, site, derived);
        elements.append(container ? PortsAmericaPayloads::availability(*container, now)
                                  : PortsAmericaPayloads::availabilityNotFound(number));
    }
    const PlannedReply reply = PlannedReply::json(200, OrderedJsonObject::array(elements));
    return breakIt ? malformed(reply) : reply;
}

PlannedReply PortsAmericaRoutes::planGate(const QHttpServerRequest &request)
{
    ++m_host.stats().gateRequests;
    quint64 requestNumber = 0;
    if (auto fault = m_host.plannedFault(&requestNumber))
        return *fault;
    if (!authorized(request))
        return {401, PortsAmericaPayloads::unauthorized(), "text/plain", {}, false};
    const QString site = QString::fromUtf8(simRequestHeader(request, "SiteId"));
    if (site.isEmpty())
        return PlannedReply::json(400, PortsAmericaPayloads::missingSiteId());
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const bool noNumbers = !body.value(u"containerNumbers"_s).isArray();
    const QString trucker = body.value(u"truckingCompanyCode"_s).toString().trimmed();
    if (noNumbers || trucker.isEmpty())
        return PlannedReply::json(400, PortsAmericaPayloads::missingGateField(noNumbers, trucker.isEmpty()));
    const QJsonArray requested = body.value(u"containerNumbers"_s).toArray();
    countContainers(requested.size());
    const QDateTime from = parseClientTime(body.value(u"startDate"_s), site);
    const QDateTime to = parseClientTime(body.value(u"endDate"_s), site);
    const SimClock &clock = m_host.clock();
    const PortsAmericaPayloads::TimePoint now{clock.startUtc(), clock.hoursSinceStart()};
    const bool knownTrucker = m_truckerCodes.contains(trucker.toUpper());
    QList<QByteArray> rows;
    for (const QJsonValue value : requested) {
        const QString number = value.toString().trimmed().toUpper();
        SimContainer derived;
        const SimContainer *container = knownTrucker ? lookup(number, site, derived) : nullptr;
        const QList<QByteArray> moves =
            container ? PortsAmericaPayloads::gateMoves(*container, now, from, to) : QList<QByteArray>();
        rows += moves.isEmpty() ? QList<QByteArray>{PortsAmericaPayloads::gateNotFound(number)} : moves;
    }
    const PlannedReply reply = PlannedReply::json(200, OrderedJsonObject::array(rows));
    return malformedTurn(requestNumber) ? malformed(reply) : reply;
}
