// The Mapping screen against a real store: it shows the very mapping rows the Ports America mapper
// runs and the PortPro rows the report uses, and for a container the value at each step from the
// stored raw payload to the PortPro column.
#include "consolefixture.h"
#include "mappingpage.h"
#include "portpromapping.h"
#include "portsamericamapper.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"

#include <QComboBox>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QString cellText(QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

int rowOf(QTableWidget *table, int column, const QString &text)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (cellText(table, row, column).endsWith(text))
            return row;
    }
    return -1;
}

// A container with one stored ContainerAvailability element and one GateTransaction move, as the
// sync engine stores them (the payload element is the event's raw JSON).
bool seedPayloads(Store &store, const QString &number)
{
    WatchEntry entry;
    entry.containerNumber = number;
    entry.provider = u"ports_america"_s;
    entry.site = u"WBCT_LA"_s;
    const Result<AddOutcome> added = store.addContainer(entry);
    if (!added)
        return false;
    const QJsonObject availability{{u"container_number"_s, number},
                                   {u"availability"_s, u"No"_s},
                                   {u"last_free_day"_s, u"20240503"_s},
                                   {u"hold_information"_s, QJsonArray{QJsonObject{{u"hold_id"_s, u"Custom Hold"_s}},
                                                                      QJsonObject{{u"hold_id"_s, u"Line Hold"_s}}}},
                                   {u"deumrrage_amount"_s, 125.5},
                                   {u"vessel_name"_s, u"MAERSK ESSEN"_s}};
    const QJsonObject gate{{u"container_number"_s, number},
                           {u"move_type"_s, u"Full Out"_s},
                           {u"out_gate_time"_s, u"2024-05-02T09:15:00"_s},
                           {u"chassis_number"_s, u"TRAC123456"_s}};
    TraceWrite write;
    write.containerId = added->id;
    write.tracedAt = QDateTime::currentDateTimeUtc();
    int n = 0;
    for (const QJsonObject &raw : {availability, gate}) {
        Event event;
        event.containerId = added->id;
        event.code = n == 0 ? EventCode::HoldAdded : EventCode::Outgated;
        event.observedAt = write.tracedAt.addSecs(n);
        event.source = u"ports_america/WBCT_LA"_s;
        event.dedupeKey = u"mapping-test-%1"_s.arg(n++);
        event.raw = raw;
        write.newEvents.append(event);
    }
    return store.writeTraceResults({write}).ok();
}

} // namespace

class TestMappingPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheMapperRowObjects();
    void showsThePortProRows();
    void liveValuesFromPayloadToPortPro();
};

void TestMappingPage::showsTheMapperRowObjects()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store.ok());
    SystemClock clock;
    StoreConsoleBackend backend(*store.value(), u"default"_s, clock);
    MappingPage page(backend);

    const QList<MappingRow> &availability = PortsAmericaMapper::availabilityRows();
    const QList<MappingRow> &gate = PortsAmericaMapper::gateRows();
    QCOMPARE(page.mapperRows().size(), availability.size() + gate.size());
    for (qsizetype i = 0; i < page.mapperRows().size(); ++i) {
        const MappingRow *expected = i < availability.size() ? &availability.at(i) : &gate.at(i - availability.size());
        QCOMPARE(page.mapperRows().at(i), expected); // the same object, not a copy
        QVERIFY(cellText(page.providerTable(), int(i), 0).endsWith(expected->sourceProperty));
        QCOMPARE(cellText(page.providerTable(), int(i), 1), expected->normalizedProperty);
        QCOMPARE(cellText(page.providerTable(), int(i), 2), expected->rule);
    }
    QVERIFY(rowOf(page.providerTable(), 0, u"deumrrage_amount"_s) >= 0); // the provider's own spelling
}

void TestMappingPage::showsThePortProRows()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store.ok());
    SystemClock clock;
    StoreConsoleBackend backend(*store.value(), u"default"_s, clock);
    MappingPage page(backend);
    const QList<FieldMappingRow> &rows = PortProMapping::mapping().rows;
    QCOMPARE(page.fieldTables().size(), 1);
    QTableWidget *portPro = page.fieldTables().constFirst();
    QCOMPARE(portPro->objectName(), u"portproMappingTable"_s);
    QCOMPARE(portPro->horizontalHeaderItem(3)->text(), u"PortPro field"_s);
    QCOMPARE(portPro->rowCount(), rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(cellText(portPro, i, 1), rows.at(i).trackingProperty);
        QCOMPARE(cellText(portPro, i, 3), rows.at(i).field);
    }
}

void TestMappingPage::liveValuesFromPayloadToPortPro()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store.ok());
    const QString number = ConsoleFixture::number(u"MSCU100001"_s);
    QVERIFY(seedPayloads(*store.value(), number));
    SystemClock clock;
    StoreConsoleBackend backend(*store.value(), u"default"_s, clock);
    MappingPage page(backend);
    page.show(); // the container list is read when the page is shown
    page.showProvider(u"ports_america"_s);
    QCOMPARE(page.containerBox()->currentText(), number);

    QTableWidget *provider = page.providerTable();
    const int lfd = rowOf(provider, 0, u"last_free_day"_s);
    QVERIFY(lfd >= 0);
    QCOMPARE(cellText(provider, lfd, MappingPage::providerRawColumn), u"20240503"_s);
    QCOMPARE(cellText(provider, lfd, MappingPage::providerMappedColumn), u"2024-05-03"_s);
    const int holds = rowOf(provider, 0, u"hold_information[].hold_id"_s);
    QVERIFY(cellText(provider, holds, MappingPage::providerRawColumn).contains(u"Custom Hold, Line Hold"_s));
    QVERIFY(cellText(provider, holds, MappingPage::providerMappedColumn).contains(u"CUSTOMS"_s));
    const int chassis = rowOf(provider, 0, u"GateTransaction: chassis_number"_s);
    QCOMPARE(cellText(provider, chassis, MappingPage::providerMappedColumn), u"TRAC123456"_s);

    QTableWidget *portPro = page.fieldTables().constFirst();
    QCOMPARE(cellText(portPro, 2, MappingPage::fieldValueColumn), u"2024-05-03"_s);            // Last Free Day
    QCOMPARE(cellText(portPro, 7, MappingPage::fieldValueColumn), u"TRAC123456"_s);            // Chassis Number
    QCOMPARE(cellText(portPro, 8, MappingPage::fieldValueColumn), u"Line Hold"_s);             // Freight Hold
    QCOMPARE(cellText(portPro, 9, MappingPage::fieldValueColumn), u"Custom Hold"_s);           // Custom Hold
    QVERIFY(cellText(portPro, 4, MappingPage::fieldValueColumn).startsWith(u"2024-05-02T"_s)); // Outgate

    page.showContainer(u"NOTU0000000"_s);
    QCOMPARE(cellText(portPro, 2, MappingPage::fieldValueColumn), QString());
}

QTEST_MAIN(TestMappingPage)
#include "tst_mappingpage.moc"
