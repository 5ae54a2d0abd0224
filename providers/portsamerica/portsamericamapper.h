#pragma once

#include "observation.h"
#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

// What the mapper needs to know about the request an answer belongs to.
struct PortsAmericaMappingContext
{
    QString siteId;     // the SiteId header the request was sent with
    QTimeZone timeZone; // the site's zone: Ports America times carry no offset
    QDateTime observedAt;

    QString source() const; // "ports_america/<site>"
    static PortsAmericaMappingContext forSite(const QString &siteId, const QDateTime &observedAt);
};

// One line of the mapping: the provider's field, the normalized field it feeds and the rule in
// words. The mapper runs the rows' apply functions in order and the Mapping screen shows the same
// rows, so the two cannot disagree.
struct PortsAmericaMappingRow
{
    using Apply = Result<void> (*)(const QJsonObject &element, Observation &observation,
                                   const PortsAmericaMappingContext &context);

    QString sourceProperty;
    QString normalizedProperty;
    QString rule;
    Apply apply = nullptr;
};

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

const QList<PortsAmericaMappingRow> &availabilityRows(); // ContainerAvailability elements
const QList<PortsAmericaMappingRow> &gateRows();         // GateTransaction moves

// One observation per element; ResponseCode 1 gives a notFound observation.
Result<PortsAmericaMapping> mapAvailability(const QByteArray &body, const PortsAmericaMappingContext &context);

// One observation per move that belongs to the container's current visit: moves older than the
// container's visit start are ignored, and an "Empty In" counts only after this visit's "Full Out".
// A container without a visit start keeps all its moves.
Result<PortsAmericaMapping> mapGateTransactions(const QByteArray &body, const PortsAmericaMappingContext &context,
                                                const QHash<QString, QDateTime> &visitStarts);

// "CTF Hold" -> Ctf, "Custom Hold"/"Customs Hold" -> Customs, ...; Other for anything else.
HoldType holdTypeFor(const QString &holdId);

} // namespace PortsAmericaMapper
