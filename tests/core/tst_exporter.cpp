// The CSV writer (RFC 4180 and formula-injection neutralisation) and the report exporter against
// real databases. Every CSV produced here is parsed back, so quoting is checked by round trip.
#include "containernumber.h"
#include "csvreader.h"
#include "exporter.h"
#include "portpromapping.h" // the PortPro module's table, registered as the apps do
#include "store.h"
#include "testdatabases.h"

#include <QBuffer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// A strict RFC 4180 reader for checking what the writer produced.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

QByteArray csvField(const QString &cell)
{
    QByteArray out;
    Csv::appendField(out, cell);
    return out;
}

void addBackendRows()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

// Opens a store on a fresh database of the row's backend, or explains why not.
#define OPEN_STORE(database, store)                                                                                    \
    QFETCH(Store::Backend, backend);                                                                                   \
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())                                     \
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");                                                                     \
    TestDatabase database(backend);                                                                                    \
    QVERIFY2(database.isValid(), qPrintable(database.error()));                                                        \
    auto opened = Store::open(database.location(), testClock());                                                       \
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));                                                         \
    Store &store = *opened.value();

qint64 addEntry(Store &store, const QString &number, const QString &reference, const QString &entity = u"default"_s)
{
    WatchEntry entry;
    entry.containerNumber = number;
    entry.entity = entity;
    entry.provider = u"ports_america"_s;
    entry.site = u"WBCT_LA"_s;
    entry.reference = reference;
    entry.providerData = QJsonObject{{u"truckingCompanyCode"_s, u"PFCH"_s}};
    const Result<AddOutcome> added = store.addContainer(entry);
    return added ? added->id : 0;
}

// A held, available container with both LFDs and two events.
bool writeHistory(Store &store, qint64 containerId)
{
    ContainerSnapshot snapshot;
    snapshot.status = ContainerStatus::Available;
    snapshot.available = true;
    snapshot.holds = {Hold{HoldType::Customs, u"CUS"_s, {}}, Hold{HoldType::Line, u"LINE"_s, {}}};
    snapshot.lfdTerminal = QDate(2024, 5, 3);
    snapshot.lfdLine = QDate(2024, 5, 5);
    snapshot.vesselName = u"MAERSK, \"ESSEN\""_s;
    snapshot.demurrageAmount = 125.5;
    TraceWrite write;
    write.containerId = containerId;
    write.snapshot = snapshot;
    write.tracedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    for (int i = 0; i < 2; ++i) {
        Event event;
        event.containerId = containerId;
        event.code = i == 0 ? EventCode::Discharged : EventCode::HoldAdded;
        event.providerCode = i == 0 ? u"Grounded"_s : u"Hold"_s;
        event.occurredAt = QDateTime(QDate(2024, 5, 1), QTime(8 + i, 0), Qt::UTC);
        event.observedAt = write.tracedAt;
        event.location = EventLocation{u"WBCT_LA"_s, u"Terminal"_s, u"Yard"_s};
        event.data = QJsonObject{{u"hold"_s, u"CUS"_s}, {u"n"_s, i}};
        event.source = u"ports_america/WBCT_LA"_s;
        event.dedupeKey = u"test-%1-%2"_s.arg(containerId).arg(i);
        write.newEvents.append(event);
    }
    return store.writeTraceResults({write}).ok();
}

QByteArray exportBytes(Store &store, const ExportOptions &options, qint64 *rows = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Result<qint64> written = Exporter::write(store, options, buffer);
    if (!written)
        qWarning() << "export failed:" << written.error().message;
    if (rows)
        *rows = written ? written.value() : -1;
    return buffer.data();
}

QStringList rowFor(const QList<QStringList> &rows, const QString &number)
{
    for (const QStringList &row : rows) {
        if (!row.isEmpty() && row.constFirst() == number)
            return row;
    }
    return {};
}

} // namespace

