// quaywatch-cli as scripts see it: the real executable, run with QProcess against a real database,
// judged only by its exit code, standard output and standard error.
#include "clirunner.h"
#include "importer.h"
#include "testdatabases.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// Valid ISO 6346 numbers; MSCU0000060 has a check sum remainder of 10, which counts as 0.
const QString goodA = u"CSQU3054383"_s;
const QString goodB = u"MSCU1234566"_s;
const QString remainderTen = u"MSCU0000060"_s;
const QString badCheckDigit = u"CSQU3054384"_s;

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void validate_data();
    void validate();
    void watchAddReportsEachBadNumber();
    void watchAddWithoutNormalize();
    void watchAddRejectsLongReference();
    void watchAddAlreadyTracked();
    void watchListJsonHasSnakeCaseFields();
    void watchListTableAndCsv();
    void watchCancel();
    void watchImport();
    void watchImportBrokenFile_data();
    void watchImportBrokenFile();
    void watchImportInbox();
    void watchImportUsesRememberedMapping();
    void events();
    void eventsForUnknownNumber();
    void exportToFile_data();
    void exportToFile();
    void exportHoldsLfdPortPro_data();
    void exportHoldsLfdPortPro();
    void entitiesAreSeparate();
    void postgresRoundTrip();

private:
    CliRun run(const QStringList &arguments, const QString &database = QString());
    QString configHome() const { return m_folder.filePath(u"config"_s); } // CliRunner's XDG_CONFIG_HOME
    QJsonArray listJson(const QString &database = QString());

    QTemporaryDir m_folder;
    std::unique_ptr<CliRunner> m_runner; // HOME and XDG folders inside m_folder
    QString m_database;                  // fresh per test function
    int m_counter = 0;
};

CliRun TestCli::run(const QStringList &arguments, const QString &database)
{
    // Scripts read stdout and stderr as the CLI writes them by default: no debug or info lines.
    QProcessEnvironment environment = m_runner->environment();
    environment.insert(u"QT_LOGGING_RULES"_s, u"quaywatch.*.debug=false;quaywatch.*.info=false"_s);
    return m_runner->run(QStringList{u"--db"_s, database.isEmpty() ? m_database : database} + arguments, {},
                         environment);
}

QJsonArray TestCli::listJson(const QString &database)
{
    const CliRun listed = run({u"watch"_s, u"list"_s, u"--json"_s}, database);
    if (listed.exitCode != 0)
        qWarning() << "watch list --json failed:" << listed.err;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(listed.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "watch list --json is not JSON:" << error.errorString() << listed.out;
    return document.array();
}

void TestCli::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_runner = std::make_unique<CliRunner>(m_folder.path());
    QVERIFY2(QFileInfo(CliRunner::program()).isExecutable(), qPrintable(CliRunner::program() + u" is not built"_s));
}

void TestCli::init()
{
    m_database = m_folder.filePath(u"db%1.sqlite"_s.arg(++m_counter));
}

