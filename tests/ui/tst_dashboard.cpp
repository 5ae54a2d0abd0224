// The dashboard: counts over the loaded watchlist, the drill-down filter under
// QAbstractItemModelTester, and a click on a bar opening the watchlist narrowed to that bar.
#include "consolefixture.h"
#include "dashboardcounts.h"
#include "dashboardpage.h"
#include "mainwindow.h"
#include "seededconsole.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "translations.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"
#include "watchlistproxymodel.h"
#include "watchlistsource.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(WatchlistDrillDown)

class TestDashboard final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

private Q_SLOTS:
    void initTestCase();
    void init();
    void counts_data();
    void counts();
    void summaryAndBarsShowCounts();
    void drillDownUnderModelTester_data();
    void drillDownUnderModelTester();
    void clickingBarFiltersWatchlist_data();
    void clickingBarFiltersWatchlist();
    void followsWatchlistChanges();
    void demurrageExposureCountsOnlyWhatStillRuns();
    void categoryLabelsFitAt1280x720();
    void dayLabelsInTheChosenLanguage();
};

void TestDashboard::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_dashboard"_s);
}

void TestDashboard::init()
{
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

// The fixture: A available + customs (overdue), B available (LFD today), C not available + line and
// freight (LFD tomorrow), D on vessel, E outgated (LFD passed, picked up), F unknown with an error.
void TestDashboard::counts_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<int>("bar");
    QTest::addColumn<int>("expected");
    const auto statusBar = [](ContainerStatus status) {
        return int(DashboardCounts::count({}, {}).statuses.indexOf(status));
    };
    const auto holdBar = [](HoldType type) { return int(allHoldTypes().indexOf(type)); };
    QTest::newRow("available") << u"status"_s << statusBar(ContainerStatus::Available) << 2;
    QTest::newRow("not available") << u"status"_s << statusBar(ContainerStatus::NotAvailable) << 1;
    QTest::newRow("on vessel") << u"status"_s << statusBar(ContainerStatus::OnVessel) << 1;
    QTest::newRow("outgated") << u"status"_s << statusBar(ContainerStatus::Outgated) << 1;
    QTest::newRow("unknown") << u"status"_s << statusBar(ContainerStatus::Unknown) << 1;
    QTest::newRow("empty returned") << u"status"_s << statusBar(ContainerStatus::EmptyReturned) << 0;
    QTest::newRow("customs") << u"hold"_s << holdBar(HoldType::Customs) << 1;
    QTest::newRow("line") << u"hold"_s << holdBar(HoldType::Line) << 1;
    QTest::newRow("freight") << u"hold"_s << holdBar(HoldType::Freight) << 1;
    QTest::newRow("usda") << u"hold"_s << holdBar(HoldType::Usda) << 0;
    QTest::newRow("lfd today") << u"lfd"_s << 0 << 1;
    QTest::newRow("lfd tomorrow") << u"lfd"_s << 1 << 1;
    QTest::newRow("lfd in 2 days") << u"lfd"_s << 2 << 0;
}

void TestDashboard::counts()
{
    QFETCH(QString, chart);
    QFETCH(int, bar);
    QFETCH(int, expected);
    Result<std::vector<WatchlistRow>> rows = WatchlistSource(*m_console.store).load(u"default"_s);
    QVERIFY(rows);
    const DashboardCounts counts = DashboardCounts::count(rows.value(), ConsoleFixture::today());
    const QList<int> &values = chart == u"status"_s ? counts.byStatus
                               : chart == u"hold"_s ? counts.byHoldType
                                                    : counts.byLfdDate;
    QVERIFY(bar >= 0 && bar < values.size());
    QCOMPARE(values[bar], expected);
    QCOMPARE(counts.containers, 6);
    QCOMPARE(counts.onHold, 2);
    // A is overdue and still at the terminal; E's LFD passed too, but it left: it never counts.
    QCOMPARE(counts.lfdOverdue, 1);
    QCOMPARE(counts.atRisk, 2); // B today, C tomorrow
}

