#pragma once

#include "records.h"

#include <QList>
#include <QSqlQuery>
#include <QString>

#include <optional>

class Session;

// The containers and snapshots tables: watchlist entries, their stamps and how they are read back.
namespace WatchlistTable {
// The select list that readEntry reads, over "containers c LEFT JOIN snapshots s".
const QString &entryColumns();
WatchEntry readEntry(const QSqlQuery &query);
// Records the entity if it is new; call inside a write transaction.
Result<void> ensureEntity(Session &session, const QString &entity);

Result<AddOutcome> addContainer(Session &session, const WatchEntry &entry);
// Every batch of the feed in one transaction: all rows are stored or, on any error (also from the
// feed), none.
Result<int> addContainers(Session &session, ContainerFeed &feed);
Result<int> cancelContainers(Session &session, const QString &entity, const QStringList &numbers);
Result<void> setReference(Session &session, const QString &entity, const QString &number, const QString &reference);
Result<QList<WatchEntry>> containers(Session &session, const QString &entity, const ContainerQuery &query);
Result<std::optional<WatchEntry>> container(Session &session, const QString &entity, const QString &number);
// The ids of every entry of entity with one of numbers (any provider, any state), in one query.
Result<QList<qint64>> idsOfNumbers(Session &session, const QString &entity, const QStringList &numbers);
Result<std::optional<WatchEntry>> containerById(Session &session, qint64 id);
// entries selected with entryColumns and the given WHERE/ORDER tail.
Result<QList<WatchEntry>> select(Session &session, const QString &tail, const QVariantList &values,
                                 const QString &what);
} // namespace WatchlistTable
