// A keychain fault costs a connection one cycle, never the worker: the real quaywatch-cli against the
// real Secret Service (gnome-keyring on a private D-Bus session this test starts, so stopping or
// locking it touches no other test), with the daemon stopped by SIGSTOP and with the keyring locked
// over D-Bus. Each time the exact reason is printed, the loop-mode worker and its webhook listener
// keep running, and the next cycle after the fault is gone traces everything.
#include "containernumber.h"
#include "simulatorprocess.h"
#include "store.h"
#include "testdatabases.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString provider = u"ports_america"_s;
const QString lockedReason = u"the keyring is locked: unlock it in your desktop's password manager"_s;
const QString timeoutReason = u"The keychain did not answer within 10 seconds"_s;
const QByteArray keyringPassword = "quaywatch-keyring-faults";
const QByteArray webhookToken = "keychain-faults-webhook-token-0123456789";

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

// A session bus and a gnome-keyring of its own, unlocked, gone with this object.
class PrivateKeyring final
{
public:
    PrivateKeyring() = default;
    PrivateKeyring(const PrivateKeyring &) = delete;
    PrivateKeyring &operator=(const PrivateKeyring &) = delete;
    ~PrivateKeyring()
    {
        if (m_keyringPid > 0) {
            ::kill(pid_t(m_keyringPid), SIGCONT);
            ::kill(pid_t(m_keyringPid), SIGTERM);
        }
        QDBusConnection::disconnectFromBus(connectionName);
        if (m_busPid > 0)
            ::kill(pid_t(m_busPid), SIGTERM);
    }

    bool start()
    {
        QProcess bus;
        bus.start(u"dbus-daemon"_s, {u"--session"_s, u"--fork"_s, u"--print-address=1"_s, u"--print-pid=1"_s});
        if (!bus.waitForFinished(15000) || bus.exitCode() != 0)
            return fail(u"dbus-daemon did not start: "_s + QString::fromLocal8Bit(bus.readAllStandardError()));
        const QStringList lines = QString::fromLocal8Bit(bus.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        if (lines.size() < 2)
            return fail(u"dbus-daemon printed no address"_s);
        m_address = lines.at(0).trimmed();
        m_busPid = lines.at(1).trimmed().toLongLong();
        QDir(m_home.path()).mkpath(u"data/keyrings"_s);
        QProcess keyring;
        keyring.setProcessEnvironment(environment());
        keyring.start(u"gnome-keyring-daemon"_s, {u"--unlock"_s, u"--components=secrets"_s});
        keyring.write(keyringPassword);
        keyring.closeWriteChannel();
        if (!keyring.waitForFinished(15000))
            return fail(u"gnome-keyring-daemon did not start"_s);
        m_bus = QDBusConnection::connectToBus(m_address, connectionName);
        if (!m_bus.isConnected())
            return fail(u"cannot reach the private bus"_s);
        const bool registered = waitUntil(
            [this] {
                const QDBusReply<bool> owned = m_bus.interface()->isServiceRegistered(u"org.freedesktop.secrets"_s);
                return owned.isValid() && owned.value();
            },
            15000);
        if (!registered)
            return fail(u"gnome-keyring-daemon did not register the Secret Service"_s);
        const QDBusReply<uint> pid = m_bus.interface()->servicePid(u"org.freedesktop.secrets"_s);
        m_keyringPid = pid.isValid() ? qint64(pid.value()) : 0;
        return m_keyringPid > 0 || fail(u"no pid for the Secret Service"_s);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_address);
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.remove(u"GNOME_KEYRING_CONTROL"_s);
        return env;
    }

    void stop() const { ::kill(pid_t(m_keyringPid), SIGSTOP); }
    void resume() const { ::kill(pid_t(m_keyringPid), SIGCONT); }

