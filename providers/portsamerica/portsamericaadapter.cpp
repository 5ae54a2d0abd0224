#include "portsamericaadapter.h"

#include "clock.h"
#include "connectionrecord.h"
#include "httppolicy.h"
#include "jsonqueryjob.h"
#include "portsamericalogging.h"
#include "portsamericamapper.h"
#include "portsamericasites.h"
#include "tokenrequestjob.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <deque>

using namespace Qt::Literals::StringLiterals;

namespace {

enum class QueryKind
{
    Availability,
    GateTransaction
};

QString queryName(QueryKind kind)
{
    return kind == QueryKind::Availability ? u"container availability"_s : u"gate transaction"_s;
}

QUrl endpoint(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    return url;
}

// The documented error answers of a query, in words a user can act on.
Error queryError(const HttpResult &result, QueryKind kind)
{
    const QString said = HttpPolicy::providerMessage(result.body);
    if (result.statusCode == 401)
        return makeError(ErrorKind::BadCredentials,
                         u"Ports America refused the access token even after a new one was fetched (HTTP 401)"_s);
    if (result.statusCode == 400 && said.contains(u"SiteId"_s, Qt::CaseInsensitive))
        return makeError(ErrorKind::InvalidInput, u"Ports America needs a site id (SiteId header): %1"_s.arg(said));
    if (result.statusCode == 400)
        return makeError(ErrorKind::InvalidInput, u"Ports America refused the %1 request: %2"_s.arg(
                                                      queryName(kind), said.isEmpty() ? u"HTTP 400"_s : said));
    return result.error;
}

// How far before it was added (its first trace) a container's outgate may lie when its discharge
// time is unknown. A container comes back to the same terminal weeks later at the earliest, so a
// Full Out older than this belongs to an earlier visit; a few days still catch a container added
// just after it left.
constexpr int unknownVisitLookbackDays = 7;

// Where the container's current visit began: gate moves before it belong to an earlier visit. The
// visit starts at its discharge: this trace's availability answer's, else the stored snapshot's (the
// later of the two when both are known, a new discharge being a new visit). A gate move after it is
// this visit's whatever the availability answer says about the yard: the terminal's availability
// can lag its gate (mapper: markYardListingConflict). Without a discharge time, a short window
// before the container was added (its first trace); in either case the mapper takes the visit's
// first "Full Out" after the start and the "Empty In" after it, which closes the visit.
QDateTime visitStart(const WatchEntry &entry, const QList<Observation> &availability, const QDateTime &now)
{
    QDateTime discharged = entry.snapshot.dischargedAt.isValid() ? entry.snapshot.dischargedAt.toUTC() : QDateTime();
    for (const Observation &observation : availability) {
        if (observation.notFound || !observation.dischargedAt || !observation.dischargedAt->isValid())
            continue;
        const QDateTime reported = observation.dischargedAt->toUTC();
        if (!discharged.isValid() || reported > discharged)
            discharged = reported;
    }
    if (discharged.isValid())
        return discharged;
    return (entry.addedAt.isValid() ? entry.addedAt.toUTC() : now).addDays(-unknownVisitLookbackDays);
}

struct PlannedQuery
{
    QueryKind kind;
    QStringList numbers;
    QJsonDocument body;
};

// ContainerAvailability: every container, at most 50 per request.
QList<PlannedQuery> planAvailability(const QList<WatchEntry> &entries)
{
    QList<PlannedQuery> queries;
    for (qsizetype i = 0; i < entries.size(); i += PortsAmericaAdapter::batchLimitPerRequest) {
        PlannedQuery query{QueryKind::Availability, {}, {}};
        QJsonArray body;
        for (const WatchEntry &entry : entries.mid(i, PortsAmericaAdapter::batchLimitPerRequest)) {
            query.numbers.append(entry.containerNumber.toUpper());
            body.append(QJsonObject{{u"containerNumber"_s, query.numbers.last()}});
        }
        query.body = QJsonDocument(body);
        queries.append(query);
    }
    return queries;
}

// GateTransaction: only containers with a trucking company code, grouped by that code, at most 50
// per request, from the earliest visit start of the group.
QList<PlannedQuery> planGateTransactions(const QList<WatchEntry> &entries, const QHash<QString, QDateTime> &visitStarts)
{
    QStringList truckers;
    QHash<QString, QStringList> byTrucker;
    for (const WatchEntry &entry : entries) {
        const QString trucker = entry.providerData.value(u"truckingCompanyCode").toString().trimmed();
        if (trucker.isEmpty())
            continue;
        if (!byTrucker.contains(trucker))
            truckers.append(trucker);
        byTrucker[trucker].append(entry.containerNumber.toUpper());
    }
    QList<PlannedQuery> queries;
    for (const QString &trucker : std::as_const(truckers)) {
        const QStringList numbers = byTrucker.value(trucker);
        for (qsizetype i = 0; i < numbers.size(); i += PortsAmericaAdapter::batchLimitPerRequest) {
            const QStringList part = numbers.mid(i, PortsAmericaAdapter::batchLimitPerRequest);
            QDateTime earliest;
            for (const QString &number : part) {
                if (!earliest.isValid() || visitStarts.value(number) < earliest)
                    earliest = visitStarts.value(number);
            }
            const QJsonObject body{{u"containerNumbers"_s, QJsonArray::fromStringList(part)},
                                   {u"truckingCompanyCode"_s, trucker},
                                   {u"startDate"_s, earliest.toUTC().toString(Qt::ISODateWithMs)}};
            queries.append({QueryKind::GateTransaction, part, QJsonDocument(body)});
        }
    }
    return queries;
}

} // namespace

