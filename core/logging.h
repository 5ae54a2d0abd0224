#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)   // quaywatch.core.store
Q_DECLARE_LOGGING_CATEGORY(lcSync)    // quaywatch.core.sync
Q_DECLARE_LOGGING_CATEGORY(lcSecrets) // quaywatch.core.secrets
