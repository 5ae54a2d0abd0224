#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

// How every mapper reads a provider's timestamp (times are stored in UTC, a provider's local
// time is read in its zone, and a date alone never becomes a moment). One function so the modules'
// mappers cannot drift apart.
namespace ProviderTime {

// "2026-03-04T10:15:00Z" or "...+13:00": that instant. "2026-03-04 10:15" or "...T10:15:00": wall
// clock time in localZone (UTC when localZone is invalid). Returned in UTC; invalid for a date
// without a time ("2026-03-04") and for anything that is not an ISO 8601 date and time.
QDateTime read(const QString &text, const QTimeZone &localZone);
// The day of a date given without a time ("2026-03-04"); invalid for anything else. Where read()
// refuses such a text, a caller that can use a day (an expiry, an event kept without its time) asks
// for it here.
QDate readDay(const QString &text);

} // namespace ProviderTime
