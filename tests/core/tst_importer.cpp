// Spreadsheet intake end to end against real databases (SQLite and PostgreSQL): ugly real-world
// files, per-row errors, nothing imported twice, all-or-nothing per file, remembered column
// mappings and the inbox folder.
#include "clock.h"
#include "containernumber.h"
#include "importer.h"
#include "inboximporter.h"
#include "inboxwatcher.h"
#include "storage/storeinspection.h"
#include "testdatabases.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

void addBackendRows()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

#define OPEN_STORE(database, store)                                                                                    \
    QFETCH(Store::Backend, backend);                                                                                   \
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())                                     \
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");                                                                     \
    TestDatabase database(backend);                                                                                    \
    QVERIFY2(database.isValid(), qPrintable(database.error()));                                                        \
    auto opened = Store::open(database.location(), testClock());                                                       \
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));                                                         \
    Store &store = *opened.value();

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

qsizetype containerCount(Store &store)
{
    const auto entries = store.containers(u"default"_s);
    return entries ? entries->size() : -1;
}

ImportDefaults portsAmerica()
{
    ImportDefaults defaults;
    defaults.provider = u"ports_america"_s;
    defaults.site = u"WBCT_LA"_s;
    return defaults;
}

// The daily report as people really send it: a title line, blank rows, CRLF and LF mixed, a
// semicolon separator, numbers in lower case and with spaces, a duplicate row, a bad number, a
// reference with an embedded newline and a quote.
const QByteArray uglyReport = "Daily report 2024-03-05\r\n"
                              "\r\n"
                              "Container #;Terminal;Ref;B/L;Booking No;data.truckingCompanyCode\r\n"
                              "msku 123456 5;;\"PO \"\"7\"\"\nsecond line\";BL1;;PFCH\n"
                              "MSKU1234565;;dup;;;\r\n"
                              " ; ;;;;\n"
                              "TGHU-000000-8;TRAPAC_LA;;;BK1;\r"
                              "ABCU1234567;;;;;\n"
                              ";;no number here;;;\n"
                              "CSQU3054383;;" +
                              QByteArray(51, 'r') + ";;;\n";

// A large shuffled file: rows 0..largeRows-1 once each in a scattered order, then row 7 again.
constexpr int largeRows = 5000; // several pipeline batches, not a multiple of any batch size

QString number(int i)
{
    const QString firstTen = u"QWXU"_s + u"%1"_s.arg(i, 6, 10, QChar(u'0'));
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen));
}
QString providerOf(int i)
{
    return i % 3 == 0 ? u"apm"_s : u"ports_america"_s;
}
QString truckerOf(int i)
{
    return i % 7 < 4 ? u"PFCH"_s : u"TRK"_s + QString::number(i % 7);
}
QString referenceOf(int i)
{
    return i % 5 == 0 ? u"Café Ø 東京 %1"_s.arg(i) : u"PO %1"_s.arg(i);
}
// replace: what to write instead of the row at that position of the file (1-based, header = 1).
QByteArray largeCsv(const QHash<int, QByteArray> &replace = {})
{
    QByteArray csv = "Container Number,Provider,Reference,truckingCompanyCode\n";
    for (int line = 2; line < largeRows + 2; ++line) {
        const int i = ((line - 2) * 389) % largeRows; // 389 is prime to 5000: every row once, shuffled
        csv += replace.contains(line)
                   ? replace.value(line)
                   : (number(i) + u',' + providerOf(i) + u',' + referenceOf(i) + u',' + truckerOf(i) + u'\n').toUtf8();
    }
    return csv + (number(7) + u',' + providerOf(7) + u",repeat,PFCH\n"_s).toUtf8();
}

} // namespace

