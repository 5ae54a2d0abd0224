// ConnectionService against real parts: an SQLite store, the real keychain (gnome-keyring on the
// private D-Bus session of scripts/with-test-services.sh) and the real simulator over loopback HTTP
// for Ports America and every Dockflow auth flow.
#include "clock.h"
#include "connectionservice.h"
#include "secretstore.h"
#include "simulatorprocess.h"
#include "store.h"
#include "testdatabases.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {

const char noBusReason[] = "no D-Bus session: run through scripts/with-test-services.sh";

QString unique(const QString &prefix)
{
    return prefix % QUuid::createUuid().toString(QUuid::Id128).left(16);
}

template<typename T>
T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> answer;
    QEventLoop loop;
    start([&](T result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

} // namespace

class TestConnectionService final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void portsAmerica();
    void portProTestConnection();
    void dockflowFlows_data();
    void dockflowFlows();
    void extendedPermissionsNotApproved();
    void providerUnavailable();
    void noEndpointConfigured();
    void providerWithoutVerification();
    void updateKeepsSecretAndDisconnectKeepsHistory();
    void refusals_data();
    void refusals();
    void keychainUnavailable();
    void timesComeFromTheInjectedClock();

private:
    Result<ConnectionRecord> save(const ConnectionDraft &draft, ConnectionService *service = nullptr);
    VerificationOutcome connectAndVerify(const ConnectionDraft &draft);
    QString dockflowUrl(const QString &terminal) const;
    void addAccount(const QJsonObject &account);
    void verifyNoSecretStored(const QString &secret);

    bool m_haveBus = false;
    SimulatorProcess m_sim;
    const QString m_simUser = u"ops@acme.example"_s;
    QString m_simPassword;
    std::optional<ProviderCatalog> m_catalog;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ConnectionService> m_service;
    QString m_entity;
};

void TestConnectionService::initTestCase()
{
    m_haveBus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    m_simPassword = unique(u"canary-"_s);
    QVERIFY2(m_sim.start({u"--user"_s, m_simUser % u':' % m_simPassword}), qPrintable(m_sim.errorString()));
    auto catalog = ProviderCatalog::load();
    QVERIFY2(catalog.ok(), qPrintable(catalog.error().message));
    m_catalog = std::move(catalog).value();
}

