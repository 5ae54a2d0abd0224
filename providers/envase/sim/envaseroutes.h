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

// Envase Connect Data as the simulator plays it, from Envase's coredocs (docs/providers/envase.md):
//
//   POST /oauth2/token   "Authorizing Your API Against Envase Connect" (connect/Integration_Guide/
//                        authorization.html): Basic id:secret, form grant_type=client_credentials and
//                        scope=connectdata/events -> {"access_token", "expires_in": 3600,
//                        "token_type": "Bearer"} (the response's keys are OAuth 2's; the page is silent)
//   POST /api/webhooks   "Registering Web-Hooks with Envase Connect Data" (track-trace/integration/
//                        web-hooks.html) plus the signingKey of "Validating Events Sent By Envase
//                        Connect": url, triggers ["TRACE_RESULT"], entityType "CONTAINER", signingKey
//                        -> the registration with its generated id
//   POST /api/events     "Publishing Containers for Tracing" (track-trace/integration/
//                        publish-container.html): TRACE_REQUESTED / TRACE_CANCELLED -> the event back
//   GET  /_sim/envase    received events, publications, registrations, callbacks sent (the simulator's)
//
// /api/webhooks and /api/events need "Authorization: Bearer <token from /oauth2/token>" (401
// otherwise). The documents give no validation errors: the 400s below (orgId/svcId UUIDs, no
// credentials in data, …) are the simulator's rules.
// Results ("Handling Container Trace Result Events", track-trace/integration/result-events.html, and
// the provider page "Ports America", track-trace/providers/rt/ports-america.html): a TRACE_REQUESTED
// traces at once; after that, a new result is sent whenever the traced state changes as the
// simulated clock advances. Each result reports the whole current state as the provider page's
// events (arrived, grounded with data.grounded, hold per active hold with holdType and data.code, lfd
// with data.lfd as YYYYMMDD and released when no hold is left, outgated with data.outgated,
// outgate_scac, outgate_confirmed), event[n].date the trace time, location {lot, name, type}. Times
// are UTC wall clock without offset, as the documents print them (their zone is not documented).
// Every callback is signed: X-Envase-Connect-Signature-256: t=<Unix seconds, real time>,v1=<hex
// HMAC-SHA256 of "<t>.<body>"> with the registration's signingKey.
class EnvaseRoutes final : public QObject
{
    Q_OBJECT

public:
    static EnvaseRoutes *install(QHttpServer &http, const SimClock &clock, const Scenario &scenario);

private:
    struct Publication
    {
        QString providerId;
        QString orgId;
        QString svcId;
        bool active = true;
        int published = 0;
        QByteArray lastState; // the events last sent, without their dates
    };
    struct Registration
    {
        QString id;
        QUrl url;
        QByteArray signingKey;
    };

    EnvaseRoutes(QHttpServer &http, const SimClock &clock, const Scenario &scenario);
    void addRoutes(QHttpServer &http);
    bool authorized(const QHttpServerRequest &request) const;
    QJsonObject issueToken(const QHttpServerRequest &request, int *status);
    QJsonObject registerWebhook(const QByteArray &body, int *status);
    int receive(const QByteArray &body, QString *problem);
    QJsonObject statsJson() const;
    QJsonArray currentEvents(const QString &number, const QDateTime &now) const;
    void deliverDue(bool force);
    void send(const QString &number, const Publication &publication, const QJsonArray &events, const QDateTime &now);

    const SimClock &m_clock;
    const Scenario &m_scenario;
    QNetworkAccessManager *m_network;
    QTimer m_poll;
    QSet<QByteArray> m_tokens;
    QList<Registration> m_registrations;
    QJsonArray m_received;
    QHash<QString, Publication> m_publications;
    int m_tokensIssued = 0;
    int m_callbacksSent = 0;
    int m_callbacksAccepted = 0;
    int m_callbacksRefused = 0;
};
