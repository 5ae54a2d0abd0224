#include "portsamericamapper.h"

#include "portsamericalogging.h"
#include "portsamericasites.h"
#include "providertime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtGlobal>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

using Fields = MappingRow;

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"true/false"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"text"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"null"_s;
    }
}

Error wrongType(const QString &field, const QJsonValue &value, const QString &expected)
{
    return makeError(ErrorKind::MalformedResponse,
                     u"field %1 is %2, expected %3"_s.arg(field, jsonTypeName(value), expected));
}

// Text field: std::nullopt when absent, null or blank (the provider sends "" for "no value").
Result<std::optional<QString>> text(const QJsonObject &element, const QString &field)
{
    const QJsonValue value = element.value(field);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>();
    if (!value.isString())
        return wrongType(field, value, u"text"_s);
    const QString trimmed = value.toString().trimmed();
    return trimmed.isEmpty() ? std::optional<QString>() : std::optional<QString>(trimmed);
}

// Number field, also given as text ("gross_weight": "20381").
Result<std::optional<double>> number(const QJsonObject &element, const QString &field)
{
    const QJsonValue value = element.value(field);
    if (value.isDouble())
        return std::optional<double>(value.toDouble());
    if (value.isString() && !value.toString().trimmed().isEmpty()) {
        bool ok = false;
        const double parsed = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return std::optional<double>(parsed);
        return makeError(ErrorKind::MalformedResponse,
                         u"field %1 is \"%2\", expected a number"_s.arg(field, value.toString()));
    }
    if (value.isUndefined() || value.isNull() || value.isString())
        return std::optional<double>();
    return wrongType(field, value, u"a number"_s);
}

Result<std::optional<bool>> yesNo(const QJsonObject &element, const QString &field)
{
    auto value = text(element, field);
    if (!value)
        return value.error();
    if (!value.value())
        return std::optional<bool>();
    if (value.value()->compare(u"Yes"_s, Qt::CaseInsensitive) == 0)
        return std::optional<bool>(true);
    if (value.value()->compare(u"No"_s, Qt::CaseInsensitive) == 0)
        return std::optional<bool>(false);
    return makeError(ErrorKind::MalformedResponse,
                     u"field %1 is \"%2\", expected \"Yes\" or \"No\""_s.arg(field, *value.value()));
}

Result<std::optional<QDateTime>> time(const QJsonObject &element, const QString &field, const MappingContext &context)
{
    auto value = text(element, field);
    if (!value)
        return value.error();
    if (!value.value())
        return std::optional<QDateTime>();
    const QDateTime when = ProviderTime::read(*value.value(), context.timeZone);
    if (!when.isValid())
        return makeError(ErrorKind::MalformedResponse,
                         u"field %1 is \"%2\", expected a date and time"_s.arg(field, *value.value()));
    return std::optional<QDateTime>(when);
}

Result<std::optional<QDate>> lastFreeDay(const QJsonObject &element)
{
    auto value = text(element, u"last_free_day"_s);
    if (!value)
        return value.error();
    if (!value.value())
        return std::optional<QDate>();
    QDate date = QDate::fromString(*value.value(), u"yyyyMMdd"_s);
    if (!date.isValid())
        date = QDate::fromString(*value.value(), Qt::ISODate);
    if (!date.isValid())
        return makeError(ErrorKind::MalformedResponse,
                         u"field last_free_day is \"%1\", expected a date like 20211110"_s.arg(*value.value()));
    return std::optional<QDate>(date);
}

// Assigns a read field to the observation, or passes the error on.
template<typename T, typename Target>
Result<void> store(Result<std::optional<T>> read, Target &target)
{
    if (!read)
        return read.error();
    if (read.value())
        target = *read.value();
    return {};
}

} // namespace

