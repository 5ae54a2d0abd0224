#pragma once

#include "webhooklistener.h"

#include <QByteArray>
#include <QString>

class Store;

// Glue between the webhook listener and the store for Envase TRACE_RESULT callbacks: verify the
// signature on the raw body, map (pure), then store the events and the container's next trace time
// before the 200 goes out.
//
// Documents: "Handling Container Trace Result Events"
// (http://coredocs.envaseconnect.cloud/track-trace/integration/result-events.html) for the body and
// "Validating Events Sent By Envase Connect"
// (http://coredocs.envaseconnect.cloud/connect/Integration_Guide/validation.html) for the
// X-Envase-Connect-Signature-256 header (EnvaseSignatureVerifier says what they leave open). The
// pages are silent on the answer Envase expects and on retries: 200 once stored, 401 for a bad
// signature, 400 for a body Quaywatch cannot read, 503 to be retried.
// A result whose tmsId/svcId is not the svcId in the trace settings is refused (400): it is another
// TMS instance's.
namespace EnvaseWebhook {
inline constexpr auto path = "/webhooks/envase";
inline constexpr auto signingKeyField = "signingKey"; // keychain field, under the module's id
// Unsigned: for callers that verified the signature themselves (and for the tests of the mapping).
WebhookListener::Handler handler(Store &store, const QString &entity);
// The signed endpoint: every callback must carry a valid signature made with signingKey.
WebhookListener::SignedHandler signedHandler(Store &store, const QString &entity, const QByteArray &signingKey);
void addSignedEndpoint(WebhookListener &listener, const QString &path, Store &store, const QString &entity,
                       const QByteArray &signingKey);
} // namespace EnvaseWebhook
