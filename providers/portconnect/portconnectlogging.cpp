#include "portconnectlogging.h"

Q_LOGGING_CATEGORY(lcPortConnect, "quaywatch.providers.portconnect")
