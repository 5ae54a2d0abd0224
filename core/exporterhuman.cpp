// Exporter::writeForPeople: the machine report (JSON, one compact object per line) is written into a
// small device that turns each line into a CSV row for people as it arrives, so a report of any size
// streams through with bounded memory and both writers share every query.
#include "exporter.h"
#include "exporteroutput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

struct HumanColumn
{
    const char *key;
    const char *header; // translated in the context "HumanReport"
};

// The order a coordinator reads: what and which box first, then what costs money, then where it is,
// then the bookkeeping. Columns a person never reads (entity, provider_data JSON, normalize) are left out.
const QList<HumanColumn> &watchlistColumns()
{
    static const QList<HumanColumn> columns{
        {"container_number", QT_TRANSLATE_NOOP("HumanReport", "Container")},
        {"reference", QT_TRANSLATE_NOOP("HumanReport", "Reference")},
        {"status", QT_TRANSLATE_NOOP("HumanReport", "Status")},
        {"holds", QT_TRANSLATE_NOOP("HumanReport", "Holds")},
        {"lfd", QT_TRANSLATE_NOOP("HumanReport", "Last free day")},
        {"lfd_terminal", QT_TRANSLATE_NOOP("HumanReport", "Terminal LFD")},
        {"lfd_line", QT_TRANSLATE_NOOP("HumanReport", "Line LFD")},
        {"available", QT_TRANSLATE_NOOP("HumanReport", "Available")},
        {"demurrage_amount", QT_TRANSLATE_NOOP("HumanReport", "Demurrage")},
        {"vessel_name", QT_TRANSLATE_NOOP("HumanReport", "Vessel")},
        {"voyage", QT_TRANSLATE_NOOP("HumanReport", "Voyage")},
        {"vessel_eta", QT_TRANSLATE_NOOP("HumanReport", "Vessel ETA")},
        {"vessel_ata", QT_TRANSLATE_NOOP("HumanReport", "Vessel arrived")},
        {"discharged_at", QT_TRANSLATE_NOOP("HumanReport", "Discharged")},
        {"location", QT_TRANSLATE_NOOP("HumanReport", "Yard location")},
        {"location_lot", QT_TRANSLATE_NOOP("HumanReport", "Lot")},
        {"pickup_appointment_at", QT_TRANSLATE_NOOP("HumanReport", "Pickup appointment")},
        {"outgated_at", QT_TRANSLATE_NOOP("HumanReport", "Outgated")},
        {"outgate_trucker", QT_TRANSLATE_NOOP("HumanReport", "Trucker")},
        {"chassis_number", QT_TRANSLATE_NOOP("HumanReport", "Chassis")},
        {"empty_returned_at", QT_TRANSLATE_NOOP("HumanReport", "Empty returned")},
        {"provider", QT_TRANSLATE_NOOP("HumanReport", "Provider")},
        {"site", QT_TRANSLATE_NOOP("HumanReport", "Site")},
        {"bill_of_lading", QT_TRANSLATE_NOOP("HumanReport", "Bill of lading")},
        {"booking", QT_TRANSLATE_NOOP("HumanReport", "Booking")},
        {"size_iso_code", QT_TRANSLATE_NOOP("HumanReport", "Size/type")},
        {"gross_weight", QT_TRANSLATE_NOOP("HumanReport", "Gross weight")},
        {"hazardous", QT_TRANSLATE_NOOP("HumanReport", "Hazardous")},
        {"line_scac", QT_TRANSLATE_NOOP("HumanReport", "Line")},
        {"trace_state", QT_TRANSLATE_NOOP("HumanReport", "Tracing")},
        {"last_traced_at", QT_TRANSLATE_NOOP("HumanReport", "Last traced")},
        {"next_trace_at", QT_TRANSLATE_NOOP("HumanReport", "Next trace")},
        {"last_error", QT_TRANSLATE_NOOP("HumanReport", "Last error")},
        {"added_at", QT_TRANSLATE_NOOP("HumanReport", "Added")},
        {"expires_at", QT_TRANSLATE_NOOP("HumanReport", "Tracing ends")},
    };
    return columns;
}

