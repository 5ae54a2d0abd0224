#include "subscriptionstore.h"

#include "containernumber.h"
#include "reconciler.h"
#include "store.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSubscriptions, "quaywatch.core.subscriptions")

// The observations of one container and one visit, reconciled together.
struct VisitGroup
{
    QString number;
    QString visitKey;
    QDateTime startedAt;
    std::optional<QDateTime> nextTraceAt;
    QList<Observation> observations;
};

QList<VisitGroup> groupItems(const QList<CallbackItem> &items)
{
    QList<VisitGroup> groups;
    QHash<QString, qsizetype> index;
    for (const CallbackItem &item : items) {
        const QString key = item.observation.containerNumber + QChar(0x1f) + item.visitKey;
        qsizetype position = index.value(key, -1);
        if (position < 0) {
            position = groups.size();
            index.insert(key, position);
            groups.append(VisitGroup{item.observation.containerNumber, item.visitKey, item.visitStartedAt, {}, {}});
        }
        VisitGroup &group = groups[position];
        if (item.visitStartedAt.isValid() && (!group.startedAt.isValid() || item.visitStartedAt < group.startedAt))
            group.startedAt = item.visitStartedAt;
        if (item.nextTraceAt)
            group.nextTraceAt = item.nextTraceAt;
        group.observations.append(item.observation);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const VisitGroup &a, const VisitGroup &b) {
        return a.startedAt.isValid() && b.startedAt.isValid() && a.startedAt < b.startedAt;
    });
    return groups;
}

} // namespace

SubscriptionStore::SubscriptionStore(Store &store) : m_store(store) {}

Result<void> SubscriptionStore::saveSubscription(const SubscriptionRecord &record)
{
    return m_store.saveSubscription(record);
}

Result<QList<SubscriptionRecord>> SubscriptionStore::subscriptions(const QString &entity, const QString &provider)
{
    return m_store.subscriptions(entity, provider);
}

Result<std::optional<SubscriptionRecord>>
SubscriptionStore::subscription(const QString &entity, const QString &provider, const QString &number)
{
    Result<QList<SubscriptionRecord>> all = subscriptions(entity, provider);
    if (!all)
        return all.error();
    for (const SubscriptionRecord &record : std::as_const(all.value())) {
        if (record.number == number)
            return std::optional<SubscriptionRecord>(record);
    }
    return std::optional<SubscriptionRecord>();
}

Result<int> SubscriptionStore::markRemoved(const QString &entity, const QString &provider, const QStringList &numbers)
{
    return m_store.markSubscriptionsRemoved(entity, provider, numbers);
}

Result<void> SubscriptionStore::saveTraceSettings(const QString &entity, const TracePublishSettings &settings)
{
    return m_store.saveTraceSettings(entity, settings);
}

Result<TracePublishSettings> SubscriptionStore::traceSettings(const QString &entity)
{
    return m_store.traceSettings(entity);
}

Result<void> SubscriptionStore::savePublication(const QString &entity, const TracePublication &publication)
{
    return m_store.savePublication(entity, publication);
}

Result<std::optional<TracePublication>> SubscriptionStore::publication(const QString &entity, const QString &number)
{
    Result<QList<TracePublication>> found = m_store.publications(entity, number);
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<TracePublication>() : std::optional<TracePublication>(found->first());
}

Result<QList<TracePublication>> SubscriptionStore::publications(const QString &entity)
{
    return m_store.publications(entity);
}

namespace {

// The visits of one container seen in callbacks so far; the current one has the latest start.
struct VisitState
{
    QHash<QString, QDateTime> starts;
    QString current;

