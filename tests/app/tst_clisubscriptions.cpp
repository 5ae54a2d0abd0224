// `quaywatch-cli subscriptions` and `envase` end to end: the real CLI binary against the real
// simulator over loopback HTTP, a temporary SQLite database and (for PortConnect) the real keychain
// on the private D-Bus session of scripts/with-test-services.sh. Checks what the commands print,
// their exit codes, what reached the simulator and what was stored; the webhook token must end up
// in the keychain and nowhere else.
#include "clirunner.h"
#include "containernumber.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "subscriptionstore.h"
#include "testdatabases.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const char noBusReason[] = "no D-Bus session: run through scripts/with-test-services.sh";
const QString orgId = u"3b42ff39-d731-43f6-a8a2-1b257f87469e"_s;
const QString svcId = u"7cd437c3-f25a-4e22-b221-47b6485f140d"_s;

QString numberFor(int serial)
{
    const QString firstTen = u"MSCU%1"_s.arg(serial, 6, 10, QChar(u'0'));
    return firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
}

QStringList numbersFrom(int first, int count)
{
    QStringList numbers;
    for (int i = 0; i < count; ++i)
        numbers.append(numberFor(first + i));
    return numbers;
}

QString canary()
{
    return u"canary-"_s % QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class TestCliSubscriptions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void createListRemove();
    void reconcileWithPortConnect();
    void webhookTokenIsGeneratedOrLongEnough();
    void refusedByPortConnect();
    void numbersAreSentAsGiven();
    void noConnection();
    void envaseSettingsPublishCancel();

private:
    void verifySavedWebhookToken(const QString &token);
    CliRun runCli(const QStringList &arguments, const QByteArray &input = {});
    bool startSimulator();
    bool connectPortConnect(const QString &key);
    int createRequests();
    QJsonArray envaseReceived();
    QJsonArray listed();
    std::optional<TracePublication> publication(const QString &number);
    void verifyTokenAbsent(const QString &token);

    bool m_haveBus = false;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location;
    QString m_entity;
    std::unique_ptr<CliRunner> m_runner; // HOME and XDG folders in m_dir; keeps the transcript
    std::unique_ptr<SimulatorProcess> m_sim;
};

void TestCliSubscriptions::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    QVERIFY2(QFile::exists(CliRunner::program()), qPrintable(u"no CLI at "_s % CliRunner::program()));
}

void TestCliSubscriptions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_location = m_dir->filePath(u"quaywatch.sqlite"_s);
    // A fresh entity per test keeps keychain entries of one test away from the next.
    m_entity = u"test-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_runner = std::make_unique<CliRunner>(m_dir->path());
}

void TestCliSubscriptions::cleanup()
{
    m_sim.reset();
    m_dir.reset();
}

CliRun TestCliSubscriptions::runCli(const QStringList &arguments, const QByteArray &input)
{
    return m_runner->run(QStringList{u"--db"_s, m_location, u"--entity"_s, m_entity} + arguments, input);
}

bool TestCliSubscriptions::startSimulator()
{
    m_sim = std::make_unique<SimulatorProcess>();
    if (m_sim->start())
        return true;
    qWarning().noquote() << "simulator:" << m_sim->errorString();
    return false;
}

// The simulator takes any key but an empty one or "invalid".
bool TestCliSubscriptions::connectPortConnect(const QString &key)
{
    const CliRun connected = runCli({u"connections"_s, u"connect"_s, u"portconnect"_s, u"--secrets-stdin"_s,
                                     u"--base-url"_s, m_sim->baseUrl().toString()},
                                    "subscriptionKey=" + key.toUtf8() + '\n');
    if (connected.exitCode != 0)
        qWarning().noquote() << "connect portconnect:" << connected.err;
    return connected.exitCode == 0;
}

int TestCliSubscriptions::createRequests()
{
    return m_sim->getJson(u"/_sim/portconnect"_s).object().value(u"createRequests"_s).toInt();
}

QJsonArray TestCliSubscriptions::envaseReceived()
{
    return m_sim->getJson(u"/_sim/envase"_s).object().value(u"received"_s).toArray();
}

