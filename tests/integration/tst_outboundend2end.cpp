// The outbox end to end as a user runs it: `quaywatch-cli outbound add-webhook` (secret on stdin, into
// the real keychain), events stored in a real SQLite file write their messages in the same
// transaction, and `quaywatch-cli outbound drain` delivers them over real HTTP to the simulator's
// signature-checking receiver: each once, in order per container; a receiver with another secret
// refuses them and they end as dead letters; the secret is in no file and no output.
#include "../core/storetestsupport.h"
#include "clirunner.h"
#include "simulatorprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace StoreTest;

namespace {
const QString secret = u"e2e-signing-secret-0123456789abcdef-0123"_s;
constexpr int containers = 20;
constexpr int eventsPerContainer = 3;
} // namespace

class TestOutboundEnd2End : public QObject
{
    Q_OBJECT

private:
    // Adds the destination through the CLI and stores events for every container; returns the store.
    std::unique_ptr<Store> prepare(CliRunner &cli, const QString &db, const QString &entityName, const QUrl &url)
    {
        const CliRun added = cli.run({u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"add-webhook"_s,
                                      u"--name"_s, u"wh"_s, u"--url"_s, url.toString(), u"--secret-stdin"_s},
                                     secret.toUtf8() + '\n');
        if (added.exitCode != 0) {
            qWarning().noquote() << added.err;
            return nullptr;
        }
        auto opened = Store::open(db, testClock());
        if (!opened)
            return nullptr;
        std::unique_ptr<Store> store = std::move(opened).value();
        QList<Event> events;
        for (int c = 0; c < containers; ++c) {
            WatchEntry e = entry(u"E2EU%1"_s.arg(c, 7, 10, QLatin1Char('0')));
            e.entity = entityName;
            const Result<AddOutcome> outcome = store->addContainer(e);
            if (!outcome)
                return nullptr;
            for (int n = 0; n < eventsPerContainer; ++n)
                events.append(makeEvent(outcome->id, u"e2e-%1-%2"_s.arg(c).arg(n), utc(3, 4 + n)));
        }
        if (!store->insertEvents(events))
            return nullptr;
        return store;
    }

private Q_SLOTS:
    void deliversEachMessageOnceInOrder()
    {
        SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        sim.postJson(u"/_sim/receivers/wh"_s, {{u"secret"_s, secret}});
        QTemporaryDir home;
        CliRunner cli(home.path());
        const QString db = home.filePath(u"outbound.sqlite"_s);
        const QString entityName = u"outbound-e2e-%1"_s.arg(QCoreApplication::applicationPid());
        std::unique_ptr<Store> store = prepare(cli, db, entityName, sim.url(u"/receivers/webhook/wh"_s));
        QVERIFY(store);

        const CliRun dry = cli.run(
            {u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"dry-run"_s, u"--destination"_s, u"wh"_s});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(u"would be sent to wh"_s), qPrintable(dry.out));
        QCOMPARE(sim.getJson(u"/_sim/receivers/wh"_s).object().value(u"requests"_s).toInt(), 0);

        const CliRun drained = cli.run({u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"drain"_s});
        QCOMPARE(drained.exitCode, 0);
        QVERIFY2(drained.err.contains(u"%1 delivered"_s.arg(containers * eventsPerContainer)), qPrintable(drained.err));

        const QJsonObject record = sim.getJson(u"/_sim/receivers/wh"_s).object();
        const QJsonArray accepted = record.value(u"accepted"_s).toArray();
        QCOMPARE(accepted.size(), containers * eventsPerContainer);
        QCOMPARE(record.value(u"duplicates"_s).toInt(), 0);
        QCOMPARE(record.value(u"rejected"_s).toInt(), 0);
        // In order per container: the events of one container arrive in the order they were stored.
        QHash<QString, int> lastOrder;
        QHash<QString, QStringList> occurred;
        for (const QJsonValue &value : accepted) {
            const QJsonObject delivery = value.toObject();
            const QString number = delivery.value(u"containerNumber"_s).toString();
            QVERIFY(delivery.value(u"order"_s).toInt() > lastOrder.value(number, -1));
            lastOrder.insert(number, delivery.value(u"order"_s).toInt());
            const QJsonObject body = QJsonDocument::fromJson(delivery.value(u"body"_s).toString().toUtf8()).object();
            occurred[number].append(body.value(u"event"_s).toObject().value(u"occurredAt"_s).toString());
        }
        for (const QStringList &times : std::as_const(occurred)) {
            QStringList sorted = times;
            sorted.sort();
            QCOMPARE(times, sorted);
        }

        const CliRun status = cli.run({u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"status"_s});
        QVERIFY2(status.out.contains(u"queue 0  dead 0  delivered %1"_s.arg(containers * eventsPerContainer)),
                 qPrintable(status.out));
        QCOMPARE(secretFoundIn(home.path(), cli.transcript(), secret), QString());
        QCOMPARE(cli.run({u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"remove"_s, u"--destination"_s,
                          u"wh"_s, u"--yes"_s})
                     .exitCode,
                 0);
    }

    void aWrongSecretIsRefusedAndDeadLettered()
    {
        SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        sim.postJson(u"/_sim/receivers/wh"_s, {{u"secret"_s, u"the-receiver-knows-another-secret-0000"_s}});
        QTemporaryDir home;
        CliRunner cli(home.path());
        const QString db = home.filePath(u"outbound.sqlite"_s);
        const QString entityName = u"outbound-e2e-bad-%1"_s.arg(QCoreApplication::applicationPid());
        std::unique_ptr<Store> store = prepare(cli, db, entityName, sim.url(u"/receivers/webhook/wh"_s));
        QVERIFY(store);

        const CliRun drained = cli.run({u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"drain"_s});
        QVERIFY2(drained.err.contains(u"0 delivered"_s), qPrintable(drained.err));
        const QJsonObject record = sim.getJson(u"/_sim/receivers/wh"_s).object();
        QCOMPARE(record.value(u"accepted"_s).toArray().size(), 0);
        QVERIFY(record.value(u"rejected"_s).toInt() > 0);
        const auto summaries = store->outboxSummaries(entityName);
        QVERIFY(summaries && summaries->size() == 1);
        QCOMPARE(summaries->constFirst().delivered, 0);
        QVERIFY2(summaries->constFirst().dead > 0, "a 401 is permanent: the message becomes a dead letter");
        QCOMPARE(secretFoundIn(home.path(), cli.transcript(), secret), QString());
        (void)cli.run({u"--db"_s, db, u"--entity"_s, entityName, u"outbound"_s, u"remove"_s, u"--destination"_s,
                       u"wh"_s, u"--yes"_s});
    }
};

QTEST_GUILESS_MAIN(TestOutboundEnd2End)
#include "tst_outboundend2end.moc"