void TestCli::helpAndVersion()
{
    const CliRun help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const QString &line :
         {u"connections connect PROVIDER"_s, u"watch add NUMBER..."_s, u"watch import FILE"_s, u"watch cancel"_s,
          u"watch list [--json|--csv]"_s, u"sync [--once]"_s, u"events NUMBER [--json]"_s,
          u"export watchlist|holds|lfd|events|audit|portpro"_s, u"validate NUMBER..."_s, u"--entity NAME"_s})
        QVERIFY2(help.out.contains(line), qPrintable(line));
    const CliRun version = run({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(u"quaywatch-cli "_s));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // what stderr must mention
    QTest::newRow("no command") << QStringList() << u"Usage:"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("unknown global option") << QStringList{u"--colour"_s, u"validate"_s, goodA} << u"--colour"_s;
    QTest::newRow("unknown validate option") << QStringList{u"validate"_s, u"--strict"_s, goodA} << u"strict"_s;
    QTest::newRow("validate without numbers") << QStringList{u"validate"_s} << u"validate"_s;
    QTest::newRow("unknown watch add option")
        << QStringList{u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s, u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("watch add without provider") << QStringList{u"watch"_s, u"add"_s, goodA} << u"--provider"_s;
    QTest::newRow("watch add missing value")
        << QStringList{u"watch"_s, u"add"_s, goodA, u"--provider"_s} << u"provider"_s;
    QTest::newRow("bad --data") << QStringList{u"watch"_s, u"add"_s,    goodA,       u"--provider"_s,
                                               u"x"_s,     u"--data"_s, u"novalue"_s}
                                << u"KEY=VALUE"_s;
    QTest::newRow("unknown watch action") << QStringList{u"watch"_s, u"explode"_s} << u"explode"_s;
    QTest::newRow("list json and csv") << QStringList{u"watch"_s, u"list"_s, u"--json"_s, u"--csv"_s} << u"--json"_s;
    QTest::newRow("events two numbers") << QStringList{u"events"_s, goodA, goodB} << u"one container"_s;
    QTest::newRow("unknown report") << QStringList{u"export"_s, u"everything"_s} << u"watchlist|holds"_s;
    QTest::newRow("unknown format") << QStringList{u"export"_s, u"watchlist"_s, u"--format"_s, u"xml"_s}
                                    << u"--format csv|json"_s;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(named), qPrintable(result.err));
}

void TestCli::validate_data()
{
    QTest::addColumn<QStringList>("numbers");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("good") << QStringList{goodA} << 0 << QStringList{goodA + u" valid"_s};
    QTest::newRow("remainder 10") << QStringList{remainderTen} << 0 << QStringList{remainderTen + u" valid"_s};
    QTest::newRow("lower case, spaces") << QStringList{u" csqu3054383 "_s} << 0 << QStringList{goodA + u" valid"_s};
    QTest::newRow("bad check digit") << QStringList{badCheckDigit} << 3
                                     << QStringList{badCheckDigit + u" invalid: check digit should be 3, not 4"_s};
    QTest::newRow("mixed") << QStringList{goodA, u"abc"_s, goodB} << 3
                           << QStringList{goodA + u" valid"_s, u"ABC invalid: "_s, goodB + u" valid"_s};
}

void TestCli::validate()
{
    QFETCH(QStringList, numbers);
    QFETCH(int, exitCode);
    QFETCH(QStringList, lines);
    const CliRun result = run(QStringList{u"validate"_s} + numbers);
    QCOMPARE(result.exitCode, exitCode);
    const QStringList printed = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(printed.size(), lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QVERIFY2(printed.at(i).startsWith(lines.at(i)), qPrintable(printed.at(i)));
    QVERIFY(!QFileInfo::exists(m_database)); // validate needs no database
}

void TestCli::watchAddReportsEachBadNumber()
{
    const CliRun result = run({u"watch"_s, u"add"_s, goodA, badCheckDigit, u"tooshort"_s, goodB, u"--provider"_s,
                               u"ports_america"_s, u"--site"_s, u"WBCT_LA"_s});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.out.contains(goodA + u" added"_s));
    QVERIFY(result.out.contains(goodB + u" added"_s));
    QVERIFY(result.out.contains(u"Added 2 containers, 2 rejected"_s));
    QVERIFY2(result.err.contains(badCheckDigit + u": check digit should be 3, not 4"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"TOOSHORT: must be 11 characters"_s), qPrintable(result.err));

    const QJsonArray listed = listJson();
    QCOMPARE(listed.size(), 2);
    QStringList numbers;
    for (const QJsonValue &entry : listed)
        numbers.append(entry.toObject().value(u"container_number"_s).toString());
    numbers.sort();
    QCOMPARE(numbers, QStringList({goodA, goodB}));
}

void TestCli::watchAddWithoutNormalize()
{
    const CliRun result =
        run({u"watch"_s, u"add"_s, u" TEST123456 "_s, u"--provider"_s, u"ports_america"_s, u"--no-normalize"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains(u"TEST123456 added"_s), qPrintable(result.out + result.err));
    const QJsonArray listed = listJson();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"container_number"_s).toString(), u"TEST123456"_s);
    QCOMPARE(listed.at(0).toObject().value(u"normalize"_s), QJsonValue(false));
}

