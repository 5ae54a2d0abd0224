#pragma once

#include <QList>
#include <QString>

#include <optional>

// One container as the simulator plays it: static facts plus a timeline of milestones, each an
// offset in simulated hours from simulator start (negative = before start). Values only, so the
// scenario, the generator and the payload builders can share them without owning anything.

struct SimHold
{
    QString id; // the provider's hold_id text, e.g. "Customs Hold"
    double addedAt = 0;
    std::optional<double> releasedAt;

    bool operator==(const SimHold &) const = default;
};

struct SimLfdChange
{
    double at = 0; // from this hour on, the LFD is ...
    int days = 0;  // ... the simulator's start date (site local) plus this many days

    bool operator==(const SimLfdChange &) const = default;
};

struct SimGateVisit
{
    std::optional<double> outgateAt;     // "Full Out"
    std::optional<double> emptyReturnAt; // "Empty In"
    QString truckerName = QStringLiteral("A AND K TRUCKING LLC");
    QString truckerCode = QStringLiteral("PFCH");
    QString chassis;
    QString reference;

    bool operator==(const SimGateVisit &) const = default;
};

struct SimContainer
{
    QString number;
    QString site = QStringLiteral("WBCT_LA");
    QString line = QStringLiteral("COS");
    QString vessel;
    QString voyage;
    QString billOfLading;
    QString location; // yard position once discharged
    QString containerType = QStringLiteral("ST");
    QString length = QStringLiteral("40");
    QString height = QStringLiteral("114");
    QString isoCode = QStringLiteral("44G0");
    QString grossWeight = QStringLiteral("20000");
    bool hazardous = false;

    std::optional<double> dischargeAt;
    std::optional<double> availableAt;
    // Until this hour the availability answer still lists the box in the yard (available, with its
    // position) after its outgate: a terminal whose yard listing lags its gate. Unset: no lag.
    std::optional<double> yardListedUntil;
    QList<SimHold> holds;
    QList<SimLfdChange> lfdChanges;
    double demurragePerDay = 0;
    SimGateVisit visit;                // the current visit's outgate and empty return
    QList<SimGateVisit> earlierVisits; // gate moves of earlier visits of the same container

    bool operator==(const SimContainer &) const = default;
};
