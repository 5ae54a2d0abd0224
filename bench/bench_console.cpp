// bench_console: the console on 100,000 containers and 2,000,000 events (SPEC section 11): time from
// process start to the watchlist shown and interactive (target 1 s), filter keystrokes (30 ms),
// sorting every column (150 ms), opening the Today page (300 ms) and resident memory (250 MB). The data is generated
// first; the console is then measured in a fresh child process so start-up and memory are what a user gets.
#include "benchdata.h"
#include "clock.h"
#include "mainwindow.h"
#include "storeconsolebackend.h"
#include "todaymodel.h"
#include "todaypage.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"
#include "watchlistproxymodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

double residentMegabytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void measureFiltering(QTextStream &out, WatchlistPage &page)
{
    // What coordinators type: a number prefix, a vessel, a reference, each letter by letter, then erased.
    const QStringList typed = {u"tcnu12"_s, u"ever g"_s, u"po-45"_s, u"msc"_s};
    QLineEdit *filter = page.filterEdit();
    double total = 0;
    double worst = 0;
    int keystrokes = 0;
    for (const QString &text : typed) {
        QStringList steps;
        for (qsizetype length = 1; length <= text.size(); ++length)
            steps.append(text.left(length));
        for (qsizetype length = text.size() - 1; length >= 0; --length)
            steps.append(text.left(length));
        for (const QString &step : std::as_const(steps)) {
            QElapsedTimer timer;
            timer.start();
            filter->setText(step);
            QCoreApplication::processEvents();
            const double elapsed = milliseconds(timer);
            total += elapsed;
            worst = std::max(worst, elapsed);
            ++keystrokes;
        }
    }
    printResult(out, u"console_filter_keystroke_avg"_s, total / keystrokes, u"ms"_s, u"< 30 ms"_s);
    printResult(out, u"console_filter_keystroke_max"_s, worst, u"ms"_s, u"< 30 ms"_s);
}

void measureSorting(QTextStream &out, WatchlistPage &page)
{
    QHeaderView *header = page.table()->horizontalHeader();
    double worst = 0;
    for (int column = 0; column < WatchlistModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            QElapsedTimer timer;
            timer.start();
            header->setSortIndicator(column, order); // what a header click does
            QCoreApplication::processEvents();
            const double elapsed = milliseconds(timer);
            worst = std::max(worst, elapsed);
            if (order == Qt::AscendingOrder) {
                const QString name = page.model()->headerData(column, Qt::Horizontal).toString();
                out << "  sort " << name << ": " << QString::number(elapsed, 'f', 1) << " ms" << Qt::endl;
            }
        }
    }
    printResult(out, u"console_sort_max_column"_s, worst, u"ms"_s, u"< 150 ms"_s);
}

// The Today page opened once everything is loaded: grouping every row, the tree laid out and painted.
void measureToday(QTextStream &out, MainWindow &window)
{
    QElapsedTimer timer;
    timer.start();
    window.showPage(MainWindow::Page::Today);
    QCoreApplication::processEvents();
    const double elapsed = milliseconds(timer);
    const TodayModel *model = window.todayPage()->model();
    out << "  today:";
    for (int group = 0; group < todaySituationCount; ++group)
        out << ' ' << TodaySituations::key(TodaySituation(group)) << '=' << model->count(TodaySituation(group));
    out << Qt::endl;
    printResult(out, u"console_today_open"_s, elapsed, u"ms"_s, u"< 300 ms"_s);
    window.showPage(MainWindow::Page::Watchlist);
    QCoreApplication::processEvents();
}

