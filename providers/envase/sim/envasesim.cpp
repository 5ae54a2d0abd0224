// This module's part of the simulator: the events endpoint and its TRACE_RESULT callbacks.
#include "envaseroutes.h"
#include "simhost.h"

void installProviderSim_envase(SimHost &host)
{
    EnvaseRoutes::install(host.http(), host.clock(), host.scenario());
}
