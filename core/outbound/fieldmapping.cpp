#include "fieldmapping.h"

#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>

using namespace Qt::Literals::StringLiterals;

QStringList FieldMapping::fields() const
{
    QStringList out;
    for (const FieldMappingRow &row : rows) {
        if (!out.contains(row.field))
            out.append(row.field);
    }
    return out;
}

QList<QJsonValue> FieldMapping::values(const WatchEntry &entry) const
{
    const QStringList names = fields();
    QList<QJsonValue> out(names.size(), QJsonValue());
    for (const FieldMappingRow &row : rows) {
        const QJsonValue value = row.value(entry);
        if (!value.isNull() && !value.isUndefined())
            out[names.indexOf(row.field)] = value;
    }
    return out;
}

QString FieldMapping::jsonKey(const QString &field)
{
    QString key;
    for (const QChar c : field) {
        if (c.isLetterOrNumber())
            key.append(c.toLower());
        else if (!key.isEmpty() && !key.endsWith(u'_'))
            key.append(u'_');
    }
    while (key.endsWith(u'_'))
        key.chop(1);
    return key;
}

QString FieldMapping::cellText(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const auto &part : value.toArray())
            parts.append(part.toString());
        return parts.join(u"; "_s);
    }
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

namespace {

struct Registry
{
    QMutex mutex;
    QList<FieldMapping> mappings;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

void FieldMappings::add(const FieldMapping &mapping)
{
    Registry &r = registry();
    const QMutexLocker locker(&r.mutex);
    for (FieldMapping &existing : r.mappings) {
        if (existing.kind == mapping.kind) {
            existing = mapping;
            return;
        }
    }
    r.mappings.append(mapping);
}

std::optional<FieldMapping> FieldMappings::find(const QString &kind)
{
    Registry &r = registry();
    const QMutexLocker locker(&r.mutex);
    for (const FieldMapping &mapping : std::as_const(r.mappings)) {
        if (mapping.kind == kind)
            return mapping;
    }
    return std::nullopt;
}

QList<FieldMapping> FieldMappings::all()
{
    Registry &r = registry();
    const QMutexLocker locker(&r.mutex);
    return r.mappings;
}
