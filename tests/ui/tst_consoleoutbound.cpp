// The console delivers its outbox by itself (issue 17): wired as main() wires it, a console that
// traces sends each stored event to a signed-webhook destination over real HTTP to the simulator's
// signature-checking receiver, with no `quaywatch-cli outbound drain`, and the Data sources card
// shows the queue emptying. A view-only console (the team's workers deliver) sends nothing until it
// traces again. The signing secret goes through the real keychain (Secret Service on the test bus).
#include "../core/storetestsupport.h"
#include "consolefixture.h"
#include "consolewiring.h"
#include "datasourcespage.h"
#include "destinationcard.h"
#include "mainwindow.h"
#include "outbound/outbounddispatcher.h"
#include "outboxstatusview.h"
#include "seededconsole.h"
#include "simulatorprocess.h"
#include "storeconsolebackend.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestConsoleOutbound final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;

    // Stores eventsPerContainer events for each seeded container; the outbox rows come with them.
    int storeEvents(const QString &keyPrefix, int day);
    int accepted(SimulatorProcess &sim);

private Q_SLOTS:
    void initTestCase();
    void consoleDeliversWithoutTheCli();
};

void TestConsoleOutbound::initTestCase()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs the Secret Service of scripts/with-test-services.sh");
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_consoleoutbound"_s);
}

int TestConsoleOutbound::storeEvents(const QString &keyPrefix, int day)
{
    QList<Event> events;
    for (const QString &number : ConsoleFixture::numbers()) {
        Result<std::optional<WatchEntry>> found = m_console.store->container(u"default"_s, number);
        if (!found || !found->has_value())
            return -1;
        for (int n = 0; n < 2; ++n)
            events.append(StoreTest::makeEvent(found->value().id, keyPrefix + number + QString::number(n),
                                               StoreTest::utc(day, 10 + n)));
    }
    return m_console.store->insertEvents(events) ? int(events.size()) : -1;
}

int TestConsoleOutbound::accepted(SimulatorProcess &sim)
{
    return int(sim.getJson(u"/_sim/receivers/wh"_s).object().value(u"accepted"_s).toArray().size());
}

void TestConsoleOutbound::consoleDeliversWithoutTheCli()
{
    QSettings().clear();
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    SimulatorProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    {
        MainWindow window(*m_console.backend);
        ConsoleWiring wiring(*m_console.store, *m_console.backend, window, u"quaywatch-test"_s);
        QVERIFY2(wiring.outboundDispatcher(), "a console that traces delivers its outbox");

        // Added as a user adds it on Data sources: the secret is generated, kept in the keychain and
        // shown once; the receiver is told the same secret.
        QString secret;
        QString failure;
        m_console.backend->addWebhookDestination(this, {u"wh"_s, sim.url(u"/receivers/webhook/wh"_s), {}},
                                                 [&](Result<QString> answer) {
                                                     if (answer)
                                                         secret = answer.value();
                                                     else
                                                         failure = answer.error().message;
                                                 });
        QTRY_VERIFY_WITH_TIMEOUT(!secret.isEmpty() || !failure.isEmpty(), 15000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        sim.postJson(u"/_sim/receivers/wh"_s, {{u"secret"_s, secret}});

        const int first = storeEvents(u"console-a-"_s, 3);
        QVERIFY(first > 0);
        QTRY_COMPARE_WITH_TIMEOUT(accepted(sim), first, 20000);
        const QJsonObject record = sim.getJson(u"/_sim/receivers/wh"_s).object();
        QCOMPARE(record.value(u"rejected"_s).toInt(), 0);
        QCOMPARE(record.value(u"duplicates"_s).toInt(), 0);

        // What the coordinator sees on the destination's card once the round reported.
        wiring.dataSourcesPage()->refreshOutbound();
        DestinationCard *card = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((card = wiring.dataSourcesPage()->destinationCard(u"wh"_s)) != nullptr, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(card->status()->queueText(), u"Queue: 0 · Dead letters: 0"_s, 10000);
        QVERIFY2(!card->status()->deliveryText().contains(u"none yet"_s), qPrintable(card->status()->deliveryText()));

        // View only: the team's workers deliver, this console sends nothing.
        m_console.backend->setViewOnly(true);
        QVERIFY(!wiring.outboundDispatcher());
        const int second = storeEvents(u"console-b-"_s, 5);
        QVERIFY(second > 0);
        QTest::qWait(4000); // longer than a dispatcher round
        QCOMPARE(accepted(sim), first);
        // Tracing again, it delivers what waited, each once.
        m_console.backend->setViewOnly(false);
        QVERIFY(wiring.outboundDispatcher());
        QTRY_COMPARE_WITH_TIMEOUT(accepted(sim), first + second, 20000);
        QCOMPARE(sim.getJson(u"/_sim/receivers/wh"_s).object().value(u"duplicates"_s).toInt(), 0);

        bool removed = false;
        m_console.backend->removeDestination(this, u"wh"_s, [&](Result<void>) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
    }
    m_console.close();
}

QTEST_MAIN(TestConsoleOutbound)
#include "tst_consoleoutbound.moc"
