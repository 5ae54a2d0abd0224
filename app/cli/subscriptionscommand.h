#pragma once

#include "clicontext.h"

#include <QStringList>

class WebhookListener;

// `quaywatch-cli subscriptions ...` (PortConnect) and `quaywatch-cli envase ...` (trace publishing).
int runSubscriptionsCommand(CliContext &context, const QStringList &arguments);
int runEnvaseCommand(CliContext &context, const QStringList &arguments);

// For `sync --listen [ADDR:]PORT --webhook-token-stdin`: a listener with the PortConnect and Envase
// endpoints storing into the context's store, or nullptr after printing why not.
std::unique_ptr<WebhookListener> startWebhookListener(CliContext &context, const QString &listenSpec);
