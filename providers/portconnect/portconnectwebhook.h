#pragma once

#include "webhooklistener.h"

#include <QString>

class Store;

// Glue between the webhook listener and the store for PortConnect container event callbacks: map
// (pure), then store through SubscriptionStore::ingest, so a 200 is only answered once the events are
// in the database. Document: "Webhook Callback Payload" (PortConnect developer wiki, space PUG,
// https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2631237921); its "Webhook token" section
// is beyond every stored copy, and the vessel-schedule sibling page
// (https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2631238019) shows the token in the
// X-WebhookToken header, which the listener checks (Authorization: Bearer stays an alternative)
// before this handler runs. The documents are silent on the answer PortConnect expects and on
// retries: 200 once stored; a vessel-schedule callback is refused (400) with a message saying so.
namespace PortConnectWebhook {
inline constexpr auto path = "/webhooks/portconnect";
WebhookListener::Handler handler(Store &store, const QString &entity);
} // namespace PortConnectWebhook
