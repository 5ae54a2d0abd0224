// Live updates between consoles: a change made by another process (quaywatch-cli on the same
// PostgreSQL database) reaches this console's backend through NOTIFY within 2 s as the changed
// rows only, with no full reload and no timer; the watchlist model updates them in place.
#include "clirunner.h"
#include "clock.h"
#include "store.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "watchlistmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

std::vector<WatchlistRow> rowsOf(const QSignalSpy &spy)
{
    std::vector<WatchlistRow> all;
    for (const QVariantList &arguments : spy) {
        const auto rows = arguments.constFirst().value<std::vector<WatchlistRow>>();
        all.insert(all.end(), rows.begin(), rows.end());
    }
    return all;
}

const WatchlistRow *findNumber(const std::vector<WatchlistRow> &rows, const QString &number)
{
    for (const WatchlistRow &row : rows) {
        if (row.number == number)
            return &row;
    }
    return nullptr;
}

} // namespace

class TestLiveChanges final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anotherProcessChangeArrivesWithoutReload();
    void modelUpdatesInPlace();

private:
    const ManualClock m_clock{QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC)};
};

void TestLiveChanges::anotherProcessChangeArrivesWithoutReload()
{
    if (!TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set: run through scripts/with-test-services.sh");
    qRegisterMetaType<std::vector<WatchlistRow>>();
    TestDatabase database(Store::Backend::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), m_clock);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    StoreConsoleBackend backend(*opened.value(), u"default"_s, m_clock);
    QTRY_VERIFY_WITH_TIMEOUT(backend.listeningForChanges(), 5000);
    QSignalSpy rows(&backend, &ConsoleBackend::watchlistRowsChanged);
    QSignalSpy reloads(&backend, &ConsoleBackend::watchlistChanged);
    QSignalSpy connections(&backend, &ConsoleBackend::connectionsChanged);

    QTemporaryDir home;
    CliRunner cli(home.path());
    const QStringList global{u"--db"_s, database.location(), u"--entity"_s, u"default"_s};
    CliRun run =
        cli.run(global + QStringList{u"watch"_s, u"add"_s, u"MSCU1234566"_s, u"--provider"_s, u"ports_america"_s,
                                     u"--site"_s, u"PNCT_NJ"_s, u"--data"_s, u"truckingCompanyCode=PFCH"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QElapsedTimer since;
    since.start();
    QTRY_VERIFY_WITH_TIMEOUT(findNumber(rowsOf(rows), u"MSCU1234566"_s) != nullptr, 2000);
    qInfo() << "the added container reached the console after" << since.elapsed() << "ms";

    rows.clear();
    run = cli.run(global + QStringList{u"watch"_s, u"cancel"_s, u"MSCU1234566"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QTRY_VERIFY_WITH_TIMEOUT(findNumber(rowsOf(rows), u"MSCU1234566"_s) != nullptr, 2000);
    QCOMPARE(findNumber(rowsOf(rows), u"MSCU1234566"_s)->traceState, TraceState::Cancelled);
    QCOMPARE(reloads.count(), 0); // only the changed rows, never the whole watchlist

    // Another entity's change is not this console's business.
    rows.clear();
    run = cli.run(QStringList{u"--db"_s, database.location(), u"--entity"_s, u"other"_s, u"watch"_s, u"add"_s,
                              u"TGHU1234567"_s, u"--provider"_s, u"ports_america"_s, u"--site"_s, u"PNCT_NJ"_s,
                              u"--data"_s, u"truckingCompanyCode=PFCH"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QTest::qWait(1000);
    QVERIFY(findNumber(rowsOf(rows), u"TGHU1234567"_s) == nullptr);
    QCOMPARE(reloads.count(), 0);
}

void TestLiveChanges::modelUpdatesInPlace()
{
    WatchlistModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<WatchlistRow> first(2);
    first[0].id = 1;
    first[0].number = u"MSCU1234566"_s;
    first[1].id = 2;
    first[1].number = u"TGHU1234567"_s;
    model.setRows(first);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    std::vector<WatchlistRow> update(2);
    update[0].id = 2;
    update[0].number = u"TGHU1234567"_s;
    update[0].traceState = TraceState::Cancelled;
    update[1].id = 7;
    update[1].number = u"CSQU3054383"_s;
    model.updateRows(update);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.row(1).traceState, TraceState::Cancelled);
    QCOMPARE(model.rowForId(7), 2);
    QCOMPARE(model.data(model.index(2, WatchlistModel::NumberColumn)).toString(), u"CSQU3054383"_s);
}

QTEST_MAIN(TestLiveChanges)
#include "tst_livechanges.moc"