class TestExporter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { FieldMappings::add(PortProMapping::mapping()); }
    void unknownLayoutIsAnError_data() { addBackendRows(); }
    void unknownLayoutIsAnError();
    void appendField_data();
    void appendField();
    void neutralizesTriggers_data();
    void neutralizesTriggers();
    void leavesOtherCellsUnchanged_data();
    void leavesOtherCellsUnchanged();
    void appendRowEndsWithCrLf();
    void reportKindNames();

    void watchlistCsv_data();
    void watchlistCsv();
    void watchlistJsonAndBom_data();
    void watchlistJsonAndBom();
    void eventsCsv_data();
    void eventsCsv();
    void holdsReport_data();
    void holdsReport();
    void lfdReport_data();
    void lfdReport();
    void portProReport_data();
    void portProReport();
    void portProMappingFollowsSeed();
    void reportRoundTrip_data();
    void reportRoundTrip();
};

void TestExporter::appendField_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"MSCU1234565"_s << QByteArray("MSCU1234565");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("comma") << u"a,b"_s << QByteArray("\"a,b\"");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("only quote") << u"\""_s << QByteArray("\"\"\"\"");
    QTest::newRow("LF") << u"line1\nline2"_s << QByteArray("\"line1\nline2\"");
    QTest::newRow("CRLF inside") << u"a\r\nb"_s << QByteArray("\"a\r\nb\"");
    QTest::newRow("space kept") << u" padded "_s << QByteArray(" padded ");
    QTest::newRow("semicolon") << u"a;b"_s << QByteArray("a;b");
    QTest::newRow("utf8") << u"Café — 東京"_s << QString(u"Café — 東京"_s).toUtf8();
    QTest::newRow("surrogate pair") << QString::fromUtf8("ship \xF0\x9F\x9A\xA2")
                                    << QByteArray("ship \xF0\x9F\x9A\xA2");
    QTest::newRow("formula") << u"=1+1"_s << QByteArray("'=1+1");
    QTest::newRow("formula with comma") << u"=SUM(A1,A2)"_s << QByteArray("\"'=SUM(A1,A2)\"");
    QTest::newRow("tab start") << u"\tx"_s << QByteArray("'\tx");
    QTest::newRow("CR start quoted") << u"\rx"_s << QByteArray("\"'\rx\"");
}

void TestExporter::appendField()
{
    QFETCH(QString, cell);
    QFETCH(QByteArray, expected);
    QCOMPARE(csvField(cell), expected);
}

void TestExporter::neutralizesTriggers_data()
{
    QTest::addColumn<QString>("cell");
    const QList<char16_t> triggers = {u'=', u'+', u'-', u'@', u'\t', u'\r', 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20};
    for (const char16_t trigger : triggers) {
        const QString cell = QString(QChar(trigger)) + u"cmd|' /C calc'!A0"_s;
        QTest::addRow("U+%04X", unsigned(trigger)) << cell;
        QTest::addRow("U+%04X alone", unsigned(trigger)) << QString(QChar(trigger));
    }
}

void TestExporter::neutralizesTriggers()
{
    QFETCH(QString, cell);
    QVERIFY(Csv::needsNeutralizing(cell));
    QCOMPARE(Csv::neutralize(cell), u'\'' + cell);
    QByteArray row;
    Csv::appendRow(row, {cell, u"next"_s});
    const QList<QStringList> parsed = parseCsv(row);
    QCOMPARE(parsed.size(), 1);
    QCOMPARE(parsed.constFirst(), QStringList({u'\'' + cell, u"next"_s}));
}

void TestExporter::leavesOtherCellsUnchanged_data()
{
    QTest::addColumn<QString>("cell");
    const QStringList cells = {u""_s,
                               u"MSCU1234565"_s,
                               u"2024-05-01T10:00:00.000Z"_s,
                               u"a=b"_s,
                               u"1+1"_s,
                               u"x-y"_s,
                               u"mail@example.com"_s,
                               u" =not first"_s,
                               u"'quoted"_s,
                               u"\"q\",c"_s,
                               u"multi\nline"_s,
                               u"Ωmega"_s,
                               u"12.5"_s,
                               u"[{\"type\":\"CUSTOMS\"}]"_s};
    for (const QString &cell : cells)
        QTest::newRow(qPrintable(cell.isEmpty() ? u"(empty)"_s : cell)) << cell;
}

