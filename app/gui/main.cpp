// quaywatch: the coordinator's console. Only wiring: parse options, open the store (or start the
// demo), build the backend and the window, and run.
#include "auditlogpage.h"
#include "connectionservice.h"
#include "consolesession.h"
#include "consolewiring.h"
#include "crashhygiene.h"
#include "datasourcespage.h"
#include "demosession.h"
#include "mainwindow.h"
#include "providerregistry.h"
#include "settings.h"
#include "settingsmigrations.h"
#include "storeconsolebackend.h"
#include "translations.h"
#include "watchlistpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QMessageBox>
#include <QScreen>
#include <QTableView>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Options
{
    bool demo = false;
    bool listViews = false;
    QString screenshot;
    std::optional<QString> view; // absent: the page shown last (the watchlist for a screenshot)
    QString database;
    std::optional<QString> entity; // absent: the one shown last
    QString language;
};

std::optional<Options> parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Quaywatch operations console"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"demo"_s, u"Run against the built-in simulator with demo data."_s},
        {u"screenshot"_s,
         u"Render a view to a PNG file and exit. The window takes the screen's available size (or -geometry); "
         "a page that needs more is rendered larger."_s,
         u"file"_s},
        {u"list-views"_s, u"Print the page names --view accepts, one per line, in sidebar order, and exit."_s},
        {u"view"_s, u"Page to show (and to render for --screenshot): "_s % PageRegistry::ids().join(u", "_s) % u'.',
         u"name"_s},
        {u"db"_s, u"Database: a file path or postgresql://user[:password]@host[:port]/dbname."_s, u"location"_s},
        {u"entity"_s, u"Company whose watchlist is shown (default: the one shown last, else default)."_s, u"name"_s},
        {u"language"_s, u"User interface language: en, nl or es (default: the Settings choice, else the system's)."_s,
         u"code"_s},
    });
    parser.process(app);
    Options options;
    options.demo = parser.isSet(u"demo"_s);
    options.listViews = parser.isSet(u"list-views"_s);
    options.screenshot = parser.value(u"screenshot"_s);
    if (parser.isSet(u"view"_s))
        options.view = parser.value(u"view"_s);
    options.database = parser.value(u"db"_s);
    options.language = parser.value(u"language"_s).trimmed();
    if (parser.isSet(u"entity"_s))
        options.entity = parser.value(u"entity"_s).trimmed();
    if (options.view && !MainWindow::pageFromName(*options.view)) {
        std::fprintf(stderr, "quaywatch: unknown --view '%s'\n", qPrintable(*options.view));
        return std::nullopt;
    }
    return options;
}

QByteArray demoScenario()
{
    QFile file(u":/scenarios/demo.json"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Shows the page, selects the first watchlist row (so the detail pane has something to show), writes
// the PNG and ends the event loop with the outcome.
void saveScreenshot(MainWindow &window, MainWindow::Page page, const QString &path)
{
    window.showPage(page);
    if (page == MainWindow::Page::Watchlist) {
        QTableView *table = window.watchlistPage()->table();
        if (table->model()->rowCount() > 0)
            table->selectRow(0);
    }
    QCoreApplication::processEvents();
    const bool saved = window.grab().save(path, "PNG");
    std::fprintf(saved ? stdout : stderr, saved ? "Screenshot written to %s\n" : "quaywatch: cannot write %s\n",
                 qPrintable(path));
    QCoreApplication::exit(saved ? 0 : 1);
}

// The demo also connects every other account the modules name for the simulator (e.g. a terminal
// account), so the Data sources screen shows more than one connected card.
void connectDemoAccounts(ConnectionService *connections, const QUrl &simulator, const QString &entity)
{
    for (const auto &module : ProviderRegistry::builtIn().modules()) {
        for (const DemoAccount &account : module->demoAccounts()) {
            if (!account.truckerCodeField.isEmpty())
                continue; // the traced account, connected by DemoSession itself
            ConnectionDraft draft;
            draft.provider = account.provider;
            draft.fields = account.fields;
            draft.secrets = account.secrets;
            draft.baseUrl = simulator.toString() % account.basePath;
            const Result<PreparedConnection> prepared = connections->prepare(entity, draft);
            if (!prepared) {
                std::fprintf(stderr, "quaywatch: demo account %s: %s\n", qPrintable(account.provider),
                             qPrintable(prepared.error().message));
                continue;
            }
            connections->save(prepared.value(), {});
        }
    }
}

QIcon applicationIcon()
{
    const QString name = u"io.github.quaywatch.Quaywatch"_s;
    return QIcon::fromTheme(name, QIcon(u":/icons/"_s % name % u".svg"_s));
}

// --entity wins; otherwise the entity shown last, so support working "as" a company stays there.
QString startEntity(const Options &options)
{
    if (options.entity && !options.entity->isEmpty())
        return *options.entity;
    const QString last = Settings().value(SettingKey::CurrentEntity).toString();
    return last.isEmpty() ? u"default"_s : last;
}

void scheduleScreenshot(MainWindow &window, ConsoleBackend &backend, const Options &options, bool demo)
{
    const QString path = options.screenshot;
    const MainWindow::Page page = *MainWindow::pageFromName(options.view.value_or(u"watchlist"_s));
    const auto render = [&window, path, page] { saveScreenshot(window, page, path); };
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
            &backend, &ConsoleBackend::syncFinished, &window, [shoot] { QTimer::singleShot(1500, shoot); },
            Qt::SingleShotConnection);
        QTimer::singleShot(60000, &window, shoot); // never wait forever for a first sync
    } else {
        QTimer::singleShot(300, &window, shoot);
    }
}

