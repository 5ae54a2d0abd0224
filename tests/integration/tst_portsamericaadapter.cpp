#include "clock.h"
#include "connectionrecord.h"
#include "containernumber.h"
#include "portsamericaadapter.h"
#include "portsamericasites.h"
#include "reconciler.h"
#include "simulatorprocess.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Valid ISO 6346 numbers TGBU0000010, TGBU0000020, ... so the simulator knows them all.
QList<WatchEntry> entries(int count, const QJsonObject &providerData = {})
{
    QList<WatchEntry> list;
    for (int i = 0; i < count; ++i) {
        const QString firstTen = u"TGBU%1"_s.arg(i + 1, 6, 10, QChar(u'0'));
        WatchEntry entry;
        entry.id = i + 1;
        entry.containerNumber = firstTen + QString::number(ContainerNumber::checkDigit(firstTen));
        entry.provider = u"ports_america"_s;
        entry.site = u"WBCT_LA"_s;
        entry.providerData = providerData;
        entry.addedAt = QDateTime::currentDateTimeUtc().addDays(-2);
        list.append(entry);
    }
    return list;
}

TraceBatch batchOf(const QList<WatchEntry> &list)
{
    return TraceBatch{u"default"_s, u"ports_america"_s, u"WBCT_LA"_s, list, false};
}

std::optional<BatchTraceResult> traceNow(PortsAmericaAdapter &adapter, const TraceBatch &batch)
{
    std::optional<BatchTraceResult> out;
    QEventLoop loop;
    adapter.trace(batch, [&](BatchTraceResult result) {
        out = std::move(result);
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (!out)
        loop.exec();
    return out;
}

int failures(const BatchTraceResult &result)
{
    int count = 0;
    for (const ContainerTraceResult &container : result.containers)
        count += container.error.kind != ErrorKind::None ? 1 : 0;
    return count;
}

} // namespace

class TestPortsAmericaAdapter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseUrls();
    void configFromConnection();
    void splitsIntoRequestsOfFifty();
    void tokenExpiryRenewedOnce();
    void badCredentials();
    void malformedBatchIsolated();
    void concurrencyIsBounded();
    void gateTransactionsByTrucker();
    void earlierVisitNotAttributed_data();
    void earlierVisitNotAttributed();
    void staleAvailabilityAfterFullOut();

private:
    PortsAmericaConfig configFor(const SimulatorProcess &sim, const QString &password = u"demo"_s) const
    {
        PortsAmericaConfig config;
        config.baseUrl = sim.baseUrl();
        config.username = u"demo"_s;
        config.password = password;
        config.requestTimeoutMs = 10000;
        return config;
    }

    QNetworkAccessManager m_network;
    const SystemClock m_clock; // the simulator plays its scenario in real time here
};

void TestPortsAmericaAdapter::baseUrls()
{
    QCOMPARE(PortsAmerica::baseUrlFor(u"production"_s), QUrl(u"https://tosservice-api.portsamerica.com:9001"_s));
    QCOMPARE(PortsAmerica::baseUrlFor(u"uat"_s), QUrl(u"https://tosserviceuat-api.portsamerica.com:9001"_s));
    QCOMPARE(PortsAmerica::baseUrlFor({}), PortsAmerica::baseUrlFor(u"production"_s));
}

// The CLI, the console and verification all read a saved connection through this one function.
void TestPortsAmericaAdapter::configFromConnection()
{
    ConnectionRecord record;
    record.provider = u"ports_america"_s;
    record.environment = u"uat"_s;
    record.fields = QJsonObject{{u"user"_s, u"ops@example.com"_s}}; // the catalog's field name
    PortsAmericaConfig config = PortsAmericaConfig::fromConnection(record, u"pw"_s);
    QCOMPARE(config.username, u"ops@example.com"_s);
    QCOMPARE(config.password, u"pw"_s);
    QCOMPARE(config.baseUrl, PortsAmerica::baseUrlFor(u"uat"_s));

    record.fields = QJsonObject{{u"username"_s, u"first"_s}, {u"user"_s, u"second"_s}};
    record.baseUrl = u"http://127.0.0.1:8080"_s;
    config = PortsAmericaConfig::fromConnection(record, {});
    QCOMPARE(config.username, u"first"_s);
    QCOMPARE(config.baseUrl, QUrl(u"http://127.0.0.1:8080"_s));
}

