// Issue 17's bad day, with real processes: one sync changes 1,000 containers (a single
// Store::writeTraceResults, a snapshot and two or three events each) and a later bulk batch arrives
// through Store::insertEvents (the outbox journal). `quaywatch-cli outbound drain` delivers them over
// real HTTP to the simulator's signature-checking receiver. A third of the way through, the receiver
// has a 30 s outage; during it the worker is killed with SIGKILL while its deliveries are in flight,
// and after it a new worker resumes where the killed one stopped. Proven: every message is accepted
// exactly once by message id, in event order per container; repeats (answered 200, counted as
// duplicates) stay within what was in flight at the kill; nothing is left pending, sending or dead;
// the failed attempts of the outage are in the audit log; the secret is in no file and no output.
//
// The kill falls in the outage, so the attempts in flight were answered 503 and none of them can come
// back as a duplicate; the bound is checked all the same.
//
// The new worker takes over the killed one's claims at once (the dispatcher releases the claims of
// this host's workers that no longer run at the start of every round); otherwise their live leases
// (120 s) would hold the messages, and the destination's maxInFlight slots, until they ran out.
#include "../core/storetestsupport.h"
#include "clirunner.h"
#include "simulatorprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>
#include <optional>

using namespace StoreTest;

namespace {
const QString secret = u"outage-signing-secret-0123456789abcdef-0123"_s;
const QString receiverPath = u"/_sim/receivers/wh"_s;
constexpr int containers = 1000;
constexpr int firstPart = 1000; // messages delivered before the outage starts
constexpr int outageMs = 30 * 1000;
constexpr int receiverDelayMs = 20; // a receiver that takes its time, outside the outage
constexpr int maxInFlight = 8;      // OutboundDestination's default

QString containerNumber(int c)
{
    return u"OUTU%1"_s.arg(c, 7, 10, QLatin1Char('0'));
}

// Container c gets 2 + c % 2 events from the sync; the even ones get their third from the bulk batch.
// Event n of a container occurs n minutes after the first and carries n, so the receiver's record
// tells the order apart.
Event numberedEvent(qint64 containerId, int c, int n)
{
    Event event = makeEvent(containerId, u"outage-%1-%2"_s.arg(c).arg(n), utc(3, 4, n));
    event.data = {{u"n"_s, n}};
    return event;
}

// Runs the event loop in small steps (so the simulator's pipes are read) until condition holds.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

// Changes the receiver's settings; empty when it worked, else what went wrong (the simulator's
// stderr included when it is no longer running).
QString configureReceiver(SimulatorProcess &sim, const QJsonObject &settings)
{
    const SimulatorReply reply =
        sim.request("POST", receiverPath, QJsonDocument(settings).toJson(QJsonDocument::Compact));
    if (reply.status == 200)
        return {};
    return u"configuring the receiver: HTTP %1 %2; simulator %3"_s.arg(reply.status)
        .arg(reply.error, sim.isRunning() ? u"running"_s : u"stopped: "_s + sim.standardError().right(2000));
}

std::optional<OutboxSummary> summaryOf(Store &store, const QString &entity)
{
    const Result<QList<OutboxSummary>> summaries = store.outboxSummaries(entity);
    if (!summaries || summaries->size() != 1)
        return std::nullopt;
    return summaries->constFirst();
}

// Starts `quaywatch-cli outbound drain` in the background as a worker would run, with the CLI runner's
// environment (keychain, XDG folders inside home). Its output goes to a log file inside home, where
// the secret scan looks, and no pipe can fill up and stall it.
void startDrain(QProcess &worker, const CliRunner &cli, const QString &home, const QStringList &globalArguments,
                int seconds, const QString &logName)
{
    worker.setProcessEnvironment(cli.environment());
    worker.setWorkingDirectory(home);
    worker.setProcessChannelMode(QProcess::MergedChannels);
    worker.setStandardOutputFile(QDir(home).filePath(logName));
    worker.setStandardInputFile(QProcess::nullDevice());
    worker.start(CliRunner::program(),
                 globalArguments + QStringList{u"outbound"_s, u"drain"_s, u"--seconds"_s, QString::number(seconds)});
}

// The "N delivered" of a finished drain's summary line; -1 when the log has none.
int deliveredBy(const QString &home, const QString &logName)
{
    QFile log(QDir(home).filePath(logName));
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression summary(u"^outbound: (\\d+) delivered, "_s, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = summary.match(QString::fromUtf8(log.readAll()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}
} // namespace

class TestOutboundOutage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!qEnvironmentVariableIsEmpty("QUAYWATCH_BIN_DIR"), "run through ctest"); }

