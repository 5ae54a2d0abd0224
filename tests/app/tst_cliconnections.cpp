// `quaywatch-cli connections` end to end: the real CLI binary, the real simulator over loopback
// HTTP, the real keychain (gnome-keyring on the private D-Bus session of
// scripts/with-test-services.sh) and a real database. Every test plants a unique password and
// checks that it shows up nowhere: not in any file the CLI wrote, not in its output, not in the
// database or the audit log.
#include "clirunner.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "testdatabases.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const char noBusReason[] = "no D-Bus session: run through scripts/with-test-services.sh";
const QString userName = u"ops@acme.example"_s;

QString canary()
{
    return u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class TestCliConnections final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectVerifyListDisconnect_data();
    void connectVerifyListDisconnect();
    void badPasswordIsReported();
    void updateKeepsTheSavedSecret();
    void whitespaceIsTrimmedWithWarning();
    void refusals_data();
    void refusals();
    void disconnectUnknownConnection();
    void noKeychainRefusesToStore();

private:
    void addContainerWithEvent(qint64 &eventsBefore);
    void verifyPasswordRemoved();
    CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
                  const QProcessEnvironment &environment = {});
    bool startSimulator(const QString &password);
    QStringList connectArguments() const;
    QJsonObject listedConnection(const QString &provider);
    void verifyCanaryAbsent(const QString &secret);
    std::unique_ptr<Store> openStore();

    bool m_haveBus = false;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_database; // PostgreSQL rows only
    QString m_location;
    QString m_entity;
    std::unique_ptr<CliRunner> m_runner; // HOME and XDG folders in m_dir; keeps the transcript
    std::unique_ptr<SimulatorProcess> m_sim;
};

void TestCliConnections::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(QFile::exists(CliRunner::program()), qPrintable(u"no CLI at "_s % CliRunner::program()));
}

void TestCliConnections::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_location = m_dir->filePath(u"quaywatch.sqlite"_s);
    // A fresh entity per test keeps keychain entries of one test away from the next.
    m_entity = u"test-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_runner = std::make_unique<CliRunner>(m_dir->path());
    m_database.reset();
}

void TestCliConnections::cleanup()
{
    m_sim.reset();
    m_database.reset();
    m_dir.reset();
}

CliRun TestCliConnections::runCli(const QStringList &arguments, const QByteArray &input,
                                  const QProcessEnvironment &environment)
{
    return m_runner->run(QStringList{u"--db"_s, m_location, u"--entity"_s, m_entity} + arguments, input, environment);
}

bool TestCliConnections::startSimulator(const QString &password)
{
    m_sim = std::make_unique<SimulatorProcess>();
    if (m_sim->start({u"--user"_s, userName % u':' % password}))
        return true;
    qWarning().noquote() << "simulator:" << m_sim->errorString();
    return false;
}

// The password is never on argv: it goes on stdin.
QStringList TestCliConnections::connectArguments() const
{
    return {u"connections"_s,     u"connect"_s,       u"ports_america"_s, u"--field"_s,    u"username="_s % userName,
            u"--secrets-stdin"_s, u"--environment"_s, u"uat"_s,           u"--base-url"_s, m_sim->baseUrl().toString()};
}

QJsonObject TestCliConnections::listedConnection(const QString &provider)
{
    const CliRun list = runCli({u"connections"_s, u"list"_s, u"--json"_s});
    if (list.exitCode != 0)
        return {};
    const QJsonArray connections = QJsonDocument::fromJson(list.out.toUtf8()).array();
    for (const QJsonValue &connection : connections) {
        if (connection.toObject().value(u"provider"_s).toString() == provider)
            return connection.toObject();
    }
    return {};
}

std::unique_ptr<Store> TestCliConnections::openStore()
{
    auto opened = Store::open(m_location, testClock());
    if (!opened)
        return {};
    return std::move(opened).value();
}