class TestImporter final : public QObject
{
    Q_OBJECT

private slots:
    void guessesMapping_data();
    void guessesMapping();
    void headerlessList();
    void uglyCsv_data();
    void uglyCsv();
    void xlsxFromLibreOffice_data();
    void xlsxFromLibreOffice();
    void brokenFilesImportNothing_data();
    void brokenFilesImportNothing();
    void databaseErrorRollsBackTheFile_data();
    void databaseErrorRollsBackTheFile();
    void largeFileKeepsEveryRule_data();
    void largeFileKeepsEveryRule();
    void lateFailureImportsNothing_data();
    void lateFailureImportsNothing();
    void streamedImportMatchesTheDialogs();
    void remembersMappingPerLayout();
    void inboxFolder_data();
    void inboxFolder();
    void inboxWatcherImportsDroppedFiles();
};

void TestImporter::guessesMapping_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("key");
    QTest::newRow("Container Number") << u"Container Number"_s << int(ImportField::ContainerNumber) << QString();
    QTest::newRow("CNTR NO.") << u" CNTR NO. "_s << int(ImportField::ContainerNumber) << QString();
    QTest::newRow("container #") << u"container #"_s << int(ImportField::ContainerNumber) << QString();
    QTest::newRow("B/L") << u"B/L"_s << int(ImportField::BillOfLading) << QString();
    QTest::newRow("MBL") << u"MBL"_s << int(ImportField::BillOfLading) << QString();
    QTest::newRow("Booking No") << u"Booking No"_s << int(ImportField::Booking) << QString();
    QTest::newRow("Terminal") << u"Terminal"_s << int(ImportField::Site) << QString();
    QTest::newRow("Provider") << u"Provider"_s << int(ImportField::Provider) << QString();
    QTest::newRow("Load #") << u"Load #"_s << int(ImportField::Reference) << QString();
    QTest::newRow("known data key") << u"TRUCKINGCOMPANYCODE"_s << int(ImportField::ProviderData)
                                    << u"truckingCompanyCode"_s;
    QTest::newRow("data. prefix") << u"data.customField"_s << int(ImportField::ProviderData) << u"customField"_s;
    QTest::newRow("unknown") << u"Weight (kg)"_s << int(ImportField::Ignore) << QString();
}

void TestImporter::guessesMapping()
{
    QFETCH(QString, header);
    QFETCH(int, field);
    QFETCH(QString, key);
    const ImportColumn column = ImportMapping::guessColumn(header);
    QCOMPARE(int(column.field), field);
    QCOMPARE(column.dataKey, key);
}

void TestImporter::headerlessList()
{
    SpreadsheetTable table;
    table.rows = {{1, {u"1"_s, u"MSKU1234565"_s}}, {2, {u"2"_s, u"tghu0000008"_s}}};
    const ImportMapping mapping = ImportMapping::guess(table);
    QCOMPARE(mapping.headerIndex, -1);
    QCOMPARE(mapping.containerColumn(), 1);
    const Result<ImportPlan> plan = Importer::plan(table, mapping, portsAmerica());
    QVERIFY(plan.ok());
    QCOMPARE(plan->entries.size(), 2);
    QCOMPARE(plan->entries.at(1).containerNumber, u"TGHU0000008"_s);
    QCOMPARE(ImportMapping::fromJson(mapping.toJson()), std::optional<ImportMapping>(mapping));
}

void TestImporter::uglyCsv_data()
{
    addBackendRows();
}

