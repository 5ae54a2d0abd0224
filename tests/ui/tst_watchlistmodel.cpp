// WatchlistSource against both databases, and the watchlist and timeline models (under
// QAbstractItemModelTester) while they filter, sort and update.
#include "consolefixture.h"
#include "eventtimelinemodel.h"
#include "statuspresentation.h"
#include "testdatabases.h"
#include "watchlistmodel.h"
#include "watchlistproxymodel.h"
#include "watchlistsource.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestWatchlistModel final : public QObject
{
    Q_OBJECT

private:
    std::vector<WatchlistRow> loadFixture(Store::Backend backend);
    void setUpModels();

    std::unique_ptr<WatchlistModel> m_model;
    std::unique_ptr<WatchlistProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

private Q_SLOTS:
    void init();
    void loadsRows_data();
    void loadsRows();
    void eventsNewestFirst_data();
    void eventsNewestFirst();
    void filters_data();
    void filters();
    void views_data();
    void views();
    void sortsEveryColumn();
    void sortPutsMissingLast();
    void lfdTextAndColour_data();
    void lfdTextAndColour();
    void updateInPlaceKeepsRows();
    void timelineModel();
};

std::vector<WatchlistRow> TestWatchlistModel::loadFixture(Store::Backend backend)
{
    TestDatabase database(backend);
    if (!database.isValid())
        return {};
    auto store = Store::open(database.location(), testClock());
    if (!store || !ConsoleFixture::seed(*store.value()))
        return {};
    Result<std::vector<WatchlistRow>> rows = WatchlistSource(*store.value()).load(u"default"_s);
    return rows ? std::move(rows.value()) : std::vector<WatchlistRow>();
}

void TestWatchlistModel::setUpModels()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy = std::make_unique<WatchlistProxyModel>();
    m_model = std::make_unique<WatchlistModel>();
    m_model->setToday(ConsoleFixture::today());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy->setWatchlistModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setRows(loadFixture(Store::Backend::Sqlite));
    QCOMPARE(m_model->rowCount(), 6);
}

void TestWatchlistModel::init()
{
    setUpModels();
}

void TestWatchlistModel::loadsRows_data()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(Store::Backend::Sqlite);
    QTest::newRow("postgres") << int(Store::Backend::Postgres);
}

void TestWatchlistModel::loadsRows()
{
    QFETCH(int, backend);
    if (Store::Backend(backend) == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");
    const std::vector<WatchlistRow> rows = loadFixture(Store::Backend(backend));
    QCOMPARE(rows.size(), size_t(6));
    const QStringList numbers = ConsoleFixture::numbers();
    QCOMPARE(rows[0].number, numbers[0]);
    QCOMPARE(rows[0].reference, u"PO-1001"_s);
    QCOMPARE(rows[0].status, ContainerStatus::Available);
    QCOMPARE(rows[0].holds.size(), 1);
    QCOMPARE(rows[0].holds[0].type, HoldType::Customs);
    QCOMPARE(rows[0].lfd, ConsoleFixture::today().addDays(-1));
    QCOMPARE(rows[0].available, std::optional<bool>(true));
    QCOMPARE(rows[0].vessel, u"EVER GIVEN"_s);
    QCOMPARE(rows[0].billOfLading, u"BL1000"_s);
    QCOMPARE(rows[0].site, u"WBCT_LA"_s);
    QCOMPARE(WatchlistRow::toDateTime(rows[0].dischargedAt), ConsoleFixture::now().addDays(-4));
    QCOMPARE(WatchlistRow::toDateTime(rows[0].lastTracedAt), ConsoleFixture::now().addSecs(-600));
    QCOMPARE(rows[2].holds.size(), 2);
    QCOMPARE(rows[3].lfd, QDate());
    QCOMPARE(rows[3].vesselEta, WatchlistRow::fromDateTime(ConsoleFixture::now().addDays(3)));
    QVERIFY(rows[4].pickedUp());
    QCOMPARE(rows[5].lastError, u"Not found at the terminal"_s);
    QCOMPARE(rows[5].traceState, TraceState::Active);
}

void TestWatchlistModel::eventsNewestFirst_data()
{
    loadsRows_data();
}

void TestWatchlistModel::eventsNewestFirst()
{
    QFETCH(int, backend);
    if (Store::Backend(backend) == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set");
    TestDatabase database{Store::Backend(backend)};
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store);
    const Result<QList<qint64>> ids = ConsoleFixture::seed(*store.value());
    QVERIFY(ids);
    const Result<QList<Event>> events = WatchlistSource(*store.value()).events(ids->first());
    QVERIFY(events);
    QCOMPARE(events->size(), 3);
    QCOMPARE(events->at(0).code, EventCode::LfdChanged);
    QCOMPARE(events->at(2).code, EventCode::Discharged);
    QCOMPARE(events->at(2).raw.value(u"step"_s).toInt(), 0);
}

void TestWatchlistModel::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const QStringList n = ConsoleFixture::numbers();
    QTest::newRow("empty") << QString() << n;
    QTest::newRow("number, lower case") << n[2].left(6).toLower() << QStringList{n[2]};
    QTest::newRow("reference prefix") << u"po-"_s << QStringList{n[0], n[1], n[4]};
    QTest::newRow("vessel") << u"ever given"_s << QStringList{n[0], n[2]};
    QTest::newRow("bill of lading") << u"BL1003"_s << QStringList{n[3]};
    QTest::newRow("spaces trimmed") << u"  acme "_s << QStringList{n[2]};
    QTest::newRow("nothing") << u"zzz"_s << QStringList{};
}

