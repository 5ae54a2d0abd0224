#pragma once

#include "connectionrecord.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

class Session;

// The connections table: a provider connection's non-secret fields and its status.
namespace ConnectionTable {
Result<void> save(Session &session, const ConnectionRecord &connection);
Result<std::optional<ConnectionRecord>> connection(Session &session, const QString &entity, const QString &provider);
Result<QList<ConnectionRecord>> connections(Session &session, const QString &entity);
Result<void> remove(Session &session, const QString &entity, const QString &provider);
} // namespace ConnectionTable