void TestConnectionService::init()
{
    m_database = std::make_unique<TestDatabase>(Store::Backend::Sqlite);
    QVERIFY(m_database->isValid());
    auto store = Store::open(m_database->location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    m_store = std::move(store).value();
    m_secrets = std::make_unique<SecretStore>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_service = std::make_unique<ConnectionService>(m_store.get(), &*m_catalog, m_secrets.get(), m_network.get());
    m_entity = unique(u"entity-"_s);
}

void TestConnectionService::cleanup()
{
    m_service.reset();
    m_network.reset();
    m_secrets.reset();
    m_store.reset();
    m_database.reset();
}

Result<ConnectionRecord> TestConnectionService::save(const ConnectionDraft &draft, ConnectionService *service)
{
    ConnectionService *used = service ? service : m_service.get();
    const Result<PreparedConnection> prepared = used->prepare(m_entity, draft);
    if (!prepared)
        return prepared.error();
    return waitFor<Result<ConnectionRecord>>(
        [&](std::function<void(Result<ConnectionRecord>)> done) { used->save(prepared.value(), done, false); });
}

// Saves with background verification on, as the screen does, and waits for the signal.
VerificationOutcome TestConnectionService::connectAndVerify(const ConnectionDraft &draft)
{
    QSignalSpy finished(m_service.get(), &ConnectionService::verificationFinished);
    const Result<PreparedConnection> prepared = m_service->prepare(m_entity, draft);
    if (!prepared)
        return {m_entity, draft.provider, false, false, ConnectionFailure::Other, prepared.error().message, {}};
    std::optional<Result<ConnectionRecord>> saved;
    m_service->save(prepared.value(), [&](Result<ConnectionRecord> result) { saved.emplace(std::move(result)); });
    if (!finished.wait(20000) || !saved || !saved->ok())
        return {m_entity, draft.provider, false, false, ConnectionFailure::Other, u"no verification"_s, {}};
    return finished.constFirst().constFirst().value<VerificationOutcome>();
}

QString TestConnectionService::dockflowUrl(const QString &terminal) const
{
    return m_sim.baseUrl().toString() % u"/dockflow/"_s % terminal;
}

void TestConnectionService::addAccount(const QJsonObject &account)
{
    const SimulatorReply reply = m_sim.request("POST", u"/_sim/dockflow/accounts"_s, QJsonDocument(account).toJson(),
                                               {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 200);
}

void TestConnectionService::verifyNoSecretStored(const QString &secret)
{
    QFile database(m_database->location());
    QVERIFY(database.open(QIODevice::ReadOnly));
    QVERIFY(!database.readAll().contains(secret.toUtf8()));
    const auto audit = m_store->auditEntries(m_entity);
    QVERIFY(audit.ok());
    for (const AuditEntry &entry : audit.value())
        QVERIFY(!entry.detail.contains(secret));
    const QList<ConnectionRecord> connections = m_store->connections(m_entity).value();
    for (const ConnectionRecord &record : connections) {
        QVERIFY(!QJsonDocument(record.fields).toJson().contains(secret.toUtf8()));
        QVERIFY(!record.lastError.contains(secret));
    }
}

void TestConnectionService::portsAmerica()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    ConnectionDraft draft{u"ports_america"_s,
                          {{u"username"_s, m_simUser}},
                          {{u"password"_s, m_simPassword}},
                          u"uat"_s,
                          m_sim.baseUrl().toString()};
    QSignalSpy changed(m_service.get(), &ConnectionService::connectionChanged);
    VerificationOutcome outcome = connectAndVerify(draft);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.verified);
    QVERIFY(changed.size() >= 2);
    auto record = m_service->connection(m_entity, u"ports_america"_s).value();
    QVERIFY(record.has_value());
    QCOMPARE(record->status, u"connected"_s);
    QCOMPARE(record->identifier(), m_simUser);
    QVERIFY(record->lastVerifiedAt.isValid());

    const QString wrong = unique(u"canary-"_s);
    draft.secrets = {{u"password"_s, wrong}};
    outcome = connectAndVerify(draft);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.failure, ConnectionFailure::BadCredentials);
    QCOMPARE(outcome.message, u"The user name or password is incorrect."_s);
    QVERIFY(outcome.advice.contains(u"Invalid credentials error"_s));
    QCOMPARE(m_service->connection(m_entity, u"ports_america"_s).value()->status, u"error"_s);
    QStringList actions;
    const QList<AuditEntry> entries = m_store->auditEntries(m_entity).value();
    for (const AuditEntry &entry : entries)
        actions.append(entry.action % u':' % entry.outcome);
    QCOMPARE(actions, QStringList({u"connect:ok"_s, u"verify:ok"_s, u"update:ok"_s, u"verify:error"_s}));
    verifyNoSecretStored(m_simPassword);
    verifyNoSecretStored(wrong);
    QVERIFY(waitFor<Result<void>>([&](auto done) { m_service->disconnect(m_entity, u"ports_america"_s, done); }).ok());
}

// PortPro's Test connection obtains a token with the client credentials at the simulator's receiver.
void TestConnectionService::portProTestConnection()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QString base = m_sim.baseUrl().toString() % u"/portpro/v1"_s;
    ConnectionDraft draft{u"portpro"_s,
                          {},
                          {{u"clientId"_s, u"demo-client"_s}, {u"clientSecret"_s, u"demo-secret"_s}},
                          u"production"_s,
                          base};
    VerificationOutcome outcome = connectAndVerify(draft);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.verified);
    QCOMPARE(m_service->connection(m_entity, u"portpro"_s).value()->status, u"connected"_s);

    const QString wrong = unique(u"canary-"_s);
    draft.secrets = {{u"clientId"_s, u"demo-client"_s}, {u"clientSecret"_s, wrong}};
    outcome = connectAndVerify(draft);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.failure, ConnectionFailure::BadCredentials);
    QCOMPARE(m_service->connection(m_entity, u"portpro"_s).value()->status, u"error"_s);
    verifyNoSecretStored(wrong);
    verifyNoSecretStored(u"demo-secret"_s);
    QVERIFY(waitFor<Result<void>>([&](auto done) { m_service->disconnect(m_entity, u"portpro"_s, done); }).ok());
}

