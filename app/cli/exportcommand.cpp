// `export KIND [--format csv|json] [--output FILE] [--bom]`: reports for support and scripts.
// A file is written atomically, so a failed export never leaves half a report behind.
#include "clicontext.h"
#include "exporter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// Every export is recorded in the audit log (data leaving Quaywatch is audited); a failure to record
// is only a warning.
void recordExport(CliContext &context, Store &store, const QString &detail, bool ok)
{
    const Result<void> recorded = store.appendAudit(AuditEntry::make(context.entity(), {}, u"export"_s, ok, detail));
    if (!recorded)
        context.err() << "quaywatch-cli export: warning: not recorded in the audit log: " << recorded.error().message
                      << Qt::endl;
}

Result<qint64> writeReport(Store &store, const ExportOptions &options, const QString &outputPath)
{
    if (outputPath.isEmpty()) {
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return makeError(ErrorKind::Internal, u"cannot write to standard output"_s);
        return Exporter::write(store, options, standardOutput);
    }
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorKind::InvalidInput, u"cannot write "_s + outputPath + u": "_s + file.errorString());
    Result<qint64> written = Exporter::write(store, options, file);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return makeError(ErrorKind::Storage, u"cannot write "_s + outputPath + u": "_s + file.errorString());
    return written;
}

} // namespace

int runExportCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format(u"format"_s, u"csv or json"_s, u"FORMAT"_s, u"csv"_s);
    const QCommandLineOption output(u"output"_s, u"File to write"_s, u"FILE"_s);
    const QCommandLineOption bom(u"bom"_s, u"UTF-8 byte order mark for Excel"_s);
    parser.addOptions({format, output, bom});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;

    const QStringList positional = parser.positionalArguments();
    const std::optional<ReportKind> kind = Exporter::reportKindFromName(positional.value(0));
    const QString formatName = parser.value(format).toLower();
    if (positional.size() != 1 || !kind || (formatName != "csv"_L1 && formatName != "json"_L1)) {
        context.err() << "quaywatch-cli export: expected export " << Exporter::reportNames().join(u'|')
                      << " [--format csv|json] [--output FILE] [--bom]" << Qt::endl;
        return ExitUsage;
    }
    Store *store = context.store();
    if (!store)
        return ExitFailure;

    ExportOptions options;
    options.entity = context.entity();
    options.kind = *kind;
    if (*kind == ReportKind::FieldMapping)
        options.fieldMapping = positional.value(0).toLower();
    options.format = formatName == "json"_L1 ? ReportFormat::Json : ReportFormat::Csv;
    options.excelBom = parser.isSet(bom);
    context.out().flush();
    const QString outputPath = parser.value(output);
    const Result<qint64> written = writeReport(*store, options, outputPath);
    const QString what = positional.constFirst() + u' ' + formatName;
    if (!written) {
        context.err() << "quaywatch-cli export: " << written.error().message << Qt::endl;
        recordExport(context, *store, what + u": "_s + written.error().message, false);
        return ExitFailure;
    }
    recordExport(context, *store, what + u", "_s + QString::number(written.value()) + u" rows"_s, true);
    if (!outputPath.isEmpty())
        context.out() << "Exported " << written.value() << " rows to " << outputPath << Qt::endl;
    return ExitSuccess;
}
