#include "importer.h"

#include "clock.h"
#include "containernumber.h"
#include "csvreader.h"
#include "logging.h"
#include "settings.h"
#include "xlsxreader.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

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
    QStringList dataCells; // this row's, kept to reuse its memory

    // entry may hold the previous row: every field a row sets is set or cleared here.
    std::optional<QString> read(const SpreadsheetRow &row, WatchEntry &entry)
    {
        entry.entity = defaults.entity;
        entry.provider = defaults.provider;
        entry.site = defaults.site;
        entry.reference.clear();
        entry.billOfLading.clear();
        entry.booking.clear();
        QString number;
        dataCells.clear();
        for (qsizetype c = 0; c < mapping.columns.size(); ++c) {
            const ImportColumn &column = mapping.columns.at(c);
            if (column.field == ImportField::Ignore)
                continue;
            static const QString missing; // the cell of a row shorter than the header
            const QString &raw = c < row.cells.size() ? row.cells.at(c) : missing;
            const QStringView trimmed = QStringView(raw).trimmed();
            const QString cell = trimmed.size() == raw.size() ? raw : trimmed.toString();
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
        entry.providerData = providerData();
        return check(number, entry);
    }

    QJsonObject providerData()
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

// The rules of one file's rows, for a whole table (plan) or row by row (the import pipeline): read
// the mapped cells, check them, and let only the first of rows repeating each other through.
class Planner
{
public:
    Planner(const ImportMapping &mapping, const ImportDefaults &defaults, qsizetype expectedRows)
        : m_reader{mapping, defaults, {}, {}, {}}, m_expectedRows(expectedRows)
    {}

    // True when entry now holds a row to add; otherwise the row was blank, rejected or a repeat.
    bool take(const SpreadsheetRow &row, WatchEntry &entry)
    {
        if (row.isBlank())
            return false;
        ++rowsRead;
        if (const std::optional<QString> reason = m_reader.read(row, entry)) {
            errors.append({row.number, *reason});
            return false;
        }
        if (!m_numbers || entry.provider != m_numbersProvider) { // files mostly have one provider
            m_numbersProvider = entry.provider;
            m_numbers = &m_seen[m_numbersProvider];
            if (m_numbers->isEmpty())
                m_numbers->reserve(m_expectedRows);
        }
        const qsizetype before = m_numbers->size();
        m_numbers->insert(entry.containerNumber);
        if (m_numbers->size() == before) {
            ++duplicateRows;
            return false;
        }
        ++accepted;
        return true;
    }

    int rowsRead = 0;
    int duplicateRows = 0;
    int accepted = 0;
    QList<ImportRowError> errors;

private:
    RowReader m_reader;
    qsizetype m_expectedRows;
    QHash<QString, QSet<QString>> m_seen; // provider -> numbers already taken
    QSet<QString> *m_numbers = nullptr;   // m_seen[m_numbersProvider]
    QString m_numbersProvider;
};

// One file's rows, checked on a worker thread and handed to Store::addContainers batch by batch, so
// that reading and checking (one core) overlaps with the database writing (the other). A few
// batches wait at most; an error on either side stops both and the store rolls back.
class ImportPipeline final : public ContainerFeed
{
public:
    using NextRow = std::function<Result<bool>(SpreadsheetRow &)>;

    // now: the stamp of every entry of the file (the store's clock).
    ImportPipeline(Planner &planner, const QDateTime &now, NextRow nextRow)
        : m_planner(planner), m_now(now), m_nextRow(std::move(nextRow))
    {
        m_thread = std::thread([this] { produce(); });
    }
    ~ImportPipeline() override { finish(); }

    Result<std::optional<ContainerBatch>> next() override
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
        if (m_error)
            return *m_error;
        if (m_ready.empty())
            return std::optional<ContainerBatch>();
        std::optional<ContainerBatch> batch(std::move(m_ready.front()));
        m_ready.pop_front();
        m_changed.notify_all();
        return batch;
    }

    // Stops the worker (when the store gave up early) and waits for it; the planner's counts are
    // complete afterwards.
    void finish()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_cancelled = true;
        }
        m_changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    // The first batch is small so that the store starts writing soon after the file is opened.
    static constexpr qsizetype firstBatchRows = 256;
    static constexpr qsizetype batchRows = 2048;
    static constexpr size_t maxWaiting = 8;

    void produce()
    {
        const QDateTime now = m_now; // one stamp for the whole file
        std::optional<ContainerBatch> batch;
        SpreadsheetRow row;
        WatchEntry entry;
        qsizetype limit = firstBatchRows;
        while (true) {
            const Result<bool> read = m_nextRow(row);
            if (!read)
                return fail(read.error());
            if (!read.value())
                break;
            if (!m_planner.take(row, entry))
                continue;
            if (!batch) {
                batch.emplace(now);
                batch->reserve(limit);
            }
            if (auto appended = batch->append(entry); !appended)
                return fail(appended.error());
            if (batch->size() == limit) {
                if (!hand(std::exchange(batch, std::nullopt)))
                    return;
                limit = batchRows;
            }
        }
        if (batch)
            hand(std::move(batch));
        const std::lock_guard lock(m_mutex);
        m_done = true;
        m_changed.notify_all();
    }

    // False when the store stopped taking batches.
    bool hand(std::optional<ContainerBatch> batch)
    {
        batch->finish();
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_ready.size() < maxWaiting || m_cancelled; });
        if (m_cancelled)
            return false;
        m_ready.push_back(std::move(*batch));
        m_changed.notify_all();
        return true;
    }

    void fail(const Error &error)
    {
        const std::lock_guard lock(m_mutex);
        m_error = error;
        m_done = true;
        m_changed.notify_all();
    }

    Planner &m_planner;
    QDateTime m_now;
    NextRow m_nextRow;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ContainerBatch> m_ready;
    bool m_done = false;
    bool m_cancelled = false;
    std::optional<Error> m_error;
    std::thread m_thread;
};