QJsonArray TestCliSubscriptions::listed()
{
    const CliRun list = runCli({u"subscriptions"_s, u"list"_s, u"--json"_s});
    if (list.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(list.out.toUtf8()).array();
}

std::optional<TracePublication> TestCliSubscriptions::publication(const QString &number)
{
    auto store = Store::open(m_location, testClock());
    if (!store)
        return std::nullopt;
    SubscriptionStore subscriptions(*store.value());
    auto found = subscriptions.publication(m_entity, number);
    return found ? found.value() : std::nullopt;
}

// The token must not be in any output nor in any file under the temp dir (database, WAL, settings).
void TestCliSubscriptions::verifyTokenAbsent(const QString &token)
{
    int scanned = 0;
    const QString foundIn = secretFoundIn(m_dir->path(), m_runner->transcript(), token, &scanned);
    QVERIFY2(foundIn.isEmpty(), qPrintable(u"the token is in "_s % foundIn));
    QVERIFY(scanned > 0);
}

// A webhook token someone could guess is refused before anything is sent; without one, Quaywatch
// makes one (32 random bytes, URL-safe) and keeps it in the keychain for the listener.
void TestCliSubscriptions::webhookTokenIsGeneratedOrLongEnough()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    QVERIFY(startSimulator());
    QVERIFY(connectPortConnect(u"sim-key"_s));
    const QStringList create = {u"subscriptions"_s, u"create"_s,    numbersFrom(300, 1).first(),
                                u"--port"_s,        u"NZAKL"_s,     u"--category"_s,
                                u"IMPORT"_s,        u"--webhook"_s, u"http://127.0.0.1:9/webhooks/portconnect"_s};
    const CliRun shortToken = runCli(create + QStringList{u"--webhook-token-stdin"_s}, "x\n");
    QCOMPARE(shortToken.exitCode, 2);
    QVERIFY2(shortToken.err.contains(u"at least 32"_s), qPrintable(shortToken.err));
    QCOMPARE(createRequests(), 0);

    const CliRun generated = runCli(create);
    QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    SecretStore secrets;
    std::optional<Result<QString>> read;
    QEventLoop loop;
    secrets.read(SecretStore::key(m_entity, u"portconnect"_s, u"webhookToken"_s), [&](Result<QString> result) {
        read.emplace(std::move(result));
        loop.quit();
    });
    if (!read)
        loop.exec();
    QVERIFY(read && read->ok());
    QVERIFY2(read->value().size() >= 32, qPrintable(QString::number(read->value().size())));
    // Never shown: neither on the screen nor in a file.
    verifyTokenAbsent(read->value());
}

void TestCliSubscriptions::verifySavedWebhookToken(const QString &token)
{
    SecretStore secrets;
    std::optional<Result<QString>> read;
    QEventLoop loop;
    secrets.read(SecretStore::key(m_entity, u"portconnect"_s, u"webhookToken"_s), [&](Result<QString> result) {
        read.emplace(std::move(result));
        loop.quit();
    });
    if (!read)
        loop.exec();
    QVERIFY(read && read->ok());
    QCOMPARE(read->value(), token);
}

