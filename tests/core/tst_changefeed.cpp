// Change announcements (core/storage/changefeed.h): what a write announces, how it travels (NOTIFY
// on PostgreSQL, in-process on SQLite), that a bad payload means "reload everything", and that a
// listener survives a PostgreSQL restart and says that it may have missed something.
#include "clock.h"
#include "store.h"
#include "testdatabases.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

WatchEntry entry(const QString &number)
{
    WatchEntry watched;
    watched.entity = u"default"_s;
    watched.containerNumber = number;
    watched.provider = u"test_provider"_s;
    watched.site = u"SITE"_s;
    return watched;
}

bool containsIds(const QList<QVariantList> &spy, const QList<qint64> &ids)
{
    for (const QVariantList &arguments : spy) {
        const auto change = arguments.constFirst().value<StoreChange>();
        bool all = true;
        for (const qint64 id : ids)
            all = all && change.ids.contains(id);
        if (all)
            return true;
    }
    return false;
}

} // namespace

class TestChangeFeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodeRoundTrip();
    void oversizedBecomesEverything();
    void garbageBecomesEverything();
    void writesAreAnnounced_data();
    void writesAreAnnounced();
    void listenerSurvivesPostgresRestart();

private:
    const ManualClock m_clock{QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC)};
};

void TestChangeFeed::encodeRoundTrip()
{
    StoreChange change;
    change.kind = StoreChange::Kind::Connections;
    change.entity = u"acme"_s;
    change.ids = {3, 1, 2};
    change.origin = u"4f2a"_s;
    QCOMPARE(StoreChange::decode(change.encode()), change);
}

void TestChangeFeed::oversizedBecomesEverything()
{
    StoreChange change;
    for (qint64 id = 1; id <= 5000; ++id)
        change.ids.append(id * 1000000000LL);
    const QByteArray payload = change.encode();
    QVERIFY2(payload.size() < 8000, "PostgreSQL refuses NOTIFY payloads of 8000 bytes or more");
    const StoreChange decoded = StoreChange::decode(payload);
    QVERIFY(decoded.everything);
    QVERIFY(decoded.ids.isEmpty());
}

void TestChangeFeed::garbageBecomesEverything()
{
    for (const QByteArray &payload : {QByteArray(), QByteArray("{"), QByteArray("[1,2]"), QByteArray("{\"kind\":1}")})
        QVERIFY2(StoreChange::decode(payload).everything, payload.constData());
}

void TestChangeFeed::writesAreAnnounced_data()
{
    QTest::addColumn<int>("backend");
    QTest::newRow("sqlite") << int(Store::Backend::Sqlite);
    if (TestDatabase::postgresAvailable())
        QTest::newRow("postgres") << int(Store::Backend::Postgres);
}

// The writer and the listener are different connections, as two consoles' would be.
void TestChangeFeed::writesAreAnnounced()
{
    QFETCH(int, backend);
    TestDatabase database(static_cast<Store::Backend>(backend));
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto listening = Store::open(database.location(), m_clock);
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error().message));
    auto writing = Store::open(database.location(), m_clock);
    QVERIFY(writing);
    Store &writer = *writing.value();
    const std::unique_ptr<StoreChangeListener> listener = listening.value()->listenForChanges();
    QTRY_VERIFY_WITH_TIMEOUT(listener->listening(), 5000);
    QSignalSpy spy(listener.get(), &StoreChangeListener::changed);

    const Result<AddOutcome> added = writer.addContainer(entry(u"MSCU1234566"_s));
    QVERIFY(added && added->created);
    QTRY_VERIFY_WITH_TIMEOUT(containsIds(spy, {added->id}), 2000);
    QCOMPARE(spy.constLast().constFirst().value<StoreChange>().entity, u"default"_s);
    QCOMPARE(spy.constLast().constFirst().value<StoreChange>().origin, writer.changeOrigin());
    QVERIFY(writer.changeOrigin() != listening.value()->changeOrigin());

    spy.clear();
    QCOMPARE(writer.cancelContainers(u"default"_s, {u"MSCU1234566"_s}).value(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(containsIds(spy, {added->id}), 2000);

    spy.clear();
    TraceWrite write;
    write.containerId = added->id;
    write.tracedAt = m_clock.now();
    QVERIFY(writer.writeTraceResults({write}));
    QTRY_VERIFY_WITH_TIMEOUT(containsIds(spy, {added->id}), 2000);

    spy.clear();
    ConnectionRecord connection;
    connection.entity = u"default"_s;
    connection.provider = u"test_provider"_s;
    QVERIFY(writer.saveConnection(connection));
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 2000);
    QCOMPARE(spy.constLast().constFirst().value<StoreChange>().kind, StoreChange::Kind::Connections);

    // What the announcement names can be read back as the console's rows.
    const auto rows = listening.value()->watchlistRows(u"default"_s, {added->id, 999999});
    QVERIFY(rows);
    QCOMPARE(rows->size(), size_t(1));
    QCOMPARE(rows->front().number, u"MSCU1234566"_s);
    QVERIFY(listening.value()->watchlistRows(u"other"_s, {added->id})->empty()); // never another entity's
}

void TestChangeFeed::listenerSurvivesPostgresRestart()
{
    if (!TestDatabase::postgresRestartable())
        QSKIP("needs the test PostgreSQL server of scripts/with-test-services.sh");
    TestDatabase database(Store::Backend::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto listening = Store::open(database.location(), m_clock);
    QVERIFY(listening);
    const std::unique_ptr<StoreChangeListener> listener = listening.value()->listenForChanges();
    QTRY_VERIFY_WITH_TIMEOUT(listener->listening(), 5000);
    QSignalSpy spy(listener.get(), &StoreChangeListener::changed);

    const QString restarted = TestDatabase::restartPostgres();
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));

    // The listener notices, reconnects, and tells its console to reload once.
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && spy.constLast().constFirst().value<StoreChange>().everything, 15000);
    QVERIFY(listener->listening());
    spy.clear();
    auto writing = Store::open(database.location(), m_clock);
    QVERIFY2(writing, qPrintable(writing ? QString() : writing.error().message));
    const Result<AddOutcome> added = writing.value()->addContainer(entry(u"TGHU1234560"_s));
    QVERIFY(added);
    QTRY_VERIFY_WITH_TIMEOUT(containsIds(spy, {added->id}), 2000);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
