// `quaywatch-cli subscriptions` and `envase`: PortConnect subscriptions and Envase trace publishing,
// plus the webhook listener that `sync --listen` runs.
#include "subscriptionscommand.h"

#include "envasetracepublisher.h"
#include "envasewebhook.h"
#include "portconnectclient.h"
#include "portconnectwebhook.h"
#include "providercatalog.h"
#include "secretstore.h"
#include "subscriptionstore.h"
#include "webhooklistener.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString portConnectId = u"portconnect"_s;

QString readStdinLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readLine()).trimmed();
}

// The PortConnect client for the entity's connection: base URL override and key from the keychain.
std::unique_ptr<PortConnectClient> makeClient(CliContext &context, QNetworkAccessManager &network)
{
    auto record = context.store()->connection(context.entity(), portConnectId);
    if (!record || !record->has_value()) {
        context.err() << "No PortConnect connection; run 'quaywatch-cli connections connect portconnect "
                         "--secrets-stdin' first"
                      << Qt::endl;
        return nullptr;
    }
    SecretStore secrets;
    auto key = waitForAnswer<Result<QString>>([&](auto done) {
        secrets.read(SecretStore::key(context.entity(), portConnectId, u"subscriptionKey"_s), done);
    });
    if (!key) {
        context.err() << "Cannot read the PortConnect subscription key from the keychain: " << key.error().message
                      << Qt::endl;
        return nullptr;
    }
    const QString base = record->value().baseUrl.isEmpty() ? u"https://api.portconnect.io"_s : record->value().baseUrl;
    return std::make_unique<PortConnectClient>(&network, QUrl(base), key.value().toUtf8());
}

int createSubscriptions(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({{u"api"_s, u"1 or 2"_s, u"VERSION"_s, u"2"_s},
                       {u"booking"_s, u"The numbers are booking numbers."_s},
                       {u"events"_s, u"Event type codes, comma separated, or ALL."_s, u"CODES"_s, u"ALL"_s},
                       {u"port"_s, u"Port code."_s, u"PORT"_s},
                       {u"category"_s, u"Category code."_s, u"CATEGORY"_s},
                       {u"facility"_s, u"Facility code."_s, u"FACILITY"_s},
                       {u"webhook"_s, u"Callback URI."_s, u"URI"_s},
                       {u"webhook-token-stdin"_s, u"Read the callback token from stdin."_s},
                       {u"email"_s, u"Callback e-mail address."_s, u"ADDRESS"_s},
                       {u"reference"_s, u"User defined reference (at most 50)."_s, u"TEXT"_s}});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    PortConnectSubscriptionRequest request;
    request.apiVersion = parser.value(u"api"_s).toInt();
    QStringList numbers;
    for (const QString &number : parser.positionalArguments())
        numbers.append(number.trimmed().toUpper());
    (parser.isSet(u"booking"_s) ? request.bookingNumbers : request.containerNumbers) = numbers;
    request.eventCodes = parser.value(u"events"_s).toUpper().split(u',', Qt::SkipEmptyParts);
    request.port = parser.value(u"port"_s).toUpper();
    request.category = parser.value(u"category"_s).toUpper();
    request.facility = parser.value(u"facility"_s).toUpper();
    request.callbackUri = parser.value(u"webhook"_s);
    if (parser.isSet(u"webhook-token-stdin"_s))
        request.callbackToken = readStdinLine();
    request.emails = parser.values(u"email"_s);
    request.reference = parser.value(u"reference"_s);
    if (const QStringList problems = request.validate(); !problems.isEmpty()) {
        for (const QString &problem : problems)
            context.err() << problem << Qt::endl;
        return ExitUsage;
    }
    QNetworkAccessManager network;
    auto client = makeClient(context, network);
    if (!client)
        return ExitFailure;
    auto created =
        waitForAnswer<Result<QList<PortConnectSubscribed>>>([&](auto done) { client->subscribe(request, done); });
    if (!created) {
        context.err() << "PortConnect refused the subscription: " << created.error().message << Qt::endl;
        return ExitFailure;
    }
    SubscriptionStore subscriptions(*context.store());
    for (const PortConnectSubscribed &entry : std::as_const(created.value())) {
        SubscriptionRecord record{context.entity(),     portConnectId,
                                  entry.number,         request.byBooking(),
                                  request.apiVersion,   request.eventCodes,
                                  request.port,         request.category,
                                  request.facility,     request.callbackUri,
                                  request.emails,       request.reference,
                                  entry.subscriptionId, QDateTime::currentDateTimeUtc(),
                                  entry.expiresAt,      u"active"_s};
        if (auto saved = subscriptions.saveSubscription(record); !saved)
            context.err() << saved.error().message << Qt::endl;
        context.out() << entry.number << " subscribed until " << entry.expiresAt.toString(Qt::ISODate) << Qt::endl;
    }
    context.out() << "Sent " << client->requestsSent() << " requests" << Qt::endl;
    return ExitSuccess;
}

