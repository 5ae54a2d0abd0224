#pragma once

#include "event.h"
#include "observation.h"
#include "snapshot.h"

#include <QList>

struct Reconciliation
{
    ContainerSnapshot snapshot; // the updated snapshot
    QList<Event> newEvents;     // with dedupe keys; containerId set from the input
    bool changed = false;       // snapshot differs from the input one

    bool operator==(const Reconciliation &) const = default;
};

// Pure: compares a batch of observations for one container with its current snapshot and yields the
// new events plus the updated snapshot. Field changes become events (a hold that appears is
// HOLD_ADDED, one that disappears HOLD_RELEASED, a changed terminal or line LFD is LFD_CHANGED, ...);
// an unchanged fact yields nothing, so the same fact observed twice is stored once.
namespace Reconciler {
Reconciliation reconcile(qint64 containerId, const QString &containerNumber, const ContainerSnapshot &current,
                         const QList<Observation> &observations);
// Stable key for the store's UNIQUE constraint.
QString dedupeKey(const QString &containerNumber, const Event &event, bool includeObservedAt);
} // namespace Reconciler
