#include "exporteroutput.h"
#include "jsonvalues.h"
#include "outbound/fieldmapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Reports computed from the watchlist entries rather than straight from SQL: one row per hold, the
// LFD list, and a destination's layout whose values come from its field table.
struct EntryReport
{
    QStringList headers;  // CSV header
    QStringList jsonKeys; // JSON field names (those of the watchlist JSON where one exists)
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

EntryReport fieldReport(const FieldMapping &mapping)
{
    EntryReport report;
    report.headers = QStringList{u"Container Number"_s} + mapping.fields();
    report.jsonKeys.append(u"container_number"_s);
    for (const QString &field : mapping.fields())
        report.jsonKeys.append(FieldMapping::jsonKey(field));
    report.rows = [mapping](const WatchEntry &entry) {
        return QList<QList<QJsonValue>>{QList<QJsonValue>{entry.containerNumber} + mapping.values(entry)};
    };
    report.listSeparator = u"; "_s; // as FieldMapping::cellText shows it on the Mapping screen
    return report;
}

QString csvText(const QJsonValue &value, const QString &listSeparator)
{
    if (value.isArray()) {
        QStringList parts;
        for (const auto &part : value.toArray())
            parts.append(part.toString());
        return parts.join(listSeparator);
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return FieldMapping::cellText(value);
}

} // namespace

Result<qint64> writeEntryReport(Store &store, const ExportOptions &options, QIODevice &device)
{
    std::optional<FieldMapping> table;
    if (options.kind == ReportKind::FieldMapping) {
        table = FieldMappings::find(options.fieldMapping);
        if (!table)
            return makeError(ErrorKind::InvalidInput, u"No report layout is named \"%1\""_s.arg(options.fieldMapping));
    }
    const EntryReport report = options.kind == ReportKind::Holds ? holdsReport()
                               : options.kind == ReportKind::Lfd ? lfdReport()
                                                                 : fieldReport(*table);
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
