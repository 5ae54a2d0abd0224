// bench_generate: writes the benchmark fleet into a fresh SQLite database, so the other benchmarks
// (and a person opening the console) can work against 100,000 containers and 2,000,000 events.
#include "benchdata.h"
#include "clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const SystemClock clock; // the benchmark's one time source, handed to every store it opens
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Generates a SQLite database for the benchmarks."_s);
    parser.addHelpOption();
    const QCommandLineOption database(u"db"_s, u"SQLite file to create (replaced)."_s, u"PATH"_s);
    const QCommandLineOption containers(u"containers"_s, u"Containers (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption events(u"events"_s, u"Events (default 2000000)."_s, u"M"_s, u"2000000"_s);
    parser.addOptions({database, containers, events});
    parser.process(app);

    QTextStream out(stdout);
    const QString path = parser.value(database);
    const int containerCount = parser.value(containers).toInt();
    const qint64 eventCount = parser.value(events).toLongLong();
    if (path.isEmpty() || containerCount <= 0 || eventCount < 0) {
        out << "bench_generate: give --db PATH and positive counts" << Qt::endl;
        return 2;
    }
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);

    auto store = Store::open(path, clock);
    if (!store) {
        out << "bench_generate: " << store.error().message << Qt::endl;
        return 1;
    }
    BenchData data;
    QElapsedTimer timer;
    timer.start();
    const Result<QList<qint64>> ids = data.addFleet(*store.value(), containerCount);
    if (!ids) {
        out << "bench_generate: " << ids.error().message << Qt::endl;
        return 1;
    }
    const double fleetSeconds = seconds(timer);
    timer.restart();
    const Result<qint64> inserted = data.addEvents(*store.value(), ids.value(), eventCount, 50000, u"gen-"_s);
    if (!inserted) {
        out << "bench_generate: " << inserted.error().message << Qt::endl;
        return 1;
    }
    const double eventSeconds = seconds(timer);
    out << "generated " << ids->size() << " containers in " << fleetSeconds << " s and " << inserted.value()
        << " events in " << eventSeconds << " s into " << path << Qt::endl;
    printResult(out, u"generate_containers_s"_s, fleetSeconds, u"s"_s, u"-"_s);
    printResult(out, u"generate_events_per_s"_s, eventSeconds > 0 ? double(inserted.value()) / eventSeconds : 0,
                u"events/s"_s, u">=100000"_s);
    return 0;
}
