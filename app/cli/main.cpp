// quaywatch-cli: reads the global options, then hands the rest of the command line to the
// command group named by the first word. Every command group lives in its own file.
#include "clicontext.h"
#include "clock.h"
#include "crashhygiene.h"
#include "exporter.h"
#include "providerregistry.h"
#include "store.h"
#include "subscriptionscommand.h"

#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QUtf8StringView>

#include <cstdio>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

// The help text; the commands a provider module contributes are inserted from the registry.
constexpr QUtf8StringView usageHead =
    R"(Usage: quaywatch-cli [--db PATH|postgresql://...] [--entity NAME] COMMAND [ARGS]...

Global options (before the command):
  --db PATH|postgresql://user[:password]@host[:port]/dbname
                  database to use (default: QUAYWATCH_DB, else the application data folder)
  --entity NAME   company whose watchlist and connections are used (default: default)
  -h, --help      show this help
  --version       show the version

Commands:
  connections list [--json]
  connections connect PROVIDER [--field NAME=VALUE]... [--secrets-stdin]
                  [--environment production|uat] [--base-url URL]
                  (--secrets-stdin reads NAME=VALUE lines for secret fields; secrets never on argv)
  connections verify PROVIDER
  connections disconnect PROVIDER
  connections export-credential PROVIDER [--credstore DIR]
                  (prints the systemd-creds commands that give a worker service this
                  connection's secrets; run as a service, sync reads $CREDENTIALS_DIRECTORY)
  watch add NUMBER... --provider ID [--site SITE] [--data KEY=VALUE]...
                  [--reference TEXT] [--no-normalize]
  watch import FILE [--provider ID] [--site SITE] [--data KEY=VALUE]...
  watch cancel NUMBER...
  watch list [--json|--csv]
  sync [--once] [--all] [--force NUMBER]... [--listen [ADDR:]PORT --webhook-token-stdin]
                  [--no-outbound] (--once: trace what is due now, then exit; --all: every active
                  container is due; the outbox is drained after each cycle unless --no-outbound)
  outbound list|status [--json]
  outbound add-webhook --name N --url URL [--events CODES|all] [--secret-stdin]
                  (without --secret-stdin a signing secret is generated and printed once)
  outbound dry-run|retry|replay|remove --destination N [--sequence S]... [--from T --to T] [--yes]
  outbound drain [--seconds S]
  subscriptions create NUMBER... --port P --category C [--api 1|2] [--booking] [--events CODES|ALL]
                  [--facility F] [--webhook URI --webhook-token-stdin] [--email ADDR]... [--reference TEXT]
  subscriptions list [--json]
  subscriptions remove NUMBER...
  subscriptions reconcile
)";
constexpr QUtf8StringView usageTail = R"(  providers [--json]
                  (every provider: id, name, region, auth type, fields, sites and what it supports)
  events NUMBER [--json]
  export @reports@ [--format csv|json] [--output FILE] [--bom]
  validate NUMBER...
                  (ISO 6346: prints "NUMBER valid" or "NUMBER invalid: reason")

Exit codes: 0 success, 1 failure, 2 usage error, 3 partial success (rejections on stderr).
)";

struct GlobalOptions
{
    QString database;
    QString entity = u"default"_s;
    QStringList commandArguments; // from the command word on
    bool help = false;
    bool version = false;
};

// Global options come before the command word; everything from that word on belongs to it.
std::optional<GlobalOptions> parseGlobalOptions(const QStringList &arguments, QTextStream &err)
{
    GlobalOptions options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == "-h"_L1 || argument == "--help"_L1) {
            options.help = true;
        } else if (argument == "--version"_L1) {
            options.version = true;
        } else if (argument == "--db"_L1 || argument == "--entity"_L1) {
            if (i + 1 >= arguments.size()) {
                err << "quaywatch-cli: option " << argument << " needs a value" << Qt::endl;
                return std::nullopt;
            }
            (argument == "--db"_L1 ? options.database : options.entity) = arguments.at(++i);
        } else if (argument.startsWith("--db="_L1)) {
            options.database = argument.mid(5);
        } else if (argument.startsWith("--entity="_L1)) {
            options.entity = argument.mid(9);
        } else if (argument.startsWith(u'-')) {
            err << "quaywatch-cli: unknown option " << argument << Qt::endl;
            return std::nullopt;
        } else {
            options.commandArguments = arguments.mid(i);
            break;
        }
    }
    if (options.entity.trimmed().isEmpty()) {
        err << "quaywatch-cli: --entity needs a non-empty name" << Qt::endl;
        return std::nullopt;
    }
    return options;
}

QString usageText()
{
    QString text = usageHead.toString();
    for (const ModuleCliVerb &verb : ProviderRegistry::builtIn().publishingVerbs()) {
        for (const QString &line : verb.usage)
            text += u"  "_s % line % u'\n';
    }
    // The report names include the destinations' layouts, which the registry above registered.
    return text % usageTail.toString().replace(u"@reports@"_s, Exporter::reportNames().join(u'|'));
}

int printUsageError(QTextStream &err)
{
    err << usageText();
    err.flush();
    return ExitUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    CrashHygiene::install("quaywatch-cli"); // before any secret is read from stdin or the keychain
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"quaywatch"_s);
    QCoreApplication::setOrganizationName(u"Quaywatch"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(QUAYWATCH_VERSION)); // CMake's PROJECT_VERSION
    // Scripts read stdout and stderr: keep progress chatter out unless QT_LOGGING_RULES asks for it.
    QLoggingCategory::setFilterRules(u"quaywatch.*.debug=false\nquaywatch.*.info=false"_s);

    QTextStream err(stderr);
    const std::optional<GlobalOptions> options = parseGlobalOptions(QCoreApplication::arguments(), err);
    if (!options)
        return printUsageError(err);

    QTextStream out(stdout);
    if (options->help) {
        out << usageText();
        return ExitSuccess;
    }
    if (options->version) {
        out << "quaywatch-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitSuccess;
    }
    if (options->commandArguments.isEmpty()) {
        err << "quaywatch-cli: no command given" << Qt::endl;
        return printUsageError(err);
    }

    using Command = int (*)(CliContext &, const QStringList &);
    static const QHash<QString, Command> commands = [] {
        QHash<QString, Command> table = {
            {u"validate"_s, &runValidateCommand},       {u"watch"_s, &runWatchCommand},
            {u"events"_s, &runEventsCommand},           {u"export"_s, &runExportCommand},
            {u"connections"_s, &runConnectionsCommand}, {u"sync"_s, &runSyncCommand},
            {u"outbound"_s, &runOutboundCommand},       {u"subscriptions"_s, &runSubscriptionsCommand},
            {u"providers"_s, &runProvidersCommand},
        };
        for (const ModuleCliVerb &verb : ProviderRegistry::builtIn().publishingVerbs())
            table.insert(verb.name, &runPublishingCommand);
        return table;
    }();
    const QString &word = options->commandArguments.constFirst();
    const Command command = commands.value(word, nullptr);
    if (!command) {
        err << "quaywatch-cli: unknown command '" << word << "'" << Qt::endl;
        return printUsageError(err);
    }

    const QString database = options->database.isEmpty() ? Store::defaultLocation() : options->database;
    const SystemClock clock; // the executable's one time source, handed down to everything
    CliContext context(database, options->entity.trimmed(), clock);
    return command(context, options->commandArguments);
}
