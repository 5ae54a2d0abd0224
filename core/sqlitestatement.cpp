#include "sqlitestatement.h"

#include "sqlitehandle.h"

#include <QStringBuilder>
#include <QStringEncoder>

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
    if (text.isEmpty())
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

void Utf8Buffer::reset(qsizetype utf16Units)
{
    const qsizetype needed = utf16Units * 3;
    if (m_buffer.size() < needed)
        m_buffer = QByteArray(needed, Qt::Uninitialized); // never resized while views are out
    m_used = 0;
}

QByteArrayView Utf8Buffer::add(QStringView text)
{
    char *const start = m_buffer.data() + m_used;
    char *out = start;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit < 0x80) {
            *out++ = char(unit); // ASCII: nearly every container number, code and date
            continue;
        }
        // Anything else (a consignee's name with accents, say) through Qt's encoder from here on.
        QStringEncoder encoder(QStringEncoder::Utf8);
        out = encoder.appendToBuffer(out, text.mid(i));
        break;
    }
    m_used = out - m_buffer.data();
    Q_ASSERT(m_used <= m_buffer.size());
    return QByteArrayView(start, out - start);
}
