#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

class QHttpServerRequest;
class SimHost;

// A generic receiver of Quaywatch's signed outbound webhooks (docs/outbound-webhooks.md), as a
// warehouse or relay would run it. Receivers are named; each has its own secret and faults.
//
//   POST /receivers/webhook/<name>  a delivery: 401 unless Quaywatch-Signature signs the raw body
//                                   with the receiver's secret within its tolerance (300 s by
//                                   default, against real time); a message id accepted before is
//                                   answered 200 again but recorded as a duplicate only
//   POST /_sim/receivers/<name>     configures it (fields present change, others stay):
//                                   {"secret", "toleranceSeconds", "failNext": N, "failStatus": 500,
//                                    "retryAfter": "<seconds or HTTP-date>", "delayMs", "outage": bool,
//                                    "reset": true (forgets the record)}
//   GET  /_sim/receivers/<name>     the record: {"accepted": [{"order", "messageId",
//                                   "containerNumber", "eventCode", "body"}], "acceptedCount",
//                                   "maxHeld" (most deliveries held by delayMs at once: how many
//                                   a sender really had in flight), "duplicates", "rejected", "rejections":
//                                   [reason...], "requests", "faulted"}; with ?summary=true "accepted" is empty (a
//                                   benchmark's 100,000 bodies are not worth sending back)
//
// Faults: the next failNext deliveries get failStatus (with Retry-After when set); with outage on
// every delivery gets 503 until it is turned off; delayMs holds each answer back (on top of the
// server's latency-ms). A receiver that was never configured has no secret and refuses everything.
class WebhookReceiverRoutes final : public QObject
{
    Q_OBJECT

public:
    static WebhookReceiverRoutes *install(SimHost &host);

private:
    struct Accepted
    {
        int order = 0;
        QString messageId;
        QString containerNumber;
        QString eventCode;
        QByteArray body;
    };
    struct Receiver
    {
        QByteArray secret;
        qint64 toleranceSeconds = 300;
        int failNext = 0;
        int failStatus = 500;
        QByteArray retryAfter;
        int delayMs = 0;
        bool outage = false;
        QList<Accepted> accepted;
        QSet<QString> seen;
        int duplicates = 0;
        int rejected = 0;
        QStringList rejections;
        int requests = 0;
        int faulted = 0;
        int held = 0; // answers waiting out delayMs now
        int maxHeld = 0;
    };

    explicit WebhookReceiverRoutes(SimHost &host);
    void addRoutes();
    QJsonObject configure(const QString &name, const QJsonObject &settings, int *status);
    QJsonObject record(const QString &name, bool summary) const;
    // The status and body a delivery gets; *retryAfter the Retry-After to send, if any.
    int receive(const QString &name, const QHttpServerRequest &request, QByteArray *body, QByteArray *retryAfter,
                int *delayMs);

    SimHost &m_host;
    QHash<QString, Receiver> m_receivers;
};
