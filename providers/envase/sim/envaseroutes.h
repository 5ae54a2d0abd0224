#pragma once

#include "scenario.h"
#include "simclock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

class QHttpServer;
class QHttpServerRequest;
class QNetworkAccessManager;

// Envase Connect Data's events endpoint as the simulator plays it, plus TRACE_RESULT callbacks:
//
//   POST /api/events            TRACE_REQUESTED / TRACE_CANCELLED, checked as Envase documents
//                               (orgId and svcId UUIDs, type CONTAINER, origin, payload.id,
//                               providerId or siteId, data an object without credentials) -> 202
//   POST /_sim/envase/webhook   {"uri", "token"}: where TRACE_RESULT callbacks go (Envase is told
//                               this out of band; the token travels as "Authorization: Bearer")
//   GET  /_sim/envase           received events, publication counts per container, callbacks sent
//
// A TRACE_REQUESTED traces at once (a result with every event that already happened); after that,
// each newly due event of the scenario is sent as the clock advances, with nextTraceAt six
// simulated hours on. TRACE_CANCELLED stops the callbacks for that container.
class EnvaseRoutes final : public QObject
{
    Q_OBJECT

public:
    static EnvaseRoutes *install(QHttpServer &http, const SimClock &clock, const Scenario &scenario);

private:
    struct Publication
    {
        QString providerId;
        bool active = true;
        int published = 0;
        QSet<QString> sent;
    };

    EnvaseRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario);
    void addRoutes(QHttpServer &http);
    int receive(const QByteArray &body, QString *problem);
    QJsonObject statsJson() const;
    void deliverDue();

    const SimClock &m_clock;
    const Scenario &m_scenario;
    QNetworkAccessManager *m_network;
    QTimer m_poll;
    QUrl m_webhook;
    QByteArray m_token;
    QJsonArray m_received;
    QHash<QString, Publication> m_publications;
    int m_callbacksSent = 0;
    int m_callbacksAccepted = 0;
    int m_callbacksRefused = 0;
};
