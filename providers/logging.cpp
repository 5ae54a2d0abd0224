#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "quaywatch.providers.http")
Q_LOGGING_CATEGORY(lcPortsAmerica, "quaywatch.providers.portsamerica")
