#include "portconnectroutes.h"

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
const QStringList portCodes{u"NZAKL"_s, u"NZTRG"_s, u"NZTIU"_s, u"NZLYT"_s, u"DEPOT"_s, u"ALL"_s};
const QStringList categories{u"IMPORT"_s, u"EXPORT"_s, u"TRANSHIPMENT"_s, u"DOMESTIC"_s, u"STORAGE"_s};

QHttpServerResponse jsonReply(const QByteArray &body, Status status = Status::Ok)
{
    return {"application/json; charset=utf-8", body, status};
}

// PortConnect documents no error body; this one is the simulator's and says so.
QByteArray errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"message"_s, message}, {u"source"_s, u"quaywatch-sim"_s}})
        .toJson(QJsonDocument::Compact);
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

bool keyRefused(const QHttpServerRequest &request)
{
    const QByteArray key = requestHeader(request, "Ocp-Apim-Subscription-Key");
    return key.isEmpty() || key == "invalid";
}

QDateTime at(const SimClock &clock, double hours)
{
    return clock.startUtc().addMSecs(qint64(hours * 3600.0 * 1000.0));
}

QString nzTime(const QDateTime &time)
{
    return time.toTimeZone(newZealand).toString(Qt::ISODate);
}

void addVisitEvents(QList<SimPortEvent> &events, const SimContainer &container, const SimClock &clock,
                    const QString &visitId)
{
    if (container.dischargeAt) {
        events.append({u"VESSELARRIVAL"_s, at(clock, *container.dischargeAt - 6), visitId, {}, {}, {}, {}});
        events.append(
            {u"DISCHARGE"_s, at(clock, *container.dischargeAt), visitId, {}, {}, container.vessel, container.voyage});
    }
    if (container.availableAt)
        events.append({u"AVAILABLE"_s, at(clock, *container.availableAt), visitId, {}, {}, {}, {}});
    for (const SimHold &hold : container.holds) {
        if (!hold.releasedAt)
            continue;
        const bool customs = hold.id.contains(u"Custom"_s, Qt::CaseInsensitive);
        events.append(
            {customs ? u"CUSTOMSRELEASE"_s : u"MPIRELEASE"_s, at(clock, *hold.releasedAt), visitId, {}, {}, {}, {}});
    }
    for (const SimLfdChange &change : container.lfdChanges) {
        const QDate lfd = clock.startUtc().toTimeZone(newZealand).date().addDays(change.days);
        // The last free time travels in event value 1 (code table, LFT24HOURS "Last free time").
        const QString lastFree = QDateTime(lfd, QTime(23, 59), newZealand).toString(Qt::ISODate);
        events.append({u"LFTCHANGED"_s,
                       at(clock, change.at),
                       visitId,
                       QJsonObject{{u"lastFreeTime"_s, lfd.toString(Qt::ISODate)}},
                       {},
                       lastFree,
                       {}});
    }
}

void addGateMoves(QList<SimPortEvent> &events, const SimGateVisit &visit, const SimClock &clock, const QString &visitId)
{
    if (visit.outgateAt)
        events.append({u"GATEOUT"_s, at(clock, *visit.outgateAt), visitId, {}, {}, u"Road"_s, visit.truckerCode});
    // The empty return is a gate-in at an empty depot: partnerPortCode DEPOT, value 1 the depot code.
    if (visit.emptyReturnAt)
        events.append({u"GATEIN"_s, at(clock, *visit.emptyReturnAt), visitId, QJsonObject{{u"portCode"_s, u"DEPOT"_s}},
                       u"DEPOT"_s, u"CONLINXAKL"_s, visit.truckerCode});
}

