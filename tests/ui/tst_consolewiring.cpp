// The console as main() assembles it: the sidebar holds the real Data sources, Audit log and Mapping
// screens, every view follows an entity switch, and the import action stores a spreadsheet through
// the backend so its rows show in the watchlist.
#include "auditlogmodel.h"
#include "auditlogpage.h"
#include "consolefixture.h"
#include "consolewiring.h"
#include "datasourcespage.h"
#include "entityswitcher.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "mappingpage.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "seededconsole.h"
#include "settingspage.h"
#include "storeconsolebackend.h"
#include "subscriptionservice.h"
#include "testdatabases.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"
#include "webhooklistener.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestConsoleWiring final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    SeededConsole m_console;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConsoleWiring> m_wiring;

    bool waitForWatchlist(int rows);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sidebarShowsRealPages_data();
    void sidebarShowsRealPages();
    void sidebarListsRegistryInOrder();
    void entitySwitchMovesEveryView();
    void importActionStoresRows();
    void signedOnlyConsoleListens();
};

void TestConsoleWiring::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_consolewiring"_s);
}

void TestConsoleWiring::init()
{
    QSettings().clear();
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    m_window = std::make_unique<MainWindow>(*m_console.backend);
    m_wiring = std::make_unique<ConsoleWiring>(*m_console.store, *m_console.backend, *m_window, u"quaywatch-test"_s);
    m_window->watchlistPage()->reload();
}

void TestConsoleWiring::cleanup()
{
    m_wiring.reset();
    m_window.reset();
    m_console.close();
}

bool TestConsoleWiring::waitForWatchlist(int rows)
{
    return QTest::qWaitFor([&] {
        return !m_window->watchlistPage()->isLoading() && m_window->watchlistPage()->model()->rowCount() == rows;
    });
}

void TestConsoleWiring::sidebarShowsRealPages_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("className");
    QTest::newRow("data sources: connections") << int(MainWindow::Page::DataSources) << u"DataSourcesPage"_s;
    QTest::newRow("data sources: subscriptions") << int(MainWindow::Page::DataSources) << u"SubscriptionsPage"_s;
    QTest::newRow("mapping") << int(MainWindow::Page::Mapping) << u"MappingPage"_s;
    QTest::newRow("audit log") << int(MainWindow::Page::AuditLog) << u"AuditLogPage"_s;
}

void TestConsoleWiring::sidebarShowsRealPages()
{
    QFETCH(int, page);
    QFETCH(QString, className);
    QWidget *pageWidget = m_window->pageWidget(MainWindow::Page(page));
    QVERIFY(pageWidget);
    QVERIFY(pageWidget->objectName() != u"placeholder"_s);
    // The page itself, or one of its tabs (Data sources holds Connections and Subscriptions).
    QWidget *widget = pageWidget->inherits(qPrintable(className)) ? pageWidget : nullptr;
    const QList<QWidget *> children = pageWidget->findChildren<QWidget *>();
    for (QWidget *child : children) {
        if (!widget && child->inherits(qPrintable(className)))
            widget = child;
    }
    QVERIFY2(widget, qPrintable(className + u" is not on the page"_s));
    m_window->showPage(MainWindow::Page(page));
    QCOMPARE(m_window->currentPage(), MainWindow::Page(page));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(m_window->findChildren<QWidget *>(u"placeholder"_s).size(), 0);
}

// The wired console lists every page of the registry, in its order, under its title.
void TestConsoleWiring::sidebarListsRegistryInOrder()
{
    QStringList titles;
    for (const PageDescription &page : PageRegistry::pages())
        titles.append(PageRegistry::title(page.page));
    QCOMPARE(titles, (QStringList{u"Today"_s, u"Dashboard"_s, u"Watchlist"_s, u"Data sources"_s, u"Mapping"_s,
                                  u"Audit log"_s, u"Settings"_s}));
    QCOMPARE(m_window->sidebarTitles(), titles);
    for (const PageDescription &page : PageRegistry::pages()) {
        QVERIFY2(m_window->pageWidget(page.page), page.id);
        QCOMPARE(MainWindow::pageFromName(QString::fromLatin1(page.id)), std::optional(page.page));
    }
}

void TestConsoleWiring::entitySwitchMovesEveryView()
{
    QVERIFY(waitForWatchlist(int(ConsoleFixture::numbers().size())));
    WatchEntry entry;
    entry.entity = u"other"_s;
    entry.containerNumber = ConsoleFixture::number(u"MSCU555000"_s);
    entry.provider = u"ports_america"_s;
    QVERIFY(m_console.store->addContainer(entry));
    AuditEntry audit;
    audit.at = QDateTime::currentDateTimeUtc();
    audit.user = u"tester"_s;
    audit.entity = u"other"_s;
    audit.provider = u"ports_america"_s;
    audit.action = u"connect"_s;
    audit.outcome = u"ok"_s;
    audit.detail = u"only for other"_s;
    QVERIFY(m_console.store->appendAudit(audit));

    QSignalSpy changed(m_console.backend.get(), &ConsoleBackend::entityChanged);
    m_wiring->dataSourcesPage()->entitySwitcher()->addEntity(u"other"_s);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_console.backend->entity(), u"other"_s);
    QCOMPARE(m_wiring->auditLogPage()->entity(), u"other"_s);
    QTRY_VERIFY(!m_wiring->auditLogPage()->isLoading()); // read on a worker thread
    QCOMPARE(m_wiring->auditLogPage()->model()->rowCount(), 1);
    QVERIFY(waitForWatchlist(1));
    QCOMPARE(m_window->watchlistPage()->model()->data(m_window->watchlistPage()->model()->index(0, 0)).toString(),
             entry.containerNumber);
    QVERIFY(QSettings().value(ConsoleWiring::entitiesKey()).toStringList().contains(u"other"_s));
    QCOMPARE(QSettings().value(ConsoleWiring::currentEntityKey()).toString(), u"other"_s);

    // And back: the first entity's watchlist returns.
    m_wiring->dataSourcesPage()->entitySwitcher()->addEntity(u"default"_s);
    QCOMPARE(m_wiring->auditLogPage()->entity(), u"default"_s);
    QVERIFY(waitForWatchlist(int(ConsoleFixture::numbers().size())));
}

