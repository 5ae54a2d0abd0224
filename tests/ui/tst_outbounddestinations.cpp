// The Outbound group of Data sources (issue 17): a card per webhook destination and PortPro's card
// show the queue (last delivery, waiting, dead letters, stop reason, last error) from a real SQLite
// store; Retry asks first and puts dead letters back; Add refuses plain http to another machine;
// the generated signing secret is shown once and is in neither the store file nor the settings.
#include "connectionservice.h"
#include "consolefixture.h"
#include "datasourcespage.h"
#include "destinationcard.h"
#include "outboxstatusview.h"
#include "portpromapping.h"
#include "providercard.h"
#include "secretstore.h"
#include "store.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"
#include "webhookdestinationdialog.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::Literals::StringLiterals;

class TestOutboundDestinations final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cardShowsTheQueue();
    void portProCardShowsStopAndResumes();
    void retryAsksAndRequeues();
    void addRefusesPlainHttpElsewhere();
    void secretIsShownOnce();
    void screenshots_data();
    void screenshots();

private:
    qint64 addWebhook(const QString &name);
    // Four messages on two containers; one delivered, one dead ("HTTP 400 …"), two waiting.
    void queueMessages(qint64 destinationId);
    // Answers the next message box with button and returns its text through question.
    void answerNextBox(QMessageBox::StandardButton button, QString *question);
    SigningSecretDialog *addThroughDialog(const QString &name, const QString &url);

    bool m_haveBus = false;
    QTemporaryDir m_settings;
    std::optional<ProviderCatalog> m_catalog;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionService> m_service;
    std::unique_ptr<StoreConsoleBackend> m_backend;
    std::unique_ptr<DataSourcesPage> m_page;
    QString m_entity;
};

void TestOutboundDestinations::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY(m_settings.isValid());
    ConsoleFixture::isolateSettings(m_settings.path(), u"tst_outbounddestinations"_s);
    auto catalog = ProviderCatalog::load();
    QVERIFY(catalog.ok());
    m_catalog = std::move(catalog).value();
}

void TestOutboundDestinations::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    m_secrets = std::make_unique<SecretStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = std::make_unique<ConnectionService>(m_store.get(), &*m_catalog, m_secrets.get(), m_network.get());
    m_entity = u"out-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_backend = std::make_unique<StoreConsoleBackend>(*m_store, m_entity, testClock());
    m_backend->setSecretStore(m_secrets.get());
    m_page = std::make_unique<DataSourcesPage>(m_service.get(), QStringList{m_entity}, m_entity);
    m_page->setOutboundBackend(m_backend.get());
    m_page->resize(1200, 800);
    m_page->show();
}

void TestOutboundDestinations::cleanup()
{
    m_page.reset();
    m_backend.reset();
    m_service.reset();
    m_network.reset();
    m_secrets.reset();
    m_store.reset();
    m_database.reset();
}

qint64 TestOutboundDestinations::addWebhook(const QString &name)
{
    OutboundDestination destination;
    destination.entity = m_entity;
    destination.name = name;
    destination.kind = QString::fromLatin1(Outbound::webhookKind);
    destination.url = QUrl(u"https://tms.example.com/quaywatch"_s);
    const Result<OutboundDestination> saved = m_store->saveDestination(destination);
    return saved ? saved->id : 0;
}

void TestOutboundDestinations::queueMessages(qint64 destinationId)
{
    QList<Event> events;
    const QStringList numbers{ConsoleFixture::number(u"MSCU100001"_s), ConsoleFixture::number(u"TCNU200002"_s)};
    for (const QString &number : numbers) {
        WatchEntry entry;
        entry.entity = m_entity;
        entry.containerNumber = number;
        entry.provider = u"ports_america"_s;
        const Result<AddOutcome> added = m_store->addContainer(entry);
        QVERIFY(added);
        for (const QString &key : {u"first"_s, u"second"_s}) {
            Event event;
            event.containerId = added->id;
            event.code = EventCode::Discharged;
            event.occurredAt = QDateTime(QDate(2026, 3, 9), QTime(8, 0), Qt::UTC);
            event.observedAt = event.occurredAt.addSecs(60);
            event.source = u"ports_america"_s;
            event.dedupeKey = number % u'-' % key;
            events.append(event);
        }
    }
    QVERIFY(m_store->insertEvents(events));
    OutboxClaimRequest request;
    request.destinationId = destinationId;
    request.limit = 10;
    request.worker = u"test"_s;
    request.identity = WorkerIdentity::current();
    request.now = QDateTime::currentDateTimeUtc().addSecs(60); // past every message's first attempt time
    const Result<QList<OutboxMessage>> claimed = m_store->claimOutbox(request);
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 2); // the first message of each container
    DeliveryResult delivered;
    QVERIFY(m_store->finishDelivery(claimed->at(0).sequence, delivered, {}));
    DeliveryResult refused;
    refused.outcome = DeliveryResult::Outcome::Permanent;
    refused.error = u"HTTP 400: the receiver refused the body"_s;
    refused.statusCode = 400;
    QVERIFY(m_store->finishDelivery(claimed->at(1).sequence, refused, {}));
}

