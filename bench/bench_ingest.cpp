// bench_ingest: events per second through Store::insertEvents into SQLite (SPEC section 11 target:
// at least 100,000). The events are built before the clock starts; only the store is measured.
#include "benchdata.h"
#include "clock.h"
#include "outbound/outbound.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const SystemClock clock; // the benchmark's one time source, handed to every store it opens
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures event ingestion into SQLite."_s);
    parser.addHelpOption();
    const QCommandLineOption events(u"events"_s, u"Events to insert (default 500000)."_s, u"N"_s, u"500000"_s);
    const QCommandLineOption batch(u"batch"_s, u"Events per insertEvents call (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption containers(u"containers"_s, u"Containers they belong to (default 10000)."_s, u"N"_s,
                                        u"10000"_s);
    const QCommandLineOption outbox(u"outbox"_s,
                                    u"Also measure with one enabled webhook destination wanting every event."_s);
    parser.addOptions({events, batch, containers, outbox});
    parser.process(app);

    QTextStream out(stdout);
    const qint64 eventCount = parser.value(events).toLongLong();
    const int batchSize = parser.value(batch).toInt();
    const int containerCount = parser.value(containers).toInt();
    if (eventCount <= 0 || batchSize <= 0 || containerCount <= 0) {
        out << "bench_ingest: counts must be positive" << Qt::endl;
        return 2;
    }
    // One run on a fresh database; with withOutbox, an enabled webhook destination wants every event,
    // so each new event also writes its outbox message in the same transaction.
    double fanOutSeconds = 0;
    qint64 fannedOut = 0;
    const auto run = [&](bool withOutbox, qint64 &inserted) -> std::optional<double> {
        QTemporaryDir folder;
        auto store = Store::open(folder.filePath(u"ingest.sqlite"_s), clock);
        if (!store) {
            out << "bench_ingest: " << store.error().message << Qt::endl;
            return std::nullopt;
        }
        BenchData data;
        const Result<QList<qint64>> ids = data.addFleet(*store.value(), containerCount);
        if (!ids) {
            out << "bench_ingest: " << ids.error().message << Qt::endl;
            return std::nullopt;
        }
        if (withOutbox) {
            OutboundDestination destination;
            destination.entity = u"default"_s;
            destination.name = u"bench"_s;
            destination.kind = QString::fromLatin1(Outbound::webhookKind);
            destination.url = QUrl(u"http://127.0.0.1:9/hook"_s);
            if (auto saved = store.value()->saveDestination(destination); !saved) {
                out << "bench_ingest: " << saved.error().message << Qt::endl;
                return std::nullopt;
            }
        }
        QList<QList<Event>> batches;
        for (qint64 j = 0; j < eventCount; ++j) {
            if (j % batchSize == 0)
                batches.append(QList<Event>());
            batches.last().append(data.event(ids->at(j % ids->size()), j, u"ingest-"_s));
        }
        QElapsedTimer timer;
        timer.start();
        inserted = 0;
        for (const QList<Event> &events : batches) {
            const Result<int> written = store.value()->insertEvents(events);
            if (!written) {
                out << "bench_ingest: " << written.error().message << Qt::endl;
                return std::nullopt;
            }
            inserted += written.value();
        }
        const double elapsed = seconds(timer);
        if (withOutbox) {
            // Not part of ingestion: what the dispatcher does later, a journal row at a time.
            timer.restart();
            const Result<int> expanded = store.value()->expandOutboxJournal();
            OutboxQuery pending;
            pending.limit = std::numeric_limits<int>::max();
            const Result<QList<OutboxMessage>> messages = store.value()->outboxMessages(pending);
            if (!expanded || !messages) {
                out << "bench_ingest: " << (!expanded ? expanded.error().message : messages.error().message)
                    << Qt::endl;
                return std::nullopt;
            }
            fannedOut = messages->size();
            fanOutSeconds = seconds(timer);
        }
        return elapsed;
    };

    qint64 inserted = 0;
    const std::optional<double> elapsed = run(false, inserted);
    if (!elapsed)
        return 1;
    const double rate = double(inserted) / *elapsed;
    out << "ingested " << inserted << " events in batches of " << batchSize << " in " << *elapsed
        << " s: " << qint64(rate) << " events/s (target >= 100000)" << Qt::endl;
    printResult(out, u"ingest_events_per_s"_s, rate, u"events/s"_s, u">=100000"_s);
    if (parser.isSet(outbox)) {
        qint64 insertedWithOutbox = 0;
        const std::optional<double> withOutbox = run(true, insertedWithOutbox);
        if (!withOutbox || insertedWithOutbox != inserted)
            return 1;
        const double outboxRate = double(insertedWithOutbox) / *withOutbox;
        const double slower = 100.0 * (1.0 - outboxRate / rate);
        out << "with the outbox (one webhook destination wanting every event): " << qint64(outboxRate) << " events/s, "
            << slower << " % slower (target <= 10 %); the dispatcher's fan-out of the journal into " << fannedOut
            << " messages (and reading them back) took " << fanOutSeconds << " s" << Qt::endl;
        printResult(out, u"ingest_outbox_events_per_s"_s, outboxRate, u"events/s"_s, u">=0.9x"_s);
    }
    return inserted == eventCount ? 0 : 1;
}