// Connects the demo accounts, then starts the demo's sync timer. The window and wiring are the
// session's at the time the account is connected (the user may have switched the language).
void startDemo(DemoSession &demo, ConsoleSession &session, const Options &options, QTimer &syncTimer)
{
    const QString entity = QString::fromLatin1(DemoSession::entity);
    session.wiring().setFixedAdapter(entity, demo.adapter());
    demo.connectAccount([&demo, &session, &options, &syncTimer, entity](const QString &warning) {
        if (!warning.isEmpty()) {
            std::fprintf(stderr, "quaywatch: %s\n", qPrintable(warning));
            if (options.screenshot.isEmpty())
                QMessageBox::warning(&session.window(), QCoreApplication::translate("main", "Keychain"), warning);
        }
        ConsoleWiring &wiring = session.wiring();
        wiring.dataSourcesPage()->refresh();
        wiring.auditLogPage()->refresh();
        connectDemoAccounts(wiring.connections(), demo.simulatorUrl(), entity);
        wiring.reloadConnections();
        syncTimer.start();
    });
}

// What every window the session builds gets: the demo's title, and after a rebuild in another
// language the demo's fixed adapter and the accounts' sync again.
ConsoleSession::Prepare prepareWindow(DemoSession *demo)
{
    return [demo](MainWindow &window, ConsoleWiring &wiring, bool rebuilt) {
        if (demo)
            window.setWindowTitle(QCoreApplication::translate("main", "Quaywatch (demo)"));
        if (!rebuilt)
            return;
        if (demo)
            wiring.setFixedAdapter(QString::fromLatin1(DemoSession::entity), demo->adapter());
        wiring.reloadConnections();
    };
}

} // namespace

int main(int argc, char *argv[])
{
    CrashHygiene::install("quaywatch"); // no core dumps (secrets in memory), one-line fatal errors

    // The console is for coordinators: debug chatter only when asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "quaywatch.*.debug=false");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Quaywatch"_s);
    QApplication::setApplicationName(u"quaywatch"_s);
    QGuiApplication::setDesktopFileName(u"io.github.quaywatch.Quaywatch"_s);
    QApplication::setWindowIcon(applicationIcon());
    {
        Settings settings; // settings written by an older Quaywatch are brought up to date first
        SettingsMigrations::run(settings);
    }
    const std::optional<Options> options = parseOptions(app);
    if (!options)
        return 2;
    if (options->listViews) {
        for (const QString &id : PageRegistry::ids())
            std::printf("%s\n", qPrintable(id));
        return 0;
    }
    // Nothing translated is built before this point.
    Translations::install(app, options->language);
    ProviderRegistry::builtIn(); // registers the modules' destination field tables before any store write

    std::unique_ptr<DemoSession> demo;
    std::unique_ptr<Store> ownStore;
    const SystemClock systemClock; // the executable's one time source outside the demo
    Store *store = nullptr;
    const Clock *clock = &systemClock;
    QString entity = startEntity(*options);
    if (options->demo) {
        demo = std::make_unique<DemoSession>();
        if (Result<void> started = demo->start(demoScenario(), systemClock); !started) {
            std::fprintf(stderr, "quaywatch: cannot start the demo: %s\n", qPrintable(started.error().message));
            return 1;
        }
        store = &demo->store();
        clock = &demo->clock();
        entity = QString::fromLatin1(DemoSession::entity);
    } else {
        Result<std::unique_ptr<Store>> opened =
            Store::open(options->database.isEmpty() ? Store::defaultLocation() : options->database, systemClock);
        if (!opened) {
            std::fprintf(stderr, "quaywatch: %s\n", qPrintable(opened.error().message));
            return 1;
        }
        ownStore = std::move(opened.value());
        store = ownStore.get();
    }

    StoreConsoleBackend backend(*store, entity, *clock);
    ConsoleSession session(*store, backend, demo ? DemoSession::secretService() : u"quaywatch"_s,
                           prepareWindow(demo.get()));
    session.build();
    MainWindow &window = session.window();
    if (options->view)
        window.showPage(*MainWindow::pageFromName(*options->view)); // else the page MainWindow restored
    if (!options->screenshot.isEmpty() && window.screen())
        window.resize(window.screen()->availableGeometry().size()); // -geometry, when given, wins at show()
    window.show();
    // The window is up at once; the watchlist streams in from a worker thread behind it.
    window.watchlistPage()->reloadInBackground();

    // Demo: a cycle every few seconds while the simulator plays ten hours a minute. Without an
    // account the timer's cycles do nothing.
    QTimer syncTimer;
    syncTimer.setInterval(demo ? 5000 : 60000);
    QObject::connect(&syncTimer, &QTimer::timeout, &backend, &StoreConsoleBackend::syncNow);
    if (!options->screenshot.isEmpty())
        scheduleScreenshot(window, backend, *options, bool(demo));

    if (demo) {
        startDemo(*demo, session, *options, syncTimer);
    } else {
        session.wiring().reloadConnections();
        syncTimer.start();
    }
    return QApplication::exec();
}
