// The main window: sidebar pages from the page registry and their shortcuts, no placeholder for a
// page nobody installed, the status bar's sync state, and window geometry remembered between runs.
#include "consolefixture.h"
#include "mainwindow.h"
#include "seededconsole.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"
#include "watchlistproxymodel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QSettings>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    // Stand-ins for the pages ConsoleWiring installs, so a bare window has every page.
    static void installStandIns(MainWindow &window);

    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

private Q_SLOTS:
    void initTestCase();
    void init();
    void pageNames_data();
    void pageNames();
    void shortcutsSwitchPages();
    void sidebarFollowsRegistry();
    void findShortcutFocusesFilter();
    void statusBarShowsSyncState();
    void remembersGeometryAndPage();
    void loadsWatchlistInBackground_data();
    void loadsWatchlistInBackground();
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void TestMainWindow::installStandIns(MainWindow &window)
{
    for (const MainWindow::Page page :
         {MainWindow::Page::DataSources, MainWindow::Page::Mapping, MainWindow::Page::AuditLog})
        window.installPage(page, [page] { return new QLabel(PageRegistry::id(page)); });
}

void TestMainWindow::pageNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("page");
    QTest::newRow("today") << u"today"_s << int(MainWindow::Page::Today);
    QTest::newRow("dashboard") << u"dashboard"_s << int(MainWindow::Page::Dashboard);
    QTest::newRow("watchlist") << u"watchlist"_s << int(MainWindow::Page::Watchlist);
    QTest::newRow("datasources") << u"datasources"_s << int(MainWindow::Page::DataSources);
    QTest::newRow("mapping") << u"mapping"_s << int(MainWindow::Page::Mapping);
    QTest::newRow("audit") << u"audit"_s << int(MainWindow::Page::AuditLog);
    QTest::newRow("settings") << u"settings"_s << int(MainWindow::Page::Settings);
    QTest::newRow("upper case") << u"Watchlist"_s << int(MainWindow::Page::Watchlist);
    QTest::newRow("unknown") << u"charts"_s << -1;
}

void TestMainWindow::pageNames()
{
    QFETCH(QString, name);
    QFETCH(int, page);
    const std::optional<MainWindow::Page> found = MainWindow::pageFromName(name);
    QCOMPARE(found ? int(*found) : -1, page);
}

void TestMainWindow::shortcutsSwitchPages()
{
    MainWindow window(*m_console.backend);
    installStandIns(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window) || QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    for (int page = 0; page < int(PageRegistry::pages().size()); ++page) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
        QCOMPARE(int(window.currentPage()), page);
    }
}

void TestMainWindow::sidebarFollowsRegistry()
{
    // Alone, the window lists only the pages it makes: no "coming later" stand-ins.
    MainWindow window(*m_console.backend);
    QCOMPARE(window.sidebarTitles(), (QStringList{u"Today"_s, u"Dashboard"_s, u"Watchlist"_s, u"Settings"_s}));
    QVERIFY(!window.pageWidget(MainWindow::Page::Mapping));
    QCOMPARE(window.findChildren<QWidget *>(u"placeholder"_s).size(), 0);
    const MainWindow::Page shown = window.currentPage();
    window.showPage(MainWindow::Page::Mapping); // not installed: nothing happens
    QCOMPARE(window.currentPage(), shown);

    // An installed page takes its registry position, whatever the order of installing.
    auto *mapping = window.installPage(MainWindow::Page::Mapping, [] { return new QLabel(u"mapping"_s); });
    window.installPage(MainWindow::Page::DataSources, [] { return new QLabel(u"data sources"_s); });
    QCOMPARE(window.sidebarTitles(),
             (QStringList{u"Today"_s, u"Dashboard"_s, u"Watchlist"_s, u"Data sources"_s, u"Mapping"_s, u"Settings"_s}));
    window.showPage(MainWindow::Page::Mapping);
    QCOMPARE(window.pageWidget(MainWindow::Page::Mapping), mapping);
    QCOMPARE(window.currentPage(), MainWindow::Page::Mapping);
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    QVERIFY(sidebar);
    QCOMPARE(sidebar->currentItem()->text(), u"Mapping"_s);
    // Installed again, the new screen replaces the old one in place and stays shown.
    auto *again = window.installPage(MainWindow::Page::Mapping, [] { return new QLabel(u"mapping 2"_s); });
    QCOMPARE(window.pageWidget(MainWindow::Page::Mapping), again);
    QCOMPARE(window.currentPage(), MainWindow::Page::Mapping);
    QCOMPARE(window.sidebarTitles().size(), 6);

    // The --view names are the registry's ids, in sidebar order.
    QCOMPARE(PageRegistry::ids(), (QStringList{u"today"_s, u"dashboard"_s, u"watchlist"_s, u"datasources"_s,
                                               u"mapping"_s, u"audit"_s, u"settings"_s}));
}

void TestMainWindow::findShortcutFocusesFilter()
{
    MainWindow window(*m_console.backend);
    window.watchlistPage()->reload();
    window.showPage(MainWindow::Page::Dashboard);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Watchlist);
    QTRY_VERIFY(window.watchlistPage()->filterEdit()->hasFocus());
    QTest::keyClicks(window.watchlistPage()->filterEdit(), u"msc anna"_s);
    QCOMPARE(window.watchlistPage()->proxy()->rowCount(), 2);
}

void TestMainWindow::statusBarShowsSyncState()
{
    MainWindow window(*m_console.backend);
    QCOMPARE(window.lastSyncLabel()->text(), u"Not synced yet"_s);
    Q_EMIT m_console.backend->syncProgress(3, 10);
    QCOMPARE(window.syncProgressBar()->value(), 3);
    QCOMPARE(window.syncProgressBar()->maximum(), 10);
    QVERIFY(!window.syncProgressBar()->isHidden());
}

void TestMainWindow::remembersGeometryAndPage()
{
    {
        MainWindow window(*m_console.backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        installStandIns(window);
        window.resize(1300, 700);
        window.showPage(MainWindow::Page::Mapping);
        window.close();
    }
    MainWindow again(*m_console.backend);
    QCOMPARE(again.currentPage(), MainWindow::Page::Today); // until the remembered page is there
    installStandIns(again);
    QCOMPARE(again.currentPage(), MainWindow::Page::Mapping);
    QCOMPARE(again.size(), QSize(1300, 700));
}

void TestMainWindow::loadsWatchlistInBackground_data()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(Store::Backend::Sqlite);
    QTest::newRow("postgres") << int(Store::Backend::Postgres);
}

// The window comes up empty and the rows arrive from the worker thread's own connection.
void TestMainWindow::loadsWatchlistInBackground()
{
    QFETCH(int, backend);
    TestDatabase database{Store::Backend(backend)};
    if (!database.isValid())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store);
    QVERIFY(ConsoleFixture::seed(*store.value()));
    StoreConsoleBackend consoleBackend(*store.value(), u"default"_s, *m_console.clock);
    MainWindow window(consoleBackend);
    QCOMPARE(window.watchlistPage()->model()->rowCount(), 0);
    QSignalSpy loaded(window.watchlistPage(), &WatchlistPage::loaded);
    window.watchlistPage()->reloadInBackground();
    QVERIFY(window.watchlistPage()->isLoading());
    QVERIFY(loaded.wait(10000));
    QVERIFY(!window.watchlistPage()->isLoading());
    QCOMPARE(window.watchlistPage()->proxy()->rowCount(), 6);
    // A second load (after a sync) replaces the rows in place.
    window.watchlistPage()->reloadInBackground();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(window.watchlistPage()->model()->rowCount(), 6);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