void TestOutboundDestinations::answerNextBox(QMessageBox::StandardButton button, QString *question)
{
    QTimer::singleShot(0, this, [button, question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *question = box->text();
        box->button(button)->click();
    });
}

void TestOutboundDestinations::cardShowsTheQueue()
{
    const qint64 id = addWebhook(u"warehouse"_s);
    QVERIFY(id > 0);
    queueMessages(id);
    m_page->refreshOutbound();
    DestinationCard *card = m_page->destinationCard(u"warehouse"_s);
    QVERIFY(card);
    QVERIFY(card->isVisible());
    const QGroupBox *group = qobject_cast<const QGroupBox *>(card->parentWidget());
    QVERIFY(group);
    QCOMPARE(group->title(), u"Outbound"_s);
    QCOMPARE(card->statusText(), u"Active"_s);
    QCOMPARE(card->addressText(), u"Address: https://tms.example.com/quaywatch"_s);
    QCOMPARE(card->eventsText(), u"Events: all"_s);
    QCOMPARE(card->status()->queueText(), u"Queue: 2 · Dead letters: 1"_s);
    const auto summaries = m_store->outboxSummaries(m_entity);
    QVERIFY(summaries && summaries->size() == 1 && summaries->at(0).lastDeliveredAt.isValid());
    const QString when = QLocale().toString(summaries->at(0).lastDeliveredAt.toLocalTime(), QLocale::ShortFormat);
    QCOMPARE(card->status()->deliveryText(), u"Last delivery: "_s % when);
    QCOMPARE(card->status()->errorText(), u"Last error: HTTP 400: the receiver refused the body"_s);
    QVERIFY(card->status()->stoppedText().isEmpty());
    QVERIFY(card->status()->retryButton()->isEnabled());
    // A second destination with nothing sent yet says so.
    QVERIFY(addWebhook(u"slack relay"_s) > 0);
    m_page->refreshOutbound();
    DestinationCard *quiet = m_page->destinationCard(u"slack relay"_s);
    QVERIFY(quiet);
    QCOMPARE(quiet->status()->deliveryText(), u"Last delivery: none yet"_s);
    QCOMPARE(quiet->status()->queueText(), u"Queue: 0 · Dead letters: 0"_s);
    QVERIFY(!quiet->status()->retryButton()->isEnabled());
    // The search box finds destinations by name.
    m_page->searchBox()->setText(u"slack"_s);
    QVERIFY(quiet->isVisible());
    QVERIFY(!card->isVisible());
    m_page->searchBox()->clear();
    QVERIFY(card->isVisible());
}

void TestOutboundDestinations::portProCardShowsStopAndResumes()
{
    ProviderCard *card = m_page->card(u"portpro"_s);
    QVERIFY(card && card->outboxStatus());
    QVERIFY(card->outboxStatus()->queueText().isEmpty()); // no destination yet: no queue lines
    OutboundDestination portPro;
    portPro.entity = m_entity;
    portPro.name = u"portpro"_s;
    portPro.kind = QString::fromLatin1(PortProMapping::kind);
    const Result<OutboundDestination> saved = m_store->saveDestination(portPro);
    QVERIFY(saved);
    QVERIFY(m_store->stopDestination(saved->id, u"PortPro revoked the refresh token; connect again"_s));
    // The store announces its changes; the backend relays them to the page.
    QTRY_COMPARE(card->outboxStatus()->stoppedText(), u"Stopped: PortPro revoked the refresh token; connect again"_s);
    QCOMPARE(card->outboxStatus()->queueText(), u"Queue: 0 · Dead letters: 0"_s);
    QCOMPARE(card->outboxStatus()->deliveryText(), u"Last delivery: none yet"_s);
    QPushButton *resume = card->outboxStatus()->resumeButton();
    QVERIFY(resume->isVisible());
    QCOMPARE(resume->text(), u"Resume"_s);
    resume->click();
    QVERIFY(card->outboxStatus()->stoppedText().isEmpty());
    QVERIFY(m_store->destination(m_entity, u"portpro"_s).value()->stoppedReason.isEmpty());
    QVERIFY(m_page->destinationNames().isEmpty()); // PortPro has its own card, not a webhook card
}

