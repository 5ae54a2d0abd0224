// quaywatch-cli connections: connect, verify, disconnect and list the data-source connections of
// one entity, for every provider of the catalog. The rules live in ConnectionService (shared with
// the Data sources screen); this file only reads options and prints. Secrets go to the OS keychain
// only (never argv, never the database, never output): they arrive on stdin with --secrets-stdin.
#include "auditentry.h"
#include "clicontext.h"
#include "connectionrecord.h"
#include "connectionservice.h"
#include "httppolicy.h"
#include "providercatalog.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "servicecredentials.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStringBuilder>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Runs start(done) and a local event loop until done has been called.
QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

const ProviderCatalog *catalog(CliContext &context)
{
    static const Result<ProviderCatalog> loaded = ProviderCatalog::load();
    if (!loaded) {
        context.err() << "quaywatch-cli connections: the provider catalog is broken: " << loaded.error().message
                      << Qt::endl;
        return nullptr;
    }
    return &loaded.value();
}

// The provider of a command, or nullptr after saying why not (exit 1).
const CatalogProvider *requireProvider(CliContext &context, const QString &id)
{
    const ProviderCatalog *known = catalog(context);
    if (!known)
        return nullptr;
    const CatalogProvider *provider = known->provider(id);
    if (!provider)
        context.err() << "quaywatch-cli connections: unknown provider " << id << " (not in the provider catalog)"
                      << Qt::endl;
    return provider;
}

// The service and what it needs, for one command.
struct Services
{
    SecretStore secrets;
    QNetworkAccessManager network;
    std::unique_ptr<ConnectionService> service;

    Services(Store *store, const ProviderCatalog *catalog)
        : service(std::make_unique<ConnectionService>(store, catalog, &secrets, &network))
    {}
};

std::unique_ptr<Services> openServices(CliContext &context)
{
    const ProviderCatalog *known = catalog(context);
    Store *store = context.store();
    if (!known || !store)
        return {};
    return std::make_unique<Services>(store, known);
}

// ---- verify ---------------------------------------------------------------------------------

int reportVerification(CliContext &context, const ConnectionService &service, const VerificationOutcome &outcome)
{
    if (!outcome.ok) {
        context.out() << outcome.provider << ": error" << Qt::endl;
        context.err() << "quaywatch-cli connections: " << outcome.provider
                      << " verification failed: " << outcome.message << Qt::endl;
        if (!outcome.advice.isEmpty())
            context.err() << outcome.advice << Qt::endl;
        return ExitFailure;
    }
    const auto record = service.connection(outcome.entity, outcome.provider);
    const QString identifier = record && record->has_value() ? record->value().identifier() : QString();
    context.out() << outcome.provider << ": connected";
    if (!identifier.isEmpty())
        context.out() << " as " << identifier;
    if (!outcome.message.isEmpty())
        context.out() << " (" << outcome.message << ")";
    context.out() << Qt::endl;
    return ExitSuccess;
}

int verifyConnection(CliContext &context, ConnectionService &service, const QString &provider)
{
    const auto outcome = waitForAnswer<VerificationOutcome>([&](std::function<void(VerificationOutcome)> done) {
        service.verify(context.entity(), provider, std::move(done));
    });
    return reportVerification(context, service, outcome);
}

int runVerify(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "usage: quaywatch-cli connections verify PROVIDER" << Qt::endl;
        return ExitUsage;
    }
    const CatalogProvider *provider = requireProvider(context, parser.positionalArguments().constFirst());
    if (!provider)
        return ExitFailure;
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    return verifyConnection(context, *services->service, provider->id);
}

// ---- connect --------------------------------------------------------------------------------

// NAME=VALUE; the value is kept as given (the service trims it and says so). It is never echoed:
// it may be a secret.
std::optional<std::pair<QString, QString>> splitAssignment(CliContext &context, const QString &text,
                                                           const QString &origin)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals <= 0) {
        context.err() << "quaywatch-cli connections: " << origin << " expects NAME=VALUE" << Qt::endl;
        return std::nullopt;
    }
    return std::pair{text.left(equals).trimmed(), text.mid(equals + 1)};
}

