// quaywatch-cli outbound: the destinations changes are sent to and their outbox (issue 17). The
// dispatcher itself is core/outbound/outbounddispatcher.h; senders come from the provider modules
// (providers/outboundsenders.h). Signing secrets go to the keychain only: generated and printed once,
// or read from standard input; never from argv.
#include "outboundcommand.h"

#include "clicontext.h"
#include "clock.h"
#include "outbound/outbounddispatcher.h"
#include "outboundsenders.h"
#include "secretstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

QString stateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Pending:
        return u"pending"_s;
    case OutboxState::Sending:
        return u"sending"_s;
    case OutboxState::Delivered:
        return u"delivered"_s;
    case OutboxState::Dead:
        return u"dead"_s;
    }
    return {};
}

std::optional<OutboundDestination> findDestination(CliContext &context, Store &store, const QString &name)
{
    const auto found = store.destination(context.entity(), name);
    if (!found) {
        context.err() << "quaywatch-cli outbound: " << found.error().message << Qt::endl;
        return std::nullopt;
    }
    if (!found->has_value()) {
        context.err() << "quaywatch-cli outbound: no destination named " << name << " in entity " << context.entity()
                      << Qt::endl;
        return std::nullopt;
    }
    return found->value();
}

void audit(Store &store, const QString &entity, const QString &name, const QString &action, const QString &detail)
{
    AuditEntry entry;
    entry.entity = entity;
    entry.provider = u"outbound/"_s + name;
    entry.action = action;
    entry.outcome = u"ok"_s;
    entry.detail = detail;
    (void)store.appendAudit(entry);
}

int listDestinations(CliContext &context, Store &store, bool json)
{
    const auto destinations = store.destinations(context.entity());
    const auto summaries = store.outboxSummaries(context.entity());
    if (!destinations || !summaries) {
        context.err() << "quaywatch-cli outbound: "
                      << (!destinations ? destinations.error().message : summaries.error().message) << Qt::endl;
        return ExitFailure;
    }
    QHash<qint64, OutboxSummary> byId;
    for (const OutboxSummary &summary : summaries.value())
        byId.insert(summary.destination.id, summary);
    QJsonArray rows;
    for (const OutboundDestination &d : destinations.value()) {
        const OutboxSummary s = byId.value(d.id);
        if (json) {
            rows.append(QJsonObject{{u"name"_s, d.name},
                                    {u"kind"_s, d.kind},
                                    {u"url"_s, d.url.toString()},
                                    {u"events"_s, d.eventCodes.isEmpty() ? u"all"_s : d.eventCodes.join(u',')},
                                    {u"enabled"_s, d.enabled},
                                    {u"stoppedReason"_s, d.stoppedReason},
                                    {u"pending"_s, s.pending},
                                    {u"sending"_s, s.sending},
                                    {u"dead"_s, s.dead},
                                    {u"delivered"_s, s.delivered},
                                    {u"lastDeliveredAt"_s, s.lastDeliveredAt.toString(Qt::ISODate)},
                                    {u"lastError"_s, s.lastError}});
            continue;
        }
        context.out() << d.name << "  " << d.kind << "  " << (d.url.isEmpty() ? u"-"_s : d.url.toString()) << "  queue "
                      << (s.pending + s.sending) << "  dead " << s.dead << "  delivered " << s.delivered << "  last "
                      << (s.lastDeliveredAt.isValid() ? s.lastDeliveredAt.toString(Qt::ISODate) : u"never"_s);
        if (!d.stoppedReason.isEmpty())
            context.out() << "  STOPPED: " << d.stoppedReason;
        else if (!s.lastError.isEmpty())
            context.out() << "  last error: " << s.lastError;
        context.out() << Qt::endl;
    }
    if (json)
        context.out() << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    else if (destinations->isEmpty())
        context.out() << "No outbound destinations in entity " << context.entity() << Qt::endl;
    return ExitSuccess;
}

