#include "simulatorserver.h"

#include "containernumber.h"
#include "dockflowauthroutes.h"
#include "envaseroutes.h"
#include "orderedjson.h"
#include "portconnectroutes.h"
#include "portsamericapayloads.h"
#include "scenariogenerator.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QTimeZone>
#include <QUuid>

#include <optional>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSim, "quaywatch.sim")

namespace {

using Method = QHttpServerRequest::Method;

// An answer decided when the request arrives (the request object dies with the handler) and
// written later, after the injected latency.
struct PlannedReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool drop = false;
};

PlannedReply json(int status, QByteArray body)
{
    return {status, std::move(body), "application/json; charset=utf-8", {}, false};
}

PlannedReply json(const QJsonDocument &document, int status = 200)
{
    return json(status, document.toJson(QJsonDocument::Compact));
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second.trimmed();
    }
    return {};
}

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

struct SimulatorServer::Private
{
    SimulatorServer *q = nullptr;
    QHttpServer http;
    Scenario scenario;
    SimulatorOptions options;
    SimClock clock;
    QHash<QByteArray, QElapsedTimer> tokens;
    QSet<QString> truckerCodes;
    SimStats stats;
    int inFlight = 0;
    quint64 dataRequests = 0;
    QRandomGenerator random;
    quint16 port = 0;

    Private(SimulatorServer *owner, Scenario s, SimulatorOptions o)
        : q(owner), scenario(std::move(s)), options(std::move(o)), clock(options.startUtc, options.speed),
          random(options.faultSeed)
    {}

    void addRoutes();
    void addControlRoutes();
    void deliver(QHttpServerResponder &&responder, PlannedReply reply, bool counted);
    static void writeReply(QHttpServerResponder &responder, const PlannedReply &reply, const QByteArray &firstChunk);
    void trickle(std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket, QByteArray rest,
                 int chunkMs, int chunkSize, bool counted);
    void finished(bool counted);

    PlannedReply planToken(const QHttpServerRequest &request);
    std::optional<PlannedReply> plannedFault(quint64 requestNumber);
    bool authorized(const QHttpServerRequest &request);
    PlannedReply planAvailability(const QHttpServerRequest &request);
    PlannedReply planGate(const QHttpServerRequest &request);
    const SimContainer *lookup(const QString &number, const QString &site, SimContainer &derived) const;
    void countContainers(qsizetype count);
    PlannedReply malformed(PlannedReply reply);
    PlannedReply setFaults(const QHttpServerRequest &request);
    PlannedReply advance(const QHttpServerRequest &request);
    PlannedReply time() const;
    PlannedReply containers() const;
};

void SimulatorServer::Private::addRoutes()
{
    http.route(u"/api/Auth/GetToken"_s, Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   deliver(std::move(responder), planToken(request), false);
               });
    http.route(u"/api/ImportContainer/ContainerAvailability"_s, Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   deliver(std::move(responder), planAvailability(request), true);
               });
    http.route(u"/api/GateActivity/GateTransaction"_s, Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   deliver(std::move(responder), planGate(request), true);
               });
    addControlRoutes();
    DockflowAuthRoutes::install(http, options.users);
    PortConnectRoutes::install(http, clock, scenario);
    EnvaseRoutes::install(http, clock, scenario);
    http.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(QByteArray(), "text/plain", QHttpServerResponder::StatusCode::NotFound);
    });
}

void SimulatorServer::Private::addControlRoutes()
{
    http.route(u"/_sim/stats"_s, Method::Get, [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        const PlannedReply reply = json(QJsonDocument(stats.toJson()));
        writeReply(responder, reply, reply.body);
    });
    http.route(u"/_sim/reset-stats"_s, Method::Post,
               [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                   stats = {};
                   const PlannedReply reply = json(QJsonDocument(stats.toJson()));
                   writeReply(responder, reply, reply.body);
               });
    http.route(u"/_sim/advance"_s, Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   const PlannedReply reply = advance(request);
                   writeReply(responder, reply, reply.body);
               });
    http.route(u"/_sim/time"_s, Method::Get, [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        const PlannedReply reply = time();
        writeReply(responder, reply, reply.body);
    });
    http.route(u"/_sim/containers"_s, Method::Get,
               [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                   const PlannedReply reply = containers();
                   writeReply(responder, reply, reply.body);
               });
    http.route(u"/_sim/faults"_s, Method::Post | Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   const PlannedReply reply = setFaults(request);
                   writeReply(responder, reply, reply.body);
               });
}

