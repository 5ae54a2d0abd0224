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

// The provider simulator: a real HTTP server on loopback that plays a scenario on an accelerated
// clock, injects faults, and offers /_sim/ control endpoints for tests. Each provider module's
// simulator part (providers/<module>/sim/) adds that provider's API through SimHost (simhost.h); the
// server installs them all through installProviderSims() and names none. A library class so the
// executable, the GUI demo and benchmarks can all run it (in-process or not).
//
// Control endpoints: GET /_sim/stats, POST /_sim/reset-stats, POST /_sim/advance {"hours": h},
// GET /_sim/time, GET /_sim/containers, GET|POST /_sim/faults (FaultSettings names). Faults and
// max_in_flight concern the modules' data requests; latency and slow bodies apply to every reply a
// module delivers through the host.
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
