#pragma once

#include "subscriptionprovider.h"

// PortConnect as the subscribing provider: its request rules, allowed values and client, behind
// the generic SubscriptionProvider the subscription service and the CLI use.
class PortConnectSubscriptions final : public SubscriptionProvider
{
public:
    PortConnectSubscriptions() = default;

    SubscriptionOptions options() const override;
    QStringList validate(const SubscriptionRequest &request) const override;
    QString keyField() const override;
    QUrl defaultBaseUrl() const override;
    std::unique_ptr<SubscriptionSession> openSession(QNetworkAccessManager *network, const QUrl &baseUrl,
                                                     const QByteArray &key) const override;
};
