#pragma once

#include "watchentry.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A destination whose messages carry fields of its own (a TMS's load fields, say) rather than bare
// events: a published table of which normalized property feeds which of the destination's fields, by
// which rule. The module serving the destination registers its table here (ProviderRegistry does it
// for every built-in module); the store builds that destination's messages from it, the exporter
// writes a report in its layout and the Mapping screen shows it, so the three cannot disagree.
struct FieldMappingRow
{
    using Value = QJsonValue (*)(const WatchEntry &entry); // null when there is nothing to report

    int number = 0;             // the row number of the published table
    QString trackingProperty;   // the tracking service's property, as the table names it
    QString normalizedProperty; // snapshot field name(s) it is computed from
    QString field;              // the destination's field
    QString rule;               // in words (translated under "MappingRules")
    Value value = nullptr;
};

struct FieldMapping
{
    QString kind;  // OutboundDestination::kind, also the report's name (export <kind>)
    QString title; // the destination's product name, as screens show it
    QList<FieldMappingRow> rows;

    // The destination's fields once each, in row order.
    QStringList fields() const;
    // The value of each field for one container. A field fed by several rows takes the last row
    // that has a value (an actual arrival replaces the estimate).
    QList<QJsonValue> values(const WatchEntry &entry) const;
    // JSON key of a field (snake_case), e.g. "Last Free Day" -> "last_free_day".
    static QString jsonKey(const QString &field);
    // How a value reads in a CSV cell or on screen: text as is, lists joined by "; ".
    static QString cellText(const QJsonValue &value);
};

// The registered tables, safe to read from any thread.
namespace FieldMappings {
void add(const FieldMapping &mapping); // replaces the table of the same kind
std::optional<FieldMapping> find(const QString &kind);
QList<FieldMapping> all(); // in the order they were added
} // namespace FieldMappings
