#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)         // quaywatch.providers.http
Q_DECLARE_LOGGING_CATEGORY(lcPortsAmerica) // quaywatch.providers.portsamerica