int listSubscriptions(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"JSON output."_s});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    SubscriptionStore subscriptions(*context.store());
    auto all = subscriptions.subscriptions(context.entity(), portConnectId);
    if (!all) {
        context.err() << all.error().message << Qt::endl;
        return ExitFailure;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray list;
    for (const SubscriptionRecord &record : std::as_const(all.value())) {
        const QString state = record.state == "active"_L1 && record.isExpired(now) ? u"expired"_s : record.state;
        if (parser.isSet(u"json"_s)) {
            list.append(QJsonObject{{u"number"_s, record.number},
                                    {u"booking"_s, record.booking},
                                    {u"api_version"_s, record.apiVersion},
                                    {u"event_codes"_s, QJsonArray::fromStringList(record.eventCodes)},
                                    {u"port"_s, record.port},
                                    {u"category"_s, record.category},
                                    {u"reference"_s, record.reference},
                                    {u"expires_at"_s, record.expiresAt.toString(Qt::ISODate)},
                                    {u"state"_s, state}});
        } else {
            context.out() << record.number << '\t' << record.eventCodes.join(u',') << '\t' << record.port << '\t'
                          << record.category << '\t' << state << " until " << record.expiresAt.toString(Qt::ISODate)
                          << '\t' << record.reference << Qt::endl;
        }
    }
    if (parser.isSet(u"json"_s))
        context.out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
    return ExitSuccess;
}

int removeSubscriptions(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    const QStringList numbers = parser.positionalArguments();
    if (numbers.isEmpty()) {
        context.err() << "subscriptions remove: name at least one number" << Qt::endl;
        return ExitUsage;
    }
    QNetworkAccessManager network;
    auto client = makeClient(context, network);
    if (!client)
        return ExitFailure;
    SubscriptionStore subscriptions(*context.store());
    int failed = 0;
    for (const QString &given : numbers) {
        const QString number = given.trimmed().toUpper();
        auto record = subscriptions.subscription(context.entity(), portConnectId, number);
        const int version = record && record->has_value() ? record->value().apiVersion : 2;
        const QString id = record && record->has_value() ? record->value().remoteId : QString();
        auto removed = waitForAnswer<Result<void>>([&](auto done) { client->remove(version, id, number, done); });
        if (!removed) {
            context.err() << number << ": " << removed.error().message << Qt::endl;
            ++failed;
            continue;
        }
        (void)subscriptions.markRemoved(context.entity(), portConnectId, {number});
        context.out() << number << " removed" << Qt::endl;
    }
    return failed == 0 ? ExitSuccess : (failed == numbers.size() ? ExitFailure : ExitPartial);
}

} // namespace

int runSubscriptionsCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (!context.store() && !action.isEmpty())
        return ExitFailure;
    const QStringList rest = arguments.mid(1);
    if (action == "create"_L1)
        return createSubscriptions(context, rest);
    if (action == "list"_L1)
        return listSubscriptions(context, rest);
    if (action == "remove"_L1)
        return removeSubscriptions(context, rest);
    context.err() << "Usage: subscriptions create|list|remove ..." << Qt::endl;
    return ExitUsage;
}

