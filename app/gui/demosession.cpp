#include "demosession.h"

#include "providerregistry.h"
#include "scenario.h"
#include "secretstore.h"
#include "simulatorserver.h"
#include "store.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcDemo, "quaywatch.app.demo")

// The account whose containers the scenario holds: the one a module names with a trucker code field.
DemoAccount tracedAccount()
{
    for (const auto &module : ProviderRegistry::builtIn().modules()) {
        for (const DemoAccount &account : module->demoAccounts()) {
            if (!account.truckerCodeField.isEmpty())
                return account;
        }
    }
    return {};
}

ConnectionRecord demoRecord(const DemoAccount &account, const QUrl &simulator)
{
    ConnectionRecord record;
    record.entity = QString::fromLatin1(DemoSession::entity);
    record.provider = account.provider;
    for (auto it = account.fields.cbegin(); it != account.fields.cend(); ++it)
        record.fields.insert(it.key(), it.value());
    record.baseUrl = simulator.toString() % account.basePath;
    record.status = u"connected"_s;
    return record;
}
} // namespace

DemoSession::DemoSession(QObject *parent) : QObject(parent) {}

DemoSession::~DemoSession() = default;

const Clock &DemoSession::clock() const
{
    return m_simulator->clock();
}

QUrl DemoSession::simulatorUrl() const
{
    return m_simulator ? m_simulator->baseUrl() : QUrl();
}

Result<void> DemoSession::start(const QByteArray &scenarioJson, const Clock &storeClock)
{
    if (!m_folder.isValid())
        return makeError(ErrorKind::Internal, u"Cannot create a temporary folder for the demo database"_s);
    Result<Scenario> scenario = Scenario::fromJson(scenarioJson);
    if (!scenario)
        return scenario.error();
    const QList<SimContainer> containers = scenario->containers();

    const DemoAccount account = tracedAccount();
    const ProviderModule *module = ProviderRegistry::builtIn().module(account.provider);
    if (!module)
        return makeError(ErrorKind::Internal, u"No provider module names a demo account"_s);
    SimulatorOptions options;
    options.users = {{account.fields.value(u"username"_s), account.secrets.value(u"password"_s)}};
    options.speed = speed;
    m_simulator = std::make_unique<SimulatorServer>(std::move(scenario.value()), options);
    const Result<quint16> port = m_simulator->listen(0);
    if (!port)
        return port.error();
    qCInfo(lcDemo) << "simulator listening on" << m_simulator->baseUrl().toString();

    Result<std::unique_ptr<Store>> store = Store::open(m_folder.filePath(u"demo.sqlite"_s), storeClock);
    if (!store)
        return store.error();
    m_store = std::move(store.value());
    for (const SimContainer &container : containers) {
        WatchEntry entry;
        entry.entity = QString::fromLatin1(entity);
        entry.containerNumber = container.number;
        entry.provider = account.provider;
        entry.site = container.site;
        entry.billOfLading = container.billOfLading;
        entry.reference = container.visit.reference;
        entry.providerData = {{account.truckerCodeField, container.visit.truckerCode}};
        const Result<AddOutcome> added = m_store->addContainer(entry);
        if (!added)
            return added.error();
        ++m_containerCount;
    }

    const AdapterContext context{ProviderRegistry::builtIn().catalog().provider(account.provider),
                                 demoRecord(account, m_simulator->baseUrl()), account.secrets, &m_network,
                                 &m_simulator->clock()};
    Result<std::unique_ptr<ProviderAdapter>> adapter = module->createAdapter(context);
    if (!adapter)
        return adapter.error();
    m_adapter = std::move(adapter.value());
    return {};
}

void DemoSession::connectAccount(std::function<void(QString warning)> done)
{
    const DemoAccount account = tracedAccount();
    ConnectionRecord record = demoRecord(account, m_simulator->baseUrl());
    record.connectedAt = m_simulator->clock().now();
    // A service name of its own, so the demo never touches a real account's keychain entry.
    m_secrets = std::make_unique<SecretStore>(secretService(), std::chrono::seconds(5));
    const QString field = u"password"_s;
    const QString key = SecretStore::key(record.entity, record.provider, field);
    m_secrets->write(key, account.secrets.value(field),
                     [this, record, field, done = std::move(done)](const Result<void> &written) mutable {
                         QString warning;
                         if (written) {
                             record.savedSecretFields = {field};
                         } else {
                             warning =
                                 tr("No keychain is available (%1). The demo keeps its password in memory only and "
                                    "will not save it.")
                                     .arg(written.error().message);
                             qCWarning(lcDemo) << "keychain unavailable:" << written.error().message;
                         }
                         if (Result<void> saved = m_store->saveConnection(record); !saved)
                             qCWarning(lcDemo) << "cannot record the demo connection:" << saved.error().message;
                         // Like every connection, the demo's shows up in the audit log (which the demo also presents).
                         const AuditEntry audit = AuditEntry::make(record.entity, record.provider, u"connect"_s, true,
                                                                   u"demo account on the built-in simulator"_s);
                         if (Result<void> recorded = m_store->appendAudit(audit); !recorded)
                             qCWarning(lcDemo)
                                 << "cannot record the demo connection in the audit log:" << recorded.error().message;
                         done(warning);
                     });
}