void TestImporter::uglyCsv()
{
    OPEN_STORE(database, store)
    QTemporaryDir dir;
    const QString path = dir.filePath(u"daily.csv"_s);
    QVERIFY(writeFile(path, uglyReport));

    const Result<ImportReport> report = Importer::importFile(store, path, portsAmerica());
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->rowsRead, 6);
    QCOMPARE(report->added, 2);
    QCOMPARE(report->duplicateRows, 1);
    QCOMPARE(report->errors.size(), 3);
    QCOMPARE(report->errors.at(0).row, 9);
    QVERIFY2(report->errors.at(0).reason.startsWith(u"ABCU1234567: check digit"_s),
             qPrintable(report->errors.at(0).reason));
    QCOMPARE(report->errors.at(1), (ImportRowError{10, u"no container number"_s}));
    QCOMPARE(report->errors.at(2).row, 11);
    QVERIFY(report->errors.at(2).reason.contains(u"at most 50"_s));

    const auto msku = store.container(u"default"_s, u"MSKU1234565"_s);
    QVERIFY(msku.ok() && msku->has_value());
    const WatchEntry &entry = msku->value();
    QCOMPARE(entry.reference, u"PO \"7\"\nsecond line"_s); // the first row wins over its duplicate
    QCOMPARE(entry.billOfLading, u"BL1"_s);
    QCOMPARE(entry.site, u"WBCT_LA"_s); // the default, as the cell is empty
    QCOMPARE(entry.providerData.value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
    const auto tghu = store.container(u"default"_s, u"TGHU0000008"_s);
    QVERIFY(tghu.ok() && tghu->has_value());
    QCOMPARE(tghu->value().site, u"TRAPAC_LA"_s);
    QCOMPARE(tghu->value().booking, u"BK1"_s);

    // The same file again changes nothing.
    const Result<ImportReport> again = Importer::importFile(store, path, portsAmerica());
    QVERIFY(again.ok());
    QCOMPARE(again->added, 0);
    QCOMPARE(again->alreadyTracked, 2);
    QCOMPARE(containerCount(store), 2);
    const auto after = store.container(u"default"_s, u"MSKU1234565"_s);
    QCOMPARE(after->value().addedAt, entry.addedAt);

    // A cancelled container in the file becomes active again.
    QVERIFY(store.cancelContainers(u"default"_s, {u"TGHU0000008"_s}).ok());
    const Result<ImportReport> third = Importer::importFile(store, path, portsAmerica());
    QCOMPARE(third->added, 1);
    QCOMPARE(store.container(u"default"_s, u"TGHU0000008"_s)->value().traceState, TraceState::Active);

    const auto audit = store.auditEntries(u"default"_s);
    QVERIFY(audit.ok());
    QCOMPARE(audit->size(), 3);
    QCOMPARE(audit->constFirst().action, u"import"_s);
}

void TestImporter::xlsxFromLibreOffice_data()
{
    addBackendRows();
}

void TestImporter::xlsxFromLibreOffice()
{
    OPEN_STORE(database, store)
    const QString path = QFINDTESTDATA("../data/intake-libreoffice.xlsx");
    QVERIFY(!path.isEmpty());
    ImportDefaults defaults = portsAmerica();
    defaults.providerData = QJsonObject{{u"truckingCompanyCode"_s, u"DFLT"_s}};
    const Result<ImportReport> report = Importer::importFile(store, path, defaults);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(report->added, 3);
    QCOMPARE(report->errors.size(), 1);
    QCOMPARE(report->errors.constFirst().row, 6);
    const auto msku = store.container(u"default"_s, u"MSKU1234565"_s);
    QVERIFY(msku.ok() && msku->has_value());
    QCOMPARE(msku->value().booking, u"12345678"_s);
    QCOMPARE(msku->value().reference, u"PO 1 & 2"_s);
    QCOMPARE(msku->value().providerData.value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
    const auto csqu = store.container(u"default"_s, u"CSQU3054383"_s);
    QCOMPARE(csqu->value().providerData.value(u"truckingCompanyCode"_s).toString(), u"DFLT"_s);
}

void TestImporter::brokenFilesImportNothing_data()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    for (const Store::Backend backend : {Store::Backend::Sqlite, Store::Backend::Postgres}) {
        const QString prefix = TestDatabase::backendName(backend) + u' ';
        const auto row = [&](const QString &what) -> QTestData & {
            return QTest::newRow(qPrintable(prefix + what)) << backend;
        };
        row(u"0 bytes"_s) << u"empty.csv"_s << QByteArray() << u"0 bytes"_s;
        row(u"0 bytes xlsx"_s) << u"empty.xlsx"_s << QByteArray() << u"0 bytes"_s;
        row(u"text renamed to xlsx"_s) << u"report.xlsx"_s << QByteArray("Container\nMSKU1234565\n")
                                       << u"not a ZIP archive"_s;
        row(u"unclosed quote"_s) << u"broken.csv"_s << QByteArray("Container,Ref\nMSKU1234565,\"open\nTGHU0000008,x\n")
                                 << u"never closed"_s;
        row(u"no container column"_s) << u"other.csv"_s << QByteArray("Name,Weight\nfoo,12\n")
                                      << u"no column holds container numbers"_s;
        row(u"zip bomb"_s) << u"bomb.xlsx"_s << QByteArray() << u"ZIP bomb"_s;
    }
}

