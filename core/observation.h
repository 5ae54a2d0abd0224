#pragma once

#include "event.h"
#include "hold.h"
#include "snapshot.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// An explicit fact a provider reported that has no snapshot field of its own (e.g. a terminal's
// "Released"). The reconciler stores it as an event; its dedupe key ignores observedAt, so seeing it
// again adds nothing.
struct ObservedMilestone
{
    EventCode code = EventCode::Released;
    QString providerCode;
    QDateTime occurredAt; // invalid when the provider gave no time
    QJsonObject data;

    bool operator==(const ObservedMilestone &) const = default;
};

// One hold placed or lifted at a known time, for providers that report hold changes one event at a
// time and never the whole list (e.g. a release and its cancellation). The reconciler applies it to
// the snapshot's holds and logs it as HOLD_ADDED / HOLD_RELEASED at its own time, so a release, its
// revocation and a later release are three events.
struct ObservedHoldChange
{
    Hold hold;
    bool placed = false; // true: the hold is (back) on; false: it was released
    QString providerCode;
    QDateTime occurredAt;
    QJsonObject data; // merged into the event's data

    bool operator==(const ObservedHoldChange &) const = default;
};

// What one provider said about one container at one moment. An unset optional means "not reported",
// which differs from "reported as empty": holds == std::nullopt is "no hold information", while an
// empty list is "the provider says there are no holds".
struct Observation
{
    QString containerNumber;
    QString source; // "<provider>/<site>"
    QDateTime observedAt;
    bool notFound = false;

    std::optional<bool> available;
    // When the availability changed, for providers that report it as a timed event (an
    // availability or its cancellation with its own event time); unset: as of observedAt.
    std::optional<QDateTime> availableAt;
    std::optional<QString> vesselName;
    std::optional<QString> voyage;
    std::optional<QDateTime> vesselEta;
    std::optional<QDateTime> vesselAta;
    std::optional<QDateTime> dischargedAt;
    std::optional<QString> location;
    std::optional<QString> locationLot;
    std::optional<QList<Hold>> holds;
    std::optional<QDate> lfdTerminal;
    std::optional<QDate> lfdLine;
    std::optional<double> demurrageAmount;
    std::optional<QDateTime> outgatedAt;
    std::optional<QString> outgateTrucker;
    std::optional<QString> chassisNumber;
    std::optional<QDateTime> emptyReturnedAt;
    std::optional<QDateTime> pickupAppointmentAt;
    std::optional<SizeType> sizeType;
    std::optional<double> grossWeight;
    std::optional<bool> hazardous;
    std::optional<QString> lineScac;
    std::optional<QString> billOfLading;
    // The provider's gate evidence says the box left while its yard listing still shows it there.
    std::optional<bool> yardListingConflict;

    // The provider's own name for the events the reconciler derives from field changes,
    // e.g. {Available: "Arrived", Discharged: "Grounded", LfdChanged: "Lfd", HoldAdded: "Hold"}.
    QHash<EventCode, QString> providerCodes;
    QList<ObservedMilestone> milestones;
    QList<ObservedHoldChange> holdChanges; // applied after holds (the full list), in order
    EventLocation eventLocation;           // location given to every event derived from this observation
    QJsonObject raw;                       // the payload element this observation came from

    bool operator==(const Observation &) const = default;
};
