// The Subscriptions page against the real simulator, a real SQLite store and the real keychain:
// a v2 subscription for 25 numbers from the dialog (3 requests, 25 rows with expiry), refusals in
// the dialog that send nothing (51-character reference, v1 with two event types), change of
// reference, removal with confirmation, and Envase publishing with Trace now and Cancel tracing.
#include "changereferencedialog.h"
#include "containernumber.h"
#include "newsubscriptiondialog.h"
#include "portconnectwebhook.h"
#include "providercatalog.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "subscriptionservice.h"
#include "subscriptionspage.h"
#include "subscriptionstore.h"
#include "subscriptiontablemodel.h"
#include "testdatabases.h"
#include "tracepublicationmodel.h"
#include "tracepublicationpanel.h"
#include "webhooklistener.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QEventLoop>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

QString numberFor(int serial)
{
    const QString firstTen = u"MSCU%1"_s.arg(serial, 6, 10, QChar(u'0'));
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
}

} // namespace

class TestSubscriptionsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createV2ForTwentyFive();
    void longReferenceRefused();
    void v1WithTwoEventTypesRefused();
    void changeReference();
    void removeOne();
    void compareWithProvider();
    void envasePublishing();

private:
    int createRequests() { return m_sim.getJson(u"/_sim/portconnect"_s).object().value(u"createRequests"_s).toInt(); }
    NewSubscriptionDialog *fillDialog(const QStringList &numbers, const QString &reference);
    int rowOf(const QString &number) const;

    SimulatorProcess m_sim;
    std::optional<ProviderCatalog> m_catalog;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<SubscriptionService> m_service;
    std::unique_ptr<SubscriptionsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_entity;
    QStringList m_numbers;
};