QStringList codesOf(const QJsonObject &body, int version, QString *problem)
{
    QStringList codes;
    if (version == 1) {
        if (!body.value(u"eventTypeCode"_s).isString())
            *problem = u"eventTypeCode (a string) is required for v1"_s;
        codes.append(body.value(u"eventTypeCode"_s).toString().toUpper());
        return codes;
    }
    if (!body.value(u"eventTypeCodes"_s).isArray())
        *problem = u"eventTypeCodes (an array) is required for v2"_s;
    for (const auto &code : body.value(u"eventTypeCodes"_s).toArray())
        codes.append(code.toString().toUpper());
    return codes;
}

// The request rules of the Create pages and seed 001; the first one broken is answered.
QString checkCreate(const QJsonObject &body, int version, const QStringList &codes)
{
    for (const QString &old :
         {u"containerNumbers"_s, u"bookingNumbers"_s, u"callback"_s, u"categoryCode"_s, u"emailAddresses"_s,
          u"containerVisitEventTypeCode"_s, u"containerVisitEventTypeCodes"_s}) {
        if (body.contains(old))
            return u"'%1' is not a field of this API; send containers[{containerNumber, userDefinedReference}] "
                   "or bookings[{bookingNumber, userDefinedReference}], webhookURI, webhookToken, "
                   "emailAddressList, portCode, category, eventTypeCode(s), facilityCode"_s.arg(old);
    }
    const bool booking = body.contains(u"bookings"_s);
    if (booking == body.contains(u"containers"_s))
        return u"send either containers or bookings"_s;
    const QJsonArray items = body.value(booking ? u"bookings"_s : u"containers"_s).toArray();
    if (items.isEmpty() || items.size() > 10)
        return u"between 1 and 10 containers or bookings per request"_s;
    for (const auto &item : items) {
        const QJsonObject entry = item.toObject();
        if (entry.value(booking ? u"bookingNumber"_s : u"containerNumber"_s).toString().isEmpty())
            return booking ? u"bookings[].bookingNumber is required"_s : u"containers[].containerNumber is required"_s;
        if (entry.value(u"userDefinedReference"_s).toString().size() > 50)
            return u"userDefinedReference longer than 50 characters"_s;
    }
    const bool webhook = !body.value(u"webhookURI"_s).toString().isEmpty();
    if (!webhook && body.value(u"emailAddressList"_s).toArray().isEmpty())
        return u"pass either webhookURI and webhookToken or an emailAddressList"_s;
    if (webhook && body.value(u"webhookToken"_s).toString().isEmpty())
        return u"webhookToken is required with webhookURI"_s;
    const QStringList known = PortConnectRoutes::documentedCodes();
    for (const QString &code : codes) {
        if (!known.contains(code) && !(version == 2 && code == "ALL"_L1))
            return u"unknown event type code '%1'"_s.arg(code);
    }
    if (!portCodes.contains(body.value(u"portCode"_s).toString()))
        return u"invalid portCode"_s;
    if (!categories.contains(body.value(u"category"_s).toString()))
        return u"invalid category"_s;
    return {};
}

