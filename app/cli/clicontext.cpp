#include "clicontext.h"

#include <QCommandLineParser>

#include <cstdio>

CliContext::CliContext(QString databaseLocation, QString entity, const Clock &clock)
    : m_databaseLocation(std::move(databaseLocation)), m_entity(std::move(entity)), m_clock(clock), m_out(stdout),
      m_err(stderr)
{}

Store *CliContext::store()
{
    if (m_store)
        return m_store.get();
    auto opened = Store::open(m_databaseLocation, m_clock);
    if (!opened) {
        // The location may be a postgresql:// URL with a password; name only the failure.
        m_err << "quaywatch-cli: cannot open the database: " << opened.error().message << Qt::endl;
        return nullptr;
    }
    m_store = std::move(opened).value();
    return m_store.get();
}

bool parseCommandOptions(CliContext &context, QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (parser.parse(arguments))
        return true;
    context.err() << "quaywatch-cli: " << parser.errorText() << Qt::endl;
    context.err() << "Run 'quaywatch-cli --help' for the usage." << Qt::endl;
    return false;
}