void TestOutboundDestinations::retryAsksAndRequeues()
{
    const qint64 id = addWebhook(u"warehouse"_s);
    queueMessages(id);
    m_page->refreshOutbound();
    DestinationCard *card = m_page->destinationCard(u"warehouse"_s);
    QVERIFY(card);
    QString question;
    answerNextBox(QMessageBox::Cancel, &question);
    card->status()->retryButton()->click();
    QCOMPARE(question, u"Send 1 dead letters to warehouse again?"_s);
    QCOMPARE(m_store->outboxSummaries(m_entity).value().at(0).dead, 1);
    QCOMPARE(card->status()->queueText(), u"Queue: 2 · Dead letters: 1"_s);
    answerNextBox(QMessageBox::Yes, &question);
    card->status()->retryButton()->click();
    const OutboxSummary after = m_store->outboxSummaries(m_entity).value().at(0);
    QCOMPARE(after.dead, 0);
    QCOMPARE(after.pending, 3);
    QCOMPARE(card->status()->queueText(), u"Queue: 3 · Dead letters: 0"_s);
    QVERIFY(!card->status()->retryButton()->isEnabled());
}

void TestOutboundDestinations::addRefusesPlainHttpElsewhere()
{
    QPushButton *add = m_page->addDestinationButton();
    QVERIFY(add && add->isVisible());
    QCOMPARE(add->text(), u"Add webhook destination..."_s);
    WebhookDestinationDialog *dialog = m_page->openAddDestinationDialog();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(u"warehouse"_s);
    dialog->urlEdit()->setText(u"http://warehouse.example.com/hook"_s);
    dialog->save();
    QTRY_VERIFY(!dialog->errorText().isEmpty());
    QCOMPARE(dialog->errorText(), u"The address must use https; plain http is only allowed to this computer "
                                  "(localhost, 127.0.0.1 or ::1)."_s);
    QVERIFY(dialog->isVisible());
    QVERIFY(m_store->destinations(m_entity).value().isEmpty());
    // Some events, none ticked: asked for before anything is sent to the backend.
    dialog->urlEdit()->setText(u"https://warehouse.example.com/hook"_s);
    dialog->someEventsButton()->setChecked(true);
    dialog->save();
    QCOMPARE(dialog->errorText(), u"Tick at least one event, or choose All events."_s);
    dialog->reject();
}

SigningSecretDialog *TestOutboundDestinations::addThroughDialog(const QString &name, const QString &url)
{
    WebhookDestinationDialog *dialog = m_page->openAddDestinationDialog();
    if (!dialog)
        return nullptr;
    QSignalSpy added(dialog, &WebhookDestinationDialog::destinationAdded);
    dialog->nameEdit()->setText(name);
    dialog->urlEdit()->setText(url);
    dialog->someEventsButton()->setChecked(true);
    for (int i = 0; i < dialog->eventList()->count(); ++i) {
        QListWidgetItem *item = dialog->eventList()->item(i);
        if (item->text() == "HOLD_RELEASED"_L1 || item->text() == "OUTGATED"_L1)
            item->setCheckState(Qt::Checked);
    }
    dialog->save();
    if (!added.wait(20000)) {
        qWarning() << "not added:" << dialog->errorText();
        return nullptr;
    }
    return m_page->findChild<SigningSecretDialog *>();
}