namespace {

struct HoldName
{
    QString holdId;
    HoldType type;
};

// Seed 003 documents "Custom Hold" in its table and "Customs Hold" in its example: both are customs.
const QList<HoldName> &holdNames()
{
    static const QList<HoldName> names{
        {u"CTF Hold"_s, HoldType::Ctf},         {u"Custom Hold"_s, HoldType::Customs},
        {u"Customs Hold"_s, HoldType::Customs}, {u"Demurrage Hold"_s, HoldType::Demurrage},
        {u"Line Hold"_s, HoldType::Line},       {u"TMF Hold"_s, HoldType::Tmf},
    };
    return names;
}

Result<void> applyContainerNumber(const QJsonObject &element, Observation &observation,
                                  const MappingContext & /*context*/)
{
    auto number = text(element, u"container_number"_s);
    if (!number)
        return number.error();
    if (!number.value())
        return makeError(ErrorKind::MalformedResponse, u"the element has no container_number"_s);
    observation.containerNumber = number.value()->toUpper();
    return {};
}

Result<void> applyResponseCode(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    const QJsonValue code = element.value(u"ResponseCode");
    if (code.isUndefined() || code.isNull())
        return {};
    if (!code.isDouble())
        return wrongType(u"ResponseCode"_s, code, u"a number"_s);
    observation.notFound = code.toInt() == 1;
    return {};
}

Result<void> applyEventLocation(const QJsonObject & /*element*/, Observation &observation,
                                const MappingContext &context)
{
    observation.eventLocation.name = context.siteId;
    observation.eventLocation.type = u"Terminal"_s;
    return {};
}

Result<void> applyAvailability(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    if (Result<void> stored = store(yesNo(element, u"availability"_s), observation.available); !stored)
        return stored;
    if (observation.available == true)
        observation.providerCodes.insert(EventCode::Available, u"Arrived"_s);
    return {};
}

Result<void> applyDischarge(const QJsonObject &element, Observation &observation, const MappingContext &context)
{
    if (Result<void> stored = store(time(element, u"discharge_time"_s, context), observation.dischargedAt); !stored)
        return stored;
    if (observation.dischargedAt)
        observation.providerCodes.insert(EventCode::Discharged, u"Grounded"_s);
    return {};
}

Result<void> applyLastFreeDay(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    if (Result<void> stored = store(lastFreeDay(element), observation.lfdTerminal); !stored)
        return stored;
    if (observation.lfdTerminal)
        observation.providerCodes.insert(EventCode::LfdChanged, u"Lfd"_s);
    return {};
}

Result<QList<Hold>> readHolds(const QJsonArray &list)
{
    QList<Hold> holds;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue id = list.at(i).toObject().value(u"hold_id");
        if (!id.isString() || id.toString().trimmed().isEmpty())
            return makeError(ErrorKind::MalformedResponse,
                             u"hold_information[%1] has no hold_id text"_s.arg(QString::number(i)));
        const QString holdId = id.toString().trimmed();
        const Hold hold{PortsAmericaMapper::holdTypeFor(holdId), holdId, {}};
        if (std::none_of(holds.cbegin(), holds.cend(), [&hold](const Hold &h) { return h.sameHold(hold); }))
            holds.append(hold);
    }
    return holds;
}

Result<void> applyHolds(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    const QJsonValue value = element.value(u"hold_information");
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        return wrongType(u"hold_information"_s, value, u"a list"_s);
    Result<QList<Hold>> holds = readHolds(value.toArray());
    if (!holds)
        return holds.error();
    observation.holds = holds.value();
    observation.providerCodes.insert(EventCode::HoldAdded, u"Hold"_s);
    observation.providerCodes.insert(EventCode::HoldReleased, u"Hold"_s);
    return {};
}

// Runs after the LFD and hold rows, so it reads what they stored.
Result<void> applyReleased(const QJsonObject & /*element*/, Observation &observation,
                           const MappingContext & /*context*/)
{
    if (!observation.lfdTerminal || !observation.holds || !observation.holds->isEmpty())
        return {};
    ObservedMilestone released;
    released.code = EventCode::Released;
    released.providerCode = u"Released"_s;
    released.data = QJsonObject{{u"lfd"_s, observation.lfdTerminal->toString(Qt::ISODate)}};
    observation.milestones.append(released);
    return {};
}

Result<void> applyDemurrage(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(number(element, u"deumrrage_amount"_s), observation.demurrageAmount);
}

Result<void> applyLocation(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    if (Result<void> stored = store(text(element, u"location"_s), observation.location); !stored)
        return stored;
    if (observation.location) {
        observation.locationLot = u"Yard"_s;
        observation.eventLocation.lot = u"Yard"_s;
    }
    return {};
}

Result<void> applyVessel(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(text(element, u"vessel_name"_s), observation.vesselName);
}

Result<void> applyVoyage(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(text(element, u"voyage_number"_s), observation.voyage);
}

Result<void> applyLine(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(text(element, u"steamshipline_code"_s), observation.lineScac);
}

Result<void> applySizeType(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    SizeType sizeType;
    if (Result<void> stored = store(text(element, u"container_length"_s), sizeType.length); !stored)
        return stored;
    if (Result<void> stored = store(text(element, u"container_height"_s), sizeType.height); !stored)
        return stored;
    if (Result<void> stored = store(text(element, u"container_iso_code"_s), sizeType.isoCode); !stored)
        return stored;
    if (!sizeType.isEmpty())
        observation.sizeType = sizeType;
    return {};
}