void TestWatchlistModel::filters()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    // Typing letter by letter takes the narrowing path; the result must be the same.
    for (qsizetype length = 1; length <= text.size(); ++length)
        m_proxy->setFilterText(text.left(length));
    m_proxy->setFilterText(text);
    QStringList shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_proxy->index(row, WatchlistModel::NumberColumn).data().toString());
    QCOMPARE(shown, expected);
    m_proxy->setFilterText({});
    QCOMPARE(m_proxy->rowCount(), 6);
}

void TestWatchlistModel::views_data()
{
    QTest::addColumn<int>("view");
    QTest::addColumn<QList<int>>("expected"); // fixture indexes
    QTest::newRow("all") << int(WatchlistView::All) << QList<int>{0, 1, 2, 3, 4, 5};
    QTest::newRow("on hold") << int(WatchlistView::OnHold) << QList<int>{0, 2};
    QTest::newRow("lfd within 2 days") << int(WatchlistView::LfdWithinTwoDays) << QList<int>{0, 1, 2};
    QTest::newRow("available, not picked up") << int(WatchlistView::AvailableNotPickedUp) << QList<int>{0, 1};
    QTest::newRow("errors") << int(WatchlistView::Errors) << QList<int>{5};
}

void TestWatchlistModel::views()
{
    QFETCH(int, view);
    QFETCH(QList<int>, expected);
    m_proxy->setView(WatchlistView(view));
    const QStringList n = ConsoleFixture::numbers();
    QStringList wanted;
    for (const int index : expected)
        wanted.append(n[index]);
    QStringList shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_proxy->index(row, 0).data().toString());
    QCOMPARE(shown, wanted);
    // The view and the text filter combine.
    m_proxy->setFilterText(u"ever"_s);
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QVERIFY(m_proxy->index(row, WatchlistModel::VesselColumn).data().toString().contains(u"EVER"_s));
}

void TestWatchlistModel::sortsEveryColumn()
{
    for (int column = 0; column < WatchlistModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            m_proxy->sort(column, order);
            QCOMPARE(m_proxy->rowCount(), 6);
            QSet<QString> seen;
            for (int row = 0; row < 6; ++row)
                seen.insert(m_proxy->index(row, 0).data().toString());
            QCOMPARE(seen.size(), 6); // a permutation, nothing lost or doubled
        }
    }
    m_proxy->sort(WatchlistModel::NumberColumn, Qt::AscendingOrder);
    QStringList sorted = ConsoleFixture::numbers();
    sorted.sort();
    for (int row = 0; row < 6; ++row)
        QCOMPARE(m_proxy->index(row, 0).data().toString(), sorted[row]);
}

void TestWatchlistModel::sortPutsMissingLast()
{
    const QStringList n = ConsoleFixture::numbers();
    m_proxy->sort(WatchlistModel::LfdColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data().toString(), n[4]); // today - 3
    QCOMPARE(m_proxy->index(1, 0).data().toString(), n[0]); // today - 1
    QCOMPARE(m_proxy->index(3, 0).data().toString(), n[2]); // tomorrow
    m_proxy->sort(WatchlistModel::LfdColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data().toString(), n[2]);
    QVERIFY(m_proxy->index(4, WatchlistModel::LfdColumn).data().toString().isEmpty());
    QVERIFY(m_proxy->index(5, WatchlistModel::LfdColumn).data().toString().isEmpty());
    m_proxy->sort(WatchlistModel::HoldsColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data().toString(), n[2]); // two holds
}

