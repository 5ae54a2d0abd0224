// `quaywatch-cli subscriptions` and the publishing module's verb: subscriptions at the subscribing
// provider and trace publishing at the publishing one (both from the registry), plus the webhook listener that `sync
// --listen` runs. The rules live in SubscriptionService (shared with the console's Subscriptions screen); this file
// only reads options, waits and prints.
#include "subscriptionscommand.h"

#include "clock.h"
#include "providercatalog.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "subscriptionservice.h"
#include "webhooklistener.h"
#include "webhooktoken.h"
#include "webhookworker.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

QString readStdinLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readLine()).trimmed();
}

// Sent to the provider as the user gave them (trimmed); the records keep the upper-case form the
// callbacks are matched by (SubscriptionService).
QStringList givenNumbers(const QStringList &given)
{
    QStringList numbers;
    for (const QString &number : given)
        numbers.append(number.trimmed());
    return numbers;
}

// The form the records and the watchlist keep, for commands that look numbers up.
QStringList normalizedNumbers(const QStringList &given)
{
    QStringList numbers;
    for (const QString &number : givenNumbers(given))
        numbers.append(number.toUpper());
    return numbers;
}

const ProviderCatalog *catalog(CliContext &context)
{
    static const Result<ProviderCatalog> loaded = ProviderCatalog::load();
    if (!loaded) {
        context.err() << "The provider catalog is broken: " << loaded.error().message << Qt::endl;
        return nullptr;
    }
    return &loaded.value();
}

// The service and what it needs, for one command. Time is the executable's one clock, which the
// store was opened with.
struct Services
{
    SecretStore secrets;
    QNetworkAccessManager network;
    SubscriptionService service;

    Services(Store *store, const ProviderCatalog *catalog, const QString &entity)
        : service(store, &secrets, &network, catalog, &store->clock())
    {
        service.setEntity(entity);
    }
};

std::unique_ptr<Services> openServices(CliContext &context)
{
    const ProviderCatalog *known = catalog(context);
    Store *store = context.store();
    if (!known || !store)
        return {};
    return std::make_unique<Services>(store, known, context.entity());
}

struct Outcome
{
    bool ok = false;
    QString message;
};

// Starts one operation of the service and waits for its finished signal. The signal may come
// synchronously from inside start (e.g. a refused request), so it is caught before the loop runs.
template<typename Start>
Outcome runOperation(SubscriptionService &service, Start start)
{
    std::optional<Outcome> outcome;
    QEventLoop loop;
    QObject::connect(&service, &SubscriptionService::finished, &loop,
                     [&outcome, &loop](bool ok, const QString &message) {
                         outcome.emplace(Outcome{ok, message});
                         loop.quit();
                     });
    if (!start())
        return {false, u"Another subscription operation is running"_s};
    if (!outcome)
        loop.exec();
    return *outcome;
}

int exitCodeOf(const Outcome &outcome, const SubscriptionService &service)
{
    if (outcome.ok)
        return ExitSuccess;
    return service.lastSucceeded() > 0 ? ExitPartial : ExitFailure;
}

void printOutcome(CliContext &context, const Outcome &outcome)
{
    if (outcome.message.isEmpty())
        return;
    (outcome.ok ? context.out() : context.err()) << outcome.message << Qt::endl;
}

// The service reports a failed number as a "NUMBER: reason" line of its final message.
bool failedIn(const Outcome &outcome, const QString &number)
{
    if (outcome.ok)
        return false;
    const QStringList lines = outcome.message.split(u'\n');
    const QString prefix = number + u": "_s;
    return std::ranges::any_of(lines, [&prefix](const QString &line) { return line.startsWith(prefix); });
}

// The service would point at the console's Data sources page; a CLI user needs the CLI command.
bool requireSubscribingConnection(CliContext &context, const SubscriptionService &service)
{
    const CatalogProvider *provider = service.subscribingEntry();
    if (!provider) {
        context.err() << "No provider module takes subscriptions" << Qt::endl;
        return false;
    }
    auto record = context.store()->connection(context.entity(), provider->id);
    if (record && record->has_value())
        return true;
    context.err() << "No " << provider->displayName << " connection; run 'quaywatch-cli connections connect "
                  << provider->id << " --secrets-stdin' first" << Qt::endl;
    return false;
}

