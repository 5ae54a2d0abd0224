// This module's part of the simulator: the subscription API and its callbacks on the scenario.
#include "portconnectroutes.h"
#include "simhost.h"

void installProviderSim_portconnect(SimHost &host)
{
    PortConnectRoutes::install(host.http(), host.clock(), host.scenario());
}
