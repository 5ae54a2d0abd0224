#pragma once

#include "limitrecords.h"
#include "result.h"

#include <QList>

#include <optional>

class Session;

// provider_slots and worker_heartbeats (limitrecords.h). On PostgreSQL a slot is taken with
// SELECT ... FOR UPDATE SKIP LOCKED, so concurrent takers never get the same row; on SQLite the
// write transaction (BEGIN IMMEDIATE) serialises them.
namespace ProviderSlotTable {
// Creates the rows of slots 0 .. limit-1 that do not exist yet.
Result<void> ensure(Session &session, const QString &entity, const QString &provider, int limit);
// A free slot for the request, now held by it; nullopt when every slot is held by a live lease.
Result<std::optional<ProviderSlot>> take(Session &session, const ProviderSlotRequest &request);
// Frees slot when slot's holder still holds it (a lease taken over by another worker is not touched).
Result<bool> release(Session &session, const ProviderSlot &slot);
// Frees every slot worker holds, narrowed to holder's when holder is not empty; returns how many.
Result<int> releaseAll(Session &session, const WorkerIdentity &worker, const QString &holder = {});
// Moves the lease of every slot worker/holder holds to leaseUntil; returns how many.
Result<int> renew(Session &session, const WorkerIdentity &worker, const QString &holder, const QDateTime &leaseUntil);
// The distinct workers of host that hold a slot.
Result<QList<WorkerIdentity>> holders(Session &session, const QString &host);
// How many slots of (entity, provider) below limit hold a lease that runs past now.
Result<int> held(Session &session, const QString &entity, const QString &provider, int limit, const QDateTime &now);
} // namespace ProviderSlotTable

namespace WorkerHeartbeatTable {
Result<void> record(Session &session, const WorkerHeartbeat &heartbeat);
// Rows seen at or after seenSince, by host and pid.
Result<QList<WorkerHeartbeat>> seenSince(Session &session, const QDateTime &seenSince);
Result<void> remove(Session &session, const WorkerIdentity &worker);
} // namespace WorkerHeartbeatTable
