// quaywatch-sim: options in, SimulatorServer out. Everything else lives in quaywatch_simlib.
#include "crashhygiene.h"
#include "scenariogenerator.h"
#include "simulatorserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT end the event loop, so the server closes its sockets cleanly.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"port"_s, u"Port on 127.0.0.1 (0 = any free port)."_s, u"port"_s, u"0"_s},
        {u"scenario"_s, u"Scenario JSON file."_s, u"file"_s},
        {u"containers"_s, u"Generate a scenario of N containers."_s, u"n"_s},
        {u"seed"_s, u"Seed for the generated scenario."_s, u"s"_s, u"1"_s},
        {u"write-scenario"_s, u"Write the generated scenario to FILE and exit."_s, u"file"_s},
        {u"speed"_s, u"Simulated seconds per real second."_s, u"x"_s, u"1"_s},
        {u"start"_s, u"Simulated start time (ISO 8601 UTC); default now."_s, u"time"_s},
        {u"any-valid"_s, u"Valid numbers outside the scenario get a derived timeline (default)."_s},
        {u"no-any-valid"_s, u"Only scenario containers are known."_s},
        {u"user"_s, u"Accepted credentials NAME:PASSWORD (repeatable; default demo:demo)."_s, u"user"_s},
        {u"latency-ms"_s, u"Latency per request."_s, u"ms"_s},
        {u"error-rate"_s, u"Fraction of data requests answered 500."_s, u"p"_s},
        {u"rate-limit-every"_s, u"Every Nth data request gets 429."_s, u"n"_s},
        {u"retry-after"_s, u"Retry-After seconds of a 429."_s, u"s"_s},
        {u"token-lifetime"_s, u"Token lifetime in real seconds."_s, u"s"_s},
        {u"malformed-every"_s, u"Every Nth data request gets malformed JSON."_s, u"n"_s},
        {u"malformed-containers"_s, u"Availability requests naming one of these get malformed JSON."_s, u"numbers"_s},
        {u"drop-rate"_s, u"Fraction of data requests dropped unanswered."_s, u"p"_s},
        {u"slow-body-ms"_s, u"Spread each body over this many milliseconds."_s, u"ms"_s},
    });
}

Result<FaultSettings> faultsFrom(const QCommandLineParser &parser)
{
    QJsonObject object;
    const QStringList numeric{u"latency-ms"_s,     u"error-rate"_s,      u"rate-limit-every"_s, u"retry-after"_s,
                              u"token-lifetime"_s, u"malformed-every"_s, u"drop-rate"_s,        u"slow-body-ms"_s};
    for (const QString &name : numeric) {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        const double value = parser.value(name).toDouble(&ok);
        if (!ok)
            return makeError(ErrorKind::InvalidInput, u"--%1 needs a number"_s.arg(name));
        object.insert(name, value);
    }
    if (parser.isSet(u"malformed-containers"_s))
        object.insert(u"malformed-containers"_s, parser.value(u"malformed-containers"_s));
    FaultSettings faults;
    if (const Result<void> applied = faults.apply(object); !applied)
        return applied.error();
    return faults;
}

Result<SimulatorOptions> optionsFrom(const QCommandLineParser &parser)
{
    SimulatorOptions options;
    options.speed = parser.value(u"speed"_s).toDouble();
    if (options.speed < 0)
        return makeError(ErrorKind::InvalidInput, u"--speed must not be negative"_s);
    options.anyValid = !parser.isSet(u"no-any-valid"_s);
    if (parser.isSet(u"start"_s)) {
        options.startUtc = QDateTime::fromString(parser.value(u"start"_s), Qt::ISODateWithMs).toUTC();
        if (!options.startUtc.isValid())
            return makeError(ErrorKind::InvalidInput, u"--start needs an ISO 8601 time"_s);
    }
    const QStringList users = parser.values(u"user"_s);
    if (!users.isEmpty())
        options.users.clear();
    for (const QString &user : users) {
        const qsizetype colon = user.indexOf(u':');
        if (colon <= 0)
            return makeError(ErrorKind::InvalidInput, u"--user needs NAME:PASSWORD"_s);
        options.users.insert(user.left(colon), user.mid(colon + 1));
    }
    Result<FaultSettings> faults = faultsFrom(parser);
    if (!faults)
        return faults.error();
    options.faults = faults.value();
    return options;
}

Result<Scenario> scenarioFrom(const QCommandLineParser &parser)
{
    if (parser.isSet(u"scenario"_s))
        return Scenario::fromFile(parser.value(u"scenario"_s));
    const int count = parser.value(u"containers"_s).toInt();
    return ScenarioGenerator::generate(qMax(0, count), parser.value(u"seed"_s).toUInt());
}

int fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "quaywatch-sim: %s\n", qUtf8Printable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    CrashHygiene::install("quaywatch-sim");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"quaywatch-sim"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Quaywatch provider simulator (Ports America TOS service API)."_s);
    parser.addHelpOption();
    addOptions(parser);
    parser.process(app);

    Result<Scenario> scenario = scenarioFrom(parser);
    if (!scenario)
        return fail(scenario.error().message);
    if (parser.isSet(u"write-scenario"_s)) {
        QFile file(parser.value(u"write-scenario"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(scenario->toJson()) < 0)
            return fail(u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()), 1);
        return 0;
    }
    Result<SimulatorOptions> options = optionsFrom(parser);
    if (!options)
        return fail(options.error().message);

    quitOnSignals(app);
    SimulatorServer server(std::move(scenario).value(), std::move(options).value());
    const Result<quint16> port = server.listen(quint16(parser.value(u"port"_s).toUInt()));
    if (!port)
        return fail(port.error().message, 1);
    std::printf("quaywatch-sim listening on http://127.0.0.1:%u\n", unsigned(port.value()));
    std::fflush(stdout);
    return app.exec();
}