void TestCliSubscriptions::createListRemove()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    QVERIFY(startSimulator());
    QVERIFY(connectPortConnect(u"sim-key"_s));
    const QStringList numbers = numbersFrom(100, 25);
    // Nothing listens on port 9: the callbacks fail, which does not matter here.
    const QStringList create = QStringList{u"subscriptions"_s, u"create"_s} + numbers +
                               QStringList{u"--port"_s,
                                           u"NZAKL"_s,
                                           u"--category"_s,
                                           u"IMPORT"_s,
                                           u"--webhook"_s,
                                           u"http://127.0.0.1:9/webhooks/portconnect"_s,
                                           u"--webhook-token-stdin"_s};
    const QString token = canary();

    // Refused before anything is sent: a usage error.
    const CliRun tooLong = runCli(create + QStringList{u"--reference"_s, QString(51, u'r')}, token.toUtf8() + '\n');
    QCOMPARE(tooLong.exitCode, 2);
    QVERIFY2(tooLong.err.contains(u"50"_s), qPrintable(tooLong.err));
    QCOMPARE(createRequests(), 0);
    QCOMPARE(listed().size(), 0);

    const CliRun created = runCli(create + QStringList{u"--reference"_s, u"PO-4711"_s}, token.toUtf8() + '\n');
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    QVERIFY2(created.out.contains(u"Sent 3 requests"_s), qPrintable(created.out));
    QCOMPARE(created.out.count(u" subscribed until "_s), 25);
    for (const QString &number : numbers)
        QVERIFY2(created.out.contains(number % u" subscribed until "_s), qPrintable(number));
    QCOMPARE(createRequests(), 3);

    // The token went to the keychain, so the console can re-subscribe these with a new reference.
    verifySavedWebhookToken(token);
    if (QTest::currentTestFailed())
        return;

    const QJsonArray list = listed();
    QCOMPARE(list.size(), 25);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &value : list) {
        const QJsonObject entry = value.toObject();
        QVERIFY(numbers.contains(entry.value(u"number"_s).toString()));
        QCOMPARE(entry.value(u"booking"_s).toBool(true), false);
        QCOMPARE(entry.value(u"api_version"_s).toInt(), 2);
        QCOMPARE(entry.value(u"event_codes"_s).toArray(), QJsonArray{u"ALL"_s});
        QCOMPARE(entry.value(u"port"_s).toString(), u"NZAKL"_s);
        QCOMPARE(entry.value(u"category"_s).toString(), u"IMPORT"_s);
        QCOMPARE(entry.value(u"reference"_s).toString(), u"PO-4711"_s);
        QCOMPARE(entry.value(u"state"_s).toString(), u"active"_s);
        const QDateTime expires = QDateTime::fromString(entry.value(u"expires_at"_s).toString(), Qt::ISODate);
        QVERIFY(expires > now.addDays(89));
    }
    const CliRun table = runCli({u"subscriptions"_s, u"list"_s});
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(table.out.count(u'\n'), 25);
    QVERIFY(table.out.contains(numbers.first() % u"\tALL\tNZAKL\tIMPORT\tactive until "_s));

    const QString removed = numbers.at(1);
    const CliRun removal = runCli({u"subscriptions"_s, u"remove"_s, removed.toLower()});
    QVERIFY2(removal.exitCode == 0, qPrintable(removal.err));
    QVERIFY2(removal.out.contains(removed % u" removed"_s), qPrintable(removal.out));
    QVERIFY(removal.out.contains(u"Removed 1 subscription"_s));
    for (const QJsonValue &value : listed()) {
        const QJsonObject entry = value.toObject();
        QCOMPARE(entry.value(u"state"_s).toString(),
                 entry.value(u"number"_s).toString() == removed ? u"removed"_s : u"active"_s);
    }
    // The simulator lists subscriptions as "GET Options" does: each with its containers[].
    const QJsonArray remote = m_sim->getJson(u"/_sim/portconnect"_s).object().value(u"subscriptions"_s).toArray();
    QStringList remoteNumbers;
    for (const QJsonValue &subscription : remote) {
        for (const QJsonValue &container : subscription.toObject().value(u"containers"_s).toArray())
            remoteNumbers.append(container.toObject().value(u"containerNumber"_s).toString());
    }
    QCOMPARE(remoteNumbers.size(), 24);
    QVERIFY(!remoteNumbers.contains(removed));

    QCOMPARE(runCli({u"subscriptions"_s, u"remove"_s}).exitCode, 2);
    verifyTokenAbsent(token);
}

// `subscriptions reconcile`: a subscription PortConnect no longer has is marked removed here, one
// PortConnect has but this list lost comes back, and a second run finds nothing to change.
void TestCliSubscriptions::reconcileWithPortConnect()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    QCOMPARE(runCli({u"subscriptions"_s, u"reconcile"_s, u"MSCU1234565"_s}).exitCode, 2); // takes no numbers
    QVERIFY(startSimulator());
    const CliRun unconnected = runCli({u"subscriptions"_s, u"reconcile"_s});
    QCOMPARE(unconnected.exitCode, 1);
    QVERIFY(connectPortConnect(u"sim-key"_s));
    const QStringList numbers = numbersFrom(400, 4);
    const CliRun created =
        runCli(QStringList{u"subscriptions"_s, u"create"_s} + numbers +
               QStringList{u"--port"_s, u"NZAKL"_s, u"--category"_s, u"IMPORT"_s, u"--email"_s, u"ops@example.com"_s});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    {
        auto store = Store::open(m_location, testClock());
        QVERIFY(store.ok());
        SubscriptionStore subscriptions(*store.value());
        auto all = subscriptions.subscriptions(m_entity, u"portconnect"_s);
        QVERIFY(all.ok() && all->size() == 4);
        SubscriptionRecord orphan = all->first();
        orphan.number = numbersFrom(500, 1).first();
        QVERIFY(subscriptions.saveSubscription(orphan).ok());
        QVERIFY(subscriptions.markRemoved(m_entity, u"portconnect"_s, {numbers.at(2)}).ok());
    }
    const CliRun reconciled = runCli({u"subscriptions"_s, u"reconcile"_s});
    QVERIFY2(reconciled.exitCode == 0, qPrintable(reconciled.err));
    QVERIFY2(reconciled.out.contains(u"Compared with PortConnect: 3 matched"_s), qPrintable(reconciled.out));
    QVERIFY(reconciled.out.contains(u"1 only listed by the provider, added here"_s));
    QVERIFY(reconciled.out.contains(u"1 no longer listed by the provider, marked removed: "_s +
                                    numbersFrom(500, 1).first()));
    QHash<QString, QString> states;
    for (const QJsonValue &value : listed())
        states.insert(value[u"number"_s].toString(), value[u"state"_s].toString());
    QCOMPARE(states.value(numbers.at(2)), u"active"_s);
    QCOMPARE(states.value(numbersFrom(500, 1).first()), u"removed"_s);

    const CliRun again = runCli({u"subscriptions"_s, u"reconcile"_s});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out.trimmed(), u"Compared with PortConnect: 4 matched"_s);
}

