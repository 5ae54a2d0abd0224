// The CSV reader on the files people really send: every encoding, separator and line ending the
// TMS reports and spreadsheets produce, and broken input that must fail clearly without a crash.
#include "csvreader.h"

#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<QStringList> cellsOf(const SpreadsheetTable &table)
{
    QList<QStringList> rows;
    for (const SpreadsheetRow &row : table.rows)
        rows.append(row.cells);
    return rows;
}

QList<int> numbersOf(const SpreadsheetTable &table)
{
    QList<int> numbers;
    for (const SpreadsheetRow &row : table.rows)
        numbers.append(row.number);
    return numbers;
}

} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void streamsTheSameRows_data();
    void streamsTheSameRows();
    void encodings_data();
    void encodings();
    void unclosedQuoteIsAnError();
    void emptyAndMissingFiles();
    void windows1252HighBytes();
};

void TestCsvReader::parses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QList<int>>("numbers");
    using L = QList<QStringList>;
    QTest::newRow("plain crlf") << QByteArray("a,b\r\nc,d\r\n") << L{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}}
                                << QList<int>{1, 2};
    QTest::newRow("mixed line endings") << QByteArray("a,b\nc,d\re,f\r\ng,h")
                                        << L{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}, {u"e"_s, u"f"_s}, {u"g"_s, u"h"_s}}
                                        << QList<int>{1, 2, 3, 4};
    QTest::newRow("quoted separator, quote, newline")
        << QByteArray("\"a,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nx,y,z\n")
        << L{{u"a,1"_s, u"say \"hi\""_s, u"two\r\nlines"_s}, {u"x"_s, u"y"_s, u"z"_s}} << QList<int>{1, 3};
    QTest::newRow("blank rows skipped, numbers kept")
        << QByteArray("h1,h2\n\n , \nv1,v2\n\n") << L{{u"h1"_s, u"h2"_s}, {u"v1"_s, u"v2"_s}} << QList<int>{1, 4};
    QTest::newRow("semicolon") << QByteArray("a;b,c;d\n1;2,5;3\n")
                               << L{{u"a"_s, u"b,c"_s, u"d"_s}, {u"1"_s, u"2,5"_s, u"3"_s}} << QList<int>{1, 2};
    QTest::newRow("tab") << QByteArray("a\tb\n1\t2\n") << L{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << QList<int>{1, 2};
    QTest::newRow("title line before semicolon table")
        << QByteArray("Report, daily\nA;B\n1;2\n3;4\n")
        << L{{u"Report, daily"_s}, {u"A"_s, u"B"_s}, {u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}} << QList<int>{1, 2, 3, 4};
    QTest::newRow("stray quote inside a field is literal")
        << QByteArray("ab\"c,d\n") << L{{u"ab\"c"_s, u"d"_s}} << QList<int>{1};
    QTest::newRow("text after closing quote is kept")
        << QByteArray("\"ab\"c,d\n") << L{{u"abc"_s, u"d"_s}} << QList<int>{1};
    QTest::newRow("empty fields") << QByteArray(",a,,\n") << L{{QString(), u"a"_s, QString(), QString()}}
                                  << QList<int>{1};
    QTest::newRow("no final newline") << QByteArray("x,y") << L{{u"x"_s, u"y"_s}} << QList<int>{1};
}

void TestCsvReader::parses()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QList<int>, numbers);
    const Result<SpreadsheetTable> table = CsvReader::parse(input);
    QVERIFY2(table.ok(), qPrintable(table.error().message));
    QCOMPARE(cellsOf(table.value()), rows);
    QCOMPARE(numbersOf(table.value()), numbers);
}

// The import reads a file as a stream of rows: the same rows and row numbers as parse().
void TestCsvReader::streamsTheSameRows_data()
{
    parses_data();
}

