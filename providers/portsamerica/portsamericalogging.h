#pragma once

#include <QLoggingCategory>

// The Ports America module's category, shared by its adapter, mapper and sites.
Q_DECLARE_LOGGING_CATEGORY(lcPortsAmerica) // quaywatch.providers.portsamerica
