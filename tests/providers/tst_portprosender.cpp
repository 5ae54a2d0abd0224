// The PortPro destination over real HTTP against quaywatch-sim's PortPro receiver (whose token,
// lookup and update calls are the same stated assumptions as the sender's: portprowire.h).
#include "../core/storetestsupport.h"
#include "clock.h"
#include "outbound/outbounddispatcher.h"
#include "portpromapping.h"
#include "portprosender.h"
#include "portprowire.h"
#include "providercatalog.h"
#include "providerregistry.h"
#include "simulatorprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using Outcome = DeliveryResult::Outcome;

class TestPortProSender : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tokenObtainedAndReused();
    void refreshBeforeExpiry();
    void oneRefreshInFlight();
    void revokedRefreshTokenStopsEverything();
    void updateCarriesExactlyTheChangedFields();
    void holdReleaseReachesPortProOnce();
    void unknownContainerIsPermanent();
    void rateLimitIsRetryWithRetryAfter();
    void testConnection();
    void catalogEntryIsOutboundAndNotPolled();
    void mappingTableListsEverySeedRow();
    void receiverChecksTheDocumentedBearerHeader();

private:
    std::unique_ptr<OutboundSender> sender(const QString &secret = u"demo-secret"_s, const QString &refresh = {});
    DeliveryResult deliver(OutboundSender &sender, const QString &number, const QJsonObject &fields);
    QJsonObject control() { return m_sim->getJson(u"/_sim/portpro"_s).object(); }

    std::unique_ptr<SimulatorProcess> m_sim;
    QNetworkAccessManager m_network;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC)};
    QHash<QString, QString> m_saved;
};

void TestPortProSender::init()
{
    ProviderRegistry::builtIn(); // registers the PortPro field table the store's messages need, as the apps do
    m_sim = std::make_unique<SimulatorProcess>();
    QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    m_saved.clear();
}

void TestPortProSender::cleanup()
{
    m_sim.reset();
}

std::unique_ptr<OutboundSender> TestPortProSender::sender(const QString &secret, const QString &refresh)
{
    OutboundSenderContext context;
    context.destination.kind = QString::fromLatin1(PortProMapping::kind);
    context.destination.name = u"portpro"_s;
    context.destination.url = m_sim->url(u"/portpro/v1"_s);
    context.secrets = {{u"clientId"_s, u"demo-client"_s}, {u"clientSecret"_s, secret}};
    if (!refresh.isEmpty())
        context.secrets.insert(u"refreshToken"_s, refresh);
    context.saveSecret = [this](const QString &field, const QString &value, std::function<void(Result<void>)> done) {
        m_saved.insert(field, value);
        done({});
    };
    context.network = &m_network;
    context.clock = &m_clock;
    return createPortProSender(context);
}

DeliveryResult TestPortProSender::deliver(OutboundSender &sender, const QString &number, const QJsonObject &fields)
{
    OutboxMessage message;
    message.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.containerNumber = number;
    message.payload = {{u"fields"_s, fields}};
    std::optional<DeliveryResult> result;
    sender.deliver(message, [&result](DeliveryResult answer) { result = answer; });
    [&result] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
    return result.value_or(DeliveryResult{Outcome::Retry, u"no answer"_s, {}, 0, {}});
}

void TestPortProSender::tokenObtainedAndReused()
{
    auto portPro = sender();
    QCOMPARE(deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"TRLU1"_s}}).outcome, Outcome::Delivered);
    QCOMPARE(deliver(*portPro, u"TGHU9876543"_s, {{u"Chassis Number"_s, u"TRLU2"_s}}).outcome, Outcome::Delivered);
    QCOMPARE(control().value(u"tokenRequests"_s).toInt(), 1);
    QCOMPARE(control().value(u"clientCredentialGrants"_s).toInt(), 1);
    QVERIFY(!m_saved.value(u"refreshToken"_s).isEmpty());
}

void TestPortProSender::refreshBeforeExpiry()
{
    auto portPro = sender();
    QCOMPARE(deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"A"_s}}).outcome, Outcome::Delivered);
    const QString first = m_saved.value(u"refreshToken"_s);
    m_clock.advanceSeconds(3600 - 59); // inside the last minute of the token's life
    QCOMPARE(deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"B"_s}}).outcome, Outcome::Delivered);
    QCOMPARE(control().value(u"refreshGrants"_s).toInt(), 1);
    QCOMPARE(control().value(u"clientCredentialGrants"_s).toInt(), 1);
    QVERIFY(m_saved.value(u"refreshToken"_s) != first); // rotated and saved again

    // A new start uses the saved refresh token first.
    auto restarted = sender(u"demo-secret"_s, m_saved.value(u"refreshToken"_s));
    QCOMPARE(deliver(*restarted, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"C"_s}}).outcome, Outcome::Delivered);
    QCOMPARE(control().value(u"refreshGrants"_s).toInt(), 2);
    QCOMPARE(control().value(u"clientCredentialGrants"_s).toInt(), 1);
}

