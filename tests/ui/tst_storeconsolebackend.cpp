// The console's store-backed backend: a sync cycle's time belongs to the entity it traced, also when
// the user switches entity while the cycle runs.
#include "clock.h"
#include "portsamericaadapter.h"
#include "provideradapter.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString portsAmerica = QString::fromLatin1(PortsAmerica::providerId);

// Answers every batch after a delay, so the test can act while the cycle runs.
class SlowAdapter final : public ProviderAdapter
{
public:
    QString providerId() const override { return portsAmerica; }
    int batchLimit() const override { return 50; }
    int maxConcurrentRequests() const override { return 1; }
    void trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done) override
    {
        QTimer::singleShot(200, [batch, done = std::move(done)] {
            BatchTraceResult result;
            result.requestsMade = 1;
            for (const WatchEntry &entry : batch.entries)
                result.containers.append(ContainerTraceResult{entry.id, {}, {}});
            done(result);
        });
    }
};

} // namespace

class TestStoreConsoleBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syncTimeGoesToTheCyclesEntity();
};

void TestStoreConsoleBackend::syncTimeGoesToTheCyclesEntity()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), testClock());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    Store &store = *opened.value();
    for (const QString &entity : {u"alpha"_s, u"beta"_s}) {
        WatchEntry entry;
        entry.entity = entity;
        entry.containerNumber = u"MSKU1234565"_s;
        entry.provider = portsAmerica;
        entry.site = u"WBCT_LA"_s;
        QVERIFY(store.addContainer(entry));
        ConnectionRecord connection;
        connection.entity = entity;
        connection.provider = portsAmerica;
        connection.status = u"connected"_s;
        QVERIFY(store.saveConnection(connection));
    }
    const ManualClock clock(QDateTime::currentDateTimeUtc().addSecs(3600));
    StoreConsoleBackend backend(store, u"alpha"_s, clock);
    SlowAdapter adapter;
    backend.setAdapter(&adapter);
    QSignalSpy finished(&backend, &ConsoleBackend::syncFinished);

    backend.syncNow();
    QVERIFY(backend.isSyncing());
    backend.setEntity(u"beta"_s); // while alpha's cycle runs
    QVERIFY(finished.wait(5000));

    QCOMPARE(store.connection(u"alpha"_s, portsAmerica)->value().lastSyncAt, clock.now());
    QVERIFY(!store.connection(u"beta"_s, portsAmerica)->value().lastSyncAt.isValid());
    QVERIFY(!backend.lastSyncAt().isValid()); // the screen shows beta's, which never synced
}

QTEST_GUILESS_MAIN(TestStoreConsoleBackend)
#include "tst_storeconsolebackend.moc"
