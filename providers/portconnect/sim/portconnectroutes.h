#pragma once

#include "scenario.h"
#include "simclock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QHttpServer;
class QHttpServerRequest;
class QNetworkAccessManager;

// A milestone of a simulated container in PortConnect's words, with its visit.
struct SimPortEvent
{
    QString code; // containerVisitEventTypeCode: DISCHARGE, AVAILABLE, GATEOUT, ...
    QDateTime at;
    QString visitId;
    QJsonObject extra; // for the other simulated providers that replay this timeline: portCode, lastFreeTime
    QString port;      // partnerPortCode; empty: the subscription's port
    QString value;     // containerVisitEventValue
    QString value2;    // containerVisitEventValue2
};

// PortConnect's container event subscription API as its developer wiki documents it (space PUG on
// portconnect.atlassian.net: "Create Container Event Subscription (V1)" .../pages/2631237807,
// "(V2)" .../pages/2631237881, "GET Options" .../pages/2972614687, "DELETE Options"
// .../pages/2974416897, "Delete Container from Subscription (V1)" .../pages/2631237833, "Webhook
// Callback Payload" .../pages/2631237921 and its vessel-schedule sibling for the X-WebhookToken
// header; docs/providers/portconnect.md), plus the callbacks:
//
//   POST   /v1/subscriptions, /v2/subscriptions   body as documented (containers[] or bookings[],
//          webhookURI + webhookToken or emailAddressList, portCode, category, eventTypeCode (v1,
//          a string) / eventTypeCodes (v2, an array), facilityCode); the old invented shape
//          (containerNumbers, callback, categoryCode, containerVisitEventTypeCode...) gets a 400
//          naming the documented fields. Answer: subscriptionId (integer) and
//          containers[]/bookings[] with expirationDatetime (90 days, NZ offset).
//   GET    /v2/subscriptions, /v2/subscriptions/{id}     the documented list entries
//   DELETE /v{1,2}/subscriptions/{id}/containers/{number} 204; 400 with a message when not on it
//   DELETE /v2/subscriptions/{id}                         204
//   GET    /_sim/portconnect                              counters and subscriptions, for tests
//   POST   /_sim/portconnect/events                       queue events for a container (tests):
//          {"events": [{containerNumber, code, at?, value?, value2?, port?, visit?}]}, so every
//          documented code is reachable
//
// Where the documents are silent, the simulator chooses (and says so in its answers): the key
// header (Ocp-Apim-Subscription-Key) and its 401, the error bodies ({"message": ..., "source":
// "quaywatch-sim"}) and the status of a create (200). v2 groups containers by port, category and
// facility (event codes are added to the group); v1 by those and the one event code. A
// …CANCELLED code is also sent to a subscription to the code it cancels (the code table's
// "Automatically sent if subscribed to …"). Callbacks carry the documented headers
// (X-WebhookToken, Content-Type application/json; charset=utf-8, Accept application/json) and body
// fields (Webhook Callback Payload's example).
class PortConnectRoutes final : public QObject
{
    Q_OBJECT

public:
    static PortConnectRoutes *install(QHttpServer &http, const SimClock &clock, const Scenario &scenario);

    // The container's events in PortConnect's words, earlier visits included (visit ids differ).
    static QList<SimPortEvent> timeline(const Scenario &scenario, const QString &number, const SimClock &clock);
    // The 32 codes of "Webhook Callback Payload".
    static QStringList documentedCodes();

private:
    struct Entry
    {
        QString number;
        QString reference;
        QDateTime expiresAt;
        int entryId = 0;    // subscriptionContainerId
        QSet<QString> sent; // keys of events already called back
    };
    struct Subscription
    {
        int id = 0;
        int version = 2;
        bool booking = false;
        QStringList codes;
        QString port;
        QString category;
        QString facility;
        QString callbackUri;
        QByteArray token;
        QStringList emails;
        QList<Entry> entries;
    };

    PortConnectRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario);
    void addRoutes(QHttpServer &http);
    QByteArray create(const QHttpServerRequest &request, int version, int *status);
    Subscription &subscriptionFor(const Subscription &wanted);
    QJsonObject listEntry(const Subscription &subscription) const;
    QByteArray listSubscriptions() const;
    int removeNumber(int subscriptionId, const QString &number, QByteArray *body);
    QByteArray queueEvents(const QByteArray &body, int *status);
    QJsonObject statsJson() const;
    void deliverDue();
    QJsonObject callbackElement(const Subscription &s, const Entry &entry, const SimPortEvent &event);

    const SimClock &m_clock;
    const Scenario &m_scenario;
    QNetworkAccessManager *m_network;
    QTimer m_poll;
    QList<Subscription> m_subscriptions;
    QHash<QString, QList<SimPortEvent>> m_queued; // by container number, from /_sim/portconnect/events
    int m_createRequests = 0;
    int m_callbacksSent = 0;
    int m_callbacksAccepted = 0;
    int m_callbacksRefused = 0;
    int m_nextId = 1;
    int m_nextEntryId = 1;
    int m_nextEventId = 1;
};