void TestCli::watchAddRejectsLongReference()
{
    const QString reference(WatchEntry::maxReferenceLength + 1, u'R');
    const CliRun result =
        run({u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s, u"--reference"_s, reference});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"51 characters"_s), qPrintable(result.err));
    QCOMPARE(listJson().size(), 0);

    const QString longest(WatchEntry::maxReferenceLength, u'R');
    QCOMPARE(
        run({u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s, u"--reference"_s, longest}).exitCode, 0);
    QCOMPARE(listJson().at(0).toObject().value(u"reference"_s).toString(), longest);
}

void TestCli::watchAddAlreadyTracked()
{
    const QStringList add{u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s};
    QCOMPARE(run(add).exitCode, 0);
    const CliRun again = run(add);
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(goodA + u" is already on the watchlist"_s), qPrintable(again.out));
    QVERIFY(again.err.isEmpty());
    QCOMPARE(listJson().size(), 1);
}

void TestCli::watchListJsonHasSnakeCaseFields()
{
    QCOMPARE(run({u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s, u"--site"_s, u"WBCT_LA"_s,
                  u"--data"_s, u"truckingCompanyCode=PFCH"_s, u"--reference"_s, u"PO-1"_s})
                 .exitCode,
             0);
    const QJsonArray listed = listJson();
    QCOMPARE(listed.size(), 1);
    const QJsonObject entry = listed.at(0).toObject();
    QCOMPARE(entry.value(u"container_number"_s).toString(), goodA);
    QCOMPARE(entry.value(u"entity"_s).toString(), u"default"_s);
    QCOMPARE(entry.value(u"provider"_s).toString(), u"ports_america"_s);
    QCOMPARE(entry.value(u"site"_s).toString(), u"WBCT_LA"_s);
    QCOMPARE(entry.value(u"reference"_s).toString(), u"PO-1"_s);
    QCOMPARE(entry.value(u"trace_state"_s).toString(), u"active"_s);
    QCOMPARE(entry.value(u"status"_s).toString(), u"unknown"_s);
    QCOMPARE(entry.value(u"provider_data"_s).toObject().value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
    QVERIFY(entry.value(u"added_at"_s).toString().endsWith(u'Z'));
    for (const QString &key : {u"last_traced_at"_s, u"lfd"_s, u"holds"_s, u"next_trace_at"_s, u"last_error"_s})
        QVERIFY2(entry.contains(key), qPrintable(key));
    for (const QString &key : entry.keys())
        QVERIFY2(key == key.toLower() && !key.contains(u'-'), qPrintable(key));
}

void TestCli::watchListTableAndCsv()
{
    const CliRun empty = run({u"watch"_s, u"list"_s});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(empty.out.contains(u"No containers"_s));
    QCOMPARE(run({u"watch"_s, u"add"_s, goodA, goodB, u"--provider"_s, u"ports_america"_s, u"--site"_s, u"WBCT_LA"_s})
                 .exitCode,
             0);
    const CliRun table = run({u"watch"_s, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(u"NUMBER"_s));
    QVERIFY(lines.at(0).contains(u"LFD"_s));
    QVERIFY(lines.at(1).startsWith(goodA));
    QVERIFY(lines.at(1).contains(u"ports_america/WBCT_LA"_s));
    // Aligned: the status column starts at the same place on every line.
    QCOMPARE(lines.at(1).indexOf(u"unknown"_s), lines.at(0).indexOf(u"STATUS"_s));

    const CliRun csv = run({u"watch"_s, u"list"_s, u"--csv"_s});
    QCOMPARE(csv.exitCode, 0);
    const QStringList rows = csv.out.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows.at(0).startsWith(u"container_number,"_s));
    QVERIFY(rows.at(1).startsWith(goodA + u','));
}

void TestCli::watchCancel()
{
    QCOMPARE(run({u"watch"_s, u"add"_s, goodA, goodB, u"--provider"_s, u"ports_america"_s}).exitCode, 0);
    const CliRun result = run({u"watch"_s, u"cancel"_s, u"csqu3054383"_s, remainderTen});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(remainderTen + u": not on the watchlist"_s), qPrintable(result.err));
    QVERIFY(result.out.contains(u"Cancelled 1 container"_s));
    for (const QJsonValue &value : listJson()) {
        const QJsonObject entry = value.toObject();
        const bool cancelled = entry.value(u"container_number"_s).toString() == goodA;
        QCOMPARE(entry.value(u"trace_state"_s).toString(), cancelled ? u"cancelled"_s : u"active"_s);
    }
    QCOMPARE(run({u"watch"_s, u"cancel"_s, goodB}).exitCode, 0);
    QCOMPARE(run({u"watch"_s, u"cancel"_s}).exitCode, 2);
}