bool parseFieldOptions(CliContext &context, const CatalogProvider &provider, const QStringList &assignments,
                       ConnectionDraft &draft)
{
    for (const QString &assignment : assignments) {
        const auto parsed = splitAssignment(context, assignment, u"--field"_s);
        if (!parsed)
            return false;
        const CatalogCredentialField *field = provider.credentialField(parsed->first);
        if (!field) {
            context.err() << "quaywatch-cli connections: " << provider.id << " has no field " << parsed->first
                          << Qt::endl;
            return false;
        }
        if (field->secret) {
            context.err() << "quaywatch-cli connections: " << field->name
                          << " is a secret and is refused on the command line (other users can read it there). "
                             "Pass it as a "
                          << field->name << "=VALUE line on standard input with --secrets-stdin." << Qt::endl;
            return false;
        }
        draft.fields.insert(parsed->first, parsed->second);
    }
    return true;
}

bool readSecretsFromStdin(CliContext &context, const CatalogProvider &provider, ConnectionDraft &draft)
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly)) {
        context.err() << "quaywatch-cli connections: cannot read standard input" << Qt::endl;
        return false;
    }
    QByteArray bytes = input.readAll();
    QString text = QString::fromUtf8(bytes);
    bytes.fill('\0');
    const QStringList lines = text.split(u'\n');
    text.fill(u'\0');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const auto parsed = splitAssignment(context, line, u"a --secrets-stdin line"_s);
        if (!parsed)
            return false;
        const CatalogCredentialField *field = provider.credentialField(parsed->first);
        if (!field || !field->secret) {
            context.err() << "quaywatch-cli connections: " << parsed->first << " is not a secret field of "
                          << provider.id << "; pass non-secret fields with --field" << Qt::endl;
            return false;
        }
        draft.secrets.insert(field->name, parsed->second);
    }
    return true;
}

bool parseLocation(CliContext &context, const QCommandLineParser &parser, ConnectionDraft &draft)
{
    if (parser.isSet(u"environment"_s)) {
        const QString environment = parser.value(u"environment"_s).trimmed();
        if (environment != "production"_L1 && environment != "uat"_L1) {
            context.err() << "quaywatch-cli connections: --environment must be production or uat" << Qt::endl;
            return false;
        }
        draft.environment = environment;
    }
    if (parser.isSet(u"base-url"_s)) {
        const QString text = parser.value(u"base-url"_s).trimmed();
        const QUrl url(text, QUrl::StrictMode);
        if (!text.isEmpty()) {
            const Result<void> secure = url.isValid() && !url.host().isEmpty()
                                            ? HttpPolicy::checkTransportSecurity(url)
                                            : Result<void>(makeError(ErrorKind::InvalidInput, u"not a URL"_s));
            if (!secure) {
                context.err() << "quaywatch-cli connections: --base-url " << text << ": " << secure.error().message
                              << Qt::endl;
                return false;
            }
        }
        draft.baseUrl = text;
    }
    return true;
}

std::optional<ConnectionDraft> parseDraft(CliContext &context, const CatalogProvider &provider,
                                          const QCommandLineParser &parser)
{
    ConnectionDraft draft;
    draft.provider = provider.id;
    if (!parseFieldOptions(context, provider, parser.values(u"field"_s), draft) ||
        !parseLocation(context, parser, draft))
        return std::nullopt;
    if (parser.isSet(u"secrets-stdin"_s) && !readSecretsFromStdin(context, provider, draft))
        return std::nullopt;
    return draft;
}

QString missingHint(const CatalogProvider &provider, const QString &message)
{
    if (!message.startsWith(u"missing required fields: "_s))
        return {};
    QStringList hints;
    for (const CatalogCredentialField &field : provider.credentialFields) {
        if (!field.required || !message.contains(field.secret ? field.name : ConnectionService::fieldKey(field)))
            continue;
        const QString key = ConnectionService::fieldKey(field);
        hints.append(field.secret ? QString(field.name % u": a line on standard input with --secrets-stdin"_s)
                                  : QString(key % u": --field "_s % key % u"=VALUE"_s));
    }
    return hints.join(u"; "_s);
}