// The secret must not be in any file under the temp dir (database, WAL, settings, logs), in any
// output, nor (on PostgreSQL) in any stored connection or audit row.
void TestCliConnections::verifyCanaryAbsent(const QString &secret)
{
    int scanned = 0;
    const QString foundIn = secretFoundIn(m_dir->path(), m_runner->transcript(), secret, &scanned);
    QVERIFY2(foundIn.isEmpty(), qPrintable(u"the secret is in "_s % foundIn));
    QVERIFY(scanned > 0 || !QFile::exists(m_location));
    auto store = openStore();
    QVERIFY(store);
    const auto audit = store->auditEntries(m_entity);
    QVERIFY(audit.ok());
    for (const AuditEntry &entry : audit.value())
        QVERIFY(!entry.detail.contains(secret) && !entry.action.contains(secret));
    const auto connections = store->connections(m_entity);
    QVERIFY(connections.ok());
    for (const ConnectionRecord &record : connections.value()) {
        QVERIFY(!QJsonDocument(record.fields).toJson().contains(secret.toUtf8()));
        QVERIFY(!record.lastError.contains(secret));
    }
}

void TestCliConnections::connectVerifyListDisconnect_data()
{
    QTest::addColumn<Store::Backend>("backend");
    QTest::newRow("sqlite") << Store::Backend::Sqlite;
    QTest::newRow("postgres") << Store::Backend::Postgres;
}

// A container with one stored event, so a disconnect can show that history is kept.
void TestCliConnections::addContainerWithEvent(qint64 &eventsBefore)
{
    auto store = openStore();
    QVERIFY(store);
    WatchEntry entry;
    entry.containerNumber = u"MSCU1234566"_s;
    entry.entity = m_entity;
    entry.provider = u"ports_america"_s;
    const auto added = store->addContainer(entry);
    QVERIFY2(added.ok(), qPrintable(added.error().message));
    Event event;
    event.containerId = added->id;
    event.code = EventCode::Discharged;
    event.observedAt = QDateTime::currentDateTimeUtc();
    event.source = u"ports_america"_s;
    event.dedupeKey = u"test-discharged"_s;
    QVERIFY(store->insertEvents({event}).ok());
    eventsBefore = store->eventCount(m_entity).value();
    QCOMPARE(eventsBefore, 1);
}

void TestCliConnections::verifyPasswordRemoved()
{
    SecretStore secrets;
    std::optional<Result<QString>> read;
    QEventLoop loop;
    secrets.read(SecretStore::key(m_entity, u"ports_america"_s, u"password"_s), [&](Result<QString> result) {
        read.emplace(std::move(result));
        loop.quit();
    });
    if (!read)
        loop.exec();
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().kind, ErrorKind::NotFound);
}

void TestCliConnections::connectVerifyListDisconnect()
{
    QFETCH(Store::Backend, backend);
    if (!m_haveBus)
        QSKIP(noBusReason);
    if (backend == Store::Backend::Postgres) {
        if (!TestDatabase::postgresAvailable())
            QSKIP("QUAYWATCH_TEST_PG_URL is not set");
        m_database = std::make_unique<TestDatabase>(backend);
        QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
        m_location = m_database->location();
    }
    const QString secret = canary();
    QVERIFY(startSimulator(secret));

    const CliRun connected = runCli(connectArguments(), "password=" + secret.toUtf8() + '\n');
    QVERIFY2(connected.exitCode == 0, qPrintable(connected.err));
    QVERIFY2(connected.out.contains(u"connected as "_s % userName), qPrintable(connected.out));

    QJsonObject listed = listedConnection(u"ports_america"_s);
    QCOMPARE(listed.value(u"identifier"_s).toString(), userName);
    QCOMPARE(listed.value(u"status"_s).toString(), u"connected"_s);
    QCOMPARE(listed.value(u"environment"_s).toString(), u"uat"_s);
    QCOMPARE(listed.value(u"base_url"_s).toString(), m_sim->baseUrl().toString());
    QCOMPARE(listed.value(u"secrets"_s).toObject().value(u"password"_s).toString(), u"saved"_s);
    QVERIFY(!listed.value(u"last_verified_at"_s).toString().isEmpty());
    QVERIFY(listed.value(u"last_error"_s).isNull());
    const CliRun table = runCli({u"connections"_s, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(userName) && table.out.contains(u"password: saved"_s));

    const CliRun verified = runCli({u"connections"_s, u"verify"_s, u"ports_america"_s});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));

    // History outlives the connection.
    qint64 eventsBefore = 0;
    addContainerWithEvent(eventsBefore);
    if (QTest::currentTestFailed())
        return;
    const CliRun disconnected = runCli({u"connections"_s, u"disconnect"_s, u"ports_america"_s});
    QVERIFY2(disconnected.exitCode == 0, qPrintable(disconnected.err));
    QVERIFY(listedConnection(u"ports_america"_s).isEmpty());
    {
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(store->eventCount(m_entity).value(), eventsBefore);
        QCOMPARE(store->containers(m_entity).value().size(), 1);
        QStringList actions;
        const QList<AuditEntry> audit = store->auditEntries(m_entity).value();
        for (const AuditEntry &entry : audit) {
            actions.append(entry.action % u':' % entry.outcome);
            QCOMPARE(entry.provider, u"ports_america"_s);
            QVERIFY(!entry.user.isEmpty());
        }
        QCOMPARE(actions, QStringList({u"connect:ok"_s, u"verify:ok"_s, u"verify:ok"_s, u"disconnect:ok"_s}));
    }

    // The keychain entry is gone too.
    verifyPasswordRemoved();
    if (QTest::currentTestFailed())
        return;

    verifyCanaryAbsent(secret);
}

