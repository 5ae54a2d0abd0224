#pragma once

#include "observation.h"
#include "result.h"
#include "subscriptionstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

// One line of the TRACE_RESULT mapping: an event code Envase reports, the normalized fact and rule.
struct EnvaseMappingRow
{
    using Apply = void (*)(const QJsonObject &event, const QDateTime &at, Observation &observation);
    QString code;
    QString normalized;
    QString rule;
    Apply apply = nullptr;
};

struct EnvaseTraceResult
{
    QString containerNumber;
    QString envaseProviderId; // payload.providerId when the result names it
    QDateTime tracedAt;
    QDateTime nextTraceAt;     // invalid when Envase did not say
    QList<CallbackItem> items; // one per event (at least one, so the trace itself is recorded)
    int unknownCodes = 0;
};

// Pure functions from Envase TRACE_RESULT callbacks (SPEC section 4: action TRACE_RESULT,
// payload.containerNumber, tracedAt, nextTraceAt, events[] of {code, eventDate, location, data}) to
// observations and the container's next trace time. Unknown codes are kept, with data.unmapped.
namespace EnvaseMapper {
const QList<EnvaseMappingRow> &rows();
// zone: where times without an offset are read (the provider's zone when known, else UTC).
Result<EnvaseTraceResult> mapTraceResult(const QByteArray &body, const QDateTime &observedAt,
                                         const QTimeZone &zone = QTimeZone::utc());
} // namespace EnvaseMapper
