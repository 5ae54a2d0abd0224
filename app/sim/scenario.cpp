// Scenario file format (JSON, UTF-8). Times are offsets in simulated hours from simulator start
// (negative = before start, fractions allowed); absent or null = never happens.
//
// {
//   "version": 1,
//   "containers": [
//     {
//       "number": "TCNU7889359",            ISO 6346, upper case
//       "site": "WBCT_LA",                  WBCT_LA, OCT, SGT_BAL or PNCT_NJ
//       "line": "COS", "vessel": "YANTIAN", "voyage": "107E", "bill_of_lading": "",
//       "location": "TF6MS-638-L5(D)",      yard position shown once discharged
//       "container_type": "ST", "length": "40", "height": "114", "iso_code": "44G0",
//       "gross_weight": "20381", "hazardous": false,
//       "discharge": -2.0,                  discharged from the vessel (before: on vessel)
//       "available": 4.0,                   availability "Yes" from here until outgate
//       "yard_listed_until": 60.0,          optional: availability still lists it in the yard
//                                           after its outgate until here (a lagging yard listing)
//       "holds": [ { "id": "Customs Hold", "added": -2.0, "released": 10.0 } ],
//       "lfd": [ { "at": 4.0, "days": 4 }, { "at": 30.0, "days": 5 } ],
//                                           from "at" on, the last free day is the start date
//                                           (site local) plus "days"
//       "demurrage_per_day": 150.0,         accrues per day after the LFD until outgate
//       "outgate": { "at": 50.0, "trucker": "A AND K TRUCKING LLC", "trucker_code": "PFCH",
//                    "chassis": "YMLZ4842262", "reference": "ONEYHPHV09927900" },
//       "empty_return": 90.0,               "Empty In" gate move of the current visit
//       "earlier_visits": [ { "outgate": -900.0, "empty_return": -850.0, "trucker": "...",
//                             "trucker_code": "...", "chassis": "...", "reference": "..." } ]
//     }
//   ]
// }
#include "scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

