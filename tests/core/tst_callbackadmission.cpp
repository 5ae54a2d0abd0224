// A callback is input from the network: SubscriptionStore::ingest checks each element's number (ISO
// 6346, or the entity's exact unnormalized number), refuses control characters, admits only what the
// entity watches, subscribed to or published, and caps the element count. Bad input first.
#include "clock.h"
#include "store.h"
#include "subscriptionstore.h"
#include "testdatabases.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString entity = u"acme"_s;
const QString provider = u"pushco"_s;

QDateTime at(int hour)
{
    return QDateTime(QDate(2025, 6, 2), QTime(hour, 0), Qt::UTC);
}

CallbackItem item(const QString &number, const QString &visit = {})
{
    CallbackItem item;
    item.observation.containerNumber = number;
    item.observation.source = provider + u"/NZAKL"_s;
    item.observation.observedAt = at(10);
    item.observation.available = true;
    item.visitKey = visit;
    return item;
}

SubscriptionRecord subscription(const QString &number, bool booking = false)
{
    SubscriptionRecord record;
    record.entity = entity;
    record.provider = provider;
    record.number = number;
    record.booking = booking;
    record.eventCodes = {u"ALL"_s};
    record.port = u"NZAKL"_s;
    record.category = u"IMPORT"_s;
    record.createdAt = at(8);
    record.expiresAt = at(8).addDays(90);
    return record;
}

} // namespace

class TestCallbackAdmission final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void refusesUnknownContainer();
    void refusesControlCharacters();
    void refusesHugeNumber();
    void capsElementCount();
    void admitsSubscribedNumberNormalized();
    void admitsWatchedAndPublished();
    void keepsUnnormalizedChoice();
    void bookingSubscriptionAdmitsValidNumbers();

private:
    int watchlistSize();

    ManualClock m_clock{at(12)};
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
};

void TestCallbackAdmission::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    QVERIFY2(m_database->isValid(), qPrintable(m_database->error()));
    auto opened = Store::open(m_database->location(), m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    m_store = std::move(opened).value();
}

void TestCallbackAdmission::cleanup()
{
    m_store.reset();
    m_database.reset();
}

int TestCallbackAdmission::watchlistSize()
{
    const Result<QList<WatchEntry>> all = m_store->containers(entity);
    return all ? int(all->size()) : -1;
}

void TestCallbackAdmission::refusesUnknownContainer()
{
    SubscriptionStore subscriptions(*m_store);
    const Result<int> stored = subscriptions.ingest(entity, provider, {item(u"MSCU1234566"_s)});
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(stored.error().message.contains(u"neither watches nor subscribed"_s), qPrintable(stored.error().message));
    QCOMPARE(watchlistSize(), 0);
    // Another entity's subscription does not open this entity's door.
    SubscriptionRecord foreign = subscription(u"MSCU1234566"_s);
    foreign.entity = u"other"_s;
    QVERIFY(m_store->saveSubscription(foreign).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"MSCU1234566"_s)}).ok());
    QCOMPARE(watchlistSize(), 0);
}

void TestCallbackAdmission::refusesControlCharacters()
{
    QVERIFY(m_store->saveSubscription(subscription(u"MSCU1234566"_s)).ok());
    SubscriptionStore subscriptions(*m_store);
    const QString withNul = u"MSCU1234566"_s + QChar(0) + u"X"_s;
    QVERIFY(!subscriptions.ingest(entity, provider, {item(withNul)}).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"MSCU1234566\u200b"_s)}).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"MSCU1234566"_s, u"visit\n1"_s)}).ok());
    QCOMPARE(watchlistSize(), 0);
    // The good element of a mixed callback is stored; the look-alike never becomes a second row.
    const Result<int> mixed = subscriptions.ingest(entity, provider, {item(withNul), item(u"MSCU1234566"_s)});
    QVERIFY2(mixed.ok(), qPrintable(mixed.error().message));
    QCOMPARE(watchlistSize(), 1);
    QCOMPARE(m_store->containers(entity)->constFirst().containerNumber, u"MSCU1234566"_s);
}

