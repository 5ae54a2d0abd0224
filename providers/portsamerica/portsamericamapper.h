#pragma once

#include "mappingrow.h"
#include "observation.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

// The mapper's rows are MappingRow objects (providers/common/mappingrow.h): the module hands the very
// objects to the Mapping screen. The context of an answer: the SiteId header the request was sent
// with, the site's zone (Ports America times carry no offset), source "ports_america/<site>".

// A payload element that could not be mapped; the other elements still were.
struct PortsAmericaElementError
{
    int index = -1;          // position in the JSON array
    QString containerNumber; // empty when the element did not say
    Error error;
};

struct PortsAmericaMapping
{
    QList<Observation> observations;
    QList<PortsAmericaElementError> elementErrors;
};

// Pure functions from Ports America payloads (as the Ports America API documents them) to observations: no network, no
// database. A body that is not a JSON array fails as a whole with ErrorKind::MalformedResponse.
namespace PortsAmericaMapper {

MappingContext contextForSite(const QString &siteId, const QDateTime &observedAt);

const QList<MappingRow> &availabilityRows(); // ContainerAvailability elements
const QList<MappingRow> &gateRows();         // GateTransaction moves
// Which of the two a stored payload element is: a gate move has a move_type.
bool isGatePayload(const QJsonObject &element);

// One observation per element; ResponseCode 1 gives a notFound observation.
Result<PortsAmericaMapping> mapAvailability(const QByteArray &body, const MappingContext &context);

// One observation per move that belongs to the container's current visit: moves older than the
// container's visit start are ignored, and an "Empty In" counts only after this visit's "Full Out".
// A container without a visit start keeps all its moves.
Result<PortsAmericaMapping> mapGateTransactions(const QByteArray &body, const MappingContext &context,
                                                const QHash<QString, QDateTime> &visitStarts);

// Gate evidence against the availability answer, for one container in one trace: its availability
// observation and the gate moves mapGateTransactions attributed to its current visit. When the gate
// says the box left on this visit (a "Full Out", no "Empty In" yet) while the availability answer
// still lists it in the yard (a yard position, or availability "Yes"), availability gets
// yardListingConflict = true and a milestone (OTHER, provider code "ContainerAvailability",
// data.conflict = "listed_in_yard_after_full_out") so the event log keeps both facts; the status
// stays outgated (outgated outranks available). Otherwise its yardListingConflict is false.
void markYardListingConflict(Observation &availability, const QList<Observation> &gateMoves);

// "CTF Hold" -> Ctf, "Custom Hold"/"Customs Hold" -> Customs, ...; Other for anything else.
HoldType holdTypeFor(const QString &holdId);

} // namespace PortsAmericaMapper
