#include "sqlitestatement.h"

#include "sqlitehandle.h"

#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;

SqliteStatement::SqliteStatement(sqlite3 *connection, sqlite3_stmt *statement)
    : m_connection(connection), m_statement(statement, sqlite3_finalize)
{}

Result<SqliteStatement> SqliteStatement::prepare(const QSqlDatabase &database, const QString &sql, const QString &what)
{
    sqlite3 *connection = sqliteHandle(database);
    if (!connection)
        return makeError(ErrorKind::Internal, u"The SQLite driver did not expose its handle"_s);
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(connection, utf8.constData(), int(utf8.size()), &statement, nullptr) != SQLITE_OK) {
        return makeError(ErrorKind::Storage,
                         u"Cannot prepare "_s % what % u": "_s % QString::fromUtf8(sqlite3_errmsg(connection)));
    }
    return SqliteStatement(connection, statement);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement.get(), index);
    else
        sqlite3_bind_text16(m_statement.get(), index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, const QByteArray &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement.get(), index);
    else
        sqlite3_bind_text(m_statement.get(), index, text.constData(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, QByteArrayView text)
{
    if (text.isNull())
        sqlite3_bind_null(m_statement.get(), index);
    else
        sqlite3_bind_text(m_statement.get(), index, text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement.get(), index, value);
}

Result<int> SqliteStatement::step(const QString &failing)
{
    const int stepped = sqlite3_step(m_statement.get());
    sqlite3_reset(m_statement.get());
    if (stepped != SQLITE_DONE)
        return makeError(ErrorKind::Storage, failing % u": "_s % QString::fromUtf8(sqlite3_errmsg(m_connection)));
    return sqlite3_changes(m_connection);
}

qint64 SqliteStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_connection);
}
