// Notifications: the detector on rows before and after a sync, the bounded in-app list under
// QAbstractItemModelTester, and the whole path in the window (store written as a sync writes it,
// the watchlist reloaded in the background, one notification, none for switched-off kinds).
#include "consolefixture.h"
#include "consolesettings.h"
#include "mainwindow.h"
#include "notificationcenter.h"
#include "notificationdetector.h"
#include "notificationlistmodel.h"
#include "seededconsole.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "watchlistpage.h"

#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QSettings>
#include <QToolButton>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

WatchlistRow row(qint64 id, QList<HoldType> holds = {}, std::optional<bool> available = {}, QDate lfd = {})
{
    WatchlistRow result;
    result.id = id;
    result.number = u"MSCU%1"_s.arg(id, 7, 10, QChar(u'0'));
    for (const HoldType type : holds)
        result.holds.append({type, holdTypeName(type)});
    result.available = available;
    result.lfd = lfd;
    result.lastTracedAt = 1; // traced before, unless a case says otherwise
    return result;
}

const QDate today(2026, 3, 10);

} // namespace

Q_DECLARE_METATYPE(WatchlistRow)

class TestNotifications final : public QObject
{
    Q_OBJECT

private:
    void setKinds(bool holds, bool available, bool lfd);
    void releaseCustomsHoldOfA();

    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

private Q_SLOTS:
    void initTestCase();
    void init();
    void detects_data();
    void detects();
    void lfdTomorrowOncePerDay();
    void listModelIsBounded();
    void syncReleasingHoldNotifiesOnce();
    void switchedOffKindsProduceNone();
    void lfdTomorrowOnFirstLoad();
};

void TestNotifications::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_notifications"_s);
}