void TestWatchlistModel::lfdTextAndColour_data()
{
    QTest::addColumn<int>("fixture");
    QTest::addColumn<QString>("daysLeft");
    QTest::addColumn<QColor>("colour");
    const QDate today = ConsoleFixture::today();
    QTest::newRow("overdue") << 0 << StatusPresentation::lfdDaysLeft(today.addDays(-1), today)
                             << StatusPresentation::lfdColor(today.addDays(-1), today);
    QTest::newRow("today") << 1 << StatusPresentation::lfdDaysLeft(today, today)
                           << StatusPresentation::lfdColor(today, today);
    QTest::newRow("tomorrow") << 2 << StatusPresentation::lfdDaysLeft(today.addDays(1), today)
                              << StatusPresentation::lfdColor(today.addDays(1), today);
    // Picked up: the date only, never "overdue", and no colour.
    QTest::newRow("picked up, not coloured") << 4 << today.addDays(-3).toString(Qt::ISODate) << QColor();
}

void TestWatchlistModel::lfdTextAndColour()
{
    QFETCH(int, fixture);
    QFETCH(QString, daysLeft);
    QFETCH(QColor, colour);
    const QModelIndex index = m_model->index(fixture, WatchlistModel::LfdColumn);
    QVERIFY(index.data().toString().contains(daysLeft));
    QCOMPARE(index.data(Qt::ForegroundRole).value<QColor>(), colour);
    if (fixture == 4)
        QCOMPARE(index.data().toString(), daysLeft);
    if (fixture != 4)
        QVERIFY(colour.isValid());
    // Holds: the chip role carries the types, the display text their labels.
    const QModelIndex holds = m_model->index(2, WatchlistModel::HoldsColumn);
    QCOMPARE(holds.data().toString(), StatusPresentation::holdLabel(HoldType::Line) + u", "_s +
                                          StatusPresentation::holdLabel(HoldType::Freight));
    QCOMPARE(holds.data(WatchlistModel::HoldTypesRole).toList().size(), 2);
}

void TestWatchlistModel::updateInPlaceKeepsRows()
{
    m_proxy->sort(WatchlistModel::ReferenceColumn, Qt::AscendingOrder);
    m_proxy->setFilterText(u"po-"_s);
    QCOMPARE(m_proxy->rowCount(), 3);
    QPersistentModelIndex first = m_proxy->index(0, 0);
    const QString firstNumber = first.data().toString();
    std::vector<WatchlistRow> rows = m_model->rows();
    // B leaves "po-" by reference but still matches through its vessel, and moves to the top.
    rows[1].reference = u"AAA-first"_s;
    rows[1].vessel = u"PO-VESSEL"_s;
    QSignalSpy resets(m_proxy.get(), &QAbstractItemModel::modelReset);
    m_model->setRows(rows);
    QCOMPARE(resets.size(), 0); // same rows shown: a layout change, not a reset
    QCOMPARE(m_proxy->rowCount(), 3);
    QCOMPARE(m_proxy->index(0, WatchlistModel::ReferenceColumn).data().toString(), u"AAA-first"_s);
    QVERIFY(first.isValid());
    QCOMPARE(first.data().toString(), firstNumber); // the persistent index followed its row
    rows[1].vessel.clear();
    m_model->setRows(rows); // B no longer matches
    QCOMPARE(m_proxy->rowCount(), 2);
}

void TestWatchlistModel::timelineModel()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store);
    const Result<QList<qint64>> ids = ConsoleFixture::seed(*store.value());
    QVERIFY(ids);
    EventTimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Result<QList<Event>> events = WatchlistSource(*store.value()).events(ids->first());
    QVERIFY(events);
    const QTimeZone zone("America/Los_Angeles");
    model.setEvents(events.value(), zone);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, EventTimelineModel::EventColumn).data().toString(), u"LFD changed"_s);
    QCOMPARE(model.index(0, 0).data(EventTimelineModel::EventCodeRole).toString(), u"LFD_CHANGED"_s);
    QVERIFY(model.index(0, EventTimelineModel::TimeColumn).data().toString().startsWith(u"observed "_s));
    const QString occurred = model.index(1, EventTimelineModel::TimeColumn).data().toString();
    QCOMPARE(occurred, EventTimelineModel::siteTime(ConsoleFixture::now().addDays(-3), zone));
    QVERIFY2(occurred.endsWith(u"(UTC-08:00)"_s), qPrintable(occurred)); // 7 March: still winter time
    QCOMPARE(model.index(1, EventTimelineModel::ProviderCodeColumn).data().toString(), u"Customs Hold"_s);
    QVERIFY(model.index(2, 0).data(EventTimelineModel::RawPayloadRole).toString().contains(u"\"step\": 0"_s));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestWatchlistModel)
#include "tst_watchlistmodel.moc"