void TestSubscriptionsPage::initTestCase()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs the Secret Service: run through scripts/with-test-services.sh");
    QVERIFY2(m_sim.start({u"--speed"_s, u"1"_s}), qPrintable(m_sim.errorString()));
    auto catalog = ProviderCatalog::load();
    QVERIFY(catalog.ok());
    m_catalog = std::move(catalog).value();
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    m_store = std::move(store).value();
    m_entity = u"subs-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);

    ConnectionRecord connection;
    connection.entity = m_entity;
    connection.provider = u"portconnect"_s;
    connection.baseUrl = m_sim.baseUrl().toString();
    connection.savedSecretFields = {u"subscriptionKey"_s};
    connection.status = u"connected"_s;
    QVERIFY(m_store->saveConnection(connection).ok());
    m_secrets = std::make_unique<SecretStore>();
    std::optional<Result<void>> written;
    m_secrets->write(SecretStore::key(m_entity, u"portconnect"_s, u"subscriptionKey"_s), u"sim-key"_s,
                     [&](Result<void> result) { written = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY2(written->ok(), qPrintable(written->error().message));

    WebhookListenerConfig config;
    config.token = "ui-token-0123456789abcdef0123456789";
    m_listener = std::make_unique<WebhookListener>(config, m_store->clock());
    m_listener->addEndpoint(QString::fromLatin1(PortConnectWebhook::path),
                            PortConnectWebhook::handler(*m_store, m_entity));
    QVERIFY(m_listener->listen().ok());

    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = std::make_unique<SubscriptionService>(m_store.get(), m_secrets.get(), m_network.get(), &*m_catalog,
                                                      &m_store->clock());
    m_service->setEntity(m_entity);
    m_page = std::make_unique<SubscriptionsPage>(m_service.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_page->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->resize(1200, 700);
    m_page->show();
    for (int i = 0; i < 25; ++i)
        m_numbers.append(numberFor(300 + i));
}

NewSubscriptionDialog *TestSubscriptionsPage::fillDialog(const QStringList &numbers, const QString &reference)
{
    NewSubscriptionDialog *dialog = m_page->openNewSubscriptionDialog();
    dialog->v2Button()->setChecked(true);
    dialog->numbersEdit()->setPlainText(numbers.join(u"\n"_s));
    dialog->allEventsBox()->setChecked(true);
    dialog->portBox()->setCurrentText(u"NZAKL"_s);
    dialog->categoryBox()->setCurrentText(u"IMPORT"_s);
    dialog->webhookButton()->setChecked(true);
    dialog->webhookUriEdit()->setText(u"http://127.0.0.1:%1/webhooks/portconnect"_s.arg(m_listener->port()));
    dialog->webhookTokenEdit()->setText(u"ui-token-0123456789abcdef0123456789"_s);
    dialog->referenceEdit()->setText(reference);
    return dialog;
}

int TestSubscriptionsPage::rowOf(const QString &number) const
{
    for (int row = 0; row < m_page->model()->rowCount(); ++row) {
        if (m_page->model()->record(row)->number == number)
            return row;
    }
    return -1;
}

void TestSubscriptionsPage::createV2ForTwentyFive()
{
    const int before = createRequests();
    NewSubscriptionDialog *dialog = fillDialog(m_numbers, u"vessel AURORA"_s);
    QVERIFY2(dialog->problems().isEmpty(), qPrintable(dialog->problems().join(u'\n')));
    QCOMPARE(dialog->webhookTokenEdit()->echoMode(), QLineEdit::Password);
    dialog->accept();
    QVERIFY(m_service->busy());
    QVERIFY(!m_page->newButton()->isEnabled()); // busy: no second operation
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QVERIFY2(m_page->statusLabel()->text().contains(u"25"_s), qPrintable(m_page->statusLabel()->text()));
    QCOMPARE(createRequests() - before, 3);
    QCOMPARE(m_service->lastRequestsSent(), 3);
    QCOMPARE(m_page->model()->rowCount(), 25);
    const QModelIndex expires = m_page->model()->index(0, SubscriptionTableModel::Expires);
    QVERIFY2(expires.data().toString().contains(u"left"_s), qPrintable(expires.data().toString()));
    QVERIFY(m_page->model()->record(0)->expiresAt > QDateTime::currentDateTimeUtc().addDays(89));
    QCOMPARE(m_page->model()->index(0, SubscriptionTableModel::State).data(SubscriptionTableModel::StateRole),
             u"active"_s);
    QCOMPARE(m_page->model()->index(0, SubscriptionTableModel::Api).data().toString(), u"v2"_s);
    // Callbacks with what already happened arrive on the listener.
    QTRY_VERIFY_WITH_TIMEOUT(m_listener->acceptedCount() > 0, 10000);
}

void TestSubscriptionsPage::longReferenceRefused()
{
    const int before = createRequests();
    NewSubscriptionDialog *dialog = fillDialog({numberFor(400)}, QString(51, u'r'));
    dialog->accept();
    QVERIFY(dialog->isVisible()); // stays open
    QVERIFY(dialog->problemsLabel()->isVisible());
    QVERIFY2(dialog->problemsLabel()->text().contains(u"at most 50"_s), qPrintable(dialog->problemsLabel()->text()));
    QVERIFY(!m_service->busy());
    QTest::qWait(200);
    QCOMPARE(createRequests(), before);
    dialog->reject();
}

void TestSubscriptionsPage::v1WithTwoEventTypesRefused()
{
    const int before = createRequests();
    NewSubscriptionDialog *dialog = fillDialog({numberFor(401)}, QString());
    dialog->v1Button()->setChecked(true);
    dialog->allEventsBox()->setChecked(false);
    QVERIFY(dialog->eventList()->isEnabled());
    dialog->eventList()->item(0)->setCheckState(Qt::Checked);
    dialog->eventList()->item(1)->setCheckState(Qt::Checked);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->problemsLabel()->text().contains(u"exactly one"_s), qPrintable(dialog->problemsLabel()->text()));
    QTest::qWait(200);
    QCOMPARE(createRequests(), before);
    // One event type on v1 is fine.
    dialog->eventList()->item(1)->setCheckState(Qt::Unchecked);
    QVERIFY2(dialog->problems().isEmpty(), qPrintable(dialog->problems().join(u'\n')));
    dialog->reject();
}

void TestSubscriptionsPage::changeReference()
{
    const QString number = m_numbers.at(2);
    m_page->selectNumbers({number});
    QCOMPARE(m_page->selectedNumbers(), QStringList{number});
    ChangeReferenceDialog *tooLong = m_page->openChangeReferenceDialog();
    QVERIFY(tooLong);
    tooLong->referenceEdit()->setText(QString(51, u'x'));
    tooLong->accept();
    QVERIFY(tooLong->isVisible());
    QVERIFY(!m_service->busy());
    tooLong->reject();

    const int before = createRequests();
    ChangeReferenceDialog *dialog = m_page->openChangeReferenceDialog();
    dialog->referenceEdit()->setText(u"re-booked"_s);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QCOMPARE(createRequests() - before, 1);
    const int row = rowOf(number);
    QVERIFY(row >= 0);
    QCOMPARE(m_page->model()->record(row)->reference, u"re-booked"_s);
    QCOMPARE(m_page->model()->record(rowOf(m_numbers.at(3)))->reference, u"vessel AURORA"_s);
}

void TestSubscriptionsPage::removeOne()
{
    const QString number = m_numbers.at(5);
    m_page->selectNumbers({number});
    QMessageBox *box = m_page->confirmRemove();
    QVERIFY(box);
    QVERIFY(box->text().contains(number));
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    const int row = rowOf(number);
    QCOMPARE(m_page->model()->index(row, SubscriptionTableModel::State).data(SubscriptionTableModel::StateRole),
             u"removed"_s);
    QCOMPARE(m_page->model()->index(row, SubscriptionTableModel::State).data().toString(), u"Removed"_s);
    QCOMPARE(m_page->model()
                 ->index(rowOf(m_numbers.at(6)), SubscriptionTableModel::State)
                 .data(SubscriptionTableModel::StateRole),
             u"active"_s);
}

// The local list drifted from PortConnect's (a subscription only kept here, one removed here but
// still at PortConnect, a wrong expiry): Compare brings it in line and says what it changed.
void TestSubscriptionsPage::compareWithProvider()
{
    QCOMPARE(m_page->reconcileButton()->text(), u"&Compare with PortConnect"_s);
    QVERIFY(m_page->reconcileButton()->isEnabled());
    SubscriptionStore subscriptions(*m_store);
    const auto recordOf = [&](const QString &number) -> std::optional<SubscriptionRecord> {
        const auto all = subscriptions.subscriptions(m_entity, u"portconnect"_s);
        for (const SubscriptionRecord &record : all ? all.value() : QList<SubscriptionRecord>()) {
            if (record.number == number && !record.booking)
                return record;
        }
        return std::nullopt;
    };
    const QString localOnly = numberFor(900);
    SubscriptionRecord orphan = *recordOf(m_numbers.at(8));
    orphan.number = localOnly;
    orphan.remoteId.clear();
    QVERIFY(subscriptions.saveSubscription(orphan).ok());
    QVERIFY(subscriptions.markRemoved(m_entity, u"portconnect"_s, {m_numbers.at(6)}).ok());
    SubscriptionRecord drifted = *recordOf(m_numbers.at(7));
    const QDateTime providerExpiry = drifted.expiresAt;
    drifted.expiresAt = providerExpiry.addDays(-60);
    QVERIFY(subscriptions.saveSubscription(drifted).ok());
    const int creates = createRequests();

    m_page->reconcileButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    const QString status = m_page->statusLabel()->text();
    QVERIFY2(status.startsWith(u"Compared with PortConnect: "_s), qPrintable(status));
    QVERIFY2(status.contains(u"1 only listed by the provider, added here"_s), qPrintable(status));
    QVERIFY2(status.contains(u"1 no longer listed by the provider, marked removed: "_s + localOnly),
             qPrintable(status));
    QCOMPARE(recordOf(localOnly)->state, u"removed"_s);
    QCOMPARE(recordOf(m_numbers.at(6))->state, u"active"_s);
    QCOMPARE(recordOf(m_numbers.at(7))->expiresAt, providerExpiry);
    QCOMPARE(recordOf(m_numbers.at(5))->state, u"removed"_s); // removed at PortConnect too: stays so
    QCOMPARE(createRequests(), creates);                      // nothing is sent to PortConnect but the list
    // The table shows the result.
    QCOMPARE(m_page->model()->index(rowOf(localOnly), SubscriptionTableModel::State).data().toString(), u"Removed"_s);

    // Once more: everything matches now.
    m_page->reconcileButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QVERIFY2(!m_page->statusLabel()->text().contains(u"marked removed"_s), qPrintable(m_page->statusLabel()->text()));
    QVERIFY(!m_page->statusLabel()->text().contains(u"added here"_s));
}

void TestSubscriptionsPage::envasePublishing()
{
    TracePublicationPanel *panel = m_page->publicationPanel();
    panel->orgIdEdit()->setText(u"3b42ff39-d731-43f6-a8a2-1b257f87469e"_s);
    panel->svcIdEdit()->setText(u"7cd437c3-f25a-4e22-b221-47b6485f140d"_s);
    panel->originEdit()->setText(u"quaywatch-ui-tests"_s);
    panel->endpointEdit()->setText(m_sim.url(u"/api/events"_s).toString());
    panel->saveSettings();
    QCOMPARE(m_service->traceSettings()->origin, u"quaywatch-ui-tests"_s);

    // The Envase Identity Manager client credentials, as `quaywatch-cli envase settings` keeps them.
    for (const auto &[field, value] :
         {std::pair{u"envaseClientId"_s, u"ui-client"_s}, std::pair{u"envaseClientSecret"_s, u"ui-secret"_s}}) {
        std::optional<Result<void>> written;
        m_secrets->write(SecretStore::key(m_entity, u"publishing"_s, field), value,
                         [&](Result<void> result) { written = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY2(written->ok(), qPrintable(written->error().message));
    }
    auto received = [this] { return m_sim.getJson(u"/_sim/envase"_s).object().value(u"received"_s).toArray().size(); };
    const QString number = numberFor(900);
    panel->numbersEdit()->setText(number);
    const int apm = panel->providerBox()->findData(u"apm"_s);
    QVERIFY(apm >= 0);
    panel->providerBox()->setCurrentIndex(apm);
    panel->dataEdit()->setText(u"locationCode=USNWK"_s);
    panel->publish();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QCOMPARE(panel->model()->rowCount(), 1);
    QCOMPARE(panel->model()->index(0, TracePublicationModel::State).data().toString(), u"Tracing"_s);
    QCOMPARE(received(), 1);

    panel->publish(); // already published: skipped, nothing sent
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QCOMPARE(received(), 1);
    QVERIFY(m_page->statusLabel()->text().contains(u"Trace now"_s));

    panel->view()->selectRow(0);
    panel->traceNow();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QCOMPARE(received(), 2);

    panel->view()->selectRow(0);
    panel->cancelTracing();
    QTRY_VERIFY_WITH_TIMEOUT(!m_service->busy(), 15000);
    QCOMPARE(received(), 3);
    QCOMPARE(panel->model()->index(0, TracePublicationModel::State).data().toString(), u"Cancelled"_s);
}

QTEST_MAIN(TestSubscriptionsPage)
#include "tst_subscriptionspage.moc"
