#pragma once

#include "event.h"
#include "fieldmapping.h"
#include "outbound.h"
#include "watchentry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Builds the outbox messages a write causes (issue 17). Pure functions: the store calls them inside
// the transaction that writes the events, with the containers as they were before the write and as
// they are after it, and inserts what they return. The bodies are documented in the README
// ("Outbound webhooks").
namespace OutboundMessages {

// One container touched by a write.
struct ContainerChange
{
    WatchEntry before;      // as stored before the write (its snapshot: a field message's "previous")
    WatchEntry after;       // with the snapshot after the write
    QList<Event> newEvents; // only the events the write stored (duplicates by dedupe key left out)
};

// A random UUID without braces: the message id every attempt carries.
QString newMessageId();

// Whether a webhook destination wants events of code (its eventCodes, or all when empty).
bool wants(const OutboundDestination &destination, EventCode code);

// The webhook delivery body: {"messageId","entity","containerNumber","event":{"code","providerCode",
// "occurredAt","observedAt","location":{"name","type","lot"},"data","source"},"snapshot":{...},
// "occurredAt","observedAt"}. The snapshot is the container's after the change, in the JSON export's form.
QJsonObject webhookBody(const QString &messageId, const WatchEntry &after, const Event &event);

// The body for a destination with a field table (FieldMappings): {"containerNumber", "fields":
// {field: new value or null when cleared}, "previous": {field: old value or null}} with only the
// fields whose value changed; nullopt when none did.
std::optional<QJsonObject> fieldChange(const FieldMapping &mapping, const WatchEntry &before, const WatchEntry &after);

// Every message the changes cause at the given destinations (those of other entities, disabled ones
// and kinds that are neither webhooks nor registered with FieldMappings cause none), in order: per
// container, per destination, webhook messages in event order. Sequence and state are left for the store; createdAt and
// nextAttemptAt are now.
QList<OutboxMessage> build(const QList<OutboundDestination> &destinations, const QList<ContainerChange> &changes,
                           const QDateTime &now);

} // namespace OutboundMessages
