#pragma once

#include "scenario.h"
#include "simclock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
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
    QString code; // DISCHARGE, AVAILABLE, GATEOUT, ...
    QDateTime at;
    QString visitId;
    QJsonObject extra; // e.g. {"lastFreeTime": ...}
};

// The PortConnect subscription API as the simulator plays it, plus the callbacks:
//
//   POST   /v1/subscriptions, /v2/subscriptions   Ocp-Apim-Subscription-Key required ("invalid" is
//          refused with 401); at most 10 numbers; codes, port and category checked (400 otherwise)
//   GET    /v{1,2}/subscriptions                  the active subscriptions
//   DELETE /v{1,2}/subscriptions/{id}/containers/{number}, /v{1,2}/subscriptions/containers/{number}
//   GET    /_sim/portconnect                      counters and subscriptions, for tests
//
// A new subscription gets an initial callback with the subscribed events that already happened; as
// the scenario's clock advances (/_sim/advance), each newly due event is posted to the webhook URI
// with the token in X-Webhook-Token. Containers outside the scenario get a derived timeline.
class PortConnectRoutes final : public QObject
{
    Q_OBJECT

public:
    static PortConnectRoutes *install(QHttpServer &http, const SimClock &clock, const Scenario &scenario);

    // The container's events in PortConnect's words, earlier visits included (visit ids differ).
    static QList<SimPortEvent> timeline(const Scenario &scenario, const QString &number, const SimClock &clock);

private:
    struct Subscription
    {
        QString id;
        QString number;
        int version = 2;
        QStringList codes;
        QString port;
        QString category;
        QString callbackUri;
        QByteArray token;
        QString reference;
        QDateTime expiresAt;
        QSet<QString> sent; // keys of events already called back
    };

    PortConnectRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario);
    void addRoutes(QHttpServer &http);
    QByteArray create(const QHttpServerRequest &request, int version, int *status);
    QByteArray listSubscriptions() const;
    bool removeNumber(const QString &subscriptionId, const QString &number);
    QJsonObject statsJson() const;
    void deliverDue();

    const SimClock &m_clock;
    const Scenario &m_scenario;
    QNetworkAccessManager *m_network;
    QTimer m_poll;
    QList<Subscription> m_subscriptions;
    int m_createRequests = 0;
    int m_callbacksSent = 0;
    int m_callbacksAccepted = 0;
    int m_callbacksRefused = 0;
    int m_nextId = 1;
};
