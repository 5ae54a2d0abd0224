// The provider registry: every catalog entry finds the module that serves it, and the modules
// describe what they do (polling, verification, callbacks, publishing, mapping tables).
#include "clock.h"
#include "envasemapper.h"
#include "portconnectmapper.h"
#include "portsamericamapper.h"
#include "providerregistry.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestProviderRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void everyEntryHasItsModule_data();
    void everyEntryHasItsModule();
    void unknownProviderHasNoModule();
    void polledProvidersAndWebhooks();
    void publishingVerb();
    void modulesHandOutSubscriptionAndPublication();
    void mappingTablesAreTheMappersRows();
    void adapterFromAConnection();
    void demoAccounts();
};

void TestProviderRegistry::everyEntryHasItsModule_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("module");
    const ProviderCatalog &catalog = ProviderRegistry::builtIn().catalog();
    QVERIFY(!catalog.providers().isEmpty());
    for (const CatalogProvider &provider : catalog.providers()) {
        QString module;
        if (provider.id == "ports_america"_L1)
            module = u"portsamerica"_s;
        else if (provider.id == "portconnect"_L1)
            module = u"portconnect"_s;
        else if (provider.workflow == "envase_trace"_L1)
            module = u"envase"_s;
        else if (provider.workflow == "terminal_pull"_L1)
            module = u"dockflow"_s;
        else if (provider.workflow == "outbound_push"_L1)
            module = u"portpro"_s;
        QTest::newRow(qPrintable(provider.id)) << provider.id << module;
    }
}

void TestProviderRegistry::everyEntryHasItsModule()
{
    QFETCH(QString, provider);
    QFETCH(QString, module);
    QVERIFY2(!module.isEmpty(), "a catalog entry of a workflow no module serves");
    const ProviderModule *found = ProviderRegistry::builtIn().module(provider);
    QVERIFY(found);
    QCOMPARE(found->id(), module);
    QCOMPARE(ProviderRegistry::builtInModuleFor(*ProviderRegistry::builtIn().catalog().provider(provider)), found);
}

void TestProviderRegistry::unknownProviderHasNoModule()
{
    QCOMPARE(ProviderRegistry::builtIn().module(u"no_such_provider"_s), nullptr);
    QCOMPARE(ProviderRegistry::builtIn().capabilities(u"no_such_provider"_s), ProviderCapabilities());
}

void TestProviderRegistry::polledProvidersAndWebhooks()
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    QCOMPARE(registry.adapterProviderIds(), QStringList{u"ports_america"_s});
    QStringList paths;
    for (const ModuleWebhook &webhook : registry.webhooks())
        paths.append(webhook.path);
    paths.sort();
    QCOMPARE(paths, (QStringList{u"/webhooks/envase"_s, u"/webhooks/portconnect"_s}));
    QVERIFY(registry.capabilities(u"psa_eportal"_s).verification);
    QVERIFY(!registry.capabilities(u"psa_eportal"_s).polling);
    QVERIFY(registry.capabilities(u"portconnect"_s).subscriptions);
}

void TestProviderRegistry::publishingVerb()
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    QCOMPARE(registry.publishingVerbs().size(), 1);
    const ModuleCliVerb verb = registry.publishingVerbs().constFirst();
    QCOMPARE(verb.name, u"envase"_s);
    QCOMPARE(verb.usage.size(), 4);
    for (const QString &line : verb.usage)
        QVERIFY(line.startsWith(verb.name + u' '));
    QCOMPARE(registry.publishingModule(u"envase"_s), registry.moduleById(u"envase"_s));
    QCOMPARE(registry.publishingModule(u"watch"_s), nullptr);
}

