#pragma once

#include "portconnectsubscriptionrequest.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
struct HttpResult;

// One number the provider accepted into a subscription, with the end of its 90-day window as the
// answer gives it (containers[].expirationDatetime / bookings[].expirationDatetime); invalid when
// the answer does not list the number (never a local guess).
struct PortConnectSubscribed
{
    QString number;
    QString subscriptionId;
    QDateTime expiresAt;
};

// One entry of "Get all subscriptions" (GET /v2/subscriptions). The list also carries each
// subscription's webhookToken in clear: it is not read into this type, so it cannot reach a log.
struct PortConnectListedSubscription
{
    QString subscriptionId;
    QStringList eventCodes;
    QString category;
    QString facility;
    QString port;
    QString webhookUri;
    QStringList emails;
    int bookingsCount = 0;
    QList<PortConnectSubscribed> containers; // with subscriptionId set
};

// The PortConnect subscription API over the shared HTTP layer: create (split into requests of at
// most 10 numbers, sent one after another), list, remove a container, delete a subscription.
//
// Documents followed (PortConnect developer wiki, space PUG; docs/providers/portconnect.md):
// - "Create Container Event Subscription (V1)",
//   https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2631237807 and "(V2)",
//   https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2631237881 (request body, response)
// - "GET Options", https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2972614687
// - "DELETE Options", https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2974416897 and
//   "Delete Container from Subscription (V1)", .../pages/2631237833
//
// Where the documents are silent (Quaywatch's choices): the header of the key is not in any stored
// page; it travels in Ocp-Apim-Subscription-Key (APIM's default, the product contract's) and nowhere
// else. No create or list error is documented: errors are classified by status (401 key refused,
// 403 not enabled, 404 gone, 429/5xx later, other 4xx the request) with PortConnect's message when
// the body has one. A 404 on a delete counts as already removed. No URL for removing a booking is in
// the stored pages, nor a delete without a subscription id: a number stored without a numeric
// subscription id (an older Quaywatch's record) is looked up in the list first. A request the
// validation refuses is never sent: the callback gets the problems instead.
class PortConnectClient final : public QObject
{
    Q_OBJECT

public:
    PortConnectClient(QNetworkAccessManager *network, QUrl baseUrl, QByteArray subscriptionKey,
                      QObject *parent = nullptr);

    // Callbacks run later on the event loop, never inside the call.
    void subscribe(const PortConnectSubscriptionRequest &request,
                   std::function<void(Result<QList<PortConnectSubscribed>>)> done);
    // "Get all subscriptions" (v1 and v2 subscriptions alike).
    void list(std::function<void(Result<QList<PortConnectListedSubscription>>)> done);
    // Removes one container from a subscription; an empty or non-numeric subscriptionId is looked
    // up in the list. booking: refused (no documented URL).
    void remove(int apiVersion, const QString &subscriptionId, const QString &number, bool booking,
                std::function<void(Result<void>)> done);
    // DELETE /v2/subscriptions/{subscriptionId}: the subscription with all its containers and bookings.
    void removeSubscription(const QString &subscriptionId, std::function<void(Result<void>)> done);

    int requestsSent() const { return m_requestsSent; }

    // The list answer read (exposed for tests of the documented example).
    static Result<QList<PortConnectListedSubscription>> readList(const QByteArray &body);
    // The create answer read for the numbers of one request.
    static QList<PortConnectSubscribed> readCreated(const QByteArray &body, const PortConnectSubscriptionRequest &part);

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
              std::function<void(const HttpResult &)> done);
    void subscribeNext(QList<PortConnectSubscriptionRequest> parts, QList<PortConnectSubscribed> accepted,
                       std::function<void(Result<QList<PortConnectSubscribed>>)> done);
    void removeEach(int apiVersion, QStringList ids, const QString &number, std::function<void(Result<void>)> done);
    void removeFrom(int apiVersion, const QString &subscriptionId, const QString &number,
                    std::function<void(Result<void>)> done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_subscriptionKey;
    int m_requestsSent = 0;
};