int runConnect(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({u"field"_s, u"Non-secret credential field."_s, u"NAME=VALUE"_s});
    parser.addOption({u"secrets-stdin"_s, u"Read NAME=VALUE lines for secret fields from stdin."_s});
    parser.addOption({u"environment"_s, u"production or uat."_s, u"ENVIRONMENT"_s});
    parser.addOption({u"base-url"_s, u"Override of the provider's URL."_s, u"URL"_s});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "usage: quaywatch-cli connections connect PROVIDER [--field NAME=VALUE]... "
                         "[--secrets-stdin] [--environment production|uat] [--base-url URL]"
                      << Qt::endl;
        return ExitUsage;
    }
    const CatalogProvider *provider = requireProvider(context, parser.positionalArguments().constFirst());
    if (!provider)
        return ExitFailure;
    const std::optional<ConnectionDraft> draft = parseDraft(context, *provider, parser);
    if (!draft)
        return ExitUsage;
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    ConnectionService &service = *services->service;
    const Result<PreparedConnection> prepared = service.prepare(context.entity(), *draft);
    if (!prepared) {
        context.err() << "quaywatch-cli connections: " << prepared.error().message << Qt::endl;
        if (const QString hint = missingHint(*provider, prepared.error().message); !hint.isEmpty())
            context.err() << "  (" << hint << ")" << Qt::endl;
        return prepared.error().kind == ErrorKind::InvalidInput ? ExitUsage : ExitFailure;
    }
    for (const QString &name : prepared->trimmedFields)
        context.err() << "warning: whitespace was trimmed from the value of " << name << Qt::endl;
    const auto saved = waitForAnswer<Result<ConnectionRecord>>([&](std::function<void(Result<ConnectionRecord>)> done) {
        service.save(prepared.value(), std::move(done), false);
    });
    if (!saved) {
        context.err() << "quaywatch-cli connections: "
                      << (saved.error().kind == ErrorKind::KeychainUnavailable ? "the secret was not saved: " : "")
                      << saved.error().message << Qt::endl;
        return ExitFailure;
    }
    context.out() << provider->id << ": " << (prepared->update ? "updated" : "saved") << ", verifying..." << Qt::endl;
    return verifyConnection(context, service, provider->id);
}

// ---- disconnect -----------------------------------------------------------------------------

int runDisconnect(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "usage: quaywatch-cli connections disconnect PROVIDER" << Qt::endl;
        return ExitUsage;
    }
    const CatalogProvider *provider = requireProvider(context, parser.positionalArguments().constFirst());
    if (!provider)
        return ExitFailure;
    const std::unique_ptr<Services> services = openServices(context);
    if (!services)
        return ExitFailure;
    const auto removed = waitForAnswer<Result<void>>([&](std::function<void(Result<void>)> done) {
        services->service->disconnect(context.entity(), provider->id, std::move(done));
    });
    if (!removed) {
        context.err() << "quaywatch-cli connections: " << removed.error().message << Qt::endl;
        return ExitFailure;
    }
    context.out() << provider->id << ": disconnected (container history kept)" << Qt::endl;
    return ExitSuccess;
}

// ---- list -----------------------------------------------------------------------------------

QJsonValue jsonText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject connectionJson(const ConnectionRecord &record)
{
    QJsonObject secrets;
    for (const QString &name : record.savedSecretFields)
        secrets.insert(name, u"saved"_s);
    return {
        {u"provider"_s, record.provider},
        {u"identifier"_s, jsonText(record.identifier())},
        {u"status"_s, record.status},
        {u"environment"_s, jsonText(record.environment)},
        {u"base_url"_s, jsonText(record.baseUrl)},
        {u"fields"_s, record.fields},
        {u"secrets"_s, secrets},
        {u"last_error"_s, jsonText(record.lastError)},
        {u"connected_at"_s, jsonText(isoUtc(record.connectedAt))},
        {u"last_verified_at"_s, jsonText(isoUtc(record.lastVerifiedAt))},
        {u"last_sync_at"_s, jsonText(isoUtc(record.lastSyncAt))},
        {u"wait_until"_s, jsonText(isoUtc(record.waitUntil))},
    };
}

QStringList connectionRow(const ConnectionRecord &record)
{
    QStringList secrets;
    for (const QString &name : record.savedSecretFields)
        secrets.append(name % u": saved"_s);
    const auto orDash = [](const QString &text) { return text.isEmpty() ? u"-"_s : text; };
    const ProviderModule *module = ProviderRegistry::builtIn().module(record.provider);
    const QUrl defaultUrl = module && record.baseUrl.isEmpty() ? module->defaultBaseUrl(record) : QUrl();
    const QString baseUrl = defaultUrl.isEmpty() ? record.baseUrl : defaultUrl.toString() % u" (default)"_s;
    return {record.provider,
            orDash(record.identifier()),
            record.status,
            orDash(record.environment),
            orDash(baseUrl),
            orDash(secrets.join(u", "_s)),
            orDash(record.lastError),
            isoUtc(record.lastVerifiedAt).isEmpty() ? u"never"_s : isoUtc(record.lastVerifiedAt),
            isoUtc(record.lastSyncAt).isEmpty() ? u"never"_s : isoUtc(record.lastSyncAt)};
}