void TestCallbackAdmission::refusesHugeNumber()
{
    QVERIFY(m_store->saveSubscription(subscription(u"MSCU1234566"_s)).ok());
    SubscriptionStore subscriptions(*m_store);
    QVERIFY(!subscriptions.ingest(entity, provider, {item(QString(1000000, u'A'))}).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"MSCU1234567"_s)}).ok()); // wrong check digit
    QCOMPARE(watchlistSize(), 0);
}

void TestCallbackAdmission::capsElementCount()
{
    QVERIFY(m_store->saveSubscription(subscription(u"MSCU1234566"_s)).ok());
    SubscriptionStore subscriptions(*m_store);
    const QList<CallbackItem> tooMany(SubscriptionStore::maxCallbackItems + 1, item(u"MSCU1234566"_s));
    const Result<int> stored = subscriptions.ingest(entity, provider, tooMany);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, ErrorKind::TooLarge);
    QCOMPARE(watchlistSize(), 0);
    const QList<CallbackItem> atCap(SubscriptionStore::maxCallbackItems, item(u"MSCU1234566"_s));
    QVERIFY(subscriptions.ingest(entity, provider, atCap).ok());
    QCOMPARE(watchlistSize(), 1);
}

void TestCallbackAdmission::admitsSubscribedNumberNormalized()
{
    QVERIFY(m_store->saveSubscription(subscription(u"MSCU1234566"_s)).ok());
    SubscriptionStore subscriptions(*m_store);
    const Result<int> stored = subscriptions.ingest(entity, provider, {item(u" mscu1234566 "_s)});
    QVERIFY2(stored.ok(), qPrintable(stored.error().message));
    QVERIFY(stored.value() > 0);
    const Result<std::optional<WatchEntry>> entry = m_store->container(entity, u"MSCU1234566"_s);
    QVERIFY(entry.ok() && entry->has_value());
    QCOMPARE(entry->value().provider, provider);
    QCOMPARE(watchlistSize(), 1);
}

void TestCallbackAdmission::admitsWatchedAndPublished()
{
    WatchEntry watched;
    watched.entity = entity;
    watched.containerNumber = u"TGHU1234567"_s;
    watched.provider = provider;
    QVERIFY(m_store->addContainer(watched).ok());
    TracePublication publication;
    publication.number = u"MSCU1234566"_s;
    publication.provider = u"apm"_s;
    publication.publishedAt = at(9);
    QVERIFY(m_store->savePublication(entity, publication).ok());
    SubscriptionStore subscriptions(*m_store);
    QVERIFY(subscriptions.ingest(entity, provider, {item(u"TGHU1234567"_s), item(u"MSCU1234566"_s)}).ok());
    QCOMPARE(watchlistSize(), 2);
    // A cancelled publication no longer admits its number.
    publication.number = u"CSQU3054383"_s;
    publication.state = u"cancelled"_s;
    publication.cancelledAt = at(10);
    QVERIFY(m_store->savePublication(entity, publication).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"CSQU3054383"_s)}).ok());
    QCOMPARE(watchlistSize(), 2);
}

void TestCallbackAdmission::keepsUnnormalizedChoice()
{
    WatchEntry kept;
    kept.entity = entity;
    kept.containerNumber = u"RAIL-0042"_s;
    kept.provider = provider;
    kept.normalize = false;
    QVERIFY(m_store->addContainer(kept).ok());
    SubscriptionStore subscriptions(*m_store);
    QVERIFY(subscriptions.ingest(entity, provider, {item(u"RAIL-0042"_s)}).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"RAIL-0043"_s)}).ok());
    QCOMPARE(watchlistSize(), 1);
}

void TestCallbackAdmission::bookingSubscriptionAdmitsValidNumbers()
{
    QVERIFY(m_store->saveSubscription(subscription(u"BOOKING77"_s, true)).ok());
    SubscriptionStore subscriptions(*m_store);
    QVERIFY(subscriptions.ingest(entity, provider, {item(u"MSCU1234566"_s)}).ok());
    QVERIFY(!subscriptions.ingest(entity, provider, {item(u"NOT-A-NUMBER"_s)}).ok());
    QCOMPARE(watchlistSize(), 1);
}

QTEST_GUILESS_MAIN(TestCallbackAdmission)
#include "tst_callbackadmission.moc"