std::optional<double> optionalHours(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

QJsonValue hoursValue(const std::optional<double> &hours)
{
    return hours ? QJsonValue(*hours) : QJsonValue(QJsonValue::Null);
}

SimGateVisit visitFromJson(const QJsonObject &object, const QString &timeKey, const QJsonValue &emptyReturn)
{
    SimGateVisit visit;
    visit.outgateAt = optionalHours(object.value(timeKey));
    visit.emptyReturnAt = optionalHours(emptyReturn);
    visit.truckerName = object.value(u"trucker"_s).toString(visit.truckerName);
    visit.truckerCode = object.value(u"trucker_code"_s).toString(visit.truckerCode);
    visit.chassis = object.value(u"chassis"_s).toString();
    visit.reference = object.value(u"reference"_s).toString();
    return visit;
}

QJsonObject visitDetails(const SimGateVisit &visit)
{
    return {{u"trucker"_s, visit.truckerName},
            {u"trucker_code"_s, visit.truckerCode},
            {u"chassis"_s, visit.chassis},
            {u"reference"_s, visit.reference}};
}

SimContainer containerFromJson(const QJsonObject &object)
{
    SimContainer c;
    c.number = object.value(u"number"_s).toString().trimmed().toUpper();
    c.site = object.value(u"site"_s).toString(c.site);
    c.line = object.value(u"line"_s).toString(c.line);
    c.vessel = object.value(u"vessel"_s).toString();
    c.voyage = object.value(u"voyage"_s).toString();
    c.billOfLading = object.value(u"bill_of_lading"_s).toString();
    c.location = object.value(u"location"_s).toString();
    c.containerType = object.value(u"container_type"_s).toString(c.containerType);
    c.length = object.value(u"length"_s).toString(c.length);
    c.height = object.value(u"height"_s).toString(c.height);
    c.isoCode = object.value(u"iso_code"_s).toString(c.isoCode);
    c.grossWeight = object.value(u"gross_weight"_s).toString(c.grossWeight);
    c.hazardous = object.value(u"hazardous"_s).toBool();
    c.dischargeAt = optionalHours(object.value(u"discharge"_s));
    c.availableAt = optionalHours(object.value(u"available"_s));
    c.yardListedUntil = optionalHours(object.value(u"yard_listed_until"_s));
    const QJsonArray holds = object.value(u"holds"_s).toArray();
    for (const auto &value : holds) {
        const QJsonObject hold = value.toObject();
        c.holds.append({hold.value(u"id"_s).toString(), hold.value(u"added"_s).toDouble(),
                        optionalHours(hold.value(u"released"_s))});
    }
    const QJsonArray lfds = object.value(u"lfd"_s).toArray();
    for (const auto &value : lfds)
        c.lfdChanges.append({value[u"at"_s].toDouble(), value[u"days"_s].toInt()});
    c.demurragePerDay = object.value(u"demurrage_per_day"_s).toDouble();
    c.visit = visitFromJson(object.value(u"outgate"_s).toObject(), u"at"_s, object.value(u"empty_return"_s));
    const QJsonArray earlier = object.value(u"earlier_visits"_s).toArray();
    for (const auto &value : earlier) {
        const QJsonObject visit = value.toObject();
        c.earlierVisits.append(visitFromJson(visit, u"outgate"_s, visit.value(u"empty_return"_s)));
    }
    return c;
}

QJsonObject containerToJson(const SimContainer &c)
{
    QJsonArray holds;
    for (const SimHold &hold : c.holds)
        holds.append(
            QJsonObject{{u"id"_s, hold.id}, {u"added"_s, hold.addedAt}, {u"released"_s, hoursValue(hold.releasedAt)}});
    QJsonArray lfds;
    for (const SimLfdChange &change : c.lfdChanges)
        lfds.append(QJsonObject{{u"at"_s, change.at}, {u"days"_s, change.days}});
    QJsonArray earlier;
    for (const SimGateVisit &visit : c.earlierVisits) {
        QJsonObject object = visitDetails(visit);
        object.insert(u"outgate"_s, hoursValue(visit.outgateAt));
        object.insert(u"empty_return"_s, hoursValue(visit.emptyReturnAt));
        earlier.append(object);
    }
    QJsonObject outgate = visitDetails(c.visit);
    outgate.insert(u"at"_s, hoursValue(c.visit.outgateAt));
    QJsonObject json{{u"number"_s, c.number},
                     {u"site"_s, c.site},
                     {u"line"_s, c.line},
                     {u"vessel"_s, c.vessel},
                     {u"voyage"_s, c.voyage},
                     {u"bill_of_lading"_s, c.billOfLading},
                     {u"location"_s, c.location},
                     {u"container_type"_s, c.containerType},
                     {u"length"_s, c.length},
                     {u"height"_s, c.height},
                     {u"iso_code"_s, c.isoCode},
                     {u"gross_weight"_s, c.grossWeight},
                     {u"hazardous"_s, c.hazardous},
                     {u"discharge"_s, hoursValue(c.dischargeAt)},
                     {u"available"_s, hoursValue(c.availableAt)},
                     {u"holds"_s, holds},
                     {u"lfd"_s, lfds},
                     {u"demurrage_per_day"_s, c.demurragePerDay},
                     {u"outgate"_s, outgate},
                     {u"empty_return"_s, hoursValue(c.visit.emptyReturnAt)},
                     {u"earlier_visits"_s, earlier}};
    if (c.yardListedUntil) // only when set, so scenarios without a lag read back as they were written
        json.insert(u"yard_listed_until"_s, *c.yardListedUntil);
    return json;
}

} // namespace

Scenario::Scenario(QList<SimContainer> containers) : m_containers(std::move(containers))
{
    for (qsizetype i = 0; i < m_containers.size(); ++i)
        m_index.insert(m_containers.at(i).number, i);
}

Result<Scenario> Scenario::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorKind::InvalidInput, u"scenario is not valid JSON: "_s + parseError.errorString());
    if (!document.object().value(u"containers"_s).isArray())
        return makeError(ErrorKind::InvalidInput, u"scenario has no \"containers\" array"_s);
    QList<SimContainer> containers;
    const QJsonArray array = document.object().value(u"containers"_s).toArray();
    for (const auto &value : array) {
        SimContainer container = containerFromJson(value.toObject());
        if (container.number.isEmpty())
            return makeError(ErrorKind::InvalidInput, u"scenario container without \"number\""_s);
        containers.append(std::move(container));
    }
    return Scenario(std::move(containers));
}

Result<Scenario> Scenario::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::InvalidInput, u"cannot read scenario %1: %2"_s.arg(path, file.errorString()));
    return fromJson(file.readAll());
}

QByteArray Scenario::toJson() const
{
    QJsonArray containers;
    for (const SimContainer &container : m_containers)
        containers.append(containerToJson(container));
    return QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"containers"_s, containers}}).toJson(QJsonDocument::Indented);
}

const SimContainer *Scenario::find(const QString &number) const
{
    const auto it = m_index.constFind(number);
    return it == m_index.constEnd() ? nullptr : &m_containers.at(*it);
}
