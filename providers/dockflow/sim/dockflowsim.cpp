// This module's part of the simulator: the terminals' auth endpoints for every simulator user.
#include "dockflowauthroutes.h"
#include "simhost.h"

void installProviderSim_dockflow(SimHost &host)
{
    DockflowAuthRoutes::install(host.http(), host.users());
}
