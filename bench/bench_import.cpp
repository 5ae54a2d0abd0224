// bench_import: importing a 100,000-row CSV (the daily TMS report shape) through Importer, against
// `sqlite3 .import` of the same file into a fresh database in the same run (SPEC section 11 target:
// within 2x). Best of several runs each, each run on a fresh database.
#include "benchdata.h"
#include "importer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <limits>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// Every run writes tens of megabytes; the kernel writing back one run's pages slows the next run's
// fsync. Each timed run, sqlite3's and ours alike, starts with nothing left to write back.
void settle()
{
    ::sync();
}

bool writeCsv(const QString &path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray out = "Container Number,Provider,Site,Reference,Booking,truckingCompanyCode\r\n";
    for (int i = 0; i < rows; ++i) {
        out += BenchData::containerNumber(i).toLatin1() + ",ports_america,WBCT_LA,PO " + QByteArray::number(i) + ",BK" +
               QByteArray::number(i % 997) + ",PFCH\r\n";
        if (out.size() > (1 << 20)) {
            file.write(out);
            out.clear();
        }
    }
    return file.write(out) == out.size();
}

struct Phases
{
    double read = 0;   // file -> table
    double plan = 0;   // table -> checked entries
    double commit = 0; // entries -> database, one transaction
    double total() const { return read + plan + commit; }
};

// Importer::importFile as the CLI and the inbox folder run it: the file is read and checked on a
// worker thread while the store writes, so the steps overlap and only the total is the figure.
Result<double> timeImportFile(const QString &csv, const QTemporaryDir &folder, int repeat, ImportReport &last)
{
    double best = std::numeric_limits<double>::max();
    for (int run = 0; run < repeat; ++run) {
        auto store = Store::open(folder.filePath(u"pipeline-%1.sqlite"_s.arg(run)));
        if (!store)
            return store.error();
        settle();
        QElapsedTimer timer;
        timer.start();
        const Result<ImportReport> report = Importer::importFile(*store.value(), csv, {});
        best = std::min(best, seconds(timer));
        if (!report)
            return report.error();
        last = report.value();
    }
    return best;
}

// The steps one after the other on one thread (the console's import dialog), timed one by one so
// the report can say where time goes.
Result<Phases> timeSteps(const QString &csv, const QTemporaryDir &folder, int repeat)
{
    Phases best{std::numeric_limits<double>::max(), 0, 0};
    for (int run = 0; run < repeat; ++run) {
        auto store = Store::open(folder.filePath(u"steps-%1.sqlite"_s.arg(run)));
        if (!store)
            return store.error();
        Phases phases;
        settle();
        QElapsedTimer timer;
        timer.start();
        const Result<SpreadsheetTable> table = Importer::readFile(csv);
        phases.read = seconds(timer);
        if (!table)
            return table.error();
        timer.restart();
        const Result<ImportPlan> plan = Importer::plan(table.value(), ImportMapping::guess(table.value()), {});
        phases.plan = seconds(timer);
        if (!plan)
            return plan.error();
        timer.restart();
        const Result<ImportReport> report = Importer::commit(*store.value(), plan.value(), csv);
        phases.commit = seconds(timer);
        if (!report)
            return report.error();
        if (phases.total() < best.total())
            best = phases;
    }
    return best;
}