void TestExporter::leavesOtherCellsUnchanged()
{
    QFETCH(QString, cell);
    QVERIFY(!Csv::needsNeutralizing(cell));
    QCOMPARE(Csv::neutralize(cell), cell);
    QByteArray row;
    Csv::appendRow(row, {u"first"_s, cell, u"last"_s});
    QVERIFY(row.endsWith("\r\n"));
    const QList<QStringList> parsed = parseCsv(row);
    QCOMPARE(parsed.size(), 1);
    QCOMPARE(parsed.constFirst(), QStringList({u"first"_s, cell, u"last"_s}));
}

void TestExporter::appendRowEndsWithCrLf()
{
    QByteArray out;
    Csv::appendRow(out, {u"a"_s, u"b"_s});
    Csv::appendRow(out, {u""_s, u"c"_s});
    QCOMPARE(out, QByteArray("a,b\r\n,c\r\n"));
}

void TestExporter::reportKindNames()
{
    QCOMPARE(Exporter::reportKindFromName(u"watchlist"_s), ReportKind::Watchlist);
    QCOMPARE(Exporter::reportKindFromName(u"holds"_s), ReportKind::Holds);
    QCOMPARE(Exporter::reportKindFromName(u"lfd"_s), ReportKind::Lfd);
    QCOMPARE(Exporter::reportKindFromName(u"events"_s), ReportKind::Events);
    QCOMPARE(Exporter::reportKindFromName(u"audit"_s), ReportKind::Audit);
    QCOMPARE(Exporter::reportKindFromName(u"portpro"_s), ReportKind::FieldMapping);
    QCOMPARE(Exporter::reportKindFromName(u"PortPro"_s), ReportKind::FieldMapping);
    QCOMPARE(Exporter::reportNames(),
             (QStringList{u"watchlist"_s, u"holds"_s, u"lfd"_s, u"events"_s, u"audit"_s, u"portpro"_s}));
    QVERIFY(!Exporter::reportKindFromName(u"nonsense"_s));
    QVERIFY(!Exporter::reportKindFromName(QString()));
}

void TestExporter::watchlistCsv_data()
{
    addBackendRows();
}

void TestExporter::watchlistCsv()
{
    OPEN_STORE(database, store)
    const qint64 held = addEntry(store, u"MSCU1234565"_s, u"=HYPERLINK(\"http://x\")"_s);
    QVERIFY(held > 0);
    QVERIFY(addEntry(store, u"CSQU3054383"_s, u"PO 7, \"rush\""_s) > 0);
    QVERIFY(addEntry(store, u"TGHU1234560"_s, u"other entity"_s, u"acme"_s) > 0);
    QVERIFY(writeHistory(store, held));

    qint64 rows = 0;
    const QList<QStringList> parsed = parseCsv(exportBytes(store, ExportOptions{}, &rows));
    QCOMPARE(rows, 2);
    QCOMPARE(parsed.size(), 3);
    const QStringList header = parsed.constFirst();
    QCOMPARE(header.constFirst(), u"container_number"_s);
    for (const QString &name : {u"status"_s, u"holds"_s, u"lfd"_s, u"reference"_s, u"last_traced_at"_s})
        QVERIFY2(header.contains(name), qPrintable(name));
    for (const QStringList &row : parsed)
        QCOMPARE(row.size(), header.size());

    const QStringList heldRow = rowFor(parsed, u"MSCU1234565"_s);
    const auto cell = [&](const QStringList &row, const QString &name) { return row.value(header.indexOf(name)); };
    QCOMPARE(cell(heldRow, u"reference"_s), u"'=HYPERLINK(\"http://x\")"_s);
    QCOMPARE(cell(heldRow, u"status"_s), u"available"_s);
    QCOMPARE(cell(heldRow, u"holds"_s), u"CUSTOMS;LINE"_s);
    QCOMPARE(cell(heldRow, u"lfd"_s), u"2024-05-03"_s);
    QCOMPARE(cell(heldRow, u"available"_s), u"true"_s);
    QCOMPARE(cell(heldRow, u"vessel_name"_s), u"MAERSK, \"ESSEN\""_s);
    QCOMPARE(cell(heldRow, u"demurrage_amount"_s).toDouble(), 125.5);
    QCOMPARE(cell(heldRow, u"last_traced_at"_s).left(19), u"2024-05-01T10:00:00"_s);
    QVERIFY(cell(heldRow, u"last_traced_at"_s).endsWith(u'Z'));
    QCOMPARE(cell(rowFor(parsed, u"CSQU3054383"_s), u"reference"_s), u"PO 7, \"rush\""_s);

    // Both paths (the SQLite fast path and the portable one on PostgreSQL) treat odd cells alike.
    const QString fullWidth = QString(QChar(0xFF1D)) + u"1+1 café"_s;
    const QString multiLine = u"Café, \"ünïcode\"\r\nline 2"_s;
    QVERIFY(addEntry(store, u"HLXU1000007"_s, fullWidth) > 0);
    QVERIFY(addEntry(store, u"ONEU0000016"_s, multiLine) > 0);
    const QList<QStringList> odd = parseCsv(exportBytes(store, ExportOptions{}, &rows));
    QCOMPARE(rows, 4);
    QCOMPARE(cell(rowFor(odd, u"HLXU1000007"_s), u"reference"_s), u'\'' + fullWidth);
    QCOMPARE(cell(rowFor(odd, u"ONEU0000016"_s), u"reference"_s), multiLine);

    ExportOptions selection;
    selection.numbers = {u"CSQU3054383"_s, u"NOTTHERE"_s};
    QCOMPARE(parseCsv(exportBytes(store, selection, &rows)).size(), 2);
    QCOMPARE(rows, 1);
}

