// This module's part of the simulator: generic signed-webhook receivers.
#include "simhost.h"
#include "webhookreceiverroutes.h"

void installProviderSim_signedwebhook(SimHost &host)
{
    WebhookReceiverRoutes::install(host);
}
