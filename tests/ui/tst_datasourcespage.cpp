// The Data sources screen: a card per catalog provider grouped by region, search, entity
// switching, the error badge with troubleshooting, Verify, Sync now and Disconnect with
// confirmation. Real SQLite, keychain and simulator.
#include "connectionservice.h"
#include "datasourcespage.h"
#include "entityswitcher.h"
#include "providercard.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "testdatabases.h"

#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestDataSourcesPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cardsFromCatalog();
    void portProCardUnderOutbound();
    void searchFilters();
    void cardShowsTheProvidersWait();
    void errorBadgeShowsAdvice();
    void entitiesAreSeparate();
    void disconnectAsksAndKeepsHistory();
    void findKeyIsNotAmbiguous();

private:
    bool connectPsa(const QString &entity, const QString &password);

    bool m_haveBus = false;
    SimulatorProcess m_sim;
    std::optional<ProviderCatalog> m_catalog;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionService> m_service;
    std::unique_ptr<DataSourcesPage> m_page;
    QString m_entity;
};

void TestDataSourcesPage::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(m_sim.start({u"--user"_s, u"ops:pw-sim"_s}), qPrintable(m_sim.errorString()));
    auto catalog = ProviderCatalog::load();
    QVERIFY(catalog.ok());
    m_catalog = std::move(catalog).value();
}

void TestDataSourcesPage::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_secrets = std::make_unique<SecretStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = std::make_unique<ConnectionService>(m_store.get(), &*m_catalog, m_secrets.get(), m_network.get());
    m_entity = u"page-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_page = std::make_unique<DataSourcesPage>(m_service.get(), QStringList{m_entity}, m_entity);
    m_page->resize(1200, 800);
    m_page->show();
}

void TestDataSourcesPage::cleanup()
{
    m_page.reset();
    m_service.reset();
    m_network.reset();
    m_secrets.reset();
    m_store.reset();
    m_database.reset();
}

bool TestDataSourcesPage::connectPsa(const QString &entity, const QString &password)
{
    auto prepared = m_service->prepare(entity, {u"psa_eportal"_s,
                                                {{u"username"_s, u"ops"_s}},
                                                {{u"password"_s, password}},
                                                std::nullopt,
                                                m_sim.baseUrl().toString() % u"/dockflow/psa"_s});
    if (!prepared)
        return false;
    QSignalSpy finished(m_service.get(), &ConnectionService::verificationFinished);
    m_service->save(prepared.value(), {});
    return finished.wait(20000);
}

void TestDataSourcesPage::cardsFromCatalog()
{
    for (const CatalogProvider &provider : m_catalog->providers()) {
        ProviderCard *card = m_page->card(provider.id);
        QVERIFY2(card, qPrintable(provider.id));
        QCOMPARE(card->statusText(), u"Not connected"_s);
        QCOMPARE(card->findChild<QLabel *>(u"name"_s)->text(), provider.displayName);
        const bool outbound = provider.workflow == u"outbound_push"_s;
        QCOMPARE(bool(card->findChild<QLabel *>(u"syncNote"_s)), !provider.dataSyncImplemented && !outbound);
        QCOMPARE(bool(card->findChild<QLabel *>(u"outboundNote"_s)), outbound);
        QVERIFY(!card->findChild<QPushButton *>(u"disconnectButton"_s)->isEnabled());
        QVERIFY(!card->findChild<QPushButton *>(u"syncButton"_s)->isEnabled());
    }
    QStringList titles;
    const auto groups = m_page->findChildren<QGroupBox *>();
    for (const QGroupBox *group : groups)
        titles.append(group->title());
    QVERIFY(titles.contains(u"Europe — Belgium - Antwerp"_s));
    QVERIFY(titles.contains(u"Europe — Netherlands - Rotterdam"_s));
    QVERIFY(titles.contains(u"North America"_s));
}

// PortPro is a destination: its card sits in the "Outbound" group, offers Test connection, no sync.
void TestDataSourcesPage::portProCardUnderOutbound()
{
    ProviderCard *card = m_page->card(u"portpro"_s);
    QVERIFY(card);
    QCOMPARE(card->findChild<QLabel *>(u"name"_s)->text(), u"PortPro"_s);
    QCOMPARE(card->findChild<QLabel *>(u"outboundNote"_s)->text(),
             u"Outbound: Quaywatch sends container changes here"_s);
    QCOMPARE(card->findChild<QPushButton *>(u"verifyButton"_s)->text(), u"Test connection"_s);
    QVERIFY(card->findChild<QPushButton *>(u"syncButton"_s)->isHidden());
    const QGroupBox *group = qobject_cast<const QGroupBox *>(card->parentWidget());
    QVERIFY(group);
    QCOMPARE(group->title(), u"Outbound"_s);
    QVERIFY(!m_catalog->polledProviderIds().contains(u"portpro"_s));
}

void TestDataSourcesPage::searchFilters()
{
    QTest::keyClicks(m_page->searchBox(), u"rotterdam"_s);
    QVERIFY(m_page->card(u"ect_myterminal"_s)->isVisible());
    QVERIFY(!m_page->card(u"psa_eportal"_s)->isVisible());
    QVERIFY(!m_page->card(u"ports_america"_s)->isVisible());
    m_page->searchBox()->clear();
    QVERIFY(m_page->card(u"psa_eportal"_s)->isVisible());
}

