#include "faultsettings.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

Result<void> invalid(const QString &key)
{
    return makeError(ErrorKind::InvalidInput, u"fault \"%1\" has an invalid value"_s.arg(key));
}

} // namespace

Result<void> FaultSettings::apply(const QJsonObject &object)
{
    FaultSettings next = *this;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key().toLower().replace(u'_', u'-');
        const QJsonValue value = it.value();
        const bool number = value.isDouble() && value.toDouble() >= 0;
        if (key == u"malformed-containers"_s) {
            next.malformedContainers.clear();
            const QStringList numbers =
                value.isArray() ? value.toVariant().toStringList() : value.toString().split(u',', Qt::SkipEmptyParts);
            for (const QString &entry : numbers)
                next.malformedContainers.insert(entry.trimmed().toUpper());
            continue;
        }
        if (!number)
            return invalid(it.key());
        const double v = value.toDouble();
        if (key == u"latency-ms"_s)
            next.latencyMs = int(v);
        else if (key == u"error-rate"_s && v <= 1)
            next.errorRate = v;
        else if (key == u"rate-limit-every"_s)
            next.rateLimitEvery = int(v);
        else if (key == u"retry-after"_s)
            next.retryAfterSeconds = int(v);
        else if (key == u"token-lifetime"_s)
            next.tokenLifetimeSeconds = int(v);
        else if (key == u"malformed-every"_s)
            next.malformedEvery = int(v);
        else if (key == u"drop-rate"_s && v <= 1)
            next.dropRate = v;
        else if (key == u"slow-body-ms"_s)
            next.slowBodyMs = int(v);
        else
            return invalid(it.key());
    }
    *this = next;
    return {};
}

QJsonObject FaultSettings::toJson() const
{
    QStringList containers(malformedContainers.cbegin(), malformedContainers.cend());
    containers.sort();
    return {{u"latency-ms"_s, latencyMs},
            {u"error-rate"_s, errorRate},
            {u"rate-limit-every"_s, rateLimitEvery},
            {u"retry-after"_s, retryAfterSeconds},
            {u"token-lifetime"_s, tokenLifetimeSeconds},
            {u"malformed-every"_s, malformedEvery},
            {u"malformed-containers"_s, QJsonArray::fromStringList(containers)},
            {u"drop-rate"_s, dropRate},
            {u"slow-body-ms"_s, slowBodyMs}};
}
