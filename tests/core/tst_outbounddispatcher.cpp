// The outbox dispatcher with a test sender: backoff with full jitter, Retry-After, the in-flight
// limit, order per container, Stop, Permanent, and audit entries that carry no secret.
#include "outbound/outbounddispatcher.h"
#include "storetestsupport.h"

#include <QSignalSpy>
#include <QTimer>

using namespace StoreTest;

namespace {
// The sender's secret: the factory knows it, the dispatcher and the audit log never do.
constexpr auto secret = "s3cr3t-signing-key";

// Answers every delivery on the next turn of the event loop with what decide says.
class TestSender final : public OutboundSender
{
public:
    std::function<DeliveryResult(const OutboxMessage &)> decide = [](const OutboxMessage &) {
        return DeliveryResult{};
    };
    QList<OutboxMessage> seen;
    int inFlight = 0;
    int maxInFlight = 0;

    QString kind() const override { return QString::fromLatin1(Outbound::webhookKind); }
    void deliver(const OutboxMessage &message, std::function<void(DeliveryResult)> done) override
    {
        seen.append(message);
        maxInFlight = std::max(maxInFlight, ++inFlight);
        DeliveryResult result = decide(message);
        // Two turns, so that several deliveries overlap.
        QTimer::singleShot(0, [this, done, result] {
            QTimer::singleShot(0, [this, done, result] {
                --inFlight;
                done(result);
            });
        });
    }
    void test(std::function<void(DeliveryResult)> done) override
    {
        QTimer::singleShot(0, [done] { done(DeliveryResult{}); });
    }
};

struct Fixture
{
    ManualClock clock{QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC)};
    std::shared_ptr<TestSender> sender = std::make_shared<TestSender>();
    int factoryCalls = 0;
    QHash<QString, QString> secrets;

    OutboundDispatcher::SenderFactory factory()
    {
        return [this](const OutboundDestination &, OutboundDispatcher::SenderCallback done) {
            ++factoryCalls;
            secrets.insert(u"signingSecret"_s, QString::fromLatin1(secret));
            done(std::shared_ptr<OutboundSender>(sender));
        };
    }
};

OutboundDestination webhook(int maxInFlight = 8, int maxAttempts = 10)
{
    OutboundDestination d;
    d.entity = entity;
    d.name = u"warehouse"_s;
    d.kind = QString::fromLatin1(Outbound::webhookKind);
    d.url = QUrl(u"https://example.test/hook"_s);
    d.maxInFlight = maxInFlight;
    d.maxAttempts = maxAttempts;
    return d;
}

Event ev(qint64 containerId, const QString &key)
{
    return makeEvent(containerId, key, utc(3, 4));
}

OutboundDrainReport drainOnce(OutboundDispatcher &dispatcher)
{
    QSignalSpy spy(&dispatcher, &OutboundDispatcher::finished);
    dispatcher.drain();
    if (!spy.wait(30000))
        return {};
    return spy.constFirst().constFirst().value<OutboundDrainReport>();
}

DeliveryResult result(DeliveryResult::Outcome outcome, const QString &error = {})
{
    DeliveryResult r;
    r.outcome = outcome;
    r.error = error;
    return r;
}
} // namespace

class TestOutboundDispatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffHasFullJitterWithinBounds();
    void retryAfterIsHonouredAndCapped();
    void deliversInOrderWithinTheInFlightLimit_data() { addBackends(); }
    void deliversInOrderWithinTheInFlightLimit();
    void failedAttemptsWaitThenDeadLetter_data() { addBackends(); }
    void failedAttemptsWaitThenDeadLetter();
    void retryAfterSetsTheNextAttempt_data() { addBackends(); }
    void retryAfterSetsTheNextAttempt();
    void permanentIsADeadLetterAtOnce_data() { addBackends(); }
    void permanentIsADeadLetterAtOnce();
    void stopStopsTheDestination_data() { addBackends(); }
    void stopStopsTheDestination();
};

void TestOutboundDispatcher::backoffHasFullJitterWithinBounds()
{
    const auto zero = [] { return 0.0; };
    const auto top = [] { return 0.999999; };
    QCOMPARE(OutboundDispatcher::backoffMs(1, zero), 0);
    QVERIFY(OutboundDispatcher::backoffMs(1, top) <= 2000);
    QVERIFY(OutboundDispatcher::backoffMs(1, top) >= 1999);
    QVERIFY(OutboundDispatcher::backoffMs(2, top) <= 4000);
    QVERIFY(OutboundDispatcher::backoffMs(2, top) > 2000);
    QVERIFY(OutboundDispatcher::backoffMs(20, top) <= OutboundDispatcher::backoffCapMs);
    QVERIFY(OutboundDispatcher::backoffMs(20, top) > OutboundDispatcher::backoffCapMs - 2);
    for (int i = 0; i < 200; ++i) {
        const qint64 wait = OutboundDispatcher::backoffMs(3, {});
        QVERIFY(wait >= 0 && wait <= 8000);
    }
}

