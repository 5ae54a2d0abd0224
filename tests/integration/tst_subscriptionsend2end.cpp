// End to end over real HTTP: subscribe at the simulated PortConnect, receive callbacks on the
// webhook listener, see events and snapshots change, remove, receive nothing more; publish a
// container to the simulated Envase (Identity Manager token, web-hook registered with a signing key),
// receive signed TRACE_RESULTs, cancel.
#include "clock.h"
#include "containernumber.h"
#include "envaseidentity.h"
#include "envasetracepublisher.h"
#include "envasewebhook.h"
#include "envasewebhookregistration.h"
#include "portconnectclient.h"
#include "portconnectwebhook.h"
#include "providercatalog.h"
#include "simulatorprocess.h"
#include "store.h"
#include "subscriptionstore.h"
#include "testdatabases.h"
#include "webhooklistener.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const Clock &listenerClock()
{
    static const SystemClock clock;
    return clock;
}

QString numberFor(int serial)
{
    const QString firstTen = u"MSCU%1"_s.arg(serial, 6, 10, QChar(u'0'));
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
}

template<typename T, typename Call>
Result<T> wait(Call call)
{
    std::optional<Result<T>> answer;
    QEventLoop loop;
    call([&](Result<T> result) {
        answer = std::move(result);
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

qint64 eventsOf(Store &store, const QString &number)
{
    auto entry = store.container(u"default"_s, number);
    if (!entry || !entry->has_value())
        return 0;
    return store.events(entry->value().id)->size();
}

} // namespace

class TestSubscriptionsEnd2End final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void portConnect();
    void portConnectEveryDocumentedCode();
    void portConnectRefusesTheOldInventedBody();
    void envase();

private:
    SimulatorProcess m_sim;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<WebhookListener> m_listener;
    QNetworkAccessManager m_network;
    QString m_webhookBase;
    QByteArray m_signingKey = EnvaseWebhookRegistration::generateSigningKey();
};

void TestSubscriptionsEnd2End::initTestCase()
{
    QVERIFY2(m_sim.start({u"--speed"_s, u"1"_s}), qPrintable(m_sim.errorString()));
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    m_store = std::move(store).value();
    WebhookListenerConfig config;
    config.token = "e2e-token-0123456789abcdef0123456789";
    m_listener = std::make_unique<WebhookListener>(config, listenerClock());
    m_listener->addEndpoint(QString::fromLatin1(PortConnectWebhook::path),
                            PortConnectWebhook::handler(*m_store, u"default"_s));
    EnvaseWebhook::addSignedEndpoint(*m_listener, QString::fromLatin1(EnvaseWebhook::path), *m_store, u"default"_s,
                                     m_signingKey);
    const Result<quint16> port = m_listener->listen();
    QVERIFY(port.ok());
    m_webhookBase = u"http://127.0.0.1:%1"_s.arg(port.value());
}

void TestSubscriptionsEnd2End::portConnect()
{
    PortConnectClient client(&m_network, m_sim.baseUrl(), "sim-key");
    PortConnectSubscriptionRequest request;
    for (int i = 0; i < 25; ++i)
        request.containerNumbers.append(numberFor(100 + i));
    request.eventCodes = {u"ALL"_s};
    request.port = u"NZAKL"_s;
    request.category = u"IMPORT"_s;
    request.callbackUri = m_webhookBase + QString::fromLatin1(PortConnectWebhook::path);
    request.callbackToken = u"e2e-token-0123456789abcdef0123456789"_s;

    PortConnectSubscriptionRequest tooLong = request;
    tooLong.reference = QString(51, u'r');
    auto refused = wait<QList<PortConnectSubscribed>>([&](auto done) { client.subscribe(tooLong, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(client.requestsSent(), 0); // refused before anything was sent
    QCOMPARE(m_sim.getJson(u"/_sim/portconnect"_s).object().value(u"createRequests"_s).toInt(), 0);

    // As SubscriptionService does: the numbers are recorded before the provider's initial callback.
    SubscriptionStore subscriptions(*m_store);
    for (const QString &number : std::as_const(request.containerNumbers)) {
        SubscriptionRecord record;
        record.provider = u"portconnect"_s;
        record.number = number;
        record.eventCodes = request.eventCodes;
        record.port = request.port;
        record.category = request.category;
        record.createdAt = QDateTime::currentDateTimeUtc();
        record.expiresAt = record.createdAt.addDays(90);
        const Result<void> saved = subscriptions.saveSubscription(record);
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
    }
    auto created = wait<QList<PortConnectSubscribed>>([&](auto done) { client.subscribe(request, done); });
    QVERIFY2(created.ok(), qPrintable(created.error().message));
    QCOMPARE(created->size(), 25);
    QCOMPARE(client.requestsSent(), 3);
    QCOMPARE(m_sim.getJson(u"/_sim/portconnect"_s).object().value(u"createRequests"_s).toInt(), 3);
    QVERIFY(created->first().expiresAt > QDateTime::currentDateTimeUtc().addDays(89));

    // The initial callbacks carry what already happened.
    QTRY_VERIFY_WITH_TIMEOUT(m_listener->acceptedCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_store->eventCount(u"default"_s).value() > 0, 10000);
    const QString watched = request.containerNumbers.first();
    const QString removed = request.containerNumbers.at(1);
    auto removal = wait<void>([&](auto done) { client.remove(2, {}, removed, false, done); });
    QVERIFY(removal.ok());
    QTest::qWait(300);
    const qint64 removedBefore = eventsOf(*m_store, removed);
    const qint64 totalBefore = m_store->eventCount(u"default"_s).value();
    QHash<QString, ContainerSnapshot> snapshotsBefore;
    for (const QString &number : request.containerNumbers) {
        auto entry = m_store->container(u"default"_s, number);
        if (entry.ok() && entry->has_value())
            snapshotsBefore.insert(number, entry->value().snapshot);
    }

    m_sim.postJson(u"/_sim/advance"_s, {{u"hours"_s, 24 * 20}});
    QTRY_VERIFY_WITH_TIMEOUT(m_store->eventCount(u"default"_s).value() > totalBefore, 10000);
    QTest::qWait(500);
    QCOMPARE(eventsOf(*m_store, removed), removedBefore); // removed: nothing more
    auto after = m_store->container(u"default"_s, watched);
    QVERIFY(after.ok() && after->has_value());
    QCOMPARE(after->value().provider, u"portconnect"_s);
    // The callbacks of the 20 days moved the subscribed containers on: snapshots changed, not just events.
    int changedSnapshots = 0;
    for (const QString &number : request.containerNumbers) {
        auto entry = m_store->container(u"default"_s, number);
        if (entry.ok() && entry->has_value() && entry->value().snapshot != snapshotsBefore.value(number))
            ++changedSnapshots;
    }
    QVERIFY2(changedSnapshots > 0, "no subscribed container's snapshot changed after 20 days of callbacks");
    const QJsonObject stats = m_sim.getJson(u"/_sim/portconnect"_s).object();
    QCOMPARE(stats.value(u"callbacksRefused"_s).toInt(), 0);
}

// Every code of "Webhook Callback Payload" through the simulator's callbacks (documented headers and
// body) and the real webhook listener: each lands as an event with its code.
void TestSubscriptionsEnd2End::portConnectEveryDocumentedCode()
{
    PortConnectClient client(&m_network, m_sim.baseUrl(), "sim-key");
    PortConnectSubscriptionRequest request;
    const QString number = numberFor(950);
    request.containerNumbers = {number};
    request.eventCodes = {u"ALL"_s};
    request.port = u"NZAKL"_s;
    request.category = u"IMPORT"_s;
    request.callbackUri = m_webhookBase + QString::fromLatin1(PortConnectWebhook::path);
    request.callbackToken = u"e2e-token-0123456789abcdef0123456789"_s;
    QVERIFY(recordSubscription(*m_store, u"portconnect"_s, number).ok());
    auto created = wait<QList<PortConnectSubscribed>>([&](auto done) { client.subscribe(request, done); });
    QVERIFY2(created.ok(), qPrintable(created.error().message));
    QVERIFY(created->first().expiresAt.isValid()); // from expirationDatetime
    QTRY_VERIFY_WITH_TIMEOUT(eventsOf(*m_store, number) > 0, 10000);
    const QStringList codes{u"ACTIVE"_s,
                            u"AVAILABLE"_s,
                            u"AVAILABLECANCELLED"_s,
                            u"BOOKINGDISCREPANCY"_s,
                            u"CEDORELEASE"_s,
                            u"CEDOREVOKED"_s,
                            u"CLEARED"_s,
                            u"CLEAREDCANCELLED"_s,
                            u"CUSTOMSRELEASE"_s,
                            u"CUSTOMSRELEASECANCELLED"_s,
                            u"DISCHARGE"_s,
                            u"DISCHARGEDNOTCLEARED"_s,
                            u"EXPORTCLEARED"_s,
                            u"EXPORTCLEAREDCANCELLED"_s,
                            u"GATEIN"_s,
                            u"GATEOUT"_s,
                            u"HAZARDGATERULE"_s,
                            u"LFTCHANGED"_s,
                            u"LFTEXCEEDED"_s,
                            u"LFT24HOURS"_s,
                            u"LOAD"_s,
                            u"LOPRELEASE"_s,
                            u"LOPRELEASECANCELLED"_s,
                            u"MPIRELEASE"_s,
                            u"MPIRELEASECANCELLED"_s,
                            u"NOCEDO"_s,
                            u"PINAVAILABLE"_s,
                            u"PINSUSPENDED"_s,
                            u"PRIORITYGATEIN"_s,
                            u"VBSCHANGED"_s,
                            u"VESSELARRIVAL"_s,
                            u"VESSELDEPARTURE"_s};
    QJsonArray events;
    const QDateTime base(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC);
    for (qsizetype i = 0; i < codes.size(); ++i) {
        events.append(QJsonObject{{u"containerNumber"_s, number},
                                  {u"code"_s, codes.at(i)},
                                  {u"at"_s, base.addSecs(60 * i).toString(Qt::ISODate)},
                                  {u"value"_s, u"2026-01-20T16:00:00+13:00"_s},
                                  {u"visit"_s, u"7000001"_s}});
    }
    m_sim.postJson(u"/_sim/portconnect/events"_s, {{u"events"_s, events}});
    auto allLanded = [&] {
        auto entry = m_store->container(u"default"_s, number);
        if (!entry || !entry->has_value())
            return false;
        const Result<QList<Event>> stored = m_store->events(entry->value().id);
        QSet<QString> seen;
        for (const Event &event : stored.value())
            seen.insert(event.providerCode);
        return std::all_of(codes.cbegin(), codes.cend(), [&seen](const QString &code) { return seen.contains(code); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allLanded(), 15000);
    QCOMPARE(m_sim.getJson(u"/_sim/portconnect"_s).object().value(u"callbacksRefused"_s).toInt(), 0);
}

// A body in the shape Quaywatch once invented gets the documented fields named back.
void TestSubscriptionsEnd2End::portConnectRefusesTheOldInventedBody()
{
    const QJsonObject old{{u"containerNumbers"_s, QJsonArray{numberFor(951)}},
                          {u"containerVisitEventTypeCodes"_s, QJsonArray{u"ALL"_s}},
                          {u"portCode"_s, u"NZAKL"_s},
                          {u"categoryCode"_s, u"IMPORT"_s},
                          {u"callback"_s, QJsonObject{{u"uri"_s, m_webhookBase}, {u"token"_s, u"e2e-token"_s}}}};
    const int before = m_sim.getJson(u"/_sim/portconnect"_s).object().value(u"subscriptions"_s).toArray().size();
    QNetworkRequest post(m_sim.baseUrl().resolved(QUrl(u"/v2/subscriptions"_s)));
    post.setRawHeader("Ocp-Apim-Subscription-Key", "sim-key");
    post.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply *reply = m_network.post(post, QJsonDocument(old).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    const QJsonDocument answer = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    QVERIFY2(answer.object().value(u"message"_s).toString().contains(u"containers[{containerNumber"_s),
             answer.toJson().constData());
    QCOMPARE(m_sim.getJson(u"/_sim/portconnect"_s).object().value(u"subscriptions"_s).toArray().size(), before);
}

void TestSubscriptionsEnd2End::envase()
{
    Result<ProviderCatalog> catalog = ProviderCatalog::load();
    QVERIFY2(catalog.ok(), qPrintable(catalog.error().message));
    const QString webhook = m_webhookBase + QString::fromLatin1(EnvaseWebhook::path);
    SystemClock clock;
    EnvaseTokenSource tokens(&m_network, {u"e2e-client"_s, u"e2e-secret"_s, m_sim.url(u"/oauth2/token"_s)}, clock);
    EnvaseWebhookRegistration registration(&m_network, tokens, m_sim.url(u"/api/webhooks"_s));
    auto registered =
        wait<QString>([&](auto done) { registration.registerResults(QUrl(webhook), m_signingKey, done); });
    QVERIFY2(registered.ok(), qPrintable(registered.error().message));
    QVERIFY(!registered.value().isEmpty());
    TracePublishSettings settings{u"3b42ff39-d731-43f6-a8a2-1b257f87469e"_s, u"7cd437c3-f25a-4e22-b221-47b6485f140d"_s,
                                  u"quaywatch-tests"_s, m_sim.url(u"/api/events"_s).toString()};
    EnvaseTracePublisher publisher(&m_network, catalog.value(), settings, tokens);
    const QString number = numberFor(900);
    EnvaseTraceTarget target{number, u"apm"_s, QJsonObject{{u"locationCode"_s, u"USNWK"_s}}, true};

    EnvaseTraceTarget secret = target;
    secret.data.insert(u"clientSecret"_s, u"do-not-send"_s);
    QVERIFY(
        !wait<void>([&](auto done) { publisher.publish(secret, EnvaseTracePublisher::Action::Requested, done); }).ok());
    EnvaseTraceTarget badCode = target;
    badCode.data.insert(u"locationCode"_s, u"XXXXX"_s);
    QVERIFY(!wait<void>([&](auto done) {
                 publisher.publish(badCode, EnvaseTracePublisher::Action::Requested, done);
             }).ok());

    const int acceptedBefore = m_listener->acceptedCount();
    TracePublication publication; // as SubscriptionService records it
    publication.number = number;
    publication.provider = u"apm"_s;
    publication.publishedAt = QDateTime::currentDateTimeUtc();
    const Result<void> recorded = SubscriptionStore(*m_store).savePublication(u"default"_s, publication);
    QVERIFY2(recorded.ok(), qPrintable(recorded.error().message));
    auto published =
        wait<void>([&](auto done) { publisher.publish(target, EnvaseTracePublisher::Action::Requested, done); });
    QVERIFY2(published.ok(), qPrintable(published.error().message));
    const QJsonObject received = m_sim.getJson(u"/_sim/envase"_s).object();
    QCOMPARE(received.value(u"received"_s).toArray().size(), 1); // the refused ones never left
    const QJsonObject event = received.value(u"received"_s).toArray().first().toObject();
    QCOMPARE(event.value(u"action"_s).toString(), u"TRACE_REQUESTED"_s);
    QCOMPARE(event.value(u"payload"_s).toObject().value(u"providerId"_s).toString(), u"apm"_s);
    // normalize true is the documented default: the documented "data" carries only the provider's fields.
    QVERIFY(!event.value(u"payload"_s).toObject().value(u"data"_s).toObject().contains(u"normalize"_s));
    QCOMPARE(received.value(u"tokensIssued"_s).toInt(), 1); // one token for registering and publishing

    m_sim.postJson(u"/_sim/advance"_s, {{u"hours"_s, 24 * 30}});
    QTRY_VERIFY_WITH_TIMEOUT(m_listener->acceptedCount() > acceptedBefore, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(eventsOf(*m_store, number) > 0, 10000);
    QCOMPARE(m_sim.getJson(u"/_sim/envase"_s).object().value(u"callbacksRefused"_s).toInt(), 0); // all signed right
    auto entry = m_store->container(u"default"_s, number);
    QCOMPARE(entry->value().provider, u"apm"_s);
    QVERIFY(entry->value().nextTraceAt.isValid());

    auto cancelled =
        wait<void>([&](auto done) { publisher.publish(target, EnvaseTracePublisher::Action::Cancelled, done); });
    QVERIFY(cancelled.ok());
    QTest::qWait(300);
    const qint64 eventsBefore = eventsOf(*m_store, number);
    m_sim.postJson(u"/_sim/advance"_s, {{u"hours"_s, 24 * 30}});
    QTest::qWait(500);
    QCOMPARE(eventsOf(*m_store, number), eventsBefore);
}

QTEST_GUILESS_MAIN(TestSubscriptionsEnd2End)
#include "tst_subscriptionsend2end.moc"
