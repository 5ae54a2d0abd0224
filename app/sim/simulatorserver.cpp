#include "simulatorserver.h"

#include "simhost.h"

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

#include <optional>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSim, "quaywatch.sim")

namespace {

using Method = QHttpServerRequest::Method;

PlannedReply json(int status, QByteArray body)
{
    return PlannedReply::json(status, std::move(body));
}

PlannedReply json(const QJsonDocument &document, int status = 200)
{
    return PlannedReply::json(document, status);
}

} // namespace

struct SimulatorServer::Private final : SimHost
{
    SimulatorServer *q = nullptr;
    QHttpServer httpServer;
    Scenario playedScenario;
    SimulatorOptions options;
    SimClock simClock;
    SimStats counters;
    int inFlight = 0;
    quint64 dataRequests = 0;
    QRandomGenerator random;
    quint16 port = 0;

    Private(SimulatorServer *owner, Scenario s, SimulatorOptions o)
        : q(owner), playedScenario(std::move(s)), options(std::move(o)), simClock(options.startUtc, options.speed),
          random(options.faultSeed)
    {}

    QHttpServer &http() override { return httpServer; }
    const SimClock &clock() const override { return simClock; }
    const Scenario &scenario() const override { return playedScenario; }
    const QHash<QString, QString> &users() const override { return options.users; }
    bool anyValid() const override { return options.anyValid; }
    const FaultSettings &faults() const override { return options.faults; }
    SimStats &stats() override { return counters; }
    std::optional<PlannedReply> plannedFault(quint64 *requestNumber) override;
    void deliver(QHttpServerResponder &&responder, PlannedReply reply, bool counted) override;

    void addRoutes();
    void addControlRoutes();
    static void writeReply(QHttpServerResponder &responder, const PlannedReply &reply, const QByteArray &firstChunk);
    void trickle(const std::shared_ptr<QHttpServerResponder> &responder, const QPointer<QTcpSocket> &socket,
                 const QByteArray &rest, int chunkMs, int chunkSize, bool counted);
    void finished(bool counted);

    PlannedReply setFaults(const QHttpServerRequest &request);
    PlannedReply advance(const QHttpServerRequest &request);
    PlannedReply time() const;
    PlannedReply containers() const;
};

void SimulatorServer::Private::addRoutes()
{
    addControlRoutes();
    installProviderSims(*this);
    httpServer.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(QByteArray(), "text/plain", QHttpServerResponder::StatusCode::NotFound);
    });
}

void SimulatorServer::Private::addControlRoutes()
{
    httpServer.route(u"/_sim/stats"_s, Method::Get,
                     [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                         const PlannedReply reply = json(QJsonDocument(counters.toJson()));
                         writeReply(responder, reply, reply.body);
                     });
    httpServer.route(u"/_sim/reset-stats"_s, Method::Post,
                     [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                         counters = {};
                         const PlannedReply reply = json(QJsonDocument(counters.toJson()));
                         writeReply(responder, reply, reply.body);
                     });
    httpServer.route(u"/_sim/advance"_s, Method::Post,
                     [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                         const PlannedReply reply = advance(request);
                         writeReply(responder, reply, reply.body);
                     });
    httpServer.route(u"/_sim/time"_s, Method::Get,
                     [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                         const PlannedReply reply = time();
                         writeReply(responder, reply, reply.body);
                     });
    httpServer.route(u"/_sim/containers"_s, Method::Get,
                     [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                         const PlannedReply reply = containers();
                         writeReply(responder, reply, reply.body);
                     });
    httpServer.route(u"/_sim/faults"_s, Method::Post | Method::Get,
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
        counters.maxInFlight = qMax(counters.maxInFlight, inFlight);
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

void SimulatorServer::Private::trickle(const std::shared_ptr<QHttpServerResponder> &responder,
                                       const QPointer<QTcpSocket> &socket, const QByteArray &rest, int chunkMs,
                                       int chunkSize, bool counted)
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

std::optional<PlannedReply> SimulatorServer::Private::plannedFault(quint64 *requestNumber)
{
    *requestNumber = ++dataRequests;
    const FaultSettings &faults = options.faults;
    if (faults.dropRate > 0 && random.generateDouble() < faults.dropRate) {
        ++counters.dropped;
        PlannedReply reply;
        reply.drop = true;
        return reply;
    }
    if (faults.rateLimitEvery > 0 && *requestNumber % quint64(faults.rateLimitEvery) == 0) {
        ++counters.rateLimited;
        PlannedReply reply = json(429, R"({"status":429,"title":"Too Many Requests"})");
        reply.headers.append({"Retry-After", QByteArray::number(faults.retryAfterSeconds)});
        return reply;
    }
    if (faults.errorRate > 0 && random.generateDouble() < faults.errorRate) {
        ++counters.errors500;
        return PlannedReply{500, "Internal Server Error", "text/plain", {}, false};
    }
    return std::nullopt;
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
    simClock.advanceHours(hours.toDouble());
    return time();
}

PlannedReply SimulatorServer::Private::time() const
{
    return json(QJsonDocument(QJsonObject{{u"now"_s, simClock.now().toString(Qt::ISODateWithMs)},
                                          {u"start"_s, simClock.startUtc().toString(Qt::ISODateWithMs)},
                                          {u"hours"_s, simClock.hoursSinceStart()},
                                          {u"speed"_s, simClock.speed()}}));
}

PlannedReply SimulatorServer::Private::containers() const
{
    QJsonArray list;
    for (const SimContainer &container : playedScenario.containers())
        list.append(QJsonObject{{u"number"_s, container.number},
                                {u"site"_s, container.site},
                                {u"trucking_company_code"_s, container.visit.truckerCode}});
    return json(QJsonDocument(list));
}

SimulatorServer::SimulatorServer(Scenario scenario, SimulatorOptions options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, std::move(scenario), std::move(options)))
{
    d->addRoutes();
}

SimulatorServer::~SimulatorServer() = default;

Result<quint16> SimulatorServer::listen(quint16 port)
{
    const quint16 bound = d->httpServer.listen(QHostAddress::LocalHost, port);
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
    return d->simClock;
}

void SimulatorServer::advanceHours(double hours)
{
    d->simClock.advanceHours(hours);
}

SimStats SimulatorServer::stats() const
{
    return d->counters;
}

void SimulatorServer::resetStats()
{
    d->counters = {};
}

FaultSettings SimulatorServer::faults() const
{
    return d->options.faults;
}

void SimulatorServer::setFaults(const FaultSettings &faults)
{
    d->options.faults = faults;
}
