#include "watchentry.h"

#include "jsonvalues.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace {} // namespace

QJsonObject WatchEntry::toJson() const
{
    QJsonObject json = snapshot.toJson();
    json.insert(u"container_number"_s, containerNumber);
    json.insert(u"entity"_s, entity);
    json.insert(u"provider"_s, JsonValues::fromText(provider));
    json.insert(u"site"_s, JsonValues::fromText(site));
    json.insert(u"provider_data"_s, providerData);
    json.insert(u"reference"_s, JsonValues::fromText(reference));
    json.insert(u"bill_of_lading"_s, JsonValues::fromText(billOfLading));
    json.insert(u"booking"_s, JsonValues::fromText(booking));
    json.insert(u"added_at"_s, JsonValues::fromTime(addedAt));
    json.insert(u"expires_at"_s, JsonValues::fromTime(expiresAt));
    json.insert(u"trace_state"_s, traceStateName(traceState));
    json.insert(u"normalize"_s, normalize);
    json.insert(u"last_traced_at"_s, JsonValues::fromTime(lastTracedAt));
    json.insert(u"next_trace_at"_s, JsonValues::fromTime(nextTraceAt));
    json.insert(u"last_error"_s, JsonValues::fromText(lastError));
    return json;
}