void TestPortsAmericaAdapter::splitsIntoRequestsOfFifty()
{
    SimulatorProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    PortsAmericaAdapter adapter(&m_network, configFor(sim), m_clock);
    const auto result = traceNow(adapter, batchOf(entries(120)));
    QVERIFY(result);
    QCOMPARE(result->batchError.kind, ErrorKind::None);
    QCOMPARE(result->containers.size(), 120);
    QCOMPARE(failures(*result), 0);
    for (const ContainerTraceResult &container : result->containers) {
        QVERIFY(!container.observations.isEmpty());
        QCOMPARE(container.observations.first().source, u"ports_america/WBCT_LA"_s);
    }
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"availability_requests").toInt(), 3);
    QCOMPARE(stats.value(u"max_containers_per_request").toInt(), 50);
    QCOMPARE(stats.value(u"token_requests").toInt(), 1);
    QCOMPARE(result->requestsMade, 4);
    QCOMPARE(adapter.requestsMade(), 4);
}

void TestPortsAmericaAdapter::tokenExpiryRenewedOnce()
{
    SimulatorProcess sim;
    QVERIFY2(sim.start({u"--token-lifetime"_s, u"1"_s}), qPrintable(sim.errorString()));
    PortsAmericaAdapter adapter(&m_network, configFor(sim), m_clock);
    QVERIFY(traceNow(adapter, batchOf(entries(10))));
    QThread::msleep(1300); // the cached token expires
    const auto result = traceNow(adapter, batchOf(entries(120)));
    QVERIFY(result);
    QCOMPARE(result->batchError.kind, ErrorKind::None);
    QCOMPARE(failures(*result), 0);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"token_requests").toInt(), 2); // one renewal for three refused requests
    QCOMPARE(stats.value(u"rejected_401").toInt(), 3);
    QCOMPARE(stats.value(u"availability_requests").toInt(), 1 + 3 + 3);
}

void TestPortsAmericaAdapter::badCredentials()
{
    SimulatorProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    PortsAmericaAdapter adapter(&m_network, configFor(sim, u"wrong"_s), m_clock);
    std::optional<Result<void>> verified;
    adapter.verify([&verified](Result<void> result) { verified = result; });
    QTRY_VERIFY_WITH_TIMEOUT(verified.has_value(), 10000);
    QCOMPARE(verified->error().kind, ErrorKind::BadCredentials);
    QCOMPARE(verified->error().message, u"The user name or password is incorrect."_s);

    const auto result = traceNow(adapter, batchOf(entries(60)));
    QVERIFY(result);
    QCOMPARE(result->batchError.kind, ErrorKind::BadCredentials);
    QCOMPARE(failures(*result), 60);
    QCOMPARE(sim.stats().value(u"token_requests").toInt(), 2); // never retried
}

void TestPortsAmericaAdapter::malformedBatchIsolated()
{
    const QList<WatchEntry> list = entries(120);
    const QString poisoned = list.at(70).containerNumber; // in the second request of fifty
    SimulatorProcess sim;
    QVERIFY2(sim.start({u"--malformed-containers"_s, poisoned}), qPrintable(sim.errorString()));
    PortsAmericaAdapter adapter(&m_network, configFor(sim), m_clock);
    const auto result = traceNow(adapter, batchOf(list));
    QVERIFY(result);
    QCOMPARE(result->batchError.kind, ErrorKind::None);
    for (int i = 0; i < 120; ++i) {
        const ContainerTraceResult &container = result->containers.at(i);
        const bool inPoisonedRequest = i >= 50 && i < 100;
        QCOMPARE(container.error.kind, inPoisonedRequest ? ErrorKind::MalformedResponse : ErrorKind::None);
        QCOMPARE(container.observations.isEmpty(), inPoisonedRequest);
    }
    QVERIFY(result->containers.at(60).error.message.contains(u"not valid JSON"_s));
}

