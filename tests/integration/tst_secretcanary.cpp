// The secret canary (SPEC section 12): a unique secret is planted, then every flow runs with
// debug logging on and private HOME/XDG folders: connect, verify, sync against the simulator,
// exports. The secret must appear in no output and no file the programs wrote. Without a D-Bus
// session the keychain error is shown and no secret reaches the disk.
#include "clirunner.h"
#include "simulatorprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestSecretCanary final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyFlow();
    void outboundSecrets();
    void noDbusLeavesNothing();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}, bool withBus = true);
    void scanFor(const QString &secret);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestSecretCanary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
}

CliRun TestSecretCanary::cli(const QStringList &arguments, const QByteArray &input, bool withBus)
{
    QProcessEnvironment environment = m_cli->environment();
    if (!withBus) {
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
    }
    return m_cli->run(QStringList{u"--db"_s, m_dir->filePath(u"quaywatch.sqlite"_s), u"--entity"_s, u"canary"_s} +
                          arguments,
                      input, environment);
}

void TestSecretCanary::scanFor(const QString &secret)
{
    int scanned = 0;
    const QString foundIn = secretFoundIn(m_dir->path(), m_cli->transcript(), secret, &scanned);
    QVERIFY2(foundIn.isEmpty(), qPrintable(u"the secret is in "_s + foundIn));
    QVERIFY(scanned > 0);
}