void TestPortProSender::oneRefreshInFlight()
{
    auto portPro = sender();
    QCOMPARE(deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"A"_s}}).outcome, Outcome::Delivered);
    m_clock.advanceSeconds(7200);
    QList<DeliveryResult> results;
    for (int i = 0; i < 8; ++i) {
        OutboxMessage message;
        message.messageId = u"m%1"_s.arg(i);
        message.containerNumber = u"MSCU1234565"_s;
        message.payload = {{u"fields"_s, QJsonObject{{u"Chassis Number"_s, u"C%1"_s.arg(i)}}}};
        portPro->deliver(message, [&results](DeliveryResult result) { results.append(result); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 8, 15000);
    for (const DeliveryResult &result : std::as_const(results))
        QCOMPARE(result.outcome, Outcome::Delivered);
    QCOMPARE(control().value(u"tokenRequests"_s).toInt(), 2);
    QCOMPARE(control().value(u"refreshGrants"_s).toInt(), 1);
}

void TestPortProSender::revokedRefreshTokenStopsEverything()
{
    auto portPro = sender();
    QCOMPARE(deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"A"_s}}).outcome, Outcome::Delivered);
    m_sim->postJson(u"/_sim/portpro/revoke"_s);
    m_clock.advanceSeconds(7200);
    QList<DeliveryResult> results;
    for (int i = 0; i < 8; ++i) {
        OutboxMessage message;
        message.containerNumber = u"MSCU1234565"_s;
        message.payload = {{u"fields"_s, QJsonObject{{u"Chassis Number"_s, u"C"_s}}}};
        portPro->deliver(message, [&results](DeliveryResult result) { results.append(result); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 8, 15000);
    for (const DeliveryResult &result : std::as_const(results)) {
        QCOMPARE(result.outcome, Outcome::Stop);
        QVERIFY2(result.error.contains(u"PortPro refused the refresh token: it was revoked. Connect PortPro again"_s),
                 qPrintable(result.error));
    }
    const DeliveryResult later = deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"D"_s}});
    QCOMPARE(later.outcome, Outcome::Stop);
    QCOMPARE(control().value(u"refreshGrants"_s).toInt(), 1); // no retry storm
    QCOMPARE(control().value(u"tokenRequests"_s).toInt(), 2);
    QVERIFY(!later.error.contains(m_saved.value(u"refreshToken"_s)));
}

void TestPortProSender::updateCarriesExactlyTheChangedFields()
{
    auto portPro = sender();
    const DeliveryResult result = deliver(
        *portPro, u"MSCU1234565"_s, {{u"Last Free Day"_s, u"2026-12-05"_s}, {u"Freight Hold"_s, QJsonValue::Null}});
    QCOMPARE(result.outcome, Outcome::Delivered);
    QVERIFY2(result.summary.startsWith(u"load M100: "_s), qPrintable(result.summary));
    QVERIFY(result.summary.contains(u"Last Free Day"_s));
    const QJsonArray updates = control().value(u"updates"_s).toArray();
    QCOMPARE(updates.size(), 1);
    const QJsonObject sent = updates.first()[u"fields"_s].toObject();
    QCOMPARE(sent.keys(), (QStringList{u"freightHold"_s, u"lastFreeDay"_s}));
    QCOMPARE(sent.value(u"lastFreeDay"_s).toString(), u"2026-12-05"_s);
    QVERIFY(sent.value(u"freightHold"_s).isNull());
    QCOMPARE(updates.first()[u"containerNo"_s].toString(), u"MSCU1234565"_s);
    QVERIFY(!updates.first()[u"messageId"_s].toString().isEmpty());

    // A load added later is found once the short cache runs out.
    m_sim->postJson(u"/_sim/portpro/loads"_s,
                    {{u"containerNo"_s, u"OOLU1111110"_s}, {u"reference_number"_s, u"M900"_s}});
    QCOMPARE(deliver(*portPro, u"OOLU1111110"_s, {{u"Custom Hold"_s, QJsonArray{u"CUSTOMS"_s}}}).summary,
             u"load M900: Custom Hold"_s);
}

