#include "webhookreceiverroutes.h"

#include "simhost.h"
#include "timestampsignature.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdlib>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using Method = QHttpServerRequest::Method;

namespace {

QByteArray problem(const QString &text)
{
    return QJsonDocument(QJsonObject{{u"error"_s, text}}).toJson(QJsonDocument::Compact);
}

} // namespace

WebhookReceiverRoutes *WebhookReceiverRoutes::install(SimHost &host)
{
    auto *routes = new WebhookReceiverRoutes(host);
    routes->addRoutes();
    return routes;
}

WebhookReceiverRoutes::WebhookReceiverRoutes(SimHost &host) : m_host(host) {}

void WebhookReceiverRoutes::addRoutes()
{
    QHttpServer &http = m_host.http();
    http.route(u"/receivers/webhook/<arg>"_s, Method::Post,
               [this](const QString &name, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   PlannedReply reply;
                   QByteArray retryAfter;
                   int delayMs = 0;
                   reply.status = receive(name, request, &reply.body, &retryAfter, &delayMs);
                   if (!retryAfter.isEmpty())
                       reply.headers.append({"Retry-After", retryAfter});
                   if (delayMs <= 0) {
                       m_host.deliver(std::move(responder), reply, true);
                       return;
                   }
                   Receiver &receiver = m_receivers[name];
                   receiver.maxHeld = std::max(receiver.maxHeld, ++receiver.held);
                   auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
                   // Watched from now: a client that resets while the answer waits (a killed worker)
                   // takes its socket with it, and the responder's pointer to it would dangle.
                   QPointer<QTcpSocket> socket = held->socket();
                   QTimer::singleShot(delayMs, this, [this, name, held, socket, reply] {
                       --m_receivers[name].held;
                       if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                           return; // nobody is left to answer
                       m_host.deliver(std::move(*held), reply, true);
                   });
               });
    http.route(u"/_sim/receivers/<arg>"_s, Method::Post,
               [this](const QString &name, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   const QJsonDocument document = QJsonDocument::fromJson(request.body());
                   int status = 200;
                   const QJsonObject answer =
                       document.isObject() ? configure(name, document.object(), &status)
                                           : (status = 400, QJsonObject{{u"error"_s, u"expected a JSON object"_s}});
                   m_host.deliver(std::move(responder), PlannedReply::json(QJsonDocument(answer), status), false);
               });
    http.route(u"/_sim/receivers/<arg>"_s, Method::Get,
               [this](const QString &name, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   const bool summary = QUrlQuery(request.url()).queryItemValue(u"summary"_s) == u"true"_s;
                   m_host.deliver(std::move(responder), PlannedReply::json(QJsonDocument(record(name, summary))),
                                  false);
               });
}

QJsonObject WebhookReceiverRoutes::configure(const QString &name, const QJsonObject &settings, int *status)
{
    Receiver &receiver = m_receivers[name];
    if (settings.value(u"reset"_s).toBool()) {
        const Receiver fresh;
        receiver.accepted = fresh.accepted;
        receiver.seen = fresh.seen;
        receiver.duplicates = receiver.rejected = receiver.requests = receiver.faulted = 0;
        receiver.rejections.clear();
    }
    if (settings.contains(u"secret"_s))
        receiver.secret = settings.value(u"secret"_s).toString().toUtf8();
    if (settings.contains(u"toleranceSeconds"_s))
        receiver.toleranceSeconds = settings.value(u"toleranceSeconds"_s).toInteger(300);
    if (settings.contains(u"failNext"_s))
        receiver.failNext = settings.value(u"failNext"_s).toInt();
    if (settings.contains(u"failStatus"_s))
        receiver.failStatus = settings.value(u"failStatus"_s).toInt(500);
    if (settings.contains(u"retryAfter"_s))
        receiver.retryAfter = settings.value(u"retryAfter"_s).toVariant().toString().toUtf8();
    if (settings.contains(u"delayMs"_s))
        receiver.delayMs = settings.value(u"delayMs"_s).toInt();
    if (settings.contains(u"outage"_s))
        receiver.outage = settings.value(u"outage"_s).toBool();
    if (receiver.failStatus < 100 || receiver.failStatus > 599 || receiver.delayMs < 0 || receiver.failNext < 0) {
        *status = 400;
        return {{u"error"_s, u"failStatus must be an HTTP status; delayMs and failNext not negative"_s}};
    }
    // The secret is not echoed back.
    return {{u"name"_s, name},
            {u"hasSecret"_s, !receiver.secret.isEmpty()},
            {u"toleranceSeconds"_s, receiver.toleranceSeconds},
            {u"failNext"_s, receiver.failNext},
            {u"failStatus"_s, receiver.failStatus},
            {u"retryAfter"_s, QString::fromUtf8(receiver.retryAfter)},
            {u"delayMs"_s, receiver.delayMs},
            {u"outage"_s, receiver.outage}};
}