void TestDashboard::summaryAndBarsShowCounts()
{
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    DashboardPage *page = window.dashboardPage();
    QVERIFY(page);
    QCOMPARE(window.pageWidget(MainWindow::Page::Dashboard), page);
    page->refresh();
    QCOMPARE(page->summaryLabel()->text(), u"6 containers · 2 on hold · 2 last free days this week"_s);
    QCOMPARE(page->statusBars()->count(), page->counts().statuses.size());
    for (int i = 0; i < page->statusBars()->count(); ++i)
        QCOMPARE(int(page->statusBars()->at(i)), page->counts().byStatus[i]);
    for (int i = 0; i < page->holdBars()->count(); ++i)
        QCOMPARE(int(page->holdBars()->at(i)), page->counts().byHoldType[i]);
    QCOMPARE(page->lfdBars()->count(), DashboardPage::lfdBarCount);
    QCOMPARE(int(page->lfdBars()->at(0)), 1); // overdue: A
    QCOMPARE(int(page->lfdBars()->at(1)), 1); // today: B
    QCOMPARE(int(page->lfdBars()->at(2)), 1); // tomorrow: C
    auto *axis = qobject_cast<QBarCategoryAxis *>(page->lfdView()->chart()->axes(Qt::Vertical).first());
    QVERIFY(axis);
    QCOMPARE(axis->categories().mid(0, 3), (QStringList{u"Overdue"_s, u"Today"_s, u"Tomorrow"_s}));
    QCOMPARE(axis->categories().at(3), QLocale().toString(ConsoleFixture::today().addDays(2), u"ddd d"_s));
    // No demurrage in the fixture yet: the figure says so rather than hiding.
    QVERIFY2(
        page->exposureLabel()->text().contains(u"Demurrage running: 0.00 on 0 container(s) still at the terminal"_s),
        qPrintable(page->exposureLabel()->text()));
    QVERIFY(page->exposureLabel()->text().contains(u"2 container(s) at risk: LFD in the next 2 days"_s));
}

void TestDashboard::drillDownUnderModelTester_data()
{
    QTest::addColumn<WatchlistDrillDown>("drillDown");
    QTest::addColumn<QStringList>("numbers");
    const QStringList all = ConsoleFixture::numbers();
    QTest::newRow("status available") << WatchlistDrillDown::byStatus(ContainerStatus::Available)
                                      << QStringList{all[0], all[1]};
    QTest::newRow("hold line") << WatchlistDrillDown::byHoldType(HoldType::Line) << QStringList{all[2]};
    QTest::newRow("lfd tomorrow") << WatchlistDrillDown::byLfd(ConsoleFixture::today().addDays(1))
                                  << QStringList{all[2]};
    // E's LFD passed three days ago but it is picked up: not on the LFD chart, not in its drill-down.
    QTest::newRow("lfd of picked up") << WatchlistDrillDown::byLfd(ConsoleFixture::today().addDays(-3))
                                      << QStringList{};
    QTest::newRow("lfd overdue") << WatchlistDrillDown::overdue(ConsoleFixture::today()) << QStringList{all[0]};
    QTest::newRow("lfd at risk") << WatchlistDrillDown::atRisk(ConsoleFixture::today()) << QStringList{all[1], all[2]};
    QTest::newRow("none") << WatchlistDrillDown() << all;
}

void TestDashboard::drillDownUnderModelTester()
{
    QFETCH(WatchlistDrillDown, drillDown);
    QFETCH(QStringList, numbers);
    Result<std::vector<WatchlistRow>> rows = WatchlistSource(*m_console.store).load(u"default"_s);
    QVERIFY(rows);
    WatchlistModel model;
    model.setToday(ConsoleFixture::today());
    WatchlistProxyModel proxy;
    proxy.setWatchlistModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(std::move(rows.value()));
    proxy.sort(WatchlistModel::NumberColumn, Qt::DescendingOrder);
    proxy.setDrillDown(drillDown);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.append(proxy.index(row, 0).data(WatchlistModel::NumberRole).toString());
    std::sort(shown.begin(), shown.end());
    std::sort(numbers.begin(), numbers.end());
    QCOMPARE(shown, numbers);
    // The drill-down combines with the text filter, and clearing it brings every row back.
    proxy.setFilterText(u"zzz-no-match"_s);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText({});
    proxy.setDrillDown({});
    QCOMPARE(proxy.rowCount(), 6);
}