// The whole way: trace results in a real SQLite store, the outbox, the dispatcher and the sender to
// the simulator's receiver. The release of a freight hold is one update carrying only that field.
void TestPortProSender::holdReleaseReachesPortProOnce()
{
    QTemporaryDir folder;
    auto opened = Store::open(folder.filePath(u"portpro.sqlite"_s), m_clock);
    QVERIFY2(opened, qPrintable(opened.error().message));
    Store &store = *opened.value();
    OutboundDestination destination;
    destination.entity = StoreTest::entity;
    destination.name = u"portpro"_s;
    destination.kind = QString::fromLatin1(PortProMapping::kind);
    destination.url = m_sim->url(u"/portpro/v1"_s);
    QVERIFY(store.saveDestination(destination));
    const Result<AddOutcome> added = store.addContainer(StoreTest::entry(u"MSCU1234565"_s));
    QVERIFY(added);
    const auto trace = [&](const ContainerSnapshot &snapshot) {
        TraceWrite write;
        write.containerId = added->id;
        write.snapshot = snapshot;
        write.tracedAt = m_clock.now();
        write.nextTraceAt = m_clock.now().addSecs(900);
        QVERIFY(store.writeTraceResults({write}));
    };
    std::shared_ptr<OutboundSender> portPro = sender();
    OutboundDispatcher dispatcher(
        store, m_clock,
        [portPro](const OutboundDestination &, const OutboundDispatcher::SenderCallback &done) { done(portPro); });
    const auto drain = [&] {
        std::optional<OutboundDrainReport> report;
        QObject::connect(
            &dispatcher, &OutboundDispatcher::finished, &dispatcher,
            [&report](const OutboundDrainReport &finished) { report = finished; }, Qt::SingleShotConnection);
        dispatcher.drain();
        [&report] { QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 15000); }();
        return report.value_or(OutboundDrainReport{});
    };
    ContainerSnapshot held = StoreTest::fullSnapshot();
    held.holds = {Hold{HoldType::Line, u"LINE HOLD"_s, {}}};
    trace(held);
    QCOMPARE(drain().delivered, 1); // the first trace: every known field
    QCOMPARE(control().value(u"updates"_s).toArray().size(), 1);
    ContainerSnapshot released = held;
    released.holds.clear();
    trace(released);
    trace(released); // traced again, unchanged: nothing more to send
    QCOMPARE(drain().delivered, 1);
    const QJsonArray updates = control().value(u"updates"_s).toArray();
    QCOMPARE(updates.size(), 2);
    const QJsonObject fields = updates.at(1)[u"fields"_s].toObject();
    QCOMPARE(fields.keys(), QStringList{u"freightHold"_s});
    QVERIFY(fields.value(u"freightHold"_s).isArray()); // released: an empty list, not "unknown"
    QVERIFY(fields.value(u"freightHold"_s).toArray().isEmpty());
    QCOMPARE(drain().delivered, 0);
    QCOMPARE(control().value(u"updates"_s).toArray().size(), 2);
}

void TestPortProSender::unknownContainerIsPermanent()
{
    auto portPro = sender();
    const DeliveryResult result = deliver(*portPro, u"ZZZU0000001"_s, {{u"Chassis Number"_s, u"A"_s}});
    QCOMPARE(result.outcome, Outcome::Permanent);
    QCOMPARE(result.error, u"no PortPro load carries ZZZU0000001"_s);
}

void TestPortProSender::rateLimitIsRetryWithRetryAfter()
{
    m_sim->postJson(u"/_sim/faults"_s, {{u"rate-limit-every"_s, 1}, {u"retry-after"_s, 7}});
    auto portPro = sender();
    const DeliveryResult result = deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"A"_s}});
    QCOMPARE(result.outcome, Outcome::Retry);
    QCOMPARE(result.statusCode, 429);
    QCOMPARE(result.retryAfterMs.value_or(-1), 7000);
    m_sim->postJson(u"/_sim/faults"_s, {{u"rate-limit-every"_s, 0}, {u"error-rate"_s, 1.0}});
    const DeliveryResult failing = deliver(*portPro, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"A"_s}});
    QCOMPARE(failing.outcome, Outcome::Retry);
    QCOMPARE(failing.statusCode, 500);
}