QJsonObject WebhookReceiverRoutes::record(const QString &name, bool summary) const
{
    const Receiver receiver = m_receivers.value(name);
    QJsonArray accepted;
    for (const Accepted &item : summary ? QList<Accepted>() : receiver.accepted)
        accepted.append(QJsonObject{{u"order"_s, item.order},
                                    {u"messageId"_s, item.messageId},
                                    {u"containerNumber"_s, item.containerNumber},
                                    {u"eventCode"_s, item.eventCode},
                                    {u"body"_s, QString::fromUtf8(item.body)}});
    return {{u"name"_s, name},
            {u"accepted"_s, accepted},
            {u"acceptedCount"_s, receiver.accepted.size()},
            {u"maxHeld"_s, receiver.maxHeld},
            {u"duplicates"_s, receiver.duplicates},
            {u"rejected"_s, receiver.rejected},
            {u"rejections"_s, QJsonArray::fromStringList(receiver.rejections)},
            {u"requests"_s, receiver.requests},
            {u"faulted"_s, receiver.faulted}};
}

int WebhookReceiverRoutes::receive(const QString &name, const QHttpServerRequest &request, QByteArray *body,
                                   QByteArray *retryAfter, int *delayMs)
{
    Receiver &receiver = m_receivers[name];
    ++receiver.requests;
    *delayMs = receiver.delayMs;
    if (receiver.outage) {
        ++receiver.faulted;
        *body = problem(u"receiver outage (simulated)"_s);
        *retryAfter = receiver.retryAfter;
        return 503;
    }
    if (receiver.failNext > 0) {
        --receiver.failNext;
        ++receiver.faulted;
        *body = problem(u"injected failure"_s);
        *retryAfter = receiver.retryAfter;
        return receiver.failStatus;
    }
    auto reject = [&](const QString &reason) {
        ++receiver.rejected;
        receiver.rejections.append(reason);
        *body = problem(reason);
        return 401;
    };
    // The raw bytes as received: any re-serialisation would break the signature.
    const QByteArray raw = request.body();
    const QByteArray header = simRequestHeader(request, "Quaywatch-Signature");
    if (header.isEmpty())
        return reject(u"missing Quaywatch-Signature"_s);
    const std::optional<TimestampSignature::Parsed> parsed = TimestampSignature::parse(header);
    if (!parsed)
        return reject(u"malformed Quaywatch-Signature"_s);
    if (receiver.secret.isEmpty())
        return reject(u"no secret is configured for this receiver"_s);
    if (!TimestampSignature::matches(receiver.secret, *parsed, raw))
        return reject(u"signature does not match the body"_s);
    // Real time, not the scenario's clock: the sender signs with its own wall clock.
    if (std::abs(SimClock::wallNow().toSecsSinceEpoch() - parsed->value) > receiver.toleranceSeconds)
        return reject(u"signature timestamp outside the tolerance"_s);

    const QJsonObject json = QJsonDocument::fromJson(raw).object();
    QString messageId = QString::fromUtf8(simRequestHeader(request, "Quaywatch-Message-Id"));
    if (messageId.isEmpty())
        messageId = json.value(u"messageId"_s).toString();
    if (messageId.isEmpty()) {
        *body = problem(u"no message id"_s);
        return 400;
    }
    if (receiver.seen.contains(messageId)) {
        ++receiver.duplicates;
        *body = QJsonDocument(QJsonObject{{u"duplicate"_s, true}}).toJson(QJsonDocument::Compact);
        return 200; // already have it: the sender must not retry
    }
    receiver.seen.insert(messageId);
    receiver.accepted.append({int(receiver.accepted.size()) + 1, messageId, json.value(u"containerNumber"_s).toString(),
                              json.value(u"event"_s).toObject().value(u"code"_s).toString(), raw});
    *body = QJsonDocument(QJsonObject{{u"accepted"_s, true}}).toJson(QJsonDocument::Compact);
    return 200;
}
