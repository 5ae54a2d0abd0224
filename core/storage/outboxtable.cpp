#include "outboxtable.h"

#include "clock.h"
#include "codecs.h"
#include "outbound/outboundmessages.h"
#include "session.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Codecs;

namespace {
const QString destinationColumns = u"id, entity, name, kind, url, event_codes, enabled, max_in_flight, max_attempts, "
                                   "stopped_reason, created_at"_s;
const QString messageColumns = u"id, message_id, destination_id, entity, container_id, container_number, payload, "
                               "state, attempts, created_at, next_attempt_at, delivered_at, last_error"_s;

OutboundDestination readDestination(const QSqlQuery &query)
{
    OutboundDestination d;
    int i = 0;
    d.id = query.value(i++).toLongLong();
    d.entity = query.value(i++).toString();
    d.name = query.value(i++).toString();
    d.kind = query.value(i++).toString();
    d.url = QUrl(query.value(i++).toString());
    d.eventCodes = stringListFromValue(query.value(i++));
    d.enabled = query.value(i++).toInt() != 0;
    d.maxInFlight = query.value(i++).toInt();
    d.maxAttempts = query.value(i++).toInt();
    d.stoppedReason = query.value(i++).toString();
    d.createdAt = timeFromValue(query.value(i++));
    return d;
}

QString stateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Pending:
        return u"pending"_s;
    case OutboxState::Sending:
        return u"sending"_s;
    case OutboxState::Delivered:
        return u"delivered"_s;
    case OutboxState::Dead:
        return u"dead"_s;
    }
    return u"pending"_s;
}

OutboxState stateFromName(const QString &name)
{
    if (name == u"sending")
        return OutboxState::Sending;
    if (name == u"delivered")
        return OutboxState::Delivered;
    if (name == u"dead")
        return OutboxState::Dead;
    return OutboxState::Pending;
}

OutboxMessage readMessage(const QSqlQuery &query)
{
    OutboxMessage m;
    int i = 0;
    m.sequence = query.value(i++).toLongLong();
    m.messageId = query.value(i++).toString();
    m.destinationId = query.value(i++).toLongLong();
    m.entity = query.value(i++).toString();
    m.containerId = query.value(i++).toLongLong();
    m.containerNumber = query.value(i++).toString();
    m.payload = jsonFromValue(query.value(i++));
    m.state = stateFromName(query.value(i++).toString());
    m.attempts = query.value(i++).toInt();
    m.createdAt = timeFromValue(query.value(i++));
    m.nextAttemptAt = timeFromValue(query.value(i++));
    m.deliveredAt = timeFromValue(query.value(i++));
    m.lastError = query.value(i++).toString();
    return m;
}

Result<QList<OutboundDestination>> selectDestinations(Session &session, const QString &tail, const QVariantList &values)
{
    auto query = session.run(u"SELECT "_s % destinationColumns % u" FROM outbound_destinations "_s % tail, values,
                             u"Cannot read the outbound destinations"_s);
    if (!query)
        return query.error();
    QList<OutboundDestination> out;
    while (query->next())
        out.append(readDestination(query.value()));
    return out;
}

Result<QList<OutboxMessage>> selectMessages(Session &session, const QString &tail, const QVariantList &values)
{
    auto query = session.run(u"SELECT "_s % messageColumns % u" FROM outbox_messages "_s % tail, values,
                             u"Cannot read the outbox"_s);
    if (!query)
        return query.error();
    QList<OutboxMessage> out;
    while (query->next())
        out.append(readMessage(query.value()));
    return out;
}

const QString clearClaim = u"claimed_by = NULL, claimed_until = NULL, claimed_host = NULL, claimed_pid = NULL, "
                           "claimed_process_start = NULL, claimed_at = NULL"_s;
} // namespace