void TestCliConnections::badPasswordIsReported()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    QVERIFY(startSimulator(canary()));
    const QString wrong = canary();
    const CliRun connected = runCli(connectArguments(), "password=" + wrong.toUtf8() + '\n');
    QCOMPARE(connected.exitCode, 1);
    QVERIFY2(connected.err.contains(u"The user name or password is incorrect."_s), qPrintable(connected.err));

    const QJsonObject listed = listedConnection(u"ports_america"_s);
    QCOMPARE(listed.value(u"status"_s).toString(), u"error"_s);
    QCOMPARE(listed.value(u"last_error"_s).toString(), u"The user name or password is incorrect."_s);
    const CliRun verified = runCli({u"connections"_s, u"verify"_s, u"ports_america"_s});
    QCOMPARE(verified.exitCode, 1);
    QVERIFY(verified.err.contains(u"The user name or password is incorrect."_s));

    auto store = openStore();
    QVERIFY(store);
    const QList<AuditEntry> audit = store->auditEntries(m_entity).value();
    QCOMPARE(audit.size(), 3);
    QCOMPARE(audit.at(1).action, u"verify"_s);
    QCOMPARE(audit.at(1).outcome, u"error"_s);
    QCOMPARE(audit.at(1).detail, u"The user name or password is incorrect."_s);
    store.reset();
    QVERIFY(runCli({u"connections"_s, u"disconnect"_s, u"ports_america"_s}).exitCode == 0);
    verifyCanaryAbsent(wrong);
}

void TestCliConnections::updateKeepsTheSavedSecret()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QString secret = canary();
    QVERIFY(startSimulator(secret));
    QCOMPARE(runCli(connectArguments(), "password=" + secret.toUtf8() + '\n').exitCode, 0);

    // Update without secrets: the stored password stays and still verifies.
    const CliRun updated =
        runCli({u"connections"_s, u"connect"_s, u"ports_america"_s, u"--field"_s, u"username="_s % userName});
    QVERIFY2(updated.exitCode == 0, qPrintable(updated.err));
    QVERIFY(updated.out.contains(u"updated"_s));
    const QJsonObject listed = listedConnection(u"ports_america"_s);
    QCOMPARE(listed.value(u"status"_s).toString(), u"connected"_s);
    QCOMPARE(listed.value(u"base_url"_s).toString(), m_sim->baseUrl().toString());

    auto store = openStore();
    QVERIFY(store);
    QStringList actions;
    const QList<AuditEntry> audit = store->auditEntries(m_entity).value();
    for (const AuditEntry &entry : audit)
        actions.append(entry.action);
    QCOMPARE(actions, QStringList({u"connect"_s, u"verify"_s, u"update"_s, u"verify"_s}));
    store.reset();
    QCOMPARE(runCli({u"connections"_s, u"disconnect"_s, u"ports_america"_s}).exitCode, 0);
    verifyCanaryAbsent(secret);
}