    bool lock()
    {
        QDBusMessage call = QDBusMessage::createMethodCall(service, u"/org/freedesktop/secrets"_s,
                                                           u"org.freedesktop.Secret.Service"_s, u"Lock"_s);
        call << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(defaultCollection)});
        const QDBusMessage reply = m_bus.call(call, QDBus::Block, 10000);
        return reply.type() == QDBusMessage::ReplyMessage && isLocked();
    }

    // gnome-keyring's own interface for unlocking without a prompt (the one its PAM module uses).
    bool unlock()
    {
        QDBusMessage open = QDBusMessage::createMethodCall(service, u"/org/freedesktop/secrets"_s,
                                                           u"org.freedesktop.Secret.Service"_s, u"OpenSession"_s);
        open << u"plain"_s << QVariant::fromValue(QDBusVariant(QString()));
        const QDBusMessage opened = m_bus.call(open, QDBus::Block, 10000);
        if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2)
            return false;
        const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();
        QDBusMessage unlock = QDBusMessage::createMethodCall(
            service, u"/org/freedesktop/secrets"_s, u"org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"_s,
            u"UnlockWithMasterPassword"_s);
        QDBusArgument secret;
        secret.beginStructure();
        secret << session << QByteArray() << keyringPassword << u"text/plain"_s;
        secret.endStructure();
        unlock << QVariant::fromValue(QDBusObjectPath(u"/org/freedesktop/secrets/collection/login"_s))
               << QVariant::fromValue(secret);
        const QDBusMessage reply = m_bus.call(unlock, QDBus::Block, 10000);
        if (reply.type() != QDBusMessage::ReplyMessage)
            qWarning().noquote() << "unlock:" << reply.errorMessage();
        return reply.type() == QDBusMessage::ReplyMessage && !isLocked();
    }

    bool isLocked()
    {
        QDBusInterface collection(service, defaultCollection, u"org.freedesktop.Secret.Collection"_s, m_bus);
        return collection.property("Locked").toBool();
    }

    QString error() const { return m_error; }

private:
    inline static const QString connectionName = u"quaywatch-private-keyring"_s;
    inline static const QString service = u"org.freedesktop.secrets"_s;
    inline static const QString defaultCollection = u"/org/freedesktop/secrets/aliases/default"_s;

    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    QTemporaryDir m_home;
    QString m_address;
    qint64 m_busPid = 0;
    qint64 m_keyringPid = 0;
    QDBusConnection m_bus{QString()};
    QString m_error;
};

} // namespace

class TestKeychainFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void lockedKeyringSkipsTheConnectionPerCycle();
    void stoppedSecretServiceSkipsTheConnectionPerCycle();

private:
    QString cli() const { return qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/cli/quaywatch-cli"_s; }
    bool connectProvider();
    bool startWorker();
    int listenerAnswers();
    int tracedLines() const;

    std::unique_ptr<PrivateKeyring> m_keyring;
    std::unique_ptr<SimulatorProcess> m_sim;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<QProcess> m_worker;
    QString m_workerErr;
    QString m_workerOut;
    quint16 m_listenPort = 0;
};

void TestKeychainFaults::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("QUAYWATCH_BIN_DIR"), "run through ctest (QUAYWATCH_BIN_DIR)");
    if (QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s).isEmpty())
        QSKIP("gnome-keyring-daemon is not installed");
}

void TestKeychainFaults::init()
{
    m_keyring = std::make_unique<PrivateKeyring>();
    QVERIFY2(m_keyring->start(), qPrintable(m_keyring->error()));
    m_sim = std::make_unique<SimulatorProcess>();
    QVERIFY2(m_sim->start({u"--speed"_s, u"0"_s}), qPrintable(m_sim->errorString()));
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    QVERIFY(m_database->isValid());
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    QList<WatchEntry> entries;
    for (int serial = 1; serial <= 20; ++serial) {
        const QString firstTen = u"KEYU"_s + QString::number(serial).rightJustified(6, u'0');
        WatchEntry entry;
        entry.containerNumber = firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
        entry.provider = provider;
        entry.site = u"WBCT_LA"_s;
        entries.append(entry);
    }
    QVERIFY(store.value()->addContainers(entries).ok());
    QVERIFY(connectProvider());
}

void TestKeychainFaults::cleanup()
{
    if (m_worker) {
        m_worker->kill();
        m_worker->waitForFinished();
    }
    m_worker.reset();
    m_database.reset();
    m_sim.reset();
    m_keyring.reset();
    m_workerErr.clear();
    m_workerOut.clear();
}

bool TestKeychainFaults::connectProvider()
{
    QProcess connect;
    connect.setProcessEnvironment(m_keyring->environment());
    connect.start(cli(), {u"--db"_s, m_database->location(), u"connections"_s, u"connect"_s, provider, u"--field"_s,
                          u"username=demo"_s, u"--secrets-stdin"_s, u"--base-url"_s, m_sim->baseUrl().toString()});
    connect.write("password=demo\n");
    connect.closeWriteChannel();
    const bool finished = connect.waitForFinished(60000);
    if (!finished || connect.exitCode() != 0)
        qWarning().noquote() << "connect failed:" << connect.readAllStandardError();
    return finished && connect.exitCode() == 0;
}