// One trace() call: what was asked, what came back so far, and who to tell when it is complete.
struct BatchRun
{
    TraceBatch batch;
    std::function<void(BatchTraceResult)> done;
    MappingContext context;
    QHash<QString, QDateTime> visitStarts;
    QHash<QString, QList<Observation>> observations; // by container number
    QHash<QString, Error> errors;                    // first error per container number
    QSet<QString> answered;                          // containers the availability answer mentioned
    QHash<QString, qsizetype> availabilityCount;     // observations per container before the gate phase
    QSet<QString> gateAsked;                         // containers a gate transaction request asked about
    QList<Error> requestErrors;
    bool gatePhaseStarted = false; // gate moves are asked after availability (see visitStart)
    int requests = 0;
    int pending = 0;
    int requestsMade = 0;
};

struct PortsAmericaAdapter::Private
{
    PortsAmericaAdapter *q;
    QNetworkAccessManager *network;
    PortsAmericaConfig config;
    const Clock *clock = nullptr; // the constructor's, never null
    QString token;
    bool tokenInFlight = false;
    std::shared_ptr<BatchRun> tokenInitiator;
    QList<std::function<void(Result<QString>)>> tokenWaiters;
    int activeRequests = 0;
    std::deque<std::function<void()>> waitingRequests;
    int requestsMade = 0;

    QDateTime now() const { return clock->now(); }
    HttpRequest baseRequest(const QString &path) const;
    void withToken(const std::shared_ptr<BatchRun> &initiator, std::function<void(Result<QString>)> callback);
    void onTokenFinished(const HttpResult &result, const QString &newToken);
    void acquireSlot(std::function<void()> start);
    void releaseSlot();
    void startQuery(const std::shared_ptr<BatchRun> &run, QueryKind kind, const QStringList &numbers,
                    const QJsonDocument &body);
    void sendQuery(const std::shared_ptr<BatchRun> &run, QueryKind kind, const QStringList &numbers,
                   const QJsonDocument &body, const QString &bearer, bool renewed);
    void onQueryFinished(const std::shared_ptr<BatchRun> &run, QueryKind kind, const QStringList &numbers,
                         const HttpResult &result);
    void failRequest(const std::shared_ptr<BatchRun> &run, const QStringList &numbers, const Error &error);
    void recordMapping(const std::shared_ptr<BatchRun> &run, QueryKind kind, const QStringList &numbers,
                       const PortsAmericaMapping &mapping);
    void requestDone(const std::shared_ptr<BatchRun> &run);
    bool startGatePhase(const std::shared_ptr<BatchRun> &run); // false when there is nothing to ask
    void complete(const std::shared_ptr<BatchRun> &run);
};