void TestConnectionService::dockflowFlows_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("terminal");
    QTest::addColumn<QString>("idField");
    QTest::addColumn<QString>("secretField");
    QTest::addColumn<QString>("keyField"); // subscription / API key, or empty
    QTest::newRow("user/password (PSA)") << u"psa_eportal"_s << u"psa"_s << u"username"_s << u"password"_s << QString();
    QTest::newRow("user/password (DP World)")
        << u"dp_world_eportal"_s << u"dpworld"_s << u"username"_s << u"password"_s << QString();
    QTest::newRow("user/password (T-Mining)")
        << u"t_mining_src"_s << u"tmining"_s << u"username"_s << u"password"_s << QString();
    QTest::newRow("uuid/token (MPET)") << u"mpet_connect"_s << u"mpet"_s << u"uuid"_s << u"token"_s << QString();
    QTest::newRow("oauth2 client credentials (ECT)")
        << u"ect_myterminal"_s << u"ect"_s << u"clientId"_s << u"clientSecret"_s << u"subscriptionKey"_s;
    QTest::newRow("oauth2 password grant (NxtPort)")
        << u"nxtport_cpu"_s << u"nxtport"_s << u"clientId"_s << u"clientSecret"_s << u"apiKey"_s;
}

void TestConnectionService::dockflowFlows()
{
    QFETCH(QString, provider);
    QFETCH(QString, terminal);
    QFETCH(QString, idField);
    QFETCH(QString, secretField);
    QFETCH(QString, keyField);
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QString id = unique(u"id-"_s);
    const QString secret = unique(u"canary-"_s);
    const QString key = unique(u"key-"_s);
    const QString noAccess = unique(u"noaccess-"_s);
    const QString blocked = unique(u"blocked-"_s);
    addAccount({{u"id"_s, id}, {u"secret"_s, secret}, {u"key"_s, key}, {u"terminal"_s, terminal}});
    addAccount({{u"id"_s, noAccess}, {u"secret"_s, secret}, {u"apiAccess"_s, false}});
    addAccount({{u"id"_s, blocked}, {u"secret"_s, secret}, {u"ipAllowed"_s, false}});
    auto draftFor = [&](const QString &who, const QString &password) {
        ConnectionDraft draft{
            provider, {{idField, who}}, {{secretField, password}}, std::nullopt, dockflowUrl(terminal)};
        if (!keyField.isEmpty())
            draft.secrets.insert(keyField, key);
        return draft;
    };

    VerificationOutcome outcome = connectAndVerify(draftFor(id, secret));
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.verified);
    auto record = m_service->connection(m_entity, provider).value();
    QCOMPARE(record->status, u"connected"_s);
    QCOMPARE(record->identifier(), id);

    outcome = connectAndVerify(draftFor(id, unique(u"wrong-"_s)));
    QCOMPARE(outcome.failure, ConnectionFailure::BadCredentials);
    QVERIFY(outcome.advice.contains(u"Reset the password"_s));
    QCOMPARE(m_service->connection(m_entity, provider).value()->status, u"error"_s);

    outcome = connectAndVerify(draftFor(noAccess, secret));
    QCOMPARE(outcome.failure, ConnectionFailure::AccessNotEnabled);
    QVERIFY2(outcome.advice.contains(u"API access is enabled"_s), qPrintable(outcome.advice));

    outcome = connectAndVerify(draftFor(blocked, secret));
    QCOMPARE(outcome.failure, ConnectionFailure::IpNotAllowed);
    QVERIFY2(outcome.advice.contains(u"whitelisting"_s), qPrintable(outcome.advice));

    if (!keyField.isEmpty()) {
        ConnectionDraft wrongKey = draftFor(id, secret);
        wrongKey.secrets.insert(keyField, unique(u"otherkey-"_s));
        outcome = connectAndVerify(wrongKey);
        QCOMPARE(outcome.failure, ConnectionFailure::BadCredentials);
    }
    verifyNoSecretStored(secret);
    QVERIFY(waitFor<Result<void>>([&](auto done) { m_service->disconnect(m_entity, provider, done); }).ok());
}

void TestConnectionService::extendedPermissionsNotApproved()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QString id = unique(u"ect-"_s);
    const QString approved = unique(u"ectx-"_s);
    addAccount({{u"id"_s, id}, {u"secret"_s, u"s3cret"_s}});
    addAccount({{u"id"_s, approved}, {u"secret"_s, u"s3cret"_s}, {u"extended"_s, true}});
    ConnectionDraft draft{u"ect_myterminal"_s,
                          {{u"clientId"_s, id}, {u"extendedPermissions"_s, u"true"_s}},
                          {{u"clientSecret"_s, u"s3cret"_s}, {u"subscriptionKey"_s, u"any"_s}},
                          std::nullopt,
                          dockflowUrl(u"ect"_s)};
    VerificationOutcome outcome = connectAndVerify(draft);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    QVERIFY(outcome.message.contains(u"extended permissions"_s));
    QCOMPARE(m_service->connection(m_entity, u"ect_myterminal"_s).value()->fields.value(u"extendedPermissions"_s),
             QJsonValue(true));
    draft.fields.insert(u"clientId"_s, approved);
    outcome = connectAndVerify(draft);
    QVERIFY(outcome.ok);
    QVERIFY2(outcome.message.isEmpty(), qPrintable(outcome.message));
}

