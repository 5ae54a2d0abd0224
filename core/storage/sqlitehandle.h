#pragma once

#include <QSqlDatabase>

#include <sqlite3.h>

// The sqlite3 connection behind a QSQLITE QSqlDatabase, or nullptr for any other driver. Hot paths
// (bulk event ingestion, CSV export) use it to skip QtSql's per-value QVariant work; Debian's
// QSQLITE plugin links the same system libsqlite3 as core, so the handle is safe to share. It
// belongs to the Store's connection: use it only on that connection's thread.
sqlite3 *sqliteHandle(const QSqlDatabase &database);
