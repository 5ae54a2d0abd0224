#include "subscriptiontable.h"

#include "codecs.h"
#include "session.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
const QString subscriptionColumns = u"entity, provider, number, booking, api_version, event_codes, port, category, "
                                    "facility, callback_uri, emails, reference, remote_id, created_at, expires_at, "
                                    "state"_s;

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
    record.createdAt = timeFromValue(query.value(i++));
    record.expiresAt = timeFromValue(query.value(i++));
    record.state = query.value(i++).toString();
    return record;
}

// Runs statements (sql, values) in one write transaction.
Result<void> runInTransaction(Session &session, const QList<std::pair<QString, QVariantList>> &statements,
                              const QString &what)
{
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    for (const auto &[sql, values] : statements) {
        auto done = session.run(sql, values, what);
        if (!done)
            return done.error();
    }
    return transaction.commit();
}
} // namespace

Result<void> SubscriptionTable::save(Session &session, const SubscriptionRecord &record)
{
    return runInTransaction(
        session,
        {{u"DELETE FROM subscriptions WHERE entity = ? AND provider = ? AND number = ? AND booking = ?"_s,
          {record.entity, record.provider, record.number, int(record.booking)}},
         {u"INSERT INTO subscriptions ("_s % subscriptionColumns %
              u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
          {record.entity, record.provider, record.number, int(record.booking), record.apiVersion,
           record.eventCodes.join(u','), record.port, record.category, record.facility, record.callbackUri,
           record.emails.join(u','), record.reference, record.remoteId, timeValue(record.createdAt),
           timeValue(record.expiresAt), record.state}}},
        u"Cannot save the subscription of "_s % record.number);
}

Result<QList<SubscriptionRecord>> SubscriptionTable::list(Session &session, const QString &entity,
                                                          const QString &provider)
{
    auto query = session.run(u"SELECT "_s % subscriptionColumns %
                                 u" FROM subscriptions WHERE entity = ? AND provider = ? ORDER BY booking, number"_s,
                             {entity, provider}, u"Cannot read the subscriptions"_s);
    if (!query)
        return query.error();
    QList<SubscriptionRecord> result;
    while (query->next())
        result.append(readSubscription(query.value()));
    return result;
}

Result<int> SubscriptionTable::markRemoved(Session &session, const QString &entity, const QString &provider,
                                           const QStringList &numbers)
{
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    int changed = 0;
    for (const QString &number : numbers) {
        auto query = session.run(u"UPDATE subscriptions SET state = 'removed' WHERE entity = ? AND provider = ? AND "
                                 "number = ? AND state = 'active'"_s,
                                 {entity, provider, number}, u"Cannot remove the subscription"_s);
        if (!query)
            return query.error();
        changed += std::max(0, query->numRowsAffected());
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}

Result<void> SubscriptionTable::saveTraceSettings(Session &session, const QString &entity,
                                                  const TracePublishSettings &settings)
{
    return runInTransaction(session,
                            {{u"DELETE FROM trace_publish_settings WHERE entity = ?"_s, {entity}},
                             {u"INSERT INTO trace_publish_settings (entity, org_id, svc_id, origin, endpoint) "
                              "VALUES (?, ?, ?, ?, ?)"_s,
                              {entity, settings.orgId, settings.svcId, settings.origin, settings.endpoint}}},
                            u"Cannot save the trace settings"_s);
}

Result<TracePublishSettings> SubscriptionTable::traceSettings(Session &session, const QString &entity)
{
    auto query = session.run(u"SELECT org_id, svc_id, origin, endpoint FROM trace_publish_settings WHERE entity = ?"_s,
                             {entity}, u"Cannot read the trace settings"_s);
    if (!query)
        return query.error();
    TracePublishSettings settings;
    if (query->next()) {
        settings.orgId = query->value(0).toString();
        settings.svcId = query->value(1).toString();
        settings.origin = query->value(2).toString();
        settings.endpoint = query->value(3).toString();
    }
    return settings;
}

Result<void> SubscriptionTable::savePublication(Session &session, const QString &entity,
                                                const TracePublication &publication)
{
    return runInTransaction(
        session,
        {{u"DELETE FROM trace_publications WHERE entity = ? AND number = ?"_s, {entity, publication.number}},
         {u"INSERT INTO trace_publications (entity, number, provider, published_at, cancelled_at, state) "
          "VALUES (?, ?, ?, ?, ?, ?)"_s,
          {entity, publication.number, publication.provider, timeValue(publication.publishedAt),
           timeValue(publication.cancelledAt), publication.state}}},
        u"Cannot save the publication"_s);
}

Result<QList<TracePublication>> SubscriptionTable::publications(Session &session, const QString &entity,
                                                                const QString &number)
{
    QVariantList values{entity};
    if (!number.isEmpty())
        values.append(number);
    auto query = session.run(u"SELECT number, provider, published_at, cancelled_at, state FROM trace_publications "
                             "WHERE entity = ?"_s %
                                 (number.isEmpty() ? u" ORDER BY number"_s : u" AND number = ?"_s),
                             values, u"Cannot read the trace publications"_s);
    if (!query)
        return query.error();
    QList<TracePublication> result;
    while (query->next()) {
        result.append(TracePublication{query->value(0).toString(), query->value(1).toString(),
                                       timeFromValue(query->value(2)), timeFromValue(query->value(3)),
                                       query->value(4).toString()});
    }
    return result;
}

Result<QList<CallbackVisit>> SubscriptionTable::visits(Session &session, qint64 containerId)
{
    auto query = session.run(u"SELECT visit_key, started_at FROM callback_visits WHERE container_id = ?"_s,
                             {containerId}, u"Cannot read the container's visits"_s);
    if (!query)
        return query.error();
    QList<CallbackVisit> result;
    while (query->next())
        result.append(CallbackVisit{containerId, query->value(0).toString(), timeFromValue(query->value(1))});
    return result;
}

Result<void> SubscriptionTable::recordVisits(Session &session, const QList<CallbackVisit> &visits)
{
    QList<std::pair<QString, QVariantList>> statements;
    for (const CallbackVisit &visit : visits) {
        statements.append({u"INSERT INTO callback_visits (container_id, visit_key, started_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (container_id, visit_key) DO NOTHING"_s,
                           {visit.containerId, visit.visitKey, timeValue(visit.startedAt)}});
    }
    if (statements.isEmpty())
        return {};
    return runInTransaction(session, statements, u"Cannot record a callback visit"_s);
}
