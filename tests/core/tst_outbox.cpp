// The transactional outbox (issue 17): the messages a write causes, written in its transaction, and
// the claim rule several workers share (ordering per container, maxInFlight across connections,
// leases that run out, dead letters, Stop, retry and replay), on SQLite and PostgreSQL.
#include "outbound/outboundmessages.h"
#include "portpromapping.h"
#include "storage/outboxtable.h"
#include "storetestsupport.h"

#include <QJsonArray>
#include <QSet>
#include <QThread>

#include <atomic>

using namespace StoreTest;

namespace {
OutboundDestination webhook(const QString &name = u"warehouse"_s, const QStringList &codes = {})
{
    OutboundDestination d;
    d.entity = entity;
    d.name = name;
    d.kind = QString::fromLatin1(Outbound::webhookKind);
    d.url = QUrl(u"https://example.test/hook"_s);
    d.eventCodes = codes;
    return d;
}

OutboundDestination portPro()
{
    OutboundDestination d;
    d.entity = entity;
    d.name = u"portpro"_s;
    d.kind = QString::fromLatin1(PortProMapping::kind);
    return d;
}

Event ev(qint64 containerId, const QString &key, EventCode code = EventCode::Discharged)
{
    Event e = makeEvent(containerId, key, utc(3, 4));
    e.code = code;
    e.data.insert(u"key"_s, key); // tells the events apart in the webhook body
    return e;
}

TraceWrite traced(qint64 containerId, std::optional<ContainerSnapshot> snapshot, QList<Event> events = {})
{
    TraceWrite write;
    write.containerId = containerId;
    write.snapshot = std::move(snapshot);
    write.newEvents = std::move(events);
    write.tracedAt = utc(20, 1);
    write.nextTraceAt = utc(20, 2);
    return write;
}

qint64 add(Store &store, const QString &number)
{
    const Result<AddOutcome> added = store.addContainer(entry(number));
    return added ? added->id : 0;
}

// Later than every message's nextAttemptAt (stamped with the real clock at enqueue).
QDateTime later(int seconds = 5)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds);
}

QList<OutboxMessage> claimAll(Store &store, qint64 destinationId, const QDateTime &now, int limit = 100,
                              const QString &worker = u"w1"_s, int leaseSeconds = 120)
{
    OutboxClaimRequest request;
    request.destinationId = destinationId;
    request.limit = limit;
    request.worker = worker;
    request.identity = WorkerIdentity::current();
    request.leaseSeconds = leaseSeconds;
    request.now = now;
    const auto claimed = store.claimOutbox(request);
    return claimed ? claimed.value() : QList<OutboxMessage>();
}

DeliveryResult outcome(DeliveryResult::Outcome kind, const QString &error = {})
{
    DeliveryResult result;
    result.outcome = kind;
    result.error = error;
    return result;
}

QList<OutboxMessage> allMessages(Store &store, qint64 destinationId)
{
    OutboxQuery query;
    query.destinationId = destinationId;
    query.limit = 100000;
    const auto messages = store.outboxMessages(query);
    return messages ? messages.value() : QList<OutboxMessage>();
}
} // namespace

class TestOutbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The PortPro module's field table, as ProviderRegistry::builtIn() registers it in the apps.
    void initTestCase() { FieldMappings::add(PortProMapping::mapping()); }
    void webhookBodyHasTheDocumentedFields();
    void webhookFiltersByEventCode();
    void portProDiffHasOnlyTheChangedFields();
    void portProTellsReleasedFromUnknown();
    void nothingWithoutDestinations();
    void destinationsAreSavedAndRemoved_data() { addBackends(); }
    void destinationsAreSavedAndRemoved();
    void messagesAreWrittenWithTheEvents_data() { addBackends(); }
    void messagesAreWrittenWithTheEvents();
    void failedWriteLeavesNoMessage_data() { addBackends(); }
    void failedWriteLeavesNoMessage();
    void portProMessageCarriesTheChange_data() { addBackends(); }
    void portProMessageCarriesTheChange();
    void journalRunsRefuseWhatTheyDidNotWrite();
    void bulkIngestionJournalsOneRowPerWrite_data() { addBackends(); }
    void bulkIngestionJournalsOneRowPerWrite();
    void failedBulkWriteLeavesNoJournal_data() { addBackends(); }
    void failedBulkWriteLeavesNoJournal();
    void traceWriteExpandsTheJournalFirst_data() { addBackends(); }
    void traceWriteExpandsTheJournalFirst();
    void journalGoesOnlyToTheDestinationsOfItsWrite_data() { addBackends(); }
    void journalGoesOnlyToTheDestinationsOfItsWrite();
    void oneContainerAtATimeInOrder_data() { addBackends(); }
    void oneContainerAtATimeInOrder();
    void maxInFlightCountsEveryConnection_data() { addBackends(); }
    void maxInFlightCountsEveryConnection();
    void expiredLeaseIsClaimedAgain_data() { addBackends(); }
    void expiredLeaseIsClaimedAgain();
    void deadLetterAfterMaxAttempts_data() { addBackends(); }
    void deadLetterAfterMaxAttempts();
    void stopStopsTheDestination_data() { addBackends(); }
    void stopStopsTheDestination();
    void replayQueuesNewMessages_data() { addBackends(); }
    void replayQueuesNewMessages();
    void concurrentWorkersGetDisjointMessages();
};

