// SecretStore against the real Secret Service (gnome-keyring on the private D-Bus session of
// scripts/with-test-services.sh), and against broken sessions: no bus at all, and a bus socket that
// accepts but never answers. The broken cases run in a child process of this binary, because GDBus
// picks the session bus once per process.
#include "secretstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <optional>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const char noBusReason[] = "no D-Bus session: run through scripts/with-test-services.sh";
const char childModeVariable[] = "QUAYWATCH_SECRETSTORE_CHILD";
const char childTimeoutVariable[] = "QUAYWATCH_SECRETSTORE_CHILD_TIMEOUT_MS";

// Runs the event loop until done() has been called or the limit passed.
template<typename T>
std::optional<T> waitFor(std::function<void(std::function<void(T)>)> start, int limitMs = 15000)
{
    std::optional<T> answer;
    QEventLoop loop;
    start([&answer, &loop](T result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    if (!answer) {
        QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return answer;
}

QString uniqueService()
{
    return u"quaywatch-test-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Child process: starts a write and a read at once (QtKeychain queues them), waits three times the
// deadline, and prints one line per operation: "<op> <error kind> <calls> <elapsed ms> <message>".
int runChild(const QString &mode)
{
    const int timeoutMs = qEnvironmentVariableIntValue(childTimeoutVariable);
    SecretStore store(uniqueService(), std::chrono::milliseconds(timeoutMs > 0 ? timeoutMs : 5000));
    const QString key = SecretStore::key(u"default"_s, u"ports_america"_s, u"password"_s);
    QElapsedTimer clock;
    clock.start();
    struct Outcome
    {
        int calls = 0;
        qint64 elapsedMs = -1;
        Error error;
    };
    Outcome written;
    Outcome read;
    store.write(key, u"child-secret-value"_s, [&](Result<void> result) {
        ++written.calls;
        written.elapsedMs = clock.elapsed();
        written.error = result.error();
    });
    store.read(key, [&](Result<QString> result) {
        ++read.calls;
        read.elapsedMs = clock.elapsed();
        read.error = result.error();
    });
    QEventLoop loop;
    const int waitMs = mode == "timeout"_L1 ? 3 * timeoutMs : 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (clock.elapsed() >= waitMs && written.calls > 0 && read.calls > 0)
            loop.quit();
        if (clock.elapsed() > 60000)
            loop.quit();
    });
    ticker.start(20);
    loop.exec();
    QTextStream out(stdout);
    out << "write " << errorKindName(written.error.kind) << ' ' << written.calls << ' ' << written.elapsedMs << ' '
        << written.error.message << Qt::endl;
    out << "read " << errorKindName(read.error.kind) << ' ' << read.calls << ' ' << read.elapsedMs << ' '
        << read.error.message << Qt::endl;
    return 0;
}

struct ChildLine
{
    QString kind;
    int calls = 0;
    qint64 elapsedMs = 0;
    QString message;
};

ChildLine parseChildLine(const QString &line)
{
    const QStringList parts = line.split(u' ');
    if (parts.size() < 5)
        return {};
    return {parts.at(1), parts.at(2).toInt(), parts.at(3).toLongLong(), parts.mid(4).join(u' ')};
}

// A unix socket that is listened on but never accepted: the kernel completes connections into the
// backlog, so a client connects, sends its greeting, and waits forever for an answer.
int listenWithoutAnswering(const QString &path)
{
    const QByteArray encoded = path.toLocal8Bit();
    sockaddr_un address{};
    if (encoded.size() >= static_cast<qsizetype>(sizeof(address.sun_path)))
        return -1;
    address.sun_family = AF_UNIX;
    std::copy(encoded.cbegin(), encoded.cend(), address.sun_path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0 || ::listen(fd, 16) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void key_data();
    void key();
    void roundTrip();
    void readNeverWritten();
    void removeNeverWritten();
    void keysAreNamespaced();
    void noSessionBus_data();
    void noSessionBus();
    void hungBusTimesOut();

private:
    QStringList runChildProcess(const QString &mode, const QProcessEnvironment &environment, int timeoutMs);

    QString m_childErrors; // the last child's stderr (its log)
    bool m_haveBus = false;
    QString m_service;
};

void TestSecretStore::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    m_service = uniqueService();
}

void TestSecretStore::key_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"default"_s << u"ports_america"_s << u"password"_s
                           << u"default/ports_america/password"_s;
    QTest::newRow("slash in entity") << u"acme/east"_s << u"p"_s << u"f"_s << u"acme%2Feast/p/f"_s;
    QTest::newRow("slash in field") << u"e"_s << u"p"_s << u"a/b"_s << u"e/p/a%2Fb"_s;
    QTest::newRow("percent is escaped too") << u"e%2F"_s << u"p"_s << u"f"_s << u"e%252F/p/f"_s;
}

void TestSecretStore::key()
{
    QFETCH(QString, entity);
    QFETCH(QString, provider);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(SecretStore::key(entity, provider, field), expected);
    QVERIFY(SecretStore::key(u"a/b"_s, u"c"_s, u"d"_s) != SecretStore::key(u"a"_s, u"b/c"_s, u"d"_s));
}

void TestSecretStore::roundTrip()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    SecretStore store(m_service);
    const QString key = SecretStore::key(u"default"_s, u"ports_america"_s, u"password"_s);
    using VoidDone = std::function<void(Result<void>)>;
    using TextDone = std::function<void(Result<QString>)>;

    auto written = waitFor<Result<void>>([&](VoidDone done) { store.write(key, u"first secret"_s, done); });
    QVERIFY(written);
    QVERIFY2(written->ok(), qPrintable(written->error().message));
    auto read = waitFor<Result<QString>>([&](TextDone done) { store.read(key, done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), u"first secret"_s);

    written = waitFor<Result<void>>([&](VoidDone done) { store.write(key, u"second sécret"_s, done); });
    QVERIFY(written && written->ok());
    read = waitFor<Result<QString>>([&](TextDone done) { store.read(key, done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), u"second sécret"_s);

    auto removed = waitFor<Result<void>>([&](VoidDone done) { store.remove(key, done); });
    QVERIFY(removed);
    QVERIFY2(removed->ok(), qPrintable(removed->error().message));
    read = waitFor<Result<QString>>([&](TextDone done) { store.read(key, done); });
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().kind, ErrorKind::NotFound);
}

void TestSecretStore::readNeverWritten()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    SecretStore store(m_service);
    auto read = waitFor<Result<QString>>([&](std::function<void(Result<QString>)> done) {
        store.read(SecretStore::key(u"nobody"_s, u"ports_america"_s, u"password"_s), done);
    });
    QVERIFY(read);
    QVERIFY(!read->ok());
    QCOMPARE(read->error().kind, ErrorKind::NotFound);
}

