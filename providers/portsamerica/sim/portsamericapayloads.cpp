#include "portsamericapayloads.h"

#include "orderedjson.h"
#include "scenariogenerator.h"

#include <QTimeZone>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace PortsAmericaPayloads {
namespace {

QDateTime at(const TimePoint &now, double hours)
{
    return now.startUtc.addMSecs(qint64(hours * 3600.0 * 1000.0));
}

QDate localDate(const QDateTime &utc, const QString &site)
{
    return utc.toTimeZone(QTimeZone(ScenarioGenerator::timeZoneOfSite(site).toUtf8())).date();
}

bool reached(const std::optional<double> &milestone, double hours)
{
    return milestone && *milestone <= hours;
}

std::optional<QDate> lastFreeDay(const SimContainer &c, const TimePoint &now)
{
    std::optional<QDate> lfd;
    const QDate startDate = localDate(now.startUtc, c.site);
    for (const SimLfdChange &change : c.lfdChanges) {
        if (change.at <= now.hours)
            lfd = startDate.addDays(change.days);
    }
    return lfd;
}

double demurrage(const SimContainer &c, const TimePoint &now, const std::optional<QDate> &lfd)
{
    if (!lfd || c.demurragePerDay <= 0)
        return 0;
    // The clock stops when the container leaves the terminal.
    const double until = reached(c.visit.outgateAt, now.hours) ? *c.visit.outgateAt : now.hours;
    const qint64 days = lfd->daysTo(localDate(at(now, until), c.site));
    return days > 0 ? double(days) * c.demurragePerDay : 0.0;
}

QByteArray holdInformation(const SimContainer &c, double hours, bool outgated)
{
    QList<QByteArray> holds;
    if (!outgated) {
        for (const SimHold &hold : c.holds) {
            if (hold.addedAt <= hours && !(hold.releasedAt && *hold.releasedAt <= hours))
                holds.append(OrderedJsonObject().add(u"hold_id"_s, hold.id).toJson());
        }
    }
    return OrderedJsonObject::array(holds);
}

QByteArray gateMove(const SimContainer &c, const SimGateVisit &visit, bool fullOut, const QString &time)
{
    OrderedJsonObject move;
    move.add(u"container_number"_s, c.number).add(u"move_type"_s, fullOut ? "Full Out" : "Empty In");
    if (fullOut)
        move.addNull(u"in_gate_time"_s).add(u"out_gate_time"_s, time);
    else
        move.add(u"in_gate_time"_s, time).addNull(u"out_gate_time"_s);
    move.add(u"container_type"_s, "Standard")
        .add(u"container_length"_s, c.length)
        .add(u"container_height"_s, c.height)
        .add(u"steamshipline_code"_s, c.line)
        .add(u"chassis_number"_s, visit.chassis)
        .add(u"chassis_length"_s, c.length);
    if (fullOut)
        move.add(u"reference_number"_s, visit.reference);
    else
        move.addNull(u"reference_number"_s);
    move.add(u"trucking_company_name"_s, visit.truckerName);
    return move.toJson();
}

} // namespace

QString localTime(const QDateTime &utc, const QString &site)
{
    const QTimeZone zone(ScenarioGenerator::timeZoneOfSite(site).toUtf8());
    return utc.toTimeZone(zone).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
}

QByteArray availability(const SimContainer &c, const TimePoint &now)
{
    const bool discharged = reached(c.dischargeAt, now.hours);
    // A lagging yard listing answers as if the box had not left yet.
    const bool outgated =
        reached(c.visit.outgateAt, now.hours) && !(c.yardListedUntil && now.hours < *c.yardListedUntil);
    const bool available = discharged && !outgated && reached(c.availableAt, now.hours);
    const std::optional<QDate> lfd = lastFreeDay(c, now);
    OrderedJsonObject element;
    element.add(u"container_number"_s, c.number)
        .add(u"bill_of_lading_number"_s, c.billOfLading)
        .add(u"availability"_s, available ? "Yes" : "No")
        .add(u"steamshipline_code"_s, c.line)
        .addRaw(u"hold_information"_s, holdInformation(c, now.hours, outgated))
        .add(u"vessel_name"_s, c.vessel)
        .add(u"voyage_number"_s, c.voyage)
        .add(u"order_of_accessibility"_s, "")
        .add(u"location"_s, discharged && !outgated ? c.location : QString())
        .add(u"last_free_day"_s, lfd ? lfd->toString(u"yyyyMMdd"_s) : QString())
        .add(u"last_guarantee_date"_s, "")
        .add(u"paid_through_date"_s, "")
        .addDecimal(u"deumrrage_amount"_s, demurrage(c, now, lfd))
        .add(u"container_type"_s, c.containerType)
        .add(u"container_length"_s, c.length)
        .add(u"container_height"_s, c.height)
        .add(u"container_iso_code"_s, c.isoCode)
        .add(u"gross_weight"_s, c.grossWeight)
        .add(u"hazardous"_s, c.hazardous ? "Yes" : "No")
        .add(u"genset_required"_s, "No")
        .add(u"current_state"_s, "")
        .add(u"next_move"_s, "");
    // Not in the documented examples, but the mapper's Grounded rule reads it; sent once discharged.
    if (discharged)
        element.add(u"discharge_time"_s, localTime(at(now, *c.dischargeAt), c.site));
    element.add(u"ResponseCode"_s, 0).add(u"ResponseCodeDescription"_s, "Success");
    return element.toJson();
}