// A loop-mode worker with its webhook listener, its output collected as it comes.
bool TestKeychainFaults::startWorker()
{
    m_worker = std::make_unique<QProcess>();
    m_worker->setProcessEnvironment(m_keyring->environment());
    connect(m_worker.get(), &QProcess::readyReadStandardError, this,
            [this] { m_workerErr += QString::fromUtf8(m_worker->readAllStandardError()); });
    connect(m_worker.get(), &QProcess::readyReadStandardOutput, this,
            [this] { m_workerOut += QString::fromUtf8(m_worker->readAllStandardOutput()); });
    m_worker->start(cli(), {u"--db"_s, m_database->location(), u"sync"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                            u"--webhook-token-stdin"_s});
    m_worker->write(webhookToken + '\n');
    m_worker->closeWriteChannel();
    static const QRegularExpression listening(u"Listening for webhooks on 127\\.0\\.0\\.1:(\\d+)"_s);
    if (!waitUntil([this] { return listening.match(m_workerErr).hasMatch(); }, 30000))
        return false;
    m_listenPort = quint16(listening.match(m_workerErr).captured(1).toUInt());
    return true;
}

// The listener answers (401 for a callback without a token) while the keychain is out of order.
int TestKeychainFaults::listenerAnswers()
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/webhooks/portconnect"_s.arg(m_listenPort)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = network.post(request, QByteArray("{}"));
    if (!waitUntil([reply] { return reply->isFinished(); }, 10000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

int TestKeychainFaults::tracedLines() const
{
    return int(m_workerOut.count(u"Traced 20 containers"_s));
}

void TestKeychainFaults::lockedKeyringSkipsTheConnectionPerCycle()
{
    QVERIFY(m_keyring->lock());
    QVERIFY(startWorker());
    // Two cycles in a row skip the connection with the exact reason; the worker stays up.
    QVERIFY2(waitUntil([this] { return m_workerErr.count(u"ports_america: skipped this cycle: "_s) >= 2; }, 60000),
             qPrintable(m_workerErr));
    QVERIFY2(m_workerErr.contains(lockedReason), qPrintable(m_workerErr));
    QCOMPARE(m_worker->state(), QProcess::Running);
    QCOMPARE(tracedLines(), 0);
    QCOMPARE(listenerAnswers(), 401);
    QVERIFY2(!m_workerErr.contains(u"is saved in the keychain"_s), "a locked keyring was reported as a missing secret");

    // `connections verify` says the same words.
    QProcess verify;
    verify.setProcessEnvironment(m_keyring->environment());
    verify.start(cli(), {u"--db"_s, m_database->location(), u"connections"_s, u"verify"_s, provider});
    QVERIFY(verify.waitForFinished(60000));
    QCOMPARE(verify.exitCode(), 1);
    const QString said = QString::fromUtf8(verify.readAllStandardError());
    QVERIFY2(said.contains(lockedReason), qPrintable(said));

    // Unlocked, the next cycle traces everything.
    QVERIFY(m_keyring->unlock());
    QVERIFY2(waitUntil([this] { return tracedLines() >= 1; }, 60000), qPrintable(m_workerOut + m_workerErr));
    QCOMPARE(m_worker->state(), QProcess::Running);
    m_worker->terminate();
    QVERIFY(m_worker->waitForFinished(30000));
    QCOMPARE(m_worker->exitCode(), 0);
}

void TestKeychainFaults::stoppedSecretServiceSkipsTheConnectionPerCycle()
{
    m_keyring->stop();
    QVERIFY(startWorker());
    QVERIFY2(waitUntil([this] { return m_workerErr.contains(timeoutReason); }, 60000), qPrintable(m_workerErr));
    QCOMPARE(m_worker->state(), QProcess::Running);
    QCOMPARE(listenerAnswers(), 401);
    QCOMPARE(tracedLines(), 0);

    m_keyring->resume();
    QVERIFY2(waitUntil([this] { return tracedLines() >= 1; }, 90000), qPrintable(m_workerOut + m_workerErr));
    QCOMPARE(m_worker->state(), QProcess::Running);
    m_worker->terminate();
    QVERIFY(m_worker->waitForFinished(30000));
    QCOMPARE(m_worker->exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestKeychainFaults)
#include "tst_keychainfaults.moc"
