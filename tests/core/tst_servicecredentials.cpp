// Service credentials (core/servicecredentials.h): names that are valid file names and never
// collide, the value read as systemd leaves it, clear errors, and SecretStore reading them instead
// of the keychain (which is never asked: this test has no D-Bus session on purpose).
#include "secretstore.h"
#include "servicecredentials.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

class TestServiceCredentials final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void inactiveWithoutDirectory();
    void namesAreFileNames_data();
    void namesAreFileNames();
    void namesNeverCollide();
    void readStripsOneNewline();
    void missingCredentialNamesTheUnitLine();
    void oversizedCredentialRefused();
    void secretStoreReadsCredentials();
    void secretStoreRefusesWrites();

private:
    void put(const QString &name, const QByteArray &content);
    std::optional<QTemporaryDir> m_dir;
};

void TestServiceCredentials::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    qputenv("CREDENTIALS_DIRECTORY", m_dir->path().toLocal8Bit());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

void TestServiceCredentials::cleanup()
{
    qunsetenv("CREDENTIALS_DIRECTORY");
    m_dir.reset();
}

void TestServiceCredentials::put(const QString &name, const QByteArray &content)
{
    QFile file(QDir(m_dir->path()).filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void TestServiceCredentials::inactiveWithoutDirectory()
{
    QVERIFY(ServiceCredentials::active());
    qunsetenv("CREDENTIALS_DIRECTORY");
    QVERIFY(!ServiceCredentials::active());
    qputenv("CREDENTIALS_DIRECTORY", "/nonexistent/quaywatch-credentials");
    QVERIFY(!ServiceCredentials::active()); // a stale variable is not a service
}

void TestServiceCredentials::namesAreFileNames_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"default"_s << u"quaywatch.default.ports_america.password"_s;
    QTest::newRow("slash") << u"a/b"_s << u"quaywatch.a%2Fb.ports_america.password"_s;
    QTest::newRow("dot") << u"acme.inc"_s << u"quaywatch.acme%2Einc.ports_america.password"_s;
    QTest::newRow("space and umlaut") << u"Mü ller"_s << u"quaywatch.M%C3%BC%20ller.ports_america.password"_s;
}

void TestServiceCredentials::namesAreFileNames()
{
    QFETCH(QString, entity);
    QFETCH(QString, expected);
    const QString name =
        ServiceCredentials::name(u"quaywatch"_s, SecretStore::key(entity, u"ports_america"_s, u"password"_s));
    QCOMPARE(name, expected);
    QVERIFY(!name.contains(u'/'));
}

void TestServiceCredentials::namesNeverCollide()
{
    const QString a = ServiceCredentials::name(u"quaywatch"_s, SecretStore::key(u"a.b"_s, u"c"_s, u"d"_s));
    const QString b = ServiceCredentials::name(u"quaywatch"_s, SecretStore::key(u"a"_s, u"b.c"_s, u"d"_s));
    QVERIFY(a != b);
}

void TestServiceCredentials::readStripsOneNewline()
{
    put(u"one"_s, "s3cret\n");
    put(u"two"_s, "s3cret\n\n");
    put(u"crlf"_s, "s3cret\r\n");
    QCOMPARE(ServiceCredentials::read(u"one"_s).value(), u"s3cret"_s);
    QCOMPARE(ServiceCredentials::read(u"two"_s).value(), u"s3cret\n"_s); // only the one systemd-ask-password adds
    QCOMPARE(ServiceCredentials::read(u"crlf"_s).value(), u"s3cret"_s);
}

void TestServiceCredentials::missingCredentialNamesTheUnitLine()
{
    const Result<QString> read = ServiceCredentials::read(u"quaywatch.x.y.password"_s);
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::NotFound);
    QVERIFY2(read.error().message.contains(u"LoadCredentialEncrypted=quaywatch.x.y.password:"_s),
             qPrintable(read.error().message));
    QVERIFY(read.error().message.contains(u"export-credential"_s));
}

void TestServiceCredentials::oversizedCredentialRefused()
{
    put(u"big"_s, QByteArray(1024 * 1024 + 1, 'x'));
    const Result<QString> read = ServiceCredentials::read(u"big"_s);
    QVERIFY(!read);
    QCOMPARE(read.error().kind, ErrorKind::InvalidInput);
}

void TestServiceCredentials::secretStoreReadsCredentials()
{
    const QString key = SecretStore::key(u"default"_s, u"ports_america"_s, u"password"_s);
    put(ServiceCredentials::name(u"quaywatch"_s, key), "from-systemd\n");
    SecretStore store(u"quaywatch"_s, std::chrono::seconds(2));
    std::optional<Result<QString>> answer;
    store.read(key, [&](Result<QString> read) { answer = std::move(read); });
    QVERIFY(!answer.has_value()); // asynchronous like the keychain
    QTRY_VERIFY(answer.has_value());
    QVERIFY2(answer->ok(), qPrintable(answer->error().message));
    QCOMPARE(answer->value(), u"from-systemd"_s);

    std::optional<Result<QString>> missing;
    store.read(SecretStore::key(u"default"_s, u"ports_america"_s, u"other"_s),
               [&](Result<QString> read) { missing = std::move(read); });
    QTRY_VERIFY(missing.has_value());
    QCOMPARE(missing->error().kind, ErrorKind::NotFound);
}

void TestServiceCredentials::secretStoreRefusesWrites()
{
    SecretStore store(u"quaywatch"_s, std::chrono::seconds(2));
    std::optional<Result<void>> written;
    store.write(u"a/b/c"_s, u"value"_s, [&](Result<void> result) { written = std::move(result); });
    QTRY_VERIFY(written.has_value());
    QVERIFY(!written->ok());
    QVERIFY(written->error().message.contains(u"read-only"_s));
    std::optional<Result<void>> removed;
    store.remove(u"a/b/c"_s, [&](Result<void> result) { removed = std::move(result); });
    QTRY_VERIFY(removed.has_value());
    QVERIFY(!removed->ok());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 0); // nothing was written
}

QTEST_GUILESS_MAIN(TestServiceCredentials)
#include "tst_servicecredentials.moc"
