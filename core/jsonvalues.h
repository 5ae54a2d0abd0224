#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

// The JSON forms the CLI promises scripts, in one place, so the CLI's --json, the reports, the snapshot and
// event data all read the same: times ISO 8601 UTC with Z (milliseconds only when there are any, so
// a value read back compares equal), dates YYYY-MM-DD, and absent values null.
namespace JsonValues {
QJsonValue fromTime(const QDateTime &time);
QDateTime toTime(const QJsonValue &value); // invalid unless an ISO 8601 string
QJsonValue fromDate(const QDate &date);
QDate toDate(const QJsonValue &value);    // invalid unless YYYY-MM-DD
QJsonValue fromText(const QString &text); // null when empty
} // namespace JsonValues