// A provider that answered Retry-After: the card says until when nothing is sent to it, and stops
// saying so once the wait is over (the next cycle clears it).
void TestDataSourcesPage::cardShowsTheProvidersWait()
{
    ProviderCard *card = m_page->card(u"ports_america"_s);
    QVERIFY(card);
    ConnectionRecord record;
    record.entity = m_entity;
    record.provider = u"ports_america"_s;
    record.status = u"connected"_s;
    record.lastSyncAt = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
    record.waitUntil = record.lastSyncAt.addSecs(3600);
    card->setConnection(record, false);
    const QString wait = u"The provider asked to wait: next attempt "_s +
                         QLocale().toString(record.waitUntil.toLocalTime(), QLocale::ShortFormat);
    QVERIFY2(card->timesText().endsWith(wait), qPrintable(card->timesText()));
    record.waitUntil = {};
    card->setConnection(record, false);
    QVERIFY2(!card->timesText().contains(u"asked to wait"_s), qPrintable(card->timesText()));
}

void TestDataSourcesPage::errorBadgeShowsAdvice()
{
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    QVERIFY(connectPsa(m_entity, u"wrong-password"_s));
    ProviderCard *card = m_page->card(u"psa_eportal"_s);
    QCOMPARE(card->statusText(), u"Error"_s);
    // The failure is the card's state: not "Connected as" with an error beside it.
    QCOMPARE(card->identifierText(), u"Saved account: ops (not working)"_s);
    QVERIFY2(card->timesText().startsWith(u"Last verification: never"_s), qPrintable(card->timesText()));
    const QString problem = card->findChild<QLabel *>(u"problem"_s)->text();
    QVERIFY2(problem.contains(u"refused the credentials"_s) && problem.contains(u"Reset the password"_s),
             qPrintable(problem));
    // Verify again with the right password saved: the badge goes through Verifying to Connected.
    QVERIFY(connectPsa(m_entity, u"pw-sim"_s));
    QCOMPARE(card->statusText(), u"Connected"_s);
    QVERIFY(card->findChild<QLabel *>(u"identifier"_s)->text().contains(u"ops"_s));
    QSignalSpy finished(m_service.get(), &ConnectionService::verificationFinished);
    card->findChild<QPushButton *>(u"verifyButton"_s)->click();
    QCOMPARE(card->statusText(), u"Verifying"_s);
    QVERIFY(finished.wait(20000));
    QCOMPARE(card->statusText(), u"Connected"_s);
}

void TestDataSourcesPage::entitiesAreSeparate()
{
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    QVERIFY(connectPsa(m_entity, u"pw-sim"_s));
    QCOMPARE(m_page->card(u"psa_eportal"_s)->statusText(), u"Connected"_s);
    QSignalSpy changed(m_page.get(), &DataSourcesPage::entityChanged);
    const QString other = m_entity % u"-other"_s;
    m_page->setEntity(other);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_page->entity(), other);
    QCOMPARE(m_page->card(u"psa_eportal"_s)->statusText(), u"Not connected"_s);
    QVERIFY(m_page->entitySwitcher()->entities().contains(m_entity));
    m_page->setEntity(m_entity);
    QCOMPARE(m_page->card(u"psa_eportal"_s)->statusText(), u"Connected"_s);
}

void TestDataSourcesPage::disconnectAsksAndKeepsHistory()
{
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    QVERIFY(connectPsa(m_entity, u"pw-sim"_s));
    WatchEntry entry;
    entry.containerNumber = u"MSCU1234566"_s;
    entry.entity = m_entity;
    entry.provider = u"psa_eportal"_s;
    QVERIFY(m_store->addContainer(entry).ok());
    ProviderCard *card = m_page->card(u"psa_eportal"_s);
    auto *disconnect = card->findChild<QPushButton *>(u"disconnectButton"_s);
    // First answer Cancel, then Yes.
    QString question;
    auto answer = [&question](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [&question, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            question = box->text();
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    disconnect->click();
    QVERIFY2(question.contains(u"History is kept"_s), qPrintable(question));
    QCOMPARE(card->statusText(), u"Connected"_s);
    answer(QMessageBox::Yes);
    disconnect->click();
    QTRY_COMPARE(card->statusText(), u"Not connected"_s);
    QCOMPARE(m_store->containers(m_entity).value().size(), 1);
}

// The window has its own Ctrl+F (the watchlist's filter): inside this page the key searches the
// providers, once, and the window's shortcut is not fired (an ambiguous shortcut does nothing).
void TestDataSourcesPage::findKeyIsNotAmbiguous()
{
    QMainWindow window;
    auto *windowFind = new QAction(&window);
    windowFind->setShortcut(QKeySequence::Find);
    window.addAction(windowFind);
    QSignalSpy windowFound(windowFind, &QAction::triggered);
    DataSourcesPage *page = new DataSourcesPage(m_service.get(), QStringList{m_entity}, m_entity);
    window.setCentralWidget(page);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *connectButton = page->card(u"ports_america"_s)->findChild<QPushButton *>(u"connectButton"_s);
    connectButton->setFocus();
    QVERIFY(connectButton->hasFocus());
    QTest::keyClick(connectButton, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(page->searchBox()->hasFocus());
    QCOMPARE(windowFound.size(), 0);
}

QTEST_MAIN(TestDataSourcesPage)
#include "tst_datasourcespage.moc"
