// Every kind of connect dialog (one per auth type in the catalog), opened from its card, filled,
// saved through the real keychain and verified against the real simulator where the provider has a
// verification; the card must follow, and no saved secret may be readable from any widget.
#include "connectdialog.h"
#include "connectionservice.h"
#include "datasourcespage.h"
#include "providercard.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "testdatabases.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QUuid>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestConnectDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void eachAuthType_data();
    void eachAuthType();
    void requiredAndTrimmed();
    void keychainTroubleIsShown();
    void testConnectionBeforeSaving();
    void baseUrlShownWhereRequired();

private:
    QStringList widgetTexts(QWidget *root) const;
    bool disconnect(const QString &provider);

    bool m_haveBus = false;
    SimulatorProcess m_sim;
    std::optional<ProviderCatalog> m_catalog;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionService> m_service;
    std::unique_ptr<DataSourcesPage> m_page;
};

void TestConnectDialog::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(m_sim.start({u"--user"_s, u"ops:pw-sim"_s}), qPrintable(m_sim.errorString()));
    auto catalog = ProviderCatalog::load();
    QVERIFY(catalog.ok());
    m_catalog = std::move(catalog).value();
}

void TestConnectDialog::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_secrets = std::make_unique<SecretStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = std::make_unique<ConnectionService>(m_store.get(), &*m_catalog, m_secrets.get(), m_network.get());
    const QString entity = u"gui-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_page = std::make_unique<DataSourcesPage>(m_service.get(), QStringList{entity}, entity);
    m_page->resize(1200, 800);
    m_page->show();
}

void TestConnectDialog::cleanup()
{
    m_page.reset();
    m_service.reset();
    m_network.reset();
    m_secrets.reset();
    m_store.reset();
    m_database.reset();
}

QStringList TestConnectDialog::widgetTexts(QWidget *root) const
{
    QStringList texts;
    const auto edits = root->findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits)
        texts << edit->text() << edit->displayText() << edit->placeholderText();
    const auto labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts << label->text() << label->accessibleName() << label->toolTip();
    const auto textEdits = root->findChildren<QTextEdit *>();
    for (const QTextEdit *edit : textEdits)
        texts << edit->toPlainText();
    return texts;
}

void TestConnectDialog::eachAuthType_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("terminal"); // simulator path for providers verified over HTTP
    QTest::addColumn<QString>("badge");
    QStringList seen;
    for (const CatalogProvider &provider : m_catalog->providers()) {
        if (seen.contains(provider.authType) && provider.id != "ports_america"_L1 &&
            !provider.sources.contains(u"002"_s))
            continue;
        seen.append(provider.authType);
        const bool dockflow = provider.sources.contains(u"002"_s);
        QTest::newRow(qPrintable(provider.authType % u" "_s % provider.id))
            << provider.id << (dockflow ? provider.id : QString()) << u"Connected"_s;
    }
}