// "Create Container Event Subscription": the numbers go to PortConnect as the user gave them; the
// local record keeps the upper-case form the callbacks name them by.
void TestCliSubscriptions::numbersAreSentAsGiven()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    QVERIFY(startSimulator());
    QVERIFY(connectPortConnect(u"sim-key"_s));
    const CliRun created =
        runCli({u"subscriptions"_s, u"create"_s, u" mscu1234566 "_s, u"--port"_s, u"NZAKL"_s, u"--category"_s,
                u"IMPORT"_s, u"--webhook"_s, u"http://127.0.0.1:9/webhooks/portconnect"_s, u"--webhook-token-stdin"_s},
               canary().toUtf8() + '\n');
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QByteArray atProvider =
        QJsonDocument(m_sim->getJson(u"/_sim/portconnect"_s).object().value(u"subscriptions"_s).toArray()).toJson();
    QVERIFY2(atProvider.contains("\"mscu1234566\""), atProvider.constData());
    QVERIFY(!atProvider.contains("MSCU1234566"));
    const QJsonArray local = listed();
    QCOMPARE(local.size(), 1);
    QCOMPARE(local.first().toObject().value(u"number"_s).toString(), u"MSCU1234566"_s);
}

void TestCliSubscriptions::refusedByPortConnect()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    QVERIFY(startSimulator());
    QVERIFY(connectPortConnect(u"invalid"_s));
    const CliRun created = runCli({u"subscriptions"_s, u"create"_s, numberFor(200), u"--port"_s, u"NZAKL"_s,
                                   u"--category"_s, u"IMPORT"_s, u"--email"_s, u"ops@acme.example"_s});
    QCOMPARE(created.exitCode, 1);
    QVERIFY2(created.err.contains(u"PortConnect refused the subscription"_s), qPrintable(created.err));
    QVERIFY(!created.out.contains(u"subscribed until"_s));
    QCOMPARE(createRequests(), 1);
    QCOMPARE(listed().size(), 0);
}

void TestCliSubscriptions::noConnection()
{
    const CliRun created = runCli({u"subscriptions"_s, u"create"_s, numberFor(300), u"--port"_s, u"NZAKL"_s,
                                   u"--category"_s, u"IMPORT"_s, u"--email"_s, u"ops@acme.example"_s});
    QCOMPARE(created.exitCode, 1);
    QVERIFY2(created.err.contains(u"quaywatch-cli connections connect portconnect"_s), qPrintable(created.err));
    const CliRun removal = runCli({u"subscriptions"_s, u"remove"_s, numberFor(300)});
    QCOMPARE(removal.exitCode, 1);
    QCOMPARE(runCli({u"subscriptions"_s, u"frobnicate"_s}).exitCode, 2);
}