Result<void> checkFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorKind::InvalidInput, u"%1 does not exist"_s.arg(path));
    if (info.size() == 0)
        return makeError(ErrorKind::InvalidInput, u"%1 is empty (0 bytes)"_s.arg(info.fileName()));
    return {};
}

Result<void> checkMapping(const ImportMapping &mapping)
{
    if (mapping.containerColumn() < 0) {
        return makeError(ErrorKind::InvalidInput,
                         u"no column holds container numbers: name one \"Container Number\" or map it"_s);
    }
    return {};
}

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
    if (const Result<void> usable = checkFile(path); !usable)
        return usable.error();
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
    if (const Result<void> usable = checkMapping(mapping); !usable)
        return usable.error();
    ImportPlan plan;
    plan.entries.reserve(table.rows.size());
    Planner planner(mapping, defaults, table.rows.size());
    for (qsizetype i = mapping.headerIndex + 1; i < table.rows.size(); ++i) {
        WatchEntry &entry = plan.entries.emplaceBack(); // built in place; taken back when not taken
        if (!planner.take(table.rows.at(i), entry))
            plan.entries.removeLast();
    }
    plan.rowsRead = planner.rowsRead;
    plan.duplicateRows = planner.duplicateRows;
    plan.errors = planner.errors;
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
    // A CSV file is parsed while its first rows are already being stored; a workbook is read whole.
    // Either way the mapping comes from the first rows, the only ones the header search looks at.
    SpreadsheetTable head;
    std::optional<CsvReader::RowStream> stream;
    if (isWorkbook(path)) {
        Result<SpreadsheetTable> table = readFile(path);
        if (!table)
            return failed(table.error());
        head = std::move(table.value());
    } else {
        if (const Result<void> usable = checkFile(path); !usable)
            return failed(usable.error());
        Result<CsvReader::RowStream> opened = CsvReader::RowStream::open(path);
        if (!opened)
            return failed(opened.error());
        stream.emplace(std::move(opened.value()));
        while (head.rows.size() < ImportMapping::mappingRows) {
            SpreadsheetRow row;
            const Result<bool> read = stream->next(row);
            if (!read)
                return failed(read.error());
            if (!read.value()) {
                stream.reset();
                break;
            }
            head.rows.append(std::move(row));
        }
    }
    std::optional<ImportMapping> mapping;
    if (defaults.rememberedLayouts) {
        const Settings settings;
        mapping = ImportMapping::recallFor(settings, head);
    }
    if (!mapping)
        mapping = ImportMapping::guess(head);
    if (const Result<void> usable = checkMapping(*mapping); !usable)
        return failed(makeError(usable.error().kind, name + u": "_s + usable.error().message));

    // A streamed file's row count is not known yet: a daily report row is rarely under 48 bytes.
    Planner planner(*mapping, defaults, stream ? QFileInfo(path).size() / 48 : head.rows.size());
    qsizetype nextHeadRow = mapping->headerIndex + 1;
    ImportPipeline pipeline(planner, store.clock().now(), [&](SpreadsheetRow &row) -> Result<bool> {
        if (nextHeadRow < head.rows.size()) {
            row = head.rows.at(nextHeadRow++);
            return true;
        }
        return stream ? stream->next(row) : Result<bool>(false);
    });
    const Result<int> added = store.addContainers(pipeline);
    pipeline.finish();
    if (!added)
        return failed(added.error());
    ImportReport report;
    report.file = path;
    report.rowsRead = planner.rowsRead;
    report.duplicateRows = planner.duplicateRows;
    report.errors = planner.errors;
    report.added = added.value();
    report.alreadyTracked = planner.accepted - report.added;
    recordImport(store, defaults.entity, name + u": "_s + report.summary(), true);
    qCInfo(lcStore) << "imported" << name << report.summary();
    return report;
}
