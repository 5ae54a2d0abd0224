// The watchlist screen driven like a user would: type a filter, click a header, select rows, act on
// them (change reference, cancel tracing, export), and check what the table and the detail pane show.
#include "consolefixture.h"
#include "containerdetailpane.h"
#include "eventtimelinemodel.h"
#include "holdchipdelegate.h"
#include "seededconsole.h"
#include "settings.h"
#include "statuspresentation.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"
#include "watchlistproxymodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestWatchlistPage final : public QObject
{
    Q_OBJECT

private:
    QString cell(int row, int column) const { return m_page->proxy()->index(row, column).data().toString(); }
    void selectNumbers(const QStringList &numbers);

    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;
    std::unique_ptr<WatchlistPage> m_page;
    QStringList m_messages;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsRows();
    void filterByTyping();
    void sortByClickingHeader();
    void changeReferenceOnSelection();
    void referenceTooLongIsRefused();
    void cancelTracing_data();
    void cancelTracing();
    void exportSelection();
    void savedViews();
    void detailPaneShowsTimeline();
    void selectionKeptAcrossSyncAndReset();
    void columnWidthsFollowDataAndAreRemembered();
    void holdChipsShowPlusN();
    void showContainerClearsWhatHidesIt();
};

void TestWatchlistPage::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_watchlistpage"_s);
}

