// `events NUMBER [--json]`: one container's history, oldest first, for support and scripts.
#include "clicontext.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textJson(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject eventJson(const Event &event)
{
    const QJsonObject location{{u"name"_s, textJson(event.location.name)},
                               {u"type"_s, textJson(event.location.type)},
                               {u"lot"_s, textJson(event.location.lot)}};
    return {{u"code"_s, eventCodeName(event.code)},
            {u"provider_code"_s, textJson(event.providerCode)},
            {u"occurred_at"_s, timeJson(event.occurredAt)},
            {u"observed_at"_s, timeJson(event.observedAt)},
            {u"location"_s, location},
            {u"data"_s, event.data},
            {u"source"_s, textJson(event.source)}};
}

// A provider that gives no time must not look as if it did: show when Quaywatch observed it.
QString eventLine(const Event &event)
{
    const QString when = event.occurredAt.isValid()
                             ? event.occurredAt.toUTC().toString(Qt::ISODate)
                             : QString(u"observed "_s + event.observedAt.toUTC().toString(Qt::ISODate));
    QStringList parts{when, eventCodeName(event.code)};
    if (!event.providerCode.isEmpty())
        parts.append(u'(' + event.providerCode + u')');
    QStringList location;
    for (const QString &part : {event.location.name, event.location.type, event.location.lot}) {
        if (!part.isEmpty())
            location.append(part);
    }
    if (!location.isEmpty())
        parts.append(u"at "_s + location.join(u", "_s));
    if (!event.data.isEmpty())
        parts.append(QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)));
    return parts.join(u"  "_s);
}

} // namespace

int runEventsCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"JSON array"_s);
    parser.addOption(json);
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "quaywatch-cli events: give exactly one container number" << Qt::endl;
        return ExitUsage;
    }
    Store *store = context.store();
    if (!store)
        return ExitFailure;

    const QString asGiven = parser.positionalArguments().constFirst().trimmed();
    Result<std::optional<WatchEntry>> entry = store->container(context.entity(), asGiven);
    if (entry && !entry.value().has_value())
        entry = store->container(context.entity(), asGiven.toUpper());
    if (!entry) {
        context.err() << "quaywatch-cli events: " << entry.error().message << Qt::endl;
        return ExitFailure;
    }
    if (!entry.value().has_value()) {
        context.err() << "quaywatch-cli events: " << asGiven << " is not on the watchlist of entity "
                      << context.entity() << Qt::endl;
        return ExitFailure;
    }
    const Result<QList<Event>> events = store->events(entry.value()->id);
    if (!events) {
        context.err() << "quaywatch-cli events: " << events.error().message << Qt::endl;
        return ExitFailure;
    }

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const Event &event : events.value())
            array.append(eventJson(event));
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else if (events->isEmpty()) {
        context.out() << "No events for " << entry.value()->containerNumber << " yet\n";
    } else {
        for (const Event &event : events.value())
            context.out() << eventLine(event) << '\n';
    }
    context.out().flush();
    return ExitSuccess;
}
