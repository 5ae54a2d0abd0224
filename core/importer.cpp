#include "importer.h"

#include "containernumber.h"
#include "csvreader.h"
#include "logging.h"
#include "xlsxreader.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSettings>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QString cleanNumber(const QString &cell)
{
    const auto isNoise = [](QChar c) { return c.isSpace() || c == u'-'; };
    if (std::none_of(cell.cbegin(), cell.cend(), isNoise))
        return cell; // the common case: shared, no copy
    QString out;
    out.reserve(cell.size());
    for (const QChar c : cell) {
        if (!isNoise(c))
            out.append(c);
    }
    return out;
}

// Applies the mapped cells of one row to an entry that starts from the defaults.
struct RowReader
{
    const ImportMapping &mapping;
    const ImportDefaults &defaults;
    // Rows of a file mostly repeat their provider-data cells (one trucker code for all): such a row
    // shares the previous row's object instead of building an equal one.
    QStringList lastDataCells;
    QJsonObject lastData;

    std::optional<QString> read(const SpreadsheetRow &row, WatchEntry &entry)
    {
        entry.entity = defaults.entity;
        entry.provider = defaults.provider;
        entry.site = defaults.site;
        QString number;
        QStringList dataCells;
        for (qsizetype c = 0; c < mapping.columns.size(); ++c) {
            const QString cell = row.cells.value(c).trimmed();
            const ImportColumn &column = mapping.columns.at(c);
            switch (column.field) {
            case ImportField::ContainerNumber:
                number = cell;
                break;
            case ImportField::Provider:
                if (!cell.isEmpty())
                    entry.provider = cell;
                break;
            case ImportField::Site:
                if (!cell.isEmpty())
                    entry.site = cell;
                break;
            case ImportField::Reference:
                entry.reference = cell;
                break;
            case ImportField::BillOfLading:
                entry.billOfLading = cell;
                break;
            case ImportField::Booking:
                entry.booking = cell;
                break;
            case ImportField::ProviderData:
                if (!column.dataKey.isEmpty())
                    dataCells.append(cell);
                break;
            case ImportField::Ignore:
                break;
            }
        }
        entry.providerData = providerData(dataCells);
        return check(number, entry);
    }

    QJsonObject providerData(const QStringList &dataCells)
    {
        if (dataCells.isEmpty())
            return defaults.providerData;
        if (dataCells == lastDataCells && !lastData.isEmpty())
            return lastData;
        QJsonObject data = defaults.providerData;
        qsizetype next = 0;
        for (const ImportColumn &column : mapping.columns) {
            if (column.field != ImportField::ProviderData || column.dataKey.isEmpty())
                continue;
            const QString &cell = dataCells.at(next++);
            if (!cell.isEmpty())
                data.insert(column.dataKey, cell);
        }
        lastDataCells = dataCells;
        lastData = data;
        return data;
    }

    static std::optional<QString> check(const QString &number, WatchEntry &entry)
    {
        if (number.isEmpty())
            return u"no container number"_s;
        const ContainerNumberCheck checked = ContainerNumber::check(cleanNumber(number));
        if (!checked.valid)
            return number + u": "_s + checked.reason;
        entry.containerNumber = checked.normalized;
        if (entry.provider.isEmpty())
            return entry.containerNumber + u": no provider (give a provider column or a default provider)"_s;
        if (entry.reference.size() > WatchEntry::maxReferenceLength) {
            return entry.containerNumber +
                   u": the reference has %1 characters; at most %2 are allowed"_s.arg(entry.reference.size())
                       .arg(WatchEntry::maxReferenceLength);
        }
        return std::nullopt;
    }
};

bool isWorkbook(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == "xlsx"_L1 || suffix == "xlsm"_L1;
}

void recordImport(Store &store, const QString &entity, const QString &detail, bool ok)
{
    if (const Result<void> recorded = store.appendAudit(AuditEntry::make(entity, {}, u"import"_s, ok, detail));
        !recorded)
        qCWarning(lcStore) << "import not recorded in the audit log:" << recorded.error().message;
}

} // namespace

