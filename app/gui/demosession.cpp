#include "demosession.h"

#include "portsamericaadapter.h"
#include "scenario.h"
#include "secretstore.h"
#include "simulatorserver.h"
#include "store.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcDemo, "quaywatch.app.demo")

const QString providerId = QString::fromLatin1(PortsAmerica::providerId);
const QString demoUser = u"demo"_s;
// The simulator's demo account; not a real secret, but handled like one all the same.
const QString demoPassword = u"demo"_s;
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

Result<void> DemoSession::start(const QByteArray &scenarioJson)
{
    if (!m_folder.isValid())
        return makeError(ErrorKind::Internal, u"Cannot create a temporary folder for the demo database"_s);
    Result<Scenario> scenario = Scenario::fromJson(scenarioJson);
    if (!scenario)
        return scenario.error();
    const QList<SimContainer> containers = scenario->containers();

    SimulatorOptions options;
    options.users = {{demoUser, demoPassword}};
    options.speed = speed;
    m_simulator = std::make_unique<SimulatorServer>(std::move(scenario.value()), options);
    const Result<quint16> port = m_simulator->listen(0);
    if (!port)
        return port.error();
    qCInfo(lcDemo) << "simulator listening on" << m_simulator->baseUrl().toString();

    Result<std::unique_ptr<Store>> store = Store::open(m_folder.filePath(u"demo.sqlite"_s));
    if (!store)
        return store.error();
    m_store = std::move(store.value());
    for (const SimContainer &container : containers) {
        WatchEntry entry;
        entry.entity = QString::fromLatin1(entity);
        entry.containerNumber = container.number;
        entry.provider = providerId;
        entry.site = container.site;
        entry.billOfLading = container.billOfLading;
        entry.reference = container.visit.reference;
        entry.providerData = {{u"truckingCompanyCode"_s, container.visit.truckerCode}};
        const Result<AddOutcome> added = m_store->addContainer(entry);
        if (!added)
            return added.error();
        ++m_containerCount;
    }

    PortsAmericaConfig config;
    config.baseUrl = m_simulator->baseUrl();
    config.username = demoUser;
    config.password = demoPassword;
    m_adapter = std::make_unique<PortsAmericaAdapter>(&m_network, std::move(config));
    m_adapter->setClock(&m_simulator->clock());
    return {};
}

void DemoSession::connectAccount(std::function<void(QString warning)> done)
{
    ConnectionRecord record;
    record.entity = QString::fromLatin1(entity);
    record.provider = providerId;
    record.fields = {{u"username"_s, demoUser}};
    record.baseUrl = m_simulator->baseUrl().toString();
    record.status = u"connected"_s;
    record.connectedAt = QDateTime::currentDateTimeUtc();
    // A service name of its own, so the demo never touches a real account's keychain entry.
    m_secrets = std::make_unique<SecretStore>(secretService(), std::chrono::seconds(5));
    const QString key = SecretStore::key(record.entity, providerId, u"password"_s);
    m_secrets->write(key, demoPassword, [this, record, done = std::move(done)](Result<void> written) mutable {
        QString warning;
        if (written) {
            record.savedSecretFields = {u"password"_s};
        } else {
            warning = tr("No keychain is available (%1). The demo keeps its password in memory only and "
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
            qCWarning(lcDemo) << "cannot record the demo connection in the audit log:" << recorded.error().message;
        done(warning);
    });
}