void TestConnectionService::providerUnavailable()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const VerificationOutcome outcome = connectAndVerify({u"psa_eportal"_s,
                                                          {{u"username"_s, u"u"_s}},
                                                          {{u"password"_s, u"p"_s}},
                                                          std::nullopt,
                                                          u"http://127.0.0.1:9"_s});
    QCOMPARE(outcome.failure, ConnectionFailure::ProviderUnavailable);
    QVERIFY(outcome.advice.contains(u"Wait 10-15 minutes"_s));
}

void TestConnectionService::noEndpointConfigured()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const VerificationOutcome outcome = connectAndVerify(
        {u"mpet_connect"_s, {{u"uuid"_s, u"u-1"_s}}, {{u"token"_s, u"t"_s}}, std::nullopt, std::nullopt});
    QCOMPARE(outcome.failure, ConnectionFailure::NoEndpoint);
    QVERIFY(outcome.message.contains(u"No endpoint configured"_s));
    QCOMPARE(m_service->connection(m_entity, u"mpet_connect"_s).value()->status, u"error"_s);
}

void TestConnectionService::providerWithoutVerification()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const VerificationOutcome outcome =
        connectAndVerify({u"lbct"_s, {}, {{u"apiKey"_s, u"key-1"_s}}, std::nullopt, std::nullopt});
    QVERIFY(outcome.ok);
    QVERIFY(!outcome.verified);
    QCOMPARE(outcome.message, ConnectionService::notVerifiedNote());
    const auto record = m_service->connection(m_entity, u"lbct"_s).value();
    QCOMPARE(record->status, u"connected"_s);
    QVERIFY(!record->lastVerifiedAt.isValid());
    // No credentials at all.
    QVERIFY(connectAndVerify({u"bnsf"_s, {}, {}, std::nullopt, std::nullopt}).ok);
}

void TestConnectionService::updateKeepsSecretAndDisconnectKeepsHistory()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QString id = unique(u"psa-"_s);
    addAccount({{u"id"_s, id}, {u"secret"_s, u"pw-1"_s}});
    QVERIFY(connectAndVerify({u"psa_eportal"_s,
                              {{u"username"_s, id}},
                              {{u"password"_s, u"pw-1"_s}},
                              std::nullopt,
                              dockflowUrl(u"psa"_s)})
                .ok);
    // Update with the secret left empty: the stored password stays and still verifies.
    const VerificationOutcome updated =
        connectAndVerify({u"psa_eportal"_s, {{u"username"_s, u"  "_s % id}}, {{u"password"_s, QString()}}, {}, {}});
    QVERIFY2(updated.ok, qPrintable(updated.message));
    const auto prepared =
        m_service->prepare(m_entity, {u"psa_eportal"_s, {{u"username"_s, u" x "_s}}, {}, std::nullopt, std::nullopt});
    QVERIFY(prepared.ok() && prepared->update);
    QCOMPARE(prepared->trimmedFields, QStringList{u"username"_s});

    const Result<void> removed =
        waitFor<Result<void>>([&](auto done) { m_service->disconnect(m_entity, u"psa_eportal"_s, done); });
    QVERIFY(removed.ok());
    QVERIFY(!m_service->connection(m_entity, u"psa_eportal"_s).value().has_value());
    const auto read = waitFor<Result<QString>>(
        [&](auto done) { m_secrets->read(SecretStore::key(m_entity, u"psa_eportal"_s, u"password"_s), done); });
    QCOMPARE(read.error().kind, ErrorKind::NotFound);
    QStringList actions;
    const QList<AuditEntry> entries = m_store->auditEntries(m_entity).value();
    for (const AuditEntry &entry : entries) {
        actions.append(entry.action);
        QVERIFY(!entry.user.isEmpty());
        QCOMPARE(entry.entity, m_entity);
    }
    QCOMPARE(actions, QStringList({u"connect"_s, u"verify"_s, u"update"_s, u"verify"_s, u"disconnect"_s}));
}

