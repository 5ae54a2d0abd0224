#pragma once

#include "clicontext.h"

#include <QStringList>

class WebhookListener;

// `quaywatch-cli subscriptions ...` (the subscribing module) and `quaywatch-cli VERB ...`, the trace
// publishing commands under the verb the publishing module names (arguments[0]).
int runSubscriptionsCommand(CliContext &context, const QStringList &arguments);
int runPublishingCommand(CliContext &context, const QStringList &arguments);

// For `sync --listen [ADDR:]PORT [--webhook-token-stdin]`: a listener with every module's webhook
// endpoint storing into the context's store, or nullptr after printing why not. Without a token on
// stdin, the one subscriptions stored in the keychain (given or generated) is used.
std::unique_ptr<WebhookListener> startWebhookListener(CliContext &context, const QString &listenSpec,
                                                      bool tokenFromStdin);