QString ImportReport::summary() const
{
    QString text = u"%1 %2: %3 added"_s.arg(rowsRead).arg(rowsRead == 1 ? u"row"_s : u"rows"_s).arg(added);
    if (alreadyTracked > 0)
        text += u", %1 already on the watchlist"_s.arg(alreadyTracked);
    if (duplicateRows > 0)
        text += u", %1 repeated in the file"_s.arg(duplicateRows);
    if (!errors.isEmpty())
        text += u", %1 rejected"_s.arg(errors.size());
    return text;
}

Result<SpreadsheetTable> Importer::readFile(const QString &path, const QString &sheet)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorKind::InvalidInput, u"%1 does not exist"_s.arg(path));
    if (info.size() == 0)
        return makeError(ErrorKind::InvalidInput, u"%1 is empty (0 bytes)"_s.arg(info.fileName()));
    if (isWorkbook(path)) {
        XlsxReader::Options options;
        options.sheet = sheet;
        return XlsxReader::readFile(path, options);
    }
    return CsvReader::readFile(path);
}

Result<ImportPlan> Importer::plan(const SpreadsheetTable &table, const ImportMapping &mapping,
                                  const ImportDefaults &defaults)
{
    if (mapping.containerColumn() < 0) {
        return makeError(ErrorKind::InvalidInput,
                         u"no column holds container numbers: name one \"Container Number\" or map it"_s);
    }
    ImportPlan plan;
    plan.entries.reserve(table.rows.size());
    QHash<QString, QSet<QString>> seen; // provider -> numbers already in the plan
    QSet<QString> *numbers = nullptr;   // seen[provider of the last row], as files mostly have one
    QString numbersProvider;
    RowReader reader{mapping, defaults, {}, {}};
    for (qsizetype i = mapping.headerIndex + 1; i < table.rows.size(); ++i) {
        const SpreadsheetRow &row = table.rows.at(i);
        if (row.isBlank())
            continue;
        ++plan.rowsRead;
        WatchEntry &entry = plan.entries.emplaceBack(); // built in place; taken back when rejected
        if (const std::optional<QString> reason = reader.read(row, entry)) {
            plan.entries.removeLast();
            plan.errors.append({row.number, *reason});
            continue;
        }
        if (!numbers || entry.provider != numbersProvider) {
            numbersProvider = entry.provider;
            numbers = &seen[numbersProvider];
            if (numbers->isEmpty())
                numbers->reserve(table.rows.size());
        }
        const qsizetype before = numbers->size();
        numbers->insert(entry.containerNumber);
        if (numbers->size() == before) {
            plan.entries.removeLast();
            ++plan.duplicateRows;
        }
    }
    return plan;
}

Result<ImportReport> Importer::commit(Store &store, const ImportPlan &plan, const QString &file)
{
    ImportReport report;
    report.file = file;
    report.rowsRead = plan.rowsRead;
    report.duplicateRows = plan.duplicateRows;
    report.errors = plan.errors;
    const Result<int> added = store.addContainers(plan.entries);
    if (!added)
        return added.error();
    report.added = added.value();
    report.alreadyTracked = int(plan.entries.size()) - report.added;
    return report;
}

Result<ImportReport> Importer::importFile(Store &store, const QString &path, const ImportDefaults &defaults)
{
    const QString name = QFileInfo(path).fileName();
    const auto failed = [&](const Error &error) -> Result<ImportReport> {
        recordImport(store, defaults.entity, name + u": "_s + error.message, false);
        return error;
    };
    const Result<SpreadsheetTable> table = readFile(path);
    if (!table)
        return failed(table.error());
    std::optional<ImportMapping> mapping;
    if (defaults.rememberedLayouts) {
        QSettings settings;
        mapping = ImportMapping::recallFor(settings, table.value());
    }
    const Result<ImportPlan> planned =
        plan(table.value(), mapping ? *mapping : ImportMapping::guess(table.value()), defaults);
    if (!planned)
        return failed(makeError(planned.error().kind, name + u": "_s + planned.error().message));
    Result<ImportReport> report = commit(store, planned.value(), path);
    if (!report)
        return failed(report.error());
    recordImport(store, defaults.entity, name + u": "_s + report->summary(), true);
    qCInfo(lcStore) << "imported" << name << report->summary();
    return report;
}
