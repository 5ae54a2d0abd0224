#include "subscriptionstore.h"

#include "containernumber.h"
#include "reconciler.h"
#include "store.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSubscriptions, "quaywatch.core.subscriptions")

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType::fromType<QString>());
}

QDateTime readTime(const QVariant &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

SubscriptionRecord readSubscription(const QSqlQuery &query)
{
    SubscriptionRecord record;
    int i = 0;
    record.entity = query.value(i++).toString();
    record.provider = query.value(i++).toString();
    record.number = query.value(i++).toString();
    record.booking = query.value(i++).toInt() != 0;
    record.apiVersion = query.value(i++).toInt();
    record.eventCodes = query.value(i++).toString().split(u',', Qt::SkipEmptyParts);
    record.port = query.value(i++).toString();
    record.category = query.value(i++).toString();
    record.facility = query.value(i++).toString();
    record.callbackUri = query.value(i++).toString();
    record.emails = query.value(i++).toString().split(u',', Qt::SkipEmptyParts);
    record.reference = query.value(i++).toString();
    record.remoteId = query.value(i++).toString();
    record.createdAt = readTime(query.value(i++));
    record.expiresAt = readTime(query.value(i++));
    record.state = query.value(i++).toString();
    return record;
}

const QString subscriptionColumns = u"entity, provider, number, booking, api_version, event_codes, port, category, "
                                    "facility, callback_uri, emails, reference, remote_id, created_at, expires_at, "
                                    "state"_s;

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

Result<void> SubscriptionStore::exec(const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery query(m_store.database());
    if (values.isEmpty()) { // PostgreSQL cannot PREPARE DDL statements
        if (!query.exec(sql))
            return makeError(ErrorKind::Storage, what + u": "_s + query.lastError().text());
        return {};
    }
    if (!query.prepare(sql))
        return makeError(ErrorKind::Storage, what + u": "_s + query.lastError().text());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return makeError(ErrorKind::Storage, what + u": "_s + query.lastError().text());
    return {};
}

Result<void> SubscriptionStore::saveSubscription(const SubscriptionRecord &record)
{
    QSqlDatabase database = m_store.database();
    database.transaction();
    auto removed = exec(u"DELETE FROM subscriptions WHERE entity = ? AND provider = ? AND number = ? AND booking = ?"_s,
                        {record.entity, record.provider, record.number, int(record.booking)},
                        u"Cannot replace the subscription of "_s + record.number);
    if (removed) {
        removed = exec(u"INSERT INTO subscriptions ("_s + subscriptionColumns +
                           u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                       {record.entity, record.provider, record.number, int(record.booking), record.apiVersion,
                        record.eventCodes.join(u','), record.port, record.category, record.facility, record.callbackUri,
                        record.emails.join(u','), record.reference, record.remoteId, timeValue(record.createdAt),
                        timeValue(record.expiresAt), record.state},
                       u"Cannot save the subscription of "_s + record.number);
    }
    if (!removed) {
        database.rollback();
        return removed;
    }
    if (!database.commit())
        return makeError(ErrorKind::Storage, u"Cannot save the subscription: "_s + database.lastError().text());
    return {};
}

Result<QList<SubscriptionRecord>> SubscriptionStore::subscriptions(const QString &entity, const QString &provider)
{
    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT "_s + subscriptionColumns +
                  u" FROM subscriptions WHERE entity = ? AND provider = ? ORDER BY booking, number"_s);
    query.addBindValue(entity);
    query.addBindValue(provider);
    if (!query.exec())
        return makeError(ErrorKind::Storage, u"Cannot read the subscriptions: "_s + query.lastError().text());
    QList<SubscriptionRecord> result;
    while (query.next())
        result.append(readSubscription(query));
    return result;
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
    int changed = 0;
    for (const QString &number : numbers) {
        QSqlQuery query(m_store.database());
        query.prepare(u"UPDATE subscriptions SET state = 'removed' WHERE entity = ? AND provider = ? AND number = ? "
                      "AND state = 'active'"_s);
        query.addBindValue(entity);
        query.addBindValue(provider);
        query.addBindValue(number);
        if (!query.exec())
            return makeError(ErrorKind::Storage, u"Cannot remove the subscription: "_s + query.lastError().text());
        changed += std::max(0, query.numRowsAffected());
    }
    return changed;
}

Result<void> SubscriptionStore::saveTraceSettings(const QString &entity, const TracePublishSettings &settings)
{
    if (auto removed = exec(u"DELETE FROM trace_publish_settings WHERE entity = ?"_s, {entity},
                            u"Cannot save the trace settings"_s);
        !removed)
        return removed;
    return exec(u"INSERT INTO trace_publish_settings (entity, org_id, svc_id, origin, endpoint) "
                "VALUES (?, ?, ?, ?, ?)"_s,
                {entity, settings.orgId, settings.svcId, settings.origin, settings.endpoint},
                u"Cannot save the trace settings"_s);
}

Result<TracePublishSettings> SubscriptionStore::traceSettings(const QString &entity)
{
    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT org_id, svc_id, origin, endpoint FROM trace_publish_settings WHERE entity = ?"_s);
    query.addBindValue(entity);
    if (!query.exec())
        return makeError(ErrorKind::Storage, u"Cannot read the trace settings: "_s + query.lastError().text());
    TracePublishSettings settings;
    if (query.next()) {
        settings.orgId = query.value(0).toString();
        settings.svcId = query.value(1).toString();
        settings.origin = query.value(2).toString();
        settings.endpoint = query.value(3).toString();
    }
    return settings;
}

