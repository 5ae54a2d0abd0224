#include "bulkwriter.h"

#include "clock.h"
#include "codecs.h"
#include "session.h"
#include "sqlitestatement.h"
#include "tracetable.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>

#include <map>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
// A new row is inserted, a cancelled or expired one becomes active again (as addContainer does), an
// active one is left alone; the affected-row count tells which. rows: how many VALUES groups.
// The values are in ContainerBatch's column order. With shared columns (SQLite only), parameter
// c + 1 holds column c for every row, and row r's own values are parameters after those.
QString upsertContainersSql(int rows, quint32 shared = 0)
{
    QString sql = u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
                  "bill_of_lading, booking, added_at, expires_at, trace_state, normalize, next_trace_at) VALUES "_s;
    for (int row = 0; row < rows; ++row) {
        sql += row == 0 ? u"("_s : u", ("_s;
        for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
            if (column > 0)
                sql += u", "_s;
            if (column == ContainerBatch::Normalize)
                sql += u"'active', "_s; // trace_state comes before normalize
            if (shared == 0)
                sql += u'?';
            else if ((shared & (1U << column)) != 0)
                sql += u'?' + QString::number(column + 1);
            else
                sql += u'?' + QString::number((row + 1) * ContainerBatch::ColumnCount + column + 1);
        }
        sql += u')';
    }
    return sql +
           u" ON CONFLICT (entity, container_number, provider) DO UPDATE SET trace_state = 'active', "
           "site = excluded.site, provider_data = excluded.provider_data, "
           "reference = COALESCE(excluded.reference, containers.reference), bill_of_lading = excluded.bill_of_lading, "
           "booking = excluded.booking, normalize = excluded.normalize, added_at = excluded.added_at, "
           "expires_at = excluded.expires_at, next_trace_at = excluded.next_trace_at, last_error = NULL, "
           "claimed_by = NULL, claimed_until = NULL WHERE containers.trace_state <> 'active'"_s;
}
const QString upsertContainerSql = upsertContainersSql(1);

constexpr int rowsPerStatement = 256;

// The SQLite path of a batch: many rows share one statement, so SQLite opens its cursors once per
// statement instead of once per row; the batch's UTF-8 text is bound as it is, and values every row
// shares are bound once per statement.
class SqliteContainerWriter
{
public:
    static Result<SqliteContainerWriter> open(const QSqlDatabase &database)
    {
        auto one = SqliteStatement::prepare(database, upsertContainerSql, u"the container insert"_s);
        if (!one)
            return one.error();
        return SqliteContainerWriter(database, std::move(one.value()));
    }

    // How many rows were new or became active again.
    Result<int> write(const ContainerBatch &batch)
    {
        const quint32 shared = batch.sharedColumns();
        int changed = 0;
        for (qsizetype first = 0; first < batch.size();) {
            const bool many = batch.size() - first >= rowsPerStatement;
            const qsizetype rows = many ? rowsPerStatement : 1;
            SqliteStatement *statement = &m_one;
            if (many) {
                Result<SqliteStatement *> prepared = manyRowStatement(shared);
                if (!prepared)
                    return prepared.error();
                statement = prepared.value();
                for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
                    if ((shared & (1U << column)) != 0)
                        bind(*statement, column + 1, batch, first, column);
                }
            }
            for (qsizetype r = 0; r < rows; ++r) {
                const int at = many ? int(r + 1) * ContainerBatch::ColumnCount + 1 : 1;
                for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
                    if (!many || (shared & (1U << column)) == 0)
                        bind(*statement, at + column, batch, first + r, column);
                }
            }
            QString failing = u"Cannot add container "_s + batch.text(first, ContainerBatch::ContainerNumber);
            if (rows > 1)
                failing += u" or one of the "_s + QString::number(rows - 1) + u" after it"_s;
            const Result<int> stepped = statement->step(failing);
            if (!stepped)
                return stepped.error();
            changed += stepped.value();
            first += rows;
        }
        return changed;
    }

private:
    SqliteContainerWriter(const QSqlDatabase &database, SqliteStatement one)
        : m_database(database), m_one(std::move(one))
    {}

    static void bind(SqliteStatement &statement, int index, const ContainerBatch &batch, qsizetype row, int column)
    {
        const QByteArrayView value = batch.value(row, ContainerBatch::Column(column));
        if (column == ContainerBatch::Normalize)
            statement.bindInt64(index, value == "1" ? 1 : 0);
        else
            statement.bindUtf8(index, value);
    }

    // One statement per set of shared columns; a file's batches nearly always have the same set.
    Result<SqliteStatement *> manyRowStatement(quint32 shared)
    {
        auto found = m_many.find(shared);
        if (found == m_many.end()) {
            auto prepared = SqliteStatement::prepare(m_database, upsertContainersSql(rowsPerStatement, shared),
                                                     u"the container insert"_s);
            if (!prepared)
                return prepared.error();
            found = m_many.emplace(shared, std::move(prepared.value())).first;
        }
        return &found->second;
    }

    QSqlDatabase m_database;
    SqliteStatement m_one;
    std::map<quint32, SqliteStatement> m_many; // rowsPerStatement rows each
};

