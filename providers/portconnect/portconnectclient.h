#pragma once

#include "portconnectsubscriptionrequest.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
struct HttpResult;

// One number the provider accepted into a subscription, with the end of its 90-day window.
struct PortConnectSubscribed
{
    QString number;
    QString subscriptionId;
    QDateTime expiresAt;
};

// The PortConnect subscription API over the shared HTTP layer: create (split into requests of at
// most 10 numbers, sent one after another), list and remove. Documents: PortConnect's "Container
// Event Subscriptions API" and its developer wiki pages "Create Container Event Subscription (V1)",
// "(V2)", "GET Options", "DELETE Options" (portconnect.atlassian.net, space PUG); what they say is
// in docs/providers/portconnect.md. The request body and the create response read here still
// differ from those pages (that file's gap analysis lists each field) and are to be brought in line.
// The subscription key travels in the Ocp-Apim-Subscription-Key header (the stored pages do not
// show the header; the product contract names it) and nowhere else. A request the validation refuses is never sent:
// the callback gets the problems instead.
class PortConnectClient final : public QObject
{
    Q_OBJECT

public:
    PortConnectClient(QNetworkAccessManager *network, QUrl baseUrl, QByteArray subscriptionKey,
                      QObject *parent = nullptr);

    // Callbacks run later on the event loop, never inside the call.
    void subscribe(const PortConnectSubscriptionRequest &request,
                   std::function<void(Result<QList<PortConnectSubscribed>>)> done);
    void list(int apiVersion, std::function<void(Result<QJsonArray>)> done);
    // Removes one number from a subscription (subscriptionId may be empty: from every subscription).
    void remove(int apiVersion, const QString &subscriptionId, const QString &number,
                std::function<void(Result<void>)> done);

    int requestsSent() const { return m_requestsSent; }

private:
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
              std::function<void(const HttpResult &)> done);
    void subscribeNext(QList<PortConnectSubscriptionRequest> parts, QList<PortConnectSubscribed> accepted,
                       std::function<void(Result<QList<PortConnectSubscribed>>)> done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_subscriptionKey;
    int m_requestsSent = 0;
};
