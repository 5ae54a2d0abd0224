#pragma once

#include "watchentry.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// One line of the tracking-service-to-TMS mapping (the fields of PortPro's Load view): which
// normalized property feeds which PortPro Load field, by which rule. The portpro report and the
// Mapping screen both read these rows, so what the screen says is what the report does.
struct PortProMappingRow
{
    using Value = QJsonValue (*)(const WatchEntry &entry); // null when there is nothing to report

    int seedNumber = 0;         // the row number of the published mapping table
    QString trackingProperty;   // the tracking service's property, as the seed names it
    QString normalizedProperty; // snapshot field name(s) it is computed from
    QString portProField;       // the PortPro Load field
    QString rule;
    Value value = nullptr;
};

namespace PortProMapping {

const QList<PortProMappingRow> &rows();
// The report's columns: container_number, then each PortPro field once, in seed order.
QStringList portProFields();
// JSON key per PortPro field (snake_case), e.g. "Last Free Day" -> "last_free_day".
QString jsonKey(const QString &portProField);
// The PortPro value of each field for one container. A field fed by several rows takes the last
// row that has a value (seed rows 1 and 2: an actual arrival replaces the estimate).
QList<QJsonValue> values(const WatchEntry &entry);
// How a value reads in the CSV report: text as is, times ISO 8601 UTC with Z, lists joined by "; ".
QString cellText(const QJsonValue &value);

} // namespace PortProMapping
