// The Debian package the build makes installs like a desktop application: cpack builds the .deb
// from this build folder, dpkg-deb unpacks it into a scratch root, and every file must be where
// the desktop and the shell look for it; the unpacked executables start. Skips only when dpkg-deb
// is missing (not a Debian system).
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString appId = QStringLiteral(QUAYWATCH_APP_ID);
constexpr bool withGui = QUAYWATCH_WITH_GUI;

struct ToolRun
{
    int exitCode = -1;
    QString output;
};

ToolRun runTool(const QString &program, const QStringList &arguments, const QString &workingDirectory = QString(),
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(workingDirectory);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(400000))
        return {-1, program % u" did not finish: "_s % process.errorString()};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

} // namespace

class TstDebPackage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void packageControlFields();
    void filesWhereTheDesktopExpects_data();
    void filesWhereTheDesktopExpects();
    void executablesStart_data();
    void executablesStart();

private:
    QTemporaryDir m_work;
    QString m_deb;
    QString m_root;
};

void TstDebPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(u"dpkg-deb"_s).isEmpty())
        QSKIP("dpkg-deb is not installed (not a Debian system): the .deb cannot be built or unpacked");
    QVERIFY(m_work.isValid());
    const ToolRun cpack =
        runTool(QStringLiteral(QUAYWATCH_CPACK_COMMAND),
                {u"-G"_s, u"DEB"_s, u"--config"_s, QStringLiteral(QUAYWATCH_CPACK_CONFIG), u"-B"_s, m_work.path()},
                m_work.path());
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
    const QStringList debs = QDir(m_work.path()).entryList({u"quaywatch_*.deb"_s}, QDir::Files);
    QVERIFY2(debs.size() == 1, qPrintable(cpack.output));
    m_deb = m_work.filePath(debs.first());
    m_root = m_work.filePath(u"root"_s);
    const ToolRun extract = runTool(u"dpkg-deb"_s, {u"-x"_s, m_deb, m_root});
    QVERIFY2(extract.exitCode == 0, qPrintable(extract.output));
}

void TstDebPackage::packageControlFields()
{
    const ToolRun fields = runTool(u"dpkg-deb"_s, {u"-f"_s, m_deb, u"Package"_s, u"Architecture"_s, u"Depends"_s});
    QVERIFY2(fields.exitCode == 0, qPrintable(fields.output));
    QVERIFY2(fields.output.contains(u"Package: quaywatch\n"_s), qPrintable(fields.output));
    QVERIFY2(fields.output.contains(u"Architecture: "_s), qPrintable(fields.output));
    for (const QString &dependency :
         {u"libqt6core6"_s, u"libqt6network6"_s, u"libqt6sql6"_s, u"libqt6sql6-sqlite"_s, u"libqt6httpserver6"_s,
          u"libqt6keychain1"_s, u"libqt6widgets6"_s, u"libqt6charts6"_s})
        QVERIFY2(fields.output.contains(dependency), qPrintable(dependency));
}

void TstDebPackage::filesWhereTheDesktopExpects_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("cli") << u"usr/bin/quaywatch-cli"_s;
    QTest::newRow("simulator") << u"usr/bin/quaywatch-sim"_s;
    QTest::newRow("user guide") << u"usr/share/doc/quaywatch/watching-containers.md"_s;
    QTest::newRow("worker service") << u"usr/lib/systemd/system/quaywatch-worker.service"_s;
    if (!withGui)
        return;
    QTest::newRow("console") << u"usr/bin/quaywatch"_s;
    QTest::newRow("desktop file") << u"usr/share/applications/"_s % appId % u".desktop"_s;
    QTest::newRow("metainfo") << u"usr/share/metainfo/"_s % appId % u".metainfo.xml"_s;
    QTest::newRow("scalable icon") << u"usr/share/icons/hicolor/scalable/apps/"_s % appId % u".svg"_s;
    const QStringList sizes = QStringLiteral(QUAYWATCH_ICON_SIZES).split(u' ', Qt::SkipEmptyParts);
    for (const QString &size : sizes) {
        const QString path = u"usr/share/icons/hicolor/"_s % size % u'x' % size % u"/apps/"_s % appId % u".png"_s;
        QTest::newRow(qPrintable(size % u" px icon"_s)) << path;
    }
}

void TstDebPackage::filesWhereTheDesktopExpects()
{
    QFETCH(QString, path);
    const QFileInfo file(m_root % u'/' % path);
    QVERIFY2(file.isFile(), qPrintable(path % u" is not in the package"_s));
    QVERIFY(file.size() > 0);
    if (path.startsWith(u"usr/bin/"_s))
        QVERIFY2(file.isExecutable(), qPrintable(path % u" is not executable"_s));
}

void TstDebPackage::executablesStart_data()
{
    QTest::addColumn<QString>("binary");
    QTest::newRow("quaywatch-cli") << u"quaywatch-cli"_s;
    QTest::newRow("quaywatch-sim") << u"quaywatch-sim"_s;
    if (withGui)
        QTest::newRow("quaywatch") << u"quaywatch"_s;
}

void TstDebPackage::executablesStart()
{
    QFETCH(QString, binary);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const ToolRun run = runTool(m_root % u"/usr/bin/"_s % binary, {u"--help"_s}, m_work.path(), environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.output.contains(u"Usage"_s, Qt::CaseInsensitive), qPrintable(run.output));
}

QTEST_GUILESS_MAIN(TstDebPackage)

#include "tst_debpackage.moc"
