#pragma once

#include "subscriptionprovider.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One PortConnect subscription as the user asks for it, per PortConnect's API documentation: v1 takes one event type
// code per request, v2 several or "ALL"; by container or booking number; callbacks by webhook (URI + token) and/or
// e-mail. All of the documented request rules are checked here, before anything is sent, so the user reads one clear
// message per problem instead of a provider's 400.
struct PortConnectSubscriptionRequest : SubscriptionRequest
{
    static constexpr int maxNumbersPerRequest = 10;
    static constexpr int maxReferenceLength = 50;

    PortConnectSubscriptionRequest() = default;
    explicit PortConnectSubscriptionRequest(const SubscriptionRequest &request) : SubscriptionRequest(request) {}

    // port: NZAKL, NZTRG, NZTIU, NZLYT, DEPOT or ALL; category: IMPORT, EXPORT, TRANSHIPMENT,
    // DOMESTIC, STORAGE; eventCodes: v1 exactly one, v2 one or more or {"ALL"}; facility only for
    // event codes that support it.
    static QStringList portCodes();
    static QStringList categoryCodes();

    // Readable problems; empty means the request may be sent.
    QStringList validate() const;
    // The same subscription in requests of at most maxNumbersPerRequest numbers each.
    QList<PortConnectSubscriptionRequest> split() const;
    // The body of one request (call on a split part).
    QByteArray toJson() const;
    // "/v1/subscriptions" or "/v2/subscriptions".
    QString path() const;

    bool operator==(const PortConnectSubscriptionRequest &) const = default;
};
