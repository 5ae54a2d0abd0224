// README command 1 without a display: `quaywatch --demo --screenshot FILE --view VIEW` starts the
// console against the built-in simulator, syncs, renders the view to a PNG and exits 0.
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDemo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshotOfEachView_data();
    void screenshotOfEachView();
};

void TestDemo::screenshotOfEachView_data()
{
    QTest::addColumn<QString>("view");
    for (const QString &view : {u"watchlist"_s, u"dashboard"_s, u"datasources"_s, u"audit"_s})
        QTest::newRow(qPrintable(view)) << view;
}

void TestDemo::screenshotOfEachView()
{
    QFETCH(QString, view);
    const QString program = qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/gui/quaywatch"_s;
    if (!QFileInfo(program).isExecutable())
        QSKIP("the console is not built (QUAYWATCH_BUILD_GUI=OFF)");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Never the user's settings or data; the offscreen platform stands in for a display.
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.remove(u"QUAYWATCH_DB"_s);
    const QString png = home.filePath(view + u".png"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, {u"--demo"_s, u"--screenshot"_s, png, u"--view"_s, view});
    QVERIFY2(process.waitForFinished(60000), "the demo did not finish within a minute");
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(err));
    QVERIFY2(out.contains(u"Screenshot written to "_s + png), qPrintable(out));
    const QImage image(png);
    QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
    QVERIFY(image.width() >= 800 && image.height() >= 500);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