    void resumesAfterOutageAndKill()
    {
        QElapsedTimer wall;
        wall.start();
        SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QCOMPARE(configureReceiver(sim, {{u"secret"_s, secret}, {u"delayMs"_s, receiverDelayMs}}), QString());
        QTemporaryDir home;
        QVERIFY(home.isValid());
        CliRunner cli(home.path());
        const QString db = home.filePath(u"outbound.sqlite"_s);
        // The keychain is shared by every test of the session: the entity keeps this run's secret apart.
        const QString entityName = u"outbound-outage-%1"_s.arg(QCoreApplication::applicationPid());
        const QStringList global{u"--db"_s, db, u"--entity"_s, entityName};

        const CliRun added =
            cli.run(global + QStringList{u"outbound"_s, u"add-webhook"_s, u"--name"_s, u"wh"_s, u"--url"_s,
                                         sim.url(u"/receivers/webhook/wh"_s).toString(), u"--secret-stdin"_s},
                    secret.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        auto opened = Store::open(db, testClock());
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        std::unique_ptr<Store> store = std::move(opened).value();

        // One sync: every container traced in one batch, written in one transaction with its messages.
        QList<WatchEntry> entries;
        for (int c = 0; c < containers; ++c) {
            WatchEntry e = entry(containerNumber(c));
            e.entity = entityName;
            entries.append(e);
        }
        const Result<int> addedContainers = store->addContainers(entries);
        QVERIFY2(addedContainers.ok(), qPrintable(addedContainers.error().message));
        QCOMPARE(addedContainers.value(), containers);
        const Result<QList<WatchEntry>> stored = store->containers(entityName);
        QVERIFY(stored.ok());
        QHash<QString, qint64> ids;
        for (const WatchEntry &e : stored.value())
            ids.insert(e.containerNumber, e.id);
        QCOMPARE(ids.size(), containers);
        const QDateTime now = testClock().now();
        QList<TraceWrite> writes;
        QList<Event> bulk;
        QHash<QString, int> expectedEvents;
        for (int c = 0; c < containers; ++c) {
            const qint64 id = ids.value(containerNumber(c));
            TraceWrite write;
            write.containerId = id;
            write.snapshot = fullSnapshot();
            write.tracedAt = now;
            write.nextTraceAt = now.addDays(1);
            const int synced = 2 + c % 2;
            for (int n = 0; n < synced; ++n)
                write.newEvents.append(numberedEvent(id, c, n));
            writes.append(write);
            if (synced == 2)
                bulk.append(numberedEvent(id, c, synced));
            expectedEvents.insert(containerNumber(c), 3);
        }
        const Result<int> written = store->writeTraceResults(writes);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const int syncEvents = written.value();
        QCOMPARE(syncEvents, containers / 2 * 5);
        const int total = syncEvents + int(bulk.size());
        const std::optional<OutboxSummary> queued = summaryOf(*store, entityName);
        QVERIFY(queued);
        QCOMPARE(queued->pending, syncEvents);

        // The first worker delivers a part, then the receiver goes down.
        QProcess first;
        startDrain(first, cli, home.path(), global, 300, u"drain-killed.log"_s);
        QVERIFY2(first.waitForStarted(10000), qPrintable(first.errorString()));
        QVERIFY2(waitUntil(
                     [&] {
                         const std::optional<OutboxSummary> s = summaryOf(*store, entityName);
                         return (s && s->delivered >= firstPart) || first.state() == QProcess::NotRunning;
                     },
                     60000),
                 "the first worker delivered too little in a minute");
        QCOMPARE(first.state(), QProcess::Running);
        // The outage's answers are held back too, so the kill resets connections whose answers are
        // pending (the simulator once crashed on exactly that). The killed worker's claims stay in
        // flight in the outbox, which is what a new worker has to take over.
        QCOMPARE(configureReceiver(sim, {{u"outage"_s, true}}), QString());
        QElapsedTimer outage;
        outage.start();

        // A bulk ingestion arrives meanwhile: its messages wait in the outbox journal.
        const Result<int> inserted = store->insertEvents(bulk);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error().message));
        QCOMPARE(inserted.value(), int(bulk.size()));

        // The worker keeps trying against the 503s; kill it while its deliveries are in flight.
        QVERIFY2(
            waitUntil([&] { return sim.getJson(receiverPath).object().value(u"faulted"_s).toInt() >= 100; }, 10000),
            "the worker made no attempts during the outage");
        QCOMPARE(first.state(), QProcess::Running);
        first.kill(); // SIGKILL: no handler runs, nothing is released
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const std::optional<OutboxSummary> atKill = summaryOf(*store, entityName);
        QVERIFY(atKill);
        const int inFlightAtKill = atKill->sending;
        QVERIFY2(inFlightAtKill > 0, "nothing was in flight at the kill; the test proves nothing");
        QVERIFY(inFlightAtKill <= maxInFlight);
        const int deliveredBeforeKill = atKill->delivered;
        QVERIFY(deliveredBeforeKill < total);