// The subscribing provider's request rules, for checking options before anything is opened.
QStringList requestProblems(const SubscriptionRequest &request)
{
    return SubscriptionService::requestProblems(ProviderRegistry::builtIn().subscribing().provider, request);
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
    SubscriptionRequest request;
    request.apiVersion = parser.value(u"api"_s).toInt();
    (parser.isSet(u"booking"_s) ? request.bookingNumbers : request.containerNumbers) =
        givenNumbers(parser.positionalArguments());
    request.eventCodes = parser.value(u"events"_s).toUpper().split(u',', Qt::SkipEmptyParts);
    request.port = parser.value(u"port"_s).toUpper();
    request.category = parser.value(u"category"_s).toUpper();
    request.facility = parser.value(u"facility"_s).toUpper();
    request.callbackUri = parser.value(u"webhook"_s);
    if (parser.isSet(u"webhook-token-stdin"_s))
        request.callbackToken = readStdinLine();
    request.emails = parser.values(u"email"_s);
    request.reference = parser.value(u"reference"_s);
    // The service checks the same rules, but a bad request is a usage error here.
    if (const QStringList problems = requestProblems(request); !problems.isEmpty()) {
        for (const QString &problem : problems)
            context.err() << problem << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<Services> services = openServices(context);
    if (!services || !requireSubscribingConnection(context, services->service))
        return ExitFailure;
    SubscriptionService &service = services->service;
    const QDateTime started = service.clock().now();
    const Outcome outcome = runOperation(service, [&] { return service.subscribe(request); });
    if (service.lastSucceeded() > 0) {
        // Each number's new window, as saved; older records of other runs are not this run's result.
        const auto saved = service.subscriptions();
        for (const SubscriptionRecord &record : saved ? saved.value() : QList<SubscriptionRecord>()) {
            if (record.booking == request.byBooking() && request.numbers().contains(record.number) &&
                record.createdAt >= started)
                context.out() << record.number << " subscribed until " << record.expiresAt.toString(Qt::ISODate)
                              << Qt::endl;
        }
    }
    if (outcome.ok)
        context.out() << "Sent " << service.lastRequestsSent() << " requests" << Qt::endl;
    else
        printOutcome(context, outcome);
    return exitCodeOf(outcome, service);
}

int listSubscriptions(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"JSON output."_s});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    auto all = services->service.subscriptions();
    if (!all) {
        context.err() << all.error().message << Qt::endl;
        return ExitFailure;
    }
    const QDateTime now = services->service.clock().now();
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
    const QStringList numbers = normalizedNumbers(parser.positionalArguments());
    if (numbers.isEmpty()) {
        context.err() << "subscriptions remove: name at least one number" << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<Services> services = openServices(context);
    if (!services || !requireSubscribingConnection(context, services->service))
        return ExitFailure;
    SubscriptionService &service = services->service;
    const Outcome outcome = runOperation(service, [&] { return service.remove(numbers); });
    if (outcome.ok || service.lastSucceeded() > 0) {
        for (const QString &number : numbers) {
            if (!failedIn(outcome, number))
                context.out() << number << " removed" << Qt::endl;
        }
    }
    printOutcome(context, outcome);
    return exitCodeOf(outcome, service);
}

// The local list brought in line with the provider's own (GET subscriptions); nothing is changed at
// the provider, so no confirmation is asked.
int reconcileSubscriptions(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "subscriptions reconcile: takes no numbers (it compares the whole list)" << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<Services> services = openServices(context);
    if (!services || !requireSubscribingConnection(context, services->service))
        return ExitFailure;
    SubscriptionService &service = services->service;
    const Outcome outcome = runOperation(service, [&] { return service.reconcile(); });
    printOutcome(context, outcome);
    return outcome.ok ? ExitSuccess : ExitFailure;
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
    if (action == "reconcile"_L1)
        return reconcileSubscriptions(context, rest);
    context.err() << "Usage: subscriptions create|list|remove|reconcile ..." << Qt::endl;
    return ExitUsage;
}

