#pragma once

#include "result.h"
#include "subscriptionrecords.h"

#include <QList>
#include <QString>
#include <QStringList>

class Session;

// The subscriptions, trace_publish_settings, trace_publications and callback_visits tables.
namespace SubscriptionTable {
// Replaces the subscription of (entity, provider, number, booking) in one transaction.
Result<void> save(Session &session, const SubscriptionRecord &record);
Result<QList<SubscriptionRecord>> list(Session &session, const QString &entity, const QString &provider);
Result<int> markRemoved(Session &session, const QString &entity, const QString &provider, const QStringList &numbers);

Result<void> saveTraceSettings(Session &session, const QString &entity, const TracePublishSettings &settings);
Result<TracePublishSettings> traceSettings(Session &session, const QString &entity);
Result<void> savePublication(Session &session, const QString &entity, const TracePublication &publication);
// Every publication of entity ordered by number, or the one of number when it is given.
Result<QList<TracePublication>> publications(Session &session, const QString &entity, const QString &number);

Result<QList<CallbackVisit>> visits(Session &session, qint64 containerId);
// Records visits not recorded yet, in one transaction.
Result<void> recordVisits(Session &session, const QList<CallbackVisit> &visits);
} // namespace SubscriptionTable
