#pragma once

#include "result.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

// The faults the simulator injects, settable by command-line option and at run time through
// POST /_sim/faults with the same names ("latency-ms", "error-rate", ...; "_" works for "-"), so a
// test can make a provider misbehave exactly when it wants to.
struct FaultSettings
{
    int latencyMs = 0;                 // added to every request
    double errorRate = 0;              // fraction of data requests answered 500
    int rateLimitEvery = 0;            // every Nth data request gets 429 with Retry-After
    int retryAfterSeconds = 1;         // Retry-After value of those 429s
    int tokenLifetimeSeconds = 0;      // real seconds a token lives; 0 = forever
    int malformedEvery = 0;            // every Nth data request gets truncated JSON
    QSet<QString> malformedContainers; // availability requests naming one of these get truncated JSON
    double dropRate = 0;               // fraction of data requests whose connection is closed unanswered
    int slowBodyMs = 0;                // the body trickles out over this many milliseconds

    // Applies the fields present in the object; other fields keep their values.
    Result<void> apply(const QJsonObject &object);
    QJsonObject toJson() const;

    bool operator==(const FaultSettings &) const = default;
};
