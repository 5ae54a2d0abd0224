#pragma once

#include "event.h"
#include "result.h"
#include "store.h"
#include "watchentry.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QTextStream>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

// A synthetic but realistic fleet for the benchmarks: valid ISO 6346 numbers, a spread over
// statuses, holds and LFDs like a busy import desk, and events with the shapes the mappers produce.
// Seeded, so two runs measure the same data.
class BenchData final
{
public:
    explicit BenchData(quint32 seed = 6346);

    // The provider the fleet belongs to: the first catalog provider whose module polls (the one the
    // sync benchmark drives), asked of the provider registry so that no benchmark names one.
    static QString providerId();

    // The i-th container number of the fleet (valid check digit).
    static QString containerNumber(int index);
    // A watchlist entry with its snapshot filled in as a trace would have left it.
    WatchEntry container(int index);
    // The j-th event for a container; dedupe keys are unique per (prefix, index).
    Event event(qint64 containerId, qint64 index, const QString &keyPrefix);

    // Adds containers 0..count-1 in one transaction, then their snapshots through
    // Store::writeTraceResults. Returns the container ids in order.
    Result<QList<qint64>> addFleet(Store &store, int count);
    // Appends count events spread over the containers through Store::insertEvents, batchSize per call.
    Result<qint64> addEvents(Store &store, const QList<qint64> &containerIds, qint64 count, int batchSize,
                             const QString &keyPrefix);

private:
    QRandomGenerator m_random;
    QDateTime m_now;
};

// The quaywatch-sim executable next to the benchmarks (or in $QUAYWATCH_BIN_DIR/sim).
QString benchSimulatorPath();
// Starts it on a free loopback port with --speed 0, --latency-ms latencyMs and extra arguments and
// returns its base URL, or an empty URL when it did not come up within 10 s.
QUrl startBenchSimulator(QProcess &process, int latencyMs, const QStringList &extraArguments = {});

// One call to the simulator's control or stats routes: GET path, or POST post as JSON when given.
// The answer's JSON object (empty when none came).
QJsonObject benchSimulatorCall(QNetworkAccessManager &network, const QUrl &base, const QString &path,
                               const std::optional<QJsonObject> &post = std::nullopt);

// "RESULT name value unit target" lines are what scripts/run-bench.sh collects into its table.
void printResult(QTextStream &out, const QString &name, double value, const QString &unit, const QString &target);
double seconds(const QElapsedTimer &timer);
