#include "exporter.h"

#include "jsonvalues.h"
#include "logging.h"
#include "portpromapping.h"
#include "sqlitehandle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr char16_t fullWidthEquals = 0xFF1D;
constexpr char16_t fullWidthPlus = 0xFF0B;
constexpr char16_t fullWidthMinus = 0xFF0D;
constexpr char16_t fullWidthAt = 0xFF20;

// One pass over the cell: does it need quotes, and is it plain ASCII (the common case, which is
// copied byte by byte without any encoder)?
struct CellShape
{
    bool quote = false;
    bool ascii = true;
};

CellShape shapeOf(QStringView cell)
{
    CellShape shape;
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            shape.ascii = false;
        else if (u == u',' || u == u'"' || u == u'\r' || u == u'\n')
            shape.quote = true;
    }
    return shape;
}

void appendAscii(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size());
    char *target = out.data() + start;
    const char16_t *source = text.utf16();
    for (qsizetype i = 0; i < text.size(); ++i)
        target[i] = char(source[i]);
}

// Quoted cells double their quotes; the rare non-ASCII cell goes through Qt's UTF-8 encoder.
// (A UTF-8 continuation byte is never '"', so doubling works on the encoded bytes.)
void appendQuotedOrEncoded(QByteArray &out, QStringView text, const CellShape &shape)
{
    if (shape.ascii) {
        for (const QChar c : text) {
            if (c.unicode() == u'"')
                out.append('"');
            out.append(char(c.unicode()));
        }
        return;
    }
    const QByteArray encoded = text.toUtf8();
    if (!shape.quote) {
        out.append(encoded);
        return;
    }
    for (const char byte : encoded) {
        if (byte == '"')
            out.append('"');
        out.append(byte);
    }
}

} // namespace

bool Csv::needsNeutralizing(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case fullWidthEquals:
    case fullWidthPlus:
    case fullWidthMinus:
    case fullWidthAt:
        return true;
    default:
        return false;
    }
}

QString Csv::neutralize(const QString &cell)
{
    return needsNeutralizing(cell) ? QString(u'\'' + cell) : cell;
}

void Csv::appendField(QByteArray &out, QStringView cell)
{
    const CellShape shape = shapeOf(cell);
    if (shape.quote)
        out.append('"');
    if (needsNeutralizing(cell))
        out.append('\'');
    if (shape.ascii && !shape.quote)
        appendAscii(out, cell);
    else
        appendQuotedOrEncoded(out, cell, shape);
    if (shape.quote)
        out.append('"');
}

void Csv::appendRow(QByteArray &out, const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendField(out, cells.at(i));
    }
    out.append("\r\n");
}

