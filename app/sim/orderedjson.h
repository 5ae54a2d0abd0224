#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Writes a JSON object with its keys in the order they were added and decimals written the way
// the provider writes them ("0.0", "1265.0"), so simulator payloads read exactly like the
// provider's documented examples. QJsonObject sorts keys and drops ".0", hence this small writer.
class OrderedJsonObject final
{
public:
    OrderedJsonObject &add(const QString &key, const QString &value);
    OrderedJsonObject &add(const QString &key, const char *value) { return add(key, QString::fromUtf8(value)); }
    OrderedJsonObject &add(const QString &key, int value);
    OrderedJsonObject &addDecimal(const QString &key, double value);
    OrderedJsonObject &addNull(const QString &key);
    OrderedJsonObject &addRaw(const QString &key, const QByteArray &json); // already serialized value

    QByteArray toJson() const;

    static QByteArray array(const QList<QByteArray> &elements);
    static QByteArray quoted(const QString &text);

private:
    QList<QPair<QString, QByteArray>> m_fields;
};
