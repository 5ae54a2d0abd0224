#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

// A prepared statement on the SQLite connection behind a Store's QSqlDatabase, for the bulk paths
// (event ingestion, spreadsheet import) where QtSql's per-value QVariant binding costs as much as
// SQLite's insert itself. Text is bound without copying: the caller keeps it alive until step().
class SqliteStatement final
{
public:
    // what names the statement in error messages, e.g. "the event insert".
    static Result<SqliteStatement> prepare(const QSqlDatabase &database, const QString &sql, const QString &what);

    void bindText(int index, const QString &text);    // NULL when empty
    void bindUtf8(int index, const QByteArray &text); // NULL when empty
    void bindUtf8(int index, QByteArrayView text);    // NULL when null; text must outlive step()
    void bindInt64(int index, qint64 value);
    // Runs the statement once and resets it for the next row: the number of rows it changed, or the
    // error with failing (e.g. "Cannot insert event X") in front of SQLite's message.
    Result<int> step(const QString &failing);
    // The rowid of the last row the connection inserted (valid right after a step that changed one).
    qint64 lastInsertRowId() const;

private:
    SqliteStatement(sqlite3 *connection, sqlite3_stmt *statement);

    sqlite3 *m_connection = nullptr;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> m_statement;
};
