// quaywatch: the coordinator's console. Only wiring: parse options, open the store (or start the
// demo), build the backend and the window, and run.
#include "demosession.h"
#include "liveconnections.h"
#include "mainwindow.h"
#include "portsamericaadapter.h"
#include "storeconsolebackend.h"
#include "watchlistpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Options
{
    bool demo = false;
    QString screenshot;
    QString view = u"watchlist"_s;
    QString database;
    QString entity = u"default"_s;
};

std::optional<Options> parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Quaywatch operations console"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"demo"_s, u"Run against the built-in simulator with demo data."_s},
        {u"screenshot"_s, u"Render a view to a PNG file and exit."_s, u"file"_s},
        {u"view"_s, u"View for --screenshot: dashboard, watchlist, datasources, mapping, audit."_s, u"name"_s},
        {u"db"_s, u"Database: a file path or postgresql://user[:password]@host[:port]/dbname."_s, u"location"_s},
        {u"entity"_s, u"Company whose watchlist is shown (default: default)."_s, u"name"_s},
    });
    parser.process(app);
    Options options;
    options.demo = parser.isSet(u"demo"_s);
    options.screenshot = parser.value(u"screenshot"_s);
    if (parser.isSet(u"view"_s))
        options.view = parser.value(u"view"_s);
    options.database = parser.value(u"db"_s);
    if (parser.isSet(u"entity"_s))
        options.entity = parser.value(u"entity"_s).trimmed();
    if (!MainWindow::pageFromName(options.view)) {
        std::fprintf(stderr, "quaywatch: unknown --view '%s'\n", qPrintable(options.view));
        return std::nullopt;
    }
    return options;
}

QByteArray demoScenario()
{
    QFile file(u":/scenarios/demo.json"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void saveScreenshot(MainWindow &window, const QString &path)
{
    window.showPage(*MainWindow::pageFromName(u"watchlist"_s));
    QTableView *table = window.watchlistPage()->table();
    if (table->model()->rowCount() > 0)
        table->selectRow(0);
    QCoreApplication::processEvents();
    const bool saved = window.grab().save(path, "PNG");
    std::fprintf(saved ? stdout : stderr, saved ? "Screenshot written to %s\n" : "quaywatch: cannot write %s\n",
                 qPrintable(path));
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace

int main(int argc, char *argv[])
{
    // Secrets pass through this process's memory; keep them out of core dumps.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);

    // The console is for coordinators: debug chatter only when asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "quaywatch.*.debug=false");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Quaywatch"_s);
    QApplication::setApplicationName(u"quaywatch"_s);
    const std::optional<Options> options = parseOptions(app);
    if (!options)
        return 2;

    std::unique_ptr<DemoSession> demo;
    std::unique_ptr<Store> ownStore;
    SystemClock systemClock;
    Store *store = nullptr;
    const Clock *clock = &systemClock;
    QString entity = options->entity;
    if (options->demo) {
        demo = std::make_unique<DemoSession>();
        if (Result<void> started = demo->start(demoScenario()); !started) {
            std::fprintf(stderr, "quaywatch: cannot start the demo: %s\n", qPrintable(started.error().message));
            return 1;
        }
        store = &demo->store();
        clock = &demo->clock();
        entity = QString::fromLatin1(DemoSession::entity);
    } else {
        Result<std::unique_ptr<Store>> opened =
            Store::open(options->database.isEmpty() ? Store::defaultLocation() : options->database);
        if (!opened) {
            std::fprintf(stderr, "quaywatch: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        ownStore = std::move(opened.value());
        store = ownStore.get();
    }

    StoreConsoleBackend backend(*store, entity, *clock);
    MainWindow window(backend);
    if (demo)
        window.setWindowTitle(QCoreApplication::translate("main", "Quaywatch (demo)"));
    window.showPage(*MainWindow::pageFromName(options->view));
    window.show();
    // The window is up at once; the watchlist streams in from a worker thread behind it.
    window.watchlistPage()->reloadInBackground();

    // Demo: a cycle every few seconds while the simulator plays ten hours a minute.
    QTimer syncTimer;
    syncTimer.setInterval(demo ? 5000 : 60000);
    QObject::connect(&syncTimer, &QTimer::timeout, &backend, &StoreConsoleBackend::syncNow);

    if (!options->screenshot.isEmpty()) {
        const QString path = options->screenshot;
        const QString view = options->view;
        const auto render = [&window, path, view] {
            window.showPage(*MainWindow::pageFromName(view));
            QCoreApplication::processEvents();
            if (view == u"watchlist"_s)
                return saveScreenshot(window, path);
            const bool saved = window.grab().save(path, "PNG");
            std::fprintf(saved ? stdout : stderr, saved ? "Screenshot written to %s\n" : "quaywatch: cannot write %s\n",
                         qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 1);
        };
        // Rendered once the watchlist (and so the dashboard) holds everything the database has.
        const auto shoot = [&window, render] {
            WatchlistPage *page = window.watchlistPage();
            if (!page->isLoading())
                return render();
            QObject::connect(
                page, &WatchlistPage::loaded, &window, [render] { QTimer::singleShot(300, render); },
                Qt::SingleShotConnection);
        };
        if (demo) {
            QObject::connect(
                &backend, &ConsoleBackend::syncFinished, &window, [shoot] { QTimer::singleShot(300, shoot); },
                Qt::SingleShotConnection);
            QTimer::singleShot(60000, &window, shoot); // never wait forever for a first sync
        } else {
            QTimer::singleShot(300, &window, shoot);
        }
    }

    std::unique_ptr<LiveConnections> live;
    if (demo) {
        backend.setAdapter(demo->adapter());
        demo->connectAccount([&](const QString &warning) {
            if (!warning.isEmpty()) {
                std::fprintf(stderr, "quaywatch: %s\n", qPrintable(warning));
                if (options->screenshot.isEmpty())
                    QMessageBox::warning(&window, QCoreApplication::translate("main", "Keychain"), warning);
            }
            backend.syncNow();
            syncTimer.start();
        });
    } else {
        live = std::make_unique<LiveConnections>(*store, entity);
        live->load([&](PortsAmericaAdapter *adapter) { backend.setAdapter(adapter); },
                   [&](const QStringList &problems) {
                       for (const QString &problem : problems)
                           std::fprintf(stderr, "quaywatch: %s\n", qPrintable(problem));
                       if (backend.hasAdapters()) {
                           backend.syncNow();
                           syncTimer.start();
                       }
                   });
    }
    return app.exec();
}
