#include "codecs.h"

#include "containerbatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;

namespace {
int digitsValue(QStringView text, bool *ok)
{
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}
} // namespace

QVariant Codecs::nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant Codecs::timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(storedTimeText(time)) : nullText();
}

// The fast path reads our own fixed format; anything else (hand-edited rows) goes through Qt.
QDateTime Codecs::timeFromValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QString text = value.toString();
    const QStringView view(text);
    if (text.size() == 24 && view[4] == u'-' && view[10] == u'T' && view[19] == u'.' && view[23] == u'Z') {
        bool ok = true;
        const QDate date(digitsValue(view.mid(0, 4), &ok), digitsValue(view.mid(5, 2), &ok),
                         digitsValue(view.mid(8, 2), &ok));
        const QTime clock(digitsValue(view.mid(11, 2), &ok), digitsValue(view.mid(14, 2), &ok),
                          digitsValue(view.mid(17, 2), &ok), digitsValue(view.mid(20, 3), &ok));
        if (ok && date.isValid() && clock.isValid())
            return {date, clock, Qt::UTC};
    }
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

QVariant Codecs::dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : nullText();
}

// Read by hand like times: the console reads two dates per row.
QDate Codecs::dateFromValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QString text = value.toString();
    const QStringView view(text);
    if (text.size() == 10 && view[4] == u'-' && view[7] == u'-') {
        bool ok = true;
        const QDate date(digitsValue(view.mid(0, 4), &ok), digitsValue(view.mid(5, 2), &ok),
                         digitsValue(view.mid(8, 2), &ok));
        if (ok)
            return date;
    }
    return QDate::fromString(text, Qt::ISODate);
}

qint64 Codecs::epochMsFromValue(const QVariant &value, qint64 missing)
{
    if (value.isNull())
        return missing;
    const QString text = value.toString();
    const QStringView view(text);
    if (text.size() == 24 && view[4] == u'-' && view[10] == u'T' && view[19] == u'.' && view[23] == u'Z') {
        bool ok = true;
        const QDate date(digitsValue(view.mid(0, 4), &ok), digitsValue(view.mid(5, 2), &ok),
                         digitsValue(view.mid(8, 2), &ok));
        const qint64 ms = ((digitsValue(view.mid(11, 2), &ok) * 60LL + digitsValue(view.mid(14, 2), &ok)) * 60 +
                           digitsValue(view.mid(17, 2), &ok)) *
                              1000 +
                          digitsValue(view.mid(20, 3), &ok);
        if (ok && date.isValid())
            return (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400000LL + ms;
    }
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : missing;
}

QVariant Codecs::textValue(const QString &text)
{
    return text.isEmpty() ? nullText() : QVariant(text);
}

QVariant Codecs::jsonValue(const QJsonObject &object)
{
    if (object.isEmpty())
        return nullText();
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject Codecs::jsonFromValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant Codecs::stringListValue(const QStringList &list)
{
    if (list.isEmpty())
        return nullText();
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList Codecs::stringListFromValue(const QVariant &value)
{
    QStringList list;
    if (value.isNull())
        return list;
    const QJsonArray names = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const auto &name : names)
        list.append(name.toString());
    return list;
}

QVariant Codecs::boolValue(std::optional<bool> flag)
{
    return flag ? QVariant(*flag ? 1 : 0) : QVariant(QMetaType::fromType<int>());
}

std::optional<bool> Codecs::boolFromValue(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<bool>(value.toInt() != 0);
}

QVariant Codecs::doubleValue(std::optional<double> number)
{
    return number ? QVariant(*number) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> Codecs::doubleFromValue(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QVariant Codecs::holdsValue(const QList<Hold> &holds)
{
    if (holds.isEmpty())
        return nullText();
    QJsonArray array;
    for (const Hold &hold : holds) {
        QJsonObject object{{u"type"_s, holdTypeName(hold.type)}, {u"source_code"_s, hold.sourceCode}};
        if (hold.since.isValid())
            object.insert(u"since"_s, timeValue(hold.since).toString());
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Hold> Codecs::holdsFromValue(const QVariant &value)
{
    QList<Hold> holds;
    if (value.isNull())
        return holds;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const auto &item : array) {
        const QJsonObject object = item.toObject();
        Hold hold;
        hold.type = holdTypeFromName(object.value(u"type"_s).toString()).value_or(HoldType::Other);
        hold.sourceCode = object.value(u"source_code"_s).toString();
        hold.since = timeFromValue(object.value(u"since"_s).toVariant());
        holds.append(hold);
    }
    return holds;
}

QVariant Codecs::stateChangesValue(const QMap<QString, QDateTime> &changes)
{
    QJsonObject object;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (it.value().isValid())
            object.insert(it.key(), timeValue(it.value()).toString());
    }
    return jsonValue(object);
}

QMap<QString, QDateTime> Codecs::stateChangesFromValue(const QVariant &value)
{
    QMap<QString, QDateTime> changes;
    const QJsonObject object = jsonFromValue(value);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (const QDateTime time = timeFromValue(it.value().toVariant()); time.isValid())
            changes.insert(it.key(), time);
    }
    return changes;
}

const QString &Codecs::cachedEventCodeName(EventCode code)
{
    static const QList<QString> names = [] {
        QList<QString> all;
        for (int i = 0; i <= int(lastEventCode); ++i)
            all.append(eventCodeName(EventCode(i)));
        return all;
    }();
    return names.at(int(code));
}

Error Codecs::storageError(const QString &what, const QSqlError &error)
{
    // A driver that lost its connection reports later failures with no text at all.
    const QString text = error.text().trimmed();
    return makeError(ErrorKind::Storage,
                     what % u": "_s % (text.isEmpty() ? u"the database driver gave no reason"_s : text));
}

QString Codecs::placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? u"?"_s : u", ?"_s;
    return text;
}

QString Codecs::idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(u", "_s);
}