int dryRun(CliContext &context, Store &store, const OutboundDestination &destination)
{
    OutboxQuery query;
    query.destinationId = destination.id;
    query.states = {OutboxState::Pending, OutboxState::Sending};
    query.limit = 50;
    const auto messages = store.outboxMessages(query);
    if (!messages) {
        context.err() << "quaywatch-cli outbound: " << messages.error().message << Qt::endl;
        return ExitFailure;
    }
    context.out() << messages->size() << " message(s) would be sent to " << destination.name << " (nothing is sent now)"
                  << Qt::endl;
    for (const OutboxMessage &m : messages.value()) {
        context.out() << "#" << m.sequence << " " << m.containerNumber << " " << stateName(m.state);
        const QJsonObject fields = m.payload.value(u"fields"_s).toObject();
        const QJsonObject previous = m.payload.value(u"previous"_s).toObject();
        if (!fields.isEmpty()) {
            context.out() << Qt::endl;
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                const auto text = [](const QJsonValue &v) {
                    return v.isNull() || v.isUndefined()
                               ? u"(none)"_s
                               : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                                     .mid(1)
                                     .chopped(1);
                };
                context.out() << "    " << it.key() << ": " << text(previous.value(it.key())) << " -> "
                              << text(it.value()) << Qt::endl;
            }
        } else {
            const QJsonObject event = m.payload.value(u"event"_s).toObject();
            context.out() << " event " << event.value(u"code"_s).toString() << Qt::endl;
        }
    }
    return ExitSuccess;
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

int addWebhook(CliContext &context, Store &store, const QCommandLineParser &parser)
{
    const QString name = parser.value(u"name"_s).trimmed();
    const QUrl url(parser.value(u"url"_s));
    if (name.isEmpty() || name.size() > 64 || OutboundSenders::isCatalogKindName(name)) {
        context.err() << "quaywatch-cli outbound add-webhook: --name is required (up to 64 characters, none of "
                      << OutboundSenders::catalogKinds().join(u", "_s) << ")" << Qt::endl;
        return ExitUsage;
    }
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)) {
        context.err() << "quaywatch-cli outbound add-webhook: --url must be an http(s) address" << Qt::endl;
        return ExitUsage;
    }
    if (url.scheme() != u"https"_s && !isLoopback(url)) {
        context.err() << "quaywatch-cli outbound add-webhook: " << url.host()
                      << " is not this machine: use https (plain http is allowed on loopback only)" << Qt::endl;
        return ExitFailure;
    }
    QStringList codes;
    const QString events = parser.value(u"events"_s).trimmed();
    if (!events.isEmpty() && events.compare(u"all"_s, Qt::CaseInsensitive) != 0) {
        for (const QString &code : events.split(u',', Qt::SkipEmptyParts))
            codes.append(code.trimmed());
    }
    QString secret;
    const bool generated = !parser.isSet(u"secret-stdin"_s);
    if (generated) {
        std::array<quint32, 8> words{};
        QRandomGenerator::system()->fillRange(words.data(), words.size());
        secret = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words))).toHex());
    } else {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            context.err() << "quaywatch-cli outbound add-webhook: cannot read standard input" << Qt::endl;
            return ExitFailure;
        }
        secret = QString::fromUtf8(input.readLine()).trimmed();
        if (secret.size() < 32) {
            context.err() << "quaywatch-cli outbound add-webhook: the signing secret on standard input must be at "
                             "least 32 characters"
                          << Qt::endl;
            return ExitFailure;
        }
    }
    SecretStore secrets;
    const QString key = SecretStore::key(context.entity(), u"outbound/"_s + name, u"signingSecret"_s);
    const auto saved = waitForAnswer<Result<void>>([&](auto done) { secrets.write(key, secret, std::move(done)); });
    if (!saved) {
        context.err() << "quaywatch-cli outbound add-webhook: the signing secret cannot be stored: "
                      << saved.error().message << Qt::endl;
        return ExitFailure;
    }
    OutboundDestination destination;
    destination.entity = context.entity();
    destination.name = name;
    destination.kind = QString::fromLatin1(Outbound::webhookKind);
    destination.url = url;
    destination.eventCodes = codes;
    const auto stored = store.saveDestination(destination);
    if (!stored) {
        context.err() << "quaywatch-cli outbound add-webhook: " << stored.error().message << Qt::endl;
        return ExitFailure;
    }
    audit(store, context.entity(), name, u"outbound-add"_s,
          u"webhook to %1, events %2"_s.arg(url.toString(), codes.isEmpty() ? u"all"_s : codes.join(u',')));
    context.out() << "Added webhook destination " << name << " (" << url.toString() << ")" << Qt::endl;
    if (generated) {
        context.out() << "Signing secret (give it to the receiver; it will not be shown again):" << Qt::endl
                      << secret << Qt::endl;
    }
    return ExitSuccess;
}

int drain(CliContext &context, Store &store, int seconds)
{
    const OutboundDrainReport report = drainOutbox(context, store, seconds, true);
    return report.errors.isEmpty() && report.stopped.isEmpty() ? ExitSuccess : ExitPartial;
}

