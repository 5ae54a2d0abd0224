#include "jsonvalues.h"

namespace JsonValues {

QJsonValue fromTime(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QDateTime toTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QJsonValue fromDate(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QDate toDate(const QJsonValue &value)
{
    return value.isString() ? QDate::fromString(value.toString(), Qt::ISODate) : QDate();
}

QJsonValue fromText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace JsonValues
