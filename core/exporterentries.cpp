#include "exporteroutput.h"
#include "jsonvalues.h"
#include "portpromapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Reports computed from the watchlist entries rather than straight from SQL: one row per hold, the
// LFD list, and the PortPro layout whose values come from the PortPro mapping table.
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

} // namespace

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