void TestImporter::brokenFilesImportNothing()
{
    OPEN_STORE(database, store)
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QString path = dir.filePath(name);
    if (name == "bomb.xlsx"_L1)
        path = QFINDTESTDATA("../data/zip-bomb.xlsx");
    else
        QVERIFY(writeFile(path, bytes));
    const Result<ImportReport> report = Importer::importFile(store, path, portsAmerica());
    QVERIFY(!report.ok());
    QCOMPARE(report.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(report.error().message.contains(message), qPrintable(report.error().message));
    QCOMPARE(containerCount(store), 0);
    const auto audit = store.auditEntries(u"default"_s);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->constFirst().outcome, u"error"_s);
}

void TestImporter::databaseErrorRollsBackTheFile_data()
{
    addBackendRows();
}

void TestImporter::databaseErrorRollsBackTheFile()
{
    OPEN_STORE(database, store)
    // The database refuses the third row of the file: none of the file may stay.
    QSqlQuery query(StoreInspection::database(store));
    if (backend == Store::Backend::Sqlite) {
        QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON containers WHEN NEW.container_number = "
                           "'CSQU3054383' BEGIN SELECT RAISE(ABORT, 'refused by test'); END"_s));
    } else {
        QVERIFY(query.exec(u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $b$ BEGIN IF "
                           "NEW.container_number = 'CSQU3054383' THEN RAISE EXCEPTION 'refused by test'; END IF; "
                           "RETURN NEW; END $b$"_s));
        QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON containers FOR EACH ROW EXECUTE FUNCTION "
                           "refuse()"_s));
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(u"three.csv"_s);
    QVERIFY(writeFile(path, "Container\nMSKU1234565\nTGHU0000008\nCSQU3054383\n"));
    const Result<ImportReport> report = Importer::importFile(store, path, portsAmerica());
    QVERIFY(!report.ok());
    QCOMPARE(report.error().kind, ErrorKind::Storage);
    QCOMPARE(containerCount(store), 0);
}

void TestImporter::largeFileKeepsEveryRule_data()
{
    addBackendRows();
}

// More rows than several batches of the import pipeline (so reading and writing overlap, and
// repeats and tracked rows fall in different batches), in a shuffled file with two providers, changing provider data,
// repeats, non-ASCII text, and rows that are already tracked (left alone) or were cancelled (active again).
void TestImporter::largeFileKeepsEveryRule()
{
    OPEN_STORE(database, store)
    constexpr int rows = largeRows;

    // Already tracked before the import: 0..49 active with their own reference, 50..99 cancelled.
    for (int i = 0; i < 100; ++i) {
        WatchEntry entry;
        entry.containerNumber = number(i);
        entry.provider = providerOf(i);
        entry.reference = u"kept %1"_s.arg(i);
        QVERIFY(store.addContainer(entry));
    }
    QStringList cancelled;
    for (int i = 50; i < 100; ++i)
        cancelled.append(number(i));
    QVERIFY(store.cancelContainers(u"default"_s, cancelled));

    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.csv"_s);
    QVERIFY(writeFile(path, largeCsv()));

    const Result<ImportReport> report = Importer::importFile(store, path, {});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->rowsRead, rows + 1);
    QCOMPARE(report->duplicateRows, 1);
    QCOMPARE(report->added, rows - 50); // all but the 50 active ones, the cancelled ones included
    QCOMPARE(report->alreadyTracked, 50);
    QVERIFY(report->errors.isEmpty());

    const Result<QList<WatchEntry>> stored = store.containers(u"default"_s);
    QVERIFY(stored);
    QCOMPARE(stored->size(), rows);
    for (const WatchEntry &entry : stored.value()) {
        const int i = entry.containerNumber.mid(4, 6).toInt();
        QCOMPARE(entry.provider, providerOf(i));
        QCOMPARE(entry.traceState, TraceState::Active);
        QCOMPARE(entry.reference, i < 50 ? u"kept %1"_s.arg(i) : referenceOf(i));
        QCOMPARE(entry.providerData.value(u"truckingCompanyCode"_s).toString(), i < 50 ? QString() : truckerOf(i));
        QVERIFY(entry.addedAt.isValid() && entry.nextTraceAt.isValid());
        QCOMPARE(entry.expiresAt, entry.addedAt.addDays(WatchEntry::traceWindowDays));
    }

    const Result<ImportReport> again = Importer::importFile(store, path, {});
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->alreadyTracked, rows);
}