void TestWatchlistPage::init()
{
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    m_page = std::make_unique<WatchlistPage>(*m_console.backend);
    m_messages.clear();
    connect(m_page.get(), &WatchlistPage::message, this, [this](const QString &text) { m_messages.append(text); });
    // As MainWindow does: every change the backend makes reloads the page in the background.
    connect(m_console.backend.get(), &ConsoleBackend::watchlistChanged, m_page.get(),
            &WatchlistPage::reloadInBackground);
    m_page->resize(1200, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->reload();
    QCOMPARE(m_page->proxy()->rowCount(), 6);
}

void TestWatchlistPage::cleanup()
{
    m_page.reset();
    m_console.close();
}

void TestWatchlistPage::selectNumbers(const QStringList &numbers)
{
    QTableView *table = m_page->table();
    table->clearSelection();
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
        if (numbers.contains(cell(row, WatchlistModel::NumberColumn)))
            table->selectionModel()->select(m_page->proxy()->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void TestWatchlistPage::showsRows()
{
    QAbstractItemModelTester tester(m_page->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList n = ConsoleFixture::numbers();
    QCOMPARE(cell(0, WatchlistModel::NumberColumn), n[0]);
    QCOMPARE(cell(0, WatchlistModel::StatusColumn), StatusPresentation::statusLabel(ContainerStatus::Available));
    QCOMPARE(cell(0, WatchlistModel::HoldsColumn), StatusPresentation::holdLabel(HoldType::Customs));
    QCOMPARE(cell(0, WatchlistModel::AvailableColumn), u"Yes"_s);
    QCOMPARE(cell(0, WatchlistModel::VesselColumn), u"EVER GIVEN / 042E"_s);
    QCOMPARE(m_page->proxy()->index(0, WatchlistModel::LfdColumn).data(Qt::ForegroundRole).value<QColor>(),
             StatusPresentation::lfdColor(ConsoleFixture::today().addDays(-1), ConsoleFixture::today()));
    // Times in the site's zone (WBCT_LA: Los Angeles).
    const QDateTime discharged = ConsoleFixture::now().addDays(-4).toTimeZone(QTimeZone("America/Los_Angeles"));
    QCOMPARE(cell(0, WatchlistModel::DischargedColumn), discharged.toString(u"yyyy-MM-dd HH:mm t"_s));
    QVERIFY(cell(0, WatchlistModel::DischargedColumn).endsWith(discharged.timeZoneAbbreviation()));
    QCOMPARE(cell(5, WatchlistModel::LastErrorColumn), u"Not found at the terminal"_s);
    // Actions need a selection.
    QVERIFY(!m_page->changeReferenceAction()->isEnabled());
    selectNumbers({n[0]});
    QVERIFY(m_page->changeReferenceAction()->isEnabled());
}

void TestWatchlistPage::filterByTyping()
{
    QTest::keyClicks(m_page->filterEdit(), u"ever"_s);
    QCOMPARE(m_page->proxy()->rowCount(), 2);
    QCOMPARE(cell(0, WatchlistModel::VesselColumn), u"EVER GIVEN / 042E"_s);
    QTest::keyClick(m_page->filterEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(m_page->filterEdit(), u"BL1004"_s);
    QCOMPARE(m_page->proxy()->rowCount(), 1);
    QCOMPARE(cell(0, WatchlistModel::NumberColumn), ConsoleFixture::numbers()[4]);
    m_page->filterEdit()->clear();
    QCOMPARE(m_page->proxy()->rowCount(), 6);
}

void TestWatchlistPage::sortByClickingHeader()
{
    QHeaderView *header = m_page->table()->horizontalHeader();
    const int x = header->sectionViewportPosition(WatchlistModel::ReferenceColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(m_page->proxy()->sortColumn(), int(WatchlistModel::ReferenceColumn));
    const Qt::SortOrder first = m_page->proxy()->sortOrder();
    QCOMPARE(cell(0, WatchlistModel::ReferenceColumn), first == Qt::AscendingOrder ? u"ACME-7"_s : u"PO-2000"_s);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(cell(0, WatchlistModel::ReferenceColumn), first == Qt::AscendingOrder ? u"PO-2000"_s : u"ACME-7"_s);
    QVERIFY(cell(5, WatchlistModel::ReferenceColumn).isEmpty()); // no reference: last either way
}

void TestWatchlistPage::changeReferenceOnSelection()
{
    const QStringList n = ConsoleFixture::numbers();
    m_console.clock->advanceSeconds(86400);
    WatchlistPrompts prompts;
    QString offered;
    prompts.reference = [&](const QString &current) -> std::optional<QString> {
        offered = current;
        return u"  NEW-REF-9  "_s;
    };
    m_page->setPrompts(prompts);
    m_page->filterEdit()->setText(u"po-100"_s);
    QCOMPARE(m_page->proxy()->rowCount(), 2);
    selectNumbers({n[0], n[1]});
    QCOMPARE(m_page->selectedNumbers().size(), 2);
    m_page->changeReferenceAction()->trigger();
    QTRY_VERIFY(!m_page->isLoading());
    QVERIFY(offered.isEmpty()); // several containers: no current reference to offer
    for (const QString &number : {n[0], n[1]}) {
        const auto entry = m_console.store->container(u"default"_s, number);
        QVERIFY(entry && entry->has_value());
        QCOMPARE(entry->value().reference, u"NEW-REF-9"_s);
        QVERIFY(entry->value().expiresAt > ConsoleFixture::now().addDays(WatchEntry::traceWindowDays - 31));
    }
    // The table shows it (the filter no longer matches them).
    QCOMPARE(m_page->proxy()->rowCount(), 0);
    m_page->filterEdit()->setText(u"new-ref"_s);
    QCOMPARE(m_page->proxy()->rowCount(), 2);
    QCOMPARE(cell(0, WatchlistModel::ReferenceColumn), u"NEW-REF-9"_s);
}

void TestWatchlistPage::referenceTooLongIsRefused()
{
    const QStringList n = ConsoleFixture::numbers();
    WatchlistPrompts prompts;
    prompts.reference = [](const QString &) -> std::optional<QString> { return QString(51, u'x'); };
    m_page->setPrompts(prompts);
    selectNumbers({n[2]});
    m_page->changeReferenceAction()->trigger();
    const auto entry = m_console.store->container(u"default"_s, n[2]);
    QVERIFY(entry && entry->has_value());
    QCOMPARE(entry->value().reference, u"ACME-7"_s);
    QVERIFY(!m_messages.isEmpty());
    QVERIFY(m_messages.last().contains(u"50"_s));
}

void TestWatchlistPage::cancelTracing_data()
{
    QTest::addColumn<bool>("confirm");
    QTest::newRow("confirmed") << true;
    QTest::newRow("declined") << false;
}

void TestWatchlistPage::cancelTracing()
{
    QFETCH(bool, confirm);
    const QStringList n = ConsoleFixture::numbers();
    WatchlistPrompts prompts;
    int asked = 0;
    prompts.confirmCancel = [&](int count) {
        asked = count;
        return confirm;
    };
    m_page->setPrompts(prompts);
    selectNumbers({n[3], n[5]});
    m_page->cancelAction()->trigger();
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(asked, 2);
    const QString expected = confirm ? u"Cancelled"_s : u"Active"_s;
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
        const QString number = cell(row, WatchlistModel::NumberColumn);
        if (number == n[3] || number == n[5])
            QCOMPARE(cell(row, WatchlistModel::TracingColumn), expected);
        else
            QCOMPARE(cell(row, WatchlistModel::TracingColumn), u"Active"_s);
    }
}

void TestWatchlistPage::exportSelection()
{
    const QStringList n = ConsoleFixture::numbers();
    QTemporaryDir folder;
    const QString path = folder.filePath(u"selection.csv"_s);
    WatchlistPrompts prompts;
    prompts.exportPath = [&] { return path; };
    m_page->setPrompts(prompts);
    selectNumbers({n[1], n[2]});
    m_page->exportAction()->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QVERIFY(csv.contains(n[1]));
    QVERIFY(csv.contains(n[2]));
    QVERIFY(!csv.contains(n[0]));
}

void TestWatchlistPage::savedViews()
{
    QComboBox *views = m_page->viewCombo();
    QVERIFY(views->count() >= 5);
    views->setCurrentIndex(1); // On hold
    Q_EMIT views->activated(1);
    QCOMPARE(m_page->proxy()->view(), WatchlistView::OnHold);
    QCOMPARE(m_page->proxy()->rowCount(), 2);

    m_page->filterEdit()->setText(u"acme"_s);
    WatchlistPrompts prompts;
    prompts.saveViewAs = []() -> std::optional<QString> { return u"Acme holds"_s; };
    m_page->setPrompts(prompts);
    m_page->saveViewAction()->trigger();
    QCOMPARE(views->currentText(), u"Acme holds"_s);

    // A new page (tomorrow's session) offers the saved view and applies it.
    WatchlistPage again(*m_console.backend);
    again.reload();
    const int index = again.viewCombo()->findText(u"Acme holds"_s);
    QVERIFY(index >= 5);
    Q_EMIT again.viewCombo()->activated(index);
    QCOMPARE(again.proxy()->view(), WatchlistView::OnHold);
    QCOMPARE(again.filterEdit()->text(), u"acme"_s);
    QCOMPARE(again.proxy()->rowCount(), 1);
    SavedViews::saveUserViews({});
}

void TestWatchlistPage::detailPaneShowsTimeline()
{
    m_page->table()->setCurrentIndex(m_page->proxy()->index(0, 0));
    ContainerDetailPane *pane = m_page->detailPane();
    QCOMPARE(pane->timelineModel()->rowCount(), 3);
    QCOMPARE(pane->timelineModel()->index(0, 0).data(EventTimelineModel::EventCodeRole).toString(), u"LFD_CHANGED"_s);
    QVERIFY(pane->payloadView()->toPlainText().contains(u"\"step\": 2"_s));
    pane->timelineView()->setCurrentIndex(pane->timelineModel()->index(2, 0));
    QVERIFY(pane->payloadView()->toPlainText().contains(u"\"step\": 0"_s));
    m_page->table()->setCurrentIndex(m_page->proxy()->index(1, 0));
    QCOMPARE(pane->timelineModel()->rowCount(), 0);
}

// A sync that changes a row's data, one that re-sorts, and one that adds a container (a model reset)
// keep the selection, the current row and the detail pane.
void TestWatchlistPage::selectionKeptAcrossSyncAndReset()
{
    const QStringList n = ConsoleFixture::numbers();
    QTableView *table = m_page->table();
    table->sortByColumn(WatchlistModel::LfdColumn, Qt::AscendingOrder);
    selectNumbers({n[0], n[2]});
    int currentRow = -1;
    for (int row = 0; row < m_page->proxy()->rowCount(); ++row) {
        if (cell(row, WatchlistModel::NumberColumn) == n[0])
            currentRow = row;
    }
    table->selectionModel()->setCurrentIndex(m_page->proxy()->index(currentRow, 0), QItemSelectionModel::NoUpdate);
    QCOMPARE(m_page->detailPane()->timelineModel()->rowCount(), 3);
    const auto currentNumber = [&] { return table->currentIndex().data(WatchlistModel::NumberRole).toString(); };
    const auto selected = [&] {
        QStringList numbers = m_page->selectedNumbers();
        numbers.sort();
        return numbers;
    };
    QStringList expected{n[0], n[2]};
    expected.sort();

    // A sync moves C's LFD before A's: the order changes under the selection.
    const Result<std::optional<WatchEntry>> c = m_console.store->container(u"default"_s, n[2]);
    QVERIFY(c && c->has_value());
    TraceWrite write;
    write.containerId = c->value().id;
    write.snapshot = c->value().snapshot;
    write.snapshot->lfdTerminal = ConsoleFixture::today().addDays(-9);
    write.tracedAt = ConsoleFixture::now();
    write.nextTraceAt = ConsoleFixture::now().addSecs(900);
    QVERIFY(m_console.store->writeTraceResults({write}));
    m_page->reload();
    QCOMPARE(cell(0, WatchlistModel::NumberColumn), n[2]);
    QCOMPARE(selected(), expected);
    QCOMPARE(currentNumber(), n[0]);
    QVERIFY(m_page->exportAction()->isEnabled());

    // A new container: a different set of rows, so the model resets; what was selected stays so.
    WatchEntry entry;
    entry.entity = u"default"_s;
    entry.containerNumber = ConsoleFixture::number(u"MAEU700007"_s);
    entry.provider = u"ports_america"_s;
    entry.site = u"WBCT_LA"_s;
    QVERIFY(m_console.store->addContainer(entry));
    m_page->reload();
    QCOMPARE(m_page->proxy()->rowCount(), 7);
    QCOMPARE(selected(), expected);
    QCOMPARE(currentNumber(), n[0]);
    QCOMPARE(m_page->detailPane()->timelineModel()->rowCount(), 3); // not cleared: A is still there

    // A filter that hides rows: only the visible ones stay selected (hidden rows are never acted on).
    m_page->filterEdit()->setText(n[2]);
    QCOMPARE(selected(), QStringList{n[2]});
}

void TestWatchlistPage::columnWidthsFollowDataAndAreRemembered()
{
    QTableView *table = m_page->table();
    const QFontMetrics metrics = table->fontMetrics();
    const int margin = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
    // Every status label fits the status column, whichever rows were there when it was fitted.
    for (int status = 0; status <= int(ContainerStatus::EmptyReturned); ++status)
        QVERIFY(metrics.horizontalAdvance(StatusPresentation::statusLabel(ContainerStatus(status))) + margin <=
                table->columnWidth(WatchlistModel::StatusColumn));
    // A longer reference arrives with a sync: the column follows.
    const int before = table->columnWidth(WatchlistModel::ReferenceColumn);
    const QString longer = u"PO-2026-ROTTERDAM-WAALHAVEN-17"_s;
    QVERIFY(m_console.store->setReference(u"default"_s, ConsoleFixture::numbers().at(1), longer));
    m_page->reload();
    QVERIFY(table->columnWidth(WatchlistModel::ReferenceColumn) > before);
    QVERIFY(metrics.horizontalAdvance(longer) + margin <= table->columnWidth(WatchlistModel::ReferenceColumn));

    // The user's own width is remembered for the view and no longer fitted over.
    table->horizontalHeader()->resizeSection(WatchlistModel::VesselColumn, 333);
    const QString key = m_page->viewKey();
    QVERIFY(!key.isEmpty());
    QVERIFY(Settings().value(SettingKey::WatchlistColumnWidths, key).toString().contains(u"333"_s));
    m_page->reload();
    QCOMPARE(table->columnWidth(WatchlistModel::VesselColumn), 333);
    WatchlistPage again(*m_console.backend);
    again.reload();
    QCOMPARE(again.table()->columnWidth(WatchlistModel::VesselColumn), 333);
    // Another view has its own widths; "Fit columns to contents" forgets the user's.
    m_page->fitColumnsToContents();
    QVERIFY(table->columnWidth(WatchlistModel::VesselColumn) != 333);
    QVERIFY(!Settings().contains(SettingKey::WatchlistColumnWidths, key));
}

// A column too narrow for every chip shows as many as fit and "+N"; the tooltip names every hold.
void TestWatchlistPage::holdChipsShowPlusN()
{
    const QFontMetrics metrics = m_page->table()->fontMetrics();
    const QList<HoldType> two{HoldType::Line, HoldType::Freight};
    const HoldChipDelegate::Layout wide = HoldChipDelegate::layoutFor(two, metrics, 400);
    QCOMPARE(wide.shown, 2);
    QCOMPARE(wide.hidden, 0);
    const int one = metrics.horizontalAdvance(StatusPresentation::holdLabel(HoldType::Line)) +
                    metrics.horizontalAdvance(HoldChipDelegate::moreText(1)) + 40;
    const HoldChipDelegate::Layout narrow = HoldChipDelegate::layoutFor(two, metrics, one);
    QCOMPARE(narrow.shown, 1);
    QCOMPARE(narrow.hidden, 1);
    const HoldChipDelegate::Layout tiny = HoldChipDelegate::layoutFor(two, metrics, 10);
    QCOMPARE(tiny.shown + tiny.hidden, 2);
    QCOMPARE(HoldChipDelegate::layoutFor({}, metrics, 10).hidden, 0);
    // C's tooltip lists both holds with the provider's text.
    const QString tip = m_page->proxy()->index(2, WatchlistModel::HoldsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(u"line hold"_s));
    QVERIFY(tip.contains(u"freight hold"_s));
}

void TestWatchlistPage::showContainerClearsWhatHidesIt()
{
    const QStringList n = ConsoleFixture::numbers();
    m_page->filterEdit()->setText(n[0]);
    QCOMPARE(m_page->proxy()->rowCount(), 1);
    const qint64 id = m_page->model()->row(m_page->model()->rowForId(m_page->model()->rows().at(3).id)).id;
    m_page->showContainer(id);
    QVERIFY(m_page->filterEdit()->text().isEmpty());
    QCOMPARE(m_page->table()->currentIndex().data(WatchlistModel::NumberRole).toString(), n[3]);
    QCOMPARE(m_page->selectedNumbers(), QStringList{n[3]});
}

QTEST_MAIN(TestWatchlistPage)
#include "tst_watchlistpage.moc"