void TestCliConnections::whitespaceIsTrimmedWithWarning()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QString secret = canary();
    QVERIFY(startSimulator(secret));
    QStringList arguments = connectArguments();
    arguments[4] = u"username=  "_s % userName % u" "_s;
    const CliRun connected = runCli(arguments, "password=  " + secret.toUtf8() + " \r\n");
    QVERIFY2(connected.exitCode == 0, qPrintable(connected.err));
    QVERIFY(connected.err.contains(u"warning: whitespace was trimmed from the value of username"_s));
    QVERIFY(connected.err.contains(u"warning: whitespace was trimmed from the value of password"_s));
    QCOMPARE(listedConnection(u"ports_america"_s).value(u"identifier"_s).toString(), userName);
    QCOMPARE(runCli({u"connections"_s, u"disconnect"_s, u"ports_america"_s}).exitCode, 0);
    verifyCanaryAbsent(secret);
}

void TestCliConnections::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("secretOnStdin");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList base{u"connections"_s, u"connect"_s, u"ports_america"_s};
    QTest::newRow("secret via --field") << (base + QStringList{u"--field"_s, u"username=u"_s, u"--field"_s,
                                                               u"password=CANARY"_s})
                                        << false << 2 << u"is a secret and is refused on the command line"_s;
    QTest::newRow("secret via --field=") << (base + QStringList{u"--field=password=CANARY"_s}) << false << 2
                                         << u"--secrets-stdin"_s;
    QTest::newRow("password missing") << (base + QStringList{u"--field"_s, u"username=u"_s}) << false << 2
                                      << u"missing required fields: password"_s;
    QTest::newRow("username missing") << (base + QStringList{u"--secrets-stdin"_s}) << true << 2
                                      << u"missing required fields: username"_s;
    QTest::newRow("unknown field") << (base + QStringList{u"--field"_s, u"colour=red"_s}) << false << 2
                                   << u"has no field colour"_s;
    QTest::newRow("bad environment") << (base + QStringList{u"--environment"_s, u"staging"_s}) << false << 2
                                     << u"production or uat"_s;
    QTest::newRow("plain http elsewhere")
        << (base + QStringList{u"--field"_s, u"username=u"_s, u"--base-url"_s, u"http://example.com"_s}) << true << 2
        << u"--base-url"_s;
    QTest::newRow("provider not in the catalog")
        << QStringList{u"connections"_s, u"connect"_s, u"envase"_s, u"--secrets-stdin"_s} << true << 1
        << u"unknown provider envase"_s;
    QTest::newRow("no subcommand") << QStringList{u"connections"_s} << false << 2 << u"usage"_s;
}

void TestCliConnections::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, secretOnStdin);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString secret = canary();
    arguments.replaceInStrings(u"CANARY"_s, secret);
    const CliRun run = runCli(arguments, secretOnStdin ? "password=" + secret.toUtf8() + '\n' : QByteArray());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY2(!run.out.contains(secret) && !run.err.contains(secret), "the secret was echoed");
    if (QFile::exists(m_location)) {
        const CliRun list = runCli({u"connections"_s, u"list"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
        verifyCanaryAbsent(secret);
    }
}

void TestCliConnections::disconnectUnknownConnection()
{
    const CliRun run = runCli({u"connections"_s, u"disconnect"_s, u"ports_america"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"is not connected"_s), qPrintable(run.err));
    const CliRun verify = runCli({u"connections"_s, u"verify"_s, u"ports_america"_s});
    QCOMPARE(verify.exitCode, 1);
}

void TestCliConnections::noKeychainRefusesToStore()
{
    // No session bus and no X11 display: QtKeychain cannot reach any Secret Service.
    QProcessEnvironment environment = m_runner->environment();
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    const QString secret = canary();
    const CliRun connected =
        runCli({u"connections"_s, u"connect"_s, u"ports_america"_s, u"--field"_s, u"username="_s % userName,
                u"--secrets-stdin"_s, u"--base-url"_s, u"http://127.0.0.1:9"_s},
               "password=" + secret.toUtf8() + '\n', environment);
    QCOMPARE(connected.exitCode, 1);
    QVERIFY2(connected.err.contains(u"No keychain is available"_s), qPrintable(connected.err));
    QVERIFY(connected.err.contains(u"never stores secrets in plain text"_s));

    const CliRun list = runCli({u"connections"_s, u"list"_s, u"--json"_s}, {}, environment);
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    verifyCanaryAbsent(secret);
}

QTEST_GUILESS_MAIN(TestCliConnections)
#include "tst_cliconnections.moc"