void TestImporter::lateFailureImportsNothing_data()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::addColumn<bool>("databaseRefuses");
    for (const Store::Backend backend : {Store::Backend::Sqlite, Store::Backend::Postgres}) {
        const QString prefix = TestDatabase::backendName(backend) + u' ';
        QTest::newRow(qPrintable(prefix + u"unclosed quote"_s)) << backend << false;
        QTest::newRow(qPrintable(prefix + u"database refuses"_s)) << backend << true;
    }
}

// The import stores a file's first batches while it still reads the rest: a problem near the end
// of a large file must still leave nothing of it, and stop both sides without hanging.
void TestImporter::lateFailureImportsNothing()
{
    OPEN_STORE(database, store)
    QFETCH(bool, databaseRefuses);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"late.csv"_s);
    const int late = largeRows - 10;
    if (databaseRefuses) {
        const QString refused = number(4321);
        QSqlQuery query(StoreInspection::database(store));
        if (backend == Store::Backend::Sqlite) {
            QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON containers WHEN NEW.container_number = '%1' "
                               "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"_s.arg(refused)));
        } else {
            QVERIFY(query.exec(u"CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $b$ BEGIN IF "
                               "NEW.container_number = '%1' THEN RAISE EXCEPTION 'refused by test'; END IF; "
                               "RETURN NEW; END $b$"_s.arg(refused)));
            QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON containers FOR EACH ROW EXECUTE FUNCTION "
                               "refuse()"_s));
        }
        QVERIFY(writeFile(path, largeCsv()));
    } else {
        QVERIFY(writeFile(path, largeCsv({{late, "QWXU9999990,apm,\"never closed\n"}})));
    }
    const Result<ImportReport> report = Importer::importFile(store, path, {});
    QVERIFY(!report.ok());
    if (databaseRefuses) {
        QCOMPARE(report.error().kind, ErrorKind::Storage);
        QVERIFY2(report.error().message.contains(u"refused by test"_s), qPrintable(report.error().message));
    } else {
        QCOMPARE(report.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(report.error().message.contains(u"row %1"_s.arg(late)), qPrintable(report.error().message));
    }
    QCOMPARE(containerCount(store), 0);
    const auto audit = store.auditEntries(u"default"_s);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->constFirst().outcome, u"error"_s);

    // The store is usable right after: the same file without the problem goes in whole.
    if (databaseRefuses)
        QVERIFY(QSqlQuery(StoreInspection::database(store))
                    .exec(u"DROP TRIGGER refuse"_s +
                          (backend == Store::Backend::Postgres ? u" ON containers"_s : QString())));
    QVERIFY(writeFile(path, largeCsv()));
    const Result<ImportReport> again = Importer::importFile(store, path, {});
    QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error().message));
    QCOMPARE(again->added, largeRows);
}

