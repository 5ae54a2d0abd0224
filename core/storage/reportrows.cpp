#include "reportrows.h"

#include "session.h"
#include "sqlitehandle.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
struct ReportSql
{
    QList<ReportColumn> columns;
    QString from;         // FROM ... WHERE with :entity
    QString orderBy;      // ORDER BY ...
    QString numberColumn; // restricts to ReportRequest::numbers when set
};

// Declarative tables: a report's columns and where they come from.
ReportSql watchlistSql()
{
    return ReportSql{{{u"container_number", u"c.container_number"},
                      {u"entity", u"c.entity"},
                      {u"provider", u"c.provider"},
                      {u"site", u"c.site"},
                      {u"reference", u"c.reference"},
                      {u"bill_of_lading", u"c.bill_of_lading"},
                      {u"booking", u"c.booking"},
                      {u"trace_state", u"c.trace_state"},
                      {u"status", u"s.status"},
                      {u"holds", u"s.holds", ReportCellType::Holds},
                      {u"lfd", u"s.lfd"},
                      {u"lfd_terminal", u"s.lfd_terminal"},
                      {u"lfd_line", u"s.lfd_line"},
                      {u"available", u"s.available", ReportCellType::Bool},
                      {u"vessel_name", u"s.vessel_name"},
                      {u"voyage", u"s.voyage"},
                      {u"vessel_eta", u"s.vessel_eta"},
                      {u"vessel_ata", u"s.vessel_ata"},
                      {u"discharged_at", u"s.discharged_at"},
                      {u"location", u"s.location"},
                      {u"location_lot", u"s.location_lot"},
                      {u"demurrage_amount", u"s.demurrage_amount", ReportCellType::Number},
                      {u"outgated_at", u"s.outgated_at"},
                      {u"outgate_trucker", u"s.outgate_trucker"},
                      {u"chassis_number", u"s.chassis_number"},
                      {u"empty_returned_at", u"s.empty_returned_at"},
                      {u"pickup_appointment_at", u"s.pickup_appointment_at"},
                      {u"size_length", u"s.size_length"},
                      {u"size_height", u"s.size_height"},
                      {u"size_iso_code", u"s.size_iso_code"},
                      {u"gross_weight", u"s.gross_weight", ReportCellType::Number},
                      {u"hazardous", u"s.hazardous", ReportCellType::Bool},
                      {u"line_scac", u"s.line_scac"},
                      {u"provider_data", u"c.provider_data", ReportCellType::Json},
                      {u"normalize", u"c.normalize", ReportCellType::Bool},
                      {u"added_at", u"c.added_at"},
                      {u"expires_at", u"c.expires_at"},
                      {u"last_traced_at", u"c.last_traced_at"},
                      {u"next_trace_at", u"c.next_trace_at"},
                      {u"last_error", u"c.last_error"}},
                     u"FROM containers c LEFT JOIN snapshots s ON s.container_id = c.id WHERE c.entity = :entity"_s,
                     u"ORDER BY c.container_number, c.provider"_s,
                     u"c.container_number"_s};
}

ReportSql eventsSql()
{
    return ReportSql{{{u"container_number", u"c.container_number"},
                      {u"code", u"e.code"},
                      {u"provider_code", u"e.provider_code"},
                      {u"occurred_at", u"e.occurred_at"},
                      {u"observed_at", u"e.observed_at"},
                      {u"location_name", u"e.location_name"},
                      {u"location_type", u"e.location_type"},
                      {u"location_lot", u"e.location_lot"},
                      {u"data", u"e.data", ReportCellType::Json},
                      {u"source", u"e.source"}},
                     u"FROM events e JOIN containers c ON c.id = e.container_id WHERE c.entity = :entity"_s,
                     u"ORDER BY e.container_id, e.id"_s,
                     u"c.container_number"_s};
}

ReportSql auditSql()
{
    return ReportSql{{{u"at", u"at"},
                      {u"user", u"os_user"},
                      {u"entity", u"entity"},
                      {u"provider", u"provider"},
                      {u"action", u"action"},
                      {u"outcome", u"outcome"},
                      {u"detail", u"detail"}},
                     u"FROM audit_log WHERE entity = :entity"_s,
                     u"ORDER BY id"_s,
                     QString()};
}

const ReportSql &reportSql(ReportTable table)
{
    static const ReportSql watchlist = watchlistSql(), events = eventsSql(), audit = auditSql();
    switch (table) {
    case ReportTable::Events:
        return events;
    case ReportTable::Audit:
        return audit;
    case ReportTable::Watchlist:
        break;
    }
    return watchlist;
}