Result<void> applyWeight(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(number(element, u"gross_weight"_s), observation.grossWeight);
}

Result<void> applyHazardous(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(yesNo(element, u"hazardous"_s), observation.hazardous);
}

Result<void> applyBillOfLading(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    return store(text(element, u"bill_of_lading_number"_s), observation.billOfLading);
}

} // namespace

namespace {

bool isMove(const QJsonObject &element, const QString &moveType)
{
    return element.value(u"move_type").toString().trimmed().compare(moveType, Qt::CaseInsensitive) == 0;
}

Result<void> applyOutgate(const QJsonObject &element, Observation &observation, const MappingContext &context)
{
    if (!isMove(element, u"Full Out"_s))
        return {};
    if (Result<void> stored = store(time(element, u"out_gate_time"_s, context), observation.outgatedAt); !stored)
        return stored;
    if (observation.outgatedAt)
        observation.providerCodes.insert(EventCode::Outgated, u"Outgated"_s);
    return {};
}

Result<void> applyChassis(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    if (!isMove(element, u"Full Out"_s))
        return {};
    return store(text(element, u"chassis_number"_s), observation.chassisNumber);
}

Result<void> applyTrucker(const QJsonObject &element, Observation &observation, const MappingContext & /*context*/)
{
    if (!isMove(element, u"Full Out"_s))
        return {};
    return store(text(element, u"trucking_company_name"_s), observation.outgateTrucker);
}

Result<void> applyEmptyReturn(const QJsonObject &element, Observation &observation, const MappingContext &context)
{
    if (!isMove(element, u"Empty In"_s))
        return {};
    if (Result<void> stored = store(time(element, u"in_gate_time"_s, context), observation.emptyReturnedAt); !stored)
        return stored;
    if (observation.emptyReturnedAt)
        observation.providerCodes.insert(EventCode::EmptyReturned, u"EmptyIn"_s);
    return {};
}

Result<QJsonArray> parseArray(const QByteArray &body, const QString &what)
{
    if (body.trimmed().isEmpty())
        return makeError(ErrorKind::MalformedResponse, u"the %1 answer is empty"_s.arg(what));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorKind::MalformedResponse,
                         u"the %1 answer is not valid JSON: %2 at byte %3"_s.arg(what, parseError.errorString(),
                                                                                 QString::number(parseError.offset)));
    if (!document.isArray())
        return makeError(ErrorKind::MalformedResponse,
                         u"the %1 answer is %2, expected a list"_s.arg(what, document.isObject() ? u"an object"_s
                                                                                                 : u"not a list"_s));
    return document.array();
}

// Runs the rows over one element. A not-found element carries placeholders only (empty bill of
// lading, 0.0 demurrage), so nothing after the ResponseCode row is read from it.
Result<Observation> mapElement(const QList<MappingRow> &rows, const QJsonObject &element, const MappingContext &context)
{
    Observation observation;
    observation.source = context.source;
    observation.observedAt = context.observedAt;
    observation.raw = element;
    for (const MappingRow &row : rows) {
        if (Result<void> applied = row.apply(element, observation, context); !applied)
            return applied.error();
        if (observation.notFound)
            break;
    }
    return observation;
}

PortsAmericaElementError elementError(int index, const QJsonValue &value, const Error &error)
{
    const QString number = value.toObject().value(u"container_number").toString().trimmed().toUpper();
    const QString where = number.isEmpty() ? u"element %1"_s.arg(QString::number(index))
                                           : u"element %1 (%2)"_s.arg(QString::number(index), number);
    return {index, number, makeError(error.kind, where + u": "_s + error.message)};
}

struct GateMove
{
    int index = -1;
    QJsonObject element;
    QString containerNumber;
    bool fullOut = false; // otherwise an "Empty In"
    QDateTime at;
};

// The "Full Out" and "Empty In" moves that carry their time; "No record found" rows and other
// move types say nothing about the visit.
Result<std::optional<GateMove>> readMove(int index, const QJsonObject &element, const MappingContext &context)
{
    if (element.value(u"ResponseCode").toInt() == 1)
        return std::optional<GateMove>();
    GateMove move{index, element, {}, isMove(element, u"Full Out"_s), {}};
    if (!move.fullOut && !isMove(element, u"Empty In"_s))
        return std::optional<GateMove>();
    auto number = text(element, u"container_number"_s);
    if (!number)
        return number.error();
    if (!number.value())
        return makeError(ErrorKind::MalformedResponse, u"the move has no container_number"_s);
    move.containerNumber = number.value()->toUpper();
    auto at = time(element, move.fullOut ? u"out_gate_time"_s : u"in_gate_time"_s, context);
    if (!at)
        return at.error();
    if (!at.value())
        return std::optional<GateMove>();
    move.at = *at.value();
    return std::optional<GateMove>(move);
}