// A cancellation is sent to a subscription to the code it cancels as well.
bool wants(const QStringList &codes, const QString &code)
{
    if (codes.contains(u"ALL"_s) || codes.contains(code))
        return true;
    for (const QString &cancelled : {u"CANCELLED"_s, u"REVOKED"_s}) {
        if (code.endsWith(cancelled) && codes.contains(code.chopped(cancelled.size())))
            return true;
    }
    return code == "CEDOREVOKED"_L1 && codes.contains(u"CEDORELEASE"_s);
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

QStringList PortConnectRoutes::documentedCodes()
{
    return {u"ACTIVE"_s,
            u"AVAILABLE"_s,
            u"AVAILABLECANCELLED"_s,
            u"BOOKINGDISCREPANCY"_s,
            u"CEDORELEASE"_s,
            u"CEDOREVOKED"_s,
            u"CLEARED"_s,
            u"CLEAREDCANCELLED"_s,
            u"CUSTOMSRELEASE"_s,
            u"CUSTOMSRELEASECANCELLED"_s,
            u"DISCHARGE"_s,
            u"DISCHARGEDNOTCLEARED"_s,
            u"EXPORTCLEARED"_s,
            u"EXPORTCLEAREDCANCELLED"_s,
            u"GATEIN"_s,
            u"GATEOUT"_s,
            u"HAZARDGATERULE"_s,
            u"LFTCHANGED"_s,
            u"LFTEXCEEDED"_s,
            u"LFT24HOURS"_s,
            u"LOAD"_s,
            u"LOPRELEASE"_s,
            u"LOPRELEASECANCELLED"_s,
            u"MPIRELEASE"_s,
            u"MPIRELEASECANCELLED"_s,
            u"NOCEDO"_s,
            u"PINAVAILABLE"_s,
            u"PINSUSPENDED"_s,
            u"PRIORITYGATEIN"_s,
            u"VBSCHANGED"_s,
            u"VESSELARRIVAL"_s,
            u"VESSELDEPARTURE"_s};
}

QList<SimPortEvent> PortConnectRoutes::timeline(const Scenario &scenario, const QString &number, const SimClock &clock)
{
    const SimContainer *known = scenario.find(number);
    const SimContainer container = known ? *known : ScenarioGenerator::deriveFromNumber(number, u"WBCT_LA"_s);
    QList<SimPortEvent> events;
    int visit = 5046100;
    for (const SimGateVisit &earlier : container.earlierVisits)
        addGateMoves(events, earlier, clock, QString::number(visit++));
    const QString current = QString::number(visit);
    addVisitEvents(events, container, clock, current);
    addGateMoves(events, container.visit, clock, current);
    std::stable_sort(events.begin(), events.end(),
                     [](const SimPortEvent &a, const SimPortEvent &b) { return a.at < b.at; });
    return events;
}

void PortConnectRoutes::addRoutes(QHttpServer &http)
{
    for (int version : {1, 2}) {
        const QString base = u"/v%1/subscriptions"_s.arg(version);
        http.route(base, Method::Post, [this, version](const QHttpServerRequest &request) {
            int status = 200;
            const QByteArray body = create(request, version, &status);
            return jsonReply(body, Status(status));
        });
        http.route(base + u"/<arg>/containers/<arg>"_s, Method::Delete,
                   [this](int id, const QString &number, const QHttpServerRequest &request) {
                       if (keyRefused(request))
                           return jsonReply(errorBody(u"missing or invalid subscription key"_s), Status::Unauthorized);
                       QByteArray body;
                       const int status = removeNumber(id, number, &body);
                       return jsonReply(body, Status(status));
                   });
    }
    http.route(u"/v2/subscriptions"_s, Method::Get, [this](const QHttpServerRequest &request) {
        if (keyRefused(request))
            return jsonReply(errorBody(u"missing or invalid subscription key"_s), Status::Unauthorized);
        return jsonReply(listSubscriptions());
    });
    http.route(u"/v2/subscriptions/<arg>"_s, Method::Get, [this](int id, const QHttpServerRequest &request) {
        if (keyRefused(request))
            return jsonReply(errorBody(u"missing or invalid subscription key"_s), Status::Unauthorized);
        for (const Subscription &s : std::as_const(m_subscriptions)) {
            if (s.id == id)
                return jsonReply(QJsonDocument(listEntry(s)).toJson(QJsonDocument::Compact));
        }
        return jsonReply(errorBody(u"subscription not found"_s), Status::NotFound);
    });
    http.route(u"/v2/subscriptions/<arg>"_s, Method::Delete, [this](int id, const QHttpServerRequest &request) {
        if (keyRefused(request))
            return jsonReply(errorBody(u"missing or invalid subscription key"_s), Status::Unauthorized);
        const bool removed = m_subscriptions.removeIf([id](const Subscription &s) { return s.id == id; }) > 0;
        return removed ? jsonReply({}, Status::NoContent)
                       : jsonReply(errorBody(u"subscription not found"_s), Status::NotFound);
    });
    http.route(u"/_sim/portconnect"_s, Method::Get, [this](const QHttpServerRequest &) {
        return jsonReply(QJsonDocument(statsJson()).toJson(QJsonDocument::Compact));
    });
    http.route(u"/_sim/portconnect/events"_s, Method::Post, [this](const QHttpServerRequest &request) {
        int status = 200;
        const QByteArray body = queueEvents(request.body(), &status);
        return jsonReply(body, Status(status));
    });
}

PortConnectRoutes::Subscription &PortConnectRoutes::subscriptionFor(const Subscription &wanted)
{
    for (Subscription &s : m_subscriptions) {
        if (s.version != wanted.version || s.booking != wanted.booking || s.port != wanted.port ||
            s.category != wanted.category || s.facility != wanted.facility)
            continue;
        if (wanted.version == 1 && s.codes != wanted.codes)
            continue;
        // v1 adds the numbers and replaces the e-mails; v2 adds the event types for all its numbers.
        for (const QString &code : wanted.codes) {
            if (!s.codes.contains(code))
                s.codes.append(code);
        }
        s.emails = wanted.emails;
        s.callbackUri = wanted.callbackUri;
        s.token = wanted.token;
        return s;
    }
    Subscription created = wanted;
    created.id = m_nextId++;
    m_subscriptions.append(created);
    return m_subscriptions.last();
}

QByteArray PortConnectRoutes::create(const QHttpServerRequest &request, int version, int *status)
{
    ++m_createRequests;
    if (keyRefused(request)) {
        *status = 401;
        return errorBody(u"missing or invalid subscription key"_s);
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    QString codesProblem;
    const QStringList codes = codesOf(body, version, &codesProblem);
    QString problem = checkCreate(body, version, codes);
    // A field of the old invented shape is named first; then a missing eventTypeCode(s).
    if (!codesProblem.isEmpty() && !problem.startsWith(u"'"_s))
        problem = codesProblem;
    if (!problem.isEmpty()) {
        *status = 400;
        return errorBody(problem);
    }
    Subscription wanted;
    wanted.version = version;
    wanted.booking = body.contains(u"bookings"_s);
    wanted.codes = codes;
    wanted.port = body.value(u"portCode"_s).toString();
    wanted.category = body.value(u"category"_s).toString();
    wanted.facility = body.value(u"facilityCode"_s).toString();
    wanted.callbackUri = body.value(u"webhookURI"_s).toString();
    wanted.token = body.value(u"webhookToken"_s).toString().toUtf8();
    for (const auto &email : body.value(u"emailAddressList"_s).toArray())
        wanted.emails.append(email.toString());
    Subscription &s = subscriptionFor(wanted);
    const QString numberKey = wanted.booking ? u"bookingNumber"_s : u"containerNumber"_s;
    QJsonArray accepted;
    for (const auto &value : body.value(wanted.booking ? u"bookings"_s : u"containers"_s).toArray()) {
        const QJsonObject item = value.toObject();
        const QString number = item.value(numberKey).toString();
        // Posting a number again overwrites its entry, reference included, and restarts the window.
        s.entries.removeIf([&number](const Entry &e) { return e.number.compare(number, Qt::CaseInsensitive) == 0; });
        Entry entry{
            number, item.value(u"userDefinedReference"_s).toString(), m_clock.now().addDays(90), m_nextEntryId++, {}};
        s.entries.append(entry);
        QJsonObject answer{{u"expirationDatetime"_s, nzTime(entry.expiresAt)},
                           {numberKey, number},
                           {u"userDefinedReference"_s, entry.reference}};
        if (!wanted.booking)
            answer.insert(u"subscriptionContainerId"_s, entry.entryId);
        accepted.append(answer);
    }
    m_poll.start();
    QTimer::singleShot(0, this, &PortConnectRoutes::deliverDue); // the initial callback
    return QJsonDocument(
               QJsonObject{{u"subscriptionId"_s, s.id}, {wanted.booking ? u"bookings"_s : u"containers"_s, accepted}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject PortConnectRoutes::listEntry(const Subscription &s) const
{
    QJsonArray containers;
    for (const Entry &entry : s.entries) {
        if (s.booking)
            continue;
        containers.append(QJsonObject{{u"expirationDatetime"_s, nzTime(entry.expiresAt)},
                                      {u"subscriptionContainerId"_s, entry.entryId},
                                      {u"containerNumber"_s, entry.number},
                                      {u"userDefinedReference"_s, entry.reference}});
    }
    return QJsonObject{{u"subscriptionId"_s, s.id},
                       {u"bookingsCount"_s, s.booking ? int(s.entries.size()) : 0},
                       {u"containers"_s, containers},
                       {u"eventTypeCodes"_s, QJsonArray::fromStringList(s.codes)},
                       {u"category"_s, s.category},
                       {u"facilityCode"_s, s.facility},
                       {u"webhookURI"_s, s.callbackUri},
                       {u"webhookToken"_s, QString::fromUtf8(s.token)},
                       {u"emailAddressList"_s, s.emails.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                  : QJsonValue(QJsonArray::fromStringList(s.emails))},
                       {u"portCode"_s, s.port}};
}

QByteArray PortConnectRoutes::listSubscriptions() const
{
    QJsonArray list;
    for (const Subscription &s : m_subscriptions)
        list.append(listEntry(s));
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

int PortConnectRoutes::removeNumber(int subscriptionId, const QString &number, QByteArray *body)
{
    for (Subscription &s : m_subscriptions) {
        if (s.id != subscriptionId)
            continue;
        if (s.entries.removeIf(
                [&number](const Entry &e) { return e.number.compare(number, Qt::CaseInsensitive) == 0; }) > 0)
            return 204;
        *body = errorBody(u"container %1 is not on subscription %2"_s.arg(number).arg(subscriptionId));
        return 400;
    }
    *body = errorBody(u"subscription %1 not found"_s.arg(subscriptionId));
    return 400;
}

QByteArray PortConnectRoutes::queueEvents(const QByteArray &body, int *status)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.object().value(u"events"_s).isArray()) {
        *status = 400;
        return errorBody(u"expected {\"events\": [{containerNumber, code, at, value, value2, port, visit}]}"_s);
    }
    int queued = 0;
    for (const auto &value : document.object().value(u"events"_s).toArray()) {
        const QJsonObject item = value.toObject();
        const QString number = item.value(u"containerNumber"_s).toString();
        const QString code = item.value(u"code"_s).toString();
        if (number.isEmpty() || !documentedCodes().contains(code)) {
            *status = 400;
            return errorBody(u"unknown code or no container number in %1"_s.arg(queued));
        }
        const QDateTime when =
            item.contains(u"at"_s) ? QDateTime::fromString(item.value(u"at"_s).toString(), Qt::ISODate) : m_clock.now();
        m_queued[number.toUpper()].append({code,
                                           when,
                                           item.value(u"visit"_s).toString(u"5046199"_s),
                                           {},
                                           item.value(u"port"_s).toString(),
                                           item.value(u"value"_s).toString(),
                                           item.value(u"value2"_s).toString()});
        ++queued;
    }
    m_poll.start();
    return QJsonDocument(QJsonObject{{u"queued"_s, queued}}).toJson(QJsonDocument::Compact);
}

QJsonObject PortConnectRoutes::statsJson() const
{
    return QJsonObject{{u"createRequests"_s, m_createRequests},
                       {u"subscriptions"_s, QJsonDocument::fromJson(listSubscriptions()).array()},
                       {u"callbacksSent"_s, m_callbacksSent},
                       {u"callbacksAccepted"_s, m_callbacksAccepted},
                       {u"callbacksRefused"_s, m_callbacksRefused}};
}

// The fields of "Webhook Callback Payload"'s example, in its order.
QJsonObject PortConnectRoutes::callbackElement(const Subscription &s, const Entry &entry, const SimPortEvent &event)
{
    const QString port = !event.port.isEmpty() ? event.port : s.port == "ALL"_L1 ? u"NZAKL"_s : s.port;
    const bool exportVisit = s.category == "EXPORT"_L1;
    const auto textOrNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return QJsonObject{{u"subscriptionEventId"_s, 13000 + m_nextEventId++},
                       {u"subscriptionId"_s, s.id},
                       {u"partnerPortCode"_s, port},
                       {u"containerVisitTypeCode"_s, s.category},
                       {u"containerVisitEventTypeCode"_s, event.code},
                       {u"containerVisitEventDatetime"_s, nzTime(event.at)},
                       {u"containerVisitEventLocation"_s, port == "DEPOT"_L1 ? event.value : port},
                       {u"containerNumber"_s, entry.number},
                       {u"containerIsoTypeCode"_s, u"4510"_s},
                       {u"containerVisitUri"_s, QString(u"v1/container-visits/"_s + event.visitId)},
                       {u"subscriptionContainerId"_s, entry.entryId},
                       {u"userDefinedReference"_s, entry.reference},
                       {u"containerVisitEventValue"_s, textOrNull(event.value)},
                       {u"containerVisitEventValue2"_s, textOrNull(event.value2)},
                       {u"inboundVesselRef"_s, exportVisit ? QJsonValue() : QJsonValue(u"KOC0129"_s)},
                       {u"inboundVesselName"_s, exportVisit ? QJsonValue() : QJsonValue(u"KOTA LOCENG"_s)},
                       {u"inboundVesselIMONumber"_s, exportVisit ? QJsonValue() : QJsonValue(9628336)},
                       {u"outboundVesselRef"_s, exportVisit ? QJsonValue(u"KOC0130"_s) : QJsonValue()},
                       {u"outboundVesselName"_s, exportVisit ? QJsonValue(u"KOTA LOCENG"_s) : QJsonValue()},
                       {u"outboundVesselIMONumber"_s, exportVisit ? QJsonValue(9628336) : QJsonValue()},
                       {u"bookingReference"_s, u"ACD0764410"_s},
                       {u"containerStatus"_s, u"Full"_s},
                       {u"containerOperatorSCACCode"_s, u"ANNU"_s}};
}

void PortConnectRoutes::deliverDue()
{
    const QDateTime now = m_clock.now();
    for (Subscription &s : m_subscriptions) {
        if (s.callbackUri.isEmpty() || s.booking)
            continue;
        QJsonArray payload;
        for (Entry &entry : s.entries) {
            if (now >= entry.expiresAt)
                continue;
            const QList<SimPortEvent> events =
                timeline(m_scenario, entry.number, m_clock) + m_queued.value(entry.number.toUpper());
            for (const SimPortEvent &event : events) {
                const QString key = event.code + event.at.toString(Qt::ISODateWithMs) + event.visitId;
                if (event.at > now || entry.sent.contains(key) || !wants(s.codes, event.code))
                    continue;
                entry.sent.insert(key);
                payload.append(callbackElement(s, entry, event));
            }
        }
        if (payload.isEmpty())
            continue;
        QNetworkRequest request{QUrl(s.callbackUri)};
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Content-Type", "application/json; charset=utf-8");
        request.setRawHeader("X-WebhookToken", s.token);
        ++m_callbacksSent;
        QNetworkReply *reply = m_network->post(request, QJsonDocument(payload).toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++(status == 200 ? m_callbacksAccepted : m_callbacksRefused);
            reply->deleteLater();
        });
    }
}