void TestOutbox::webhookBodyHasTheDocumentedFields()
{
    WatchEntry after = entry(u"MSCU1234565"_s);
    after.id = 7;
    after.snapshot = fullSnapshot();
    const Event e = ev(7, u"k1"_s);
    const QJsonObject body = OutboundMessages::webhookBody(u"id-1"_s, after, e);
    QCOMPARE(body.value(u"messageId"_s).toString(), u"id-1"_s);
    QCOMPARE(body.value(u"entity"_s).toString(), entity);
    QCOMPARE(body.value(u"containerNumber"_s).toString(), u"MSCU1234565"_s);
    const QJsonObject ev = body.value(u"event"_s).toObject();
    QCOMPARE(ev.value(u"code"_s).toString(), eventCodeName(EventCode::Discharged));
    QCOMPARE(ev.value(u"providerCode"_s).toString(), u"Grounded"_s);
    QCOMPARE(ev.value(u"occurredAt"_s).toString(), u"2024-05-03T04:00:00Z"_s);
    QCOMPARE(ev.value(u"location"_s).toObject().value(u"lot"_s).toString(), u"Yard"_s);
    QCOMPARE(ev.value(u"data"_s).toObject().value(u"position"_s).toString(), u"R12"_s);
    QCOMPARE(ev.value(u"source"_s).toString(), u"ports_america/WBCT_LA"_s);
    QCOMPARE(body.value(u"snapshot"_s).toObject(), fullSnapshot().toJson());
    QCOMPARE(body.value(u"occurredAt"_s), ev.value(u"occurredAt"_s));
    QCOMPARE(body.value(u"observedAt"_s), ev.value(u"observedAt"_s));
    QVERIFY(!body.contains(u"raw"_s)); // the provider's payload stays home
}

void TestOutbox::webhookFiltersByEventCode()
{
    OutboundMessages::ContainerChange change;
    change.before = entry(u"MSCU1234565"_s);
    change.before.id = 1;
    change.after = change.before;
    change.newEvents = {ev(1, u"a"_s, EventCode::Discharged), ev(1, u"b"_s, EventCode::Outgated)};
    const QString outgated = eventCodeName(EventCode::Outgated);
    QList<OutboundDestination> destinations{webhook(u"all"_s), webhook(u"gate"_s, {outgated})};
    destinations[0].id = 1;
    destinations[1].id = 2;
    const QList<OutboxMessage> messages = OutboundMessages::build(destinations, {change}, utc(20, 1));
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).destinationId, 1);
    QCOMPARE(messages.at(1).destinationId, 1);
    QCOMPARE(messages.at(2).destinationId, 2);
    QCOMPARE(messages.at(2).payload.value(u"event"_s).toObject().value(u"code"_s).toString(), outgated);
    QVERIFY(messages.at(0).messageId != messages.at(1).messageId);
    QCOMPARE(messages.at(0).payload.value(u"messageId"_s).toString(), messages.at(0).messageId);
}

