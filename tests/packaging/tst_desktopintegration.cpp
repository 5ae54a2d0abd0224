// The desktop file and the AppStream metainfo configure_file wrote validate with the tools desktops
// and software centres use, name the app id and the binary, and the icon exists as SVG and as every
// hicolor PNG size, rendered at the size its folder promises.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString appId = QStringLiteral(QUAYWATCH_APP_ID);
const QString packagingDir = QStringLiteral(QUAYWATCH_PACKAGING_DIR);

struct ToolRun
{
    int exitCode = -1;
    QString output;
};

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {-1, u"did not finish: "_s + process.errorString()};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TstDesktopIntegration final : public QObject
{
    Q_OBJECT

private slots:
    void desktopFileValidates();
    void desktopFileNamesBinaryAndIcon();
    void metainfoValidates();
    void metainfoMatchesDesktopFile();
    void iconsRendered_data();
    void iconsRendered();
};

void TstDesktopIntegration::desktopFileValidates()
{
    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    QVERIFY2(!validator.isEmpty(), "desktop-file-validate is missing: install desktop-file-utils");
    const ToolRun run = runTool(validator, {packagingDir % u'/' % appId % u".desktop"_s});
    QVERIFY2(run.exitCode == 0 && run.output.trimmed().isEmpty(), qPrintable(run.output));
}

void TstDesktopIntegration::desktopFileNamesBinaryAndIcon()
{
    const QString desktop = readText(packagingDir % u'/' % appId % u".desktop"_s);
    QVERIFY(!desktop.isEmpty());
    QVERIFY(desktop.contains(u"\nExec=quaywatch\n"_s));
    QVERIFY(desktop.contains(u"\nIcon="_s % appId % u'\n'));
    QVERIFY2(!desktop.contains(u'@'), "a configure_file placeholder was left unfilled");
}

void TstDesktopIntegration::metainfoValidates()
{
    const QString validator = QStandardPaths::findExecutable(u"appstreamcli"_s);
    QVERIFY2(!validator.isEmpty(), "appstreamcli is missing: install appstream");
    const ToolRun run =
        runTool(validator, {u"validate"_s, u"--no-net"_s, packagingDir % u'/' % appId % u".metainfo.xml"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
}

void TstDesktopIntegration::metainfoMatchesDesktopFile()
{
    const QString metainfo = readText(packagingDir % u'/' % appId % u".metainfo.xml"_s);
    QVERIFY(metainfo.contains(u"<id>"_s % appId % u"</id>"_s));
    QVERIFY(metainfo.contains(u"<launchable type=\"desktop-id\">"_s % appId % u".desktop</launchable>"_s));
    QVERIFY(metainfo.contains(u"<binary>quaywatch</binary>"_s));
    QVERIFY(metainfo.contains(u"<release version=\""_s));
    QVERIFY2(!metainfo.contains(u'@'), "a configure_file placeholder was left unfilled");
}

void TstDesktopIntegration::iconsRendered_data()
{
    QTest::addColumn<int>("size");
    const QStringList sizes = QStringLiteral(QUAYWATCH_ICON_SIZES).split(u' ', Qt::SkipEmptyParts);
    for (const QString &size : sizes)
        QTest::newRow(qPrintable(size % u'x' % size)) << size.toInt();
}

void TstDesktopIntegration::iconsRendered()
{
    QFETCH(int, size);
    const QString path =
        packagingDir % u"/icons/"_s % QString::number(size) % u'x' % QString::number(size) % u'/' % appId % u".png"_s;
    QImage icon;
    QVERIFY2(icon.load(path, "PNG"), qPrintable(path));
    QCOMPARE(icon.size(), QSize(size, size));
    QVERIFY(icon.hasAlphaChannel());
    // Transparent corners (the rounded square), an opaque middle.
    QCOMPARE(qAlpha(icon.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255);
}

QTEST_GUILESS_MAIN(TstDesktopIntegration)

#include "tst_desktopintegration.moc"