void TestOutboundDispatcher::retryAfterIsHonouredAndCapped()
{
    const QDateTime now(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    DeliveryResult r = result(DeliveryResult::Outcome::Retry, u"429"_s);
    r.retryAfterMs = 30000;
    QCOMPARE(OutboundDispatcher::nextAttemptAt(r, 1, now, [] { return 0.5; }), now.addSecs(30));
    r.retryAfterMs = 10LL * 24 * 3600 * 1000;
    QCOMPARE(OutboundDispatcher::nextAttemptAt(r, 1, now, {}), now.addDays(1));
    r.retryAfterMs.reset();
    QCOMPARE(OutboundDispatcher::nextAttemptAt(r, 2, now, [] { return 0.5; }), now.addMSecs(2000));
}

void TestOutboundDispatcher::deliversInOrderWithinTheInFlightLimit()
{
    Fixture f;
    QFETCH(Store::Backend, backend);
    if (backend == Store::Backend::Postgres && !TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");
    TestDatabase database(backend);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), f.clock);
    QVERIFY2(opened, qPrintable(opened.error().message));
    Store &store = *opened.value();
    QVERIFY(store.saveDestination(webhook(3)));
    QList<Event> events;
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i) {
        const auto added = store.addContainer(entry(u"MSCU%1"_s.arg(3000000 + i)));
        QVERIFY(added);
        ids.append(added->id);
    }
    for (int round = 0; round < 3; ++round) {
        for (const qint64 id : ids)
            events.append(ev(id, u"k%1-%2"_s.arg(id).arg(round)));
    }
    QVERIFY(store.insertEvents(events));
    OutboundDispatcher dispatcher(store, f.clock, f.factory());
    const OutboundDrainReport report = drainOnce(dispatcher);
    QCOMPARE(report.delivered, 18);
    QVERIFY(report.errors.isEmpty());
    QCOMPARE(f.sender->seen.size(), 18);
    QVERIFY(f.sender->maxInFlight <= 3);
    QVERIFY(f.sender->maxInFlight > 1);
    QHash<qint64, qint64> lastSequence;
    for (const OutboxMessage &message : f.sender->seen) {
        QVERIFY2(message.sequence > lastSequence.value(message.containerId), "a later update overtook an earlier one");
        lastSequence.insert(message.containerId, message.sequence);
    }
    QCOMPARE(f.factoryCalls, 1);
    const auto audit = store.auditEntries(entity);
    QVERIFY(audit);
    int deliveries = 0;
    for (const AuditEntry &a : audit.value()) {
        if (a.action == u"outbound-deliver")
            ++deliveries;
    }
    QCOMPARE(deliveries, 18);
}

void TestOutboundDispatcher::failedAttemptsWaitThenDeadLetter()
{
    Fixture f;
    OPEN_STORE(database, unused);
    Q_UNUSED(unused);
    auto opened = Store::open(database.location(), f.clock);
    QVERIFY(opened);
    Store &store = *opened.value();
    QVERIFY(store.saveDestination(webhook(8, 3)));
    const auto added = store.addContainer(entry(u"MSCU1234565"_s));
    QVERIFY(added);
    QVERIFY(store.insertEvents({ev(added->id, u"a"_s)}));
    f.sender->decide = [](const OutboxMessage &) {
        return result(DeliveryResult::Outcome::Retry, u"HTTP 503 from the receiver"_s);
    };
    OutboundDispatcher dispatcher(store, f.clock, f.factory());
    OutboundDrainReport report = drainOnce(dispatcher);
    QCOMPARE(report.retried, 1);
    QCOMPARE(f.sender->seen.size(), 1);
    report = drainOnce(dispatcher); // not due yet: the backoff holds it
    QCOMPARE(f.sender->seen.size(), 1);
    QCOMPARE(report.retried, 0);
    f.clock.advanceSeconds(3); // past the first backoff (at most 2 s)
    report = drainOnce(dispatcher);
    QCOMPARE(f.sender->seen.size(), 2);
    f.clock.advanceSeconds(5); // past the second (at most 4 s)
    report = drainOnce(dispatcher);
    QCOMPARE(f.sender->seen.size(), 3);
    QCOMPARE(report.dead, 1);
    OutboxQuery query;
    query.states = {OutboxState::Dead};
    const auto dead = store.outboxMessages(query);
    QVERIFY(dead);
    QCOMPARE(dead->size(), 1);
    QCOMPARE(dead->at(0).lastError, u"HTTP 503 from the receiver"_s);
    const auto audit = store.auditEntries(entity);
    QVERIFY(audit);
    QStringList actions;
    for (const AuditEntry &a : audit.value()) {
        actions.append(a.action);
        QVERIFY(!a.detail.contains(QLatin1StringView(secret)));
        QVERIFY(!a.detail.contains(u"snapshot"_s)); // not the payload body
    }
    QCOMPARE(actions.count(u"outbound-fail"_s), 2);
    QCOMPARE(actions.count(u"outbound-dead-letter"_s), 1);
}