HttpRequest PortsAmericaAdapter::Private::baseRequest(const QString &path) const
{
    HttpRequest request;
    request.url = endpoint(config.baseUrl, path);
    request.deadlineMs = config.requestTimeoutMs;
    request.maxAttempts = std::max(1, config.maxAttempts);
    return request;
}

void PortsAmericaAdapter::Private::withToken(const std::shared_ptr<BatchRun> &initiator,
                                             std::function<void(Result<QString>)> callback)
{
    if (!token.isEmpty())
        return callback(token);
    tokenWaiters.append(std::move(callback));
    if (tokenInFlight)
        return; // one refresh at a time: everyone waits for the one under way
    tokenInFlight = true;
    tokenInitiator = initiator;
    auto *job = new TokenRequestJob(network, baseRequest(PortsAmerica::endpointPath(u"token"_s)), config.username,
                                    config.password, q);
    QObject::connect(job, &HttpJob::finished, q,
                     [this, job](const HttpResult &result) { onTokenFinished(result, job->token()); });
    qCDebug(lcPortsAmerica) << "fetching an access token";
    job->start();
}

void PortsAmericaAdapter::Private::onTokenFinished(const HttpResult &result, const QString &newToken)
{
    requestsMade += result.attempts;
    if (tokenInitiator)
        tokenInitiator->requestsMade += result.attempts;
    tokenInitiator.reset();
    tokenInFlight = false;
    Result<QString> outcome = result.ok() ? Result<QString>(newToken) : Result<QString>(result.error);
    if (result.ok())
        token = newToken;
    else
        qCWarning(lcPortsAmerica).noquote() << "token request failed:" << result.error.message;
    const auto waiters = std::exchange(tokenWaiters, {});
    for (const auto &waiter : waiters)
        waiter(outcome);
}

void PortsAmericaAdapter::Private::acquireSlot(std::function<void()> start)
{
    if (activeRequests < std::max(1, config.maxConcurrentRequests)) {
        ++activeRequests;
        return start();
    }
    waitingRequests.push_back(std::move(start));
}

void PortsAmericaAdapter::Private::releaseSlot()
{
    --activeRequests;
    if (waitingRequests.empty())
        return;
    std::function<void()> next = std::move(waitingRequests.front());
    waitingRequests.pop_front();
    ++activeRequests;
    next();
}

void PortsAmericaAdapter::Private::startQuery(const std::shared_ptr<BatchRun> &run, QueryKind kind,
                                              const QStringList &numbers, const QJsonDocument &body)
{
    acquireSlot([this, run, kind, numbers, body] {
        withToken(run, [this, run, kind, numbers, body](const Result<QString> &bearer) {
            if (!bearer) {
                failRequest(run, numbers, bearer.error());
                return requestDone(run);
            }
            sendQuery(run, kind, numbers, body, bearer.value(), false);
        });
    });
}

void PortsAmericaAdapter::Private::sendQuery(const std::shared_ptr<BatchRun> &run, QueryKind kind,
                                             const QStringList &numbers, const QJsonDocument &body,
                                             const QString &bearer, bool renewed)
{
    HttpRequest request = baseRequest(PortsAmerica::endpointPath(
        kind == QueryKind::Availability ? u"containerAvailability"_s : u"gateTransaction"_s));
    request.setHeader("SiteId", run->batch.site.toUtf8());
    auto *job = new JsonQueryJob(network, request, bearer.toUtf8(), body, q);
    QObject::connect(job, &HttpJob::finished, q,
                     [this, run, kind, numbers, body, bearer, renewed](const HttpResult &result) {
                         requestsMade += result.attempts;
                         run->requestsMade += result.attempts;
                         if (result.statusCode == 401 && !renewed) {
                             // The token expired or was revoked: fetch a new one once, then retry.
                             qCInfo(lcPortsAmerica) << "access token refused; renewing it";
                             if (token == bearer)
                                 token.clear();
                             withToken(run, [this, run, kind, numbers, body](const Result<QString> &fresh) {
                                 if (!fresh) {
                                     failRequest(run, numbers, fresh.error());
                                     return requestDone(run);
                                 }
                                 sendQuery(run, kind, numbers, body, fresh.value(), true);
                             });
                             return;
                         }
                         onQueryFinished(run, kind, numbers, result);
                     });
    job->start();
}

