// The worker as a systemd service (quaywatch-worker.service): the packaged unit is valid and
// hardened, and a worker given its secrets as systemd credentials ($CREDENTIALS_DIRECTORY) traces
// without a keychain while the secret canary shows up in no file, output, argv or environment.
// systemd itself is not started (CI has no service manager); the worker runs exactly as systemd
// would start it: the credentials directory in its environment, no D-Bus session. Its entity is
// its own ("workerservice"): tests running in parallel share one Secret Service.
#include "clirunner.h"
#include "simulatorprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringBuilder>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString unitPath = QStringLiteral(QUAYWATCH_WORKER_TEST_UNIT);
const QString credentialName = u"quaywatch.workerservice.ports_america.password"_s;

struct Output
{
    int exitCode = -1;
    QString text;
};

Output runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {-1, u"did not finish: "_s % process.errorString()};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

QByteArray procFile(qint64 pid, const char *name)
{
    QFile file(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1StringView(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWorkerService final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void unitVerifies();
    void unitIsHardened();
    void exportCredentialPrintsNoSecret();
    void missingCredentialIsNamed();
    void serviceWorkerUsesCredentialsOnly();

private:
    QProcessEnvironment serviceEnvironment() const;
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}, bool asService = false);
    bool connectWithKeychain(const QString &baseUrl, const QString &secret);
    void writeCredential(const QString &secret);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_credentials; // outside m_home: it holds the secret on purpose
    std::unique_ptr<CliRunner> m_cli;
};

void TestWorkerService::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_credentials = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid() && m_credentials->isValid());
    m_cli = std::make_unique<CliRunner>(m_home->path());
}

QProcessEnvironment TestWorkerService::serviceEnvironment() const
{
    // What systemd gives the service: a credentials directory, no desktop session.
    QProcessEnvironment environment = m_cli->environment();
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    environment.remove(u"DISPLAY"_s);
    environment.insert(u"CREDENTIALS_DIRECTORY"_s, m_credentials->path());
    return environment;
}

CliRun TestWorkerService::cli(const QStringList &arguments, const QByteArray &input, bool asService)
{
    const QStringList global{u"--db"_s, m_home->filePath(u"quaywatch.sqlite"_s), u"--entity"_s, u"workerservice"_s};
    return m_cli->run(global + arguments, input, asService ? serviceEnvironment() : m_cli->environment());
}

bool TestWorkerService::connectWithKeychain(const QString &baseUrl, const QString &secret)
{
    // The manager connects once on a desktop (keychain); the record is what the worker shares.
    const CliRun run = cli({u"connections"_s, u"connect"_s, u"ports_america"_s, u"--field"_s, u"username=ops"_s,
                            u"--secrets-stdin"_s, u"--base-url"_s, baseUrl},
                           "password=" + secret.toUtf8() + '\n');
    if (run.exitCode != 0)
        qWarning() << run.err;
    return run.exitCode == 0;
}

void TestWorkerService::writeCredential(const QString &secret)
{
    QFile file(QDir(m_credentials->path()).filePath(credentialName));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(secret.toUtf8() + '\n'); // as systemd-ask-password | systemd-creds encrypt leaves it
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner));
}

void TestWorkerService::unitVerifies()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    QVERIFY2(!analyze.isEmpty(), "systemd-analyze is missing: scripts/install-deps.sh installs the systemd package");
    QVERIFY(QFile::exists(unitPath));
    const Output verified = runTool(analyze, {u"verify"_s, unitPath});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.text));
    QVERIFY2(!verified.text.contains(u"quaywatch-worker"_s), qPrintable(verified.text)); // no warning about it
}

void TestWorkerService::unitIsHardened()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    QVERIFY(!analyze.isEmpty());
    const Output security = runTool(analyze, {u"security"_s, u"--offline=true"_s, unitPath});
    QVERIFY2(security.exitCode == 0, qPrintable(security.text));
    const QRegularExpression overall(u"Overall exposure level for [^:]+: ([0-9]+\\.[0-9])"_s);
    const QRegularExpressionMatch match = overall.match(security.text);
    QVERIFY2(match.hasMatch(), qPrintable(security.text));
    const double exposure = match.captured(1).toDouble();
    QVERIFY2(exposure <= 3.0, qPrintable(u"exposure %1 > 3.0:\n"_s.arg(exposure) % security.text));
    for (const QString &setting : {u"DynamicUser="_s, u"ProtectSystem="_s, u"NoNewPrivileges="_s}) {
        const QRegularExpression failed(u"^\\s*✗ "_s % QRegularExpression::escape(setting),
                                        QRegularExpression::MultilineOption);
        QVERIFY2(!failed.match(security.text).hasMatch(), qPrintable(setting));
    }
    QFile unit(unitPath);
    QVERIFY(unit.open(QIODevice::ReadOnly));
    QVERIFY(unit.readAll().contains("Restart=on-failure"));
}