int retryDead(CliContext &context, Store &store, const QCommandLineParser &parser,
              const OutboundDestination &destination)
{
    const QString name = destination.name;
    QList<qint64> sequences;
    for (const QString &value : parser.values(u"sequence"_s))
        sequences.append(value.toLongLong());
    const auto retried = store.retryDeadLetters(destination.id, sequences);
    if (!retried) {
        context.err() << "quaywatch-cli outbound retry: " << retried.error().message << Qt::endl;
        return ExitFailure;
    }
    audit(store, context.entity(), name, u"outbound-retry"_s, u"%1 dead letters queued again"_s.arg(retried.value()));
    context.out() << retried.value() << " dead letter(s) of " << name << " queued again" << Qt::endl;
    return ExitSuccess;
}

int replay(CliContext &context, Store &store, const QCommandLineParser &parser, const OutboundDestination &destination)
{
    const QString name = destination.name;
    const QDateTime from = QDateTime::fromString(parser.value(u"from"_s), Qt::ISODate);
    const QDateTime to = QDateTime::fromString(parser.value(u"to"_s), Qt::ISODate);
    if ((parser.isSet(u"from"_s) && !from.isValid()) || (parser.isSet(u"to"_s) && !to.isValid())) {
        context.err() << "quaywatch-cli outbound replay: --from and --to take ISO 8601 times" << Qt::endl;
        return ExitUsage;
    }
    const auto replayed = store.replayOutbox(destination.id, from, to);
    if (!replayed) {
        context.err() << "quaywatch-cli outbound replay: " << replayed.error().message << Qt::endl;
        return ExitFailure;
    }
    audit(store, context.entity(), name, u"outbound-replay"_s,
          u"%1 messages from %2 to %3 queued again"_s.arg(replayed.value())
              .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    context.out() << replayed.value() << " message(s) of " << name << " queued again" << Qt::endl;
    return ExitSuccess;
}

int removeDestination(CliContext &context, Store &store, const QCommandLineParser &parser,
                      const OutboundDestination &destination)
{
    const QString name = destination.name;
    if (!parser.isSet(u"yes"_s)) {
        context.err() << "quaywatch-cli outbound remove: this deletes " << name
                      << ", its queue and its signing secret; add --yes to confirm" << Qt::endl;
        return ExitUsage;
    }
    const auto removed = store.removeDestination(context.entity(), name);
    if (!removed) {
        context.err() << "quaywatch-cli outbound remove: " << removed.error().message << Qt::endl;
        return ExitFailure;
    }
    if (destination.kind == QLatin1StringView(Outbound::webhookKind)) {
        SecretStore secrets;
        const QString key = SecretStore::key(context.entity(), u"outbound/"_s + name, u"signingSecret"_s);
        (void)waitForAnswer<Result<void>>([&](auto done) { secrets.remove(key, std::move(done)); });
    }
    audit(store, context.entity(), name, u"outbound-remove"_s, u"destination removed"_s);
    context.out() << "Removed " << name << Qt::endl;
    return ExitSuccess;
}

} // namespace

OutboundDrainReport drainOutbox(CliContext &context, Store &store, int seconds, bool waitForRetries)
{
    SecretStore secrets;
    QNetworkAccessManager network;
    OutboundDispatcher dispatcher(
        store, store.clock(), [&](const OutboundDestination &destination, OutboundDispatcher::SenderCallback done) {
            createOutboundSender(destination, secrets, &network, store.clock(), std::move(done));
        });
    OutboundDrainOptions options;
    options.entity = context.entity();
    options.deadline = store.clock().now().addSecs(seconds);
    OutboundDrainReport report;
    QEventLoop loop;
    QObject::connect(&dispatcher, &OutboundDispatcher::finished, &loop, [&](const OutboundDrainReport &finished) {
        report.delivered += finished.delivered;
        report.retried += finished.retried;
        report.dead += finished.dead;
        report.deadlineReached = finished.deadlineReached;
        for (const QString &name : finished.stopped) {
            if (!report.stopped.contains(name))
                report.stopped.append(name);
        }
        for (const QString &error : finished.errors) {
            if (!report.errors.contains(error))
                report.errors.append(error);
        }
        loop.quit();
    });
    // A round ends when nothing is due. With waitForRetries the command goes on until the deadline
    // while messages of a sending destination wait for their next attempt (a receiver's outage).
    const auto waiting = [&] {
        const Result<QList<OutboxSummary>> summaries = store.outboxSummaries(context.entity());
        return summaries && std::any_of(summaries->cbegin(), summaries->cend(), [](const OutboxSummary &s) {
                   return s.pending > 0 && s.destination.enabled && s.destination.stoppedReason.isEmpty();
               });
    };
    for (;;) {
        dispatcher.drain(options);
        if (dispatcher.isDraining())
            loop.exec();
        if (!waitForRetries || report.deadlineReached || !report.errors.isEmpty() || !waiting())
            break;
        const qint64 left = store.clock().now().msecsTo(options.deadline);
        if (left <= 0) {
            report.deadlineReached = true;
            break;
        }
        QTimer::singleShot(std::min<qint64>(left, 1000), &loop, &QEventLoop::quit);
        loop.exec();
    }
    context.err() << "outbound: " << report.delivered << " delivered, " << report.retried << " to retry, "
                  << report.dead << " dead letters" << (report.deadlineReached ? " (deadline reached)" : "")
                  << Qt::endl;
    for (const QString &name : std::as_const(report.stopped))
        context.err() << "outbound: destination " << name << " stopped" << Qt::endl;
    for (const QString &error : std::as_const(report.errors))
        context.err() << "outbound: " << error << Qt::endl;
    return report;
}