void TestConnectionService::refusals_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("secretField");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown provider") << u"nope"_s << QString() << QString() << QString() << u"unknown provider"_s;
    QTest::newRow("unknown field") << u"psa_eportal"_s << u"colour"_s << u"password"_s << QString()
                                   << u"has no field colour"_s;
    QTest::newRow("secret as field") << u"psa_eportal"_s << u"password"_s << u"password"_s << QString()
                                     << u"is a secret"_s;
    QTest::newRow("missing secret") << u"psa_eportal"_s << u"username"_s << QString() << QString()
                                    << u"missing required fields: password"_s;
    QTest::newRow("missing field") << u"mpet_connect"_s << QString() << u"token"_s << QString()
                                   << u"missing required fields: uuid"_s;
    QTest::newRow("plain http") << u"psa_eportal"_s << u"username"_s << u"password"_s << u"http://example.com"_s
                                << u"base URL"_s;
}

void TestConnectionService::refusals()
{
    QFETCH(QString, provider);
    QFETCH(QString, field);
    QFETCH(QString, secretField);
    QFETCH(QString, baseUrl);
    QFETCH(QString, message);
    ConnectionDraft draft;
    draft.provider = provider;
    if (!field.isEmpty())
        draft.fields.insert(field, u"value"_s);
    if (!secretField.isEmpty())
        draft.secrets.insert(secretField, u"secret"_s);
    if (!baseUrl.isEmpty())
        draft.baseUrl = baseUrl;
    const auto prepared = m_service->prepare(m_entity, draft);
    QVERIFY(!prepared.ok());
    QCOMPARE(prepared.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(prepared.error().message.contains(message), qPrintable(prepared.error().message));
}

// A keychain that does not answer in time: the save fails with the SecretStore's explanation,
// nothing reaches the database, the audit says so, and nothing hangs.
void TestConnectionService::keychainUnavailable()
{
    SecretStore unresponsive(u"quaywatch"_s, std::chrono::milliseconds(0));
    ConnectionService service(m_store.get(), &*m_catalog, &unresponsive, m_network.get());
    const QString secret = unique(u"canary-"_s);
    QElapsedTimer timer;
    timer.start();
    const Result<ConnectionRecord> saved = save(
        {u"psa_eportal"_s, {{u"username"_s, u"u"_s}}, {{u"password"_s, secret}}, std::nullopt, std::nullopt}, &service);
    QVERIFY(timer.elapsed() < 15000);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, ErrorKind::KeychainUnavailable);
    QVERIFY2(saved.error().message.contains(u"never stores secrets in plain text"_s),
             qPrintable(saved.error().message));
    QVERIFY(!service.connection(m_entity, u"psa_eportal"_s).value().has_value());
    const QList<AuditEntry> audit = m_store->auditEntries(m_entity).value();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.constFirst().outcome, u"error"_s);
    QCOMPARE(service.advice(u"psa_eportal"_s, ConnectionFailure::KeychainUnavailable).isEmpty(), false);
    verifyNoSecretStored(secret);
}

// Connection and verification times are the service's clock's, so tests (and the demo's simulated
// time) decide them.
void TestConnectionService::timesComeFromTheInjectedClock()
{
    if (!m_haveBus)
        QSKIP(noBusReason);
    const QDateTime start(QDate(2031, 2, 3), QTime(4, 5, 6), QTimeZone::utc());
    ManualClock clock(start);
    m_service->setClock(&clock);
    const ConnectionDraft draft{u"ports_america"_s,
                                {{u"username"_s, m_simUser}},
                                {{u"password"_s, m_simPassword}},
                                u"uat"_s,
                                m_sim.baseUrl().toString()};
    const Result<PreparedConnection> prepared = m_service->prepare(m_entity, draft);
    QVERIFY(prepared.ok());
    QCOMPARE(prepared->record.connectedAt, start);
    clock.advanceSeconds(60);
    const VerificationOutcome outcome = connectAndVerify(draft);
    QVERIFY2(outcome.ok, qPrintable(outcome.message));
    const auto record = m_service->connection(m_entity, u"ports_america"_s).value();
    QVERIFY(record.has_value());
    QCOMPARE(record->connectedAt, start.addSecs(60));
    QCOMPARE(record->lastVerifiedAt, start.addSecs(60));
}

QTEST_GUILESS_MAIN(TestConnectionService)
#include "tst_connectionservice.moc"
