#include "portprologging.h"

Q_LOGGING_CATEGORY(lcPortPro, "quaywatch.providers.portpro")