void TestOutbox::portProTellsReleasedFromUnknown()
{
    // Never reported by a provider: no hold is "nothing known", null, and nothing to send for it.
    const WatchEntry untraced = entry(u"MSCU1234565"_s);
    QCOMPARE(untraced.snapshot.status, ContainerStatus::Unknown);
    const QList<QJsonValue> unknown = PortProMapping::mapping().values(untraced);
    const qsizetype freight = PortProMapping::mapping().fields().indexOf(u"Freight Hold"_s);
    QVERIFY(freight >= 0);
    QVERIFY(unknown.at(freight).isNull());
    // Reported with no hold: released, an empty list, which is a change from unknown.
    WatchEntry reported = untraced;
    reported.snapshot = fullSnapshot();
    reported.snapshot.holds.clear();
    QVERIFY(PortProMapping::mapping().values(reported).at(freight).isArray());
    const std::optional<QJsonObject> change =
        OutboundMessages::fieldChange(PortProMapping::mapping(), untraced, reported);
    QVERIFY(change);
    QVERIFY(change->value(u"fields"_s).toObject().value(u"Freight Hold"_s).isArray());
    QVERIFY(change->value(u"previous"_s).toObject().value(u"Freight Hold"_s).isNull());
}

void TestOutbox::portProDiffHasOnlyTheChangedFields()
{
    WatchEntry before = entry(u"MSCU1234565"_s);
    before.snapshot = fullSnapshot();
    WatchEntry after = before;
    QVERIFY(!OutboundMessages::fieldChange(PortProMapping::mapping(), before, after)); // unchanged: nothing
    after.snapshot.holds = {Hold{HoldType::Line, u"Line hold"_s, {}}};                 // customs released
    after.snapshot.chassisNumber = u"NEWC000001"_s;
    const std::optional<QJsonObject> change = OutboundMessages::fieldChange(PortProMapping::mapping(), before, after);
    QVERIFY(change);
    QCOMPARE(change->value(u"containerNumber"_s).toString(), u"MSCU1234565"_s);
    const QJsonObject fields = change->value(u"fields"_s).toObject();
    QCOMPARE(fields.keys(), (QStringList{u"Chassis Number"_s, u"Custom Hold"_s}));
    // Released: an empty list, not null (null is "nothing known", which would not be a change).
    QVERIFY(fields.value(u"Custom Hold"_s).isArray());
    QVERIFY(fields.value(u"Custom Hold"_s).toArray().isEmpty());
    QCOMPARE(fields.value(u"Chassis Number"_s).toString(), u"NEWC000001"_s);
    const QJsonObject previous = change->value(u"previous"_s).toObject();
    QCOMPARE(previous.value(u"Custom Hold"_s).toArray(), QJsonArray{u"CUSTOMS HOLD"_s});
    QCOMPARE(previous.value(u"Chassis Number"_s).toString(), u"ABCZ123456"_s);
}

void TestOutbox::nothingWithoutDestinations()
{
    OutboundMessages::ContainerChange change;
    change.before = entry(u"MSCU1234565"_s);
    change.after = change.before;
    change.after.snapshot = fullSnapshot();
    change.newEvents = {ev(1, u"a"_s)};
    QVERIFY(OutboundMessages::build({}, {change}, utc(20, 1)).isEmpty());
    OutboundDestination other = webhook();
    other.entity = u"someone-else"_s;
    OutboundDestination disabled = portPro();
    disabled.enabled = false;
    QVERIFY(OutboundMessages::build({other, disabled}, {change}, utc(20, 1)).isEmpty());
}

void TestOutbox::destinationsAreSavedAndRemoved()
{
    OPEN_STORE(database, store);
    OutboundDestination d = webhook(u"warehouse"_s, {u"discharged"_s});
    d.maxInFlight = 3;
    auto saved = store->saveDestination(d);
    QVERIFY2(saved, qPrintable(saved.error().message));
    QVERIFY(saved->id > 0);
    QCOMPARE(saved->eventCodes, QStringList{u"discharged"_s});
    QCOMPARE(saved->maxInFlight, 3);
    d.url = QUrl(u"https://example.test/other"_s);
    auto again = store->saveDestination(d);
    QVERIFY(again);
    QCOMPARE(again->id, saved->id); // upsert by (entity, name)
    auto found = store->destination(entity, u"warehouse"_s);
    QVERIFY(found && found->has_value());
    QCOMPARE(found->value().url, d.url);
    QVERIFY(store->saveDestination(portPro()));
    QCOMPARE(store->destinations(entity)->size(), 2);
    QCOMPARE(store->destinations({})->size(), 2);
    QVERIFY(store->stopDestination(saved->id, u"revoked"_s));
    QCOMPARE(store->destination(entity, u"warehouse"_s)->value().stoppedReason, u"revoked"_s);
    QVERIFY(store->removeDestination(entity, u"warehouse"_s));
    QVERIFY(!store->destination(entity, u"warehouse"_s)->has_value());
    QCOMPARE(store->removeDestination(entity, u"warehouse"_s).error().kind, ErrorKind::NotFound);
}

