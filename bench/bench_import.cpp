// bench_import: importing a 100,000-row CSV (the daily TMS report shape) through Importer, against
// `sqlite3 .import` of the same file into a fresh database in the same run (SPEC section 11 target:
// within 2x). Best of several runs each, each run on a fresh database.
#include "benchdata.h"
#include "clock.h"
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
    const QByteArray provider = BenchData::providerId().toLatin1();
    QByteArray out = "Container Number,Provider,Site,Reference,Booking,truckingCompanyCode\r\n";
    for (int i = 0; i < rows; ++i) {
        out += BenchData::containerNumber(i).toLatin1() + ',' + provider + ",WBCT_LA,PO " + QByteArray::number(i) +
               ",BK" + QByteArray::number(i % 997) + ",PFCH\r\n";
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
Result<double> timeImportFile(const QString &csv, const QTemporaryDir &folder, int run, const Clock &clock,
                              ImportReport &report)
{
    auto store = Store::open(folder.filePath(u"pipeline-%1.sqlite"_s.arg(run)), clock);
    if (!store)
        return store.error();
    settle();
    QElapsedTimer timer;
    timer.start();
    const Result<ImportReport> imported = Importer::importFile(*store.value(), csv, {});
    const double elapsed = seconds(timer);
    if (!imported)
        return imported.error();
    report = imported.value();
    return elapsed;
}

// The steps one after the other on one thread (the console's import dialog), timed one by one so
// the report can say where time goes.
Result<Phases> timeSteps(const QString &csv, const QTemporaryDir &folder, int run, const Clock &clock)
{
    auto store = Store::open(folder.filePath(u"steps-%1.sqlite"_s.arg(run)), clock);
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
    return phases;
}

// baselineSql empty: `.import` alone into a new table (the SPEC's baseline). Otherwise the same file
// imported by sqlite3 and then moved into the watchlist schema (its unique and due indexes and the
// entity foreign key) with one INSERT ... SELECT: SQLite doing the database part of our work.
Result<double> timeSqlite3(const QString &csv, const QTemporaryDir &folder, int run, const QString &schemaFrom = {})
{
    const QString database = folder.filePath(u"sqlite3-%1-%2.sqlite"_s.arg(schemaFrom.isEmpty()).arg(run));
    if (!schemaFrom.isEmpty() && (QFile::exists(database) || !QFile::copy(schemaFrom, database)))
        return makeError(ErrorKind::Internal, u"cannot copy the schema database"_s);
    QStringList commands{u"PRAGMA foreign_keys = ON"_s, u".import --csv "_s + csv + u" staging"_s};
    if (!schemaFrom.isEmpty()) {
        commands.append(u"INSERT INTO containers (entity, container_number, provider, site, provider_data, reference, "
                        "booking, added_at, expires_at, next_trace_at) SELECT 'default', \"Container Number\", "
                        "Provider, Site, json_object('truckingCompanyCode', truckingCompanyCode), Reference, Booking, "
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
    return seconds(timer);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const SystemClock clock; // the benchmark's one time source, handed to every store it opens
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Compares the spreadsheet import with sqlite3 .import."_s);
    parser.addHelpOption();
    const QCommandLineOption rows(u"rows"_s, u"Rows in the CSV (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption repeat(u"repeat"_s, u"Runs of each, best counts (default 5)."_s, u"N"_s, u"5"_s);
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
    if (auto opened = Store::open(schema, clock); !opened) {
        out << "bench_import: " << opened.error().message << Qt::endl;
        return 1;
    }
    // Rounds of one run each, so that whatever else the machine's disk is doing at the time (it is
    // still writing back earlier benchmarks' files for a while) weighs on both sides alike.
    ImportReport report;
    double best[3] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                      std::numeric_limits<double>::max()};
    Phases steps{std::numeric_limits<double>::max(), 0, 0};
    for (int run = 0; run < runs; ++run) {
        const Result<double> times[3] = {timeSqlite3(csv, folder, run), timeSqlite3(csv, folder, run, schema),
                                         timeImportFile(csv, folder, run, clock, report)};
        const Result<Phases> phases = timeSteps(csv, folder, run, clock);
        for (int i = 0; i < 3; ++i) {
            if (!times[i]) {
                out << "bench_import: " << times[i].error().message << Qt::endl;
                return 1;
            }
            best[i] = std::min(best[i], times[i].value());
        }
        if (!phases) {
            out << "bench_import: " << phases.error().message << Qt::endl;
            return 1;
        }
        if (phases->total() < steps.total())
            steps = phases.value();
    }
    const double sqlite = best[0];
    const double sqliteSchema = best[1];
    const double importer = best[2];
    const double ratio = importer / sqlite;
    const double schemaRatio = importer / sqliteSchema;
    out << "importer: " << report.summary() << " in " << importer << " s" << Qt::endl;
    out << "  the same steps one after the other: " << steps.total() << " s (read " << steps.read << " s, plan "
        << steps.plan << " s, commit " << steps.commit << " s)" << Qt::endl;
    out << "sqlite3 .import: " << sqlite << " s" << Qt::endl;
    out << "sqlite3 .import + INSERT into the watchlist schema: " << sqliteSchema << " s" << Qt::endl;
    out << "ratio " << ratio << " (target <= 2); against the same schema " << schemaRatio << Qt::endl;
    printResult(out, u"import_rows"_s, double(report.added), u"rows"_s, u"100000"_s);
    printResult(out, u"import_importer_s"_s, importer, u"s"_s, u"-"_s);
    printResult(out, u"import_sqlite3_s"_s, sqlite, u"s"_s, u"-"_s);
    printResult(out, u"import_sqlite3_schema_s"_s, sqliteSchema, u"s"_s, u"-"_s);
    printResult(out, u"import_ratio"_s, ratio, u"x"_s, u"<=2"_s);
    printResult(out, u"import_ratio_same_schema"_s, schemaRatio, u"x"_s, u"-"_s);
    return 0;
}
