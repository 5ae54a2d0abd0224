#pragma once

#include "simhost.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

struct SimContainer;

// The Ports America API as the simulator plays it, as documented, from the scenario:
//
//   POST /api/Auth/GetToken                          {"username","password"} of a simulator user
//   GET  /api/ImportContainer/ContainerAvailability  SiteId header, JSON list of containers
//   GET  /api/GateActivity/GateTransaction           SiteId header, numbers, trucking company code
//
// Faults and max_in_flight concern the two data requests; latency and slow bodies apply to token
// requests too. Gate moves are returned only for a known trucking company code (PFCH, BYDR, HFLX and
// any in the scenario); others get "No record found" rows, as the API documents for an invalid code.
// Availability elements carry "discharge_time" (site local) once the container is discharged,
// because the mapper's Grounded rule reads that field.
class PortsAmericaRoutes final : public QObject
{
    Q_OBJECT

public:
    // Adds the routes to host's server; the routes object is a child of it and lives as long.
    static PortsAmericaRoutes *install(SimHost &host);

private:
    explicit PortsAmericaRoutes(SimHost &host);
    void addRoutes();

    PlannedReply planToken(const QHttpServerRequest &request);
    bool authorized(const QHttpServerRequest &request);
    PlannedReply planAvailability(const QHttpServerRequest &request);
    PlannedReply planGate(const QHttpServerRequest &request);
    const SimContainer *lookup(const QString &number, const QString &site, SimContainer &derived) const;
    void countContainers(qsizetype count);
    PlannedReply malformed(PlannedReply reply);
    bool malformedTurn(quint64 requestNumber) const;

    SimHost &m_host;
    QHash<QByteArray, QElapsedTimer> m_tokens;
    QSet<QString> m_truckerCodes;
};
