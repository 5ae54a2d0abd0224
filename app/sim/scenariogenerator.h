#pragma once

#include "scenario.h"
#include "simcontainer.h"

#include <QString>

// Deterministic scenarios: the same count and seed always give the same containers, and the same
// number always gets the same timeline, so tests and demos can rely on what they will see.
namespace ScenarioGenerator {

// count containers spread over every status (on vessel, discharged, available, held, not
// available, outgated, empty returned, demurrage after LFD), every hold id and all four sites.
Scenario generate(int count, quint32 seed);

// A timeline for a valid number that is not in the scenario ("--any-valid"), at the given site.
SimContainer deriveFromNumber(const QString &number, const QString &site);

// The Ports America site ids with their IANA time zones.
QStringList siteIds();
QString timeZoneOfSite(const QString &site);

} // namespace ScenarioGenerator