QString selectStatement(const ReportSql &report, const ReportRequest &request)
{
    QStringList expressions;
    for (const ReportColumn &column : report.columns)
        expressions.append(QString::fromUtf16(column.expression));
    QString sql = u"SELECT "_s + expressions.join(u", "_s) + u' ' + report.from;
    if (!request.numbers.isEmpty() && !report.numberColumn.isEmpty()) {
        QStringList placeholders;
        for (qsizetype i = 0; i < request.numbers.size(); ++i)
            placeholders.append(u":n"_s + QString::number(i));
        sql += u" AND "_s + report.numberColumn + u" IN ("_s + placeholders.join(u", "_s) + u')';
    }
    return sql + u' ' + report.orderBy;
}

Result<void> bindSqlite(sqlite3_stmt *statement, const ReportRequest &request)
{
    const auto bind = [statement](const char *name, const QString &value) {
        const int index = sqlite3_bind_parameter_index(statement, name);
        const QByteArray utf8 = value.toUtf8();
        return index == 0 ||
               sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) == SQLITE_OK;
    };
    bool bound = bind(":entity", request.entity);
    for (qsizetype i = 0; i < request.numbers.size(); ++i)
        bound = bound && bind(QByteArray(":n" + QByteArray::number(i)).constData(), request.numbers.at(i));
    if (!bound)
        return makeError(ErrorKind::Storage, u"Cannot bind the report parameters"_s);
    return {};
}
} // namespace

struct ReportCursor::Private
{
    QList<ReportCellType> types;
    // The SQLite fast path: cells go from SQLite's own UTF-8 to the caller with no QVariant or
    // QString per cell, which is what keeps a large CSV export close to `sqlite3 -csv`.
    sqlite3 *connection = nullptr;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement{nullptr, sqlite3_finalize};
    std::optional<QSqlQuery> query; // every other case
};

ReportCursor::ReportCursor(std::unique_ptr<Private> d, bool raw) : d(std::move(d)), m_raw(raw) {}

ReportCursor::~ReportCursor() = default;

const QList<ReportColumn> &ReportCursor::columns(ReportTable table)
{
    return reportSql(table).columns;
}

Result<std::unique_ptr<ReportCursor>> ReportCursor::open(Session &session, const ReportRequest &request)
{
    const ReportSql &report = reportSql(request.table);
    const QString sql = selectStatement(report, request);
    auto d = std::make_unique<Private>();
    for (const ReportColumn &column : report.columns)
        d->types.append(column.type);
    sqlite3 *handle = request.rawText ? sqliteHandle(session.database()) : nullptr;
    if (handle) {
        sqlite3_stmt *statement = nullptr;
        const QByteArray utf8Sql = sql.toUtf8();
        if (sqlite3_prepare_v2(handle, utf8Sql.constData(), int(utf8Sql.size()), &statement, nullptr) != SQLITE_OK)
            return makeError(ErrorKind::Storage,
                             u"Cannot prepare the report: "_s + QString::fromUtf8(sqlite3_errmsg(handle)));
        d->connection = handle;
        d->statement.reset(statement);
        if (const Result<void> bound = bindSqlite(statement, request); !bound)
            return bound.error();
    } else {
        QSqlQuery &query = d->query.emplace(session.database());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return makeError(ErrorKind::Storage, u"Cannot prepare the report: "_s + query.lastError().text());
        query.bindValue(u":entity"_s, request.entity);
        for (qsizetype i = 0; i < request.numbers.size(); ++i)
            query.bindValue(u":n"_s + QString::number(i), request.numbers.at(i));
        if (!query.exec())
            return makeError(ErrorKind::Storage, u"Cannot read the report: "_s + query.lastError().text());
    }
    std::unique_ptr<ReportCursor> cursor(new ReportCursor(std::move(d), handle != nullptr));
    cursor->m_cells.resize(report.columns.size());
    return cursor;
}

Result<bool> ReportCursor::next()
{
    if (!m_raw) {
        if (d->query->next())
            return true;
        if (d->query->lastError().isValid())
            return makeError(ErrorKind::Storage, u"Cannot read the report rows: "_s + d->query->lastError().text());
        return false;
    }
    sqlite3_stmt *statement = d->statement.get();
    const int step = sqlite3_step(statement);
    if (step == SQLITE_DONE)
        return false;
    if (step != SQLITE_ROW)
        return makeError(ErrorKind::Storage,
                         u"Cannot read the report rows: "_s + QString::fromUtf8(sqlite3_errmsg(d->connection)));
    const int count = int(m_cells.size());
    for (int column = 0; column < count; ++column) {
        if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
            m_cells[column] = QByteArrayView();
        } else if (d->types.at(column) == ReportCellType::Bool) {
            m_cells[column] = sqlite3_column_int64(statement, column) != 0 ? QByteArrayView("1") : QByteArrayView("0");
        } else {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
            m_cells[column] = QByteArrayView(text ? text : "", sqlite3_column_bytes(statement, column));
        }
    }
    return true;
}

QVariant ReportCursor::value(int column) const
{
    return d->query->value(column);
}
