#include "orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

QByteArray OrderedJsonObject::quoted(const QString &text)
{
    // QJsonDocument does the escaping; strip the array brackets around the single string.
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

OrderedJsonObject &OrderedJsonObject::add(const QString &key, const QString &value)
{
    m_fields.append({key, quoted(value)});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::add(const QString &key, int value)
{
    m_fields.append({key, QByteArray::number(value)});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::addDecimal(const QString &key, double value)
{
    const bool whole = std::floor(value) == value && std::abs(value) < 1e15;
    m_fields.append({key, whole ? QByteArray::number(value, 'f', 1) : QByteArray::number(value, 'g', 15)});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::addNull(const QString &key)
{
    m_fields.append({key, QByteArrayLiteral("null")});
    return *this;
}

OrderedJsonObject &OrderedJsonObject::addRaw(const QString &key, const QByteArray &json)
{
    m_fields.append({key, json});
    return *this;
}

QByteArray OrderedJsonObject::toJson() const
{
    QByteArray json = "{";
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (i > 0)
            json += ',';
        json += quoted(m_fields.at(i).first) + ':' + m_fields.at(i).second;
    }
    return json + '}';
}

QByteArray OrderedJsonObject::array(const QList<QByteArray> &elements)
{
    return '[' + elements.join(',') + ']';
}
