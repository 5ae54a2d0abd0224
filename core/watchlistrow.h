#pragma once

#include "containerstatus.h"
#include "hold.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <limits>
#include <optional>

// One hold as the watchlist shows it: the chip's type, the provider's own text for the tooltip and
// since when Quaywatch has seen it (UTC milliseconds, minimum when unknown), for "on hold since".
struct WatchlistHold
{
    HoldType type = HoldType::Other;
    QString sourceCode;
    qint64 since = std::numeric_limits<qint64>::min();

    bool operator==(const WatchlistHold &) const = default;
};

// A watchlist line: only what the console's table shows, flat and small, so that 100,000 of them
// fit comfortably in memory and sort quickly. Times are UTC milliseconds since the epoch (noTime when
// absent) so comparators work on integers; strings repeated across rows share one buffer.
struct WatchlistRow
{
    static constexpr qint64 noTime = std::numeric_limits<qint64>::min();

    qint64 id = 0;
    QString number;
    QString reference;
    QString billOfLading;
    QString provider;
    QString site;
    QString vessel;
    QString voyage;
    QString location;
    QString lastError;
    QList<WatchlistHold> holds;
    QDate lfd; // effective: the earlier of terminal and line
    QDate lfdTerminal;
    QDate lfdLine;
    qint64 vesselEta = noTime;
    qint64 dischargedAt = noTime;
    qint64 outgatedAt = noTime;
    qint64 emptyReturnedAt = noTime;
    qint64 appointmentAt = noTime;
    qint64 lastTracedAt = noTime;
    // When the next trace is due; after an error or a provider's Retry-After, the next attempt.
    qint64 nextTraceAt = noTime;
    double demurrage = 0;
    bool hasDemurrage = false;
    std::optional<bool> available;
    bool yardListingConflict = false; // ContainerSnapshot::yardListingConflict: "still listed in the yard"
    ContainerStatus status = ContainerStatus::Unknown;
    TraceState traceState = TraceState::Active;

    // Picked up: the full container left the terminal (or already came back empty).
    bool pickedUp() const { return outgatedAt != noTime || emptyReturnedAt != noTime; }
    // The lower-case text the instant filter searches: number, reference, vessel and bill of lading.
    QString haystack() const;

    static QDateTime toDateTime(qint64 msecs);
    static qint64 fromDateTime(const QDateTime &time);

    bool operator==(const WatchlistRow &) const = default;
};
