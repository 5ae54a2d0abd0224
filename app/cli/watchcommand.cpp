// `watch add|import|cancel|list`: the watchlist from scripts. Numbers are judged one by one so
// that one bad number never stops the good ones (exit 3 reports the partial success).
#include "clicontext.h"
#include "containernumber.h"
#include "exporter.h"
#include "importer.h"
#include "inboximporter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// Parses repeated KEY=VALUE options into a JSON object; false (with the culprit named) on a bad pair.
bool parseDataFields(CliContext &context, const QStringList &pairs, QJsonObject &fields)
{
    for (const QString &pair : pairs) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString key = equals > 0 ? pair.left(equals).trimmed() : QString();
        if (key.isEmpty()) {
            context.err() << "quaywatch-cli watch: --data needs KEY=VALUE, got '" << pair << "'" << Qt::endl;
            return false;
        }
        fields.insert(key, pair.mid(equals + 1).trimmed());
    }
    return true;
}

// The number as it will be stored, or the reason it is refused.
bool acceptNumber(const QString &input, bool normalize, QString &number, QString &reason)
{
    if (!normalize) {
        number = input.trimmed();
        reason = number.isEmpty() ? u"the container number is empty"_s : QString();
        return !number.isEmpty();
    }
    const ContainerNumberCheck check = ContainerNumber::check(input);
    number = check.normalized;
    reason = check.reason;
    return check.valid;
}

struct AddTally
{
    int added = 0;
    int existing = 0;
    int rejected = 0;
    bool storageFailed = false;
};

int printAddSummary(CliContext &context, const AddTally &tally)
{
    context.out() << "Added " << tally.added << (tally.added == 1 ? " container" : " containers");
    if (tally.existing > 0)
        context.out() << ", " << tally.existing << " already on the watchlist";
    if (tally.rejected > 0)
        context.out() << ", " << tally.rejected << " rejected";
    context.out() << Qt::endl;
    if (tally.storageFailed)
        return ExitFailure;
    return tally.rejected > 0 ? ExitPartial : ExitSuccess;
}

int runAdd(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption provider(u"provider"_s, u"Provider id"_s, u"ID"_s);
    const QCommandLineOption site(u"site"_s, u"Site"_s, u"SITE"_s);
    const QCommandLineOption data(u"data"_s, u"Provider data field"_s, u"KEY=VALUE"_s);
    const QCommandLineOption reference(u"reference"_s, u"Reference"_s, u"TEXT"_s);
    const QCommandLineOption noNormalize(u"no-normalize"_s, u"Skip ISO 6346 validation"_s);
    parser.addOptions({provider, site, data, reference, noNormalize});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;

    WatchEntry entry;
    entry.entity = context.entity();
    entry.provider = parser.value(provider).trimmed();
    entry.site = parser.value(site).trimmed();
    entry.reference = parser.value(reference).trimmed();
    entry.normalize = !parser.isSet(noNormalize);
    const QStringList numbers = parser.positionalArguments();
    if (numbers.isEmpty() || entry.provider.isEmpty()) {
        context.err() << "quaywatch-cli watch add: give at least one NUMBER and --provider ID" << Qt::endl;
        return ExitUsage;
    }
    if (entry.reference.size() > WatchEntry::maxReferenceLength) {
        context.err() << "quaywatch-cli watch add: --reference has " << entry.reference.size()
                      << " characters; at most " << WatchEntry::maxReferenceLength << " are allowed" << Qt::endl;
        return ExitUsage;
    }
    if (!parseDataFields(context, parser.values(data), entry.providerData))
        return ExitUsage;

    Store *store = context.store();
    if (!store)
        return ExitFailure;
    AddTally tally;
    for (const QString &input : numbers) {
        QString reason;
        if (!acceptNumber(input, entry.normalize, entry.containerNumber, reason)) {
            context.err() << (entry.containerNumber.isEmpty() ? input : entry.containerNumber) << ": " << reason
                          << Qt::endl;
            ++tally.rejected;
            continue;
        }
        const Result<AddOutcome> outcome = store->addContainer(entry);
        if (!outcome) {
            context.err() << entry.containerNumber << ": " << outcome.error().message << Qt::endl;
            tally.storageFailed = true;
        } else if (outcome->created) {
            context.out() << entry.containerNumber << " added\n";
            ++tally.added;
        } else {
            context.out() << entry.containerNumber << " is already on the watchlist\n";
            ++tally.existing;
        }
    }
    return printAddSummary(context, tally);
}