QList<GateMove> readMoves(const QJsonArray &array, const MappingContext &context,
                          QList<PortsAmericaElementError> &errors)
{
    QList<GateMove> moves;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isObject()) {
            errors.append(elementError(int(i), value, wrongType(u"element"_s, value, u"an object"_s)));
            continue;
        }
        Result<std::optional<GateMove>> move = readMove(int(i), value.toObject(), context);
        if (!move)
            errors.append(elementError(int(i), value, move.error()));
        else if (move.value())
            moves.append(*move.value());
    }
    return moves;
}

// The moves of the container's current visit: its first "Full Out" since the visit started, then
// the first "Empty In" after that, which closes the visit. Older moves belong to earlier visits of
// the same box.
QList<GateMove> visitMoves(const QList<GateMove> &moves, const QString &container, const QDateTime &visitStart)
{
    std::optional<GateMove> fullOut;
    std::optional<GateMove> emptyIn;
    for (const GateMove &move : moves) {
        if (move.containerNumber != container || !move.fullOut || (visitStart.isValid() && move.at < visitStart))
            continue;
        if (!fullOut || move.at < fullOut->at)
            fullOut = move;
    }
    if (!fullOut)
        return {};
    for (const GateMove &move : moves) {
        if (move.containerNumber != container || move.fullOut || move.at < fullOut->at)
            continue;
        if (!emptyIn || move.at < emptyIn->at)
            emptyIn = move;
    }
    return emptyIn ? QList<GateMove>{*fullOut, *emptyIn} : QList<GateMove>{*fullOut};
}

} // namespace

namespace PortsAmericaMapper {

MappingContext contextForSite(const QString &siteId, const QDateTime &observedAt)
{
    return {u"ports_america/"_s + siteId, siteId, PortsAmericaSites::timeZoneFor(siteId), observedAt.toUTC()};
}

bool isGatePayload(const QJsonObject &element)
{
    return element.contains(u"move_type"_s);
}

const QList<MappingRow> &availabilityRows()
{
    static const QList<MappingRow> rows{
        {u"container_number"_s, u"container_number"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Upper case; identifies the container")),
         applyContainerNumber},
        {u"SiteId (request header)"_s, u"event location"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "name = the site id sent; type = Terminal")),
         applyEventLocation},
        {u"ResponseCode"_s, u"not_found"_s,
         QString::fromUtf8(
             QT_TRANSLATE_NOOP("MappingRules", "1 (\"No record found\") -> NOT_FOUND; nothing else is read")),
         applyResponseCode},
        {u"availability"_s, u"available"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "\"Yes\" -> true (event Arrived), \"No\" -> false")),
         applyAvailability},
        {u"discharge_time"_s, u"discharged_at"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Site local time -> UTC (event Grounded)")),
         applyDischarge},
        {u"last_free_day"_s, u"lfd_terminal"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "yyyyMMdd; recorded also while holds exist (event Lfd)")),
         applyLastFreeDay},
        {u"hold_information[].hold_id"_s, u"holds"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules",
             "CTF Hold -> CTF, Custom(s) Hold -> CUSTOMS, Demurrage Hold -> DEMURRAGE, Line Hold -> LINE, "
             "TMF Hold -> TMF, else OTHER; provider text kept (event Hold)")),
         applyHolds},
        {u"last_free_day, hold_information"_s, u"RELEASED milestone"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "When last_free_day has a date and hold_information is empty (event Released, data.lfd)")),
         applyReleased},
        {u"deumrrage_amount"_s, u"demurrage_amount"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Number (the provider's spelling)")), applyDemurrage},
        {u"location"_s, u"location, location_lot"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Yard position; lot Yard when a position is given")),
         applyLocation},
        {u"vessel_name"_s, u"vessel_name"_s, QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "As given")),
         applyVessel},
        {u"voyage_number"_s, u"voyage"_s, QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "As given")),
         applyVoyage},
        {u"steamshipline_code"_s, u"line_scac"_s, QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "As given")),
         applyLine},
        {u"container_length, container_height, container_iso_code"_s, u"size_type"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "As given")), applySizeType},
        {u"gross_weight"_s, u"gross_weight"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Number, also when sent as text")), applyWeight},
        {u"hazardous"_s, u"hazardous"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "\"Yes\" -> true, \"No\" -> false")), applyHazardous},
        {u"bill_of_lading_number"_s, u"bill_of_lading"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "As given; empty means not reported")), applyBillOfLading},
    };
    return rows;
}

