#pragma once

#include <QLoggingCategory>

// The PortConnect module's category, shared by its client and its webhook handler.
Q_DECLARE_LOGGING_CATEGORY(lcPortConnect) // quaywatch.providers.portconnect