int runOutboundCommand(CliContext &context, const QStringList &arguments)
{
    const QString verb = arguments.value(1);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"verb"_s, u"list|status|dry-run|drain|retry|replay|add-webhook|remove"_s);
    parser.addOption({u"json"_s, u"JSON output."_s});
    parser.addOption({u"destination"_s, u"The destination's name."_s, u"NAME"_s});
    parser.addOption({u"name"_s, u"add-webhook: the new destination's name."_s, u"NAME"_s});
    parser.addOption({u"url"_s, u"add-webhook: the receiver (https, or http on loopback)."_s, u"URL"_s});
    parser.addOption({u"events"_s, u"add-webhook: event codes, comma separated, or all."_s, u"CODES"_s});
    parser.addOption({u"secret-stdin"_s, u"add-webhook: read the signing secret from standard input."_s});
    parser.addOption({u"sequence"_s, u"retry: only this dead letter."_s, u"N"_s});
    parser.addOption({u"from"_s, u"replay: from this time (ISO 8601)."_s, u"TIME"_s});
    parser.addOption({u"to"_s, u"replay: until this time (ISO 8601)."_s, u"TIME"_s});
    parser.addOption({u"seconds"_s, u"drain: stop claiming after this long (default 120)."_s, u"S"_s, u"120"_s});
    parser.addOption({u"yes"_s, u"remove: confirm."_s});
    if (!parseCommandOptions(context, parser, arguments.mid(1)))
        return ExitUsage;
    Store *store = context.store();
    if (!store)
        return ExitFailure;
    // Events ingested in bulk wait in the outbox journal until a dispatcher finds nothing to claim;
    // the queue shown (and retried or replayed) is the whole of it.
    if (verb == u"list"_s || verb == u"status"_s || verb == u"dry-run"_s) {
        if (const Result<int> expanded = store->expandOutboxJournal(); !expanded) {
            context.err() << "quaywatch-cli outbound: " << expanded.error().message << Qt::endl;
            return ExitFailure;
        }
    }
    if (verb == u"list"_s || verb == u"status"_s)
        return listDestinations(context, *store, parser.isSet(u"json"_s));
    if (verb == u"add-webhook"_s)
        return addWebhook(context, *store, parser);
    if (verb == u"drain"_s)
        return drain(context, *store, std::max(1, parser.value(u"seconds"_s).toInt()));
    if (verb != u"dry-run"_s && verb != u"retry"_s && verb != u"replay"_s && verb != u"remove"_s) {
        context.err() << "quaywatch-cli outbound: unknown verb \"" << verb
                      << "\" (list, status, dry-run, drain, retry, replay, add-webhook, remove)" << Qt::endl;
        return ExitUsage;
    }
    if (!parser.isSet(u"destination"_s)) {
        context.err() << "quaywatch-cli outbound " << verb << ": --destination NAME is required" << Qt::endl;
        return ExitUsage;
    }
    const QString name = parser.value(u"destination"_s);
    const std::optional<OutboundDestination> destination = findDestination(context, *store, name);
    if (!destination)
        return ExitFailure;
    if (verb == u"dry-run"_s)
        return dryRun(context, *store, *destination);
    if (verb == u"retry"_s)
        return retryDead(context, *store, parser, *destination);
    if (verb == u"replay"_s)
        return replay(context, *store, parser, *destination);
    return removeDestination(context, *store, parser, *destination);
}
