#pragma once

#include "workeridentity.h"

#include <QDateTime>
#include <QString>

// Provider slots: a connection's concurrency limit shared by every process on one database. A slot
// is one (entity, provider, index) row with index below the limit; a batch holds one while its
// request is at the provider. A slot is free when nobody holds it, when its lease ran out, or when
// its holder is a worker of the taker's host that no longer runs.
struct ProviderSlotRequest
{
    QString entity;
    QString provider;
    int limit = 1;           // slots 0 .. limit-1 count; rows beyond it (an older, larger limit) do not
    QString holder;          // a readable name of the engine (claimed_by of its claims)
    WorkerIdentity identity; // the process; empty: WorkerIdentity::current()
    int leaseSeconds = 120;
    QDateTime now; // invalid: the store's clock
};

// One slot a batch holds: what releasing it needs.
struct ProviderSlot
{
    QString entity;
    QString provider;
    int index = -1;
    QString holder;
    WorkerIdentity identity;

    bool isValid() const { return index >= 0; }
};

// A worker's row in worker_heartbeats: every process that syncs (or could, a console) upserts it
// every few seconds and at the end of each cycle; a row not seen for more than three periods is gone.
struct WorkerHeartbeat
{
    WorkerIdentity identity;
    QString name; // "sync", "console", ...
    QDateTime startedAt;
    QDateTime lastCycleAt; // invalid: no cycle finished yet
    QDateTime lastSeenAt;  // invalid on record: the store's clock
    bool viewOnly = false; // a console that never syncs

    static constexpr int periodSeconds = 5;
    // The oldest lastSeenAt of a worker still counted as active at now.
    static QDateTime activeSince(const QDateTime &now) { return now.addSecs(-3 * periodSeconds); }
};