QByteArray availabilityNotFound(const QString &number)
{
    return OrderedJsonObject()
        .add(u"container_number"_s, number)
        .add(u"bill_of_lading_number"_s, "")
        .addDecimal(u"deumrrage_amount"_s, 0.0)
        .add(u"ResponseCode"_s, 1)
        .add(u"ResponseCodeDescription"_s, "No record found")
        .toJson();
}

QList<QByteArray> gateMoves(const SimContainer &c, const TimePoint &now, const QDateTime &fromUtc,
                            const QDateTime &toUtc)
{
    struct Move
    {
        double hours;
        QByteArray json;
    };
    QList<Move> moves;
    QList<SimGateVisit> visits = c.earlierVisits;
    visits.append(c.visit);
    for (const SimGateVisit &visit : visits) {
        for (const bool fullOut : {true, false}) {
            const std::optional<double> time = fullOut ? visit.outgateAt : visit.emptyReturnAt;
            if (!reached(time, now.hours))
                continue;
            const QDateTime utc = at(now, *time);
            if ((fromUtc.isValid() && utc < fromUtc) || (toUtc.isValid() && utc > toUtc))
                continue;
            moves.append({*time, gateMove(c, visit, fullOut, localTime(utc, c.site))});
        }
    }
    std::stable_sort(moves.begin(), moves.end(), [](const Move &a, const Move &b) { return a.hours > b.hours; });
    QList<QByteArray> result;
    for (const Move &move : moves)
        result.append(move.json);
    return result;
}

QByteArray gateNotFound(const QString &number)
{
    return OrderedJsonObject()
        .add(u"container_number"_s, number)
        .add(u"ResponseCode"_s, 1)
        .add(u"ResponseCodeDescription"_s, "No record found")
        .toJson();
}

QByteArray token(const QString &userName, const QString &token)
{
    return OrderedJsonObject().add(u"userName"_s, userName).add(u"token"_s, token).toJson();
}

QByteArray badCredentials()
{
    const QByteArray errors =
        OrderedJsonObject()
            .addRaw(u"DataError"_s,
                    OrderedJsonObject::array({OrderedJsonObject::quoted(u"The user name or password is incorrect."_s)}))
            .toJson();
    return OrderedJsonObject()
        .add(u"title"_s, "One or more validation errors occurred.")
        .add(u"status"_s, 400)
        .addRaw(u"errors"_s, errors)
        .toJson();
}

QByteArray unsupportedMediaType()
{
    return OrderedJsonObject()
        .add(u"type"_s, "https://tools.ietf.org/html/rfc7231#section-6.5.13")
        .add(u"title"_s, "Unsupported Media Type")
        .add(u"status"_s, 415)
        .add(u"traceId"_s, "|db2991d2-4b25c217d5688bcb.3.541a6422_")
        .toJson();
}

QByteArray missingSiteId()
{
    return OrderedJsonObject()
        .addNull(u"Type"_s)
        .addNull(u"Title"_s)
        .add(u"Status"_s, 400)
        .add(u"Detail"_s, "SiteId Parameter missing from the Request Header Or other exception happened.")
        .addNull(u"Instance"_s)
        .addRaw(u"Extensions"_s, "{}")
        .toJson();
}

QByteArray missingGateField(bool containerNumbers, bool truckingCompanyCode)
{
    OrderedJsonObject errors;
    if (containerNumbers)
        errors.addRaw(
            u"ContainerNumbers"_s,
            OrderedJsonObject::array({OrderedJsonObject::quoted(u"The ContainerNumbers field is required."_s)}));
    if (truckingCompanyCode)
        errors.addRaw(
            u"TruckingCompanyCode"_s,
            OrderedJsonObject::array({OrderedJsonObject::quoted(u"The TruckingCompanyCode field is required."_s)}));
    return OrderedJsonObject()
        .add(u"type"_s, "https://tools.ietf.org/html/rfc7231#section-6.5.1")
        .add(u"title"_s, "One or more validation errors occurred.")
        .add(u"status"_s, 400)
        .add(u"traceId"_s,
             containerNumbers ? "|db29943e-4b25c217d5688bcb.3.d9a8d5d2_" : "|db299438-4b25c217d5688bcb.3.d9a8d5d1_")
        .addRaw(u"errors"_s, errors.toJson())
        .toJson();
}

QByteArray unauthorized()
{
    return QByteArrayLiteral("401 Unauthorized");
}

} // namespace PortsAmericaPayloads