// baselineSql empty: `.import` alone into a new table (the SPEC's baseline). Otherwise the same file
// imported by sqlite3 and then moved into the watchlist schema (its unique and due indexes and the
// entity foreign key) with one INSERT ... SELECT: SQLite doing the database part of our work.
Result<double> timeSqlite3(const QString &csv, const QTemporaryDir &folder, int repeat, const QString &schemaFrom = {})
{
    double best = std::numeric_limits<double>::max();
    for (int run = 0; run < repeat; ++run) {
        const QString database = folder.filePath(u"sqlite3-%1-%2.sqlite"_s.arg(schemaFrom.isEmpty()).arg(run));
        if (!schemaFrom.isEmpty() && (QFile::exists(database) || !QFile::copy(schemaFrom, database)))
            return makeError(ErrorKind::Internal, u"cannot copy the schema database"_s);
        QStringList commands{u"PRAGMA foreign_keys = ON"_s, u".import --csv "_s + csv + u" staging"_s};
        if (!schemaFrom.isEmpty()) {
            commands.append(
                u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
                "booking, added_at, expires_at, next_trace_at) SELECT 'default', \"Container Number\", Provider, "
                "Site, json_object('truckingCompanyCode', truckingCompanyCode), Reference, Booking, "
                "strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days'), "
                "strftime('%Y-%m-%dT%H:%M:%fZ') FROM staging WHERE true ON CONFLICT DO NOTHING"_s);
        }
        QProcess process;
        settle();
        QElapsedTimer timer;
        timer.start();
        process.start(u"sqlite3"_s, QStringList{database} + commands);
        if (!process.waitForFinished(600000) || process.exitCode() != 0) {
            return makeError(ErrorKind::Internal, u"sqlite3 failed: "_s + process.errorString() + u' ' +
                                                      QString::fromUtf8(process.readAllStandardError()));
        }
        best = std::min(best, seconds(timer));
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Compares the spreadsheet import with sqlite3 .import."_s);
    parser.addHelpOption();
    const QCommandLineOption rows(u"rows"_s, u"Rows in the CSV (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption repeat(u"repeat"_s, u"Runs of each, best counts (default 3)."_s, u"N"_s, u"3"_s);
    parser.addOptions({rows, repeat});
    parser.process(app);

    QTextStream out(stdout);
    QTemporaryDir folder;
    const QString csv = folder.filePath(u"daily.csv"_s);
    if (!writeCsv(csv, parser.value(rows).toInt())) {
        out << "bench_import: cannot write " << csv << Qt::endl;
        return 1;
    }
    const int runs = std::max(1, parser.value(repeat).toInt());
    const QString schema = folder.filePath(u"schema.sqlite"_s);
    if (auto opened = Store::open(schema); !opened) {
        out << "bench_import: " << opened.error().message << Qt::endl;
        return 1;
    }
    ImportReport report;
    const Result<double> sqlite = timeSqlite3(csv, folder, runs);
    const Result<double> sqliteSchema = timeSqlite3(csv, folder, runs, schema);
    const Result<double> importer = timeImportFile(csv, folder, runs, report);
    const Result<Phases> steps = timeSteps(csv, folder, runs);
    for (const Error *error : {sqlite ? nullptr : &sqlite.error(), sqliteSchema ? nullptr : &sqliteSchema.error(),
                               importer ? nullptr : &importer.error(), steps ? nullptr : &steps.error()}) {
        if (error) {
            out << "bench_import: " << error->message << Qt::endl;
            return 1;
        }
    }
    const double ratio = importer.value() / sqlite.value();
    const double schemaRatio = importer.value() / sqliteSchema.value();
    out << "importer: " << report.summary() << " in " << importer.value() << " s" << Qt::endl;
    out << "  the same steps one after the other: " << steps->total() << " s (read " << steps->read << " s, plan "
        << steps->plan << " s, commit " << steps->commit << " s)" << Qt::endl;
    out << "sqlite3 .import: " << sqlite.value() << " s" << Qt::endl;
    out << "sqlite3 .import + INSERT into the watchlist schema: " << sqliteSchema.value() << " s" << Qt::endl;
    out << "ratio " << ratio << " (target <= 2); against the same schema " << schemaRatio << Qt::endl;
    printResult(out, u"import_rows"_s, double(report.added), u"rows"_s, u"100000"_s);
    printResult(out, u"import_importer_s"_s, importer.value(), u"s"_s, u"-"_s);
    printResult(out, u"import_sqlite3_s"_s, sqlite.value(), u"s"_s, u"-"_s);
    printResult(out, u"import_sqlite3_schema_s"_s, sqliteSchema.value(), u"s"_s, u"-"_s);
    printResult(out, u"import_ratio"_s, ratio, u"x"_s, u"<=2"_s);
    printResult(out, u"import_ratio_same_schema"_s, schemaRatio, u"x"_s, u"-"_s);
    return 0;
}
