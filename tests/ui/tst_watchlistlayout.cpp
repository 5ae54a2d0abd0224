// What a coordinator sees on first run, on real widgets: the demo's containers after a first sync in
// the main window at 1280x720 and 1920x1080. No visible cell of the default watchlist layout is
// elided (each cell's text width is compared with its column), and every hold of a row is reachable
// (chips, "+N" and the tooltip).
#include "consolefixture.h"
#include "demosession.h"
#include "holdchipdelegate.h"
#include "mainwindow.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"

#include <QFile>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestWatchlistLayout final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    std::unique_ptr<DemoSession> m_demo;
    std::unique_ptr<StoreConsoleBackend> m_backend;
    bool m_synced = false;

    static QStringList problemsIn(const QTableView &table, const WatchlistModel &model);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noElidedTextAndEveryHoldReachable_data();
    void noElidedTextAndEveryHoldReachable();
};

void TestWatchlistLayout::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_watchlistlayout"_s);
    QFile scenario(qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") + u"/resources/scenarios/demo.json"_s);
    QVERIFY2(scenario.open(QIODevice::ReadOnly), qPrintable(scenario.fileName()));
    m_demo = std::make_unique<DemoSession>();
    const Result<void> started = m_demo->start(scenario.readAll(), testClock());
    QVERIFY2(started, started ? "" : qPrintable(started.error().message));
    m_backend = std::make_unique<StoreConsoleBackend>(m_demo->store(), QString::fromLatin1(DemoSession::entity),
                                                      m_demo->clock());
    m_backend->setAdapter(m_demo->adapter());
}

void TestWatchlistLayout::cleanupTestCase()
{
    m_backend.reset();
    m_demo.reset();
}

QStringList TestWatchlistLayout::problemsIn(const QTableView &table, const WatchlistModel &model)
{
    QStringList problems;
    const QFontMetrics metrics = table.fontMetrics();
    const int margin = 2 * (table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &table) + 1);
    const int top = std::max(0, table.rowAt(0));
    int bottom = table.rowAt(table.viewport()->height() - 1);
    if (bottom < 0)
        bottom = table.model()->rowCount() - 1;
    for (int row = top; row <= bottom; ++row) {
        for (int column = 0; column < WatchlistModel::ColumnCount; ++column) {
            if (table.isColumnHidden(column))
                continue;
            const QModelIndex index = table.model()->index(row, column);
            const int width = table.columnWidth(column);
            const QString number = index.siblingAtColumn(WatchlistModel::NumberColumn).data().toString();
            if (column == WatchlistModel::HoldsColumn) {
                const WatchlistRow &data =
                    model.row(model.rowForId(index.data(WatchlistModel::ContainerIdRole).toLongLong()));
                QList<HoldType> types;
                for (const WatchlistHold &hold : data.holds)
                    types.append(hold.type);
                const HoldChipDelegate::Layout layout = HoldChipDelegate::layoutFor(types, metrics, width);
                const QString tip = index.data(Qt::ToolTipRole).toString();
                if (layout.shown + layout.hidden != types.size())
                    problems.append(u"%1: holds not all counted"_s.arg(number));
                for (const WatchlistHold &hold : data.holds) {
                    if (!tip.contains(hold.sourceCode))
                        problems.append(u"%1: hold %2 not in the tooltip"_s.arg(number, hold.sourceCode));
                }
                continue;
            }
            const QString text = index.data().toString();
            if (metrics.horizontalAdvance(text) + margin > width)
                problems.append(u"%1, column %2: \"%3\" needs %4 px, has %5"_s.arg(number)
                                    .arg(column)
                                    .arg(text)
                                    .arg(metrics.horizontalAdvance(text) + margin)
                                    .arg(width));
        }
    }
    return problems;
}

void TestWatchlistLayout::noElidedTextAndEveryHoldReachable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestWatchlistLayout::noElidedTextAndEveryHoldReachable()
{
    QFETCH(QSize, size);
    MainWindow window(*m_backend);
    window.resize(size);
    window.showPage(MainWindow::Page::Watchlist);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WatchlistPage *page = window.watchlistPage();
    page->reload();
    QCoreApplication::processEvents();
    if (!m_synced) {
        // First run as a user has it: the rows are shown untraced, then the first sync fills them.
        QSignalSpy finished(m_backend.get(), &ConsoleBackend::syncFinished);
        m_backend->syncNow();
        QVERIFY(finished.wait(120000));
        m_synced = true;
        page->reload();
        QCoreApplication::processEvents();
    }
    QVERIFY(page->model()->rowCount() >= 100);
    int held = 0;
    for (const WatchlistRow &row : page->model()->rows())
        held += row.holds.isEmpty() ? 0 : 1;
    QVERIFY(held > 0); // the demo has holds to show
    const QStringList problems = problemsIn(*page->table(), *page->model());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // The same after sorting by LFD, where the overdue rows come first.
    page->table()->sortByColumn(WatchlistModel::LfdColumn, Qt::AscendingOrder);
    QCoreApplication::processEvents();
    const QStringList sorted = problemsIn(*page->table(), *page->model());
    QVERIFY2(sorted.isEmpty(), qPrintable(sorted.join(u'\n')));
}

QTEST_MAIN(TestWatchlistLayout)
#include "tst_watchlistlayout.moc"