namespace {

// The publisher's keychain credentials: a plain one from its option, a secret one from standard input.
bool savePublishingCredentials(CliContext &context, SubscriptionService &service, const QCommandLineParser &parser)
{
    const PublicationProvider *publishing = ProviderRegistry::builtIn().publishing();
    for (const PublicationCredentialField &field :
         publishing ? publishing->credentialFields() : QList<PublicationCredentialField>()) {
        const QString option = field.secret ? field.option + u"-stdin"_s : field.option;
        if (!parser.isSet(option))
            continue;
        const QString value = field.secret ? readStdinLine() : parser.value(option);
        if (value.isEmpty()) {
            context.err() << field.option << " is empty" << Qt::endl;
            return false;
        }
        QEventLoop loop;
        Result<void> saved = makeError(ErrorKind::Timeout, u"The keychain did not answer"_s);
        service.savePublishingSecret(field.field, value, [&](const Result<void> &result) {
            saved = result;
            loop.quit();
        });
        loop.exec();
        if (!saved) {
            context.err() << "Cannot store " << field.option << " in the keychain: " << saved.error().message
                          << Qt::endl;
            return false;
        }
    }
    return true;
}

void addCredentialOptions(QCommandLineParser &parser)
{
    const PublicationProvider *publishing = ProviderRegistry::builtIn().publishing();
    for (const PublicationCredentialField &field :
         publishing ? publishing->credentialFields() : QList<PublicationCredentialField>()) {
        if (field.secret)
            parser.addOption({field.option + u"-stdin"_s, field.description});
        else
            parser.addOption({field.option, field.description, u"VALUE"_s});
    }
}

int publishingSettings(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({{u"org-id"_s, u"orgId (UUID)."_s, u"ID"_s},
                       {u"svc-id"_s, u"svcId (UUID)."_s, u"ID"_s},
                       {u"origin"_s, u"origin."_s, u"TEXT"_s},
                       {u"endpoint"_s, u"Events endpoint override."_s, u"URL"_s}});
    addCredentialOptions(parser);
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    SubscriptionService &service = services->service;
    auto settings = service.traceSettings();
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
    if (auto saved = service.saveTraceSettings(updated); !saved) {
        context.err() << saved.error().message << Qt::endl;
        return saved.error().kind == ErrorKind::InvalidInput ? ExitUsage : ExitFailure;
    }
    if (!savePublishingCredentials(context, service, parser))
        return ExitFailure;
    context.out() << "orgId " << updated.orgId << "\nsvcId " << updated.svcId << "\norigin " << updated.origin
                  << Qt::endl;
    return ExitSuccess;
}

// Tells the publisher where results go; the secrets it creates go straight to the keychain.
int registerWebhook(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"url"_s, u"Where the results are to be sent (https)."_s);
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "Give exactly one URL" << Qt::endl;
        return ExitUsage;
    }
    const QUrl url(parser.positionalArguments().constFirst(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        context.err() << "Not a URL: " << parser.positionalArguments().constFirst() << Qt::endl;
        return ExitUsage;
    }
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    const Outcome outcome = runOperation(services->service, [&] { return services->service.registerCallbacks(url); });
    printOutcome(context, outcome);
    return outcome.ok ? ExitSuccess : ExitFailure;
}

QString publisherName()
{
    const PublicationProvider *publishing = ProviderRegistry::builtIn().publishing();
    return publishing ? publishing->displayName() : QString();
}

// Numbers the service will skip: published already, and no --trace-now.
QStringList alreadyPublished(SubscriptionService &service, const QStringList &numbers)
{
    QStringList published;
    const auto publications = service.publications();
    for (const TracePublication &publication : publications ? publications.value() : QList<TracePublication>()) {
        if (publication.state == "requested"_L1 && numbers.contains(publication.number))
            published.append(publication.number);
    }
    return published;
}

// publish: only containers not yet published, unless --trace-now forces a trace; cancel: withdraw.
int publishContainers(CliContext &context, const QStringList &arguments, PublicationAction action)
{
    QCommandLineParser parser;
    parser.addOptions({{u"provider"_s, u"Catalog provider id."_s, u"ID"_s},
                       {u"data"_s, u"Provider data field."_s, u"KEY=VALUE"_s},
                       {u"no-normalize"_s, u"Skip %1's container validation."_s.arg(publisherName())},
                       {u"trace-now"_s, u"Publish again even if already published (forces a trace)."_s}});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    SubscriptionService &service = services->service;
    QJsonObject data;
    for (const QString &pair : parser.values(u"data"_s))
        data.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    const QStringList numbers = normalizedNumbers(parser.positionalArguments());
    const bool requested = action == PublicationAction::Requested;
    const bool traceNow = parser.isSet(u"trace-now"_s);
    const QStringList skipped = requested && !traceNow ? alreadyPublished(service, numbers) : QStringList();
    const Outcome outcome = runOperation(service, [&] {
        return requested ? service.publish(numbers, parser.value(u"provider"_s), data, !parser.isSet(u"no-normalize"_s),
                                           traceNow)
                         : service.cancelTracing(numbers);
    });
    // Without any success the failure may be one for the whole run (e.g. no settings): no per-number lines.
    const bool someSent = outcome.ok || service.lastSucceeded() > 0;
    for (const QString &number : numbers) {
        if (skipped.contains(number))
            context.out() << number << " is already published; use --trace-now to force a trace" << Qt::endl;
        else if (someSent && !failedIn(outcome, number))
            context.out() << number << (requested ? " published" : " cancelled") << Qt::endl;
    }
    printOutcome(context, outcome);
    return exitCodeOf(outcome, service);
}

} // namespace

int runPublishingCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(1);
    if (!action.isEmpty() && !context.store())
        return ExitFailure;
    const QStringList rest = arguments.mid(1);
    if (action == "settings"_L1)
        return publishingSettings(context, rest);
    if (action == "publish"_L1)
        return publishContainers(context, rest, PublicationAction::Requested);
    if (action == "cancel"_L1)
        return publishContainers(context, rest, PublicationAction::Cancelled);
    if (action == "register-webhook"_L1)
        return registerWebhook(context, rest);
    context.err() << "Usage: " << arguments.value(0) << " settings|publish|cancel|register-webhook ..." << Qt::endl;
    return ExitUsage;
}

std::unique_ptr<WebhookListener> startWebhookListener(CliContext &context, const QString &listenSpec,
                                                      bool tokenFromStdin)
{
    Result<WebhookListenerConfig> config = WebhookListenerConfig::fromListenSpec(listenSpec);
    if (!config) {
        context.err() << "quaywatch-cli sync: " << config.error().message << Qt::endl;
        return nullptr;
    }
    // Every module's own callback secrets (e.g. a signing key) come from the keychain; absent is empty.
    QHash<QString, QHash<QString, QString>> moduleValues;
    bool anyModuleSecret = false;
    SecretStore moduleSecrets;
    for (const ModuleWebhook &webhook : ProviderRegistry::builtIn().webhooks()) {
        QHash<QString, QString> &values = moduleValues[webhook.module->id()];
        for (const QString &field : webhook.module->webhookSecretFields()) {
            const auto value = waitForAnswer<Result<QString>>([&](auto done) {
                moduleSecrets.read(SecretStore::key(context.entity(), webhook.module->id(), field), done);
            });
            values.insert(field, value ? value.value() : QString());
            anyModuleSecret = anyModuleSecret || (value && !value.value().isEmpty());
        }
    }
    if (tokenFromStdin) {
        config->token = readStdinLine().toUtf8();
    } else {
        SecretStore secrets;
        const QString key = SubscriptionService::webhookTokenKey(context.entity());
        const auto stored = waitForAnswer<Result<QString>>([&](auto done) { secrets.read(key, done); });
        if (stored) {
            config->token = stored.value().toUtf8();
        } else if (stored.error().kind == ErrorKind::NotFound && anyModuleSecret) {
            // Only signed callbacks are expected (a signing key, no token subscription): a
            // token nobody was given, so the token endpoints refuse every caller.
            config->token = WebhookToken::generate();
        } else {
            context.err() << "quaywatch-cli sync: no webhook token: give one with --webhook-token-stdin, or "
                             "subscribe with a webhook first ("
                          << stored.error().message << ")" << Qt::endl;
            return nullptr;
        }
    }
    // The handlers store on a thread of their own: a locked database holds up callbacks, not polling.
    Result<std::unique_ptr<WebhookWorker>> worker = WebhookWorker::start(*context.store());
    if (!worker) {
        context.err() << "quaywatch-cli sync: " << worker.error().message << Qt::endl;
        return nullptr;
    }
    Store &handlerStore = worker.value()->store();
    auto listener = std::make_unique<WebhookListener>(config.value(), context.clock());
    listener->setWorker(std::move(worker).value());
    for (const ModuleWebhook &webhook : ProviderRegistry::builtIn().webhooks())
        webhook.module->addWebhookEndpoint(*listener, webhook.path, handlerStore, context.entity(),
                                           moduleValues.value(webhook.module->id()));
    Result<quint16> port = listener->listen();
    if (!port) {
        context.err() << "quaywatch-cli sync: " << port.error().message << Qt::endl;
        return nullptr;
    }
    context.err() << "Listening for webhooks on " << listener->address() << ':' << port.value() << Qt::endl;
    if (!listener->securityWarning().isEmpty())
        context.err() << listener->securityWarning() << Qt::endl;
    return listener;
}
