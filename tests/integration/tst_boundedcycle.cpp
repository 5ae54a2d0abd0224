// A provider that accepts connections and never answers must not hold a cycle for hours: the real
// quaywatch-cli against a loopback server that never says a word, with 5,000 containers due and a
// short cycle deadline, ends within that deadline plus one request timeout, says why on every
// container it had claimed, and leaves nothing claimed. Runs under scripts/with-test-services.sh.
#include "connectionrecord.h"
#include "containernumber.h"
#include "secretstore.h"
#include "storage/storeinspection.h"
#include "store.h"
#include "testdatabases.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString provider = u"ports_america"_s;

QList<WatchEntry> containers(int count)
{
    QList<WatchEntry> entries;
    for (int serial = 1; entries.size() < count; ++serial) {
        const QString firstTen = u"BNDU"_s + QString::number(serial).rightJustified(6, u'0');
        WatchEntry entry;
        entry.containerNumber = firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
        entry.provider = provider;
        entry.site = u"WBCT_LA"_s;
        entries.append(entry);
    }
    return entries;
}

bool writeSecret(const QString &key, const QString &value)
{
    SecretStore secrets;
    std::optional<Result<void>> written;
    QEventLoop loop;
    secrets.write(key, value, [&](Result<void> result) {
        written = std::move(result);
        loop.quit();
    });
    if (!written)
        loop.exec();
    if (!written->ok())
        qWarning().noquote() << written->error().message;
    return written->ok();
}

qint64 count(Store &store, const QString &sql)
{
    QSqlQuery query(StoreInspection::database(store));
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestBoundedCycle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void silentProviderCycleEndsWithinItsDeadline();
    void cycleDeadlineOptionIsChecked();
};

void TestBoundedCycle::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("QUAYWATCH_BIN_DIR"), "run through ctest (QUAYWATCH_BIN_DIR)");
}

// Bad input first: a deadline must be a positive number of seconds.
void TestBoundedCycle::cycleDeadlineOptionIsChecked()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY(database.isValid());
    for (const QString &bad : {u"0"_s, u"-5"_s, u"soon"_s}) {
        QProcess cli;
        cli.start(qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/cli/quaywatch-cli"_s,
                  {u"--db"_s, database.location(), u"sync"_s, u"--once"_s, u"--cycle-deadline"_s, bad});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(u"--cycle-deadline"_s));
    }
}

void TestBoundedCycle::silentProviderCycleEndsWithinItsDeadline()
{
    // Listening is enough: the kernel completes the handshakes, nobody ever reads or answers.
    QTcpServer silent;
    silent.setMaxPendingConnections(1000);
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY(database.isValid());
    auto opened = Store::open(database.location(), testClock());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    std::unique_ptr<Store> store = std::move(opened).value();
    const Result<int> added = store->addContainers(containers(5000));
    QVERIFY2(added.ok() && added.value() == 5000, qPrintable(added.error().message));
    ConnectionRecord record;
    record.provider = provider;
    record.fields = {{u"username"_s, u"demo"_s}};
    record.savedSecretFields = {u"password"_s};
    record.environment = u"production"_s;
    record.baseUrl = u"http://127.0.0.1:%1"_s.arg(silent.serverPort());
    record.status = u"connected"_s;
    QVERIFY(store->saveConnection(record).ok());
    QVERIFY(writeSecret(SecretStore::key(u"default"_s, provider, u"password"_s), u"demo"_s));

    constexpr int deadlineSeconds = 5;
    constexpr int requestTimeoutSeconds = 30; // the Ports America adapter's per-attempt default
    QProcess cli;
    QElapsedTimer elapsed;
    elapsed.start();
    cli.start(qEnvironmentVariable("QUAYWATCH_BIN_DIR") + u"/cli/quaywatch-cli"_s,
              {u"--db"_s, database.location(), u"sync"_s, u"--once"_s, u"--all"_s, u"--cycle-deadline"_s,
               QString::number(deadlineSeconds)});
    QVERIFY(cli.waitForFinished(10 * 60 * 1000));
    const qint64 tookMs = elapsed.elapsed();
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    // The bound, with the start-up of the process on a loaded machine as margin.
    QVERIFY2(tookMs < (deadlineSeconds + requestTimeoutSeconds) * 1000,
             qPrintable(u"the cycle took %1 ms"_s.arg(tookMs)));
    QCOMPARE(cli.exitCode(), 1); // nothing traced
    QVERIFY2(out.contains(u"Traced 0 containers"_s), qPrintable(out));
    QVERIFY2(err.contains(u"the cycle's deadline of 5 s passed"_s), qPrintable(err.left(2000)));

    const qint64 explained =
        count(*store, u"SELECT COUNT(*) FROM containers WHERE last_error LIKE '%cycle''s deadline%'"_s);
    QVERIFY2(explained > 0, "no container says why it was not traced");
    QCOMPARE(count(*store, u"SELECT COUNT(*) FROM containers WHERE last_traced_at IS NOT NULL AND "
                           u"COALESCE(last_error, '') = ''"_s),
             0);
    QCOMPARE(count(*store, u"SELECT COUNT(*) FROM containers WHERE claimed_until IS NOT NULL"_s), 0);
}

QTEST_GUILESS_MAIN(TestBoundedCycle)
#include "tst_boundedcycle.moc"