void TestDashboard::clickingBarFiltersWatchlist_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<int>("bar");
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<QString>("banner");
    QTest::newRow("status available") << u"status"_s
                                      << int(DashboardCounts::count({}, {}).statuses.indexOf(
                                             ContainerStatus::Available))
                                      << 2 << u"Status: Available"_s;
    QTest::newRow("customs hold") << u"hold"_s << int(allHoldTypes().indexOf(HoldType::Customs)) << 1
                                  << u"Hold: Customs"_s;
    QTest::newRow("lfd overdue") << u"lfd"_s << 0 << 1 << u"LFD overdue, still at the terminal"_s;
    QTest::newRow("lfd tomorrow") << u"lfd"_s << 2 << 1
                                  << u"LFD: "_s +
                                         QLocale().toString(ConsoleFixture::today().addDays(1), QLocale::ShortFormat);
}

void TestDashboard::clickingBarFiltersWatchlist()
{
    QFETCH(QString, chart);
    QFETCH(int, bar);
    QFETCH(int, expectedRows);
    QFETCH(QString, banner);
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    window.showPage(MainWindow::Page::Dashboard);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DashboardPage *page = window.dashboardPage();
    page->refresh();
    QChartView *view = chart == u"status"_s ? page->statusView()
                       : chart == u"hold"_s ? page->holdView()
                                            : page->lfdView();
    QBarSet *bars = chart == u"status"_s ? page->statusBars() : chart == u"hold"_s ? page->holdBars() : page->lfdBars();
    QCOMPARE(int(bars->at(bar)), expectedRows);
    // Click the middle of the bar, where a coordinator would.
    auto *series = qobject_cast<QHorizontalBarSeries *>(view->chart()->series().first());
    QVERIFY(series);
    const QPointF inChart = view->chart()->mapToPosition(QPointF(bars->at(bar) / 2.0, bar), series);
    const QPoint inViewport = view->mapFromScene(view->chart()->mapToScene(inChart));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, inViewport);
    QTRY_COMPARE(window.currentPage(), MainWindow::Page::Watchlist);
    WatchlistPage *watchlist = window.watchlistPage();
    QCOMPARE(watchlist->proxy()->rowCount(), expectedRows);
    QVERIFY(watchlist->drillDownLabel()->isVisible());
    QVERIFY(watchlist->drillDownLabel()->text().endsWith(banner));
    // Choosing a saved view leaves the dashboard's selection behind.
    watchlist->clearDrillDown();
    QCOMPARE(watchlist->proxy()->rowCount(), 6);
    QVERIFY(!watchlist->drillDownLabel()->isVisible());
}

// After a sync the watchlist reloads; the dashboard recounts from the same rows without a query.
void TestDashboard::followsWatchlistChanges()
{
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    DashboardPage *page = window.dashboardPage();
    page->refresh();
    const int customs = int(allHoldTypes().indexOf(HoldType::Customs));
    QCOMPARE(int(page->holdBars()->at(customs)), 1);
    Result<std::optional<WatchEntry>> first =
        m_console.store->container(u"default"_s, ConsoleFixture::numbers().first());
    QVERIFY(first && first->has_value());
    TraceWrite write;
    write.containerId = first.value()->id;
    write.snapshot = first.value()->snapshot;
    write.snapshot->holds.clear();
    write.tracedAt = ConsoleFixture::now();
    write.nextTraceAt = ConsoleFixture::now().addSecs(900);
    QVERIFY(m_console.store->writeTraceResults({write}));
    Q_EMIT m_console.backend->watchlistChanged();
    QTRY_COMPARE(int(page->holdBars()->at(customs)), 0);
    QTRY_VERIFY(page->summaryLabel()->text().contains(u"1 on hold"_s));
}