Result<int> insertEventsDirect(const QSqlDatabase &database, const QList<Event> &events, const QString &now,
                               QList<qint64> *storedIds)
{
    Result<SqliteStatement> statement =
        SqliteStatement::prepare(database, TraceTable::insertEventSql(), u"the event insert"_s);
    if (!statement)
        return statement.error();
    int inserted = 0;
    for (const Event &event : events) {
        // The locals keep the bound text alive until the step (SQLITE_STATIC binds without copying).
        const QString occurredAt = storedTimeText(event.occurredAt);
        const QString observedAt = event.observedAt.isValid() ? storedTimeText(event.observedAt) : now;
        const QByteArray data =
            event.data.isEmpty() ? QByteArray() : QJsonDocument(event.data).toJson(QJsonDocument::Compact);
        const QByteArray raw =
            event.raw.isEmpty() ? QByteArray() : QJsonDocument(event.raw).toJson(QJsonDocument::Compact);
        statement->bindInt64(1, event.containerId);
        statement->bindText(2, cachedEventCodeName(event.code));
        statement->bindText(3, event.providerCode);
        statement->bindText(4, occurredAt);
        statement->bindText(5, observedAt);
        statement->bindText(6, event.location.name);
        statement->bindText(7, event.location.type);
        statement->bindText(8, event.location.lot);
        statement->bindUtf8(9, data);
        statement->bindText(10, event.source);
        statement->bindText(11, event.dedupeKey);
        statement->bindUtf8(12, raw);
        const Result<int> changed = statement->step(u"Cannot insert event "_s % event.dedupeKey);
        if (!changed)
            return changed.error();
        inserted += changed.value();
        if (storedIds && changed.value() > 0)
            storedIds->append(statement->lastInsertRowId());
    }
    return inserted;
}

class SqliteBulkWriter final : public BulkWriter
{
public:
    explicit SqliteBulkWriter(Session &session) : m_session(session) {}

    Result<int> writeContainers(const ContainerBatch &batch) override
    {
        if (!m_containers) {
            Result<SqliteContainerWriter> opened = SqliteContainerWriter::open(m_session.database());
            if (!opened)
                return opened.error();
            m_containers.emplace(std::move(opened.value()));
        }
        return m_containers->write(batch);
    }

    Result<int> writeEvents(const QList<Event> &events, QList<qint64> *storedIds) override
    {
        return insertEventsDirect(m_session.database(), events, storedTimeText(m_session.clock().now()), storedIds);
    }

private:
    Session &m_session;
    std::optional<SqliteContainerWriter> m_containers;
};

// PostgreSQL: one QtSql statement per kind, run once per row.
class PortableBulkWriter final : public BulkWriter
{
public:
    explicit PortableBulkWriter(Session &session) : m_session(session) {}

    Result<int> writeContainers(const ContainerBatch &batch) override
    {
        if (!m_containers) {
            Result<QSqlQuery> prepared = m_session.prepare(upsertContainerSql, u"the container insert"_s);
            if (!prepared)
                return prepared.error();
            m_containers.emplace(std::move(prepared.value()));
        }
        QSqlQuery &query = *m_containers;
        int changed = 0;
        for (qsizetype row = 0; row < batch.size(); ++row) {
            for (int column = 0; column < ContainerBatch::ColumnCount; ++column) {
                const QByteArrayView value = batch.value(row, ContainerBatch::Column(column));
                if (column == ContainerBatch::Normalize)
                    query.bindValue(column, value == "1" ? 1 : 0);
                else
                    query.bindValue(column, value.isNull() ? nullText() : QVariant(QString::fromUtf8(value)));
            }
            if (!query.exec())
                return m_session.failed(u"Cannot add container "_s + batch.text(row, ContainerBatch::ContainerNumber),
                                        query);
            changed += query.numRowsAffected();
        }
        return changed;
    }

    Result<int> writeEvents(const QList<Event> &events, QList<qint64> *storedIds) override
    {
        // RETURNING gives the new row's id, and no row for a duplicate.
        Result<QSqlQuery> prepared = m_session.prepare(storedIds ? TraceTable::insertEventSql() + u" RETURNING id"_s
                                                                 : TraceTable::insertEventSql(),
                                                       u"the event insert"_s);
        if (!prepared)
            return prepared.error();
        QSqlQuery &query = prepared.value();
        const QVariant now = timeValue(m_session.clock().now());
        int inserted = 0;
        for (const Event &event : events) {
            TraceTable::bindEvent(query, event, event.containerId, now);
            if (!query.exec())
                return m_session.failed(u"Cannot insert event "_s % event.dedupeKey, query);
            if (storedIds) {
                if (query.next()) {
                    storedIds->append(query.value(0).toLongLong());
                    ++inserted;
                }
            } else {
                inserted += query.numRowsAffected();
            }
        }
        query.finish();
        return inserted;
    }

private:
    Session &m_session;
    std::optional<QSqlQuery> m_containers;
};
} // namespace

Result<std::unique_ptr<BulkWriter>> BulkWriter::open(Session &session)
{
    if (session.backend() == Session::Backend::Sqlite)
        return std::unique_ptr<BulkWriter>(std::make_unique<SqliteBulkWriter>(session));
    return std::unique_ptr<BulkWriter>(std::make_unique<PortableBulkWriter>(session));
}
