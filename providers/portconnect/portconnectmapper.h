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
// in words, and the inland facility codes a subscription to it may name. The mapper, the
// subscription validation and the Mapping screen all read this one table (portconnectcodes.cpp).
struct PortConnectMappingRow
{
    using Apply = void (*)(const QJsonObject &element, const QDateTime &occurredAt, Observation &observation);
    QString providerCode; // containerVisitEventTypeCode, e.g. "DISCHARGE"
    QString normalized;   // e.g. "DISCHARGED (discharged_at)"
    QString rule;
    QStringList facilities; // "Supported Inland port Facility Codes"; empty: no facility allowed
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

// Pure functions from PortConnect container event callbacks to observations: no network, no
// database.
//
// Documents followed (PortConnect developer wiki, space PUG; summarised with the gaps in
// docs/providers/portconnect.md, sections 6-8):
// - "Webhook Callback Payload", https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2631237921
//   (Event Payload example: the fields read here; Codes: the 32 event codes of the table)
// - "Container Visit Event Types" (the code table: facility codes, event values 1 and 2)
// - "Webhook Callback Payload - Vessel Schedule",
//   https://portconnect.atlassian.net/wiki/spaces/PUG/pages/2631238019 (recognised and refused)
// - API FAQ "Do events get updated?" (a cancelled release, then a new release with a new time)
//
// Read from each element: containerNumber, containerVisitEventTypeCode, containerVisitEventDatetime
// (required), partnerPortCode (the port; DEPOT for empty depots), containerVisitEventLocation (the
// place), containerVisitUri (the visit: a new URI is a new visit), containerVisitTypeCode (picks the
// inbound or outbound vessel), containerVisitEventValue / Value2 (per code: mode of transport and
// truck id, vessel and voyage, export release number, depot code, last free time), the six vessel
// fields, containerIsoTypeCode, containerOperatorSCACCode; the rest (subscriptionEventId,
// subscriptionId, subscriptionContainerId, bookingReference, containerStatus) stays in the raw
// payload each event keeps.
//
// Where the documents are silent (Quaywatch's reading, said in the table's rule texts): the
// per-code "Event Samples" are not in any stored copy, so the format of an event value (e.g. how a
// last free time or a VBS slot is written) is unknown; it is read as an ISO 8601 date and time (NZ
// time without an offset) and kept as text in the event's data when it does not parse. The meaning
// of DISCHARGEDNOTCLEARED, NOCEDO, PINAVAILABLE, PINSUSPENDED, PRIORITYGATEIN, VBSCHANGED and
// VESSELDEPARTURE is read from their names and the FAQ; their table rows are not stored. Which
// codes exist follows the payload page's list of samples; codes are compared without regard to case.
namespace PortConnectMapper {
const QList<PortConnectMappingRow> &rows();
const PortConnectMappingRow *row(const QString &providerCode); // nullptr when unknown; any case
QStringList eventTypeCodes();                                  // every code of the table

// The normalized code an unknown provider event is stored under (OTHER), with data.unmapped = true
// and the provider's code kept as provider_code.
EventCode unmappedCode();

// A body that is not a JSON array fails with MalformedResponse; a vessel-schedule callback, or one
// with no readable element, with InvalidInput.
Result<PortConnectMapping> mapCallback(const QByteArray &body, const QDateTime &observedAt);

// New Zealand's ports all keep New Zealand time: the zone of times given without an offset, and of
// the last free day.
QTimeZone zone();
// ProviderTime::read in zone(): UTC, invalid for a date alone or unreadable text.
QDateTime readTime(const QString &text);
} // namespace PortConnectMapper