// Writes status line, headers and the first part of the body; the rest may follow later.
void SimulatorServer::Private::writeReply(QHttpServerResponder &responder, const PlannedReply &reply,
                                          const QByteArray &firstChunk)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    for (const auto &pair : reply.headers)
        responder.writeHeader(pair.first, pair.second);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(firstChunk.isEmpty() ? reply.body : firstChunk);
}

void SimulatorServer::Private::deliver(QHttpServerResponder &&responder, PlannedReply reply, bool counted)
{
    if (counted) {
        ++inFlight;
        stats.maxInFlight = qMax(stats.maxInFlight, inFlight);
    }
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = shared->socket();
    const int slowMs = options.faults.slowBodyMs;
    auto send = [this, shared, socket, reply, counted, slowMs] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
            finished(counted);
            return;
        }
        if (reply.drop) {
            socket->abort();
            finished(counted);
            return;
        }
        if (slowMs <= 0 || reply.body.size() < 2) {
            writeReply(*shared, reply, reply.body);
            finished(counted);
            return;
        }
        const int chunks = int(qMin<qsizetype>(10, reply.body.size()));
        const int chunkSize = int((reply.body.size() + chunks - 1) / chunks);
        writeReply(*shared, reply, reply.body.left(chunkSize));
        trickle(shared, socket, reply.body.mid(chunkSize), qMax(1, slowMs / chunks), chunkSize, counted);
    };
    if (options.faults.latencyMs > 0)
        QTimer::singleShot(options.faults.latencyMs, q, send);
    else
        send();
}

void SimulatorServer::Private::trickle(std::shared_ptr<QHttpServerResponder> responder, QPointer<QTcpSocket> socket,
                                       QByteArray rest, int chunkMs, int chunkSize, bool counted)
{
    QTimer::singleShot(chunkMs, q, [this, responder, socket, rest, chunkMs, chunkSize, counted] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState || rest.isEmpty()) {
            finished(counted);
            return;
        }
        responder->writeBody(rest.left(chunkSize));
        trickle(responder, socket, rest.mid(chunkSize), chunkMs, chunkSize, counted);
    });
}

void SimulatorServer::Private::finished(bool counted)
{
    if (counted)
        --inFlight;
}

PlannedReply SimulatorServer::Private::planToken(const QHttpServerRequest &request)
{
    ++stats.tokenRequests;
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (!body.value(u"username"_s).isString() || !body.value(u"password"_s).isString())
        return json(415, PortsAmericaPayloads::unsupportedMediaType());
    const QString user = body.value(u"username"_s).toString();
    const auto it = options.users.constFind(user);
    if (it == options.users.constEnd() || *it != body.value(u"password"_s).toString())
        return json(400, PortsAmericaPayloads::badCredentials());
    const QByteArray token = QUuid::createUuid().toByteArray(QUuid::Id128);
    tokens[token].start();
    return json(200, PortsAmericaPayloads::token(user, QString::fromLatin1(token)));
}

std::optional<PlannedReply> SimulatorServer::Private::plannedFault(quint64 requestNumber)
{
    const FaultSettings &faults = options.faults;
    if (faults.dropRate > 0 && random.generateDouble() < faults.dropRate) {
        ++stats.dropped;
        PlannedReply reply;
        reply.drop = true;
        return reply;
    }
    if (faults.rateLimitEvery > 0 && requestNumber % quint64(faults.rateLimitEvery) == 0) {
        ++stats.rateLimited;
        PlannedReply reply = json(429, R"({"status":429,"title":"Too Many Requests"})");
        reply.headers.append({"Retry-After", QByteArray::number(faults.retryAfterSeconds)});
        return reply;
    }
    if (faults.errorRate > 0 && random.generateDouble() < faults.errorRate) {
        ++stats.errors500;
        return PlannedReply{500, "Internal Server Error", "text/plain", {}, false};
    }
    return std::nullopt;
}