void TestCliSubscriptions::envaseSettingsPublishCancel()
{
    QVERIFY(startSimulator());
    const QString endpoint = m_sim->url(u"/api/events"_s).toString();
    const QStringList settings{u"envase"_s,   u"settings"_s,        u"--svc-id"_s,   svcId,
                               u"--origin"_s, u"quaywatch-tests"_s, u"--endpoint"_s, endpoint};

    const CliRun bad = runCli(settings + QStringList{u"--org-id"_s, u"not-a-uuid"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(!bad.err.isEmpty());
    const CliRun good = runCli(settings + QStringList{u"--org-id"_s, orgId});
    QVERIFY2(good.exitCode == 0, qPrintable(good.err));
    QVERIFY2(good.out.contains(u"orgId "_s % orgId), qPrintable(good.out));
    // Options not given keep their stored values.
    const CliRun merged = runCli({u"envase"_s, u"settings"_s, u"--origin"_s, u"quaywatch-cli-tests"_s});
    QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
    QVERIFY(merged.out.contains(u"orgId "_s % orgId) && merged.out.contains(u"svcId "_s % svcId));

    const QString number = numberFor(900);
    const QStringList publish{u"envase"_s, u"publish"_s,           number, u"--provider"_s, u"apm"_s,
                              u"--data"_s, u"locationCode=USNWK"_s};
    // Envase Identity Manager: without the client credentials nothing is sent; the secret comes on stdin.
    const CliRun noCredentials = runCli(publish);
    QCOMPARE(noCredentials.exitCode, 1);
    QVERIFY2(QString(noCredentials.err + noCredentials.out).contains(u"client id and secret"_s),
             qPrintable(noCredentials.err));
    QCOMPARE(envaseReceived().size(), 0);
    const CliRun credentials = runCli(
        {u"envase"_s, u"settings"_s, u"--client-id"_s, u"cli-client"_s, u"--client-secret-stdin"_s}, "cli-secret\n");
    QVERIFY2(credentials.exitCode == 0, qPrintable(credentials.err));
    QVERIFY(!credentials.out.contains(u"cli-secret"_s) && !credentials.err.contains(u"cli-secret"_s));
    // The results web-hook: registered at the simulated Envase with a new signing key (never printed).
    QCOMPARE(runCli({u"envase"_s, u"register-webhook"_s}).exitCode, 2);
    const CliRun registered = runCli({u"envase"_s, u"register-webhook"_s, u"http://127.0.0.1:9/webhooks/envase"_s});
    QVERIFY2(registered.exitCode == 0, qPrintable(registered.err));
    const QJsonArray webhooks = m_sim->getJson(u"/_sim/envase"_s).object().value(u"webhooks"_s).toArray();
    QCOMPARE(webhooks.size(), 1);
    QVERIFY2(registered.out.contains(webhooks.first().toObject().value(u"id"_s).toString()),
             qPrintable(registered.out));
    const CliRun refused =
        runCli({u"envase"_s, u"publish"_s, number, u"--provider"_s, u"apm"_s, u"--data"_s, u"locationCode=XXXXX"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(!refused.err.isEmpty());
    QCOMPARE(envaseReceived().size(), 0);

    const CliRun published = runCli(publish);
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    QVERIFY2(published.out.contains(number % u" published"_s), qPrintable(published.out));
    QJsonArray received = envaseReceived();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).toObject().value(u"action"_s).toString(), u"TRACE_REQUESTED"_s);
    QCOMPARE(received.at(0).toObject().value(u"origin"_s).toString(), u"quaywatch-cli-tests"_s);
    const std::optional<TracePublication> first = publication(number);
    QVERIFY(first && first->state == u"requested"_s && first->publishedAt.isValid());

    const CliRun again = runCli(publish);
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(number % u" is already published; use --trace-now"_s), qPrintable(again.out));
    QCOMPARE(envaseReceived().size(), 1);

    const CliRun traced = runCli(publish + QStringList{u"--trace-now"_s});
    QVERIFY2(traced.exitCode == 0, qPrintable(traced.err));
    QVERIFY(traced.out.contains(number % u" published"_s));
    received = envaseReceived();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received.at(1).toObject().value(u"action"_s).toString(), u"TRACE_REQUESTED"_s);
    const std::optional<TracePublication> retraced = publication(number);
    QVERIFY(retraced && retraced->publishedAt.isValid());

    // The second number was never published, so there is no provider to cancel it at: partial.
    const QString unknown = numberFor(901);
    const CliRun cancelled = runCli({u"envase"_s, u"cancel"_s, number, unknown});
    QCOMPARE(cancelled.exitCode, 3);
    QVERIFY2(cancelled.out.contains(number % u" cancelled"_s), qPrintable(cancelled.out));
    QVERIFY(!cancelled.out.contains(unknown));
    QVERIFY2(cancelled.err.contains(unknown % u": "_s), qPrintable(cancelled.err));
    received = envaseReceived();
    QCOMPARE(received.size(), 3);
    QCOMPARE(received.at(2).toObject().value(u"action"_s).toString(), u"TRACE_CANCELLED"_s);
    const std::optional<TracePublication> withdrawn = publication(number);
    QVERIFY(withdrawn);
    QCOMPARE(withdrawn->state, u"cancelled"_s);
    QVERIFY(withdrawn->cancelledAt.isValid());
    QCOMPARE(withdrawn->publishedAt, retraced->publishedAt); // cancelling keeps when it was published

    const CliRun nothing = runCli({u"envase"_s, u"cancel"_s, unknown});
    QCOMPARE(nothing.exitCode, 1);
    QCOMPARE(envaseReceived().size(), 3);
}

QTEST_GUILESS_MAIN(TestCliSubscriptions)
#include "tst_clisubscriptions.moc"