        QTest::qWait(int(std::max<qint64>(0, outageMs - outage.elapsed())));
        QCOMPARE(configureReceiver(sim, {{u"outage"_s, false}}), QString());
        QVERIFY2(sim.isRunning(), qPrintable(sim.standardError()));

        QProcess second;
        startDrain(second, cli, home.path(), global, 300, u"drain-resumed.log"_s);
        QVERIFY(second.waitForStarted(10000));
        QVERIFY2(waitUntil([&] { return second.state() == QProcess::NotRunning; }, 100000),
                 "the resumed worker did not finish in 100 s");
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        const int resumedDelivered = deliveredBy(home.path(), u"drain-resumed.log"_s);

        // Every message exactly once by id, in event order per container.
        const QJsonObject record = sim.getJson(receiverPath).object();
        const QJsonArray accepted = record.value(u"accepted"_s).toArray();
        const int duplicates = record.value(u"duplicates"_s).toInt();
        QCOMPARE(record.value(u"rejected"_s).toInt(), 0);
        QCOMPARE(accepted.size(), total);
        QVERIFY2(duplicates <= inFlightAtKill,
                 qPrintable(u"%1 duplicates, %2 in flight at the kill"_s.arg(duplicates).arg(inFlightAtKill)));
        QSet<QString> acceptedIds;
        QHash<QString, QList<int>> order;
        for (const auto &value : accepted) {
            const QJsonObject delivery = value.toObject();
            acceptedIds.insert(delivery.value(u"messageId"_s).toString());
            const QJsonObject body = QJsonDocument::fromJson(delivery.value(u"body"_s).toString().toUtf8()).object();
            const QJsonObject event = body.value(u"event"_s).toObject();
            order[delivery.value(u"containerNumber"_s).toString()].append(
                event.value(u"data"_s).toObject().value(u"n"_s).toInt(-1));
        }
        QCOMPARE(acceptedIds.size(), total);
        QCOMPARE(order.size(), containers);
        for (auto it = order.cbegin(); it != order.cend(); ++it) {
            QList<int> expected;
            for (int n = 0; n < expectedEvents.value(it.key()); ++n)
                expected.append(n);
            QVERIFY2(it.value() == expected, qPrintable(it.key()));
        }

        OutboxQuery deliveredQuery;
        deliveredQuery.destinationId = atKill->destination.id;
        deliveredQuery.states = {OutboxState::Delivered};
        deliveredQuery.limit = 2 * total;
        const Result<QList<OutboxMessage>> delivered = store->outboxMessages(deliveredQuery);
        QVERIFY(delivered.ok());
        QSet<QString> deliveredIds;
        for (const OutboxMessage &message : delivered.value())
            deliveredIds.insert(message.messageId);
        QCOMPARE(deliveredIds, acceptedIds);

        // Nothing left behind, as the user sees it.
        const CliRun status = cli.run(global + QStringList{u"outbound"_s, u"status"_s, u"--json"_s});
        QCOMPARE(status.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(status.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(u"pending"_s).toInt(-1), 0);
        QCOMPARE(row.value(u"sending"_s).toInt(-1), 0);
        QCOMPARE(row.value(u"dead"_s).toInt(-1), 0);
        QCOMPARE(row.value(u"delivered"_s).toInt(-1), total);

        // The outage cost failed attempts, each in the audit log, and the receiver saw them.
        const Result<QList<AuditEntry>> audit = store->auditEntries(entityName);
        QVERIFY(audit.ok());
        int failures = 0;
        for (const AuditEntry &line : audit.value()) {
            if (line.action == u"outbound-fail"_s)
                ++failures;
        }
        QVERIFY2(failures > 0, "no failed attempt is in the audit log");
        const int faulted = record.value(u"faulted"_s).toInt();
        QVERIFY(faulted >= failures);

        QCOMPARE(secretFoundIn(home.path(), cli.transcript(), secret), QString());
        QCOMPARE(
            cli.run(global + QStringList{u"outbound"_s, u"remove"_s, u"--destination"_s, u"wh"_s, u"--yes"_s}).exitCode,
            0);
        qInfo().noquote() << u"%1 messages; %2 delivered before the kill, %3 in flight at it; the resumed drain "
                             "delivered %4; %5 duplicates; %6 failed attempts audited, %7 answered 503; %8 s"_s
                                 .arg(total)
                                 .arg(deliveredBeforeKill)
                                 .arg(inFlightAtKill)
                                 .arg(resumedDelivered)
                                 .arg(duplicates)
                                 .arg(failures)
                                 .arg(faulted)
                                 .arg(double(wall.elapsed()) / 1000.0, 0, 'f', 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboundOutage)
#include "tst_outboundoutage.moc"