void TestOutboundDestinations::secretIsShownOnce()
{
    if (!m_haveBus)
        QSKIP("no D-Bus session: run through scripts/with-test-services.sh");
    // Plain http to this computer is allowed (a local relay, the tests' receiver).
    SigningSecretDialog *shown = addThroughDialog(u"warehouse"_s, u"http://127.0.0.1:9/hook"_s);
    QVERIFY(shown);
    QTRY_VERIFY(shown->isVisible());
    const QString secret = shown->secretText();
    QVERIFY2(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(secret).hasMatch(), qPrintable(secret));
    QVERIFY(shown->noticeText().contains(u"It will not be shown again"_s));
    auto *copy = shown->findChild<QPushButton *>(u"copyButton"_s);
    QVERIFY(copy);
    QCOMPARE(copy->text(), u"Copy"_s);
    // The keychain has it under the destination's key.
    QSignalSpy read(this, &QObject::objectNameChanged);
    QString stored;
    m_secrets->read(SecretStore::key(m_entity, u"outbound/warehouse"_s, u"signingSecret"_s),
                    [this, &stored](const Result<QString> &value) {
                        stored = value ? value.value() : u"error: "_s % value.error().message;
                        setObjectName(u"read"_s);
                    });
    QVERIFY(read.wait(20000));
    QCOMPARE(stored, secret);
    setObjectName({});
    shown->reject();
    QTRY_VERIFY(!m_page->findChild<SigningSecretDialog *>());

    DestinationCard *card = m_page->destinationCard(u"warehouse"_s);
    QVERIFY(card);
    QCOMPARE(card->eventsText(), u"Events: HOLD_RELEASED, OUTGATED"_s);
    QCOMPARE(card->addressText(), u"Address: http://127.0.0.1:9/hook"_s);
    // Never on the screen again: no text of the page holds it.
    const auto labels = m_page->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY(!label->text().contains(secret));
    const auto edits = m_page->findChildren<QLineEdit *>();
    for (const QLineEdit *edit : edits)
        QVERIFY(!edit->text().contains(secret));
    // Nor in the store's files or the settings.
    m_page.reset(); // everything that uses the store goes first
    m_backend.reset();
    m_service.reset();
    m_store.reset(); // flush and close the SQLite file
    for (const QString &folder : {QFileInfo(m_database->location()).absolutePath(), m_settings.path()}) {
        QDirIterator files(folder, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(secret.toLatin1()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(QByteArray::fromHex(secret.toLatin1())), qPrintable(file.fileName()));
        }
    }
    auto reopened = Store::open(m_database->location(), testClock());
    QVERIFY(reopened);
    m_store = std::move(reopened).value();
    m_service = std::make_unique<ConnectionService>(m_store.get(), &*m_catalog, m_secrets.get(), m_network.get());
    m_backend = std::make_unique<StoreConsoleBackend>(*m_store, m_entity, testClock());
    m_backend->setSecretStore(m_secrets.get());
    m_page = std::make_unique<DataSourcesPage>(m_service.get(), QStringList{m_entity}, m_entity);
    m_page->setOutboundBackend(m_backend.get());
    m_page->show();

    // Remove asks, then takes the destination and its keychain entry.
    card = m_page->destinationCard(u"warehouse"_s);
    QVERIFY(card);
    QString question;
    answerNextBox(QMessageBox::Yes, &question);
    card->findChild<QPushButton *>(u"removeButton"_s)->click();
    QVERIFY2(question.contains(u"signing secret is removed from the keychain"_s), qPrintable(question));
    QTRY_VERIFY(m_page->destinationNames().isEmpty());
    QVERIFY(m_store->destinations(m_entity).value().isEmpty());
    Error readError;
    m_secrets->read(SecretStore::key(m_entity, u"outbound/warehouse"_s, u"signingSecret"_s),
                    [this, &readError](const Result<QString> &value) {
                        readError = value ? Error() : value.error();
                        setObjectName(u"read"_s);
                    });
    QVERIFY(read.wait(20000));
    QCOMPARE(readError.kind, ErrorKind::NotFound);
}

void TestOutboundDestinations::screenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

// Written where QUAYWATCH_SCREENSHOT_DIR points (for looking at them); the test itself checks that
// the Outbound cards are on the page at that size.
void TestOutboundDestinations::screenshots()
{
    QFETCH(QSize, size);
    const qint64 id = addWebhook(u"warehouse"_s);
    queueMessages(id);
    OutboundDestination portPro;
    portPro.entity = m_entity;
    portPro.name = u"portpro"_s;
    portPro.kind = QString::fromLatin1(PortProMapping::kind);
    const Result<OutboundDestination> saved = m_store->saveDestination(portPro);
    QVERIFY(saved);
    QVERIFY(m_store->stopDestination(saved->id, u"PortPro revoked the refresh token; connect PortPro again"_s));
    m_page->refreshOutbound();
    m_page->resize(size);
    DestinationCard *card = m_page->destinationCard(u"warehouse"_s);
    QVERIFY(card);
    auto *scroll = m_page->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QApplication::processEvents();
    // The whole Outbound group, down to its Add button, at the bottom of the page.
    scroll->ensureWidgetVisible(m_page->card(u"portpro"_s), 10, 10);
    scroll->ensureWidgetVisible(m_page->addDestinationButton(), 10, 10);
    QApplication::processEvents();
    QVERIFY(card->isVisible());
    const QString folder = qEnvironmentVariable("QUAYWATCH_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        QDir().mkpath(folder);
        QVERIFY(m_page->grab().save(folder % u"/datasources-outbound-"_s %
                                    QString::fromLatin1(QTest::currentDataTag()) % u".png"_s));
    }
}

QTEST_MAIN(TestOutboundDestinations)
#include "tst_outbounddestinations.moc"