// A's demurrage runs (still at the terminal); E's was charged before it left and is no exposure.
void TestDashboard::demurrageExposureCountsOnlyWhatStillRuns()
{
    const QStringList all = ConsoleFixture::numbers();
    QList<TraceWrite> writes;
    for (const auto &[index, amount] : QList<std::pair<int, double>>{{0, 120.5}, {4, 999.0}, {2, 30.0}}) {
        Result<std::optional<WatchEntry>> entry = m_console.store->container(u"default"_s, all[index]);
        QVERIFY(entry && entry->has_value());
        TraceWrite write;
        write.containerId = entry.value()->id;
        write.snapshot = entry.value()->snapshot;
        write.snapshot->demurrageAmount = amount;
        write.tracedAt = ConsoleFixture::now();
        write.nextTraceAt = ConsoleFixture::now().addSecs(900);
        writes.append(write);
    }
    QVERIFY(m_console.store->writeTraceResults(writes));
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    DashboardPage *page = window.dashboardPage();
    page->refresh();
    QCOMPARE(page->counts().demurrageContainers, 2);
    QCOMPARE(page->counts().demurrageTotal, 150.5);
    const QString text = page->exposureLabel()->text();
    QVERIFY2(text.contains(u"Demurrage running: 150.50 on 2 container(s) still at the terminal"_s), qPrintable(text));
    QVERIFY(text.contains(u"1 overdue"_s));
    // The at-risk figure drills down like a bar.
    QSignalSpy drill(page, &DashboardPage::drillDownRequested);
    Q_EMIT page->exposureLabel()->linkActivated(u"atRisk"_s);
    QCOMPARE(drill.size(), 1);
    QCOMPARE(drill.at(0).at(0).value<WatchlistDrillDown>(), WatchlistDrillDown::atRisk(ConsoleFixture::today()));
}

// Each category label fits the room left of the plot (horizontal bars): nothing is cut to "Tom…".
void TestDashboard::categoryLabelsFitAt1280x720()
{
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    window.showPage(MainWindow::Page::Dashboard);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DashboardPage *page = window.dashboardPage();
    page->refresh();
    QCoreApplication::processEvents();
    for (QChartView *view : {page->statusView(), page->holdView(), page->lfdView()}) {
        auto *axis = qobject_cast<QBarCategoryAxis *>(view->chart()->axes(Qt::Vertical).first());
        QVERIFY(axis);
        const QFontMetrics metrics(axis->labelsFont());
        const qreal room = view->chart()->plotArea().left() - view->chart()->geometry().left();
        for (const QString &label : axis->categories())
            QVERIFY2(metrics.horizontalAdvance(label) < room,
                     qPrintable(u"%1 (%2 px) in %3 px"_s.arg(label).arg(metrics.horizontalAdvance(label)).arg(room)));
    }
    QVERIFY2(!page->summaryLabel()->text().isEmpty() && page->summaryLabel()->wordWrap(), "summary wraps, never clips");
}

// The LFD bars' day names are the chosen language's ("wo 3" in Dutch), not English ones.
void TestDashboard::dayLabelsInTheChosenLanguage()
{
    const auto restore = qScopeGuard([] { Translations::install(*qApp, u"en"_s); });
    QCOMPARE(Translations::install(*qApp, u"nl"_s), u"nl"_s);
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    DashboardPage *page = window.dashboardPage();
    page->refresh();
    auto *axis = qobject_cast<QBarCategoryAxis *>(page->lfdView()->chart()->axes(Qt::Vertical).first());
    QVERIFY(axis);
    const QLocale dutch(QLocale::Dutch);
    for (int day = 2; day < DashboardPage::lfdBarCount - 1; ++day)
        QCOMPARE(axis->categories().at(day + 1), dutch.toString(ConsoleFixture::today().addDays(day), u"ddd d"_s));
    QVERIFY(!axis->categories().contains(
        QLocale(QLocale::English).toString(ConsoleFixture::today().addDays(2), u"ddd d"_s)));
    QCOMPARE(axis->categories().at(1), u"Vandaag"_s);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