void TestSecretStore::removeNeverWritten()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    SecretStore store(m_service);
    auto removed = waitFor<Result<void>>([&](std::function<void(Result<void>)> done) {
        store.remove(SecretStore::key(u"nobody"_s, u"ports_america"_s, u"password"_s), done);
    });
    QVERIFY(removed);
    QVERIFY2(removed->ok(), qPrintable(removed->error().message));
}

void TestSecretStore::keysAreNamespaced()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    SecretStore store(m_service);
    const QList<std::pair<QString, QString>> owners{{u"acme"_s, u"ports_america"_s},
                                                    {u"globex"_s, u"ports_america"_s},
                                                    {u"acme"_s, u"envase"_s},
                                                    {u"acme/ports_america"_s, u"x"_s}};
    for (const auto &[entity, provider] : owners) {
        const QString key = SecretStore::key(entity, provider, u"password"_s);
        auto written = waitFor<Result<void>>(
            [&](std::function<void(Result<void>)> done) { store.write(key, entity % u'|' % provider, done); });
        QVERIFY(written && written->ok());
    }
    for (const auto &[entity, provider] : owners) {
        const QString key = SecretStore::key(entity, provider, u"password"_s);
        auto read = waitFor<Result<QString>>([&](std::function<void(Result<QString>)> done) { store.read(key, done); });
        QVERIFY(read && read->ok());
        QCOMPARE(read->value(), QString(entity % u'|' % provider));
    }
    // Another service name is another namespace.
    SecretStore other(uniqueService());
    auto read = waitFor<Result<QString>>([&](std::function<void(Result<QString>)> done) {
        other.read(SecretStore::key(u"acme"_s, u"ports_america"_s, u"password"_s), done);
    });
    QVERIFY(read && !read->ok());
    QCOMPARE(read->error().kind, ErrorKind::NotFound);
    for (const auto &[entity, provider] : owners) {
        auto removed = waitFor<Result<void>>([&](std::function<void(Result<void>)> done) {
            store.remove(SecretStore::key(entity, provider, u"password"_s), done);
        });
        QVERIFY(removed && removed->ok());
    }
}

