#pragma once

#include "auditentry.h"
#include "result.h"

#include <QList>
#include <QString>

class Session;

// The append-only audit log.
namespace AuditTable {
// An entry without a time is stamped with the session's clock, one without a user with the OS user.
Result<void> append(Session &session, const AuditEntry &entry);
Result<QList<AuditEntry>> entries(Session &session, const QString &entity); // empty: every entity
} // namespace AuditTable