bool SimulatorServer::Private::authorized(const QHttpServerRequest &request)
{
    const QByteArray authorization = header(request, "Authorization");
    const auto it =
        authorization.startsWith("Bearer ") ? tokens.constFind(authorization.mid(7).trimmed()) : tokens.constEnd();
    const int lifetime = options.faults.tokenLifetimeSeconds;
    if (it != tokens.constEnd() && (lifetime <= 0 || it->elapsed() < qint64(lifetime) * 1000))
        return true;
    ++stats.rejected401;
    return false;
}

const SimContainer *SimulatorServer::Private::lookup(const QString &number, const QString &site,
                                                     SimContainer &derived) const
{
    if (!ContainerNumber::isValid(number))
        return nullptr;
    if (const SimContainer *known = scenario.find(number))
        return known->site == site ? known : nullptr;
    if (!options.anyValid || !ScenarioGenerator::siteIds().contains(site))
        return nullptr;
    derived = ScenarioGenerator::deriveFromNumber(number, site);
    return &derived;
}

void SimulatorServer::Private::countContainers(qsizetype count)
{
    stats.containersRequested += int(count);
    stats.maxContainersPerRequest = qMax(stats.maxContainersPerRequest, int(count));
}

PlannedReply SimulatorServer::Private::malformed(PlannedReply reply)
{
    ++stats.malformed;
    // Cut the body mid-way, the way a broken proxy or a crashed backend would.
    reply.body = reply.body.left(qMax<qsizetype>(1, reply.body.size() / 2));
    return reply;
}

PlannedReply SimulatorServer::Private::planAvailability(const QHttpServerRequest &request)
{
    ++stats.availabilityRequests;
    const quint64 requestNumber = ++dataRequests;
    if (auto fault = plannedFault(requestNumber))
        return *fault;
    if (!authorized(request))
        return {401, PortsAmericaPayloads::unauthorized(), "text/plain", {}, false};
    const QString site = QString::fromUtf8(header(request, "SiteId"));
    if (site.isEmpty())
        return json(400, PortsAmericaPayloads::missingSiteId());
    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    if (!document.isArray())
        return json(400, validationError(u"$"_s, u"The JSON value could not be converted to a list of containers."_s));
    const QJsonArray requested = document.array();
    countContainers(requested.size());
    const PortsAmericaPayloads::TimePoint now{clock.startUtc(), clock.hoursSinceStart()};
    QList<QByteArray> elements;
    bool breakIt = options.faults.malformedEvery > 0 && requestNumber % quint64(options.faults.malformedEvery) == 0;
    for (const QJsonValue &value : requested) {
        const QString number = value[u"containerNumber"_s].toString().trimmed().toUpper();
        breakIt = breakIt || options.faults.malformedContainers.contains(number);
        SimContainer derived;
        const SimContainer *container = lookup(number, site, derived);
        elements.append(container ? PortsAmericaPayloads::availability(*container, now)
                                  : PortsAmericaPayloads::availabilityNotFound(number));
    }
    const PlannedReply reply = json(200, OrderedJsonObject::array(elements));
    return breakIt ? malformed(reply) : reply;
}

PlannedReply SimulatorServer::Private::planGate(const QHttpServerRequest &request)
{
    ++stats.gateRequests;
    const quint64 requestNumber = ++dataRequests;
    if (auto fault = plannedFault(requestNumber))
        return *fault;
    if (!authorized(request))
        return {401, PortsAmericaPayloads::unauthorized(), "text/plain", {}, false};
    const QString site = QString::fromUtf8(header(request, "SiteId"));
    if (site.isEmpty())
        return json(400, PortsAmericaPayloads::missingSiteId());
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const bool noNumbers = !body.value(u"containerNumbers"_s).isArray();
    const QString trucker = body.value(u"truckingCompanyCode"_s).toString().trimmed();
    if (noNumbers || trucker.isEmpty())
        return json(400, PortsAmericaPayloads::missingGateField(noNumbers, trucker.isEmpty()));
    const QJsonArray requested = body.value(u"containerNumbers"_s).toArray();
    countContainers(requested.size());
    const QDateTime from = parseClientTime(body.value(u"startDate"_s), site);
    const QDateTime to = parseClientTime(body.value(u"endDate"_s), site);
    const PortsAmericaPayloads::TimePoint now{clock.startUtc(), clock.hoursSinceStart()};
    const bool knownTrucker = truckerCodes.contains(trucker.toUpper());
    QList<QByteArray> rows;
    for (const QJsonValue &value : requested) {
        const QString number = value.toString().trimmed().toUpper();
        SimContainer derived;
        const SimContainer *container = knownTrucker ? lookup(number, site, derived) : nullptr;
        const QList<QByteArray> moves =
            container ? PortsAmericaPayloads::gateMoves(*container, now, from, to) : QList<QByteArray>();
        rows += moves.isEmpty() ? QList<QByteArray>{PortsAmericaPayloads::gateNotFound(number)} : moves;
    }
    const bool breakIt =
        options.faults.malformedEvery > 0 && requestNumber % quint64(options.faults.malformedEvery) == 0;
    const PlannedReply reply = json(200, OrderedJsonObject::array(rows));
    return breakIt ? malformed(reply) : reply;
}

