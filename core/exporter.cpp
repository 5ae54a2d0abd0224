#include "exporter.h"

#include "exporteroutput.h"
#include "logging.h"
#include "outbound/fieldmapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

const QList<std::pair<QLatin1StringView, ReportKind>> &fixedReports()
{
    static const QList<std::pair<QLatin1StringView, ReportKind>> names = {
        {"watchlist"_L1, ReportKind::Watchlist}, {"holds"_L1, ReportKind::Holds}, {"lfd"_L1, ReportKind::Lfd},
        {"events"_L1, ReportKind::Events},       {"audit"_L1, ReportKind::Audit},
    };
    return names;
}

} // namespace

std::optional<ReportKind> Exporter::reportKindFromName(const QString &name)
{
    for (const auto &[text, kind] : fixedReports()) {
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return kind;
    }
    if (!name.isEmpty() && FieldMappings::find(name.toLower()))
        return ReportKind::FieldMapping;
    return std::nullopt;
}

QStringList Exporter::reportNames()
{
    QStringList names;
    for (const auto &[text, kind] : fixedReports())
        names.append(text);
    for (const FieldMapping &mapping : FieldMappings::all())
        names.append(mapping.kind);
    return names;
}

namespace {

// Holds are stored as a JSON array of {type, source_code, since}; a report shows their types.
QJsonArray holdsArray(const QString &stored)
{
    if (stored.isEmpty() || stored == "[]"_L1)
        return {};
    return QJsonDocument::fromJson(stored.toUtf8()).array();
}

void appendCsvCell(QByteArray &buffer, const QVariant &value, ReportCellType type)
{
    if (value.isNull())
        return;
    switch (type) {
    case ReportCellType::Bool:
        buffer.append(value.toInt() != 0 ? "true" : "false");
        return;
    case ReportCellType::Holds: {
        const QString stored = value.toString();
        const QJsonArray holds = holdsArray(stored);
        if (holds.isEmpty() && !stored.isEmpty() && stored != "[]"_L1) {
            Csv::appendField(buffer, stored); // not the expected shape: show it as stored
            return;
        }
        QStringList types;
        for (const auto &hold : holds)
            types.append(hold.toObject().value("type"_L1).toString());
        Csv::appendField(buffer, types.join(u';'));
        return;
    }
    case ReportCellType::Text:
    case ReportCellType::Number:
    case ReportCellType::Json:
        Csv::appendField(buffer, value.toString());
        return;
    }
}

QJsonValue jsonCell(const QVariant &value, ReportCellType type)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (type) {
    case ReportCellType::Bool:
        return value.toInt() != 0;
    case ReportCellType::Number:
        return value.toDouble();
    case ReportCellType::Holds:
        return holdsArray(value.toString());
    case ReportCellType::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(value.toString());
    }
    case ReportCellType::Text:
        break;
    }
    return value.toString();
}

// The optional BOM, then the CSV header row or the opening bracket of the JSON array.
void appendPreamble(QByteArray &buffer, const QList<ReportColumn> &columns, const ExportOptions &options)
{
    if (options.excelBom)
        buffer.append("\xEF\xBB\xBF");
    if (options.format == ReportFormat::Json) {
        buffer.append('[');
        return;
    }
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            buffer.append(',');
        Csv::appendField(buffer, QStringView(columns.at(i).header));
    }
    buffer.append("\r\n");
}

Result<qint64> streamRows(ReportCursor &cursor, const QList<ReportColumn> &columns, const ExportOptions &options,
                          QIODevice &device)
{
    ChunkedOutput output(device);
    QByteArray &buffer = output.buffer();
    appendPreamble(buffer, columns, options);
    const bool csv = options.format == ReportFormat::Csv;
    const qsizetype columnCount = columns.size();
    qint64 rows = 0;
    while (true) {
        const Result<bool> more = cursor.next();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        if (csv) {
            for (qsizetype i = 0; i < columnCount; ++i) {
                if (i > 0)
                    buffer.append(',');
                appendCsvCell(buffer, cursor.value(int(i)), columns.at(i).type);
            }
            buffer.append("\r\n");
        } else {
            QJsonObject object;
            for (qsizetype i = 0; i < columnCount; ++i) {
                const ReportColumn &column = columns.at(i);
                object.insert(QString::fromUtf16(column.header), jsonCell(cursor.value(int(i)), column.type));
            }
            buffer.append(rows == 0 ? "\n" : ",\n");
            buffer.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
        ++rows;
        if (!output.maybeFlush())
            return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    }
    if (!csv)
        buffer.append("\n]\n");
    if (!output.flush())
        return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    return rows;
}

// The CSV fast path over SQLite's own UTF-8: no QVariant or QString per cell. That is what keeps a
// 100,000-row report within 1.5x of `sqlite3 -csv`; through QVariant every cell costs two
// conversions and three allocations.
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
    const auto third = uchar(text[2]);
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
    const QByteArrayView marker(R"("type":")");
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

void appendRawCell(QByteArray &out, QByteArrayView cell, ReportCellType type)
{
    if (cell.isNull())
        return;
    if (type == ReportCellType::Bool)
        out.append(cell != QByteArrayView("0") ? "true" : "false");
    else if (type == ReportCellType::Holds)
        appendUtf8Holds(out, cell.data(), cell.size());
    else
        appendUtf8Field(out, cell.data(), cell.size());
}

Result<qint64> streamRawCsv(ReportCursor &cursor, const QList<ReportColumn> &columns, const ExportOptions &options,
                            QIODevice &device)
{
    ChunkedOutput output(device);
    QByteArray &buffer = output.buffer();
    appendPreamble(buffer, columns, options);
    const qsizetype columnCount = columns.size();
    qint64 rows = 0;
    while (true) {
        const Result<bool> more = cursor.next();
        if (!more)
            return more.error();
        if (!more.value())
            break;
        const QList<QByteArrayView> &cells = cursor.cells();
        for (qsizetype i = 0; i < columnCount; ++i) {
            if (i > 0)
                buffer.append(',');
            appendRawCell(buffer, cells.at(i), columns.at(i).type);
        }
        buffer.append("\r\n");
        ++rows;
        if (!output.maybeFlush())
            return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    }
    if (!output.flush())
        return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + device.errorString());
    return rows;
}

} // namespace

Result<qint64> Exporter::write(Store &store, const ExportOptions &options, QIODevice &out)
{
    if (options.kind == ReportKind::Holds || options.kind == ReportKind::Lfd ||
        options.kind == ReportKind::FieldMapping)
        return writeEntryReport(store, options, out);
    ReportRequest request;
    request.table = options.kind == ReportKind::Events  ? ReportTable::Events
                    : options.kind == ReportKind::Audit ? ReportTable::Audit
                                                        : ReportTable::Watchlist;
    request.entity = options.entity;
    request.numbers = options.numbers;
    request.rawText = options.format == ReportFormat::Csv;
    Result<std::unique_ptr<ReportCursor>> cursor = store.reportRows(request);
    if (!cursor)
        return cursor.error();
    const QList<ReportColumn> &columns = ReportCursor::columns(request.table);
    // Forward-only: the rows stream through once and are never all held in memory.
    Result<qint64> rows = cursor.value()->rawText() ? streamRawCsv(*cursor.value(), columns, options, out)
                                                    : streamRows(*cursor.value(), columns, options, out);
    qCDebug(lcStore) << "exported" << (rows ? rows.value() : -1) << "rows"
                     << (cursor.value()->rawText() ? "through the SQLite fast path" : "");
    return rows;
}