void PortsAmericaAdapter::Private::onQueryFinished(const std::shared_ptr<BatchRun> &run, QueryKind kind,
                                                   const QStringList &numbers, const HttpResult &result)
{
    if (!result.ok()) {
        failRequest(run, numbers, queryError(result, kind));
        return requestDone(run);
    }
    const Result<PortsAmericaMapping> mapping =
        kind == QueryKind::Availability
            ? PortsAmericaMapper::mapAvailability(result.body, run->context)
            : PortsAmericaMapper::mapGateTransactions(result.body, run->context, run->visitStarts);
    if (!mapping) {
        qCWarning(lcPortsAmerica).noquote() << queryName(kind) << "answer unreadable:" << mapping.error().message;
        failRequest(run, numbers, mapping.error());
    } else {
        recordMapping(run, kind, numbers, mapping.value());
    }
    requestDone(run);
}

void PortsAmericaAdapter::Private::failRequest(const std::shared_ptr<BatchRun> &run, const QStringList &numbers,
                                               const Error &error)
{
    run->requestErrors.append(error);
    for (const QString &number : numbers) {
        if (!run->errors.contains(number))
            run->errors.insert(number, error);
    }
}

void PortsAmericaAdapter::Private::recordMapping(const std::shared_ptr<BatchRun> &run, QueryKind kind,
                                                 const QStringList &numbers, const PortsAmericaMapping &mapping)
{
    const QSet<QString> asked(numbers.cbegin(), numbers.cend());
    for (const Observation &observation : mapping.observations) {
        if (!asked.contains(observation.containerNumber)) {
            qCDebug(lcPortsAmerica) << "ignoring an answer for" << observation.containerNumber << "(not asked)";
            continue;
        }
        run->observations[observation.containerNumber].append(observation);
        if (kind == QueryKind::Availability)
            run->answered.insert(observation.containerNumber);
    }
    for (const PortsAmericaElementError &element : mapping.elementErrors) {
        qCWarning(lcPortsAmerica).noquote() << queryName(kind) << element.error.message;
        if (asked.contains(element.containerNumber) && !run->errors.contains(element.containerNumber))
            run->errors.insert(element.containerNumber, element.error);
    }
}

void PortsAmericaAdapter::Private::requestDone(const std::shared_ptr<BatchRun> &run)
{
    releaseSlot();
    if (--run->pending > 0)
        return;
    if (!run->gatePhaseStarted && startGatePhase(run))
        return;
    complete(run);
}

bool PortsAmericaAdapter::Private::startGatePhase(const std::shared_ptr<BatchRun> &run)
{
    run->gatePhaseStarted = true;
    const QDateTime now = this->now();
    for (const WatchEntry &entry : std::as_const(run->batch.entries)) {
        const QString number = entry.containerNumber.toUpper();
        run->visitStarts.insert(number, visitStart(entry, run->observations.value(number), now));
        run->availabilityCount.insert(number, run->observations.value(number).size());
    }
    const QList<PlannedQuery> queries = planGateTransactions(run->batch.entries, run->visitStarts);
    if (queries.isEmpty())
        return false;
    for (const PlannedQuery &query : queries)
        run->gateAsked.unite(QSet<QString>(query.numbers.cbegin(), query.numbers.cend()));
    run->requests += int(queries.size());
    run->pending = int(queries.size());
    for (const PlannedQuery &query : queries)
        startQuery(run, query.kind, query.numbers, query.body);
    return true;
}