void TestOutboundDispatcher::retryAfterSetsTheNextAttempt()
{
    Fixture f;
    OPEN_STORE(database, unused);
    Q_UNUSED(unused);
    auto opened = Store::open(database.location(), f.clock);
    QVERIFY(opened);
    Store &store = *opened.value();
    QVERIFY(store.saveDestination(webhook()));
    const auto added = store.addContainer(entry(u"MSCU1234565"_s));
    QVERIFY(added);
    QVERIFY(store.insertEvents({ev(added->id, u"a"_s)}));
    f.sender->decide = [](const OutboxMessage &) {
        DeliveryResult r = result(DeliveryResult::Outcome::Retry, u"HTTP 429"_s);
        r.retryAfterMs = 90000;
        return r;
    };
    OutboundDispatcher dispatcher(store, f.clock, f.factory());
    QCOMPARE(drainOnce(dispatcher).retried, 1);
    const auto messages = store.outboxMessages({});
    QVERIFY(messages);
    QCOMPARE(messages->at(0).nextAttemptAt, f.clock.now().addSecs(90));
    f.clock.advanceSeconds(89);
    drainOnce(dispatcher);
    QCOMPARE(f.sender->seen.size(), 1);
    f.clock.advanceSeconds(1);
    f.sender->decide = [](const OutboxMessage &) { return DeliveryResult{}; };
    QCOMPARE(drainOnce(dispatcher).delivered, 1);
}

void TestOutboundDispatcher::permanentIsADeadLetterAtOnce()
{
    Fixture f;
    OPEN_STORE(database, unused);
    Q_UNUSED(unused);
    auto opened = Store::open(database.location(), f.clock);
    QVERIFY(opened);
    Store &store = *opened.value();
    QVERIFY(store.saveDestination(webhook()));
    const auto added = store.addContainer(entry(u"MSCU1234565"_s));
    QVERIFY(added);
    QVERIFY(store.insertEvents({ev(added->id, u"a"_s), ev(added->id, u"b"_s)}));
    int calls = 0;
    f.sender->decide = [&calls](const OutboxMessage &) {
        return ++calls == 1 ? result(DeliveryResult::Outcome::Permanent, u"HTTP 400"_s) : DeliveryResult{};
    };
    OutboundDispatcher dispatcher(store, f.clock, f.factory());
    const OutboundDrainReport report = drainOnce(dispatcher);
    QCOMPARE(report.dead, 1);
    QCOMPARE(report.delivered, 1); // the dead letter did not hold the container's second message back
    QCOMPARE(f.sender->seen.size(), 2);
    QCOMPARE(report.retried, 0);
}

void TestOutboundDispatcher::stopStopsTheDestination()
{
    Fixture f;
    OPEN_STORE(database, unused);
    Q_UNUSED(unused);
    auto opened = Store::open(database.location(), f.clock);
    QVERIFY(opened);
    Store &store = *opened.value();
    const auto destination = store.saveDestination(webhook(1));
    QVERIFY(destination);
    QList<Event> events;
    for (int i = 0; i < 4; ++i) {
        const auto added = store.addContainer(entry(u"MSCU%1"_s.arg(4000000 + i)));
        QVERIFY(added);
        events.append(ev(added->id, u"s%1"_s.arg(i)));
    }
    QVERIFY(store.insertEvents(events));
    f.sender->decide = [](const OutboxMessage &) {
        return result(DeliveryResult::Outcome::Stop, u"The refresh token was revoked; reconnect PortPro"_s);
    };
    OutboundDispatcher dispatcher(store, f.clock, f.factory());
    const OutboundDrainReport report = drainOnce(dispatcher);
    QCOMPARE(report.stopped, QStringList{u"warehouse"_s});
    QCOMPARE(f.sender->seen.size(), 1); // nothing more went out
    QCOMPARE(store.destinationById(destination->id)->value().stoppedReason,
             u"The refresh token was revoked; reconnect PortPro"_s);
    drainOnce(dispatcher);
    QCOMPARE(f.sender->seen.size(), 1);
    const auto summaries = store.outboxSummaries(entity);
    QVERIFY(summaries);
    QCOMPARE(summaries->at(0).pending, 4); // kept queueing, nothing lost
}

QTEST_GUILESS_MAIN(TestOutboundDispatcher)
#include "tst_outbounddispatcher.moc"