QStringList TestSecretStore::runChildProcess(const QString &mode, const QProcessEnvironment &environment, int timeoutMs)
{
    QProcessEnvironment childEnvironment = environment;
    childEnvironment.insert(QString::fromLatin1(childModeVariable), mode);
    childEnvironment.insert(QString::fromLatin1(childTimeoutVariable), QString::number(timeoutMs));
    childEnvironment.insert(u"QT_LOGGING_RULES"_s, u"quaywatch.core.secrets.debug=true"_s);
    QProcess child;
    child.setProcessEnvironment(childEnvironment);
    child.start(QCoreApplication::applicationFilePath(), {});
    // The parent's event loop must keep running (the hung-bus server lives here), so poll.
    QElapsedTimer clock;
    clock.start();
    while (child.state() != QProcess::NotRunning && clock.elapsed() < 60000)
        QTest::qWait(20);
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
        return {};
    }
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    const QString errors = QString::fromUtf8(child.readAllStandardError());
    m_childErrors = errors;
    return output.split(u'\n', Qt::SkipEmptyParts);
}

void TestSecretStore::noSessionBus_data()
{
    QTest::addColumn<QString>("busAddress"); // empty: unset
    QTest::newRow("no bus address, no DISPLAY") << QString();
    QTest::newRow("bus socket missing") << u"unix:path=/nonexistent/quaywatch-test-bus"_s;
}

void TestSecretStore::noSessionBus()
{
    QFETCH(QString, busAddress);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    if (!busAddress.isEmpty())
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, busAddress);
    QElapsedTimer clock;
    clock.start();
    const QStringList lines = runChildProcess(u"nobus"_s, environment, 10000);
    QVERIFY2(clock.elapsed() < 9000, "a missing bus must fail fast, not by the deadline");
    QVERIFY2(!m_childErrors.contains(u"child-secret-value"_s), "the secret reached the log");
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        const ChildLine outcome = parseChildLine(line);
        QCOMPARE(outcome.kind, u"keychain_unavailable"_s);
        QCOMPARE(outcome.calls, 1);
        QVERIFY2(outcome.message.contains(u"No keychain is available"_s), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(u"never stores secrets in plain text"_s), qPrintable(outcome.message));
        QVERIFY(!outcome.message.contains(u"child-secret-value"_s));
    }
}

void TestSecretStore::hungBusTimesOut()
{
    // A "bus" that accepts connections, never says a word, and hangs up after a while: the deadline
    // must report first, and the late failure must not call back a second time.
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString socketPath = directory.filePath(u"bus"_s);
    const int listener = listenWithoutAnswering(socketPath);
    QVERIFY2(listener >= 0, "cannot create the unix socket");
    QTimer::singleShot(1000, this, [listener] { ::close(listener); }); // resets the waiting clients

    const int timeoutMs = 700;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s % socketPath);
    const QStringList lines = runChildProcess(u"timeout"_s, environment, timeoutMs);
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        const ChildLine outcome = parseChildLine(line);
        QCOMPARE(outcome.kind, u"keychain_unavailable"_s);
        QCOMPARE(outcome.calls, 1);
        QVERIFY2(outcome.elapsedMs >= timeoutMs * 9 / 10 && outcome.elapsedMs < timeoutMs + 1000,
                 qPrintable(line.left(40)));
        QVERIFY2(outcome.message.contains(u"did not answer within 0.7 seconds"_s), qPrintable(outcome.message));
    }
    // The hang-up made the jobs finish after all; that answer came and was swallowed (calls == 1).
    QVERIFY2(m_childErrors.contains(u"late keychain answer ignored"_s), qPrintable(m_childErrors));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString childMode = qEnvironmentVariable(childModeVariable);
    if (!childMode.isEmpty())
        return runChild(childMode);
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
