#include "httplogging.h"

Q_LOGGING_CATEGORY(lcHttp, "quaywatch.providers.http")
