#pragma once

#include "webhooklistener.h"

#include <QString>

class Store;

// Glue between the webhook listener and the store for PortConnect callbacks: map (pure), then store
// through SubscriptionStore::ingest, so a 200 is only answered once the events are in the database.
namespace PortConnectWebhook {
inline constexpr auto path = "/webhooks/portconnect";
WebhookListener::Handler handler(Store &store, const QString &entity);
} // namespace PortConnectWebhook