namespace {

// How a column's stored text becomes a cell: most pass straight through (times are already
// ISO 8601 UTC text in the store), a few are decoded so the report reads as SPEC section 3.
enum class ColumnType
{
    Text,
    Bool,
    Number,
    Json,
    Holds
};

struct Column
{
    const char16_t *header;
    const char16_t *expression; // SQL select expression
    ColumnType type = ColumnType::Text;
};

struct Report
{
    QList<Column> columns;
    QString from;         // FROM ... WHERE with :entity
    QString orderBy;      // ORDER BY ...
    QString numberColumn; // restricts to ExportOptions::numbers when set
};

Report watchlistReport()
{
    using T = ColumnType;
    return Report{{{u"container_number", u"c.container_number"},
                   {u"entity", u"c.entity"},
                   {u"provider", u"c.provider"},
                   {u"site", u"c.site"},
                   {u"reference", u"c.reference"},
                   {u"bill_of_lading", u"c.bill_of_lading"},
                   {u"booking", u"c.booking"},
                   {u"trace_state", u"c.trace_state"},
                   {u"status", u"s.status"},
                   {u"holds", u"s.holds", T::Holds},
                   {u"lfd", u"s.lfd"},
                   {u"lfd_terminal", u"s.lfd_terminal"},
                   {u"lfd_line", u"s.lfd_line"},
                   {u"available", u"s.available", T::Bool},
                   {u"vessel_name", u"s.vessel_name"},
                   {u"voyage", u"s.voyage"},
                   {u"vessel_eta", u"s.vessel_eta"},
                   {u"vessel_ata", u"s.vessel_ata"},
                   {u"discharged_at", u"s.discharged_at"},
                   {u"location", u"s.location"},
                   {u"location_lot", u"s.location_lot"},
                   {u"demurrage_amount", u"s.demurrage_amount", T::Number},
                   {u"outgated_at", u"s.outgated_at"},
                   {u"outgate_trucker", u"s.outgate_trucker"},
                   {u"chassis_number", u"s.chassis_number"},
                   {u"empty_returned_at", u"s.empty_returned_at"},
                   {u"pickup_appointment_at", u"s.pickup_appointment_at"},
                   {u"size_length", u"s.size_length"},
                   {u"size_height", u"s.size_height"},
                   {u"size_iso_code", u"s.size_iso_code"},
                   {u"gross_weight", u"s.gross_weight", T::Number},
                   {u"hazardous", u"s.hazardous", T::Bool},
                   {u"line_scac", u"s.line_scac"},
                   {u"provider_data", u"c.provider_data", T::Json},
                   {u"normalize", u"c.normalize", T::Bool},
                   {u"added_at", u"c.added_at"},
                   {u"expires_at", u"c.expires_at"},
                   {u"last_traced_at", u"c.last_traced_at"},
                   {u"next_trace_at", u"c.next_trace_at"},
                   {u"last_error", u"c.last_error"}},
                  u"FROM containers c LEFT JOIN snapshots s ON s.container_id = c.id WHERE c.entity = :entity"_s,
                  u"ORDER BY c.container_number, c.provider"_s,
                  u"c.container_number"_s};
}

Report eventsReport()
{
    using T = ColumnType;
    return Report{{{u"container_number", u"c.container_number"},
                   {u"code", u"e.code"},
                   {u"provider_code", u"e.provider_code"},
                   {u"occurred_at", u"e.occurred_at"},
                   {u"observed_at", u"e.observed_at"},
                   {u"location_name", u"e.location_name"},
                   {u"location_type", u"e.location_type"},
                   {u"location_lot", u"e.location_lot"},
                   {u"data", u"e.data", T::Json},
                   {u"source", u"e.source"}},
                  u"FROM events e JOIN containers c ON c.id = e.container_id WHERE c.entity = :entity"_s,
                  u"ORDER BY e.container_id, e.id"_s,
                  u"c.container_number"_s};
}

Report auditReport()
{
    return Report{{{u"at", u"at"},
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

} // namespace

std::optional<ReportKind> Exporter::reportKindFromName(const QString &name)
{
    static const QList<std::pair<QLatin1StringView, ReportKind>> names = {
        {"watchlist"_L1, ReportKind::Watchlist}, {"holds"_L1, ReportKind::Holds}, {"lfd"_L1, ReportKind::Lfd},
        {"events"_L1, ReportKind::Events},       {"audit"_L1, ReportKind::Audit}, {"portpro"_L1, ReportKind::PortPro},
    };
    for (const auto &[text, kind] : names) {
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

namespace {

constexpr qsizetype flushThreshold = 256 * 1024;

// Holds are stored as a JSON array of {type, source_code, since}; a report shows their types.
QJsonArray holdsArray(const QString &stored)
{
    if (stored.isEmpty() || stored == "[]"_L1)
        return {};
    return QJsonDocument::fromJson(stored.toUtf8()).array();
}

void appendCsvCell(QByteArray &buffer, const QVariant &value, ColumnType type)
{
    if (value.isNull())
        return;
    switch (type) {
    case ColumnType::Bool:
        buffer.append(value.toInt() != 0 ? "true" : "false");
        return;
    case ColumnType::Holds: {
        const QString stored = value.toString();
        const QJsonArray holds = holdsArray(stored);
        if (holds.isEmpty() && !stored.isEmpty() && stored != "[]"_L1) {
            Csv::appendField(buffer, stored); // not the expected shape: show it as stored
            return;
        }
        QStringList types;
        for (const QJsonValue &hold : holds)
            types.append(hold.toObject().value("type"_L1).toString());
        Csv::appendField(buffer, types.join(u';'));
        return;
    }
    case ColumnType::Text:
    case ColumnType::Number:
    case ColumnType::Json:
        Csv::appendField(buffer, value.toString());
        return;
    }
}

QJsonValue jsonCell(const QVariant &value, ColumnType type)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (type) {
    case ColumnType::Bool:
        return value.toInt() != 0;
    case ColumnType::Number:
        return value.toDouble();
    case ColumnType::Holds:
        return holdsArray(value.toString());
    case ColumnType::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(value.toString());
    }
    case ColumnType::Text:
        break;
    }
    return value.toString();
}

QString selectStatement(const Report &report, const ExportOptions &options)
{
    QStringList expressions;
    for (const Column &column : report.columns)
        expressions.append(QString::fromUtf16(column.expression));
    QString sql = u"SELECT "_s + expressions.join(u", "_s) + u' ' + report.from;
    if (!options.numbers.isEmpty() && !report.numberColumn.isEmpty()) {
        QStringList placeholders;
        for (qsizetype i = 0; i < options.numbers.size(); ++i)
            placeholders.append(u":n"_s + QString::number(i));
        sql += u" AND "_s + report.numberColumn + u" IN ("_s + placeholders.join(u", "_s) + u')';
    }
    return sql + u' ' + report.orderBy;
}

// Keeps a chunk of output in memory and hands it to the device when it is big enough.
class ChunkedOutput final
{
public:
    explicit ChunkedOutput(QIODevice &device) : m_device(device) { m_buffer.reserve(flushThreshold + 64 * 1024); }
    QByteArray &buffer() { return m_buffer; }
    bool maybeFlush() { return m_buffer.size() < flushThreshold || flush(); }
    bool flush()
    {
        const bool written = m_buffer.isEmpty() || m_device.write(m_buffer) == m_buffer.size();
        m_buffer.resize(0);
        return written;
    }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
};

// The optional BOM, then the CSV header row or the opening bracket of the JSON array.
void appendPreamble(QByteArray &buffer, const Report &report, const ExportOptions &options)
{
    if (options.excelBom)
        buffer.append("\xEF\xBB\xBF");
    if (options.format == ReportFormat::Json) {
        buffer.append('[');
        return;
    }
    for (qsizetype i = 0; i < report.columns.size(); ++i) {
        if (i > 0)
            buffer.append(',');
        Csv::appendField(buffer, QStringView(report.columns.at(i).header));
    }
    buffer.append("\r\n");
}

Result<qint64> streamRows(QSqlQuery &query, const Report &report, const ExportOptions &options, QIODevice &device)
{
    ChunkedOutput output(device);
    QByteArray &buffer = output.buffer();
    appendPreamble(buffer, report, options);
    const bool csv = options.format == ReportFormat::Csv;
    const qsizetype columnCount = report.columns.size();
    qint64 rows = 0;
    while (query.next()) {
        if (csv) {
            for (qsizetype i = 0; i < columnCount; ++i) {
                if (i > 0)
                    buffer.append(',');
                appendCsvCell(buffer, query.value(int(i)), report.columns.at(i).type);
            }
            buffer.append("\r\n");
        } else {
            QJsonObject object;
            for (qsizetype i = 0; i < columnCount; ++i) {
                const Column &column = report.columns.at(i);
                object.insert(QString::fromUtf16(column.header), jsonCell(query.value(int(i)), column.type));
            }
            buffer.append(rows == 0 ? "\n" : ",\n");
            buffer.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
        ++rows;
        if (!output.maybeFlush())
            return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    }
    if (query.lastError().isValid())
        return makeError(ErrorKind::Storage, u"Cannot read the report rows: "_s + query.lastError().text());
    if (!csv)
        buffer.append("\n]\n");
    if (!output.flush())
        return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    return rows;
}

} // namespace

#if defined(QUAYWATCH_SQLITE_DIRECT)
// The SQLite fast path for CSV: cells go from SQLite's own UTF-8 straight into the output buffer,
// with no QVariant or QString per cell. That is what keeps a 100,000-row report within 1.5x of
// `sqlite3 -csv` (SPEC section 11); through QSqlQuery every cell costs two conversions and three
// allocations. PostgreSQL and JSON take the portable path below.
namespace {

bool utf8NeedsNeutralizing(const char *text, qsizetype size)
{
    if (size == 0)
        return false;
    switch (text[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        break;
    }
    // U+FF0B, U+FF0D, U+FF1D, U+FF20 in UTF-8: EF BC 8B / 8D / 9D, EF BC A0.
    if (size < 3 || uchar(text[0]) != 0xEF || uchar(text[1]) != 0xBC)
        return false;
    const uchar third = uchar(text[2]);
    return third == 0x8B || third == 0x8D || third == 0x9D || third == 0xA0;
}

void appendUtf8Field(QByteArray &out, const char *text, qsizetype size)
{
    bool quote = false;
    for (qsizetype i = 0; i < size && !quote; ++i)
        quote = text[i] == ',' || text[i] == '"' || text[i] == '\r' || text[i] == '\n';
    if (quote)
        out.append('"');
    if (utf8NeedsNeutralizing(text, size))
        out.append('\'');
    if (!quote) {
        out.append(text, size);
        return;
    }
    for (qsizetype i = 0; i < size; ++i) {
        if (text[i] == '"')
            out.append('"');
        out.append(text[i]);
    }
    out.append('"');
}

// Hold types out of the stored JSON array ([{"type":"CUSTOMS",...},...]) without a JSON parser.
void appendUtf8Holds(QByteArray &out, const char *text, qsizetype size)
{
    const QByteArrayView stored(text, size);
    const QByteArrayView marker("\"type\":\"");
    QByteArray types;
    for (qsizetype at = stored.indexOf(marker); at >= 0; at = stored.indexOf(marker, at)) {
        at += marker.size();
        const qsizetype end = stored.indexOf('"', at);
        if (end < 0)
            break;
        if (!types.isEmpty())
            types.append(';');
        types.append(stored.sliced(at, end - at));
        at = end;
    }
    if (types.isEmpty() && stored != QByteArrayView("[]"))
        appendUtf8Field(out, text, size); // not the expected shape: show it as stored
    else
        appendUtf8Field(out, types.constData(), types.size());
}

void appendSqliteCell(QByteArray &out, sqlite3_stmt *statement, int column, ColumnType type)
{
    if (sqlite3_column_type(statement, column) == SQLITE_NULL)
        return;
    if (type == ColumnType::Bool) {
        out.append(sqlite3_column_int64(statement, column) != 0 ? "true" : "false");
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    const qsizetype size = sqlite3_column_bytes(statement, column);
    if (type == ColumnType::Holds)
        appendUtf8Holds(out, text, size);
    else
        appendUtf8Field(out, text, size);
}

Result<void> bindSqlite(sqlite3_stmt *statement, const ExportOptions &options)
{
    const auto bind = [statement](const char *name, const QString &value) {
        const int index = sqlite3_bind_parameter_index(statement, name);
        const QByteArray utf8 = value.toUtf8();
        return index == 0 ||
               sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) == SQLITE_OK;
    };
    bool bound = bind(":entity", options.entity);
    for (qsizetype i = 0; i < options.numbers.size(); ++i)
        bound = bound && bind(QByteArray(":n" + QByteArray::number(i)).constData(), options.numbers.at(i));
    if (!bound)
        return makeError(ErrorKind::Storage, u"Cannot bind the report parameters"_s);
    return {};
}

Result<qint64> streamSqliteCsv(sqlite3 *database, const QString &sql, const Report &report,
                               const ExportOptions &options, QIODevice &device)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8Sql = sql.toUtf8();
    if (sqlite3_prepare_v2(database, utf8Sql.constData(), int(utf8Sql.size()), &statement, nullptr) != SQLITE_OK)
        return makeError(ErrorKind::Storage,
                         u"Cannot prepare the report: "_s + QString::fromUtf8(sqlite3_errmsg(database)));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> finalizer(statement, sqlite3_finalize);
    if (const Result<void> bound = bindSqlite(statement, options); !bound)
        return bound.error();

    ChunkedOutput output(device);
    QByteArray &buffer = output.buffer();
    appendPreamble(buffer, report, options);
    const int columnCount = int(report.columns.size());
    qint64 rows = 0;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int i = 0; i < columnCount; ++i) {
            if (i > 0)
                buffer.append(',');
            appendSqliteCell(buffer, statement, i, report.columns.at(i).type);
        }
        buffer.append("\r\n");
        ++rows;
        if (!output.maybeFlush())
            return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    }
    if (step != SQLITE_DONE)
        return makeError(ErrorKind::Storage,
                         u"Cannot read the report rows: "_s + QString::fromUtf8(sqlite3_errmsg(database)));
    if (!output.flush())
        return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    return rows;
}

} // namespace
#endif

namespace {

// Reports computed from the watchlist entries rather than straight from SQL: one row per hold, the
// LFD list, and the PortPro layout whose values come from the seed 000 mapping table.
struct EntryReport
{
    QStringList headers;  // CSV header
    QStringList jsonKeys; // JSON field names (SPEC section 3 where one exists)
    std::function<QList<QList<QJsonValue>>(const WatchEntry &)> rows;
    QString listSeparator = QStringLiteral(";"); // how a list (e.g. hold types) reads in one CSV cell
};

QJsonArray holdTypes(const WatchEntry &entry)
{
    QJsonArray types;
    for (const Hold &hold : entry.snapshot.holds)
        types.append(holdTypeName(hold.type));
    return types;
}

EntryReport holdsReport()
{
    const QStringList keys{u"container_number"_s, u"provider"_s, u"site"_s,   u"reference"_s, u"type"_s,
                           u"source_code"_s,      u"since"_s,    u"status"_s, u"lfd"_s};
    return {keys, keys, [](const WatchEntry &entry) {
                QList<QList<QJsonValue>> rows;
                for (const Hold &hold : entry.snapshot.holds) {
                    rows.append({entry.containerNumber, entry.provider, JsonValues::fromText(entry.site),
                                 JsonValues::fromText(entry.reference), holdTypeName(hold.type),
                                 JsonValues::fromText(hold.sourceCode), JsonValues::fromTime(hold.since),
                                 containerStatusName(entry.snapshot.status),
                                 JsonValues::fromDate(entry.snapshot.lfd())});
                }
                return rows;
            }};
}

EntryReport lfdReport()
{
    const QStringList keys{u"container_number"_s, u"provider"_s,   u"site"_s,   u"reference"_s, u"lfd"_s,
                           u"lfd_terminal"_s,     u"lfd_line"_s,   u"status"_s, u"available"_s, u"holds"_s,
                           u"demurrage_amount"_s, u"outgated_at"_s};
    return {keys, keys, [](const WatchEntry &entry) {
                const ContainerSnapshot &snapshot = entry.snapshot;
                if (!snapshot.lfd().isValid())
                    return QList<QList<QJsonValue>>();
                return QList<QList<QJsonValue>>{
                    {entry.containerNumber, entry.provider, JsonValues::fromText(entry.site),
                     JsonValues::fromText(entry.reference), JsonValues::fromDate(snapshot.lfd()),
                     JsonValues::fromDate(snapshot.lfdTerminal), JsonValues::fromDate(snapshot.lfdLine),
                     containerStatusName(snapshot.status),
                     snapshot.available ? QJsonValue(*snapshot.available) : QJsonValue(), holdTypes(entry),
                     snapshot.demurrageAmount ? QJsonValue(*snapshot.demurrageAmount) : QJsonValue(),
                     JsonValues::fromTime(snapshot.outgatedAt)}};
            }};
}

EntryReport portProReport()
{
    EntryReport report;
    report.headers = QStringList{u"Container Number"_s} + PortProMapping::portProFields();
    report.jsonKeys.append(u"container_number"_s);
    for (const QString &field : PortProMapping::portProFields())
        report.jsonKeys.append(PortProMapping::jsonKey(field));
    report.rows = [](const WatchEntry &entry) {
        return QList<QList<QJsonValue>>{QList<QJsonValue>{entry.containerNumber} + PortProMapping::values(entry)};
    };
    report.listSeparator = u"; "_s; // as PortProMapping::cellText shows it on the Mapping screen
    return report;
}

QString csvText(const QJsonValue &value, const QString &listSeparator)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : value.toArray())
            parts.append(part.toString());
        return parts.join(listSeparator);
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return PortProMapping::cellText(value);
}

Result<qint64> writeEntryReport(Store &store, const ExportOptions &options, QIODevice &device)
{
    const EntryReport report = options.kind == ReportKind::Holds ? holdsReport()
                               : options.kind == ReportKind::Lfd ? lfdReport()
                                                                 : portProReport();
    ContainerQuery query;
    query.numbers = options.numbers;
    Result<QList<WatchEntry>> entries = store.containers(options.entity, query);
    if (!entries)
        return entries.error();
    if (options.kind == ReportKind::Lfd) {
        std::stable_sort(entries->begin(), entries->end(),
                         [](const WatchEntry &a, const WatchEntry &b) { return a.snapshot.lfd() < b.snapshot.lfd(); });
    }
    ChunkedOutput output(device);
    QByteArray &buffer = output.buffer();
    if (options.excelBom)
        buffer.append("\xEF\xBB\xBF");
    const bool csv = options.format == ReportFormat::Csv;
    if (csv)
        Csv::appendRow(buffer, report.headers);
    else
        buffer.append('[');
    qint64 written = 0;
    for (const WatchEntry &entry : entries.value()) {
        for (const QList<QJsonValue> &row : report.rows(entry)) {
            if (csv) {
                QStringList cells;
                for (const QJsonValue &value : row)
                    cells.append(csvText(value, report.listSeparator));
                Csv::appendRow(buffer, cells);
            } else {
                QJsonObject object;
                for (qsizetype i = 0; i < row.size(); ++i)
                    object.insert(report.jsonKeys.at(i), row.at(i));
                buffer.append(written == 0 ? "\n" : ",\n");
                buffer.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
            }
            ++written;
        }
        if (!output.maybeFlush())
            return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    }
    if (!csv)
        buffer.append(written == 0 ? "]\n" : "\n]\n");
    if (!output.flush())
        return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    return written;
}

} // namespace