const QList<HumanColumn> &otherColumns()
{
    static const QList<HumanColumn> columns{
        {"type", QT_TRANSLATE_NOOP("HumanReport", "Hold")},
        {"source_code", QT_TRANSLATE_NOOP("HumanReport", "Provider's text")},
        {"since", QT_TRANSLATE_NOOP("HumanReport", "On hold since")},
        {"occurred_at", QT_TRANSLATE_NOOP("HumanReport", "Time")},
        {"observed_at", QT_TRANSLATE_NOOP("HumanReport", "Seen by Quaywatch")},
        {"code", QT_TRANSLATE_NOOP("HumanReport", "Event")},
        {"provider_code", QT_TRANSLATE_NOOP("HumanReport", "Provider's event")},
        {"location_name", QT_TRANSLATE_NOOP("HumanReport", "Location")},
        {"location_type", QT_TRANSLATE_NOOP("HumanReport", "Location type")},
        {"source", QT_TRANSLATE_NOOP("HumanReport", "Source")},
        {"at", QT_TRANSLATE_NOOP("HumanReport", "Time")},
        {"user", QT_TRANSLATE_NOOP("HumanReport", "User")},
        {"action", QT_TRANSLATE_NOOP("HumanReport", "Action")},
        {"outcome", QT_TRANSLATE_NOOP("HumanReport", "Outcome")},
        {"detail", QT_TRANSLATE_NOOP("HumanReport", "Detail")},
    };
    return columns;
}

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *name : names)
        out.append(QString::fromLatin1(name));
    return out;
}

bool isTimeKey(const QString &key)
{
    return key.endsWith("_at"_L1) || key == "at"_L1 || key == "since"_L1 || key == "vessel_eta"_L1 ||
           key == "vessel_ata"_L1;
}

bool isCodeKey(const QString &key)
{
    return key == "status"_L1 || key == "type"_L1 || key == "code"_L1 || key == "trace_state"_L1;
}

// Receives the JSON report line by line and writes each object as a row for people.
class HumanCsvDevice final : public QIODevice
{
public:
    HumanCsvDevice(QIODevice &target, QStringList columns, const HumanReportOptions &human)
        : m_output(target), m_columns(std::move(columns)), m_human(human)
    {
        open(QIODevice::WriteOnly);
    }

    void writeHeader(bool excelBom)
    {
        if (excelBom)
            m_output.buffer().append("\xEF\xBB\xBF");
        QStringList headers;
        for (const QString &key : std::as_const(m_columns))
            headers.append(Exporter::humanHeader(key));
        Csv::appendRow(m_output.buffer(), headers);
    }
    bool finish() { return !m_failed && m_output.flush(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        Q_UNUSED(data)
        Q_UNUSED(maxSize)
        return -1; // write-only
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_pending.append(data, size);
        qsizetype start = 0;
        for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
            row(QByteArrayView(m_pending).sliced(start, end - start));
            start = end + 1;
        }
        m_pending.remove(0, start);
        if (!m_output.maybeFlush()) {
            m_failed = true;
            return -1;
        }
        return size;
    }

private:
    void row(QByteArrayView line)
    {
        if (line.endsWith(','))
            line.chop(1);
        if (!line.startsWith('{'))
            return; // "[" and "]" of the array
        const QJsonObject object = QJsonDocument::fromJson(line.toByteArray()).object();
        const QTimeZone zone = zoneOf(object);
        QStringList cells;
        cells.reserve(m_columns.size());
        for (const QString &key : std::as_const(m_columns))
            cells.append(cell(key, object.value(key), zone));
        Csv::appendRow(m_output.buffer(), cells);
        if (++m_rows % 2000 == 0 && m_human.progress)
            m_human.progress(m_rows);
    }

