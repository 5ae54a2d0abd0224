// The XLSX reader on real workbooks: one built here with QuaZip, one shipped under tests/data shaped
// like LibreOffice Calc's export, and the hostile ones (not a ZIP, a ZIP that is not a workbook,
// truncated, 0 bytes, a ZIP bomb).
#include "xlsxreader.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray workbookXml =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="First" sheetId="1" r:id="rId1"/><sheet name="Second" sheetId="2" r:id="rId2"/></sheets></workbook>)";
const QByteArray relsXml =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/a.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/b.xml"/></Relationships>)";
const QByteArray stylesXml =
    R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
const QByteArray sharedXml =
    R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Container</t></si><si><t>MSKU1234565</t></si><si><r><t>Rich </t></r><r><t>text</t></r></si></sst>)";
const QByteArray sheetA =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c><c r="C1" t="inlineStr"><is><t>Count</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>45292</v></c><c r="C2"><v>42</v></c><c r="E2" t="b"><v>1</v></c></row><row r="4"><c r="A4" t="s"><v>2</v></c><c r="C4"><v>1.5</v></c><c r="D4" t="str"><v>formula result</v></c></row></sheetData></worksheet>)";
const QByteArray sheetB =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>second</t></is></c><c t="inlineStr"><is><t>sheet</t></is></c></row></sheetData></worksheet>)";

// Writes a real ZIP archive with QuaZip, entry by entry, as any spreadsheet program would.
QByteArray zipOf(const QList<std::pair<QString, QByteArray>> &entries)
{
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    QuaZip zip(&buffer);
    if (!zip.open(QuaZip::mdCreate))
        return {};
    for (const auto &[name, bytes] : entries) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return {};
        file.write(bytes);
        file.close();
    }
    zip.close();
    return buffer.data();
}

QByteArray builtWorkbook()
{
    return zipOf({{u"xl/workbook.xml"_s, workbookXml},
                  {u"xl/_rels/workbook.xml.rels"_s, relsXml},
                  {u"xl/styles.xml"_s, stylesXml},
                  {u"xl/sharedStrings.xml"_s, sharedXml},
                  {u"xl/worksheets/a.xml"_s, sheetA},
                  {u"xl/worksheets/b.xml"_s, sheetB}});
}

} // namespace

class TestXlsxReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsWorkbookBuiltWithQuaZip();
    void readsChosenSheet();
    void readsLibreOfficeFile();
    void readsRealLibreOfficeExport();
    void columnIndex_data();
    void columnIndex();
    void serialDates_data();
    void serialDates();
    void refusesHostileFiles_data();
    void refusesHostileFiles();
    void refusesZipBomb();
};

void TestXlsxReader::readsWorkbookBuiltWithQuaZip()
{
    const Result<SpreadsheetTable> table = XlsxReader::readBytes(builtWorkbook());
    QVERIFY2(table.ok(), qPrintable(table.error().message));
    QCOMPARE(table->sheetName, u"First"_s);
    QCOMPARE(table->rows.size(), 3);
    QCOMPARE(table->rows.at(0).cells, QStringList({u"Container"_s, u"Date"_s, u"Count"_s}));
    QCOMPARE(table->rows.at(1).cells, QStringList({u"MSKU1234565"_s, u"2024-01-01"_s, u"42"_s, QString(), u"TRUE"_s}));
    QCOMPARE(table->rows.at(2).number, 4);
    QCOMPARE(table->rows.at(2).cells, QStringList({u"Rich text"_s, QString(), u"1.5"_s, u"formula result"_s}));
}

void TestXlsxReader::readsChosenSheet()
{
    XlsxReader::Options options;
    options.sheet = u"second"_s; // case does not matter
    const Result<SpreadsheetTable> table = XlsxReader::readBytes(builtWorkbook(), options);
    QVERIFY2(table.ok(), qPrintable(table.error().message));
    QCOMPARE(table->sheetName, u"Second"_s);
    QCOMPARE(table->rows.constFirst().cells, QStringList({u"second"_s, u"sheet"_s}));

    options.sheet = u"Third"_s;
    const Result<SpreadsheetTable> missing = XlsxReader::readBytes(builtWorkbook(), options);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(u"First, Second"_s), qPrintable(missing.error().message));

    QByteArray bytes = builtWorkbook();
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const Result<QStringList> names = XlsxReader::sheetNames(buffer);
    QVERIFY(names.ok());
    QCOMPARE(names.value(), QStringList({u"First"_s, u"Second"_s}));
}

void TestXlsxReader::readsLibreOfficeFile()
{
    const QString path = QFINDTESTDATA("../data/intake-libreoffice.xlsx");
    QVERIFY(!path.isEmpty());
    const Result<SpreadsheetTable> table = XlsxReader::readFile(path);
    QVERIFY2(table.ok(), qPrintable(table.error().message));
    QCOMPARE(table->sheetName, u"Containers"_s);
    QCOMPARE(table->rows.size(), 6); // the empty row 7 is skipped
    QCOMPARE(table->rows.at(1).number, 3);
    QCOMPARE(table->rows.at(1).cells.constFirst(), u"Container Number"_s); // rich runs, phonetic guide dropped
    QCOMPARE(table->rows.at(2).cells,
             QStringList({u"MSKU1234565"_s, u"WBCT_LA"_s, u"PO 1 & 2"_s, u"12345678"_s, u"2024-03-05"_s, u"PFCH"_s}));
    QCOMPARE(table->rows.at(3).cells.value(4), u"2024-03-06T12:00:00"_s);
    QCOMPARE(table->rows.at(5).cells, QStringList({u"CSQU3054383"_s, QString(), QString(), u"BK-9"_s}));
}

