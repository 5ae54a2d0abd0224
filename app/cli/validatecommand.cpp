// `validate NUMBER...`: ISO 6346 check of each number, without touching the database.
#include "clicontext.h"
#include "containernumber.h"

#include <QCommandLineParser>

int runValidateCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    const QStringList numbers = parser.positionalArguments();
    if (numbers.isEmpty()) {
        context.err() << "quaywatch-cli validate: give at least one container number" << Qt::endl;
        return ExitUsage;
    }

    bool allValid = true;
    for (const QString &number : numbers) {
        const ContainerNumberCheck check = ContainerNumber::check(number);
        if (check.valid) {
            context.out() << check.normalized << " valid\n";
        } else {
            allValid = false;
            const QString shown = check.normalized.isEmpty() ? QStringLiteral("\"\"") : check.normalized;
            context.out() << shown << " invalid: " << check.reason << '\n';
        }
    }
    context.out().flush();
    return allValid ? ExitSuccess : ExitPartial;
}