void TestCli::watchImport()
{
    // Valid rows go in (one transaction), bad rows are reported on stderr by row number: exit 3.
    const QString path = m_folder.filePath(u"import-%1.csv"_s.arg(m_counter));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Container Number;Reference;truckingCompanyCode\r\nmsku 123456 5;PO 1;PFCH\nBADU0000000;x;\r\n"
               "TGHU0000008;;\nMSKU1234565;again;\n");
    file.close();
    const QStringList import{u"watch"_s,  u"import"_s,  path,        u"--provider"_s,     u"ports_america"_s,
                             u"--site"_s, u"WBCT_LA"_s, u"--data"_s, u"locationCode=LA"_s};
    const CliRun first = run(import);
    QCOMPARE(first.exitCode, 3);
    QVERIFY2(first.err.startsWith(u"row 3: BADU0000000: "_s), qPrintable(first.err));
    QCOMPARE(first.err.count(u'\n'), 1);
    QVERIFY2(first.out.contains(u"4 rows: 2 added, 1 repeated in the file, 1 rejected"_s), qPrintable(first.out));
    const QJsonArray listed = listJson();
    QCOMPARE(listed.size(), 2);
    const QJsonObject msku = listed.at(0).toObject();
    QCOMPARE(msku.value(u"container_number"_s).toString(), u"MSKU1234565"_s);
    QCOMPARE(msku.value(u"site"_s).toString(), u"WBCT_LA"_s);
    QCOMPARE(msku.value(u"reference"_s).toString(), u"PO 1"_s);
    QCOMPARE(msku.value(u"provider_data"_s).toObject(),
             QJsonObject({{u"locationCode"_s, u"LA"_s}, {u"truckingCompanyCode"_s, u"PFCH"_s}}));

    const CliRun second = run(import); // nothing imported twice
    QCOMPARE(second.exitCode, 3);
    QVERIFY2(second.out.contains(u"0 added, 2 already on the watchlist"_s), qPrintable(second.out));
    QCOMPARE(listJson().size(), 2);

    QCOMPARE(run({u"watch"_s, u"import"_s}).exitCode, 2);
    QCOMPARE(run({u"watch"_s, u"import"_s, path, u"--data"_s, u"novalue"_s}).exitCode, 2);
    // No provider anywhere: every row is rejected, nothing stored.
    const CliRun noProvider = run({u"watch"_s, u"import"_s, path}, m_folder.filePath(u"noprovider.sqlite"_s));
    QCOMPARE(noProvider.exitCode, 3);
    QVERIFY2(noProvider.err.contains(u"no provider"_s), qPrintable(noProvider.err));
}

void TestCli::watchImportBrokenFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("0 bytes") << u"empty.csv"_s << QByteArray() << u"0 bytes"_s;
    QTest::newRow("renamed text") << u"fake.xlsx"_s << QByteArray("hello") << u"not a ZIP archive"_s;
    QTest::newRow("unclosed quote") << u"broken.csv"_s << QByteArray("Container\n\"MSKU1234565\nTGHU0000008\n")
                                    << u"never closed"_s;
    QTest::newRow("missing") << u"missing.csv"_s << QByteArray() << u"does not exist"_s;
}

