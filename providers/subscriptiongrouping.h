#pragma once

#include "storage/subscriptionrecords.h"
#include "subscriptionprovider.h"

#include <QList>

// The requests that renew stored subscriptions: one per record, and records that share everything
// but the number grouped into one request (the provider still caps how many per request).
namespace SubscriptionGrouping {
SubscriptionRequest requestFor(const SubscriptionRecord &record);
QList<SubscriptionRequest> groupRequests(const QList<SubscriptionRecord> &records);
} // namespace SubscriptionGrouping