void TestExporter::watchlistJsonAndBom_data()
{
    addBackendRows();
}

void TestExporter::watchlistJsonAndBom()
{
    OPEN_STORE(database, store)
    const qint64 held = addEntry(store, u"MSCU1234565"_s, u"ref"_s);
    QVERIFY(held > 0);
    QVERIFY(addEntry(store, u"CSQU3054383"_s, QString()) > 0);
    QVERIFY(writeHistory(store, held));

    ExportOptions options;
    options.format = ReportFormat::Json;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(exportBytes(store, options), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray array = document.array();
    QCOMPARE(array.size(), 2);
    const QJsonObject first = array.at(0).toObject(); // ordered by number: CSQU first
    QCOMPARE(first.value(u"container_number"_s).toString(), u"CSQU3054383"_s);
    QVERIFY(first.value(u"reference"_s).isNull());
    const QJsonObject second = array.at(1).toObject();
    QCOMPARE(second.value(u"available"_s), QJsonValue(true));
    QCOMPARE(second.value(u"holds"_s).toArray().size(), 2);
    QCOMPARE(second.value(u"provider_data"_s).toObject().value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
    QCOMPARE(second.value(u"demurrage_amount"_s).toDouble(), 125.5);

    options.format = ReportFormat::Csv;
    QVERIFY(!exportBytes(store, options).startsWith("\xEF\xBB\xBF"));
    options.excelBom = true;
    const QByteArray withBom = exportBytes(store, options);
    QVERIFY(withBom.startsWith("\xEF\xBB\xBF"
                               "container_number,"));
    options.format = ReportFormat::Json;
    QVERIFY(QJsonDocument::fromJson(exportBytes(store, options).mid(3)).isArray());
}

void TestExporter::eventsCsv_data()
{
    addBackendRows();
}

void TestExporter::eventsCsv()
{
    OPEN_STORE(database, store)
    const qint64 id = addEntry(store, u"MSCU1234565"_s, QString());
    QVERIFY(id > 0);
    QVERIFY(writeHistory(store, id));

    qint64 rows = 0;
    ExportOptions options;
    options.kind = ReportKind::Events;
    const QList<QStringList> parsed = parseCsv(exportBytes(store, options, &rows));
    QCOMPARE(rows, 2);
    QCOMPARE(parsed.size(), 3);
    const QStringList header = parsed.constFirst();
    QCOMPARE(header,
             QStringList({u"container_number"_s, u"code"_s, u"provider_code"_s, u"occurred_at"_s, u"observed_at"_s,
                          u"location_name"_s, u"location_type"_s, u"location_lot"_s, u"data"_s, u"source"_s}));
    QCOMPARE(parsed.at(1).value(0), u"MSCU1234565"_s);
    QCOMPARE(parsed.at(1).value(1), u"DISCHARGED"_s);
    QCOMPARE(parsed.at(2).value(2), u"Hold"_s);
    const QJsonObject data = QJsonDocument::fromJson(parsed.at(2).value(8).toUtf8()).object();
    QCOMPARE(data.value(u"hold"_s).toString(), u"CUS"_s);

    options.kind = ReportKind::Audit;
    AuditEntry audit;
    audit.at = QDateTime::currentDateTimeUtc();
    audit.user = u"tester"_s;
    audit.entity = u"default"_s;
    audit.action = u"export"_s;
    audit.outcome = u"ok"_s;
    audit.detail = u"-rf, with comma"_s;
    QVERIFY(store.appendAudit(audit).ok());
    const QList<QStringList> auditRows = parseCsv(exportBytes(store, options, &rows));
    QCOMPARE(rows, 1);
    QCOMPARE(auditRows.at(1).constLast(), u"'-rf, with comma"_s);
}

void TestExporter::holdsReport_data()
{
    addBackendRows();
}

void TestExporter::holdsReport()
{
    OPEN_STORE(database, store)
    const qint64 held = addEntry(store, u"MSCU1234565"_s, u"ref"_s);
    QVERIFY(held > 0);
    QVERIFY(addEntry(store, u"CSQU3054383"_s, QString()) > 0);
    QVERIFY(writeHistory(store, held));

    qint64 rows = 0;
    ExportOptions options;
    options.kind = ReportKind::Holds;
    const QList<QStringList> parsed = parseCsv(exportBytes(store, options, &rows));
    QCOMPARE(rows, 2); // one row per hold; the container without holds has none
    QCOMPARE(parsed.constFirst(), QStringList({u"container_number"_s, u"provider"_s, u"site"_s, u"reference"_s,
                                               u"type"_s, u"source_code"_s, u"since"_s, u"status"_s, u"lfd"_s}));
    QCOMPARE(parsed.at(1).mid(0, 6),
             QStringList({u"MSCU1234565"_s, u"ports_america"_s, u"WBCT_LA"_s, u"ref"_s, u"CUSTOMS"_s, u"CUS"_s}));
    QCOMPARE(parsed.at(2).value(4), u"LINE"_s);
    QCOMPARE(parsed.at(2).value(8), u"2024-05-03"_s);

    options.format = ReportFormat::Json;
    const QJsonArray array = QJsonDocument::fromJson(exportBytes(store, options)).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(0).toObject().value(u"type"_s).toString(), u"CUSTOMS"_s);
    QVERIFY(array.at(0).toObject().value(u"since"_s).isNull());

    options.numbers = {u"CSQU3054383"_s};
    QCOMPARE(QJsonDocument::fromJson(exportBytes(store, options, &rows)).array().size(), 0);
    QCOMPARE(rows, 0);
}

void TestExporter::lfdReport_data()
{
    addBackendRows();
}

void TestExporter::lfdReport()
{
    OPEN_STORE(database, store)
    const qint64 held = addEntry(store, u"MSCU1234565"_s, u"ref"_s);
    QVERIFY(held > 0);
    QVERIFY(addEntry(store, u"CSQU3054383"_s, QString()) > 0);
    QVERIFY(writeHistory(store, held));

    qint64 rows = 0;
    ExportOptions options;
    options.kind = ReportKind::Lfd;
    const QList<QStringList> parsed = parseCsv(exportBytes(store, options, &rows));
    QCOMPARE(rows, 1); // only containers with an LFD
    const QStringList header = parsed.constFirst();
    const QStringList row = parsed.at(1);
    QCOMPARE(row.value(header.indexOf(u"lfd"_s)), u"2024-05-03"_s); // earliest of terminal and line
    QCOMPARE(row.value(header.indexOf(u"lfd_line"_s)), u"2024-05-05"_s);
    QCOMPARE(row.value(header.indexOf(u"holds"_s)), u"CUSTOMS;LINE"_s);
    QCOMPARE(row.value(header.indexOf(u"demurrage_amount"_s)), u"125.5"_s);

    options.format = ReportFormat::Json;
    const QJsonObject object = QJsonDocument::fromJson(exportBytes(store, options)).array().at(0).toObject();
    QCOMPARE(object.value(u"available"_s), QJsonValue(true));
    QCOMPARE(object.value(u"holds"_s).toArray().size(), 2);
    QVERIFY(object.value(u"outgated_at"_s).isNull());
}

void TestExporter::portProReport_data()
{
    addBackendRows();
}

void TestExporter::portProReport()
{
    OPEN_STORE(database, store)
    const qint64 id = addEntry(store, u"MSCU1234565"_s, u"ref"_s);
    QVERIFY(id > 0);
    ContainerSnapshot snapshot;
    snapshot.status = ContainerStatus::Outgated;
    snapshot.vesselEta = QDateTime(QDate(2024, 4, 28), QTime(6, 0), Qt::UTC);
    snapshot.vesselAta = QDateTime(QDate(2024, 4, 29), QTime(7, 30), Qt::UTC);
    snapshot.dischargedAt = QDateTime(QDate(2024, 4, 30), QTime(1, 0), Qt::UTC);
    snapshot.lfdTerminal = QDate(2024, 5, 6);
    snapshot.lfdLine = QDate(2024, 5, 4);
    snapshot.outgatedAt = QDateTime(QDate(2024, 5, 2), QTime(9, 15), Qt::UTC);
    snapshot.emptyReturnedAt = QDateTime(QDate(2024, 5, 9), QTime(11, 0), Qt::UTC);
    snapshot.pickupAppointmentAt = QDateTime(QDate(2024, 5, 2), QTime(8, 0), Qt::UTC);
    snapshot.chassisNumber = u"TRAC123456"_s;
    snapshot.holds = {Hold{HoldType::Customs, u"Custom Hold"_s, {}}, Hold{HoldType::Line, u"Line Hold"_s, {}},
                      Hold{HoldType::Usda, u"USDA"_s, {}}};
    TraceWrite write;
    write.containerId = id;
    write.snapshot = snapshot;
    write.tracedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store.writeTraceResults({write}).ok());
    QVERIFY(addEntry(store, u"CSQU3054383"_s, QString()) > 0);

    qint64 rows = 0;
    ExportOptions options;
    options.kind = ReportKind::FieldMapping;
    options.fieldMapping = u"portpro"_s;
    const QList<QStringList> parsed = parseCsv(exportBytes(store, options, &rows));
    QCOMPARE(rows, 2);
    QCOMPARE(parsed.constFirst(),
             QStringList({u"Container Number"_s, u"Vessel ETA"_s, u"Last Free Day"_s, u"Discharged Date"_s,
                          u"Outgate Date"_s, u"Ingate Date"_s, u"Pick Up Location \u2192 From"_s, u"Chassis Number"_s,
                          u"Freight Hold"_s, u"Custom Hold"_s}));
    const QStringList row = rowFor(parsed, u"MSCU1234565"_s);
    QCOMPARE(row, QStringList({u"MSCU1234565"_s, u"2024-04-29T07:30:00Z"_s, u"2024-05-04"_s, u"2024-04-30T01:00:00Z"_s,
                               u"2024-05-02T09:15:00Z"_s, u"2024-05-09T11:00:00Z"_s, u"2024-05-02T08:00:00Z"_s,
                               u"TRAC123456"_s, u"Line Hold; USDA"_s, u"Custom Hold"_s}));
    const QStringList empty = rowFor(parsed, u"CSQU3054383"_s);
    QCOMPARE(empty.size(), 10);
    QVERIFY(empty.mid(1).join(QString()).isEmpty());

    options.format = ReportFormat::Json;
    options.numbers = {u"MSCU1234565"_s};
    const QJsonArray array = QJsonDocument::fromJson(exportBytes(store, options)).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject object = array.at(0).toObject();
    QCOMPARE(object.value(u"last_free_day"_s).toString(), u"2024-05-04"_s);
    QCOMPARE(object.value(u"ingate_date"_s).toString(), u"2024-05-09T11:00:00Z"_s);
    QCOMPARE(object.value(u"freight_hold"_s).toArray().size(), 2);
    QCOMPARE(object.value(u"pick_up_location_from"_s).toString(), u"2024-05-02T08:00:00Z"_s);
}