// The CLI and the inbox stream a file through Importer::importFile; the console's dialog reads it,
// plans it and commits the plan. The same file must give the same report and the same watchlist.
void TestImporter::streamedImportMatchesTheDialogs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.csv"_s);
    // A bad number, a blank line and a repeat of row 7 instead of three rows, besides the last line.
    const QByteArray csv = largeCsv({{100, "not a number,apm,x,PFCH\n"},
                                     {3000, "\n"},
                                     {4000, (number(7) + u',' + providerOf(7) + u",,\n"_s).toUtf8()}});
    QVERIFY(writeFile(path, csv));

    TestDatabase streamedDatabase(Store::Backend::Sqlite);
    TestDatabase stepsDatabase(Store::Backend::Sqlite);
    auto streamedStore = Store::open(streamedDatabase.location(), testClock());
    auto stepsStore = Store::open(stepsDatabase.location(), testClock());
    QVERIFY(streamedStore && stepsStore);
    const Result<ImportReport> streamed = Importer::importFile(*streamedStore.value(), path, {});
    QVERIFY2(streamed.ok(), qPrintable(streamed ? QString() : streamed.error().message));
    const Result<SpreadsheetTable> table = Importer::readFile(path);
    QVERIFY(table);
    const Result<ImportPlan> plan = Importer::plan(table.value(), ImportMapping::guess(table.value()), {});
    QVERIFY(plan);
    const Result<ImportReport> steps = Importer::commit(*stepsStore.value(), plan.value(), path);
    QVERIFY(steps);

    QCOMPARE(streamed->rowsRead, steps->rowsRead);
    QCOMPARE(streamed->added, steps->added);
    QCOMPARE(streamed->alreadyTracked, steps->alreadyTracked);
    QCOMPARE(streamed->duplicateRows, steps->duplicateRows);
    QCOMPARE(streamed->errors, steps->errors);
    QCOMPARE(streamed->errors.size(), 1);
    QCOMPARE(streamed->errors.constFirst().row, 100);
    QCOMPARE(streamed->duplicateRows, 2);

    const auto keyed = [](const QList<WatchEntry> &entries) {
        QStringList lines;
        for (const WatchEntry &e : entries) {
            lines.append(QStringList{e.containerNumber, e.provider, e.site, e.reference,
                                     QString::fromUtf8(QJsonDocument(e.providerData).toJson(QJsonDocument::Compact)),
                                     traceStateName(e.traceState)}
                             .join(u'|'));
        }
        lines.sort();
        return lines;
    };
    const auto streamedRows = streamedStore.value()->containers(u"default"_s);
    const auto stepsRows = stepsStore.value()->containers(u"default"_s);
    QVERIFY(streamedRows && stepsRows);
    QCOMPARE(streamedRows->size(), largeRows - 3);
    QCOMPARE(keyed(streamedRows.value()), keyed(stepsRows.value()));
}

void TestImporter::remembersMappingPerLayout()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    SpreadsheetTable table;
    table.rows = {{1, {u"Unit"_s, u"Carrier Ref"_s}}, {2, {u"MSKU1234565"_s, u"R1"_s}}};
    ImportMapping mapping = ImportMapping::guess(table);
    QCOMPARE(mapping.headerIndex, 0);
    QCOMPARE(mapping.columns.at(1).field, ImportField::Ignore);
    mapping.columns[1] = {ImportField::Reference, {}};
    const QString key = ImportMapping::layoutKey(table, 0);
    QVERIFY(!key.isEmpty());
    ImportMapping::remember(settings, key, mapping);

    SpreadsheetTable sameLayout;
    sameLayout.rows = {{1, {u" unit "_s, u"CARRIER REF"_s, QString()}}, {2, {u"TGHU0000008"_s, u"R2"_s}}};
    QCOMPARE(ImportMapping::layoutKey(sameLayout, 0), key);
    QCOMPARE(ImportMapping::recall(settings, key), std::optional<ImportMapping>(mapping));
    SpreadsheetTable otherLayout;
    otherLayout.rows = {{1, {u"Unit"_s, u"Other"_s}}};
    QVERIFY(!ImportMapping::recall(settings, ImportMapping::layoutKey(otherLayout, 0)).has_value());

    // A header the guess does not recognise, chosen by hand, found again below a new title line.
    SpreadsheetTable unguessable;
    unguessable.rows = {{1, {u"Box"_s, u"Job"_s}}, {2, {u"MSKU1234565"_s, u"J-1"_s}}};
    QCOMPARE(ImportMapping::findHeaderRow(unguessable), -1);
    ImportMapping chosen;
    chosen.headerIndex = 0;
    chosen.columns = {{ImportField::ContainerNumber, {}}, {ImportField::Reference, {}}};
    ImportMapping::remember(settings, ImportMapping::layoutKey(unguessable, 0), chosen);
    unguessable.rows.prepend({1, {u"Daily report"_s}});
    const std::optional<ImportMapping> found = ImportMapping::recallFor(settings, unguessable);
    QVERIFY(found.has_value());
    QCOMPARE(found->headerIndex, 1);
    QCOMPARE(found->columns, chosen.columns);
    QVERIFY(!ImportMapping::recallFor(settings, otherLayout).has_value());
}