void TestPortsAmericaAdapter::concurrencyIsBounded()
{
    SimulatorProcess sim;
    QVERIFY2(sim.start({u"--latency-ms"_s, u"150"_s}), qPrintable(sim.errorString()));
    PortsAmericaConfig config = configFor(sim);
    config.maxConcurrentRequests = 2;
    PortsAmericaAdapter adapter(&m_network, config, m_clock);
    QCOMPARE(adapter.maxConcurrentRequests(), 2);
    const auto result = traceNow(adapter, batchOf(entries(250)));
    QVERIFY(result);
    QCOMPARE(failures(*result), 0);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"availability_requests").toInt(), 5);
    QVERIFY(stats.value(u"max_in_flight").toInt() <= 2);
}

void TestPortsAmericaAdapter::gateTransactionsByTrucker()
{
    SimulatorProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    PortsAmericaAdapter adapter(&m_network, configFor(sim), m_clock);
    QList<WatchEntry> list = entries(30, QJsonObject{{u"truckingCompanyCode"_s, u"PFCH"_s}});
    list.append(entries(60).mid(30)); // no trucking code: availability only
    const auto result = traceNow(adapter, batchOf(list));
    QVERIFY(result);
    QCOMPARE(result->batchError.kind, ErrorKind::None);
    QCOMPARE(failures(*result), 0);
    const QJsonObject stats = sim.stats();
    QCOMPARE(stats.value(u"availability_requests").toInt(), 2);
    QCOMPARE(stats.value(u"gate_requests").toInt(), 1);
}

// Containers of the demo scenario whose terminal still has the Full Out and Empty In of an earlier
// visit weeks before: WHSU8647514 sits in the PNCT_NJ yard on its current visit, OOLU1771530 is still
// on the vessel for WBCT_LA. Those moves must not make the current visit look outgated or returned
// (that would also end its tracing).
void TestPortsAmericaAdapter::earlierVisitNotAttributed_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("site");
    QTest::addColumn<bool>("inYard");
    QTest::newRow("in the yard") << u"WHSU8647514"_s << u"PNCT_NJ"_s << true;
    QTest::newRow("on the vessel") << u"OOLU1771530"_s << u"WBCT_LA"_s << false;
}

void TestPortsAmericaAdapter::earlierVisitNotAttributed()
{
    QFETCH(QString, number);
    QFETCH(QString, site);
    QFETCH(bool, inYard);
    const QString scenario = qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") + u"/resources/scenarios/demo.json"_s;
    SimulatorProcess sim;
    QVERIFY2(sim.start({u"--scenario"_s, scenario, u"--speed"_s, u"0"_s}), qPrintable(sim.errorString()));
    QString trucker;
    for (const QJsonValue &row : sim.getJson(u"/_sim/containers"_s).array()) {
        if (row[u"number"_s].toString() == number)
            trucker = row[u"trucking_company_code"_s].toString();
    }
    QVERIFY2(!trucker.isEmpty(), "the demo scenario no longer has the container this test is about");

    WatchEntry entry;
    entry.id = 1;
    entry.containerNumber = number;
    entry.provider = u"ports_america"_s;
    entry.site = site;
    entry.providerData = QJsonObject{{u"truckingCompanyCode"_s, trucker}};
    entry.addedAt = QDateTime::currentDateTimeUtc();
    PortsAmericaAdapter adapter(&m_network, configFor(sim), m_clock);
    const auto result = traceNow(adapter, TraceBatch{u"default"_s, u"ports_america"_s, site, {entry}, false});
    QVERIFY(result);
    QCOMPARE(failures(*result), 0);
    bool seenInYard = false;
    for (const Observation &observation : result->containers.first().observations) {
        seenInYard = seenInYard || (observation.location && !observation.location->isEmpty());
        QVERIFY2(!observation.outgatedAt, "an earlier visit's Full Out was attributed to the current visit");
        QVERIFY2(!observation.emptyReturnedAt, "an earlier visit's Empty In was attributed to the current visit");
    }
    QCOMPARE(seenInYard, inYard);
    QCOMPARE(sim.stats().value(u"gate_requests").toInt(), 1);
}