// A layout nobody registered (a module left out of the build) is a clear error, not an empty file.
void TestExporter::unknownLayoutIsAnError()
{
    QVERIFY(!Exporter::reportKindFromName(u"nosuchtms"_s));
    OPEN_STORE(database, store)
    ExportOptions options;
    options.kind = ReportKind::FieldMapping;
    options.fieldMapping = u"nosuchtms"_s;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const Result<qint64> written = Exporter::write(store, options, buffer);
    QVERIFY(!written);
    QCOMPARE(written.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(written.error().message.contains(u"nosuchtms"_s), qPrintable(written.error().message));
    QVERIFY(buffer.data().isEmpty());
}

void TestExporter::portProMappingFollowsSeed()
{
    // Seed 000's mapping key: ten rows, two of them feeding Vessel ETA.
    const QList<FieldMappingRow> &rows = PortProMapping::mapping().rows;
    QCOMPARE(rows.size(), 10);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).number, int(i + 1));
        QVERIFY(rows.at(i).value);
        QVERIFY(!rows.at(i).rule.isEmpty());
    }
    QCOMPARE(rows.at(0).field, rows.at(1).field);
    QCOMPARE(PortProMapping::mapping().fields().size(), 9);
    WatchEntry entry;
    entry.snapshot.vesselEta = QDateTime(QDate(2024, 1, 2), QTime(3, 0), Qt::UTC);
    QCOMPARE(PortProMapping::mapping().values(entry).at(0).toString(), u"2024-01-02T03:00:00Z"_s); // no ATA yet
}