void TestSecretCanary::everyFlow()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    const QString secret = u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
    SimulatorProcess sim;
    QVERIFY2(sim.start({u"--user"_s, u"ops:"_s % secret, u"--speed"_s, u"3600"_s}), qPrintable(sim.errorString()));
    const QString base = sim.baseUrl().toString();
    const QByteArray stdinSecret = "password=" + secret.toUtf8() + '\n';

    CliRun run = cli({u"connections"_s, u"connect"_s, u"ports_america"_s, u"--field"_s, u"username=ops"_s,
                      u"--secrets-stdin"_s, u"--base-url"_s, base},
                     stdinSecret);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = cli({u"connections"_s, u"connect"_s, u"psa_eportal"_s, u"--field"_s, u"username=ops"_s, u"--secrets-stdin"_s,
               u"--base-url"_s, base % u"/dockflow/psa"_s},
              stdinSecret);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(cli({u"connections"_s, u"verify"_s, u"ports_america"_s}).exitCode == 0, qPrintable(m_cli->transcript()));
    QVERIFY(cli({u"connections"_s, u"verify"_s, u"psa_eportal"_s}).exitCode == 0);
    // A wrong secret is a second canary: it travels in a failing verification.
    const QString wrong = u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
    run = cli({u"connections"_s, u"connect"_s, u"t_mining_src"_s, u"--field"_s, u"username=ops"_s, u"--secrets-stdin"_s,
               u"--base-url"_s, base % u"/dockflow/tmining"_s},
              "password=" + wrong.toUtf8() + '\n');
    QCOMPARE(run.exitCode, 1);
    QVERIFY(cli({u"connections"_s, u"list"_s, u"--json"_s}).exitCode == 0);

    run = cli({u"watch"_s, u"add"_s, u"MSCU1234566"_s, u"--provider"_s, u"ports_america"_s, u"--site"_s, u"PNCT_NJ"_s,
               u"--data"_s, u"truckingCompanyCode=PFCH"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = cli({u"sync"_s, u"--once"_s, u"--all"_s});
    QVERIFY2(run.exitCode == 0 || run.exitCode == 3, qPrintable(run.err));
    QVERIFY2(sim.stats().value(u"availability_requests"_s).toInt() > 0, "the sync never reached the simulator");
    for (const QString &report : {u"watchlist"_s, u"audit"_s, u"events"_s}) {
        for (const QString &format : {u"csv"_s, u"json"_s}) {
            run = cli(
                {u"export"_s, report, u"--format"_s, format, u"--output"_s, m_dir->filePath(report % u'.' % format)});
            QVERIFY2(run.exitCode == 0, qPrintable(report % u": "_s % run.err));
        }
    }
    QVERIFY(cli({u"connections"_s, u"disconnect"_s, u"t_mining_src"_s}).exitCode == 0);
    scanFor(secret);
    scanFor(wrong);
    QVERIFY(cli({u"connections"_s, u"disconnect"_s, u"ports_america"_s}).exitCode == 0);
    QVERIFY(cli({u"connections"_s, u"disconnect"_s, u"psa_eportal"_s}).exitCode == 0);
}

// The outbound side (issue 17): PortPro's client id and secret and a webhook's signing secret go in
// on stdin and through the keychain only; verifying PortPro, adding, testing, listing and draining a
// destination leave them in no output and no file.
void TestSecretCanary::outboundSecrets()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    const QString clientId = u"canary-id-"_s % QUuid::createUuid().toString(QUuid::Id128);
    const QString clientSecret = u"canary-secret-"_s % QUuid::createUuid().toString(QUuid::Id128);
    const QString signing = u"canary-signing-"_s % QUuid::createUuid().toString(QUuid::Id128);
    SimulatorProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    sim.postJson(u"/_sim/receivers/canary"_s, {{u"secret"_s, signing}});
    sim.postJson(u"/_sim/portpro/config"_s, {{u"clientId"_s, clientId}, {u"clientSecret"_s, clientSecret}});

    CliRun run = cli({u"connections"_s, u"connect"_s, u"portpro"_s, u"--secrets-stdin"_s, u"--base-url"_s,
                      sim.url(u"/portpro/v1"_s).toString()},
                     "clientId=" + clientId.toUtf8() + "\nclientSecret=" + clientSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(400)));
    run = cli({u"connections"_s, u"verify"_s, u"portpro"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(m_cli->transcript()));
    run = cli({u"outbound"_s, u"add-webhook"_s, u"--name"_s, u"canary"_s, u"--url"_s,
               sim.url(u"/receivers/webhook/canary"_s).toString(), u"--secret-stdin"_s},
              signing.toUtf8() + '\n');
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = cli({u"watch"_s, u"add"_s, u"MSCU1234566"_s, u"--provider"_s, u"ports_america"_s, u"--site"_s, u"PNCT_NJ"_s,
               u"--data"_s, u"truckingCompanyCode=PFCH"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (const QStringList &arguments : {QStringList{u"outbound"_s, u"list"_s}, QStringList{u"outbound"_s, u"status"_s},
                                         QStringList{u"outbound"_s, u"dry-run"_s, u"--destination"_s, u"canary"_s},
                                         QStringList{u"outbound"_s, u"drain"_s, u"--seconds"_s, u"10"_s},
                                         QStringList{u"connections"_s, u"list"_s, u"--json"_s}}) {
        run = cli(arguments);
        QVERIFY2(run.exitCode == 0 || run.exitCode == 3, qPrintable(arguments.join(u' ') + u": "_s + run.err));
    }
    for (const QString &report : {u"audit"_s, u"events"_s}) {
        run = cli({u"export"_s, report, u"--format"_s, u"json"_s, u"--output"_s, m_dir->filePath(report % u".json"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(report % u": "_s % run.err));
    }
    scanFor(clientId);
    scanFor(clientSecret);
    scanFor(signing);
    // The refresh tokens PortPro issued on the way live in the keychain only.
    const QJsonArray issued = sim.getJson(u"/_sim/portpro"_s).object().value(u"issuedRefreshTokens"_s).toArray();
    QVERIFY2(!issued.isEmpty(), "verifying PortPro obtained no token");
    for (const QJsonValue &token : issued)
        scanFor(token.toString());
    QVERIFY(cli({u"outbound"_s, u"remove"_s, u"--destination"_s, u"canary"_s, u"--yes"_s}).exitCode == 0);
    QVERIFY(cli({u"connections"_s, u"disconnect"_s, u"portpro"_s}).exitCode == 0);
}

void TestSecretCanary::noDbusLeavesNothing()
{
    const QString secret = u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
    const CliRun run = cli({u"connections"_s, u"connect"_s, u"ect_myterminal"_s, u"--field"_s, u"clientId=ops"_s,
                            u"--secrets-stdin"_s, u"--base-url"_s, u"http://127.0.0.1:9"_s},
                           "clientSecret=" + secret.toUtf8() + "\nsubscriptionKey=" + secret.toUtf8() + '\n', false);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"No keychain is available"_s), qPrintable(run.err));
    QVERIFY(run.err.contains(u"never stores secrets in plain text"_s));
    const CliRun list = cli({u"connections"_s, u"list"_s, u"--json"_s}, {}, false);
    QCOMPARE(list.exitCode, 0);
    QVERIFY(!list.out.contains(u"ect_myterminal"_s));
    scanFor(secret);
}

QTEST_GUILESS_MAIN(TestSecretCanary)
#include "tst_secretcanary.moc"