void TestImporter::inboxFolder_data()
{
    addBackendRows();
}

void TestImporter::inboxFolder()
{
    OPEN_STORE(database, store)
    QTemporaryDir dir;
    const QDir inbox(dir.path());
    QVERIFY(writeFile(inbox.filePath(u"a-good.csv"_s), "Container\nMSKU1234565\n"));
    QVERIFY(writeFile(inbox.filePath(u"b-partial.csv"_s), "Container\nTGHU0000008\nABCU1234567\n"));
    QVERIFY(writeFile(inbox.filePath(u"c-empty.csv"_s), QByteArray()));
    QVERIFY(writeFile(inbox.filePath(u"d-fake.xlsx"_s), "not a workbook"));

    const Result<InboxImporter::PassReport> pass = InboxImporter::runOnce(store, inbox.path(), portsAmerica());
    QVERIFY2(pass.ok(), qPrintable(pass.error().message));
    QVERIFY(pass->problems.isEmpty());
    QCOMPARE(pass->files.size(), 4);
    QCOMPARE(containerCount(store), 2);
    QVERIFY(QFile::exists(inbox.filePath(u"processed/a-good.csv"_s)));
    QVERIFY(!QFile::exists(inbox.filePath(u"processed/a-good.csv.errors.txt"_s)));
    QVERIFY(QFile::exists(inbox.filePath(u"processed/b-partial.csv"_s)));
    QFile partialReport(inbox.filePath(u"processed/b-partial.csv.errors.txt"_s));
    QVERIFY(partialReport.open(QIODevice::ReadOnly));
    QVERIFY(partialReport.readAll().contains("row 3: ABCU1234567"));
    QVERIFY(QFile::exists(inbox.filePath(u"rejected/c-empty.csv"_s)));
    QFile rejectedReport(inbox.filePath(u"rejected/d-fake.xlsx.errors.txt"_s));
    QVERIFY(rejectedReport.open(QIODevice::ReadOnly));
    QVERIFY(rejectedReport.readAll().contains("not a ZIP archive"));
    QCOMPARE(InboxImporter::pendingFiles(inbox.path(), SystemClock().now()), QStringList());

    // Nothing left: a second pass does nothing. The same report name again is kept apart.
    QCOMPARE(InboxImporter::runOnce(store, inbox.path(), portsAmerica())->files.size(), 0);
    QVERIFY(writeFile(inbox.filePath(u"a-good.csv"_s), "Container\nMSKU1234565\n"));
    const auto again = InboxImporter::runOnce(store, inbox.path(), portsAmerica());
    QCOMPARE(again->files.size(), 1);
    QCOMPARE(again->files.constFirst().report.added, 0);
    QVERIFY(again->files.constFirst().movedTo != inbox.filePath(u"processed/a-good.csv"_s));
    QVERIFY(QFile::exists(again->files.constFirst().movedTo));
}

void TestImporter::inboxWatcherImportsDroppedFiles()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto opened = Store::open(database.location(), testClock());
    QVERIFY(opened.ok());
    QTemporaryDir dir;
    InboxWatcher watcher(*opened.value(), portsAmerica());
    watcher.setMinAgeSeconds(0);
    QSignalSpy finished(&watcher, &InboxWatcher::passFinished);
    watcher.setFolder(dir.path());
    QVERIFY(writeFile(QDir(dir.path()).filePath(u"dropped.csv"_s), "Container\nMSKU1234565\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QCOMPARE(containerCount(*opened.value()), 1);
    QVERIFY(QFile::exists(QDir(dir.path()).filePath(u"processed/dropped.csv"_s)));
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
