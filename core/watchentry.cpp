#include "watchentry.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace {
// Same format as the snapshot's times, so a merged object reads consistently.
QJsonValue timeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QJsonValue textToJson(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}
} // namespace

QJsonObject WatchEntry::toJson() const
{
    QJsonObject json = snapshot.toJson();
    json.insert(u"container_number"_s, containerNumber);
    json.insert(u"entity"_s, entity);
    json.insert(u"provider"_s, textToJson(provider));
    json.insert(u"site"_s, textToJson(site));
    json.insert(u"provider_data"_s, providerData);
    json.insert(u"reference"_s, textToJson(reference));
    json.insert(u"bill_of_lading"_s, textToJson(billOfLading));
    json.insert(u"booking"_s, textToJson(booking));
    json.insert(u"added_at"_s, timeToJson(addedAt));
    json.insert(u"expires_at"_s, timeToJson(expiresAt));
    json.insert(u"trace_state"_s, traceStateName(traceState));
    json.insert(u"normalize"_s, normalize);
    json.insert(u"last_traced_at"_s, timeToJson(lastTracedAt));
    json.insert(u"next_trace_at"_s, timeToJson(nextTraceAt));
    json.insert(u"last_error"_s, textToJson(lastError));
    return json;
}