void TestOutbox::messagesAreWrittenWithTheEvents()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 id = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->writeTraceResults({traced(id, fullSnapshot(), {ev(id, u"k1"_s), ev(id, u"k2"_s)})}));
    QList<OutboxMessage> messages = allMessages(*store, destination->id);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).containerNumber, u"MSCU1234565"_s);
    QCOMPARE(messages.at(0).state, OutboxState::Pending);
    QVERIFY(messages.at(0).sequence < messages.at(1).sequence);
    QCOMPARE(messages.at(0).payload.value(u"snapshot"_s).toObject().value(u"vessel_name"_s).toString(), u"MSC ANNA"_s);
    // The same events again (deduplicated) cause nothing.
    QVERIFY(store->writeTraceResults({traced(id, fullSnapshot(), {ev(id, u"k1"_s), ev(id, u"k2"_s)})}));
    QCOMPARE(allMessages(*store, destination->id).size(), 2);
}

void TestOutbox::failedWriteLeavesNoMessage()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 id = add(*store, u"MSCU1234565"_s);
    // The second write names no container, so the whole batch fails and rolls back.
    const Result<int> written =
        store->writeTraceResults({traced(id, fullSnapshot(), {ev(id, u"k1"_s)}), traced(999999, std::nullopt)});
    QVERIFY(!written);
    QCOMPARE(allMessages(*store, destination->id).size(), 0);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM events"_s), 0);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_messages"_s), 0);
}

void TestOutbox::portProMessageCarriesTheChange()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(portPro());
    QVERIFY(destination);
    const qint64 id = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->writeTraceResults({traced(id, fullSnapshot())}));
    QCOMPARE(allMessages(*store, destination->id).size(), 1); // from nothing to the full snapshot
    QVERIFY(store->writeTraceResults({traced(id, fullSnapshot())}));
    QCOMPARE(allMessages(*store, destination->id).size(), 1); // unchanged: nothing
    ContainerSnapshot released = fullSnapshot();
    released.holds = {Hold{HoldType::Customs, u"CUSTOMS HOLD"_s, utc(3, 5)}};
    QVERIFY(store->writeTraceResults({traced(id, released)}));
    const QList<OutboxMessage> messages = allMessages(*store, destination->id);
    QCOMPARE(messages.size(), 2);
    const QJsonObject fields = messages.at(1).payload.value(u"fields"_s).toObject();
    QCOMPARE(fields.keys(), QStringList{u"Freight Hold"_s});
    QVERIFY(fields.value(u"Freight Hold"_s).isArray());
    QVERIFY(fields.value(u"Freight Hold"_s).toArray().isEmpty());
    QCOMPARE(messages.at(1).payload.value(u"previous"_s).toObject().value(u"Freight Hold"_s).toArray(),
             QJsonArray{u"Line hold"_s});
}

void TestOutbox::journalRunsRefuseWhatTheyDidNotWrite()
{
    QCOMPARE(OutboxTable::eventRunsText({9, 1, 2, 3, 5, 10, 2}), u"1-3,5,9-10"_s);
    const auto runs = OutboxTable::parseEventRuns(u"1-3,5,9-10"_s);
    QVERIFY(runs);
    QCOMPARE(runs->size(), 3);
    QCOMPARE(runs->at(0), std::make_pair(qint64(1), qint64(3)));
    QCOMPARE(runs->at(1), std::make_pair(qint64(5), qint64(5)));
    QCOMPARE(runs->at(2), std::make_pair(qint64(9), qint64(10)));
    for (const QString &bad : {u"1-a"_s, u"3-1"_s, u"5,2"_s, u"0"_s, u"-4"_s, u"1-3,3"_s, u"x"_s})
        QVERIFY2(!OutboxTable::parseEventRuns(bad), qPrintable(bad));
}