int measure(QApplication &app, const QString &database, const QElapsedTimer &sinceStart, const Clock &clock)
{
    QTextStream out(stdout);
    Result<std::unique_ptr<Store>> store = Store::open(database, clock);
    if (!store) {
        out << "cannot open " << database << ": " << store.error().message << Qt::endl;
        return 1;
    }
    StoreConsoleBackend backend(*store.value(), u"default"_s, clock);
    MainWindow window(backend);
    window.showPage(MainWindow::Page::Watchlist);
    window.show();
    window.watchlistPage()->reloadInBackground();
    // Interactive: the window is shown and the event loop answers the next queued event.
    bool answered = false;
    QTimer::singleShot(0, &app, [&answered] { answered = true; });
    while (!answered)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    const double startSeconds = seconds(sinceStart);
    out << "INTERACTIVE " << window.watchlistPage()->proxy()->rowCount() << Qt::endl;
    printResult(out, u"console_start_to_interactive_in_process"_s, startSeconds, u"s"_s, u"< 1 s"_s);
    // The rows stream in behind the shown window: when the first ones are on screen, and when all are.
    WatchlistPage *page = window.watchlistPage();
    while (page->proxy()->rowCount() == 0 && page->isLoading())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    printResult(out, u"console_start_to_first_rows"_s, seconds(sinceStart), u"s"_s, u"< 1 s"_s);
    double worstPause = 0;
    QElapsedTimer pause;
    pause.start();
    while (page->isLoading()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        worstPause = std::max(worstPause, milliseconds(pause));
        pause.restart();
    }
    printResult(out, u"console_start_to_all_rows"_s, seconds(sinceStart), u"s"_s, u"(background)"_s);
    printResult(out, u"console_event_loop_worst_pause_while_loading"_s, worstPause, u"ms"_s, u"(interactive)"_s);
    out << "LOADED " << page->proxy()->rowCount() << Qt::endl;
    printResult(out, u"console_rss_after_load"_s, residentMegabytes(), u"MB"_s, u"< 250 MB"_s);
    measureToday(out, window);
    measureFiltering(out, *window.watchlistPage());
    measureSorting(out, *window.watchlistPage());
    printResult(out, u"console_rss_after_use"_s, residentMegabytes(), u"MB"_s, u"< 250 MB"_s);
    return 0;
}

// Generates the fleet, then runs this program again with --measure and reports its start-up as seen
// from outside (exec, libraries, store, load, first paint).
int generateAndRun(const QString &program, int containers, qint64 events, const QString &keep, const Clock &clock)
{
    QTextStream out(stdout);
    QTemporaryDir folder;
    const QString database = keep.isEmpty() ? folder.filePath(u"console.sqlite"_s) : keep;
    if (!QFile::exists(database)) {
        auto store = Store::open(database, clock);
        if (!store) {
            out << store.error().message << Qt::endl;
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        BenchData data;
        const Result<QList<qint64>> ids = data.addFleet(*store.value(), containers);
        const Result<qint64> added = ids ? data.addEvents(*store.value(), ids.value(), events, 20000, u"console"_s)
                                         : Result<qint64>(ids.error());
        if (!added) {
            out << "cannot generate: " << added.error().message << Qt::endl;
            return 1;
        }
        out << "generated " << containers << " containers and " << added.value() << " events in "
            << QString::number(seconds(timer), 'f', 1) << " s" << Qt::endl;
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    child.start(program, {u"--measure"_s, database});
    double startup = -1;
    QByteArray buffer;
    while (child.state() != QProcess::NotRunning || child.bytesAvailable() > 0) {
        child.waitForReadyRead(100);
        buffer += child.readAll();
        if (startup < 0 && buffer.contains("INTERACTIVE"))
            startup = seconds(timer);
    }
    out << QString::fromUtf8(buffer);
    printResult(out, u"console_process_start_to_interactive"_s, startup, u"s"_s, u"< 1 s"_s);
    return child.exitCode();
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "quaywatch.*.debug=false");
    QApplication app(argc, argv);
    const SystemClock clock; // the benchmark's one time source, handed to the store and the console
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{u"measure"_s, u"Measure the console on this database (internal)."_s, u"db"_s},
                       {u"containers"_s, u"Containers to generate."_s, u"n"_s, u"100000"_s},
                       {u"events"_s, u"Events to generate."_s, u"n"_s, u"2000000"_s},
                       {u"keep"_s, u"Keep (and reuse) the generated database at this path."_s, u"path"_s}});
    parser.process(app);
    if (parser.isSet(u"measure"_s))
        return measure(app, parser.value(u"measure"_s), sinceStart, clock);
    return generateAndRun(QCoreApplication::applicationFilePath(), parser.value(u"containers"_s).toInt(),
                          parser.value(u"events"_s).toLongLong(), parser.value(u"keep"_s), clock);
}