Result<OutboundDestination> OutboxTable::saveDestination(Session &session, const OutboundDestination &destination)
{
    if (destination.entity.isEmpty() || destination.name.isEmpty() || destination.kind.isEmpty())
        return makeError(ErrorKind::InvalidInput, u"An outbound destination needs an entity, a name and a kind"_s);
    const QString what = u"Cannot save the outbound destination "_s % destination.name;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const QDateTime created = destination.createdAt.isValid() ? destination.createdAt : session.clock().now();
    auto saved = session.run(
        u"INSERT INTO outbound_destinations (entity, name, kind, url, event_codes, enabled, max_in_flight, "
        "max_attempts, stopped_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, name) DO UPDATE SET kind = excluded.kind, url = excluded.url, "
        "event_codes = excluded.event_codes, enabled = excluded.enabled, max_in_flight = excluded.max_in_flight, "
        "max_attempts = excluded.max_attempts, stopped_reason = excluded.stopped_reason"_s,
        {destination.entity, destination.name, destination.kind, textValue(destination.url.toString()),
         stringListValue(destination.eventCodes), destination.enabled ? 1 : 0, std::max(1, destination.maxInFlight),
         std::max(1, destination.maxAttempts), textValue(destination.stoppedReason), timeValue(created)},
        what);
    if (!saved)
        return saved.error();
    saved->finish();
    auto stored =
        selectDestinations(session, u"WHERE entity = ? AND name = ?"_s, {destination.entity, destination.name});
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return makeError(ErrorKind::Storage, what);
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return stored->constFirst();
}

Result<QList<OutboundDestination>> OutboxTable::destinations(Session &session, const QString &entity)
{
    if (entity.isEmpty())
        return selectDestinations(session, u"ORDER BY entity, name"_s, {});
    return selectDestinations(session, u"WHERE entity = ? ORDER BY name"_s, {entity});
}

Result<std::optional<OutboundDestination>> OutboxTable::destination(Session &session, const QString &entity,
                                                                    const QString &name)
{
    auto found = selectDestinations(session, u"WHERE entity = ? AND name = ?"_s, {entity, name});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboundDestination>();
    return std::optional<OutboundDestination>(found->constFirst());
}