void TestConsoleWiring::importActionStoresRows()
{
    QVERIFY(waitForWatchlist(int(ConsoleFixture::numbers().size())));
    QTemporaryDir folder;
    const QString path = folder.filePath(u"intake.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString first = ConsoleFixture::number(u"TGHU111222"_s);
    const QString second = ConsoleFixture::number(u"TGHU333444"_s);
    file.write(u"Container,Reference\n%1,PO-1\nNOT A NUMBER,PO-2\n%2,PO-3\n"_s.arg(first, second).toUtf8());
    file.close();

    bool sawDialog = false;
    QTimer::singleShot(0, this, [&sawDialog] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        dialog->providerBox()->setCurrentIndex(dialog->providerBox()->findData(u"ports_america"_s));
        dialog->accept();
    });
    m_window->importSpreadsheet(path);
    QVERIFY(sawDialog);
    QVERIFY(waitForWatchlist(int(ConsoleFixture::numbers().size()) + 2));
    const Result<std::vector<WatchlistRow>> rows = m_console.backend->loadWatchlist();
    QVERIFY(rows);
    QStringList numbers;
    for (const WatchlistRow &row : rows.value())
        numbers.append(row.number);
    QVERIFY(numbers.contains(first));
    QVERIFY(numbers.contains(second));

    // The rejected rows are in view in the report itself, each on its own line.
    auto *errors = m_window->findChild<QDialog *>(u"importErrors"_s);
    QVERIFY(errors);
    QVERIFY(errors->isVisible());
    auto *list = errors->findChild<QListWidget *>(u"importErrorList"_s);
    QVERIFY(list);
    QVERIFY(list->isVisible());
    QVERIFY(list->count() >= 1);
    QVERIFY2(list->item(0)->text().startsWith(u"row 3: "_s), qPrintable(list->item(0)->text()));
    QVERIFY(errors->findChildren<QLabel *>().size() >= 2);
    errors->close();

    // The import is in the audit log, and the action carries the shortcut.
    Result<QList<AuditEntry>> audit = m_console.store->auditEntries(u"default"_s);
    QVERIFY(audit);
    QVERIFY(std::any_of(audit->cbegin(), audit->cend(), [](const AuditEntry &e) { return e.action == u"import"_s; }));
    QCOMPARE(m_window->importAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
}

// A console whose only push provider signs its callbacks (an Envase signing key, no PortConnect
// subscription and so no shared token) still listens; the token endpoints refuse every caller,
// since the token it listens with was given to nobody.
void TestConsoleWiring::signedOnlyConsoleListens()
{
    const QString entity = m_console.backend->entity();
    const ModuleWebhook *tokenEndpoint = nullptr;
    const ModuleWebhook *signedEndpoint = nullptr;
    const QList<ModuleWebhook> webhooks = ProviderRegistry::builtIn().webhooks();
    for (const ModuleWebhook &webhook : webhooks) {
        if (webhook.module->webhookSecretFields().isEmpty())
            tokenEndpoint = &webhook;
        else
            signedEndpoint = &webhook;
    }
    QVERIFY(tokenEndpoint && signedEndpoint);
    SecretStore secrets(u"quaywatch-test"_s);
    const auto settle = [](auto &&call) -> Result<void> {
        std::optional<Result<void>> done;
        call([&done](const Result<void> &result) { done = result; });
        if (!QTest::qWaitFor([&done] { return done.has_value(); }, 15000))
            return makeError(ErrorKind::Internal, u"the keychain did not answer"_s);
        return *done;
    };
    (void)settle([&](auto done) { secrets.remove(SubscriptionService::webhookTokenKey(entity), done); }); // none: fine
    const QString key =
        SecretStore::key(entity, signedEndpoint->module->id(), signedEndpoint->module->webhookSecretFields().first());
    QVERIFY(settle([&](auto done) { secrets.write(key, u"console-signing-key-0123456789abcdef0123"_s, done); }));

    Q_EMIT m_window->settingsPage()->webhookListenChanged(u"127.0.0.1:0"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_wiring->webhookListener() && m_wiring->webhookListener()->isListening(), 15000);
    QNetworkAccessManager network;
    QNetworkRequest request(
        QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_wiring->webhookListener()->port()).arg(tokenEndpoint->path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("X-WebhookToken", "a-guessed-token-that-is-long-enough-0123456789");
    QNetworkReply *reply = network.post(request, QByteArray("[]"));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    reply->deleteLater();
    QVERIFY(settle([&](auto done) { secrets.remove(key, done); }));
}

QTEST_MAIN(TestConsoleWiring)
#include "tst_consolewiring.moc"
