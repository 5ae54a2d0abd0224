#pragma once

#include "result.h"
#include "store.h"

#include <QEventLoop>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>
#include <utility>

class QCommandLineParser;

// Exit codes of quaywatch-cli: scripts tell a usage error and a partial success from a failure.
enum CliExit : int
{
    ExitSuccess = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitPartial = 3, // some rows or containers rejected; each reported on stderr
};

// What every command gets: the global options and the streams. The store opens on first use so
// that `validate` needs no database.
class CliContext final
{
public:
    // The store opens on clock, the executable's one time source; it must outlive the context.
    CliContext(QString databaseLocation, QString entity, const Clock &clock);

    const QString &entity() const { return m_entity; }
    const QString &databaseLocation() const { return m_databaseLocation; }
    const Clock &clock() const { return m_clock; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Opens (once) and returns the store, or prints the error on stderr and returns nullptr.
    Store *store();

private:
    QString m_databaseLocation;
    QString m_entity;
    const Clock &m_clock;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Store> m_store;
};

// Parses one command's own options strictly (arguments[0] is the command word and is skipped). On an
// unknown option or a missing value it names the problem on stderr and returns false; the caller
// then exits with ExitUsage.
bool parseCommandOptions(CliContext &context, QCommandLineParser &parser, const QStringList &arguments);

// Command groups, one file each. arguments excludes the program name and the global options,
// starting at the group word itself (e.g. {"connections", "verify", PROVIDER}).
int runValidateCommand(CliContext &context, const QStringList &arguments);
int runWatchCommand(CliContext &context, const QStringList &arguments);
int runOutboundCommand(CliContext &context, const QStringList &arguments);
int runEventsCommand(CliContext &context, const QStringList &arguments);
int runExportCommand(CliContext &context, const QStringList &arguments);
int runConnectionsCommand(CliContext &context, const QStringList &arguments);
int runSyncCommand(CliContext &context, const QStringList &arguments);
int runProvidersCommand(CliContext &context, const QStringList &arguments);

// Runs start, which hands its callback to an asynchronous API that calls it exactly once, and a local
// event loop until the answer comes. One command per process, so the nested loop blocks nothing else.
template<typename T, typename Start>
T waitForAnswer(Start start)
{
    std::optional<T> answer;
    QEventLoop loop;
    start([&answer, &loop](T result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}