namespace {

int envaseSettings(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({{u"org-id"_s, u"orgId (UUID)."_s, u"ID"_s},
                       {u"svc-id"_s, u"svcId (UUID)."_s, u"ID"_s},
                       {u"origin"_s, u"origin."_s, u"TEXT"_s},
                       {u"endpoint"_s, u"Events endpoint override."_s, u"URL"_s}});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    SubscriptionStore store(*context.store());
    auto settings = store.traceSettings(context.entity());
    if (!settings) {
        context.err() << settings.error().message << Qt::endl;
        return ExitFailure;
    }
    TracePublishSettings updated = settings.value();
    if (parser.isSet(u"org-id"_s))
        updated.orgId = parser.value(u"org-id"_s);
    if (parser.isSet(u"svc-id"_s))
        updated.svcId = parser.value(u"svc-id"_s);
    if (parser.isSet(u"origin"_s))
        updated.origin = parser.value(u"origin"_s);
    if (parser.isSet(u"endpoint"_s))
        updated.endpoint = parser.value(u"endpoint"_s);
    if (const QStringList problems = EnvaseTracePublisher::validateSettings(updated); !problems.isEmpty()) {
        for (const QString &problem : problems)
            context.err() << problem << Qt::endl;
        return ExitUsage;
    }
    if (auto saved = store.saveTraceSettings(context.entity(), updated); !saved) {
        context.err() << saved.error().message << Qt::endl;
        return ExitFailure;
    }
    context.out() << "orgId " << updated.orgId << "\nsvcId " << updated.svcId << "\norigin " << updated.origin
                  << Qt::endl;
    return ExitSuccess;
}

// publish: only containers not yet published, unless --trace-now forces a trace; cancel: withdraw.
int envasePublish(CliContext &context, const QStringList &arguments, EnvaseTracePublisher::Action action)
{
    QCommandLineParser parser;
    parser.addOptions({{u"provider"_s, u"Catalog provider id."_s, u"ID"_s},
                       {u"data"_s, u"Provider data field."_s, u"KEY=VALUE"_s},
                       {u"no-normalize"_s, u"Skip Envase's container validation."_s},
                       {u"trace-now"_s, u"Publish again even if already published (forces a trace)."_s}});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    Result<ProviderCatalog> catalog = ProviderCatalog::load();
    SubscriptionStore store(*context.store());
    auto settings = store.traceSettings(context.entity());
    if (!catalog || !settings) {
        context.err() << (catalog ? settings.error().message : catalog.error().message) << Qt::endl;
        return ExitFailure;
    }
    QJsonObject data;
    for (const QString &pair : parser.values(u"data"_s))
        data.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QNetworkAccessManager network;
    EnvaseTracePublisher publisher(&network, catalog.value(), settings.value());
    int failed = 0;
    const QStringList numbers = parser.positionalArguments();
    for (const QString &given : numbers) {
        const QString number = given.trimmed().toUpper();
        auto previous = store.publication(context.entity(), number);
        const bool published = previous && previous->has_value() && previous->value().state == "requested"_L1;
        if (action == EnvaseTracePublisher::Action::Requested && published && !parser.isSet(u"trace-now"_s)) {
            context.out() << number << " is already published; use --trace-now to force a trace" << Qt::endl;
            continue;
        }
        QString provider = parser.value(u"provider"_s);
        if (provider.isEmpty() && previous && previous->has_value())
            provider = previous->value().provider;
        EnvaseTraceTarget target{number, provider, data, !parser.isSet(u"no-normalize"_s)};
        auto sent = waitForAnswer<Result<void>>([&](auto done) { publisher.publish(target, action, done); });
        if (!sent) {
            context.err() << number << ": " << sent.error().message << Qt::endl;
            ++failed;
            continue;
        }
        const bool requested = action == EnvaseTracePublisher::Action::Requested;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        (void)store.savePublication(context.entity(), TracePublication{number, provider, requested ? now : QDateTime(),
                                                                       requested ? QDateTime() : now,
                                                                       requested ? u"requested"_s : u"cancelled"_s});
        context.out() << number << (requested ? " published" : " cancelled") << Qt::endl;
    }
    return failed == 0 ? ExitSuccess : (failed == numbers.size() ? ExitFailure : ExitPartial);
}

} // namespace

int runEnvaseCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (!action.isEmpty() && !context.store())
        return ExitFailure;
    const QStringList rest = arguments.mid(1);
    if (action == "settings"_L1)
        return envaseSettings(context, rest);
    if (action == "publish"_L1)
        return envasePublish(context, rest, EnvaseTracePublisher::Action::Requested);
    if (action == "cancel"_L1)
        return envasePublish(context, rest, EnvaseTracePublisher::Action::Cancelled);
    context.err() << "Usage: envase settings|publish|cancel ..." << Qt::endl;
    return ExitUsage;
}

std::unique_ptr<WebhookListener> startWebhookListener(CliContext &context, const QString &listenSpec)
{
    Result<WebhookListenerConfig> config = WebhookListenerConfig::fromListenSpec(listenSpec);
    if (!config) {
        context.err() << "quaywatch-cli sync: " << config.error().message << Qt::endl;
        return nullptr;
    }
    config->token = readStdinLine().toUtf8();
    auto listener = std::make_unique<WebhookListener>(config.value());
    listener->addEndpoint(QString::fromLatin1(PortConnectWebhook::path),
                          PortConnectWebhook::handler(*context.store(), context.entity()));
    listener->addEndpoint(QString::fromLatin1(EnvaseWebhook::path),
                          EnvaseWebhook::handler(*context.store(), context.entity()));
    Result<quint16> port = listener->listen();
    if (!port) {
        context.err() << "quaywatch-cli sync: " << port.error().message << Qt::endl;
        return nullptr;
    }
    context.err() << "Listening for webhooks on " << listener->address() << ':' << port.value() << Qt::endl;
    return listener;
}
