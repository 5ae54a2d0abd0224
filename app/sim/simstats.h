#pragma once

#include <QJsonObject>

// What the simulator has seen since start or the last reset, for tests that assert on traffic
// (batch sizes, retries, concurrency) rather than only on results.
struct SimStats
{
    int tokenRequests = 0;
    int availabilityRequests = 0;
    int gateRequests = 0;
    int containersRequested = 0;
    int rejected401 = 0;
    int rateLimited = 0;
    int errors500 = 0;
    int malformed = 0;
    int dropped = 0;
    int maxContainersPerRequest = 0;
    int maxInFlight = 0;

    QJsonObject toJson() const
    {
        return {{QStringLiteral("token_requests"), tokenRequests},
                {QStringLiteral("availability_requests"), availabilityRequests},
                {QStringLiteral("gate_requests"), gateRequests},
                {QStringLiteral("containers_requested"), containersRequested},
                {QStringLiteral("rejected_401"), rejected401},
                {QStringLiteral("rate_limited"), rateLimited},
                {QStringLiteral("errors_500"), errors500},
                {QStringLiteral("malformed"), malformed},
                {QStringLiteral("dropped"), dropped},
                {QStringLiteral("max_containers_per_request"), maxContainersPerRequest},
                {QStringLiteral("max_in_flight"), maxInFlight}};
    }
};