Result<std::optional<OutboundDestination>> OutboxTable::destinationById(Session &session, qint64 id)
{
    auto found = selectDestinations(session, u"WHERE id = ?"_s, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboundDestination>();
    return std::optional<OutboundDestination>(found->constFirst());
}

Result<void> OutboxTable::removeDestination(Session &session, const QString &entity, const QString &name)
{
    const QString what = u"Cannot remove the outbound destination "_s % name;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun;
    auto messages = session.run(u"DELETE FROM outbox_messages WHERE destination_id IN "
                                "(SELECT id FROM outbound_destinations WHERE entity = ? AND name = ?)"_s,
                                {entity, name}, what);
    if (!messages)
        return messages.error();
    messages->finish();
    // And from the journal rows that name it: SQLite may give its id to the next destination made.
    auto id =
        session.run(u"SELECT id FROM outbound_destinations WHERE entity = ? AND name = ?"_s, {entity, name}, what);
    if (!id)
        return id.error();
    const qint64 destinationId = id->next() ? id->value(0).toLongLong() : 0;
    id->finish();
    auto journal = session.run(u"SELECT id, destination_ids FROM outbox_journal"_s, {}, what);
    if (!journal)
        return journal.error();
    QList<std::pair<qint64, QList<qint64>>> rewrites;
    while (journal->next()) {
        QList<qint64> ids;
        bool named = false;
        for (const QStringView part : QStringView(journal->value(1).toString()).split(u',', Qt::SkipEmptyParts)) {
            const qint64 other = part.trimmed().toLongLong();
            if (other == destinationId)
                named = true;
            else
                ids.append(other);
        }
        if (named)
            rewrites.append({journal->value(0).toLongLong(), ids});
    }
    journal->finish();
    for (const auto &[row, ids] : std::as_const(rewrites)) {
        auto rewritten = ids.isEmpty() ? session.run(u"DELETE FROM outbox_journal WHERE id = ?"_s, {row}, what)
                                       : session.run(u"UPDATE outbox_journal SET destination_ids = ? WHERE id = ?"_s,
                                                     {idList(ids), row}, what);
        if (!rewritten)
            return rewritten.error();
    }
    auto removed =
        session.run(u"DELETE FROM outbound_destinations WHERE entity = ? AND name = ?"_s, {entity, name}, what);
    if (!removed)
        return removed.error();
    if (removed->numRowsAffected() == 0)
        return makeError(ErrorKind::NotFound, u"There is no outbound destination %1"_s.arg(name));
    removed->finish();
    return transaction.commit();
}

Result<void> OutboxTable::stopDestination(Session &session, qint64 destinationId, const QString &reason)
{
    auto stopped = session.run(u"UPDATE outbound_destinations SET stopped_reason = ? WHERE id = ?"_s,
                               {textValue(reason), destinationId}, u"Cannot stop the outbound destination"_s);
    if (!stopped)
        return stopped.error();
    if (stopped->numRowsAffected() == 0)
        return makeError(ErrorKind::NotFound, u"There is no outbound destination %1"_s.arg(destinationId));
    return {};
}

Result<QList<OutboundDestination>> OutboxTable::enabledDestinations(Session &session)
{
    return selectDestinations(session, u"WHERE enabled = 1 ORDER BY id"_s, {});
}

Result<int> OutboxTable::enqueue(Session &session, const QList<OutboxMessage> &messages)
{
    if (messages.isEmpty())
        return 0;
    Result<QSqlQuery> prepared = session.prepare(
        u"INSERT INTO outbox_messages (message_id, destination_id, entity, container_id, container_number, "
        "payload, state, attempts, created_at, next_attempt_at, replay_of) "
        "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)"_s,
        u"the outbox insert"_s);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    const QDateTime now = session.clock().now();
    for (const OutboxMessage &m : messages) {
        int i = 0;
        query.bindValue(i++, m.messageId);
        query.bindValue(i++, m.destinationId);
        query.bindValue(i++, m.entity);
        query.bindValue(i++, m.containerId);
        query.bindValue(i++, m.containerNumber);
        query.bindValue(i++, jsonValue(m.payload));
        query.bindValue(i++, timeValue(m.createdAt.isValid() ? m.createdAt : now));
        query.bindValue(i++, timeValue(m.nextAttemptAt.isValid() ? m.nextAttemptAt : now));
        query.bindValue(i++, nullText());
        if (!query.exec())
            return session.failed(u"Cannot queue an outbound message for container "_s % m.containerNumber, query);
    }
    query.finish();
    return int(messages.size());
}

QString OutboxTable::eventRunsText(QList<qint64> eventIds)
{
    std::sort(eventIds.begin(), eventIds.end());
    eventIds.erase(std::unique(eventIds.begin(), eventIds.end()), eventIds.end());
    QString text;
    for (qsizetype i = 0; i < eventIds.size();) {
        qsizetype last = i;
        while (last + 1 < eventIds.size() && eventIds.at(last + 1) == eventIds.at(last) + 1)
            ++last;
        if (!text.isEmpty())
            text += u',';
        text += QString::number(eventIds.at(i));
        if (last > i)
            text += u'-' + QString::number(eventIds.at(last));
        i = last + 1;
    }
    return text;
}

std::optional<QList<std::pair<qint64, qint64>>> OutboxTable::parseEventRuns(const QString &text)
{
    QList<std::pair<qint64, qint64>> runs;
    for (const QStringView part : QStringView(text).split(u',', Qt::SkipEmptyParts)) {
        const qsizetype dash = part.indexOf(u'-');
        bool firstOk = false;
        bool lastOk = true;
        const qint64 first = (dash < 0 ? part : part.left(dash)).toLongLong(&firstOk);
        const qint64 last = dash < 0 ? first : part.mid(dash + 1).toLongLong(&lastOk);
        if (!firstOk || !lastOk || first <= 0 || last < first || (!runs.isEmpty() && first <= runs.constLast().second))
            return std::nullopt;
        runs.append({first, last});
    }
    return runs;
}

Result<void> OutboxTable::journal(Session &session, const QList<qint64> &destinationIds, QList<qint64> eventIds)
{
    if (destinationIds.isEmpty() || eventIds.isEmpty())
        return {};
    auto written =
        session.run(u"INSERT INTO outbox_journal (destination_ids, event_ids, created_at) VALUES (?, ?, ?)"_s,
                    {idList(destinationIds), eventRunsText(std::move(eventIds)), timeValue(session.clock().now())},
                    u"Cannot write the outbox journal"_s);
    if (!written)
        return written.error();
    return {};
}

Result<std::optional<OutboxTable::JournalRow>> OutboxTable::oldestJournalRow(Session &session)
{
    const bool postgres = session.backend() == Session::Backend::Postgres;
    auto query = session.run(u"SELECT id, destination_ids, event_ids, created_at FROM outbox_journal "
                             "ORDER BY id LIMIT 1"_s %
                                 (postgres ? u" FOR UPDATE"_s : QString()),
                             {}, u"Cannot read the outbox journal"_s);
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<JournalRow>();
    JournalRow row;
    row.id = query->value(0).toLongLong();
    for (const QStringView id : QStringView(query->value(1).toString()).split(u',', Qt::SkipEmptyParts))
        row.destinationIds.append(id.trimmed().toLongLong());
    const QString runs = query->value(2).toString();
    row.createdAt = timeFromValue(query->value(3));
    query->finish();
    std::optional<QList<std::pair<qint64, qint64>>> parsed = parseEventRuns(runs);
    if (!parsed)
        return makeError(ErrorKind::Storage, u"Outbox journal row %1 names its events as \"%2\", which is not "
                                             "a list of id runs"_s.arg(row.id)
                                                 .arg(runs.left(80)));
    row.eventRuns = std::move(*parsed);
    return std::optional<JournalRow>(std::move(row));
}

Result<void> OutboxTable::removeJournalRow(Session &session, qint64 id)
{
    auto removed =
        session.run(u"DELETE FROM outbox_journal WHERE id = ?"_s, {id}, u"Cannot remove outbox journal row"_s);
    if (!removed)
        return removed.error();
    return {};
}

Result<QList<OutboxSummary>> OutboxTable::summaries(Session &session, const QString &entity)
{
    auto destinations = OutboxTable::destinations(session, entity);
    if (!destinations)
        return destinations.error();
    QList<OutboxSummary> out;
    for (const OutboundDestination &destination : destinations.value()) {
        OutboxSummary summary;
        summary.destination = destination;
        auto counts = session.run(u"SELECT state, COUNT(*), MAX(delivered_at), MIN(created_at) FROM outbox_messages "
                                  "WHERE destination_id = ? GROUP BY state"_s,
                                  {destination.id}, u"Cannot summarise the outbox"_s);
        if (!counts)
            return counts.error();
        while (counts->next()) {
            const OutboxState state = stateFromName(counts->value(0).toString());
            const int count = counts->value(1).toInt();
            switch (state) {
            case OutboxState::Pending:
                summary.pending = count;
                summary.oldestPendingAt = timeFromValue(counts->value(3));
                break;
            case OutboxState::Sending:
                summary.sending = count;
                break;
            case OutboxState::Delivered:
                summary.delivered = count;
                summary.lastDeliveredAt = timeFromValue(counts->value(2));
                break;
            case OutboxState::Dead:
                summary.dead = count;
                break;
            }
        }
        counts->finish();
        auto error = session.run(u"SELECT last_error FROM outbox_messages WHERE destination_id = ? AND "
                                 "last_error IS NOT NULL ORDER BY id DESC LIMIT 1"_s,
                                 {destination.id}, u"Cannot summarise the outbox"_s);
        if (!error)
            return error.error();
        if (error->next())
            summary.lastError = error->value(0).toString();
        out.append(summary);
    }
    return out;
}

Result<QList<OutboxMessage>> OutboxTable::messages(Session &session, const OutboxQuery &request)
{
    QString tail = u"WHERE 1 = 1"_s;
    QVariantList values;
    if (request.destinationId != 0) {
        tail += u" AND destination_id = ?"_s;
        values.append(request.destinationId);
    }
    if (!request.states.isEmpty()) {
        tail += u" AND state IN ("_s % placeholders(request.states.size()) % u")"_s;
        for (const OutboxState state : request.states)
            values.append(stateName(state));
    }
    if (request.from.isValid()) {
        tail += u" AND created_at >= ?"_s;
        values.append(timeValue(request.from));
    }
    if (request.to.isValid()) {
        tail += u" AND created_at < ?"_s;
        values.append(timeValue(request.to));
    }
    tail += request.newestFirst ? u" ORDER BY id DESC LIMIT ?"_s : u" ORDER BY id LIMIT ?"_s;
    values.append(std::max(0, request.limit));
    return selectMessages(session, tail, values);
}

Result<int> OutboxTable::retryDeadLetters(Session &session, qint64 destinationId, const QList<qint64> &sequences)
{
    QString sql = u"UPDATE outbox_messages SET state = 'pending', attempts = 0, next_attempt_at = ? "
                  "WHERE destination_id = ? AND state = 'dead'"_s;
    if (!sequences.isEmpty())
        sql += u" AND id IN ("_s % idList(sequences) % u")"_s;
    auto updated =
        session.run(sql, {timeValue(session.clock().now()), destinationId}, u"Cannot retry the dead letters"_s);
    if (!updated)
        return updated.error();
    return std::max(0, updated->numRowsAffected());
}

Result<int> OutboxTable::replay(Session &session, qint64 destinationId, const QDateTime &from, const QDateTime &to)
{
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QString tail = u"WHERE destination_id = ? AND state = 'delivered'"_s;
    QVariantList values{destinationId};
    if (from.isValid()) {
        tail += u" AND created_at >= ?"_s;
        values.append(timeValue(from));
    }
    if (to.isValid()) {
        tail += u" AND created_at < ?"_s;
        values.append(timeValue(to));
    }
    auto originals = selectMessages(session, tail % u" ORDER BY id"_s, values);
    if (!originals)
        return originals.error();
    Result<QSqlQuery> prepared = session.prepare(
        u"INSERT INTO outbox_messages (message_id, destination_id, entity, container_id, container_number, "
        "payload, state, attempts, created_at, next_attempt_at, replay_of) "
        "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)"_s,
        u"the outbox replay"_s);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    const QVariant now = timeValue(session.clock().now());
    for (const OutboxMessage &original : originals.value()) {
        const QString id = OutboundMessages::newMessageId();
        QJsonObject payload = original.payload;
        if (payload.contains(u"messageId"_s))
            payload.insert(u"messageId"_s, id); // the body names the id the receiver dedupes by
        int i = 0;
        query.bindValue(i++, id);
        query.bindValue(i++, original.destinationId);
        query.bindValue(i++, original.entity);
        query.bindValue(i++, original.containerId);
        query.bindValue(i++, original.containerNumber);
        query.bindValue(i++, jsonValue(payload));
        query.bindValue(i++, now);
        query.bindValue(i++, now);
        query.bindValue(i++, original.messageId);
        if (!query.exec())
            return session.failed(u"Cannot replay outbound message "_s % original.messageId, query);
    }
    query.finish();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return int(originals->size());
}

Result<QList<OutboxMessage>> OutboxTable::claim(Session &session, const OutboxClaimRequest &request)
{
    if (request.limit <= 0)
        return QList<OutboxMessage>();
    const QDateTime now = request.now.isValid() ? request.now : session.clock().now();
    const QVariant nowValue = timeValue(now);
    const bool postgres = session.backend() == Session::Backend::Postgres;
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // The destination row is locked first on PostgreSQL, so that concurrent claimers of one
    // destination count its in-flight messages one after the other and never exceed maxInFlight.
    auto destination = session.run(u"SELECT max_in_flight FROM outbound_destinations WHERE id = ? AND enabled = 1 "
                                   "AND stopped_reason IS NULL"_s %
                                       (postgres ? u" FOR UPDATE"_s : QString()),
                                   {request.destinationId}, u"Cannot read the outbound destination"_s);
    if (!destination)
        return destination.error();
    if (!destination->next()) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return QList<OutboxMessage>();
    }
    const int maxInFlight = destination->value(0).toInt();
    destination->finish();
    auto inFlight = session.run(u"SELECT COUNT(*) FROM outbox_messages WHERE destination_id = ? AND "
                                "state = 'sending' AND claimed_until >= ?"_s,
                                {request.destinationId, nowValue}, u"Cannot count the messages in flight"_s);
    if (!inFlight)
        return inFlight.error();
    const int sending = inFlight->next() ? inFlight->value(0).toInt() : 0;
    inFlight->finish();
    const int room = std::min(request.limit, maxInFlight - sending);
    if (room <= 0) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return QList<OutboxMessage>();
    }
    // "state IN" repeats the partial index's condition so that SQLite walks outbox_open (only the open
    // messages, already in id order); without it the planner scanned every message the destination
    // ever had and sorted them, on each claim.
    QString sql = u"SELECT m.id FROM outbox_messages m WHERE m.destination_id = ? AND "
                  "m.state IN ('pending', 'sending') AND ((m.state = 'pending' AND m.next_attempt_at <= ?) OR (m.state "
                  "= 'sending' AND m.claimed_until < ?)) "
                  "AND NOT EXISTS (SELECT 1 FROM outbox_messages e WHERE e.destination_id = m.destination_id AND "
                  "e.container_id = m.container_id AND e.id < m.id AND e.state IN ('pending', 'sending')) "
                  "ORDER BY m.id LIMIT ?"_s;
    if (postgres)
        sql += u" FOR UPDATE OF m SKIP LOCKED"_s;
    auto selected = session.run(sql, {request.destinationId, nowValue, nowValue, room},
                                u"Cannot select the outbound messages due"_s);
    if (!selected)
        return selected.error();
    QList<qint64> ids;
    while (selected->next())
        ids.append(selected->value(0).toLongLong());
    selected->finish();
    if (ids.isEmpty()) {
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return QList<OutboxMessage>();
    }
    const QString list = idList(ids);
    const WorkerIdentity &worker = request.identity;
    auto claimed =
        session.run(u"UPDATE outbox_messages SET state = 'sending', claimed_by = ?, claimed_until = ?, "
                    "claimed_host = ?, claimed_pid = ?, claimed_process_start = ?, claimed_at = ? "
                    "WHERE id IN ("_s %
                        list % u")"_s,
                    {textValue(request.worker), timeValue(now.addSecs(request.leaseSeconds)), textValue(worker.host),
                     worker.isEmpty() ? QVariant() : QVariant(worker.pid), textValue(worker.processStart), nowValue},
                    u"Cannot claim the outbound messages"_s);
    if (!claimed)
        return claimed.error();
    claimed->finish();
    auto messages = selectMessages(session, u"WHERE id IN ("_s % list % u") ORDER BY id"_s, {});
    if (!messages)
        return messages.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return messages;
}