    QDateTime currentStart() const { return starts.value(current); }
};

Result<VisitState> loadVisits(Store &store, qint64 containerId)
{
    Result<QList<CallbackVisit>> visits = store.callbackVisits(containerId);
    if (!visits)
        return visits.error();
    VisitState state;
    for (const CallbackVisit &visit : std::as_const(visits.value())) {
        state.starts.insert(visit.visitKey, visit.startedAt);
        if (state.current.isEmpty() || visit.startedAt > state.currentStart())
            state.current = visit.visitKey;
    }
    return state;
}

// What a group of one visit does to the container: which snapshot its events are derived from,
// and whether the result becomes the container's snapshot.
struct VisitDecision
{
    bool freshSnapshot = false; // a new visit starts from nothing
    bool writeSnapshot = true;  // false: an earlier visit; keep its events, leave the snapshot alone
    bool recordVisit = false;
};

VisitDecision decideVisit(VisitState &state, const VisitGroup &group)
{
    VisitDecision decision;
    if (group.visitKey.isEmpty())
        return decision;
    if (state.starts.contains(group.visitKey)) {
        decision.writeSnapshot = group.visitKey == state.current;
        decision.freshSnapshot = !decision.writeSnapshot;
        return decision;
    }
    decision.recordVisit = true;
    const bool first = state.current.isEmpty();
    const bool later = first || !state.currentStart().isValid() ||
                       (group.startedAt.isValid() && group.startedAt > state.currentStart());
    state.starts.insert(group.visitKey, group.startedAt);
    decision.freshSnapshot = !first;
    decision.writeSnapshot = later;
    if (later)
        state.current = group.visitKey;
    return decision;
}

} // namespace

namespace {

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

// Which numbers a callback may touch for one entity, read once per callback.
class CallbackAdmission
{
public:
    CallbackAdmission(Store &store, QString entity, QString provider)
        : m_store(store), m_entity(std::move(entity)), m_provider(std::move(provider))
    {}

    Result<void> load()
    {
        Result<QList<SubscriptionRecord>> subscribed = m_store.subscriptions(m_entity, m_provider);
        if (!subscribed)
            return subscribed.error();
        for (const SubscriptionRecord &record : std::as_const(subscribed.value())) {
            if (record.state != "active"_L1)
                continue;
            if (record.booking)
                m_anyBooking = true;
            else
                m_numbers.insert(record.number);
        }
        Result<QList<TracePublication>> published = m_store.publications(m_entity);
        if (!published)
            return published.error();
        for (const TracePublication &publication : std::as_const(published.value())) {
            if (publication.state != "cancelled"_L1)
                m_numbers.insert(publication.number);
        }
        return {};
    }

    // The number the item is stored under, or why it is refused.
    Result<QString> admit(const QString &given)
    {
        if (hasControlCharacters(given))
            return makeError(ErrorKind::InvalidInput, u"the container number holds control characters"_s);
        const QString trimmed = given.trimmed();
        if (trimmed.isEmpty() || trimmed.size() > maxNumberLength)
            return makeError(ErrorKind::InvalidInput, u"the container number is empty or too long"_s);
        const ContainerNumberCheck check = ContainerNumber::check(trimmed);
        // An unnormalized number is admitted only as the entity keeps it, character for character.
        const QString number = check.valid ? check.normalized : trimmed;
        Result<std::optional<WatchEntry>> watched = m_store.container(m_entity, number);
        if (!watched)
            return watched.error();
        if (watched->has_value()) {
            if (!check.valid && watched->value().normalize)
                return makeError(ErrorKind::InvalidInput, check.reason);
            return number;
        }
        if (m_numbers.contains(number) || (check.valid && m_anyBooking))
            return number;
        if (!check.valid)
            return makeError(ErrorKind::InvalidInput, check.reason);
        return makeError(ErrorKind::NotFound,
                         u"entity %1 neither watches nor subscribed to this container"_s.arg(m_entity));
    }

private:
    static constexpr qsizetype maxNumberLength = 64;
    Store &m_store;
    QString m_entity;
    QString m_provider;
    QSet<QString> m_numbers; // subscribed or published, not booking numbers
    bool m_anyBooking = false;
};

// The items a callback may store, numbers in their stored form; refusals are logged.
Result<QList<CallbackItem>> admitItems(Store &store, const QString &entity, const QString &provider,
                                       const QList<CallbackItem> &items)
{
    if (items.size() > SubscriptionStore::maxCallbackItems)
        return makeError(ErrorKind::TooLarge,
                         u"The callback has %1 elements; at most %2 are accepted at once"_s.arg(
                             QString::number(items.size()), QString::number(SubscriptionStore::maxCallbackItems)));
    CallbackAdmission admission(store, entity, provider);
    if (Result<void> loaded = admission.load(); !loaded)
        return loaded.error();
    QList<CallbackItem> admitted;
    QString firstRefusal;
    for (const CallbackItem &item : items) {
        Result<QString> number = admission.admit(item.observation.containerNumber);
        if (number && hasControlCharacters(item.visitKey))
            number = makeError(ErrorKind::InvalidInput, u"the visit id holds control characters"_s);
        if (!number) {
            if (number.error().kind == ErrorKind::Storage)
                return number.error();
            // The number itself may be hostile: log a bounded, escaped form.
            const QString shown = item.observation.containerNumber.left(20);
            qCWarning(lcSubscriptions).noquote()
                << "refused a callback element of" << provider << "for"
                << QString::fromLatin1(shown.toUtf8().toPercentEncoding(" ")) << ":" << number.error().message;
            if (firstRefusal.isEmpty())
                firstRefusal = number.error().message;
            continue;
        }
        CallbackItem accepted = item;
        accepted.observation.containerNumber = number.value();
        admitted.append(std::move(accepted));
    }
    if (admitted.isEmpty() && !items.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"No element of the callback was accepted: "_s + firstRefusal);
    return admitted;
}

} // namespace