void TestOutbox::bulkIngestionJournalsOneRowPerWrite()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 a = add(*store, u"MSCU1234565"_s);
    const qint64 b = add(*store, u"TGHU1234560"_s);
    QVERIFY(store->insertEvents({ev(a, u"a1"_s), ev(b, u"b1"_s), ev(a, u"a2"_s)}));
    QVERIFY(store->insertEvents({ev(a, u"a1"_s), ev(b, u"b2"_s)})); // a1 again: skipped
    // No message per event at the write: one journal row per write.
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_journal"_s), 2);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_messages"_s), 0);
    const Result<int> expanded = store->expandOutboxJournal();
    QVERIFY2(expanded, qPrintable(expanded.error().message));
    QCOMPARE(expanded.value(), 2);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_journal"_s), 0);
    const QList<OutboxMessage> messages = allMessages(*store, destination->id);
    QCOMPARE(messages.size(), 4);
    QCOMPARE(messages.at(0).payload.value(u"event"_s).toObject().value(u"data"_s), ev(a, u"a1"_s).data);
    QCOMPARE(messages.at(1).payload.value(u"event"_s).toObject().value(u"data"_s), ev(a, u"a2"_s).data);
    QCOMPARE(messages.at(2).payload.value(u"event"_s).toObject().value(u"data"_s), ev(b, u"b1"_s).data);
    QCOMPARE(messages.at(3).payload.value(u"event"_s).toObject().value(u"data"_s), ev(b, u"b2"_s).data);
    QStringList numbers;
    for (const OutboxMessage &m : messages)
        numbers.append(m.containerNumber);
    QCOMPARE(numbers, (QStringList{u"MSCU1234565"_s, u"MSCU1234565"_s, u"TGHU1234560"_s, u"TGHU1234560"_s}));
    QCOMPARE(store->expandOutboxJournal().value(), 0);
}

void TestOutbox::failedBulkWriteLeavesNoJournal()
{
    OPEN_STORE(database, store);
    QVERIFY(store->saveDestination(webhook()));
    const qint64 a = add(*store, u"MSCU1234565"_s);
    // The second event names no container: the whole write rolls back, its journal row with it.
    QVERIFY(!store->insertEvents({ev(a, u"a1"_s), ev(999999, u"x1"_s)}));
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM events"_s), 0);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_journal"_s), 0);
    // No webhook: nothing is journaled at all.
    QVERIFY(store->removeDestination(entity, u"warehouse"_s));
    QVERIFY(store->saveDestination(portPro()));
    QVERIFY(store->insertEvents({ev(a, u"a1"_s)}));
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_journal"_s), 0);
}

void TestOutbox::traceWriteExpandsTheJournalFirst()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 a = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->writeTraceResults({traced(a, fullSnapshot(), {ev(a, u"k1"_s)})}));
    QVERIFY(store->insertEvents({ev(a, u"a2"_s)}));
    ContainerSnapshot renamed = fullSnapshot();
    renamed.vesselName = u"MSC BERTA"_s;
    QVERIFY(store->writeTraceResults({traced(a, renamed, {ev(a, u"k3"_s)})}));
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_journal"_s), 0);
    const QList<OutboxMessage> messages = allMessages(*store, destination->id);
    QCOMPARE(messages.size(), 3);
    const auto vessel = [](const OutboxMessage &m) {
        return m.payload.value(u"snapshot"_s).toObject().value(u"vessel_name"_s).toString();
    };
    // a2 keeps its place between k1 and k3 and shows the vessel as it was when it was stored.
    QCOMPARE(messages.at(1).payload.value(u"event"_s).toObject().value(u"data"_s), ev(a, u"a2"_s).data);
    QCOMPARE(vessel(messages.at(0)), u"MSC ANNA"_s);
    QCOMPARE(vessel(messages.at(1)), u"MSC ANNA"_s);
    QCOMPARE(vessel(messages.at(2)), u"MSC BERTA"_s);
}

void TestOutbox::journalGoesOnlyToTheDestinationsOfItsWrite()
{
    OPEN_STORE(database, store);
    const auto first = store->saveDestination(webhook(u"first"_s));
    const auto gone = store->saveDestination(webhook(u"gone"_s));
    QVERIFY(first && gone);
    const qint64 a = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->insertEvents({ev(a, u"a1"_s)}));
    QVERIFY(store->removeDestination(entity, u"gone"_s));
    // Made after the write: it did not want the write's events (it may even get the removed one's id).
    const auto later = store->saveDestination(webhook(u"later"_s));
    QVERIFY(later);
    const QList<OutboxMessage> claimed = claimAll(*store, first->id, QDateTime::currentDateTimeUtc().addSecs(5));
    QCOMPARE(claimed.size(), 1); // the claim expanded the journal when nothing was claimable
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_journal"_s), 0);
    QCOMPARE(allMessages(*store, later->id).size(), 0);
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_messages"_s), 1);
}

