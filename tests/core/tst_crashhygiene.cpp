// Crash hygiene: after install() the process writes no core file, and a fatal error ends a real
// child process with one clean line on stderr instead of an abort and a stack trace.
#include "crashhygiene.h"

#include <QProcess>
#include <QTest>

#include <csignal>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr const char *childVariable = "QUAYWATCH_CRASHHYGIENE_CHILD";

// The child half: install the hygiene, then fail in the way the parent asked for.
int runChild(const QByteArray &how)
{
    CrashHygiene::install("quaywatch-test");
    if (how == "qfatal")
        qFatal("the store lost its connection");
    if (how == "exception")
        throw std::runtime_error("exception nobody caught");
    if (how == "segfault")
        std::raise(SIGSEGV);
    return 0;
}

} // namespace

class TstCrashHygiene final : public QObject
{
    Q_OBJECT

private slots:
    void coreDumpsAreDisabled();
    void fatalLineIsOneLine();
    void fatalErrorPrintsCleanLine_data();
    void fatalErrorPrintsCleanLine();
};

void TstCrashHygiene::coreDumpsAreDisabled()
{
    QVERIFY(CrashHygiene::disableCoreDumps());
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(limit.rlim_max, rlim_t(0));
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    QVERIFY(CrashHygiene::coreDumpsDisabled());
}

void TstCrashHygiene::fatalLineIsOneLine()
{
    const QByteArray line = CrashHygiene::fatalLine("quaywatch", "first\nsecond\n");
    QVERIFY(!line.contains('\n'));
    QVERIFY(line.startsWith("quaywatch: fatal error: first second; no data was lost"));
}

void TstCrashHygiene::fatalErrorPrintsCleanLine_data()
{
    QTest::addColumn<QByteArray>("how");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<bool>("killedBySignal");
    QTest::newRow("qFatal") << "qfatal"_ba
                            << "the store lost its connection"_ba << false;
    QTest::newRow("uncaught exception") << "exception"_ba
                                        << "exception nobody caught"_ba << false;
    QTest::newRow("segmentation fault") << "segfault"_ba
                                        << "crashed on signal 11"_ba << true;
}

void TstCrashHygiene::fatalErrorPrintsCleanLine()
{
    QFETCH(QByteArray, how);
    QFETCH(QByteArray, reason);
    QFETCH(bool, killedBySignal);

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(childVariable), QString::fromLatin1(how));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(20000));

    const QByteArray errorOutput = child.readAllStandardError();
    QCOMPARE(errorOutput, "quaywatch-test: fatal error: " + reason +
                              "; no data was lost: every saved change is committed to the database; "
                              "restart to continue\n");
    QCOMPARE(child.exitStatus(), killedBySignal ? QProcess::CrashExit : QProcess::NormalExit);
    if (!killedBySignal)
        QCOMPARE(child.exitCode(), EXIT_FAILURE);
}

int main(int argc, char *argv[])
{
    if (const QByteArray how = qgetenv(childVariable); !how.isEmpty())
        return runChild(how);
    QCoreApplication app(argc, argv);
    TstCrashHygiene test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashhygiene.moc"