int runCancel(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (parser.positionalArguments().isEmpty()) {
        context.err() << "quaywatch-cli watch cancel: give at least one container number" << Qt::endl;
        return ExitUsage;
    }
    Store *store = context.store();
    if (!store)
        return ExitFailure;

    QStringList known;
    int unknown = 0;
    for (const QString &input : parser.positionalArguments()) {
        // Numbers added with --no-normalize are stored as given; others in upper case.
        const QString asGiven = input.trimmed();
        bool found = false;
        for (const QString &candidate : {asGiven, asGiven.toUpper()}) {
            const auto entry = store->container(context.entity(), candidate);
            if (!entry) {
                context.err() << candidate << ": " << entry.error().message << Qt::endl;
                return ExitFailure;
            }
            if (entry.value().has_value()) {
                known.append(candidate);
                found = true;
                break;
            }
        }
        if (!found) {
            context.err() << asGiven << ": not on the watchlist" << Qt::endl;
            ++unknown;
        }
    }
    int cancelled = 0;
    if (!known.isEmpty()) {
        const Result<int> result = store->cancelContainers(context.entity(), known);
        if (!result) {
            context.err() << "quaywatch-cli watch cancel: " << result.error().message << Qt::endl;
            return ExitFailure;
        }
        cancelled = result.value();
    }
    context.out() << "Cancelled " << cancelled << (cancelled == 1 ? " container" : " containers") << Qt::endl;
    return unknown > 0 ? ExitPartial : ExitSuccess;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : u"-"_s;
}

QStringList tableRow(const WatchEntry &entry)
{
    QString status = containerStatusName(entry.snapshot.status);
    if (entry.traceState != TraceState::Active)
        status += u" ("_s + traceStateName(entry.traceState) + u')';
    QStringList holds;
    for (const Hold &hold : entry.snapshot.holds)
        holds.append(holdTypeName(hold.type));
    const QDate lfd = entry.snapshot.lfd();
    const QString where = entry.site.isEmpty() ? entry.provider : QString(entry.provider + u'/' + entry.site);
    return {entry.containerNumber,
            status,
            where,
            holds.isEmpty() ? u"-"_s : holds.join(u','),
            lfd.isValid() ? lfd.toString(Qt::ISODate) : u"-"_s,
            timeText(entry.lastTracedAt),
            timeText(entry.nextTraceAt),
            entry.lastError.isEmpty() ? u"-"_s : entry.lastError};
}

void printTable(QTextStream &out, const QList<WatchEntry> &entries)
{
    QList<QStringList> rows{{u"NUMBER"_s, u"STATUS"_s, u"PROVIDER/SITE"_s, u"HOLDS"_s, u"LFD"_s, u"LAST TRACED"_s,
                             u"NEXT TRACE"_s, u"LAST ERROR"_s}};
    for (const WatchEntry &entry : entries)
        rows.append(tableRow(entry));
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool last = column + 1 == row.size();
            line += last ? row.at(column) : row.at(column).leftJustified(widths[column] + 2);
        }
        out << line << '\n';
    }
}

int runList(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"JSON array"_s);
    const QCommandLineOption csv(u"csv"_s, u"CSV report"_s);
    parser.addOptions({json, csv});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if ((parser.isSet(json) && parser.isSet(csv)) || !parser.positionalArguments().isEmpty()) {
        context.err() << "quaywatch-cli watch list: takes no arguments and one of --json or --csv" << Qt::endl;
        return ExitUsage;
    }
    Store *store = context.store();
    if (!store)
        return ExitFailure;

    if (parser.isSet(csv)) {
        context.out().flush();
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly)) {
            context.err() << "quaywatch-cli watch list: cannot write to standard output" << Qt::endl;
            return ExitFailure;
        }
        ExportOptions options;
        options.entity = context.entity();
        options.kind = ReportKind::Watchlist;
        const Result<qint64> written = Exporter::write(*store, options, standardOutput);
        if (!written) {
            context.err() << "quaywatch-cli watch list: " << written.error().message << Qt::endl;
            return ExitFailure;
        }
        return ExitSuccess;
    }

    const Result<QList<WatchEntry>> entries = store->containers(context.entity());
    if (!entries) {
        context.err() << "quaywatch-cli watch list: " << entries.error().message << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const WatchEntry &entry : entries.value())
            array.append(entry.toJson());
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else if (entries->isEmpty()) {
        context.out() << "No containers on the watchlist of entity " << context.entity() << '\n';
    } else {
        printTable(context.out(), entries.value());
    }
    context.out().flush();
    return ExitSuccess;
}

