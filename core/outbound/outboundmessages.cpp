#include "outboundmessages.h"

#include "jsonvalues.h"
#include "logging.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

QString OutboundMessages::newMessageId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool OutboundMessages::wants(const OutboundDestination &destination, EventCode code)
{
    if (destination.eventCodes.isEmpty())
        return true;
    const QString name = eventCodeName(code);
    return std::ranges::any_of(destination.eventCodes, [&name](const QString &wanted) {
        return wanted.compare(name, Qt::CaseInsensitive) == 0 || wanted.compare(u"all"_s, Qt::CaseInsensitive) == 0;
    });
}

QJsonObject OutboundMessages::webhookBody(const QString &messageId, const WatchEntry &after, const Event &event)
{
    const QJsonValue occurredAt = JsonValues::fromTime(event.occurredAt);
    const QJsonValue observedAt = JsonValues::fromTime(event.observedAt);
    const QJsonObject location{{u"name"_s, JsonValues::fromText(event.location.name)},
                               {u"type"_s, JsonValues::fromText(event.location.type)},
                               {u"lot"_s, JsonValues::fromText(event.location.lot)}};
    const QJsonObject eventJson{{u"code"_s, eventCodeName(event.code)},
                                {u"providerCode"_s, JsonValues::fromText(event.providerCode)},
                                {u"occurredAt"_s, occurredAt},
                                {u"observedAt"_s, observedAt},
                                {u"location"_s, location},
                                {u"data"_s, event.data},
                                {u"source"_s, JsonValues::fromText(event.source)}};
    return QJsonObject{{u"messageId"_s, messageId},
                       {u"entity"_s, after.entity},
                       {u"containerNumber"_s, after.containerNumber},
                       {u"event"_s, eventJson},
                       {u"snapshot"_s, after.snapshot.toJson()},
                       {u"occurredAt"_s, occurredAt},
                       {u"observedAt"_s, observedAt}};
}

std::optional<QJsonObject> OutboundMessages::fieldChange(const FieldMapping &mapping, const WatchEntry &before,
                                                         const WatchEntry &after)
{
    const QStringList fields = mapping.fields();
    const QList<QJsonValue> old = mapping.values(before);
    const QList<QJsonValue> now = mapping.values(after);
    QJsonObject changed;
    QJsonObject previous;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        // values() gives null for "nothing to report"; undefined never reaches the payload.
        const QJsonValue was = old.at(i).isUndefined() ? QJsonValue() : old.at(i);
        const QJsonValue is = now.at(i).isUndefined() ? QJsonValue() : now.at(i);
        if (was == is)
            continue;
        changed.insert(fields.at(i), is);
        previous.insert(fields.at(i), was);
    }
    if (changed.isEmpty())
        return std::nullopt;
    return QJsonObject{
        {u"containerNumber"_s, after.containerNumber}, {u"fields"_s, changed}, {u"previous"_s, previous}};
}

namespace {

// A destination whose kind no module registered a table for (its module is not in this build, or a
// program wrote before ProviderRegistry::builtIn() ran) gets no messages: said once per kind, loudly.
void warnUnregistered(const QString &kind)
{
    static QMutex mutex;
    static QSet<QString> warned;
    const QMutexLocker locker(&mutex);
    if (warned.contains(kind))
        return;
    warned.insert(kind);
    qCCritical(lcStore) << "no field table is registered for outbound destinations of kind" << kind
                        << "- their changes are not queued";
}

} // namespace

QList<OutboxMessage> OutboundMessages::build(const QList<OutboundDestination> &destinations,
                                             const QList<ContainerChange> &changes, const QDateTime &now)
{
    QList<OutboxMessage> messages;
    // The field table of each destination that has one, looked up once per write.
    QList<std::optional<FieldMapping>> tables;
    for (const OutboundDestination &destination : destinations) {
        tables.append(destination.kind == QLatin1StringView(Outbound::webhookKind)
                          ? std::nullopt
                          : FieldMappings::find(destination.kind));
        if (destination.enabled && !tables.constLast() && destination.kind != QLatin1StringView(Outbound::webhookKind))
            warnUnregistered(destination.kind);
    }
    for (const ContainerChange &change : changes) {
        for (qsizetype d = 0; d < destinations.size(); ++d) {
            const OutboundDestination &destination = destinations.at(d);
            if (!destination.enabled || destination.entity != change.after.entity)
                continue;
            OutboxMessage base;
            base.destinationId = destination.id;
            base.entity = change.after.entity;
            base.containerId = change.after.id;
            base.containerNumber = change.after.containerNumber;
            base.createdAt = now;
            base.nextAttemptAt = now;
            if (destination.kind == QLatin1StringView(Outbound::webhookKind)) {
                for (const Event &event : change.newEvents) {
                    if (!wants(destination, event.code))
                        continue;
                    OutboxMessage message = base;
                    message.messageId = newMessageId();
                    message.payload = webhookBody(message.messageId, change.after, event);
                    messages.append(std::move(message));
                }
            } else if (const std::optional<FieldMapping> &table = tables.at(d)) {
                if (std::optional<QJsonObject> payload = fieldChange(*table, change.before, change.after)) {
                    OutboxMessage message = base;
                    message.messageId = newMessageId();
                    message.payload = std::move(*payload);
                    messages.append(std::move(message));
                }
            }
        }
    }
    return messages;
}
