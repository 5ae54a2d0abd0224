#pragma once

#include "observation.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

// What a mapper row needs to know about the answer it reads.
struct MappingContext
{
    QString source;     // the events' source, "<provider>/<site>"
    QString siteId;     // the site the request was sent for
    QTimeZone timeZone; // the site's zone, for provider times that carry no offset
    QDateTime observedAt;
};

// One line of a mapper's table: the provider's field, the normalized field it feeds and the rule in
// words. A mapper runs its rows' apply functions in order and the Mapping screen shows the same row
// objects (and runs them on stored payloads for the live values), so the two cannot disagree.
struct MappingRow
{
    using Apply = Result<void> (*)(const QJsonObject &element, Observation &observation, const MappingContext &context);

    QString sourceProperty;
    QString normalizedProperty;
    QString rule;
    Apply apply = nullptr;
};