const QList<MappingRow> &gateRows()
{
    static const QList<MappingRow> rows{
        {u"container_number"_s, u"container_number"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Upper case; identifies the container")),
         applyContainerNumber},
        {u"SiteId (request header)"_s, u"event location"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "name = the site id sent; type = Terminal")),
         applyEventLocation},
        {u"move_type, out_gate_time"_s, u"outgated_at"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "\"Full Out\" of the current visit; site local time -> UTC (event Outgated)")),
         applyOutgate},
        {u"chassis_number"_s, u"chassis_number"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "From the \"Full Out\" move")), applyChassis},
        {u"trucking_company_name"_s, u"outgate_trucker"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "From the \"Full Out\" move")), applyTrucker},
        {u"move_type, in_gate_time"_s, u"empty_returned_at"_s,
         QString::fromUtf8(QT_TRANSLATE_NOOP(
             "MappingRules", "\"Empty In\" after this visit's \"Full Out\"; site local time -> UTC (event EmptyIn)")),
         applyEmptyReturn},
    };
    return rows;
}

Result<PortsAmericaMapping> mapAvailability(const QByteArray &body, const MappingContext &context)
{
    Result<QJsonArray> array = parseArray(body, u"container availability"_s);
    if (!array)
        return array.error();
    PortsAmericaMapping mapping;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue value = array->at(i);
        if (!value.isObject()) {
            mapping.elementErrors.append(elementError(int(i), value, wrongType(u"element"_s, value, u"an object"_s)));
            continue;
        }
        Result<Observation> observation = mapElement(availabilityRows(), value.toObject(), context);
        if (observation)
            mapping.observations.append(std::move(observation).value());
        else
            mapping.elementErrors.append(elementError(int(i), value, observation.error()));
    }
    return mapping;
}

Result<PortsAmericaMapping> mapGateTransactions(const QByteArray &body, const MappingContext &context,
                                                const QHash<QString, QDateTime> &visitStarts)
{
    Result<QJsonArray> array = parseArray(body, u"gate transaction"_s);
    if (!array)
        return array.error();
    PortsAmericaMapping mapping;
    const QList<GateMove> moves = readMoves(array.value(), context, mapping.elementErrors);
    QStringList containers;
    for (const GateMove &move : moves) {
        if (!containers.contains(move.containerNumber))
            containers.append(move.containerNumber);
    }
    for (const QString &container : std::as_const(containers)) {
        for (const GateMove &move : visitMoves(moves, container, visitStarts.value(container))) {
            Result<Observation> observation = mapElement(gateRows(), move.element, context);
            if (observation)
                mapping.observations.append(std::move(observation).value());
            else
                mapping.elementErrors.append(elementError(move.index, move.element, observation.error()));
        }
    }
    return mapping;
}

void markYardListingConflict(Observation &availability, const QList<Observation> &gateMoves)
{
    if (availability.notFound)
        return;
    std::optional<QDateTime> outgatedAt;
    bool returned = false;
    for (const Observation &move : gateMoves) {
        if (move.outgatedAt && move.outgatedAt->isValid())
            outgatedAt = move.outgatedAt;
        returned = returned || (move.emptyReturnedAt && move.emptyReturnedAt->isValid());
    }
    const QString location = availability.location.value_or(QString());
    const bool listedInYard = !location.isEmpty() || availability.available == true;
    availability.yardListingConflict = outgatedAt && !returned && listedInYard;
    if (!*availability.yardListingConflict)
        return;
    // The availability answer's side of the disagreement, next to the gate's Outgated event.
    availability.milestones.append(
        {EventCode::Other,
         u"ContainerAvailability"_s,
         {},
         QJsonObject{{u"conflict"_s, u"listed_in_yard_after_full_out"_s},
                     {u"outgated_at"_s, outgatedAt->toUTC().toString(Qt::ISODateWithMs)},
                     {u"location"_s, location},
                     {u"availability"_s, availability.available == true ? u"Yes"_s : u"No"_s}}});
}

HoldType holdTypeFor(const QString &holdId)
{
    const QString trimmed = holdId.trimmed();
    for (const HoldName &name : holdNames()) {
        if (name.holdId.compare(trimmed, Qt::CaseInsensitive) == 0)
            return name.type;
    }
    return HoldType::Other;
}

} // namespace PortsAmericaMapper