void TestCsvReader::streamsTheSameRows()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QList<int>, numbers);
    Result<CsvReader::RowStream> stream = CsvReader::RowStream::fromBytes(input);
    QVERIFY2(stream.ok(), qPrintable(stream.error().message));
    SpreadsheetTable table;
    SpreadsheetRow row;
    while (true) {
        const Result<bool> read = stream->next(row);
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        if (!read.value())
            break;
        table.rows.append(row);
    }
    QCOMPARE(cellsOf(table), rows);
    QCOMPARE(numbersOf(table), numbers);
    const Result<bool> atEnd = stream->next(row);
    QVERIFY(atEnd.ok() && !atEnd.value()); // and stays at the end
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    const QString text = u"Container;Référence\nMSKU1234565;Café ü €\n"_s;
    const auto encode = [&text](QStringConverter::Encoding encoding, bool bom) {
        QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
        return QByteArray(encoder.encode(text));
    };
    QTest::newRow("utf-8") << encode(QStringConverter::Utf8, false) << u"UTF-8"_s;
    QTest::newRow("utf-8 bom") << encode(QStringConverter::Utf8, true) << u"UTF-8 with BOM"_s;
    QTest::newRow("utf-16le bom") << encode(QStringConverter::Utf16LE, true) << u"UTF-16LE"_s;
    QTest::newRow("utf-16be bom") << encode(QStringConverter::Utf16BE, true) << u"UTF-16BE"_s;
    QTest::newRow("utf-16le no bom") << encode(QStringConverter::Utf16LE, false) << u"UTF-16LE"_s;
    QByteArray cp1252 = encode(QStringConverter::Latin1, false);
    cp1252.replace(QByteArray("?"), QByteArray("\x80")); // the euro sign is 0x80 in Windows-1252
    QTest::newRow("windows-1252") << cp1252 << u"Windows-1252"_s;
}

void TestCsvReader::encodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    const Result<SpreadsheetTable> table = CsvReader::parse(bytes);
    QVERIFY2(table.ok(), qPrintable(table.error().message));
    QCOMPARE(table->encoding, encoding);
    QCOMPARE(table->separator, QChar(u';'));
    QCOMPARE(cellsOf(table.value()),
             QList<QStringList>({{u"Container"_s, u"Référence"_s}, {u"MSKU1234565"_s, u"Café ü €"_s}}));
}

void TestCsvReader::unclosedQuoteIsAnError()
{
    const Result<SpreadsheetTable> table = CsvReader::parse("a,b\nc,\"never closed\nd,e\nf,g\n");
    QVERIFY(!table.ok());
    QCOMPARE(table.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(table.error().message.contains(u"row 2"_s), qPrintable(table.error().message));
    QVERIFY(table.error().message.contains(u"never closed"_s));

    // Streamed, the rows before it arrive first and the error comes where the quote opened.
    Result<CsvReader::RowStream> stream = CsvReader::RowStream::fromBytes("a,b\nc,\"never closed\nd,e\nf,g\n");
    QVERIFY(stream.ok());
    SpreadsheetRow row;
    const Result<bool> first = stream->next(row);
    QVERIFY(first.ok() && first.value());
    QCOMPARE(row.cells, QStringList({u"a"_s, u"b"_s}));
    const Result<bool> second = stream->next(row);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().message, table.error().message);
}

void TestCsvReader::emptyAndMissingFiles()
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(u"empty.csv"_s);
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    Result<SpreadsheetTable> table = CsvReader::readFile(empty);
    QVERIFY(!table.ok());
    QVERIFY(table.error().message.contains(u"0 bytes"_s));
    table = CsvReader::readFile(dir.filePath(u"missing.csv"_s));
    QVERIFY(!table.ok());
    QVERIFY(table.error().message.contains(u"cannot open"_s));
    CsvReader::Options small;
    small.maxBytes = 4;
    table = CsvReader::parse("abcdefgh", small);
    QVERIFY(!table.ok());
    QVERIFY(table.error().message.contains(u"at most 4"_s));
}

void TestCsvReader::windows1252HighBytes()
{
    // Every byte decodes to something: nothing is dropped or replaced.
    QByteArray all;
    for (int b = 0x20; b < 0x100; ++b)
        all.append(char(b == ',' || b == '"' || b == ';' ? 'x' : b));
    all.prepend("\xFF\xFF"); // invalid UTF-8 from the start
    const QString decoded = CsvReader::decode(all);
    QCOMPARE(decoded.size(), all.size());
    QVERIFY(!decoded.contains(QChar::ReplacementCharacter));
    QCOMPARE(CsvReader::decode("\x93quoted\x94 \x80"), u"\u201Cquoted\u201D \u20AC"_s);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
