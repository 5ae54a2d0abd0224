#include "storage/storeinspection.h"
#include "store.h"
#include "testdatabases.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

// The kill test (a store must survive its process being killed at any moment): a writer process is SIGKILLed in the
// middle of its writes, and the SQLite file must still pass integrity_check and hold every batch the writer reported as
// committed. The writer is this executable started with --crash-writer, so no extra binary is needed.

namespace {
const char writerFlag[] = "--crash-writer";
constexpr int eventsPerBatch = 250;

QString batchSource(int round, int batch)
{
    return u"round-%1/batch-%2"_s.arg(round).arg(batch);
}

// Alternates the two write paths (bulk ingestion and a trace result with a snapshot) so both are
// killed mid-transaction at some point.
Result<void> writeBatch(Store &store, qint64 containerId, int round, int batch)
{
    QList<Event> events;
    events.reserve(eventsPerBatch);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < eventsPerBatch; ++i) {
        Event event;
        event.containerId = containerId;
        event.code = EventCode::HoldAdded;
        event.providerCode = u"Hold"_s;
        event.occurredAt = now;
        event.observedAt = now;
        event.source = batchSource(round, batch);
        event.dedupeKey = batchSource(round, batch) % u'/' % QString::number(i);
        event.data = {{u"i"_s, i}};
        events.append(event);
    }
    if (batch % 2 == 1) {
        auto inserted = store.insertEvents(events);
        return inserted ? Result<void>() : Result<void>(inserted.error());
    }
    TraceWrite write;
    write.containerId = containerId;
    write.snapshot = ContainerSnapshot();
    write.snapshot->vesselName = batchSource(round, batch);
    write.newEvents = events;
    write.tracedAt = now;
    write.nextTraceAt = now.addSecs(900);
    const Result<int> written = store.writeTraceResults({write});
    return written ? Result<void>() : Result<void>(written.error());
}

int runWriter(const QString &path, int round)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto store = Store::open(path, testClock());
    if (!store) {
        err << store.error().message << Qt::endl;
        return 1;
    }
    WatchEntry entry;
    entry.containerNumber = u"MSCU1234565"_s;
    entry.provider = u"ports_america"_s;
    auto added = store.value()->addContainer(entry);
    if (!added) {
        err << added.error().message << Qt::endl;
        return 1;
    }
    for (int batch = 1;; ++batch) {
        if (auto written = writeBatch(*store.value(), added->id, round, batch); !written) {
            err << written.error().message << Qt::endl;
            return 1;
        }
        out << "committed " << batch << Qt::endl; // only after COMMIT returned
    }
}
} // namespace

namespace {
// Starts a writer, lets it commit a varying number of batches, then kills it while it is writing the
// next one. Returns the last batch it reported as committed.
int runAndKillWriter(const QString &location, int round)
{
    QProcess writer;
    writer.setProgram(QCoreApplication::applicationFilePath());
    writer.setArguments({QString::fromLatin1(writerFlag), location, QString::number(round)});
    writer.start();
    [&] { QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString())); }();
    const int target = 10 + 7 * round;
    int reported = 0;
    QByteArray output;
    auto readReports = [&] {
        output += writer.readAllStandardOutput();
        qsizetype newline = 0;
        while ((newline = output.indexOf('\n')) >= 0) {
            const QByteArray line = output.left(newline).trimmed();
            output.remove(0, newline + 1);
            if (line.startsWith("committed "))
                reported = line.mid(10).toInt();
        }
    };
    QDeadlineTimer deadline(60000);
    while (reported < target && !deadline.hasExpired() && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(1000);
        readReports();
    }
    writer.kill();
    writer.waitForFinished(10000);
    readReports(); // anything printed between the last read and the kill was committed too
    const QByteArray errors = writer.readAllStandardError();
    [&] {
        QVERIFY2(reported >= target, errors.constData());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    }();
    return reported;
}
} // namespace

class TestStoreCrash final : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterLeavesConsistentDatabase();
};

void TestStoreCrash::killedWriterLeavesConsistentDatabase()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    QMap<int, int> reportedByRound;

    for (int round = 1; round <= 3; ++round) {
        const int reported = runAndKillWriter(database.location(), round);
        if (QTest::currentTestFailed())
            return;
        reportedByRound.insert(round, reported);
    }

    auto store = Store::open(database.location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    QSqlQuery query(StoreInspection::database(*store.value()));
    QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
    QCOMPARE(query.value(0).toString(), u"ok"_s);
    QVERIFY(query.exec(u"PRAGMA foreign_key_check"_s));
    QVERIFY2(!query.next(), "foreign key violations after the crash");

    // Every batch is all or nothing, and every reported batch is there.
    QMap<QString, int> countBySource;
    QVERIFY(query.exec(u"SELECT source, COUNT(*) FROM events GROUP BY source"_s));
    while (query.next())
        countBySource.insert(query.value(0).toString(), query.value(1).toInt());
    for (auto it = countBySource.cbegin(); it != countBySource.cend(); ++it)
        QVERIFY2(it.value() == eventsPerBatch, qPrintable(u"partial batch "_s % it.key()));
    for (auto it = reportedByRound.cbegin(); it != reportedByRound.cend(); ++it) {
        for (int batch = 1; batch <= it.value(); ++batch)
            QVERIFY2(countBySource.contains(batchSource(it.key(), batch)),
                     qPrintable(u"committed batch missing: "_s % batchSource(it.key(), batch)));
    }
    qInfo("batches committed per round: %d, %d, %d; batches found: %lld", reportedByRound.value(1),
          reportedByRound.value(2), reportedByRound.value(3), qint64(countBySource.size()));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], writerFlag) == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    TestStoreCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_storecrash.moc"