namespace {
// The container's observations, its availability ones told what the gate moves of its current
// visit say (only when a gate request asked about it: without one the gate is silent, not agreeing).
QList<Observation> withGateEvidence(const BatchRun &run, const QString &number)
{
    QList<Observation> observations = run.observations.value(number);
    if (!run.gateAsked.contains(number))
        return observations;
    const qsizetype availability = std::min(run.availabilityCount.value(number), observations.size());
    const QList<Observation> gateMoves = observations.mid(availability);
    for (qsizetype i = 0; i < availability; ++i)
        PortsAmericaMapper::markYardListingConflict(observations[i], gateMoves);
    return observations;
}
} // namespace

void PortsAmericaAdapter::Private::complete(const std::shared_ptr<BatchRun> &run)
{
    BatchTraceResult result;
    result.requestsMade = run->requestsMade;
    // Only a batch whose every request failed is a batch error; otherwise each container says.
    if (!run->requestErrors.isEmpty() && run->requestErrors.size() == run->requests)
        result.batchError = run->requestErrors.first();
    for (const WatchEntry &entry : std::as_const(run->batch.entries)) {
        const QString number = entry.containerNumber.toUpper();
        ContainerTraceResult container;
        container.containerId = entry.id;
        if (run->errors.contains(number))
            container.error = run->errors.value(number);
        else if (!run->answered.contains(number))
            container.error =
                makeError(ErrorKind::MalformedResponse, u"the Ports America answer did not mention this container"_s);
        else
            container.observations = withGateEvidence(*run, number);
        result.containers.append(container);
    }
    run->done(result);
}

PortsAmericaAdapter::PortsAmericaAdapter(QNetworkAccessManager *network, PortsAmericaConfig config, const Clock &clock,
                                         QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->q = this;
    d->network = network;
    d->config = std::move(config);
    d->clock = &clock;
}

PortsAmericaAdapter::~PortsAmericaAdapter() = default;

int PortsAmericaAdapter::maxConcurrentRequests() const
{
    return std::max(1, d->config.maxConcurrentRequests);
}

int PortsAmericaAdapter::requestsMade() const
{
    return d->requestsMade;
}

void PortsAmericaAdapter::verify(std::function<void(Result<void>)> done)
{
    d->token.clear(); // verification proves the credentials work now, not that a cached token does
    d->withToken(nullptr, [done = std::move(done)](const Result<QString> &token) {
        done(token ? Result<void>() : Result<void>(token.error()));
    });
}

void PortsAmericaAdapter::trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done)
{
    auto run = std::make_shared<BatchRun>();
    run->batch = batch;
    run->done = std::move(done);
    const QDateTime now = d->now();
    run->context = PortsAmericaMapper::contextForSite(batch.site, now);

    // Availability first: its answer tells where the current visit began, which decides which gate
    // moves belong to it (startGatePhase, once every availability request has answered).
    const QList<PlannedQuery> queries = planAvailability(batch.entries);
    run->requests = int(queries.size());
    run->pending = run->requests;
    if (queries.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [run] { run->done({}); }, Qt::QueuedConnection);
        return;
    }
    for (const PlannedQuery &query : std::as_const(queries))
        d->startQuery(run, query.kind, query.numbers, query.body);
}

PortsAmericaConfig PortsAmericaConfig::fromConnection(const ConnectionRecord &record, const QString &password)
{
    PortsAmericaConfig config;
    config.baseUrl = record.baseUrl.isEmpty() ? PortsAmerica::baseUrlFor(record.environment)
                                              : QUrl(record.baseUrl, QUrl::StrictMode);
    config.username = record.fields.value(u"username"_s).toString();
    if (config.username.isEmpty())
        config.username = record.fields.value(u"user"_s).toString();
    config.password = password;
    return config;
}
