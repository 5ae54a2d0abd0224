#include "watchlistrow.h"

QString WatchlistRow::haystack() const
{
    QString text;
    text.reserve(number.size() + reference.size() + vessel.size() + billOfLading.size() + 3);
    text.append(number);
    text.append(u'\n');
    text.append(reference);
    text.append(u'\n');
    text.append(vessel);
    text.append(u'\n');
    text.append(billOfLading);
    return text.toLower();
}

QDateTime WatchlistRow::toDateTime(qint64 msecs)
{
    return msecs == noTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

qint64 WatchlistRow::fromDateTime(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : noTime;
}
