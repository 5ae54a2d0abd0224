// Settings: keys and defaults from one table, switches persisted through QSettings, the schedule
// table identical to SchedulePolicy::rules() (under QAbstractItemModelTester), the database shown.
#include "consolefixture.h"
#include "consolesettings.h"
#include "schedulerulemodel.h"
#include "settingspage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaults_data();
    void defaults();
    void switchesPersist_data();
    void switchesPersist();
    void scheduleTableMatchesPolicy();
    void intervalText_data();
    void intervalText();
    void showsDatabaseLocation();
    void webhookAddressIsCheckedBeforeSaving();
};

void TestSettingsPage::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_settingspage"_s);
}

void TestSettingsPage::init()
{
    QSettings().clear();
}

void TestSettingsPage::defaults_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("hold released") << int(ConsoleSettings::Key::NotifyHoldReleased) << u"notifications/holdReleased"_s;
    QTest::newRow("available") << int(ConsoleSettings::Key::NotifyAvailable) << u"notifications/available"_s;
    QTest::newRow("lfd tomorrow") << int(ConsoleSettings::Key::NotifyLfdTomorrow) << u"notifications/lfdTomorrow"_s;
    QTest::newRow("tray") << int(ConsoleSettings::Key::TrayMessages) << u"notifications/tray"_s;
}

void TestSettingsPage::defaults()
{
    QFETCH(int, key);
    QFETCH(QString, name);
    const auto settingsKey = ConsoleSettings::Key(key);
    QCOMPARE(ConsoleSettings::name(settingsKey), name);
    QCOMPARE(ConsoleSettings::defaultValue(settingsKey), QVariant(true));
    QVERIFY(ConsoleSettings::isOn(settingsKey)); // nothing stored: the default
    SettingsPage page(u"/tmp/x.sqlite"_s);
    QVERIFY(page.checkBox(settingsKey));
    QVERIFY(page.checkBox(settingsKey)->isChecked());
}

void TestSettingsPage::switchesPersist_data()
{
    defaults_data();
}

void TestSettingsPage::switchesPersist()
{
    QFETCH(int, key);
    QFETCH(QString, name);
    const auto settingsKey = ConsoleSettings::Key(key);
    {
        SettingsPage page(u"/tmp/x.sqlite"_s);
        page.checkBox(settingsKey)->click();
        QVERIFY(!page.checkBox(settingsKey)->isChecked());
    }
    QSettings stored;
    stored.sync();
    QCOMPARE(stored.value(name).toBool(), false);
    QVERIFY(!ConsoleSettings::isOn(settingsKey));
    SettingsPage again(u"/tmp/x.sqlite"_s);
    QVERIFY(!again.checkBox(settingsKey)->isChecked());
    // The other switches are untouched.
    for (const auto other : {ConsoleSettings::Key::NotifyHoldReleased, ConsoleSettings::Key::NotifyAvailable,
                             ConsoleSettings::Key::NotifyLfdTomorrow, ConsoleSettings::Key::TrayMessages}) {
        if (other != settingsKey)
            QVERIFY(again.checkBox(other)->isChecked());
    }
    again.checkBox(settingsKey)->click();
    QVERIFY(ConsoleSettings::isOn(settingsKey));
}

void TestSettingsPage::scheduleTableMatchesPolicy()
{
    SettingsPage page(u"/tmp/x.sqlite"_s);
    QAbstractItemModel *model = page.scheduleTable()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ScheduleRule> &rules = SchedulePolicy::rules();
    QVERIFY(!rules.isEmpty());
    QCOMPARE(model->rowCount(), rules.size());
    QCOMPARE(model->columnCount(), 3);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, ScheduleRuleModel::NameColumn).data().toString(), rules[row].name);
        QCOMPARE(model->index(row, ScheduleRuleModel::DescriptionColumn).data().toString(), rules[row].description);
        QCOMPARE(model->index(row, ScheduleRuleModel::IntervalColumn).data().toString(),
                 ScheduleRuleModel::intervalText(rules[row].intervalSeconds));
    }
    QCOMPARE(page.scheduleTable()->editTriggers(), QAbstractItemView::NoEditTriggers);
    QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsEditable));
}

void TestSettingsPage::intervalText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << qint64(-1) << u"no more traces"_s;
    QTest::newRow("15 minutes") << qint64(900) << u"every 15 minute(s)"_s;
    QTest::newRow("12 hours") << qint64(12 * 3600) << u"every 12 hour(s)"_s;
    QTest::newRow("90 seconds") << qint64(90) << u"every 90 second(s)"_s;
}

void TestSettingsPage::intervalText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    const std::optional<qint64> interval = seconds < 0 ? std::nullopt : std::optional<qint64>(seconds);
    QCOMPARE(ScheduleRuleModel::intervalText(interval), text);
}

void TestSettingsPage::showsDatabaseLocation()
{
    SettingsPage page(u"/home/coordinator/.local/share/quaywatch/quaywatch.sqlite"_s);
    QCOMPARE(page.databaseLabel()->text(), u"/home/coordinator/.local/share/quaywatch/quaywatch.sqlite"_s);
}

void TestSettingsPage::webhookAddressIsCheckedBeforeSaving()
{
    SettingsPage page(u"db"_s);
    QSignalSpy changed(&page, &SettingsPage::webhookListenChanged);
    QCOMPARE(page.webhookListenEdit()->text(), u"127.0.0.1:8787"_s); // loopback by default

    QTest::keyClick(page.webhookListenEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(page.webhookListenEdit(), u"not an address"_s);
    QTest::keyClick(page.webhookListenEdit(), Qt::Key_Return);
    const auto *problem = page.findChild<QLabel *>(u"webhookListenProblem"_s);
    QVERIFY(problem && !problem->text().isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(SettingsPage::webhookListen(), u"127.0.0.1:8787"_s); // nothing saved

    QVERIFY(page.setWebhookListen(u" 127.0.0.1:9090 "_s));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), u"127.0.0.1:9090"_s);
    QCOMPARE(SettingsPage::webhookListen(), u"127.0.0.1:9090"_s);
    QVERIFY(problem->text().isEmpty());
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