void TestCli::watchImportBrokenFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = m_folder.filePath(QString::number(m_counter) + name);
    if (name != "missing.csv"_L1) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const CliRun result = run({u"watch"_s, u"import"_s, path, u"--provider"_s, u"ports_america"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(listJson().size(), 0);
}

void TestCli::watchImportInbox()
{
    const QDir inbox(m_folder.filePath(u"inbox%1"_s.arg(m_counter)));
    QVERIFY(inbox.mkpath(u"."_s));
    const auto write = [&inbox](const QString &name, const QByteArray &bytes) {
        QFile file(inbox.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(u"daily.csv"_s, "Container\nMSKU1234565\nTGHU0000008\n"));
    QVERIFY(write(u"junk.xlsx"_s, "junk"));
    const QStringList command{u"watch"_s, u"import"_s, u"--inbox"_s, inbox.path(), u"--provider"_s, u"ports_america"_s};
    const CliRun first = run(command);
    QCOMPARE(first.exitCode, 3);
    QVERIFY2(first.out.contains(u"daily.csv: processed, 2 rows: 2 added"_s), qPrintable(first.out));
    QVERIFY2(first.err.contains(u"junk.xlsx: rejected: not an XLSX workbook"_s), qPrintable(first.err));
    QVERIFY(QFileInfo::exists(inbox.filePath(u"processed/daily.csv"_s)));
    QVERIFY(QFileInfo::exists(inbox.filePath(u"rejected/junk.xlsx"_s)));
    QVERIFY(QFileInfo::exists(inbox.filePath(u"rejected/junk.xlsx.errors.txt"_s)));
    QCOMPARE(listJson().size(), 2);

    const CliRun second = run(command); // each file once
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(u": 0 files"_s), qPrintable(second.out));
    QCOMPARE(run({u"watch"_s, u"import"_s, u"--inbox"_s, m_folder.filePath(u"nowhere"_s)}).exitCode, 1);
    QCOMPARE(run({u"watch"_s, u"import"_s, u"x.csv"_s, u"--inbox"_s, inbox.path()}).exitCode, 2);
}

// A layout the header guess cannot read (no column is named like a container number), mapped once
// in the console's import dialog: the CLI and the inbox read it the same way.
void TestCli::watchImportUsesRememberedMapping()
{
    const QByteArray csv = "Unit ID;Job\nMSKU1234565;J-1\nTGHU0000008;J-2\n";
    const QString path = m_folder.filePath(u"remembered.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size());
    file.close();
    const QStringList import{u"watch"_s, u"import"_s, path, u"--provider"_s, u"ports_america"_s};

    // Guessing: no header is recognised, so "Unit ID" is read as a bad number and Job is ignored.
    const QString guessedDatabase = m_folder.filePath(u"guessed.sqlite"_s);
    const CliRun guessed = run(import, guessedDatabase);
    QCOMPARE(guessed.exitCode, 3);
    QVERIFY2(guessed.err.contains(u"row 1: "_s), qPrintable(guessed.err));

    const Result<SpreadsheetTable> table = Importer::readFile(path);
    QVERIFY(table);
    ImportMapping mapping;
    mapping.headerIndex = 0;
    mapping.columns = {{ImportField::ContainerNumber, {}}, {ImportField::Reference, {}}};
    {
        QSettings settings(configHome() + u"/Quaywatch/quaywatch.conf"_s, QSettings::IniFormat);
        ImportMapping::remember(settings, ImportMapping::layoutKey(table.value(), 0), mapping);
    }
    const CliRun remembered = run(import);
    QCOMPARE(remembered.exitCode, 0);
    QVERIFY2(remembered.out.contains(u"2 rows: 2 added"_s), qPrintable(remembered.out));
    const QJsonArray rows = listJson();
    QCOMPARE(rows.size(), 2);
    QStringList references;
    for (const QJsonValue &row : rows)
        references.append(row.toObject().value(u"reference"_s).toString());
    references.sort();
    QCOMPARE(references, (QStringList{u"J-1"_s, u"J-2"_s}));
}

void TestCli::events()
{
    QCOMPARE(run({u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s}).exitCode, 0);
    const CliRun plain = run({u"events"_s, goodA});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.contains(u"No events"_s));
    const CliRun json = run({u"events"_s, u"csqu3054383"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
}

void TestCli::eventsForUnknownNumber()
{
    const CliRun result = run({u"events"_s, goodB});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(goodB + u" is not on the watchlist"_s), qPrintable(result.err));
}

void TestCli::exportToFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("bom");
    QTest::newRow("csv") << u"csv"_s << false;
    QTest::newRow("csv with BOM") << u"csv"_s << true;
    QTest::newRow("json") << u"json"_s << false;
}

void TestCli::exportToFile()
{
    QFETCH(QString, format);
    QFETCH(bool, bom);
    QCOMPARE(
        run({u"watch"_s, u"add"_s, goodA, goodB, u"--provider"_s, u"ports_america"_s, u"--reference"_s, u"=cmd()"_s})
            .exitCode,
        0);
    const QString output = m_folder.filePath(u"report-%1.%2"_s.arg(m_counter).arg(format));
    QStringList arguments{u"export"_s, u"watchlist"_s, u"--format"_s, format, u"--output"_s, output};
    if (bom)
        arguments.append(u"--bom"_s);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains(u"Exported 2 rows"_s));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
    if (bom)
        bytes = bytes.mid(3);
    if (format == "json"_L1) {
        const QJsonArray array = QJsonDocument::fromJson(bytes).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0).toObject().value(u"reference"_s).toString(), u"=cmd()"_s); // JSON is not a formula
    } else {
        const QList<QByteArray> rows = bytes.split('\n');
        QCOMPARE(rows.size(), 4); // header, two rows, empty after the last CRLF
        QVERIFY(rows.at(0).startsWith("container_number,"));
        QVERIFY(rows.at(1).contains(",'=cmd(),"));
    }

    // Every export is in the audit log, and the audit report exports it.
    const CliRun audit = run({u"export"_s, u"audit"_s});
    QCOMPARE(audit.exitCode, 0);
    QVERIFY2(audit.out.contains(u"export,ok,\"watchlist "_s + format), qPrintable(audit.out));
    const CliRun events = run({u"export"_s, u"events"_s, u"--format"_s, u"json"_s});
    QCOMPARE(events.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(events.out.toUtf8()).array().size(), 0);
}