void TestConnectDialog::eachAuthType()
{
    QFETCH(QString, provider);
    QFETCH(QString, terminal);
    QFETCH(QString, badge);
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    const CatalogProvider *known = m_catalog->provider(provider);
    QVERIFY(known);
    ProviderCard *card = m_page->card(provider);
    QVERIFY(card);
    QCOMPARE(card->statusText(), u"Not connected"_s);
    auto *connectButton = card->findChild<QPushButton *>(u"connectButton"_s);
    QVERIFY(connectButton);
    connectButton->click();
    QPointer<ConnectDialog> dialog = m_page->findChild<ConnectDialog *>();
    QVERIFY(dialog);
    const QString canary = u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
    for (const CatalogCredentialField &field : known->credentialFields) {
        if (QCheckBox *box = dialog->checkBox(field.name)) {
            box->setChecked(true);
            continue;
        }
        QLineEdit *edit = dialog->lineEdit(field.name);
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), field.secret ? QLineEdit::Password : QLineEdit::Normal);
        // The simulator's account "ops" (password "pw-sim") works for every auth flow.
        const bool identifying = !field.secret && field.required;
        QString value = field.secret ? canary : (identifying ? u"ops"_s : u"value"_s);
        if (provider == "ports_america"_L1 || !terminal.isEmpty())
            value = field.secret
                        ? (field.name == "password"_L1 || field.name == "token"_L1 || field.name == "clientSecret"_L1
                               ? u"pw-sim"_s
                               : canary)
                        : u"ops"_s;
        QTest::keyClicks(edit, value);
    }
    if (provider == "ports_america"_L1)
        dialog->baseUrlEdit()->setText(m_sim.baseUrl().toString());
    else if (!terminal.isEmpty())
        dialog->baseUrlEdit()->setText(m_sim.baseUrl().toString() % u"/dockflow/"_s % terminal);
    QSignalSpy finished(m_service.get(), &ConnectionService::verificationFinished);
    dialog->save();
    QVERIFY2(finished.wait(20000), qPrintable(dialog ? dialog->errorText() : QString()));
    QTRY_COMPARE_WITH_TIMEOUT(card->statusText(), badge, 10000);
    QVERIFY(!m_page->findChild<ConnectDialog *>() || !m_page->findChild<ConnectDialog *>()->isVisible());
    const auto stored = m_service->connection(m_page->entity(), provider).value();
    QVERIFY(stored.has_value());
    if (!stored->identifier().isEmpty())
        QVERIFY(card->findChild<QLabel *>(u"identifier"_s)->text().contains(stored->identifier()));
    QCOMPARE(connectButton->text(), u"Update"_s);

    // Open the update dialog: secrets are placeholders only, never values.
    connectButton->click();
    QTRY_VERIFY(m_page->findChild<ConnectDialog *>() && m_page->findChild<ConnectDialog *>()->isVisible());
    QPointer<ConnectDialog> update = m_page->findChild<ConnectDialog *>();
    for (const CatalogCredentialField &field : known->credentialFields) {
        if (!field.secret)
            continue;
        QCOMPARE(update->lineEdit(field.name)->text(), QString());
        QVERIFY(update->lineEdit(field.name)->placeholderText().contains(u"saved"_s));
    }
    const QStringList texts = widgetTexts(m_page.get()) + widgetTexts(update);
    for (const QString &text : texts)
        QVERIFY2(!text.contains(canary) && !text.contains(u"pw-sim"_s), qPrintable(text));
    // Saving with the secrets left empty keeps them: the connection still works.
    QSignalSpy again(m_service.get(), &ConnectionService::verificationFinished);
    update->save();
    QVERIFY(again.wait(20000));
    QVERIFY2(again.constFirst().constFirst().value<VerificationOutcome>().ok,
             qPrintable(again.constFirst().constFirst().value<VerificationOutcome>().message));
    QVERIFY(disconnect(provider));
    QTRY_COMPARE(card->statusText(), u"Not connected"_s);
}

bool TestConnectDialog::disconnect(const QString &provider)
{
    std::optional<Result<void>> removed;
    m_service->disconnect(m_page->entity(), provider, [&](Result<void> result) { removed.emplace(result); });
    return QTest::qWaitFor([&] { return removed.has_value(); }, 15000) && removed->ok();
}

void TestConnectDialog::requiredAndTrimmed()
{
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    QPointer<ConnectDialog> dialog = m_page->openConnectDialog(u"psa_eportal"_s);
    QVERIFY(dialog);
    dialog->save();
    QVERIFY2(dialog->errorText().contains(u"required"_s), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!m_service->connection(m_page->entity(), u"psa_eportal"_s).value().has_value());
    QTest::keyClicks(dialog->lineEdit(u"username"_s), u"  ops "_s);
    QTest::keyClicks(dialog->lineEdit(u"password"_s), u"pw-sim"_s);
    dialog->save();
    QVERIFY2(dialog->warningText().contains(u"Spaces"_s), qPrintable(dialog->warningText()));
    QCOMPARE(dialog->lineEdit(u"username"_s)->text(), u"ops"_s);
    QVERIFY(dialog->isVisible());
    dialog->baseUrlEdit()->setText(m_sim.baseUrl().toString() % u"/dockflow/psa"_s);
    QSignalSpy finished(m_service.get(), &ConnectionService::verificationFinished);
    dialog->save();
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(m_page->card(u"psa_eportal"_s)->statusText(), u"Connected"_s);
    QVERIFY(disconnect(u"psa_eportal"_s));
}