// tests/data/intake-from-libreoffice.xlsx is a real LibreOffice Calc 7.4 export of the CSV beside
// it (`soffice --headless --convert-to xlsx intake-from-libreoffice.csv`): shared strings, numbers
// and the dates Calc recognised, stored as serial numbers.
void TestXlsxReader::readsRealLibreOfficeExport()
{
    const QString path = QFINDTESTDATA("../data/intake-from-libreoffice.xlsx");
    QVERIFY(!path.isEmpty());
    const Result<SpreadsheetTable> table = XlsxReader::readFile(path);
    QVERIFY2(table.ok(), qPrintable(table.error().message));
    QCOMPARE(table->rows.size(), 4);
    QCOMPARE(table->rows.at(0).cells, QStringList({u"Container Number"_s, u"Terminal"_s, u"Reference"_s, u"Booking"_s,
                                                   u"Discharged"_s, u"truckingCompanyCode"_s}));
    // 45356 with a date style is 2024-03-05; 12345678 stays a number.
    QCOMPARE(table->rows.at(1).cells,
             QStringList({u"MSKU1234565"_s, u"WBCT_LA"_s, u"PO 1 & 2"_s, u"12345678"_s, u"2024-03-05"_s, u"PFCH"_s}));
    // Calc made a formula of "=not a formula"; the reader keeps its cached value, never the formula.
    QCOMPARE(table->rows.at(2).cells.value(0), u"tghu 000000 0"_s);
    QCOMPARE(table->rows.at(2).cells.value(2), u"#VALUE!"_s);
    QCOMPARE(table->rows.at(3).cells, QStringList({u"CSQU3054383"_s, QString(), QString(), u"BK-9"_s}));
}

void TestXlsxReader::columnIndex_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<int>("index");
    QTest::newRow("A1") << u"A1"_s << 0;
    QTest::newRow("Z9") << u"Z9"_s << 25;
    QTest::newRow("AA1") << u"AA1"_s << 26;
    QTest::newRow("XFD1") << u"XFD1"_s << 16383;
    QTest::newRow("XFE1 beyond") << u"XFE1"_s << -1;
    QTest::newRow("ZZZZZZZZ1 overflow") << u"ZZZZZZZZZZZZ1"_s << -1;
    QTest::newRow("digits only") << u"12"_s << -1;
}

void TestXlsxReader::columnIndex()
{
    QFETCH(QString, reference);
    QFETCH(int, index);
    QCOMPARE(XlsxReader::columnIndex(reference), index);
}

void TestXlsxReader::serialDates_data()
{
    QTest::addColumn<double>("serial");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<QString>("iso");
    QTest::newRow("2024-01-01") << 45292.0 << false << u"2024-01-01"_s;
    QTest::newRow("1900-03-01") << 61.0 << false << u"1900-03-01"_s;
    QTest::newRow("noon") << 45292.5 << false << u"2024-01-01T12:00:00"_s;
    QTest::newRow("1904 system") << 0.0 << true << u"1904-01-01"_s;
    QTest::newRow("rounding to next day") << 45292.9999999999 << false << u"2024-01-02"_s;
}

void TestXlsxReader::serialDates()
{
    QFETCH(double, serial);
    QFETCH(bool, date1904);
    QFETCH(QString, iso);
    QCOMPARE(XlsxReader::serialToIso(serial, date1904), iso);
}

void TestXlsxReader::refusesHostileFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("0 bytes") << QByteArray() << u"not a ZIP archive"_s;
    QTest::newRow("text renamed to xlsx") << QByteArray("Container\nMSKU1234565\n") << u"not a ZIP archive"_s;
    QTest::newRow("zip without workbook") << zipOf({{u"readme.txt"_s, "hello"}}) << u"no xl/workbook.xml"_s;
    QTest::newRow("truncated") << builtWorkbook().left(300) << u"not a ZIP archive"_s;
    QTest::newRow("broken sheet xml") << zipOf({{u"xl/workbook.xml"_s, workbookXml},
                                                {u"xl/_rels/workbook.xml.rels"_s, relsXml},
                                                {u"xl/worksheets/a.xml"_s,
                                                 "<worksheet><sheetData><row><c><v>1</v></row>"}})
                                      << u"not valid XML"_s;
    QTest::newRow("sheet missing") << zipOf({{u"xl/workbook.xml"_s, workbookXml}}) << u"has no xl/worksheets"_s;
    QTest::newRow("no sheets") << zipOf({{u"xl/workbook.xml"_s, "<workbook/>"}}) << u"no sheets"_s;
}

void TestXlsxReader::refusesHostileFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const Result<SpreadsheetTable> table = XlsxReader::readBytes(bytes);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(table.error().message.contains(message), qPrintable(table.error().message));
}

void TestXlsxReader::refusesZipBomb()
{
    // 1 MB on disk, 1 GiB inflated: refused at the cap, long before memory fills.
    const QString path = QFINDTESTDATA("../data/zip-bomb.xlsx");
    QVERIFY(!path.isEmpty());
    XlsxReader::Options options;
    options.maxInflatedBytes = 16 * 1024 * 1024;
    Result<SpreadsheetTable> table = XlsxReader::readFile(path, options);
    QVERIFY(!table.ok());
    QVERIFY2(table.error().message.contains(u"ZIP bomb"_s), qPrintable(table.error().message));
    table = XlsxReader::readFile(path); // the default cap too
    QVERIFY(!table.ok());
    QVERIFY2(table.error().message.contains(u"ZIP bomb"_s), qPrintable(table.error().message));
}

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
