#pragma once

#include "acknowledgementrecord.h"
#include "result.h"

#include <QList>
#include <QString>

class Session;

// The acknowledgements table (migration 5). An acknowledgement and its audit-log line are written in
// one transaction, so the audit log never misses one.
namespace AcknowledgementTable {
// Stamps a missing time with the session clock and a missing user with the OS user.
Result<Acknowledgement> append(Session &session, const Acknowledgement &acknowledgement);
// The entity's acknowledgements, newest first.
Result<QList<Acknowledgement>> entries(Session &session, const QString &entity);
} // namespace AcknowledgementTable