void TestExporter::reportRoundTrip_data()
{
    addBackendRows();
}

// Every trigger character at the start of a cell comes back neutralised; every other value comes
// back exactly as stored, read by the import side's CSV reader.
void TestExporter::reportRoundTrip()
{
    OPEN_STORE(database, store)
    const QStringList triggers{u"="_s,  u"+"_s,      u"-"_s,      u"@"_s,      u"\t"_s,
                               u"\r"_s, u"\uFF1D"_s, u"\uFF0B"_s, u"\uFF0D"_s, u"\uFF20"_s};
    const QStringList plain{u"plain"_s, u"a,b"_s, u"say \"hi\""_s, u"two\nlines"_s, u"caf\u00e9 \u2192"_s,
                            u" lead"_s, u"1=1"_s, u"'quoted"_s,    u"x\r\ny"_s};
    QStringList numbers;
    QHash<QString, QString> references;
    const QStringList prefixes{u"MSCU"_s, u"CSQU"_s, u"TGHU"_s, u"HLXU"_s};
    int serial = 0;
    const auto addWith = [&](const QString &reference) {
        QString number;
        do {
            const QString first = prefixes.at(serial % prefixes.size()) + QString::number(100000 + serial);
            ++serial;
            const QString check = QString::number(ContainerNumber::checkDigit(first));
            number = first + check;
        } while (number.size() != 11);
        references.insert(number, reference);
        return addEntry(store, number, reference) > 0;
    };
    for (const QString &trigger : triggers)
        QVERIFY(addWith(trigger + u"SUM(A1)"_s));
    for (const QString &value : plain)
        QVERIFY(addWith(value));

    for (const ReportKind kind : {ReportKind::Watchlist, ReportKind::Lfd, ReportKind::Holds}) {
        ExportOptions options;
        options.kind = kind;
        const QByteArray bytes = exportBytes(store, options);
        const Result<SpreadsheetTable> table = CsvReader::parse(bytes);
        QVERIFY2(table.ok(), qPrintable(table.error().message));
        if (kind != ReportKind::Watchlist)
            continue; // header only: no LFDs or holds here
        const QStringList header = table->rows.constFirst().cells;
        const qsizetype referenceColumn = header.indexOf(u"reference"_s);
        QCOMPARE(table->rows.size(), references.size() + 1);
        for (qsizetype r = 1; r < table->rows.size(); ++r) {
            const QStringList &cells = table->rows.at(r).cells;
            const QString stored = references.value(cells.constFirst());
            const QString expected = Csv::needsNeutralizing(stored) ? QString(u'\'' + stored) : stored;
            QCOMPARE(cells.value(referenceColumn), expected);
        }
    }
}

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
