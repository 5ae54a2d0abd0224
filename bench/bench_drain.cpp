// bench_drain: the outbox drained to a receiver on loopback (issue 17 target: 100,000 changed
// containers with 50 ms latency and 8 deliveries in flight within 1.2x of the ideal wall time,
// messages x latency / in flight). The real path end to end: one event per container ingested in
// bulk (so the outbox journal is expanded by the dispatcher as it goes), the OutboundDispatcher with
// its claims, finishes and audit lines in SQLite, the real signed-webhook sender, and the simulator's
// signature-checking receiver with --latency-ms on every answer. Only the drain is timed.
#include "benchdata.h"
#include "clock.h"
#include "outbound/outbounddispatcher.h"
#include "providerregistry.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString receiverName = u"bench"_s;
const QString secret = u"bench-drain-signing-secret-0123456789abcdef"_s;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const SystemClock clock;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures draining the outbox to a loopback webhook receiver."_s);
    parser.addHelpOption();
    const QCommandLineOption messagesOption(u"messages"_s, u"Changed containers, one message each (default 100000)."_s,
                                            u"N"_s, u"100000"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"The receiver's latency (default 50)."_s, u"ms"_s,
                                           u"50"_s);
    const QCommandLineOption inFlightOption(u"in-flight"_s, u"Deliveries in flight (default 8)."_s, u"N"_s, u"8"_s);
    parser.addOptions({messagesOption, latencyOption, inFlightOption});
    parser.process(app);
    QTextStream out(stdout);
    const int messages = parser.value(messagesOption).toInt();
    const int latencyMs = parser.value(latencyOption).toInt();
    const int inFlight = parser.value(inFlightOption).toInt();
    if (messages <= 0 || latencyMs < 0 || inFlight <= 0) {
        out << "bench_drain: --messages and --in-flight must be positive, --latency-ms not negative" << Qt::endl;
        return 2;
    }

    QProcess simulatorProcess;
    const QUrl base = startBenchSimulator(simulatorProcess, latencyMs);
    if (base.isEmpty()) {
        out << "bench_drain: cannot start " << benchSimulatorPath() << Qt::endl;
        return 1;
    }
    QNetworkAccessManager network;
    benchSimulatorCall(network, base, u"/_sim/receivers/"_s + receiverName, QJsonObject{{u"secret"_s, secret}});

    QTemporaryDir folder;
    auto opened = Store::open(folder.filePath(u"drain.sqlite"_s), clock);
    if (!opened) {
        out << "bench_drain: " << opened.error().message << Qt::endl;
        return 1;
    }
    Store &store = *opened.value();
    BenchData data;
    const Result<QList<qint64>> ids = data.addFleet(store, messages);
    if (!ids) {
        out << "bench_drain: " << ids.error().message << Qt::endl;
        return 1;
    }
    OutboundDestination destination;
    destination.entity = u"default"_s;
    destination.name = receiverName;
    destination.kind = QString::fromLatin1(Outbound::webhookKind);
    destination.url = base.resolved(QUrl(u"/receivers/webhook/"_s + receiverName));
    destination.maxInFlight = inFlight;
    const Result<OutboundDestination> saved = store.saveDestination(destination);
    if (!saved) {
        out << "bench_drain: " << saved.error().message << Qt::endl;
        return 1;
    }
    QList<Event> events;
    for (qsizetype i = 0; i < ids->size(); ++i)
        events.append(data.event(ids->at(i), i, u"drain-"_s));
    const int batch = 10000;
    for (qsizetype first = 0; first < events.size(); first += batch) {
        if (const Result<int> written = store.insertEvents(events.mid(first, batch)); !written) {
            out << "bench_drain: " << written.error().message << Qt::endl;
            return 1;
        }
    }

    // The webhook kind's sender as its module makes it for the console and the CLI.
    std::optional<OutboundSenderKind> webhook;
    for (const auto &module : ProviderRegistry::builtIn().modules()) {
        for (const OutboundSenderKind &kind : module->outboundSenderKinds()) {
            if (kind.kind == QLatin1StringView(Outbound::webhookKind))
                webhook = kind;
        }
    }
    if (!webhook || webhook->secretFields.isEmpty()) {
        out << "bench_drain: no module sends webhooks" << Qt::endl;
        return 1;
    }
    OutboundSenderContext context;
    context.destination = saved.value();
    context.secrets.insert(webhook->secretFields.constFirst(), secret);
    context.network = &network;
    context.clock = &clock;
    const std::shared_ptr<OutboundSender> sender = webhook->create(context);
    OutboundDispatcher dispatcher(
        store, clock,
        [sender](const OutboundDestination &, const OutboundDispatcher::SenderCallback &done) { done(sender); });
    OutboundDrainReport report;
    QEventLoop loop;
    QObject::connect(&dispatcher, &OutboundDispatcher::finished, &loop, [&](const OutboundDrainReport &finished) {
        report = finished;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    dispatcher.drain();
    loop.exec();
    const double wall = seconds(timer);

    const QJsonObject record =
        benchSimulatorCall(network, base, u"/_sim/receivers/"_s + receiverName + u"?summary=true"_s);
    const int accepted = record.value(u"acceptedCount"_s).toInt();
    const int duplicates = record.value(u"duplicates"_s).toInt();
    const double ideal = double(messages) * latencyMs / 1000.0 / inFlight;
    const double ratio = ideal > 0 ? wall / ideal : 0;
    out << "drained " << report.delivered << " of " << messages << " messages in " << wall << " s with " << latencyMs
        << " ms latency and " << inFlight << " in flight; ideal " << ideal << " s: " << ratio
        << "x (target <= 1.2x); the receiver accepted " << accepted << " with " << duplicates << " duplicates, "
        << report.retried << " retried, " << report.dead << " dead" << Qt::endl;
    for (const QString &error : std::as_const(report.errors))
        out << "bench_drain: " << error << Qt::endl;
    printResult(out, u"outbox_drain_vs_ideal"_s, ratio, u"x"_s, u"<=1.2"_s);
    simulatorProcess.terminate();
    simulatorProcess.waitForFinished(5000);
    return report.delivered == messages && accepted == messages && duplicates == 0 ? 0 : 1;
}
