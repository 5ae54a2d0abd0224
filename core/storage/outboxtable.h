#pragma once

#include "outboxrecords.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

class Session;

// The outbound_destinations and outbox_messages tables (migration 7). See Store for the rules.
namespace OutboxTable {
Result<OutboundDestination> saveDestination(Session &session, const OutboundDestination &destination);
Result<QList<OutboundDestination>> destinations(Session &session, const QString &entity);
Result<std::optional<OutboundDestination>> destination(Session &session, const QString &entity, const QString &name);
Result<std::optional<OutboundDestination>> destinationById(Session &session, qint64 id);
Result<void> removeDestination(Session &session, const QString &entity, const QString &name);
Result<void> stopDestination(Session &session, qint64 destinationId, const QString &reason);

// The enabled, unstopped-or-not destinations of every entity: what the write path checks, once per
// transaction (a tiny table; nearly always empty). Call inside the write's transaction.
Result<QList<OutboundDestination>> enabledDestinations(Session &session);
// Inserts messages (their createdAt/nextAttemptAt set) inside the caller's transaction.
Result<int> enqueue(Session &session, const QList<OutboxMessage> &messages);

// The outbox journal (migration 11): what a bulk write records instead of its messages, inside the
// write's transaction; TraceTable::expandOutboxJournal turns it into messages later.
struct JournalRow
{
    qint64 id = 0;
    QList<qint64> destinationIds;
    QList<std::pair<qint64, qint64>> eventRuns; // [first, last] event ids, ascending
    QDateTime createdAt;
};
Result<void> journal(Session &session, const QList<qint64> &destinationIds, QList<qint64> eventIds);
// The oldest row, inside the caller's transaction. On PostgreSQL it is locked (FOR UPDATE, not SKIP
// LOCKED): two workers expanding at once take turns, so a later row never gets earlier sequences.
Result<std::optional<JournalRow>> oldestJournalRow(Session &session);
Result<void> removeJournalRow(Session &session, qint64 id);
// Event ids as runs "1-5,9,12-14" and back; parse gives nullopt for text it did not write.
QString eventRunsText(QList<qint64> eventIds);
std::optional<QList<std::pair<qint64, qint64>>> parseEventRuns(const QString &text);

Result<QList<OutboxSummary>> summaries(Session &session, const QString &entity);
Result<QList<OutboxMessage>> messages(Session &session, const OutboxQuery &request);
Result<int> retryDeadLetters(Session &session, qint64 destinationId, const QList<qint64> &sequences);
Result<int> replay(Session &session, qint64 destinationId, const QDateTime &from, const QDateTime &to);
Result<QList<OutboxMessage>> claim(Session &session, const OutboxClaimRequest &request);
Result<OutboxFinish> finish(Session &session, qint64 sequence, const DeliveryResult &result,
                            const QDateTime &nextAttemptAt);
// The worker identities of this host holding outbox claims, and releasing one's claims.
Result<QList<WorkerIdentity>> holders(Session &session, const QString &host);
Result<int> release(Session &session, const WorkerIdentity &worker);
} // namespace OutboxTable
