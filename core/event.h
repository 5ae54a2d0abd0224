#pragma once

#include "eventcode.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

struct EventLocation
{
    QString name; // e.g. the site id the request was sent for
    QString type; // e.g. "Terminal"
    QString lot;  // Yard, Inland, On ship, Community

    bool operator==(const EventLocation &) const = default;
};

// One fact in a container's history. Events are append-only: never updated, never deleted.
struct Event
{
    qint64 id = 0;          // store id; 0 before it is stored
    qint64 containerId = 0; // store id of the watchlist entry
    EventCode code = EventCode::NotFound;
    QString providerCode; // the provider's own name, e.g. "Grounded"
    QDateTime occurredAt; // UTC; invalid when the provider gave no time (show "observed")
    QDateTime observedAt; // UTC; when Quaywatch saw it
    EventLocation location;
    QJsonObject data;
    QString source;    // connection that reported it, "<provider>" or "<provider>/<site>"
    QString dedupeKey; // the same fact seen twice has the same key and is stored once
    QJsonObject raw;   // the provider payload behind the event (shown in the detail pane)

    bool operator==(const Event &) const = default;
};
