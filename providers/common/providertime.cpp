#include "providertime.h"

QDateTime ProviderTime::read(const QString &text, const QTimeZone &localZone)
{
    QString iso = text.trimmed();
    if (iso.size() <= 10)
        return {}; // a date alone is a day, not a moment: never invent a time of day
    if (iso.at(10) == u' ')
        iso[10] = u'T';
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    // Qt reads a trailing Z as UTC and +hh:mm as an offset; only text without either is LocalTime,
    // which here means the provider's wall clock, not this machine's.
    if (parsed.timeSpec() != Qt::LocalTime)
        return parsed.toUTC();
    return QDateTime(parsed.date(), parsed.time(), localZone.isValid() ? localZone : QTimeZone::utc()).toUTC();
}

QDate ProviderTime::readDay(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.size() == 10 ? QDate::fromString(trimmed, Qt::ISODate) : QDate();
}
