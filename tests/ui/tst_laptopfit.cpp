// The console on a laptop: with every page installed as main() wires them, in each shipped language,
// no page forces the window wider or taller than a 1280x720 screen (once shown, including Mapping) or
// scrolls sideways inside it (with the demo data's payloads on Mapping),
// and the watchlist's filter keeps room for its text.
#include "consolefixture.h"
#include "consolewiring.h"
#include "mainwindow.h"
#include "pageregistry.h"
#include "seededconsole.h"
#include "translations.h"
#include "watchlistpage.h"

#include <QApplication>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestLaptopFit final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyPageFits1280x720_data();
    void everyPageFits1280x720();
};

void TestLaptopFit::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_laptopfit"_s);
}

void TestLaptopFit::cleanupTestCase()
{
    Translations::install(*qApp, u"en"_s);
}

void TestLaptopFit::everyPageFits1280x720_data()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : Translations::availableLanguages())
        QTest::newRow(qPrintable(language)) << language;
}

void TestLaptopFit::everyPageFits1280x720()
{
    QFETCH(QString, language);
    QSettings().clear();
    QCOMPARE(Translations::install(*qApp, language), language);
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    {
        MainWindow window(*m_console.backend);
        ConsoleWiring wiring(*m_console.store, *m_console.backend, window, u"quaywatch-test"_s);
        window.watchlistPage()->reload();
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList problems;
        for (const PageDescription &page : PageRegistry::pages()) {
            window.showPage(page.page);
            QCoreApplication::processEvents();
            const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
            if (minimum.width() > 1280 || minimum.height() > 720 || window.width() > 1280)
                problems.append(u"%1: needs %2x%3, window %4 wide"_s.arg(QString::fromLatin1(page.id))
                                    .arg(minimum.width())
                                    .arg(minimum.height())
                                    .arg(window.width()));
            // Nor does it hide part of itself behind a sideways scroll bar, nor do the scroll areas
            // inside it (Data sources' cards); tables may scroll their columns.
            QWidget *shown = window.pageWidget(page.page);
            QList<QScrollArea *> areas = shown->findChildren<QScrollArea *>();
            areas.append(qobject_cast<QScrollArea *>(shown->parentWidget()->parentWidget()));
            for (const QScrollArea *area : std::as_const(areas)) {
                if (area && area->isVisible() && area->horizontalScrollBar()->maximum() > 0)
                    problems.append(u"%1: %2 scrolls sideways by %3 px"_s.arg(QString::fromLatin1(page.id))
                                        .arg(area->objectName())
                                        .arg(area->horizontalScrollBar()->maximum()));
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The filter box keeps room for more than "Fi…".
        window.showPage(MainWindow::Page::Watchlist);
        QCoreApplication::processEvents();
        QLineEdit *filter = window.watchlistPage()->filterEdit();
        QVERIFY(filter->width() >= filter->fontMetrics().averageCharWidth() * 28);
    }
    m_console.close();
}

QTEST_MAIN(TestLaptopFit)
#include "tst_laptopfit.moc"
