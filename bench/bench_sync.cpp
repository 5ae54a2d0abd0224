// One sync cycle over 10,000 containers against the simulator with 200 ms latency, compared with
// the ideal wall time for the allowed concurrency: ceil(requests / concurrency) * latency. SPEC
// section 11 asks for at most 1.15x. Usage: bench_sync [containers] [latency-ms] [provider]; the
// provider defaults to the first catalog provider whose module polls, traced with the simulator's
// demo account of that module.
#include "benchdata.h"
#include "clock.h"
#include "containernumber.h"
#include "providerregistry.h"
#include "store.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

bool addContainers(Store &store, const QString &provider, int count)
{
    const QStringList sites{u"WBCT_LA"_s, u"OCT"_s, u"SGT_BAL"_s, u"PNCT_NJ"_s};
    for (int i = 0; i < count; ++i) {
        const QString firstTen = u"BNCU"_s + QString::number(i + 1).rightJustified(6, u'0');
        WatchEntry entry;
        entry.containerNumber = firstTen + QString::number(ContainerNumber::checkDigit(firstTen));
        entry.provider = provider;
        entry.site = sites.at(i % sites.size());
        if (Result<AddOutcome> added = store.addContainer(entry); !added) {
            std::fprintf(stderr, "bench_sync: %s\n", qPrintable(added.error().message));
            return false;
        }
    }
    return true;
}

void printFigures(const QJsonObject &stats, const SyncReport &report, int containers, int latencyMs, int concurrency,
                  double wallSeconds)
{
    const int dataRequests = stats.value(u"availability_requests"_s).toInt() + stats.value(u"gate_requests"_s).toInt();
    const int tokenRequests = stats.value(u"token_requests"_s).toInt();
    // The token request cannot overlap the first data requests, so it is part of the ideal.
    const double idealSeconds =
        (std::ceil(double(dataRequests) / double(concurrency)) + tokenRequests) * latencyMs / 1000.0;
    QTextStream out(stdout);
    out << "bench_sync: " << containers << " containers, " << latencyMs << " ms latency, concurrency " << concurrency
        << "\n";
    out << "  traced " << report.containersTraced << ", failed " << report.containersFailed << ", batches "
        << report.batches << ", data requests " << dataRequests << ", token requests " << tokenRequests << "\n";
    out << "  wall time " << QString::number(wallSeconds, 'f', 2) << " s, ideal "
        << QString::number(idealSeconds, 'f', 2) << " s, ratio " << QString::number(wallSeconds / idealSeconds, 'f', 3)
        << " (target <= 1.15)\n";
}

// The module's adapter on the simulator's demo account, as the demo connects it.
Result<std::unique_ptr<ProviderAdapter>> demoAdapter(const QString &provider, const QUrl &base,
                                                     QNetworkAccessManager &network, const Clock &clock)
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    const ProviderModule *module = registry.module(provider);
    if (!module || !registry.capabilities(provider).polling)
        return makeError(ErrorKind::InvalidInput, u"no provider module polls '%1'"_s.arg(provider));
    for (const DemoAccount &account : module->demoAccounts()) {
        if (account.provider != provider)
            continue;
        ConnectionRecord record;
        record.entity = u"default"_s;
        record.provider = provider;
        for (auto it = account.fields.cbegin(); it != account.fields.cend(); ++it)
            record.fields.insert(it.key(), it.value());
        record.baseUrl = base.toString() + account.basePath;
        return module->createAdapter(
            {registry.catalog().provider(provider), record, account.secrets, &network, &clock});
    }
    return makeError(ErrorKind::InvalidInput, u"the simulator has no demo account for '%1'"_s.arg(provider));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const SystemClock clock; // the benchmark's one time source: the store and the sync engine take it
    const int containers = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int latencyMs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 200;
    const QString provider = argc > 3 ? QString::fromLocal8Bit(argv[3]) : BenchData::providerId();
    QProcess simulator;
    const QUrl base = startBenchSimulator(simulator, latencyMs);
    if (base.isEmpty()) {
        std::fprintf(stderr, "bench_sync: cannot start %s\n", qPrintable(benchSimulatorPath()));
        return 1;
    }
    QTemporaryDir folder;
    Result<std::unique_ptr<Store>> opened = Store::open(folder.filePath(u"bench.sqlite"_s), clock);
    if (!opened) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = *opened.value();
    if (!addContainers(store, provider, containers))
        return 1;

    QNetworkAccessManager network;
    Result<std::unique_ptr<ProviderAdapter>> adapter = demoAdapter(provider, base, network, clock);
    if (!adapter) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(adapter.error().message));
        return 1;
    }
    SyncEngine engine(store, clock);
    engine.setAdapter(adapter.value().get());
    SyncReport report;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::cycleFinished, &loop, [&](const SyncReport &finished) {
        report = finished;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    engine.runOnce({});
    loop.exec();
    const double wallSeconds = double(timer.elapsed()) / 1000.0;

    printFigures(benchSimulatorCall(network, base, u"/_sim/stats"_s), report, containers, latencyMs,
                 adapter.value()->maxConcurrentRequests(), wallSeconds);
    simulator.terminate();
    simulator.waitForFinished(5000);
    return report.containersFailed == 0 ? 0 : 1;
}