void TestOutbox::oneContainerAtATimeInOrder()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 a = add(*store, u"MSCU1234565"_s);
    const qint64 b = add(*store, u"TGHU1234560"_s);
    QVERIFY(store->insertEvents({ev(a, u"a1"_s), ev(a, u"a2"_s), ev(b, u"b1"_s)}));
    const QDateTime now = later();
    QList<OutboxMessage> first = claimAll(*store, destination->id, now);
    QCOMPARE(first.size(), 2); // a1 and b1; a2 waits for a1
    QCOMPARE(first.at(0).payload.value(u"event"_s).toObject().value(u"data"_s), ev(a, u"a1"_s).data);
    QCOMPARE(first.at(0).containerId, a);
    QCOMPARE(first.at(1).containerId, b);
    QVERIFY(claimAll(*store, destination->id, now).isEmpty());
    // A failed a1 (pending again, not yet due) still holds a2 back.
    QVERIFY(store->finishDelivery(first.at(0).sequence, outcome(DeliveryResult::Outcome::Retry, u"503"_s),
                                  now.addSecs(60)));
    QVERIFY(claimAll(*store, destination->id, now).isEmpty());
    const QList<OutboxMessage> retried = claimAll(*store, destination->id, now.addSecs(61));
    QCOMPARE(retried.size(), 1);
    QCOMPARE(retried.at(0).sequence, first.at(0).sequence);
    QCOMPARE(retried.at(0).attempts, 1);
    auto delivered = store->finishDelivery(retried.at(0).sequence, outcome(DeliveryResult::Outcome::Delivered), {});
    QVERIFY(delivered && delivered->found);
    QCOMPARE(delivered->state, OutboxState::Delivered);
    const QList<OutboxMessage> next = claimAll(*store, destination->id, now.addSecs(61));
    QCOMPARE(next.size(), 1);
    QVERIFY(next.at(0).sequence > first.at(0).sequence);
    QCOMPARE(next.at(0).containerId, a);
}

void TestOutbox::maxInFlightCountsEveryConnection()
{
    OPEN_STORE(database, store);
    OutboundDestination d = webhook();
    d.maxInFlight = 2;
    const auto destination = store->saveDestination(d);
    QVERIFY(destination);
    QList<Event> events;
    for (int i = 0; i < 5; ++i) {
        const qint64 id = add(*store, u"MSCU%1"_s.arg(1000000 + i));
        events.append(ev(id, u"e%1"_s.arg(i)));
    }
    QVERIFY(store->insertEvents(events));
    auto other = store->openWorker();
    QVERIFY2(other, qPrintable(other.error().message));
    const QDateTime now = later();
    QCOMPARE(claimAll(*store, destination->id, now, 1).size(), 1);
    QCOMPARE(claimAll(*other.value(), destination->id, now, 10, u"w2"_s).size(), 1);
    QCOMPARE(claimAll(*other.value(), destination->id, now, 10, u"w2"_s).size(), 0);
    QCOMPARE(claimAll(*store, destination->id, now, 10).size(), 0);
    auto summaries = store->outboxSummaries(entity);
    QVERIFY(summaries);
    QCOMPARE(summaries->size(), 1);
    QCOMPARE(summaries->at(0).sending, 2);
    QCOMPARE(summaries->at(0).pending, 3);
}

