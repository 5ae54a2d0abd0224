#pragma once

#include "webhooklistener.h"

#include <QString>

class Store;

// Glue between the webhook listener and the store for Envase TRACE_RESULT callbacks: map (pure),
// then store the events and the container's next trace time before the 200 goes out.
namespace EnvaseWebhook {
inline constexpr auto path = "/webhooks/envase";
WebhookListener::Handler handler(Store &store, const QString &entity);
} // namespace EnvaseWebhook
