#include "portsamericalogging.h"

Q_LOGGING_CATEGORY(lcPortsAmerica, "quaywatch.providers.portsamerica")
