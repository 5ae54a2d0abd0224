#pragma once

#include "records.h"

#include <QList>
#include <QString>

class Session;

// Claims on due containers: a worker leases what it traces so that no other worker traces it at the
// same time. A claim records its worker (WorkerIdentity), so that the claims of a worker that died
// can be released by the next worker on its host instead of lapsing only with the lease.
namespace ClaimTable {
// Claims for the request's worker (see ClaimRequest). On PostgreSQL the claim uses
// FOR UPDATE SKIP LOCKED, so concurrent workers never claim the same entry.
Result<QList<WatchEntry>> claimDue(Session &session, const ClaimRequest &request);
// How many containers the request would claim if another worker's live lease did not hold them and
// that were not traced since request.tracedBefore (by anyone).
Result<int> countHeldByOthers(Session &session, const ClaimRequest &request);
// Releases the claims of worker on ids (all of worker's claims when ids is empty); returns how many.
// name, when given, narrows it to the claims made under that claimed_by name (one process may run
// several engines). The schedule is not touched: the containers stay as due as they were.
Result<int> release(Session &session, const WorkerIdentity &worker, const QString &name = {},
                    const QList<qint64> &ids = {});
// The distinct workers of host that hold a lease now.
Result<QList<WorkerIdentity>> holders(Session &session, const QString &host);
} // namespace ClaimTable
