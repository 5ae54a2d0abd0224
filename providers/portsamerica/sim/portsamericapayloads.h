#pragma once

#include "simcontainer.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

// Seed 003's response bodies, byte for byte in shape: field names (including the provider's
// misspelled "deumrrage_amount"), field order, decimals, and the documented error bodies. Pure
// functions of a container's timeline and the simulated time, so they are easy to reason about.
namespace PortsAmericaPayloads {

// Where a container is on its timeline, as seen at one simulated instant.
struct TimePoint
{
    QDateTime startUtc; // simulator start (offset 0 of every timeline)
    double hours = 0;   // simulated hours since start
};

QByteArray availability(const SimContainer &container, const TimePoint &now);
QByteArray availabilityNotFound(const QString &number);

// Gate moves (newest first) whose time lies within [fromUtc, toUtc] (invalid = open end); empty
// when there are none.
QList<QByteArray> gateMoves(const SimContainer &container, const TimePoint &now, const QDateTime &fromUtc,
                            const QDateTime &toUtc);
QByteArray gateNotFound(const QString &number);

QByteArray token(const QString &userName, const QString &token);
QByteArray badCredentials();                                                  // 400
QByteArray unsupportedMediaType();                                            // 415
QByteArray missingSiteId();                                                   // 400
QByteArray missingGateField(bool containerNumbers, bool truckingCompanyCode); // 400
QByteArray unauthorized();                                                    // 401, plain text

// Site-local wall time without offset, as the provider writes it ("2019-08-19T09:59:22").
QString localTime(const QDateTime &utc, const QString &site);

} // namespace PortsAmericaPayloads