PlannedReply SimulatorServer::Private::setFaults(const QHttpServerRequest &request)
{
    if (request.method() == Method::Post) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body());
        const Result<void> applied = options.faults.apply(document.object());
        if (!document.isObject() || !applied)
            return json(QJsonDocument(QJsonObject{
                            {u"error"_s, applied ? u"body must be a JSON object"_s : applied.error().message}}),
                        400);
    }
    return json(QJsonDocument(options.faults.toJson()));
}

PlannedReply SimulatorServer::Private::advance(const QHttpServerRequest &request)
{
    const QJsonValue hours = QJsonDocument::fromJson(request.body()).object().value(u"hours"_s);
    if (!hours.isDouble())
        return json(QJsonDocument(QJsonObject{{u"error"_s, u"body must be {\"hours\": number}"_s}}), 400);
    clock.advanceHours(hours.toDouble());
    return time();
}

PlannedReply SimulatorServer::Private::time() const
{
    return json(QJsonDocument(QJsonObject{{u"now"_s, clock.now().toString(Qt::ISODateWithMs)},
                                          {u"start"_s, clock.startUtc().toString(Qt::ISODateWithMs)},
                                          {u"hours"_s, clock.hoursSinceStart()},
                                          {u"speed"_s, clock.speed()}}));
}

PlannedReply SimulatorServer::Private::containers() const
{
    QJsonArray list;
    for (const SimContainer &container : scenario.containers())
        list.append(QJsonObject{{u"number"_s, container.number},
                                {u"site"_s, container.site},
                                {u"trucking_company_code"_s, container.visit.truckerCode}});
    return json(QJsonDocument(list));
}

SimulatorServer::SimulatorServer(Scenario scenario, SimulatorOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, std::move(scenario), std::move(options)))
{
    d->truckerCodes = {u"PFCH"_s, u"BYDR"_s, u"HFLX"_s};
    for (const SimContainer &container : d->scenario.containers()) {
        d->truckerCodes.insert(container.visit.truckerCode.toUpper());
        for (const SimGateVisit &visit : container.earlierVisits)
            d->truckerCodes.insert(visit.truckerCode.toUpper());
    }
    d->addRoutes();
}

SimulatorServer::~SimulatorServer() = default;

Result<quint16> SimulatorServer::listen(quint16 port)
{
    const quint16 bound = d->http.listen(QHostAddress::LocalHost, port);
    if (bound == 0)
        return makeError(ErrorKind::Internal, u"cannot listen on 127.0.0.1:%1"_s.arg(port));
    d->port = bound;
    qCInfo(lcSim) << "listening on port" << bound;
    return bound;
}

QUrl SimulatorServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(d->port);
    return url;
}

const SimClock &SimulatorServer::clock() const
{
    return d->clock;
}

void SimulatorServer::advanceHours(double hours)
{
    d->clock.advanceHours(hours);
}

SimStats SimulatorServer::stats() const
{
    return d->stats;
}

void SimulatorServer::resetStats()
{
    d->stats = {};
}

FaultSettings SimulatorServer::faults() const
{
    return d->options.faults;
}

void SimulatorServer::setFaults(const FaultSettings &faults)
{
    d->options.faults = faults;
}