Result<qint64> Exporter::write(Store &store, const ExportOptions &options, QIODevice &out)
{
    Report report;
    switch (options.kind) {
    case ReportKind::Watchlist:
        report = watchlistReport();
        break;
    case ReportKind::Events:
        report = eventsReport();
        break;
    case ReportKind::Audit:
        report = auditReport();
        break;
    case ReportKind::Holds:
    case ReportKind::Lfd:
    case ReportKind::PortPro:
        return writeEntryReport(store, options, out);
    }

    const QString sql = selectStatement(report, options);
#if defined(QUAYWATCH_SQLITE_DIRECT)
    if (sqlite3 *handle = options.format == ReportFormat::Csv ? sqliteHandle(store.database()) : nullptr) {
        Result<qint64> rows = streamSqliteCsv(handle, sql, report, options, out);
        qCDebug(lcStore) << "exported" << (rows ? rows.value() : -1) << "rows through the SQLite fast path";
        return rows;
    }
#endif
    // Forward-only: the rows stream through once and are never all held in memory.
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return makeError(ErrorKind::Storage, u"Cannot prepare the report: "_s + query.lastError().text());
    query.bindValue(u":entity"_s, options.entity);
    for (qsizetype i = 0; i < options.numbers.size(); ++i)
        query.bindValue(u":n"_s + QString::number(i), options.numbers.at(i));
    if (!query.exec())
        return makeError(ErrorKind::Storage, u"Cannot read the report: "_s + query.lastError().text());
    Result<qint64> rows = streamRows(query, report, options, out);
    qCDebug(lcStore) << "exported" << (rows ? rows.value() : -1) << "rows";
    return rows;
}