Result<void> SubscriptionStore::savePublication(const QString &entity, const TracePublication &publication)
{
    if (auto removed = exec(u"DELETE FROM trace_publications WHERE entity = ? AND number = ?"_s,
                            {entity, publication.number}, u"Cannot save the publication"_s);
        !removed)
        return removed;
    return exec(u"INSERT INTO trace_publications (entity, number, provider, published_at, cancelled_at, state) "
                "VALUES (?, ?, ?, ?, ?, ?)"_s,
                {entity, publication.number, publication.provider, timeValue(publication.publishedAt),
                 timeValue(publication.cancelledAt), publication.state},
                u"Cannot save the publication"_s);
}

Result<QList<TracePublication>> SubscriptionStore::readPublications(const QString &entity, const QString &number)
{
    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT number, provider, published_at, cancelled_at, state FROM trace_publications "
                  "WHERE entity = ?"_s +
                  (number.isEmpty() ? u" ORDER BY number"_s : u" AND number = ?"_s));
    query.addBindValue(entity);
    if (!number.isEmpty())
        query.addBindValue(number);
    if (!query.exec())
        return makeError(ErrorKind::Storage, u"Cannot read the trace publications: "_s + query.lastError().text());
    QList<TracePublication> result;
    while (query.next()) {
        result.append(TracePublication{query.value(0).toString(), query.value(1).toString(), readTime(query.value(2)),
                                       readTime(query.value(3)), query.value(4).toString()});
    }
    return result;
}

Result<std::optional<TracePublication>> SubscriptionStore::publication(const QString &entity, const QString &number)
{
    Result<QList<TracePublication>> found = readPublications(entity, number);
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<TracePublication>() : std::optional<TracePublication>(found->first());
}

Result<QList<TracePublication>> SubscriptionStore::publications(const QString &entity)
{
    return readPublications(entity, {});
}

namespace {

// The visits of one container seen in callbacks so far; the current one has the latest start.
struct VisitState
{
    QHash<QString, QDateTime> starts;
    QString current;

    QDateTime currentStart() const { return starts.value(current); }
};

Result<VisitState> loadVisits(const QSqlDatabase &database, qint64 containerId)
{
    QSqlQuery query(database);
    query.prepare(u"SELECT visit_key, started_at FROM callback_visits WHERE container_id = ?"_s);
    query.addBindValue(containerId);
    if (!query.exec())
        return makeError(ErrorKind::Storage, u"Cannot read the container's visits: "_s + query.lastError().text());
    VisitState state;
    while (query.next()) {
        const QString key = query.value(0).toString();
        const QDateTime start = readTime(query.value(1));
        state.starts.insert(key, start);
        if (state.current.isEmpty() || start > state.currentStart())
            state.current = key;
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

Result<int> SubscriptionStore::ingest(const QString &entity, const QString &provider, const QList<CallbackItem> &items)
{
    QList<TraceWrite> writes;
    QHash<QString, ContainerSnapshot> snapshots; // the snapshot as earlier groups of this call left it
    QHash<QString, VisitState> visits;
    QList<QVariantList> newVisits; // recorded only once the trace results are committed
    const QList<VisitGroup> groups = groupItems(items);
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
            entry.normalize = ContainerNumber::isValid(group.number);
            if (auto added = m_store.addContainer(entry); !added)
                return added.error();
            found = m_store.container(entity, group.number);
            if (!found || !found->has_value())
                return makeError(ErrorKind::Storage, u"Cannot add "_s + group.number + u" to the watchlist"_s);
        }
        const WatchEntry &entry = *found.value();
        if (!visits.contains(group.number)) {
            Result<VisitState> loaded = loadVisits(m_store.database(), entry.id);
            if (!loaded)
                return loaded.error();
            visits.insert(group.number, loaded.value());
            snapshots.insert(group.number, entry.snapshot);
        }
        const VisitDecision decision = decideVisit(visits[group.number], group);
        if (decision.recordVisit)
            newVisits.append({entry.id, group.visitKey, timeValue(group.startedAt)});
        const ContainerSnapshot base = decision.freshSnapshot ? ContainerSnapshot() : snapshots.value(group.number);
        const Reconciliation result = Reconciler::reconcile(entry.id, entry.containerNumber, base, group.observations);
        TraceWrite write;
        write.containerId = entry.id;
        if (decision.writeSnapshot) {
            write.snapshot = result.snapshot;
            snapshots.insert(group.number, result.snapshot);
        }
        write.newEvents = result.newEvents;
        write.tracedAt = group.observations.constLast().observedAt;
        write.nextTraceAt = group.nextTraceAt.value_or(QDateTime());
        writes.append(write);
    }
    const Result<int> written = m_store.writeTraceResults(writes);
    if (!written)
        return written;
    // After the commit: if this fails, the provider's retry finds the visit unrecorded and decides
    // exactly as this attempt did (its events are then deduplicated), never the other way round.
    for (const QVariantList &visit : std::as_const(newVisits)) {
        auto recorded = exec(u"INSERT INTO callback_visits (container_id, visit_key, started_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (container_id, visit_key) DO NOTHING"_s,
                             visit, u"Cannot record a callback visit"_s);
        if (!recorded)
            return recorded.error();
    }
    qCDebug(lcSubscriptions) << "stored a callback of" << provider << "with" << written.value() << "new events";
    return written;
}