void TestCli::exportHoldsLfdPortPro_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("header");
    QTest::newRow("holds") << u"holds"_s << u"container_number,provider,site,reference,type,source_code"_s;
    QTest::newRow("lfd") << u"lfd"_s << u"container_number,provider,site,reference,lfd,lfd_terminal"_s;
    QTest::newRow("portpro") << u"portpro"_s << u"Container Number,Vessel ETA,Last Free Day,Discharged Date"_s;
}

void TestCli::exportHoldsLfdPortPro()
{
    QFETCH(QString, kind);
    QFETCH(QString, header);
    QCOMPARE(run({u"watch"_s, u"add"_s, u"MSKU1234565"_s, u"--provider"_s, u"ports_america"_s}).exitCode, 0);
    const QString output = m_folder.filePath(u"report-%1.csv"_s.arg(kind));
    const CliRun csv = run({u"export"_s, kind, u"--output"_s, output});
    QCOMPARE(csv.exitCode, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.startsWith(header), qPrintable(text));
    // Only the PortPro layout has a row for a container with no holds and no LFD yet.
    QCOMPARE(text.count(u"\r\n"_s), kind == "portpro"_L1 ? 2 : 1);
    const CliRun json = run({u"export"_s, kind, u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, 0);
    QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
}

void TestCli::entitiesAreSeparate()
{
    QCOMPARE(run({u"--entity"_s, u"acme"_s, u"watch"_s, u"add"_s, goodA, u"--provider"_s, u"ports_america"_s}).exitCode,
             0);
    QCOMPARE(listJson().size(), 0);
    const CliRun acme = run({u"--entity=acme"_s, u"watch"_s, u"list"_s, u"--json"_s});
    QCOMPARE(acme.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(acme.out.toUtf8()).array().size(), 1);
}

void TestCli::postgresRoundTrip()
{
    if (!TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");
    TestDatabase database(Store::Backend::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    const CliRun added =
        run({u"watch"_s, u"add"_s, goodA, badCheckDigit, u"--provider"_s, u"ports_america"_s}, database.location());
    QCOMPARE(added.exitCode, 3);
    const QJsonArray listed = listJson(database.location());
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"container_number"_s).toString(), goodA);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
