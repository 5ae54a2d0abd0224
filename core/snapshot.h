#pragma once

#include "containerstatus.h"
#include "hold.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

struct SizeType
{
    QString length;  // feet, as the provider gives it: "20", "40", "45"
    QString height;  // provider's height code, e.g. "86", "96", "114"
    QString isoCode; // e.g. "45G1"

    bool isEmpty() const { return length.isEmpty() && height.isEmpty() && isoCode.isEmpty(); }
    bool operator==(const SizeType &) const = default;
};

// A container's current state, derived from its events and stored for fast reads.
struct ContainerSnapshot
{
    ContainerStatus status = ContainerStatus::Unknown;
    QString vesselName;
    QString voyage;
    QDateTime vesselEta;
    QDateTime vesselAta;
    QDateTime dischargedAt;
    std::optional<bool> available;
    QString location;    // yard position
    QString locationLot; // Yard, Inland, On ship, Community
    QList<Hold> holds;
    QDate lfdTerminal;
    QDate lfdLine;
    std::optional<double> demurrageAmount;
    QDateTime outgatedAt;
    QString outgateTrucker;
    QString chassisNumber;
    QDateTime emptyReturnedAt;
    QDateTime pickupAppointmentAt;
    SizeType sizeType;
    std::optional<double> grossWeight;
    std::optional<bool> hazardous;
    QString lineScac;
    bool notFound = false; // the provider last said it has no record
    // The gate says the container left on this visit, the terminal still lists it in the yard: both
    // are in the event log; the status follows the gate. Cleared when the two agree again.
    bool yardListingConflict = false;
    // Provider time of the last change applied to each hold ("hold:<TYPE>:<provider text>") and to
    // availability ("available"): callbacks arrive out of order and replays come late, so a change
    // older than the one recorded here is logged but does not undo it. Bookkeeping, not a fact for
    // readers: stored in its own column, left out of toJson().
    QMap<QString, QDateTime> stateChangedAt;

    // Effective LFD: the earliest of terminal and line LFD (charges start at whichever ends first;
    // the TMS's Last Free Day field takes this one).
    QDate lfd() const;
    // Status by precedence: empty_returned > outgated > available / not_available > discharged >
    // on_vessel > not_found > unknown.
    ContainerStatus deriveStatus() const;

    // snake_case field names; times ISO 8601 UTC with Z, dates YYYY-MM-DD, absent = null.
    QJsonObject toJson() const;
    static ContainerSnapshot fromJson(const QJsonObject &json);

    bool operator==(const ContainerSnapshot &) const = default;
};
