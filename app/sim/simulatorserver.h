#pragma once

#include "faultsettings.h"
#include "result.h"
#include "scenario.h"
#include "simclock.h"
#include "simstats.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

struct SimulatorOptions
{
    QHash<QString, QString> users{{QStringLiteral("demo"), QStringLiteral("demo")}}; // name -> password
    double speed = 1.0;   // simulated seconds per real second
    bool anyValid = true; // valid numbers outside the scenario get a timeline derived from the number
    QDateTime startUtc;   // simulated start; invalid = the real time at construction
    FaultSettings faults;
    quint32 faultSeed = 1; // seeds the random faults (error and drop rates), so runs repeat
};

// The provider simulator: a real HTTP server on loopback that answers the Ports America API as
// documented from a scenario played on an accelerated clock, injects faults, and offers /_sim/
// control endpoints for tests. A library class so the executable, the GUI demo and benchmarks can
// all run it (in-process or not).
//
// Control endpoints: GET /_sim/stats, POST /_sim/reset-stats, POST /_sim/advance {"hours": h},
// GET /_sim/time, GET /_sim/containers, GET|POST /_sim/faults (FaultSettings names). Faults and
// max_in_flight concern data requests (ContainerAvailability, GateTransaction); latency and slow
// bodies apply to token requests too. Gate moves are returned only for a known trucking company
// code (PFCH, BYDR, HFLX and any in the scenario); others get "No record found" rows, as the API
// documents for an invalid code. Availability elements carry "discharge_time" (site local) once
// the container is discharged, because the mapper's Grounded rule reads that field.
class SimulatorServer final : public QObject
{
    Q_OBJECT

public:
    SimulatorServer(Scenario scenario, SimulatorOptions options, QObject *parent = nullptr);
    ~SimulatorServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. Returns the port.
    Result<quint16> listen(quint16 port = 0);
    QUrl baseUrl() const;

    const SimClock &clock() const;
    void advanceHours(double hours);
    SimStats stats() const;
    void resetStats();
    FaultSettings faults() const;
    void setFaults(const FaultSettings &faults);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
