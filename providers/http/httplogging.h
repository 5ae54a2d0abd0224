#pragma once

#include <QLoggingCategory>

// The HTTP layer's one category; provider modules declare their own next to their code.
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // quaywatch.providers.http
