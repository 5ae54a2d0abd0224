// A language picked in Settings applies at once, without a restart: the console builds its window
// again in that language (ConsoleSession, as main() runs it), on the same page, with the choice saved
// for the next start. Checked on what the user sees: the sidebar titles and the Settings page's own
// labels (the schedule rules from core among them), in Dutch, then Spanish, then back to English.
#include "consolefixture.h"
#include "consolesession.h"
#include "consolewiring.h"
#include "mainwindow.h"
#include "schedulepolicy.h"
#include "schedulerulemodel.h"
#include "seededconsole.h"
#include "settingspage.h"
#include "translations.h"
#include "watchlistpage.h"

#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QSettings>
#include <QTableView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestLanguageSwitch final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

    // Picks code in the Settings page's language box as a user does (the activated signal).
    static void choose(MainWindow &window, const QString &code)
    {
        auto *box = window.settingsPage()->findChild<QComboBox *>(u"language"_s);
        QVERIFY(box);
        const int index = box->findData(code);
        QVERIFY2(index >= 0, qPrintable(code));
        box->setCurrentIndex(index);
        Q_EMIT box->activated(index);
    }

    static QStringList groupTitles(MainWindow &window)
    {
        QStringList titles;
        for (const QGroupBox *group : window.settingsPage()->findChildren<QGroupBox *>())
            titles.append(group->title());
        return titles;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsFolder.isValid());
        ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_languageswitch"_s);
    }

    void init()
    {
        QSettings().clear();
        Translations::install(*QCoreApplication::instance(), u"en"_s);
        const QString opened = m_console.reopen();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
    }

    void cleanup()
    {
        Translations::install(*QCoreApplication::instance(), u"en"_s);
        m_console.close();
    }

    void switchesWithoutRestart()
    {
        int prepared = 0;
        int rebuiltPrepares = 0;
        ConsoleSession session(*m_console.store, *m_console.backend, u"quaywatch-test"_s,
                               [&](MainWindow &, ConsoleWiring &, bool rebuilt) {
                                   ++prepared;
                                   rebuiltPrepares += rebuilt ? 1 : 0;
                               });
        session.build();
        session.window().showPage(MainWindow::Page::Settings);
        session.window().show();
        QVERIFY(session.window().sidebarTitles().contains(u"Settings"_s));
        QVERIFY(groupTitles(session.window()).contains(u"Language"_s));

        QSignalSpy rebuilt(&session, &ConsoleSession::rebuilt);
        choose(session.window(), u"nl"_s);
        QVERIFY(rebuilt.wait(10000));
        QCOMPARE(Translations::chosenLanguage(), u"nl"_s); // remembered for the next start
        QVERIFY2(session.window().sidebarTitles().contains(u"Instellingen"_s),
                 qPrintable(session.window().sidebarTitles().join(u", "_s)));
        QVERIFY(!session.window().sidebarTitles().contains(u"Settings"_s));
        QVERIFY(groupTitles(session.window()).contains(u"Taal"_s));
        // The schedule rules come from core in English and are shown translated.
        const auto *schedule = session.window().settingsPage()->findChild<QTableView *>();
        QVERIFY(schedule);
        const QList<ScheduleRule> &rules = SchedulePolicy::rules();
        for (int row = 0; row < schedule->model()->rowCount(); ++row) {
            const QString shown = schedule->model()->index(row, ScheduleRuleModel::DescriptionColumn).data().toString();
            QVERIFY2(shown != rules.at(row).description, qPrintable(shown));
        }
        QCOMPARE(schedule->model()->index(0, ScheduleRuleModel::DescriptionColumn).data().toString(),
                 u"Geannuleerd, verlopen of afgerond: niet meer traceren"_s);
        QCOMPARE(session.window().currentPage(), MainWindow::Page::Settings); // the same page
        QVERIFY(session.window().isVisible());
        // The new window's box shows the choice.
        QCOMPARE(session.window().settingsPage()->findChild<QComboBox *>(u"language"_s)->currentData().toString(),
                 u"nl"_s);

        choose(session.window(), u"es"_s);
        QVERIFY(rebuilt.wait(10000));
        QVERIFY2(session.window().sidebarTitles().contains(u"Ajustes"_s),
                 qPrintable(session.window().sidebarTitles().join(u", "_s)));
        QCOMPARE(QLocale().language(), QLocale::Spanish); // dates and numbers follow

        choose(session.window(), u"en"_s);
        QVERIFY(rebuilt.wait(10000));
        QVERIFY(session.window().sidebarTitles().contains(u"Settings"_s));
        QCOMPARE(rebuilt.count(), 3);
        QCOMPARE(prepared, 4);
        QCOMPARE(rebuiltPrepares, 3);
        // The rebuilt window is a working console: its watchlist loads the store's rows.
        QVERIFY(QTest::qWaitFor([&] { return !session.window().watchlistPage()->isLoading(); }, 10000));
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
