#pragma once

#include "observation.h"
#include "result.h"
#include "subscriptionstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

// One line of the PortConnect mapping: an event type code, the normalized fact it becomes, the rule
// in words, and whether a subscription to it may name a facility. Document: PortConnect's "Webhook
// Callback Payload" page and its event code table (docs/providers/portconnect.md, sections 6-7);
// of its 32 codes this table maps only some yet, the rest are stored as unmapped. The mapper, the subscription
// validation and the Mapping screen all read this one table.
struct PortConnectMappingRow
{
    using Apply = void (*)(const QJsonObject &element, const QDateTime &occurredAt, Observation &observation);
    QString providerCode; // containerVisitEventTypeCode, e.g. "DISCHARGE"
    QString normalized;   // e.g. "DISCHARGED (discharged_at)"
    QString rule;
    bool supportsFacility = false;
    Apply apply = nullptr;
};

// A callback element that could not be read; the other elements still were.
struct PortConnectElementError
{
    int index = -1;
    QString containerNumber;
    QString message;
};

struct PortConnectMapping
{
    QList<CallbackItem> items; // one per readable element, in payload order
    QList<PortConnectElementError> elementErrors;
    int unknownCodes = 0; // elements with an event code the table does not know (kept, not dropped)
};

// Pure functions from PortConnect callbacks (as PortConnect documents them: a JSON array of events with
// containerNumber, containerVisitEventTypeCode, containerVisitEventDatetime and
// userDefinedReference) to observations: no network, no database. Every element becomes an
// observation whose events carry the provider's code; an unknown code is stored as such, not
// dropped (see unmappedCode). Elements may carry containerVisitId, which
// keeps a container's second visit within the subscription window apart from the first.
namespace PortConnectMapper {
const QList<PortConnectMappingRow> &rows();
const PortConnectMappingRow *row(const QString &providerCode); // nullptr when unknown
QStringList eventTypeCodes();                                  // every code of the table

// The normalized code an unknown provider event is stored under (OTHER), with data.unmapped = true
// and the provider's code kept as provider_code.
EventCode unmappedCode();

// A body that is not a JSON array fails with MalformedResponse; one with no readable element with
// InvalidInput.
Result<PortConnectMapping> mapCallback(const QByteArray &body, const QDateTime &observedAt);

// New Zealand's ports all keep New Zealand time: the zone of times given without an offset, and of
// the last free day.
QTimeZone zone();
// ProviderTime::read in zone(): UTC, invalid for a date alone or unreadable text.
QDateTime readTime(const QString &text);
} // namespace PortConnectMapper
