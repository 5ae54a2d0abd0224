#include "connectiontable.h"

#include "codecs.h"
#include "session.h"
#include "watchlisttable.h"

#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
const QString connectionColumns = u"entity, provider, fields, saved_secret_fields, environment, base_url, status, "
                                  "last_error, connected_at, last_verified_at, last_sync_at, wait_until"_s;

ConnectionRecord readConnection(const QSqlQuery &query)
{
    ConnectionRecord c;
    int i = 0;
    c.entity = query.value(i++).toString();
    c.provider = query.value(i++).toString();
    c.fields = jsonFromValue(query.value(i++));
    c.savedSecretFields = stringListFromValue(query.value(i++));
    c.environment = query.value(i++).toString();
    c.baseUrl = query.value(i++).toString();
    c.status = query.value(i++).toString();
    c.lastError = query.value(i++).toString();
    c.connectedAt = timeFromValue(query.value(i++));
    c.lastVerifiedAt = timeFromValue(query.value(i++));
    c.lastSyncAt = timeFromValue(query.value(i++));
    c.waitUntil = timeFromValue(query.value(i++));
    return c;
}
} // namespace

Result<void> ConnectionTable::save(Session &session, const ConnectionRecord &connection)
{
    if (connection.entity.isEmpty() || connection.provider.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"A connection needs an entity and a provider"_s);
    const QString what = u"Cannot save the "_s % connection.provider % u" connection"_s;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    if (auto entity = WatchlistTable::ensureEntity(session, connection.entity); !entity)
        return entity;
    const QVariant secretFields = stringListValue(connection.savedSecretFields);
    auto saved = session.run(
        u"INSERT INTO connections (entity, provider, fields, saved_secret_fields, environment, base_url, status, "
        "last_error, connected_at, last_verified_at, last_sync_at, wait_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?) "
        "ON CONFLICT (entity, provider) DO UPDATE SET fields = excluded.fields, "
        "saved_secret_fields = excluded.saved_secret_fields, environment = excluded.environment, "
        "base_url = excluded.base_url, status = excluded.status, last_error = excluded.last_error, "
        "connected_at = excluded.connected_at, last_verified_at = excluded.last_verified_at, "
        "last_sync_at = excluded.last_sync_at, wait_until = excluded.wait_until"_s,
        {connection.entity, connection.provider, jsonValue(connection.fields), secretFields,
         textValue(connection.environment), textValue(connection.baseUrl), connection.status,
         textValue(connection.lastError), timeValue(connection.connectedAt), timeValue(connection.lastVerifiedAt),
         timeValue(connection.lastSyncAt), timeValue(connection.waitUntil)},
        what);
    if (!saved)
        return saved.error();
    saved->finish();
    return transaction.commit();
}

Result<std::optional<ConnectionRecord>> ConnectionTable::connection(Session &session, const QString &entity,
                                                                    const QString &provider)
{
    auto query =
        session.run(u"SELECT "_s % connectionColumns % u" FROM connections WHERE entity = ? AND provider = ?"_s,
                    {entity, provider}, u"Cannot read the "_s % provider % u" connection"_s);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ConnectionRecord>();
    return std::optional<ConnectionRecord>(readConnection(query.value()));
}

Result<QList<ConnectionRecord>> ConnectionTable::connections(Session &session, const QString &entity)
{
    auto query =
        session.run(u"SELECT "_s % connectionColumns % u" FROM connections WHERE entity = ? ORDER BY provider"_s,
                    {entity}, u"Cannot list the connections"_s);
    if (!query)
        return query.error();
    QList<ConnectionRecord> records;
    while (query->next())
        records.append(readConnection(query.value()));
    return records;
}

Result<void> ConnectionTable::remove(Session &session, const QString &entity, const QString &provider)
{
    // Only the connection row goes; the containers and events it produced stay, so disconnecting never
    // loses history.
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto removed = session.run(u"DELETE FROM connections WHERE entity = ? AND provider = ?"_s, {entity, provider},
                               u"Cannot remove the "_s % provider % u" connection"_s);
    if (!removed)
        return removed.error();
    return transaction.commit();
}
