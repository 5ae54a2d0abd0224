// The Audit log screen: read through the console backend on a worker thread (a loading line until
// then), model under QAbstractItemModelTester, filter, CSV export of what is shown.
#include "auditlogmodel.h"
#include "auditlogpage.h"
#include "clock.h"
#include "store.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestAuditLog final : public QObject
{
    Q_OBJECT

private slots:
    void modelAndFilter_data();
    void modelAndFilter();
    void exportCsv();
    void loadsOffTheGuiThread();

private:
    // The page once its first read arrived.
    static bool waitLoaded(AuditLogPage &page);
    ManualClock m_clock{QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<Store> openWithEntries(TestDatabase &database);
};

std::unique_ptr<Store> TestAuditLog::openWithEntries(TestDatabase &database)
{
    auto store = Store::open(database.location(), testClock());
    if (!store)
        return {};
    const QList<std::tuple<QString, QString, QString, QString>> rows{
        {u"psa_eportal"_s, u"connect"_s, u"ok"_s, u"fields: username; secrets saved: password"_s},
        {u"psa_eportal"_s, u"verify"_s, u"error"_s, u"=HYPERLINK(\"x\") refused"_s},
        {u"ect_myterminal"_s, u"connect"_s, u"ok"_s, u"fields: clientId"_s},
        {u"ect_myterminal"_s, u"disconnect"_s, u"ok"_s, u"disconnected; history kept"_s},
    };
    for (const auto &[provider, action, outcome, detail] : rows) {
        AuditEntry entry;
        entry.at = QDateTime::currentDateTimeUtc();
        entry.user = u"ops"_s;
        entry.entity = u"acme"_s;
        entry.provider = provider;
        entry.action = action;
        entry.outcome = outcome;
        entry.detail = detail;
        if (!store.value()->appendAudit(entry))
            return {};
    }
    return std::move(store).value();
}

bool TestAuditLog::waitLoaded(AuditLogPage &page)
{
    if (!page.isLoading())
        return true;
    QSignalSpy loaded(&page, &AuditLogPage::loaded);
    return loaded.wait(10000);
}

void TestAuditLog::modelAndFilter_data()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

void TestAuditLog::modelAndFilter()
{
    QFETCH(Store::Backend, backend);
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");
    TestDatabase database(backend);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto store = openWithEntries(database);
    QVERIFY(store);
    StoreConsoleBackend console(*store, u"acme"_s, m_clock);
    AuditLogPage page(console);
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitLoaded(page));
    QCOMPARE(page.model()->rowCount(), 4);
    QCOMPARE(page.model()->columnCount(), int(AuditLogModel::ColumnCount));
    QCOMPARE(page.model()->index(0, AuditLogModel::Action).data().toString(), u"disconnect"_s); // newest first
    QCOMPARE(page.model()->index(0, AuditLogModel::User).data().toString(), u"ops"_s);
    QTest::keyClicks(page.filterBox(), u"ect_my"_s);
    QCOMPARE(page.proxy()->rowCount(), 2);
    page.filterBox()->setText(u"error"_s);
    QCOMPARE(page.proxy()->rowCount(), 1);
    page.setEntity(u"nobody"_s);
    QVERIFY(waitLoaded(page));
    QCOMPARE(page.model()->rowCount(), 0);
}

void TestAuditLog::exportCsv()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = openWithEntries(database);
    QVERIFY(store);
    StoreConsoleBackend console(*store, u"acme"_s, m_clock);
    AuditLogPage page(console);
    QVERIFY(waitLoaded(page));
    page.filterBox()->setText(u"psa_eportal"_s);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.csv"_s);
    QCOMPARE(page.exportCsv(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // header, two rows, trailing empty
    QVERIFY(lines.at(0).startsWith("Time (UTC),OS user,Entity,Provider,Action,Outcome,Detail"));
    QVERIFY(lines.at(1).contains("'=HYPERLINK")); // formula neutralised
}

// A file database gets a worker connection: the page is up at once, says it is loading, and the
// entries arrive from the event loop, not from the constructor.
void TestAuditLog::loadsOffTheGuiThread()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = openWithEntries(database);
    QVERIFY(store);
    StoreConsoleBackend console(*store, u"acme"_s, m_clock);
    AuditLogPage page(console);
    page.show();
    QVERIFY(page.isLoading());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(page.statusLabel()->isVisible());
    QCOMPARE(page.statusLabel()->text(), u"Loading the audit log…"_s);
    QVERIFY(waitLoaded(page));
    QVERIFY(!page.statusLabel()->isVisible());
    QCOMPARE(page.model()->rowCount(), 4);
    QCOMPARE(page.model()->index(0, AuditLogModel::Action).data().toString(), u"disconnect"_s);
    // What the user reads: no cell but the last (Details, which stretches) is cut.
    auto *view = page.findChild<QTableView *>();
    QVERIFY(view);
    const int columns = page.model()->columnCount();
    for (int column = 0; column + 1 < columns; ++column) {
        const QString header = page.model()->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(view->columnWidth(column) > view->fontMetrics().horizontalAdvance(header), qPrintable(header));
        for (int row = 0; row < page.model()->rowCount(); ++row) {
            const QString text = page.model()->index(row, column).data().toString();
            QVERIFY2(view->columnWidth(column) > view->fontMetrics().horizontalAdvance(text), qPrintable(text));
        }
    }
}

QTEST_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