Result<OutboxFinish> OutboxTable::finish(Session &session, qint64 sequence, const DeliveryResult &result,
                                         const QDateTime &nextAttemptAt)
{
    const QString what = u"Cannot record the delivery of outbound message %1"_s.arg(sequence);
    auto transaction = session.transaction();
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto current = session.run(u"SELECT m.attempts, m.destination_id, d.max_attempts FROM outbox_messages m "
                               "JOIN outbound_destinations d ON d.id = m.destination_id "
                               "WHERE m.id = ? AND m.state = 'sending'"_s,
                               {sequence}, what);
    if (!current)
        return current.error();
    OutboxFinish outcome;
    if (!current->next()) {
        outcome.found = false;
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return outcome;
    }
    const int attempts = current->value(0).toInt();
    const qint64 destinationId = current->value(1).toLongLong();
    const int maxAttempts = current->value(2).toInt();
    current->finish();
    const QVariant now = timeValue(session.clock().now());
    QString sql;
    QVariantList values;
    using Outcome = DeliveryResult::Outcome;
    switch (result.outcome) {
    case Outcome::Delivered:
        outcome.state = OutboxState::Delivered;
        outcome.attempts = attempts + 1;
        sql = u"UPDATE outbox_messages SET state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL, "_s %
              clearClaim % u" WHERE id = ?"_s;
        values = {outcome.attempts, now, sequence};
        break;
    case Outcome::Retry:
    case Outcome::Permanent:
        outcome.attempts = attempts + 1;
        outcome.state = result.outcome == Outcome::Permanent || outcome.attempts >= maxAttempts ? OutboxState::Dead
                                                                                                : OutboxState::Pending;
        sql = u"UPDATE outbox_messages SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "_s %
              clearClaim % u" WHERE id = ?"_s;
        values = {stateName(outcome.state), outcome.attempts,
                  timeValue(nextAttemptAt.isValid() ? nextAttemptAt : session.clock().now()),
                  textValue(result.error.isEmpty() ? u"failed"_s : result.error), sequence};
        break;
    case Outcome::Stop:
        // Not this message's fault: it waits, with its attempts unchanged, until the destination is fixed.
        outcome.state = OutboxState::Pending;
        outcome.attempts = attempts;
        outcome.destinationStopped = true;
        sql = u"UPDATE outbox_messages SET state = 'pending', last_error = ?, "_s % clearClaim % u" WHERE id = ?"_s;
        values = {textValue(result.error), sequence};
        break;
    }
    auto updated = session.run(sql, values, what);
    if (!updated)
        return updated.error();
    updated->finish();
    if (outcome.destinationStopped) {
        const QString reason = result.error.isEmpty() ? u"stopped by its sender"_s : result.error;
        if (auto stopped = stopDestination(session, destinationId, reason); !stopped)
            return stopped.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return outcome;
}

Result<QList<WorkerIdentity>> OutboxTable::holders(Session &session, const QString &host)
{
    auto query = session.run(u"SELECT DISTINCT claimed_pid, COALESCE(claimed_process_start, '') FROM outbox_messages "
                             "WHERE claimed_until IS NOT NULL AND claimed_host = ? AND claimed_pid IS NOT NULL"_s,
                             {host}, u"Cannot list the workers holding outbox claims"_s);
    if (!query)
        return query.error();
    QList<WorkerIdentity> workers;
    while (query->next()) {
        WorkerIdentity worker;
        worker.host = host;
        worker.pid = query->value(0).toLongLong();
        worker.processStart = query->value(1).toString();
        workers.append(worker);
    }
    return workers;
}

Result<int> OutboxTable::release(Session &session, const WorkerIdentity &worker)
{
    auto query = session.run(u"UPDATE outbox_messages SET state = 'pending', "_s % clearClaim %
                                 u" WHERE state = 'sending' AND claimed_until IS NOT NULL AND claimed_host = ? AND "
                                 "claimed_pid = ? AND COALESCE(claimed_process_start, '') = ?"_s,
                             {worker.host, worker.pid, worker.processStart},
                             u"Cannot release the outbox claims of worker %1:%2"_s.arg(worker.host).arg(worker.pid));
    if (!query)
        return query.error();
    return std::max(0, query->numRowsAffected());
}