void TestPortProSender::testConnection()
{
    std::optional<DeliveryResult> good;
    auto portPro = sender();
    portPro->test([&good](DeliveryResult result) { good = result; });
    QTRY_VERIFY_WITH_TIMEOUT(good.has_value(), 15000);
    QCOMPARE(good->outcome, Outcome::Delivered);

    std::optional<DeliveryResult> bad;
    auto wrong = sender(u"not-the-secret"_s);
    wrong->test([&bad](DeliveryResult result) { bad = result; });
    QTRY_VERIFY_WITH_TIMEOUT(bad.has_value(), 15000);
    QVERIFY(bad->outcome != Outcome::Delivered);
    QVERIFY2(bad->error.contains(u"PortPro refused the client credentials"_s), qPrintable(bad->error));
    QVERIFY(!bad->error.contains(u"not-the-secret"_s));
    const int tokenRequests = control().value(u"tokenRequests"_s).toInt();
    QCOMPARE(deliver(*wrong, u"MSCU1234565"_s, {{u"Chassis Number"_s, u"A"_s}}).outcome, Outcome::Stop);
    QCOMPARE(control().value(u"tokenRequests"_s).toInt(), tokenRequests); // refused once, not asked again
}

void TestPortProSender::catalogEntryIsOutboundAndNotPolled()
{
    const Result<ProviderCatalog> catalog = ProviderCatalog::load();
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
    const CatalogProvider *portPro = catalog.value().provider(u"portpro"_s);
    QVERIFY(portPro);
    QCOMPARE(portPro->displayName, u"PortPro"_s);
    QCOMPARE(portPro->region, u"Outbound"_s);
    QCOMPARE(portPro->authType, u"oauth2_client_credentials"_s);
    QCOMPARE(portPro->secretFieldNames(), (QStringList{u"clientId"_s, u"clientSecret"_s}));
    QCOMPARE(portPro->environments.value(u"production"_s), QUrl(u"https://api1.app.portpro.io/v1"_s));
    QVERIFY(!catalog.value().polledProviderIds().contains(u"portpro"_s));
    QCOMPARE(portProSecretFields(), (QStringList{u"clientId"_s, u"clientSecret"_s, u"refreshToken"_s}));
}

void TestPortProSender::mappingTableListsEverySeedRow()
{
    const Result<ProviderCatalog> catalog = ProviderCatalog::load();
    QVERIFY(catalog.ok());
    const ProviderModule *module = ProviderRegistry::builtInModuleFor(*catalog.value().provider(u"portpro"_s));
    QVERIFY(module);
    const QList<MappingTable> tables = module->mappingTables();
    QCOMPARE(tables.size(), 1);
    const QList<MappingTableRow> rows = tables.first().rows;
    QCOMPARE(rows.size(), 10);
    const QStringList expected{u"vesselEta"_s,   u"vesselEta"_s,  u"lastFreeDay"_s,    u"dischargedDate"_s,
                               u"outgateDate"_s, u"ingateDate"_s, u"pickupFromTime"_s, u"chassisNo"_s,
                               u"freightHold"_s, u"customHold"_s};
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).normalized, expected.at(i));
    QVERIFY(rows.at(2).source.contains(u"Last Free Day"_s));
}

// P1's only example payload is the Authorization block; the receiver demands exactly that header.
void TestPortProSender::receiverChecksTheDocumentedBearerHeader()
{
    QFile fixture(qEnvironmentVariable("QUAYWATCH_SOURCE_DIR") +
                  u"/tests/data/provider-docs/portpro/authentication-authorization.json"_s);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QJsonObject block = QJsonDocument::fromJson(fixture.readAll()).object();
    QCOMPARE(block.keys(), QStringList{u"Authorization"_s});
    const QString documented = block.value(u"Authorization"_s).toString();
    QVERIFY(documented.contains(u"<Your Access Token>"_s));

    const QJsonObject grant{{QString::fromLatin1(PortProWire::grantType), u"client_credentials"_s},
                            {QString::fromLatin1(PortProWire::clientId), u"demo-client"_s},
                            {QString::fromLatin1(PortProWire::clientSecret), u"demo-secret"_s}};
    const QString token =
        m_sim->postJson(u"/portpro/v1/oauth/token"_s, grant).object().value(u"access_token"_s).toString();
    QVERIFY(!token.isEmpty());
    const QString path = u"/portpro/v1/loads?containerNo=MSCU1234565"_s;
    const QByteArray header = QString(documented).replace(u"<Your Access Token>"_s, token).toUtf8();
    const SimulatorReply accepted = m_sim->request("GET", path, {}, {{"Authorization", header}});
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.json.object().value(u"data"_s).toArray().size(), 1);
    QCOMPARE(m_sim->request("GET", path).status, 401);
    QCOMPARE(m_sim->request("GET", path, {}, {{"Authorization", token.toUtf8()}}).status, 401);
}

QTEST_GUILESS_MAIN(TestPortProSender)
#include "tst_portprosender.moc"