void TestNotifications::init()
{
    QSettings().clear();
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void TestNotifications::setKinds(bool holds, bool available, bool lfd)
{
    ConsoleSettings::setValue(ConsoleSettings::Key::NotifyHoldReleased, holds);
    ConsoleSettings::setValue(ConsoleSettings::Key::NotifyAvailable, available);
    ConsoleSettings::setValue(ConsoleSettings::Key::NotifyLfdTomorrow, lfd);
}

void TestNotifications::detects_data()
{
    QTest::addColumn<WatchlistRow>("before");
    QTest::addColumn<WatchlistRow>("after");
    QTest::addColumn<QList<int>>("kinds");
    const QDate tomorrow = today.addDays(1);
    QTest::newRow("hold released") << row(1, {HoldType::Customs}) << row(1)
                                   << QList<int>{int(NotificationKind::HoldReleased)};
    QTest::newRow("one of two released") << row(1, {HoldType::Line, HoldType::Freight}) << row(1, {HoldType::Line})
                                         << QList<int>{int(NotificationKind::HoldReleased)};
    QTest::newRow("hold added") << row(1) << row(1, {HoldType::Usda}) << QList<int>{};
    QTest::newRow("became available") << row(1, {}, false) << row(1, {}, true)
                                      << QList<int>{int(NotificationKind::BecameAvailable)};
    QTest::newRow("available first seen")
        << row(1) << row(1, {}, true) << QList<int>{int(NotificationKind::BecameAvailable)};
    QTest::newRow("still available") << row(1, {}, true) << row(1, {}, true) << QList<int>{};
    WatchlistRow neverTraced = row(1);
    neverTraced.lastTracedAt = WatchlistRow::noTime;
    QTest::newRow("first trace finds it available") << neverTraced << row(1, {}, true) << QList<int>{};
    QTest::newRow("released and available")
        << row(1, {HoldType::Customs}, false) << row(1, {}, true)
        << QList<int>{int(NotificationKind::HoldReleased), int(NotificationKind::BecameAvailable)};
    QTest::newRow("lfd tomorrow") << row(1) << row(1, {}, {}, tomorrow)
                                  << QList<int>{int(NotificationKind::LfdTomorrow)};
    QTest::newRow("lfd in two days") << row(1) << row(1, {}, {}, today.addDays(2)) << QList<int>{};
    WatchlistRow pickedUp = row(1, {}, true, tomorrow);
    pickedUp.outgatedAt = 1;
    QTest::newRow("picked up") << row(1, {}, false) << pickedUp << QList<int>{};
}

void TestNotifications::detects()
{
    QFETCH(WatchlistRow, before);
    QFETCH(WatchlistRow, after);
    QFETCH(QList<int>, kinds);
    NotificationDetector detector;
    const QList<Notification> found =
        detector.changes({before}, {after}, today, QDateTime::currentDateTimeUtc(), NotificationKinds());
    QList<int> foundKinds;
    for (const Notification &notification : found) {
        foundKinds.append(int(notification.kind));
        QCOMPARE(notification.containerId, after.id);
        QVERIFY(notification.text.contains(after.number));
    }
    QCOMPARE(foundKinds, kinds);
    // Switched off, nothing at all.
    NotificationKinds none;
    none.holdReleased = none.becameAvailable = none.lfdTomorrow = false;
    QVERIFY(NotificationDetector().changes({before}, {after}, today, {}, none).isEmpty());
}

void TestNotifications::lfdTomorrowOncePerDay()
{
    NotificationDetector detector;
    const std::vector<WatchlistRow> rows = {row(1, {}, {}, today.addDays(1)), row(2, {}, {}, today.addDays(2))};
    QCOMPARE(detector.changes(rows, rows, today, {}, {}).size(), 1);
    QCOMPARE(detector.changes(rows, rows, today, {}, {}).size(), 0); // the next sync the same day
    QCOMPARE(detector.lfdTomorrow(rows, 0, rows.size(), today, {}).size(), 0);
    const QList<Notification> nextDay = detector.changes(rows, rows, today.addDays(1), {}, {});
    QCOMPARE(nextDay.size(), 1);
    QCOMPARE(nextDay.first().containerId, 2);
}

void TestNotifications::listModelIsBounded()
{
    NotificationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Notification> batch;
    for (int i = 0; i < 150; ++i)
        batch.append({NotificationKind::HoldReleased, i, u"N%1"_s.arg(i), u"text %1"_s.arg(i), {}});
    model.add(batch);
    QCOMPARE(model.rowCount(), 150);
    QCOMPARE(model.index(0).data(NotificationListModel::ContainerIdRole).toLongLong(), 149); // newest first
    model.add(batch);
    QCOMPARE(model.rowCount(), NotificationListModel::capacity);
    model.add(batch + batch);
    QCOMPARE(model.rowCount(), NotificationListModel::capacity);
    QVERIFY(model.index(0).data().toString().contains(u"text 149"_s));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

// What a sync cycle does when the terminal released A's customs hold: the engine writes the new
// snapshot and the backend says the watchlist changed.
void TestNotifications::releaseCustomsHoldOfA()
{
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
}

void TestNotifications::syncReleasingHoldNotifiesOnce()
{
    setKinds(true, true, false);
    MainWindow window(*m_console.backend);
    QStringList tray;
    window.notificationCenter()->setMessenger(
        [&tray](const QString &title, const QString &text) { tray.append(title + u": "_s + text); });
    QSignalSpy loaded(window.watchlistPage(), &WatchlistPage::loaded);
    window.watchlistPage()->reloadInBackground();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(window.notificationCenter()->list()->rowCount(), 0);

    releaseCustomsHoldOfA();
    QVERIFY(loaded.wait(5000));
    NotificationListModel *list = window.notificationCenter()->list();
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(list->rowCount(), 1);
    const Notification &notification = list->notifications().first();
    QCOMPARE(notification.kind, NotificationKind::HoldReleased);
    QCOMPARE(notification.number, ConsoleFixture::numbers().first());
    QVERIFY(notification.text.contains(u"Customs hold released"_s));
    QCOMPARE(notification.at, m_console.clock->now()); // the console's clock, not the system's
    QCOMPARE(tray.size(), 1);
    QVERIFY(tray.first().startsWith(u"Hold released: "_s));
    QCOMPARE(window.notificationButton()->text(), u"Notifications (1)"_s);
    // Opening the list marks them read.
    window.notificationButton()->click();
    QVERIFY(window.notificationDock()->isVisibleTo(&window));
    QCOMPARE(window.notificationCenter()->unread(), 0);

    // The same state again (the next sync) says nothing new.
    Q_EMIT m_console.backend->watchlistChanged();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(tray.size(), 1);
}

void TestNotifications::switchedOffKindsProduceNone()
{
    setKinds(false, true, false);
    MainWindow window(*m_console.backend);
    int messages = 0;
    window.notificationCenter()->setMessenger([&messages](const QString &, const QString &) { ++messages; });
    QSignalSpy loaded(window.watchlistPage(), &WatchlistPage::loaded);
    window.watchlistPage()->reloadInBackground();
    QVERIFY(loaded.wait(5000));
    releaseCustomsHoldOfA();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(window.notificationCenter()->list()->rowCount(), 0);
    QCOMPARE(messages, 0);
}

// C's LFD is tomorrow: told once when the console first loads, not again on the next sync.
void TestNotifications::lfdTomorrowOnFirstLoad()
{
    setKinds(false, false, true);
    MainWindow window(*m_console.backend);
    QSignalSpy loaded(window.watchlistPage(), &WatchlistPage::loaded);
    window.watchlistPage()->reloadInBackground();
    QVERIFY(loaded.wait(5000));
    NotificationListModel *list = window.notificationCenter()->list();
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->notifications().first().kind, NotificationKind::LfdTomorrow);
    QCOMPARE(list->notifications().first().number, ConsoleFixture::numbers().at(2));
    Q_EMIT m_console.backend->watchlistChanged();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(list->rowCount(), 1);
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