Result<int> SubscriptionStore::ingest(const QString &entity, const QString &provider, const QList<CallbackItem> &items)
{
    Result<QList<CallbackItem>> admitted = admitItems(m_store, entity, provider, items);
    if (!admitted)
        return admitted.error();
    QList<TraceWrite> writes;
    QHash<QString, ContainerSnapshot> snapshots; // the snapshot as earlier groups of this call left it
    QHash<QString, VisitState> visits;
    QList<CallbackVisit> newVisits; // recorded only once the trace results are committed
    const QList<VisitGroup> groups = groupItems(admitted.value());
    for (const VisitGroup &group : groups) {
        Result<std::optional<WatchEntry>> found = m_store.container(entity, group.number);
        if (!found)
            return found.error();
        if (!found->has_value()) {
            WatchEntry entry;
            entry.entity = entity;
            entry.containerNumber = group.number;
            entry.provider = provider;
            entry.site = group.observations.constFirst().source.section(u'/', 1);
            entry.normalize = ContainerNumber::isValid(group.number); // an unnormalized one stays as published
            if (auto added = m_store.addContainer(entry); !added)
                return added.error();
            found = m_store.container(entity, group.number);
            if (!found || !found->has_value())
                return makeError(ErrorKind::Storage, u"Cannot add "_s + group.number + u" to the watchlist"_s);
        }
        const WatchEntry &entry = *found.value();
        if (!visits.contains(group.number)) {
            Result<VisitState> loaded = loadVisits(m_store, entry.id);
            if (!loaded)
                return loaded.error();
            visits.insert(group.number, loaded.value());
            snapshots.insert(group.number, entry.snapshot);
        }
        const VisitDecision decision = decideVisit(visits[group.number], group);
        if (decision.recordVisit)
            newVisits.append(CallbackVisit{entry.id, group.visitKey, group.startedAt});
        const ContainerSnapshot base = decision.freshSnapshot ? ContainerSnapshot() : snapshots.value(group.number);
        Reconciliation result = Reconciler::reconcile(entry.id, entry.containerNumber, base, group.observations);
        if (decision.writeSnapshot)
            snapshots.insert(group.number, result.snapshot);
        TraceOutcome outcome;
        outcome.tracedAt = group.observations.constLast().observedAt;
        outcome.nextTraceAt = group.nextTraceAt.value_or(QDateTime());
        outcome.writeSnapshot = decision.writeSnapshot;
        const TraceWrite write = makeTraceWrite(entry.id, std::move(result), outcome);
        writes.append(write);
    }
    Result<int> written = m_store.writeTraceResults(writes);
    if (!written)
        return written;
    // After the commit: if this fails, the provider's retry finds the visit unrecorded and decides
    // exactly as this attempt did (its events are then deduplicated), never the other way round.
    if (auto recorded = m_store.recordCallbackVisits(newVisits); !recorded)
        return recorded.error();
    qCDebug(lcSubscriptions) << "stored a callback of" << provider << "with" << written.value() << "new events";
    return written;
}