void TestOutbox::expiredLeaseIsClaimedAgain()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 id = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->insertEvents({ev(id, u"a1"_s)}));
    const QDateTime now = later();
    const QList<OutboxMessage> first = claimAll(*store, destination->id, now, 10, u"killed"_s, 30);
    QCOMPARE(first.size(), 1);
    QVERIFY(claimAll(*store, destination->id, now.addSecs(29), 10, u"w2"_s).isEmpty());
    const QList<OutboxMessage> again = claimAll(*store, destination->id, now.addSecs(31), 10, u"w2"_s);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.at(0).messageId, first.at(0).messageId); // the same id: the receiver can drop a repeat
    // A dead worker's claims on this host are released at once.
    auto claimedAgain = claimAll(*store, destination->id, now.addSecs(200), 10, u"w3"_s);
    QCOMPARE(claimedAgain.size(), 1);
    WorkerIdentity gone = WorkerIdentity::current();
    gone.processStart = u"1999-01-01T00:00:00.000Z"_s; // this pid's previous run
    QSqlQuery query(StoreInspection::database(*store));
    QVERIFY(query.exec(u"UPDATE outbox_messages SET claimed_process_start = '%1'"_s.arg(gone.processStart)));
    auto released = store->releaseDeadWorkersClaims(WorkerIdentity::current());
    QVERIFY(released);
    QCOMPARE(released.value(), 1);
    QCOMPARE(allMessages(*store, destination->id).at(0).state, OutboxState::Pending);
}

void TestOutbox::deadLetterAfterMaxAttempts()
{
    OPEN_STORE(database, store);
    OutboundDestination d = webhook();
    d.maxAttempts = 3;
    const auto destination = store->saveDestination(d);
    QVERIFY(destination);
    const qint64 id = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->insertEvents({ev(id, u"a1"_s), ev(id, u"a2"_s)}));
    const QDateTime now = later();
    qint64 sequence = 0;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const QList<OutboxMessage> claimed = claimAll(*store, destination->id, now, 10);
        QCOMPARE(claimed.size(), 1);
        sequence = claimed.at(0).sequence;
        auto finished = store->finishDelivery(sequence, outcome(DeliveryResult::Outcome::Retry, u"HTTP 503"_s), now);
        QVERIFY(finished);
        QCOMPARE(finished->attempts, attempt);
        QCOMPARE(finished->state, attempt < 3 ? OutboxState::Pending : OutboxState::Dead);
    }
    // The dead letter does not block the container's next message.
    const QList<OutboxMessage> next = claimAll(*store, destination->id, now, 10);
    QCOMPARE(next.size(), 1);
    QVERIFY(next.at(0).sequence > sequence);
    auto permanent =
        store->finishDelivery(next.at(0).sequence, outcome(DeliveryResult::Outcome::Permanent, u"400"_s), now);
    QVERIFY(permanent);
    QCOMPARE(permanent->state, OutboxState::Dead);
    QCOMPARE(permanent->attempts, 1);
    auto summaries = store->outboxSummaries(entity);
    QVERIFY(summaries);
    QCOMPARE(summaries->at(0).dead, 2);
    QCOMPARE(summaries->at(0).lastError, u"400"_s);
    auto retried = store->retryDeadLetters(destination->id, {sequence});
    QVERIFY(retried);
    QCOMPARE(retried.value(), 1);
    const QList<OutboxMessage> back = claimAll(*store, destination->id, later(10), 10);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).sequence, sequence);
    QCOMPARE(back.at(0).attempts, 0);
    QCOMPARE(back.at(0).lastError, u"HTTP 503"_s);
}

void TestOutbox::stopStopsTheDestination()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(portPro());
    QVERIFY(destination);
    const qint64 a = add(*store, u"MSCU1234565"_s);
    const qint64 b = add(*store, u"TGHU1234560"_s);
    QVERIFY(store->writeTraceResults({traced(a, fullSnapshot()), traced(b, fullSnapshot())}));
    const QDateTime now = later();
    const QList<OutboxMessage> claimed = claimAll(*store, destination->id, now, 1);
    QCOMPARE(claimed.size(), 1);
    auto stopped = store->finishDelivery(
        claimed.at(0).sequence, outcome(DeliveryResult::Outcome::Stop, u"The refresh token was revoked"_s), now);
    QVERIFY(stopped);
    QVERIFY(stopped->destinationStopped);
    QCOMPARE(stopped->state, OutboxState::Pending);
    QCOMPARE(stopped->attempts, 0);
    QCOMPARE(store->destinationById(destination->id)->value().stoppedReason, u"The refresh token was revoked"_s);
    QVERIFY(claimAll(*store, destination->id, now, 10).isEmpty());
    QVERIFY(store->stopDestination(destination->id, {})); // resumed
    QCOMPARE(claimAll(*store, destination->id, now, 10).size(), 2);
}