int runList(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"JSON output."_s});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "usage: quaywatch-cli connections list [--json]" << Qt::endl;
        return ExitUsage;
    }
    if (!context.store())
        return ExitFailure;
    const auto connections = context.store()->connections(context.entity());
    if (!connections) {
        context.err() << "quaywatch-cli connections: " << connections.error().message << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const ConnectionRecord &record : connections.value())
            array.append(connectionJson(record));
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        context.out().flush();
        return ExitSuccess;
    }
    if (connections->isEmpty()) {
        context.out() << "No connections for entity " << context.entity() << "." << Qt::endl;
        return ExitSuccess;
    }
    context.out() << "provider\tidentifier\tstatus\tenvironment\tbase_url\tsecrets\tlast_error\tlast_verified\t"
                     "last_sync"
                  << Qt::endl;
    for (const ConnectionRecord &record : connections.value())
        context.out() << connectionRow(record).join(u'\t') << Qt::endl;
    return ExitSuccess;
}

// ---- export-credential ----------------------------------------------------------------------

// Prints how a manager hands a worker service the secrets of one connection: one systemd-creds
// command per secret field, which encrypts what is typed at the prompt (systemd-ask-password
// does not echo it) into the host's credential store, and the unit lines that load them. The
// secret itself never passes through Quaywatch, argv or a plain file.
int runExportCredential(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(
        {u"credstore"_s, u"Folder of the encrypted credentials."_s, u"dir"_s, u"/etc/credstore.encrypted"_s});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err() << "usage: quaywatch-cli connections export-credential PROVIDER [--credstore DIR]" << Qt::endl;
        return ExitUsage;
    }
    const CatalogProvider *provider = requireProvider(context, parser.positionalArguments().constFirst());
    if (!provider)
        return ExitFailure;
    const QStringList fields = provider->secretFieldNames();
    if (fields.isEmpty()) {
        context.err() << "quaywatch-cli connections: " << provider->id << " has no secret fields" << Qt::endl;
        return ExitFailure;
    }
    const QString folder = parser.value(u"credstore"_s);
    const QString service = SecretStore().service();
    QStringList unitLines;
    context.out() << "# Run as root on the worker's host; type each secret at the prompt (it is not shown)."
                  << Qt::endl;
    context.out() << "mkdir -p " << folder << " && chmod 0700 " << folder << Qt::endl;
    for (const QString &field : fields) {
        const QString name = ServiceCredentials::name(service, SecretStore::key(context.entity(), provider->id, field));
        const QString path = folder % u'/' % name;
        const CatalogCredentialField *described = provider->credentialField(field);
        const QString label = described && !described->label.isEmpty() ? described->label : field;
        context.out() << "systemd-ask-password -n '" << provider->displayName << " " << label << " ("
                      << context.entity() << "):' | systemd-creds encrypt --name=" << name << " - " << path << Qt::endl;
        unitLines.append(u"LoadCredentialEncrypted="_s % name % u':' % path);
    }
    context.out() << "# Then add to the unit (systemctl edit quaywatch-worker.service), under [Service]:" << Qt::endl;
    for (const QString &line : std::as_const(unitLines))
        context.out() << line << Qt::endl;
    return ExitSuccess;
}

} // namespace

int runConnectionsCommand(CliContext &context, const QStringList &arguments)
{
    using Subcommand = int (*)(CliContext &, const QStringList &);
    static const QList<std::pair<QString, Subcommand>> subcommands{
        {u"list"_s, &runList},
        {u"connect"_s, &runConnect},
        {u"verify"_s, &runVerify},
        {u"disconnect"_s, &runDisconnect},
        {u"export-credential"_s, &runExportCredential},
    };
    const QString word = arguments.value(1);
    for (const auto &[name, run] : subcommands) {
        if (name == word)
            return run(context, arguments.mid(1));
    }
    context.err() << "usage: quaywatch-cli connections list|connect|verify|disconnect|export-credential ..."
                  << Qt::endl;
    return ExitUsage;
}