// `watch import FILE` and `watch import --inbox DIR`. One file is all-or-nothing: a file that cannot be
// read as a table (0 bytes, not a spreadsheet, unclosed quote, ZIP bomb, no container-number column)
// imports nothing (exit 1); otherwise the valid rows are stored in one transaction and each rejected
// row is printed on stderr as "row N: reason" (exit 3).
void printRowErrors(CliContext &context, const QString &prefix, const QList<ImportRowError> &errors)
{
    for (const ImportRowError &error : errors)
        context.err() << prefix << "row " << error.row << ": " << error.reason << '\n';
    context.err().flush();
}

int importOneFile(CliContext &context, Store &store, const QString &path, const ImportDefaults &defaults)
{
    const Result<ImportReport> report = Importer::importFile(store, path, defaults);
    if (!report) {
        context.err() << "quaywatch-cli watch import: " << report.error().message << Qt::endl;
        return ExitFailure;
    }
    printRowErrors(context, QString(), report->errors);
    context.out() << "Imported " << QFileInfo(path).fileName() << ": " << report->summary() << Qt::endl;
    return report->errors.isEmpty() ? ExitSuccess : ExitPartial;
}

int importInbox(CliContext &context, Store &store, const QString &inbox, const ImportDefaults &defaults)
{
    const Result<InboxImporter::PassReport> pass = InboxImporter::runOnce(store, inbox, defaults);
    if (!pass) {
        context.err() << "quaywatch-cli watch import: " << pass.error().message << Qt::endl;
        return ExitFailure;
    }
    bool partial = false;
    for (const InboxImporter::FileOutcome &file : pass->files) {
        if (file.imported) {
            printRowErrors(context, file.file + u": "_s, file.report.errors);
            context.out() << file.file << ": processed, " << file.report.summary() << '\n';
            partial = partial || !file.report.errors.isEmpty();
        } else {
            context.err() << file.file << ": rejected: " << file.error << '\n';
            context.out() << file.file << ": rejected\n";
            partial = true;
        }
    }
    for (const QString &problem : pass->problems)
        context.err() << "quaywatch-cli watch import: " << problem << '\n';
    context.out() << "Inbox " << inbox << ": " << pass->files.size() << (pass->files.size() == 1 ? " file" : " files")
                  << Qt::endl;
    context.err().flush();
    if (!pass->problems.isEmpty())
        return ExitFailure;
    return partial ? ExitPartial : ExitSuccess;
}

int runImport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption provider(u"provider"_s, u"Default provider id"_s, u"ID"_s);
    const QCommandLineOption site(u"site"_s, u"Default site"_s, u"SITE"_s);
    const QCommandLineOption data(u"data"_s, u"Default provider data field"_s, u"KEY=VALUE"_s);
    const QCommandLineOption inbox(u"inbox"_s, u"Import every file in the folder once"_s, u"DIR"_s);
    parser.addOptions({provider, site, data, inbox});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(inbox) ? !files.isEmpty() : files.size() != 1) {
        context.err() << "quaywatch-cli watch import: give one FILE or --inbox DIR" << Qt::endl;
        return ExitUsage;
    }
    ImportDefaults defaults;
    defaults.entity = context.entity();
    defaults.provider = parser.value(provider).trimmed();
    defaults.site = parser.value(site).trimmed();
    defaults.rememberedLayouts = true; // the console's column mappings, per file layout
    if (!parseDataFields(context, parser.values(data), defaults.providerData))
        return ExitUsage;
    Store *store = context.store();
    if (!store)
        return ExitFailure;
    if (parser.isSet(inbox))
        return importInbox(context, *store, parser.value(inbox), defaults);
    return importOneFile(context, *store, files.constFirst(), defaults);
}

} // namespace

int runWatchCommand(CliContext &context, const QStringList &arguments)
{
    const QString action = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (action == "add"_L1)
        return runAdd(context, rest);
    if (action == "cancel"_L1)
        return runCancel(context, rest);
    if (action == "list"_L1)
        return runList(context, rest);
    if (action == "import"_L1)
        return runImport(context, rest);
    context.err() << "quaywatch-cli watch: expected add, import, cancel or list"
                  << (action.isEmpty() ? QString() : QString(u", got '"_s + action + u'\'')) << Qt::endl;
    return ExitUsage;
}