void TestOutbox::replayQueuesNewMessages()
{
    OPEN_STORE(database, store);
    const auto destination = store->saveDestination(webhook());
    QVERIFY(destination);
    const qint64 id = add(*store, u"MSCU1234565"_s);
    QVERIFY(store->insertEvents({ev(id, u"a1"_s)}));
    const QDateTime now = later();
    const QList<OutboxMessage> claimed = claimAll(*store, destination->id, now);
    QCOMPARE(claimed.size(), 1);
    QVERIFY(store->finishDelivery(claimed.at(0).sequence, outcome(DeliveryResult::Outcome::Delivered), {}));
    auto replayed = store->replayOutbox(destination->id, now.addDays(-1), now.addDays(1));
    QVERIFY2(replayed, qPrintable(replayed.error().message));
    QCOMPARE(replayed.value(), 1);
    QCOMPARE(store->replayOutbox(destination->id, now.addDays(1), now.addDays(2)).value(), 0);
    const QList<OutboxMessage> messages = allMessages(*store, destination->id);
    QCOMPARE(messages.size(), 2);
    const OutboxMessage &replay = messages.at(1);
    QCOMPARE(replay.state, OutboxState::Pending);
    QVERIFY(replay.sequence > claimed.at(0).sequence);
    QVERIFY(replay.messageId != claimed.at(0).messageId);
    QCOMPARE(replay.payload.value(u"messageId"_s).toString(), replay.messageId);
    QCOMPARE(replay.payload.value(u"event"_s), claimed.at(0).payload.value(u"event"_s));
    QCOMPARE(countRows(*store, u"SELECT COUNT(*) FROM outbox_messages WHERE replay_of = '"_s % claimed.at(0).messageId %
                                   u"'"_s),
             1);
}

void TestOutbox::concurrentWorkersGetDisjointMessages()
{
    if (!TestDatabase::postgresAvailable())
        QSKIP("QUAYWATCH_TEST_PG_URL is not set; run through scripts/with-test-services.sh");
    TestDatabase database(Store::Backend::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto opened = Store::open(database.location(), testClock());
    QVERIFY2(opened, qPrintable(opened.error().message));
    Store &store = *opened.value();
    OutboundDestination d = webhook();
    d.maxInFlight = 1000;
    const auto destination = store.saveDestination(d);
    QVERIFY(destination);
    QList<Event> events;
    constexpr int containers = 150;
    for (int i = 0; i < containers; ++i) {
        const qint64 id = add(store, u"MSCU%1"_s.arg(2000000 + i));
        events.append(ev(id, u"x%1"_s.arg(i)));
        events.append(ev(id, u"y%1"_s.arg(i)));
    }
    QVERIFY(store.insertEvents(events));
    const QDateTime now = later();
    struct Worker
    {
        QList<qint64> sequences;
        QString error;
    };
    Worker workers[2];
    QList<QThread *> threads;
    for (int w = 0; w < 2; ++w) {
        Worker *worker = &workers[w];
        auto run = [&store, worker, w, now, destinationId = destination->id]() {
            auto own = store.openWorker();
            if (!own) {
                worker->error = own.error().message;
                return;
            }
            int idle = 0;
            while (idle < 3) {
                const QList<OutboxMessage> claimed = claimAll(*own.value(), destinationId, now, 5, u"w%1"_s.arg(w));
                idle = claimed.isEmpty() ? idle + 1 : 0;
                for (const OutboxMessage &m : claimed) {
                    worker->sequences.append(m.sequence);
                    auto done =
                        own.value()->finishDelivery(m.sequence, outcome(DeliveryResult::Outcome::Delivered), {});
                    if (!done || !done->found)
                        worker->error = u"finish failed"_s;
                }
                if (claimed.isEmpty())
                    QThread::msleep(20); // the other worker may hold the container's earlier message
            }
        };
        threads.append(QThread::create(run));
    }
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    QVERIFY2(workers[0].error.isEmpty(), qPrintable(workers[0].error));
    QVERIFY2(workers[1].error.isEmpty(), qPrintable(workers[1].error));
    QSet<qint64> seen;
    for (const Worker &worker : workers) {
        for (const qint64 sequence : worker.sequences) {
            QVERIFY2(!seen.contains(sequence), "a message was claimed twice");
            seen.insert(sequence);
        }
    }
    QCOMPARE(seen.size(), containers * 2);
    QCOMPARE(countRows(store, u"SELECT COUNT(*) FROM outbox_messages WHERE state = 'delivered'"_s), containers * 2);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
