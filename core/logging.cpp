#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "quaywatch.core.store")
Q_LOGGING_CATEGORY(lcSync, "quaywatch.core.sync")
Q_LOGGING_CATEGORY(lcSecrets, "quaywatch.core.secrets")
