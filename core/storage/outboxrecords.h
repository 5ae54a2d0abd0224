#pragma once

#include "outbound/outbound.h"
#include "workeridentity.h"

#include <QDateTime>
#include <QList>
#include <QString>

// The values the outbox functions of the store take and give (issue 17).

// One destination's queue at a glance: what the console's Outbound card and `outbound status` show.
struct OutboxSummary
{
    OutboundDestination destination;
    int pending = 0;
    int sending = 0;
    int dead = 0;
    int delivered = 0;
    QDateTime lastDeliveredAt;
    QString lastError;         // the newest message's error, never a secret
    QDateTime oldestPendingAt; // createdAt of the oldest pending message
};

struct OutboxQuery
{
    qint64 destinationId = 0;  // 0: every destination
    QList<OutboxState> states; // empty: every state
    QDateTime from;            // createdAt >= from when valid
    QDateTime to;              // createdAt < to when valid
    int limit = 100;
    bool newestFirst = false; // false: sequence order (what is sent next comes first)
};

// claimOutbox claims up to limit messages of one destination for worker until now + leaseSeconds,
// never more than the destination's maxInFlight minus the messages that are being sent with live
// leases (by any worker).
struct OutboxClaimRequest
{
    qint64 destinationId = 0;
    int limit = 8;
    QString worker; // claimed_by: a readable name
    WorkerIdentity identity;
    int leaseSeconds = 120;
    QDateTime now; // invalid: the store's clock
};

// How finishDelivery left a message.
struct OutboxFinish
{
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    bool found = true; // false: the message was no longer being sent (its lease ran out and
                       // another worker took it, or it was removed); nothing changed
    bool destinationStopped = false;
};