// A keychain that does not answer: the dialog says what is wrong and how to fix it, stays open,
// nothing is saved and nothing hangs.
void TestConnectDialog::keychainTroubleIsShown()
{
    SecretStore unresponsive(u"quaywatch"_s, std::chrono::milliseconds(0));
    ConnectionService service(m_store.get(), &*m_catalog, &unresponsive, m_network.get());
    DataSourcesPage page(&service, {u"nokeychain"_s}, u"nokeychain"_s);
    page.show();
    ConnectDialog *dialog = page.openConnectDialog(u"dp_world_eportal"_s);
    QTest::keyClicks(dialog->lineEdit(u"username"_s), u"ops"_s);
    QTest::keyClicks(dialog->lineEdit(u"password"_s), u"canary-keychain"_s);
    dialog->save();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 15000);
    QVERIFY2(dialog->errorText().contains(u"keychain"_s), qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().contains(u"never stores secrets in plain text"_s));
    QVERIFY(dialog->isVisible());
    QCOMPARE(page.card(u"dp_world_eportal"_s)->statusText(), u"Not connected"_s);
    QVERIFY(!service.connection(u"nokeychain"_s, u"dp_world_eportal"_s).value().has_value());
    QFile database(m_database->location());
    QVERIFY(database.open(QIODevice::ReadOnly));
    QVERIFY(!database.readAll().contains("canary-keychain"));
}

// "Test connection" checks what is typed against the simulator without saving anything: a wrong
// password shows the failure with its advice, the right one says it works, and the card stays
// "Not connected" until Save.
void TestConnectDialog::testConnectionBeforeSaving()
{
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    QPointer<ConnectDialog> dialog = m_page->openConnectDialog(u"ports_america"_s);
    QVERIFY(dialog);
    QCOMPARE(dialog->testButton()->text(), u"&Test connection"_s);
    QVERIFY(dialog->lineEdit(u"user"_s) && dialog->lineEdit(u"password"_s));
    QTest::keyClicks(dialog->lineEdit(u"user"_s), u"ops"_s);
    QTest::keyClicks(dialog->lineEdit(u"password"_s), u"wrong-password"_s);
    dialog->baseUrlEdit()->setText(m_sim.baseUrl().toString());
    dialog->testButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->testResultText().startsWith(u"Test failed: "_s), 20000);
    QVERIFY2(dialog->testResultText().contains(u"credentials"_s), qPrintable(dialog->testResultText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_page->card(u"ports_america"_s)->statusText(), u"Not connected"_s);
    QVERIFY(!m_service->connection(m_page->entity(), u"ports_america"_s).value().has_value());

    dialog->lineEdit(u"password"_s)->clear();
    QTest::keyClicks(dialog->lineEdit(u"password"_s), u"pw-sim"_s);
    dialog->testButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->testResultText().startsWith(u"Connection works"_s), 20000);
    QVERIFY(!m_service->connection(m_page->entity(), u"ports_america"_s).value().has_value());
    QCOMPARE(dialog->lineEdit(u"password"_s)->text(), u"pw-sim"_s); // still typed, not yet saved
    // Both tests are in the audit log, without the password.
    const auto audit = m_store->auditEntries(m_page->entity());
    QVERIFY(audit.ok());
    int tests = 0;
    for (const AuditEntry &entry : audit.value()) {
        tests += entry.action == "test"_L1 ? 1 : 0;
        QVERIFY(!entry.detail.contains(u"pw-sim"_s) && !entry.detail.contains(u"wrong-password"_s));
    }
    QCOMPARE(tests, 2);
    dialog->reject();
}

// A provider whose only address is the one the user types has the base URL in the form itself; a
// provider with catalog environments keeps it as an override under Advanced.
void TestConnectDialog::baseUrlShownWhereRequired()
{
    QPointer<ConnectDialog> psa = m_page->openConnectDialog(u"psa_eportal"_s);
    QVERIFY(psa);
    QVERIFY(QTest::qWaitForWindowExposed(psa));
    QVERIFY(psa->baseUrlEdit()->isVisible());
    QVERIFY(!psa->findChild<QToolButton *>(u"advancedToggle"_s));
    psa->reject();
    QPointer<ConnectDialog> portsAmerica = m_page->openConnectDialog(u"ports_america"_s);
    QVERIFY(portsAmerica);
    QVERIFY(QTest::qWaitForWindowExposed(portsAmerica));
    QVERIFY(portsAmerica->findChild<QToolButton *>(u"advancedToggle"_s));
    QVERIFY(!portsAmerica->baseUrlEdit()->isVisible());
    portsAmerica->reject();
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
