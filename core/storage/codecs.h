#pragma once

#include "eventcode.h"
#include "hold.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

class QSqlError;

// How values become columns and back, the same for every table and both backends. Times are stored
// as fixed-width UTC text (storedTimeText), so text order is time order; an empty value is NULL.
namespace Codecs {
QVariant nullText();
QVariant timeValue(const QDateTime &time); // NULL when invalid
QDateTime timeFromValue(const QVariant &value);
// The same time as UTC milliseconds since the epoch, missing when NULL or unreadable (the console's
// rows keep times as integers).
qint64 epochMsFromValue(const QVariant &value, qint64 missing);
QVariant dateValue(const QDate &date);
QDate dateFromValue(const QVariant &value);
QVariant textValue(const QString &text); // NULL when empty
QVariant jsonValue(const QJsonObject &object);
QJsonObject jsonFromValue(const QVariant &value);
QVariant stringListValue(const QStringList &list); // a JSON array, NULL when empty
QStringList stringListFromValue(const QVariant &value);
QVariant boolValue(std::optional<bool> flag);
std::optional<bool> boolFromValue(const QVariant &value);
QVariant doubleValue(std::optional<double> number);
std::optional<double> doubleFromValue(const QVariant &value);
QVariant holdsValue(const QList<Hold> &holds);
QList<Hold> holdsFromValue(const QVariant &value);
// ContainerSnapshot::stateChangedAt as a JSON object of stored times, NULL when empty.
QVariant stateChangesValue(const QMap<QString, QDateTime> &changes);
QMap<QString, QDateTime> stateChangesFromValue(const QVariant &value);
// eventCodeName allocates a new string per call; the ingestion path reuses these.
const QString &cachedEventCodeName(EventCode code);

Error storageError(const QString &what, const QSqlError &error);
QString placeholders(qsizetype count); // "?, ?, ?"
QString idList(const QList<qint64> &ids);
} // namespace Codecs
