#pragma once

#include "containerstatus.h"
#include "snapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// A container on an entity's watchlist, with its tracing bookkeeping and current snapshot.
struct WatchEntry
{
    qint64 id = 0;
    QString containerNumber; // ISO 6346 upper case (unless normalize is off)
    QString entity = QStringLiteral("default");
    QString provider;         // the provider's catalog id
    QString site;             // terminal / location code, e.g. "WBCT_LA"
    QJsonObject providerData; // e.g. {"truckingCompanyCode": "PFCH"}
    QString reference;        // user defined, at most 50 characters
    QString billOfLading;
    QString booking;
    QDateTime addedAt;
    QDateTime expiresAt; // added (or reference change) + 90 days
    TraceState traceState = TraceState::Active;
    bool normalize = true;
    QDateTime lastTracedAt;
    QDateTime nextTraceAt;
    QString lastError;
    ContainerSnapshot snapshot;

    static constexpr int maxReferenceLength = 50;
    static constexpr int traceWindowDays = 90;

    // Container fields plus the snapshot with snake_case keys (for --json and exports).
    QJsonObject toJson() const;

    bool operator==(const WatchEntry &) const = default;
};