// The stale-availability case: discharged two days ago, a "Full Out" three hours ago, and the
// availability answer still lists the box in its yard slot. The gate move is after this visit's
// discharge, so it is this visit's: the container is outgated, and the disagreement is recorded (an
// OTHER event beside OUTGATED, and the snapshot's yardListingConflict).
void TestPortsAmericaAdapter::staleAvailabilityAfterFullOut()
{
    const QString number = u"TGBU424242"_s + QString::number(ContainerNumber::checkDigit(u"TGBU424242"_s));
    const QJsonObject container{
        {u"number"_s, number},
        {u"site"_s, u"WBCT_LA"_s},
        {u"vessel"_s, u"MSC ANNA"_s},
        {u"location"_s, u"R12-03-B"_s},
        {u"discharge"_s, -48.0},
        {u"available"_s, -47.0},
        {u"yard_listed_until"_s, 1000.0},
        {u"outgate"_s, QJsonObject{{u"at"_s, -3.0}, {u"trucker_code"_s, u"PFCH"_s}, {u"chassis"_s, u"ABCZ123456"_s}}}};
    QTemporaryDir folder;
    QFile file(folder.filePath(u"stale.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"containers"_s, QJsonArray{container}}}).toJson());
    file.close();
    const QDateTime start(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    SimulatorProcess sim;
    QVERIFY2(
        sim.start({u"--scenario"_s, file.fileName(), u"--speed"_s, u"0"_s, u"--start"_s, start.toString(Qt::ISODate)}),
        qPrintable(sim.errorString()));

    WatchEntry entry;
    entry.id = 1;
    entry.containerNumber = number;
    entry.provider = u"ports_america"_s;
    entry.site = u"WBCT_LA"_s;
    entry.providerData = QJsonObject{{u"truckingCompanyCode"_s, u"PFCH"_s}};
    entry.addedAt = start.addDays(-2);
    const ManualClock clock(start);
    PortsAmericaAdapter adapter(&m_network, configFor(sim), clock);
    const auto result = traceNow(adapter, batchOf({entry}));
    QVERIFY(result);
    QCOMPARE(failures(*result), 0);
    const QList<Observation> &observations = result->containers.first().observations;
    QCOMPARE(observations.size(), 2); // the availability answer and this visit's "Full Out"
    QCOMPARE(observations.at(0).location, std::optional<QString>(u"R12-03-B"_s));
    QCOMPARE(observations.at(0).available, std::optional<bool>(true));
    QCOMPARE(observations.at(0).yardListingConflict, std::optional<bool>(true));
    QCOMPARE(observations.at(1).outgatedAt, std::optional<QDateTime>(start.addSecs(-3 * 3600)));

    const Reconciliation reconciled = Reconciler::reconcile(entry.id, number, entry.snapshot, observations);
    QCOMPARE(reconciled.snapshot.status, ContainerStatus::Outgated);
    QVERIFY(reconciled.snapshot.yardListingConflict);
    QCOMPARE(reconciled.snapshot.location, u"R12-03-B"_s); // the terminal's claim is kept, not hidden
    bool outgated = false;
    bool listedInYard = false;
    for (const Event &event : reconciled.newEvents) {
        outgated = outgated || (event.code == EventCode::Outgated && event.occurredAt == start.addSecs(-3 * 3600));
        listedInYard =
            listedInYard || (event.code == EventCode::Other && event.providerCode == u"ContainerAvailability"_s &&
                             event.data.value(u"conflict"_s).toString() == u"listed_in_yard_after_full_out"_s &&
                             event.data.value(u"location"_s).toString() == u"R12-03-B"_s);
    }
    QVERIFY2(outgated, "the gate's Full Out is missing from the event log");
    QVERIFY2(listedInYard, "the availability answer's yard listing is missing from the event log");

    // The next trace, with the discharge now stored: the same facts again, each with the dedupe key
    // it was stored under (the store keeps one row per key), so the event log gains nothing.
    entry.snapshot = reconciled.snapshot;
    const auto again = traceNow(adapter, batchOf({entry}));
    QVERIFY(again);
    QCOMPARE(failures(*again), 0);
    const Reconciliation second =
        Reconciler::reconcile(entry.id, number, entry.snapshot, again->containers.first().observations);
    QCOMPARE(second.snapshot.status, ContainerStatus::Outgated);
    QVERIFY(second.snapshot.yardListingConflict);
    QSet<QString> stored;
    for (const Event &event : reconciled.newEvents)
        stored.insert(event.dedupeKey);
    for (const Event &event : second.newEvents)
        QVERIFY2(stored.contains(event.dedupeKey), qPrintable(eventCodeName(event.code) + u" is new"_s));
}

QTEST_GUILESS_MAIN(TestPortsAmericaAdapter)
#include "tst_portsamericaadapter.moc"