void TestWorkerService::exportCredentialPrintsNoSecret()
{
    CliRun run = cli({u"connections"_s, u"export-credential"_s, u"ports_america"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"systemd-creds encrypt --name="_s % credentialName % u" - /etc/credstore.encrypted/"_s %
                              credentialName),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(u"LoadCredentialEncrypted="_s % credentialName % u":/etc/credstore.encrypted/"_s %
                              credentialName),
             qPrintable(run.out));
    QVERIFY(run.out.contains(u"systemd-ask-password"_s));
    run = cli({u"connections"_s, u"export-credential"_s, u"no_such_provider"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(u"unknown provider"_s));
}

void TestWorkerService::missingCredentialIsNamed()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    SimulatorProcess sim;
    const QString secret = u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY2(sim.start({u"--user"_s, u"ops:"_s % secret, u"--speed"_s, u"3600"_s}), qPrintable(sim.errorString()));
    QVERIFY(connectWithKeychain(sim.baseUrl().toString(), secret));
    QCOMPARE(cli({u"watch"_s, u"add"_s, u"MSCU1234566"_s, u"--provider"_s, u"ports_america"_s, u"--site"_s,
                  u"PNCT_NJ"_s, u"--data"_s, u"truckingCompanyCode=PFCH"_s})
                 .exitCode,
             0);
    // The service has a credentials directory without this connection's credential.
    const CliRun run = cli({u"sync"_s, u"--once"_s, u"--all"_s}, {}, true);
    QVERIFY2(run.exitCode != 0, qPrintable(run.out));
    QVERIFY2(run.err.contains(credentialName) && run.err.contains(u"LoadCredentialEncrypted="_s), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"connect again"_s), qPrintable(run.err)); // the keychain advice does not apply
    // Connecting is a desktop's job; a service refuses to store a secret.
    const CliRun connect = cli({u"connections"_s, u"connect"_s, u"ports_america"_s, u"--field"_s, u"username=ops"_s,
                                u"--secrets-stdin"_s, u"--base-url"_s, sim.baseUrl().toString()},
                               "password=" + secret.toUtf8() + '\n', true);
    QCOMPARE(connect.exitCode, 1);
    QVERIFY2(connect.err.contains(u"read-only"_s), qPrintable(connect.err));
    QVERIFY(cli({u"connections"_s, u"disconnect"_s, u"ports_america"_s}).exitCode == 0);
}

void TestWorkerService::serviceWorkerUsesCredentialsOnly()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    SimulatorProcess sim;
    const QString secret = u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY2(sim.start({u"--user"_s, u"ops:"_s % secret, u"--speed"_s, u"3600"_s}), qPrintable(sim.errorString()));
    QVERIFY(connectWithKeychain(sim.baseUrl().toString(), secret));
    QCOMPARE(cli({u"watch"_s, u"add"_s, u"MSCU1234566"_s, u"--provider"_s, u"ports_america"_s, u"--site"_s,
                  u"PNCT_NJ"_s, u"--data"_s, u"truckingCompanyCode=PFCH"_s})
                 .exitCode,
             0);
    // Without a D-Bus session the keychain cannot answer: only the credential can authenticate.
    writeCredential(secret);

    // A long-running worker, started as systemd starts it.
    QProcess worker;
    worker.setProcessEnvironment(serviceEnvironment());
    worker.start(CliRunner::program(),
                 {u"--db"_s, m_home->filePath(u"quaywatch.sqlite"_s), u"--entity"_s, u"workerservice"_s, u"sync"_s});
    QVERIFY(worker.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(sim.stats().value(u"availability_requests"_s).toInt() > 0, 30000);
    const QByteArray environ = procFile(worker.processId(), "environ");
    const QByteArray cmdline = procFile(worker.processId(), "cmdline");
    QVERIFY(!environ.isEmpty() && !cmdline.isEmpty());
    QVERIFY2(!environ.contains(secret.toUtf8()), "the secret is in the worker's environment");
    QVERIFY2(!cmdline.contains(secret.toUtf8()), "the secret is on the worker's command line");
    worker.terminate();
    QVERIFY(worker.waitForFinished(15000) || (worker.kill(), worker.waitForFinished(5000)));
    const QString transcript = m_cli->transcript() % QString::fromUtf8(worker.readAllStandardOutput()) %
                               QString::fromUtf8(worker.readAllStandardError());
    QVERIFY2(!transcript.contains(u"Cannot read"_s), qPrintable(transcript));

    int scanned = 0;
    const QString foundIn = secretFoundIn(m_home->path(), transcript, secret, &scanned);
    QVERIFY2(foundIn.isEmpty(), qPrintable(u"the secret is in "_s + foundIn));
    QVERIFY(scanned > 0);
    QVERIFY(cli({u"connections"_s, u"disconnect"_s, u"ports_america"_s}).exitCode == 0);
}

QTEST_GUILESS_MAIN(TestWorkerService)
#include "tst_workerservice.moc"