// The push-style front asks the registry, never a module by name: the subscribing entry is
// PortConnect's, the publisher Envase's, and only the modules with the capability hand one out.
void TestProviderRegistry::modulesHandOutSubscriptionAndPublication()
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    const SubscribingProvider subscribing = registry.subscribing();
    QVERIFY(subscribing.entry);
    QCOMPARE(subscribing.entry->id, u"portconnect"_s);
    QCOMPARE(subscribing.entry->displayName, u"PortConnect"_s);
    QCOMPARE(subscribing.provider, registry.moduleById(u"portconnect"_s)->subscriptionProvider());
    QCOMPARE(subscribing.provider->keyField(), u"subscriptionKey"_s);
    const SubscriptionOptions options = subscribing.provider->options();
    QVERIFY(options.portCodes.contains(u"NZAKL"_s));
    QVERIFY(options.categoryCodes.contains(u"IMPORT"_s));
    QVERIFY(!options.eventCodes.isEmpty());
    QCOMPARE(options.maxReferenceLength, 50);
    QCOMPARE(options.maxNumbersPerRequest, 10);
    // The generic request is checked by the provider's own rules.
    SubscriptionRequest request;
    request.containerNumbers = {u"MSCU1234566"_s};
    request.eventCodes = {u"ALL"_s};
    request.port = u"NZAKL"_s;
    request.category = u"IMPORT"_s;
    request.emails = {u"ops@example.com"_s};
    QVERIFY2(subscribing.provider->validate(request).isEmpty(),
             qPrintable(subscribing.provider->validate(request).join(u'\n')));
    request.reference = QString(51, u'x');
    QVERIFY(!subscribing.provider->validate(request).isEmpty());

    const PublicationProvider *publishing = registry.publishing();
    QVERIFY(publishing);
    QCOMPARE(publishing, registry.moduleById(u"envase"_s)->publicationProvider());
    QCOMPARE(publishing->displayName(), u"Envase"_s);
    QVERIFY(!publishing->validateSettings(TracePublishSettings{}).isEmpty());
    bool anyAccepted = false;
    for (const CatalogProvider &provider : registry.catalog().providers()) {
        anyAccepted = anyAccepted || publishing->accepts(provider);
        QCOMPARE(publishing->accepts(provider), !provider.upstreamId(u"envase"_s).isEmpty());
    }
    QVERIFY(anyAccepted);

    for (const auto &module : registry.modules()) {
        if (module->id() != "portconnect"_L1)
            QCOMPARE(module->subscriptionProvider(), nullptr);
        if (module->id() != "envase"_L1)
            QCOMPARE(module->publicationProvider(), nullptr);
    }
}

void TestProviderRegistry::mappingTablesAreTheMappersRows()
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    const QList<MappingTable> portsAmerica = registry.moduleById(u"portsamerica"_s)->mappingTables();
    QCOMPARE(portsAmerica.size(), 2);
    QCOMPARE(portsAmerica.at(0).rows.size(), PortsAmericaMapper::availabilityRows().size());
    QCOMPARE(portsAmerica.at(1).rows.size(), PortsAmericaMapper::gateRows().size());
    QCOMPARE(portsAmerica.at(0).rows.at(0).source, PortsAmericaMapper::availabilityRows().at(0).sourceProperty);

    const QList<MappingTable> portConnect = registry.moduleById(u"portconnect"_s)->mappingTables();
    QCOMPARE(portConnect.size(), 1);
    QCOMPARE(portConnect.at(0).rows.size(), PortConnectMapper::rows().size());
    QCOMPARE(portConnect.at(0).rows.at(0).source, PortConnectMapper::rows().at(0).providerCode);

    const QList<MappingTable> envase = registry.moduleById(u"envase"_s)->mappingTables();
    QCOMPARE(envase.size(), 1);
    QCOMPARE(envase.at(0).rows.size(), EnvaseMapper::rows().size());
    QVERIFY(registry.moduleById(u"dockflow"_s)->mappingTables().isEmpty());
}

void TestProviderRegistry::adapterFromAConnection()
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    QNetworkAccessManager network;
    const ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));
    ConnectionRecord record;
    record.entity = u"default"_s;
    record.provider = u"ports_america"_s;
    record.fields = {{u"username"_s, u"ops"_s}};
    const AdapterContext context{
        registry.catalog().provider(record.provider), record, {{u"password"_s, u"x"_s}}, &network, &clock};
    Result<std::unique_ptr<ProviderAdapter>> adapter = registry.module(record.provider)->createAdapter(context);
    QVERIFY(adapter);
    QCOMPARE(adapter.value()->providerId(), u"ports_america"_s);
    QCOMPARE(adapter.value()->batchLimit(), 50);
    QVERIFY(!registry.module(record.provider)->defaultBaseUrl(record).isEmpty());

    record.provider = u"portconnect"_s;
    const AdapterContext pushed{registry.catalog().provider(record.provider), record, {}, &network, &clock};
    QVERIFY(!registry.module(record.provider)->createAdapter(pushed));
}

void TestProviderRegistry::demoAccounts()
{
    int traced = 0;
    for (const auto &module : ProviderRegistry::builtIn().modules()) {
        for (const DemoAccount &account : module->demoAccounts()) {
            QCOMPARE(ProviderRegistry::builtIn().module(account.provider), module.get());
            traced += account.truckerCodeField.isEmpty() ? 0 : 1;
        }
    }
    QCOMPARE(traced, 1); // exactly one account's containers are the demo scenario's
}

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "tst_providerregistry.moc"