    QTimeZone zoneOf(const QJsonObject &object) const
    {
        QString provider = object.value("provider"_L1).toString();
        QString site = object.value("site"_L1).toString();
        if (provider.isEmpty()) { // events: the source is "<provider>/<site>"
            const QString source = object.value("source"_L1).toString();
            provider = source.section(u'/', 0, 0);
            site = source.section(u'/', 1);
        }
        const QTimeZone zone = m_human.siteZone && !provider.isEmpty() ? m_human.siteZone(provider, site) : QTimeZone();
        return zone.isValid() ? zone : QTimeZone::utc();
    }

    QString codeText(const QString &key, const QString &code) const
    {
        return m_human.codeText ? m_human.codeText(key, code) : code;
    }

    QString cell(const QString &key, const QJsonValue &value, const QTimeZone &zone) const
    {
        if (value.isNull() || value.isUndefined())
            return {};
        if (value.isBool())
            return value.toBool() ? QCoreApplication::translate("HumanReport", "yes")
                                  : QCoreApplication::translate("HumanReport", "no");
        if (value.isDouble())
            return key == "demurrage_amount"_L1 ? QString::number(value.toDouble(), 'f', 2)
                                                : QString::number(value.toDouble(), 'g', 15);
        if (value.isArray()) { // holds: their types in words
            QStringList parts;
            const QJsonArray array = value.toArray();
            for (const auto &part : array)
                parts.append(codeText(u"type"_s,
                                      part.isObject() ? part.toObject().value("type"_L1).toString() : part.toString()));
            return parts.join(u"; "_s);
        }
        const QString text = value.toString();
        if (isTimeKey(key)) {
            const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (time.isValid()) {
                const QDateTime local = time.toTimeZone(zone);
                return local.toString(u"yyyy-MM-dd HH:mm"_s) % u' ' % zone.displayName(local, QTimeZone::OffsetName);
            }
        }
        return isCodeKey(key) ? codeText(key, text) : text;
    }

    ChunkedOutput m_output;
    QStringList m_columns;
    const HumanReportOptions &m_human;
    QByteArray m_pending;
    qint64 m_rows = 0;
    bool m_failed = false;
};

} // namespace

QStringList Exporter::humanColumnKeys(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Watchlist: {
        QStringList out;
        for (const HumanColumn &column : watchlistColumns())
            out.append(QString::fromLatin1(column.key));
        return out;
    }
    case ReportKind::Holds:
        return keys(
            {"container_number", "reference", "type", "source_code", "since", "status", "lfd", "provider", "site"});
    case ReportKind::Lfd:
        return keys({"container_number", "reference", "lfd", "lfd_terminal", "lfd_line", "status", "available", "holds",
                     "demurrage_amount", "outgated_at", "provider", "site"});
    case ReportKind::Events:
        return keys({"container_number", "occurred_at", "observed_at", "code", "provider_code", "location_name",
                     "location_type", "location_lot", "source"});
    case ReportKind::Audit:
        return keys({"at", "user", "action", "outcome", "provider", "detail"});
    case ReportKind::FieldMapping:
        break;
    }
    return {};
}

QString Exporter::humanHeader(const QString &key)
{
    for (const QList<HumanColumn> *table : {&watchlistColumns(), &otherColumns()}) {
        for (const HumanColumn &column : *table) {
            if (key == QLatin1StringView(column.key))
                return QCoreApplication::translate("HumanReport", column.header);
        }
    }
    return key;
}

Result<qint64> Exporter::writeForPeople(Store &store, const ExportOptions &options, const HumanReportOptions &human,
                                        QIODevice &out)
{
    if (options.kind == ReportKind::FieldMapping) {
        ExportOptions csv = options;
        csv.format = ReportFormat::Csv;
        return write(store, csv, out);
    }
    HumanCsvDevice device(out, humanColumnKeys(options.kind), human);
    device.writeHeader(options.excelBom);
    ExportOptions json = options;
    json.format = ReportFormat::Json;
    json.excelBom = false;
    Result<qint64> rows = write(store, json, device);
    if (!rows)
        return rows;
    if (!device.finish())
        return makeError(ErrorKind::Storage, u"Cannot write the report: "_s + out.errorString());
    return rows;
}
