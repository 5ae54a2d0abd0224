#include "portsamericasites.h"
#include "providercatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList credentialNames(const CatalogProvider &provider)
{
    QStringList names;
    for (const CatalogCredentialField &field : provider.credentialFields)
        names.append(field.name);
    return names;
}

QStringList siteIds(const CatalogProvider &provider)
{
    QStringList ids;
    for (const CatalogSite &site : provider.sites)
        ids.append(site.id);
    return ids;
}

// The smallest catalog that validates; the malformed cases each break one thing in it.
QJsonObject minimalCatalog()
{
    const QJsonObject site{
        {u"id"_s, u"WBCT_LA"_s}, {u"name"_s, u"West Basin"_s}, {u"timeZone"_s, u"America/Los_Angeles"_s}};
    const QJsonObject provider{
        {u"id"_s, u"acme"_s},
        {u"displayName"_s, u"Acme Terminal"_s},
        {u"region"_s, u"North America"_s},
        {u"description"_s, u"A test terminal"_s},
        {u"type"_s, u"terminal"_s},
        {u"authType"_s, u"user_password"_s},
        {u"credentialOwner"_s, u"entity"_s},
        {u"credentialFields"_s,
         QJsonArray{
             QJsonObject{{u"name"_s, u"user"_s}, {u"label"_s, u"User"_s}, {u"secret"_s, false}, {u"required"_s, true}},
             QJsonObject{
                 {u"name"_s, u"password"_s}, {u"label"_s, u"Password"_s}, {u"secret"_s, true}, {u"required"_s, true}}}},
        {u"dataFields"_s, QJsonArray{}},
        {u"sites"_s, QJsonArray{site}},
        {u"batchLimit"_s, 5},
        {u"workflow"_s, u"api_pull"_s},
        {u"dataSyncImplemented"_s, false},
        {u"environments"_s, QJsonObject{{u"production"_s, u"https://acme.example/"_s}}},
    };
    return QJsonObject{{u"workflows"_s, QJsonObject{{u"api_pull"_s, QJsonObject{{u"label"_s, u"Pulled"_s}}}}},
                       {u"providers"_s, QJsonArray{provider}}};
}

QJsonObject firstProvider(const QJsonObject &catalog)
{
    return catalog.value(u"providers"_s).toArray().at(0).toObject();
}

QJsonObject withProvider(QJsonObject catalog, const QJsonObject &provider)
{
    catalog.insert(u"providers"_s, QJsonArray{provider});
    return catalog;
}

QJsonObject withProviderValue(const QString &key, const QJsonValue &value)
{
    QJsonObject provider = firstProvider(minimalCatalog());
    if (value.isUndefined())
        provider.remove(key);
    else
        provider.insert(key, value);
    return withProvider(minimalCatalog(), provider);
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestProviderCatalog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shippedCatalogLoads();
    void everySecretIsFlaggedAndEverySiteHasAZone();
    void envaseProviders_data();
    void envaseProviders();
    void dockflowTerminals_data();
    void dockflowTerminals();
    void portsAmerica();
    void portConnect();
    void polledProviders();
    void providersByRegion();
    void siteLookup();
    void minimalCatalogIsValid();
    void malformedCatalogsAreRejected_data();
    void malformedCatalogsAreRejected();
    void validateDataFields_data();
    void validateDataFields();

private:
    std::optional<ProviderCatalog> m_catalog;
};

void TestProviderCatalog::initTestCase()
{
    Result<ProviderCatalog> loaded = ProviderCatalog::load();
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
    m_catalog.emplace(std::move(loaded).value());
}

void TestProviderCatalog::shippedCatalogLoads()
{
    // 40 providers of Envase's list (Ports America among them), 6 Dockflow terminals, PortConnect,
    // and the outbound destination PortPro.
    QCOMPARE(m_catalog->providers().size(), 48);
    int implemented = 0;
    for (const CatalogProvider &provider : m_catalog->providers()) {
        QVERIFY2(m_catalog->workflow(provider.workflow).has_value(), qPrintable(provider.id));
        QVERIFY2(provider.batchLimit > 0, qPrintable(provider.id));
        for (const QString &key : provider.troubleshootingKeys)
            QVERIFY2(m_catalog->troubleshooting(key).has_value(), qPrintable(key));
        if (provider.dataSyncImplemented)
            ++implemented;
    }
    QCOMPARE(implemented, 1);
    QVERIFY(m_catalog->provider(u"ports_america"_s)->dataSyncImplemented);
    QCOMPARE(m_catalog->workflow(u"envase_trace"_s)->endpoint,
             QUrl(u"https://events.envaseconnect.cloud/api/events"_s));
}

void TestProviderCatalog::everySecretIsFlaggedAndEverySiteHasAZone()
{
    static const QStringList secrets{u"password"_s,  u"clientSecret"_s, u"secret"_s,        u"apiKey"_s,
                                     u"signature"_s, u"token"_s,        u"authorization"_s, u"subscriptionKey"_s};
    for (const CatalogProvider &provider : m_catalog->providers()) {
        for (const CatalogCredentialField &field : provider.credentialFields) {
            if (secrets.contains(field.name))
                QVERIFY2(field.secret, qPrintable(provider.id + u'.' + field.name));
            QVERIFY(!field.label.isEmpty());
            QVERIFY(field.owner == u"entity"_s || field.owner == u"service"_s);
        }
        for (const CatalogSite &site : provider.sites)
            QVERIFY2(site.timeZone.isValid(), qPrintable(provider.id + u'/' + site.id));
    }
}

void TestProviderCatalog::envaseProviders_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("envaseId");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QStringList>("credentials");
    QTest::addColumn<QString>("locationField");
    QTest::addColumn<QStringList>("locationCodes");

    // Transcribed from Envase's "Providers Information", in its order.
    const QStringList userPassword{u"user"_s, u"password"_s};
    const QStringList none;
    auto row = [](const char *name, const QString &id, const QString &envaseId, const QString &owner,
                  const QStringList &credentials, const QString &field = {}, const QStringList &codes = {}) {
        QTest::newRow(name) << id << envaseId << owner << credentials << field << codes;
    };
    row("Apm", u"apm"_s, u"apm"_s, u"service"_s, {u"clientId"_s, u"clientSecret"_s}, u"locationCode"_s,
        {u"USLAX"_s, u"USNWK"_s, u"USMOB"_s, u"USMIA"_s});
    row("Blount Island Terminal", u"blount_island"_s, {}, u"entity"_s, userPassword);
    row("BNSF", u"bnsf"_s, {}, u"none"_s, none);
    row("CN", u"cn"_s, {}, u"service"_s, {u"key"_s, u"secret"_s});
    row("Conley", u"conley"_s, {}, u"entity"_s, userPassword);
    row("Eagle Marine", u"eagle_marine"_s, {}, u"service"_s, userPassword);
    row("Emodal", u"emodal"_s, u"emodal"_s, u"service"_s, {u"apiKey"_s, u"senderCd"_s, u"signature"_s},
        u"locationCode"_s, {u"POV"_s, u"NYNJ"_s, u"NWSA"_s, u"LALB"_s, u"OAK"_s});
    row("Everglades Terminal", u"everglades_terminal"_s, {}, u"entity"_s, userPassword);
    row("Florida International Terminal", u"florida_international_terminal"_s, {}, u"entity"_s, userPassword);
    row("ICTSI", u"ictsi"_s, u"ictsi"_s, u"service"_s, {u"subscriptionId"_s, u"subscriptionKey"_s}, u"locationCode"_s,
        {u"MICT"_s, u"SBITC"_s});
    row("Its", u"its"_s, u"its"_s, u"entity"_s, userPassword, u"locationCode"_s, {u"ITS"_s, u"HUSKY"_s});
    row("LBCT", u"lbct"_s, {}, u"entity"_s, {u"apiKey"_s});
    row("Maher", u"maher"_s, {}, u"entity"_s, {u"authorization"_s, u"sid"_s});
    row("Matson C60", u"matson_c60"_s, {}, u"none"_s, none);
    row("MGT", u"mgt"_s, {}, u"entity"_s, userPassword);
    row("NWCS", u"nwcs"_s, {}, u"entity"_s, userPassword);
    row("Oakland B58", u"oakland_b58"_s, {}, u"entity"_s, userPassword);
    row("Pacific coast terminal", u"pacific_coast_terminal"_s, {}, u"entity"_s, userPassword);
    row("Packer", u"packer"_s, {}, u"none"_s, none);
    row("Pier A", u"pier_a"_s, {}, u"entity"_s, userPassword);
    row("Pomtoc", u"pomtoc"_s, {}, u"entity"_s, userPassword);
    row("Port of Houston", u"port_houston"_s, u"port_houston"_s, u"entity"_s, userPassword, u"locationCode"_s,
        {u"PHABC"_s, u"PHA"_s});
    row("Portland", u"portland"_s, {}, u"entity"_s, userPassword);
    row("Ports America", u"ports_america"_s, u"ports_america_api"_s, u"service"_s, userPassword, u"siteId"_s,
        {u"SGT_BAL"_s, u"OCT"_s, u"PNCT_NJ"_s, u"WBCT_LA"_s});
    row("Railsight", u"railsight"_s, {}, u"service"_s, {u"account"_s, u"user"_s, u"password"_s, u"fleet"_s});
    row("Red Hook Terminal", u"red_hook"_s, {}, u"entity"_s, userPassword);
    row("scspa", u"scspa"_s, {}, u"none"_s, none);
    row("Shippers Alameda", u"shippers_alameda"_s, {}, u"entity"_s, userPassword);
    row("Shippers Carson", u"shippers_carson"_s, {}, u"entity"_s, userPassword);
    row("Shippers Transport", u"shippers_transport"_s, {}, u"entity"_s, userPassword);
    row("Terminal 5", u"terminal_5"_s, {}, u"entity"_s, userPassword);
    row("Terminal 6", u"terminal_6"_s, {}, u"entity"_s, userPassword);
    row("Terminal 18", u"terminal_18"_s, {}, u"entity"_s, userPassword);
    row("Terminal 30", u"terminal_30"_s, {}, u"entity"_s, userPassword);
    row("Termont", u"termont"_s, {}, u"none"_s, none);
    row("Trapac", u"trapac"_s, u"trapac"_s, u"none"_s, none, u"locationCode"_s, {u"LAX"_s, u"OAK"_s});
    row("TTI", u"tti"_s, {}, u"entity"_s, {u"authorization"_s});
    row("UP", u"up"_s, u"up"_s, u"service"_s, userPassword);
    row("Washington United", u"washington_united"_s, {}, u"entity"_s, userPassword);
    row("YTI", u"yti"_s, {}, u"entity"_s, userPassword);
}

void TestProviderCatalog::envaseProviders()
{
    QFETCH(QString, id);
    QFETCH(QString, envaseId);
    QFETCH(QString, owner);
    QFETCH(QStringList, credentials);
    QFETCH(QString, locationField);
    QFETCH(QStringList, locationCodes);

    const CatalogProvider *provider = m_catalog->provider(id);
    QVERIFY2(provider, qPrintable(id));
    QVERIFY(provider->sources.contains(u"004"_s));
    QCOMPARE(provider->upstreamId(u"envase"_s), envaseId);
    QCOMPARE(provider->credentialOwner, owner);
    QCOMPARE(credentialNames(*provider), credentials);
    if (!envaseId.isEmpty())
        QCOMPARE(m_catalog->providerByUpstreamId(u"envase"_s, envaseId), provider);
    if (locationField.isEmpty()) {
        QVERIFY(provider->dataFields.isEmpty());
        return;
    }
    const CatalogDataField *field = provider->dataField(locationField);
    QVERIFY(field);
    QVERIFY(field->required);
    QVERIFY(field->selectsSite);
    QCOMPARE(field->allowedValues, locationCodes);
    QCOMPARE(siteIds(*provider), locationCodes);
}

void TestProviderCatalog::dockflowTerminals_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("area");
    QTest::addColumn<QString>("authType");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("terminalCodes");

    // Seed 002, "Supported Terminals" and the connection modals.
    QTest::newRow("PSA") << u"psa_eportal"_s << u"PSA E-Portal"_s << u"Belgium - Antwerp"_s << u"user_password"_s
                         << QStringList{u"Username"_s, u"Password"_s} << QStringList{u"869"_s, u"913"_s};
    QTest::newRow("DP World") << u"dp_world_eportal"_s << u"DP World E-Portal"_s << u"Belgium - Antwerp"_s
                              << u"user_password"_s << QStringList{u"Username"_s, u"Password"_s}
                              << QStringList{u"1700"_s};
    QTest::newRow("MPET") << u"mpet_connect"_s << u"MPET Connect"_s << u"Belgium - Antwerp"_s << u"uuid_token"_s
                          << QStringList{u"Application UUID"_s, u"API Token"_s} << QStringList{u"1742"_s};
    QTest::newRow("T-Mining") << u"t_mining_src"_s << u"T-Mining SRC"_s << u"Belgium - Antwerp"_s << u"user_password"_s
                              << QStringList{u"Username"_s, u"Password"_s} << QStringList{};
    QTest::newRow("ECT") << u"ect_myterminal"_s << u"ECT MyTerminal"_s << u"Netherlands - Rotterdam"_s
                         << u"oauth2_client_credentials"_s
                         << QStringList{u"Client ID"_s, u"Client Secret"_s, u"Subscription Key"_s,
                                        u"Extended Permissions"_s}
                         << QStringList{};
    QTest::newRow("NxtPort") << u"nxtport_cpu"_s << u"NxtPort CPU"_s << u"Additional Integrations"_s
                             << u"oauth2_password"_s << QStringList{u"Client ID"_s, u"Client Secret"_s, u"API Key"_s}
                             << QStringList{};
}

void TestProviderCatalog::dockflowTerminals()
{
    QFETCH(QString, id);
    QFETCH(QString, displayName);
    QFETCH(QString, area);
    QFETCH(QString, authType);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, terminalCodes);

    const CatalogProvider *provider = m_catalog->provider(id);
    QVERIFY2(provider, qPrintable(id));
    QCOMPARE(provider->displayName, displayName);
    QCOMPARE(provider->region, u"Europe"_s);
    QCOMPARE(provider->area, area);
    QCOMPARE(provider->authType, authType);
    QCOMPARE(provider->credentialOwner, u"entity"_s);
    QStringList actualLabels;
    for (const CatalogCredentialField &field : provider->credentialFields)
        actualLabels.append(field.label);
    QCOMPARE(actualLabels, labels);
    QCOMPARE(siteIds(*provider), terminalCodes);
    for (const QString &code : terminalCodes)
        QVERIFY(provider->description.contains(code));
    QVERIFY(!provider->dataSyncImplemented);
    QVERIFY(provider->troubleshootingKeys.contains(u"invalid_credentials"_s));
    QVERIFY(!provider->endpoints.isEmpty());
    QVERIFY(provider->timeZone.isValid() || !provider->sites.isEmpty());
}

void TestProviderCatalog::portsAmerica()
{
    const CatalogProvider *provider = m_catalog->provider(u"ports_america"_s);
    QVERIFY(provider);
    QCOMPARE(provider->batchLimit, 50);
    QCOMPARE(provider->workflow, u"api_pull"_s);
    QCOMPARE(provider->environments.value(u"production"_s), QUrl(u"https://tosservice-api.portsamerica.com:9001"_s));
    QCOMPARE(provider->environments.value(u"uat"_s), QUrl(u"https://tosserviceuat-api.portsamerica.com:9001"_s));
    QCOMPARE(provider->endpoints.value(u"token"_s), u"/api/Auth/GetToken"_s);
    QCOMPARE(provider->credentialField(u"username"_s), provider->credentialField(u"user"_s));
    QCOMPARE(provider->secretFieldNames(), QStringList{u"password"_s});

    const QList<std::pair<QString, QByteArray>> sites{{u"SGT_BAL"_s, "America/New_York"},
                                                      {u"OCT"_s, "America/Los_Angeles"},
                                                      {u"PNCT_NJ"_s, "America/New_York"},
                                                      {u"WBCT_LA"_s, "America/Los_Angeles"}};
    QCOMPARE(provider->sites.size(), sites.size());
    for (const auto &[id, zone] : sites) {
        const std::optional<CatalogSite> site = m_catalog->site(u"ports_america"_s, id);
        QVERIFY2(site.has_value(), qPrintable(id));
        QCOMPARE(site->timeZoneId, zone);
        QCOMPARE(site->timeZone, QTimeZone(zone));
    }
    // The adapter reads its sites, URLs and endpoint paths from this entry.
    QCOMPARE(PortsAmericaSites::all(), provider->sites);
    QCOMPARE(PortsAmerica::endpointPath(u"token"_s), u"/api/Auth/GetToken"_s);
    QCOMPARE(PortsAmerica::endpointPath(u"containerAvailability"_s), u"/api/ImportContainer/ContainerAvailability"_s);
    QCOMPARE(PortsAmerica::endpointPath(u"gateTransaction"_s), u"/api/GateActivity/GateTransaction"_s);
    const CatalogDataField *trucking = provider->dataField(u"truckingCompanyCode"_s);
    QVERIFY(trucking && trucking->required && !trucking->pattern.isEmpty());
}

void TestProviderCatalog::polledProviders()
{
    const QStringList polled = m_catalog->polledProviderIds();
    QCOMPARE(polled.size(), 7); // Ports America and the six Dockflow terminals
    QVERIFY(polled.contains(u"ports_america"_s));
    QVERIFY(!polled.contains(u"portconnect"_s));
    for (const QString &id : polled)
        QVERIFY2(m_catalog->provider(id)->workflow != u"envase_trace"_s, qPrintable(id));
}

void TestProviderCatalog::portConnect()
{
    const CatalogProvider *provider = m_catalog->provider(u"portconnect"_s);
    QVERIFY(provider);
    QCOMPARE(provider->region, u"Oceania"_s);
    QCOMPARE(provider->batchLimit, 10);
    QCOMPARE(provider->workflow, u"subscription_webhook"_s);
    QCOMPARE(provider->dataField(u"port"_s)->allowedValues,
             (QStringList{u"NZAKL"_s, u"NZTRG"_s, u"NZTIU"_s, u"NZLYT"_s, u"DEPOT"_s, u"ALL"_s}));
    QCOMPARE(provider->dataField(u"category"_s)->allowedValues,
             (QStringList{u"IMPORT"_s, u"EXPORT"_s, u"TRANSHIPMENT"_s, u"DOMESTIC"_s, u"STORAGE"_s}));
    QCOMPARE(provider->endpoints.value(u"subscriptionsV2"_s), u"/v2/subscriptions"_s);
    QCOMPARE(m_catalog->timeZoneFor(u"portconnect"_s, u"nzakl"_s), QTimeZone("Pacific/Auckland"));
}

void TestProviderCatalog::providersByRegion()
{
    const QList<CatalogRegion> regions = m_catalog->providersByRegion();
    QStringList names;
    qsizetype total = 0;
    for (const CatalogRegion &region : regions) {
        names.append(region.name);
        total += region.providers.size();
    }
    QCOMPARE(total, m_catalog->providers().size());
    QCOMPARE(names.size(), QSet<QString>(names.cbegin(), names.cend()).size());
    for (const QString &expected : {u"Europe"_s, u"North America"_s, u"Oceania"_s, u"Asia"_s})
        QVERIFY2(names.contains(expected), qPrintable(expected));
    const auto europe = std::find_if(regions.cbegin(), regions.cend(),
                                     [](const CatalogRegion &region) { return region.name == u"Europe"_s; });
    QCOMPARE(europe->providers.size(), 6);
}

void TestProviderCatalog::siteLookup()
{
    QVERIFY(m_catalog->site(u"ports_america"_s, u"wbct_la"_s).has_value());
    QVERIFY(!m_catalog->site(u"ports_america"_s, u"NOPE"_s).has_value());
    QVERIFY(!m_catalog->site(u"no_such_provider"_s, u"WBCT_LA"_s).has_value());
    QCOMPARE(m_catalog->timeZoneFor(u"apm"_s, u"USMOB"_s), QTimeZone("America/Chicago"));
    QCOMPARE(m_catalog->timeZoneFor(u"maher"_s, QString()), QTimeZone("America/New_York"));
    QVERIFY(!m_catalog->timeZoneFor(u"bnsf"_s, QString()).isValid());
    QVERIFY(!m_catalog->provider(u"no_such_provider"_s));
}

void TestProviderCatalog::minimalCatalogIsValid()
{
    const Result<ProviderCatalog> catalog = ProviderCatalog::fromJson(toJson(minimalCatalog()));
    QVERIFY2(catalog.ok(), qPrintable(catalog.error().message));
    QCOMPARE(catalog->providers().size(), 1);
    QCOMPARE(catalog->provider(u"acme"_s)->credentialFields.at(0).owner, u"entity"_s);
}

void TestProviderCatalog::malformedCatalogsAreRejected_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("messageParts");

    const QJsonObject good = minimalCatalog();
    const QJsonObject provider = firstProvider(good);

    QTest::newRow("not JSON") << QByteArray("{ this is not json") << QStringList{u"not valid JSON"_s};
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringList{u"JSON object"_s};
    QJsonObject twice = good;
    twice.insert(u"providers"_s, QJsonArray{provider, provider});
    QTest::newRow("duplicate id") << toJson(twice) << QStringList{u"\"acme\""_s, u"\"id\""_s, u"already uses"_s};
    // Upstream ids: per module, a text or a list of texts, never one id for two entries of a module.
    QJsonObject first = provider;
    first.insert(u"upstreamIds"_s, QJsonObject{{u"relay"_s, u"acme_up"_s}});
    QJsonObject second = first;
    second.insert(u"id"_s, u"acme_two"_s);
    second.insert(u"upstreamIds"_s, QJsonObject{{u"relay"_s, QJsonArray{u"other"_s, u"acme_up"_s}}});
    QJsonObject sameUpstream = good;
    sameUpstream.insert(u"providers"_s, QJsonArray{first, second});
    QTest::newRow("duplicate upstream id")
        << toJson(sameUpstream) << QStringList{u"\"acme_two\""_s, u"upstreamIds.relay"_s, u"acme_up"_s};
    QTest::newRow("upstream id not a text") << toJson(withProviderValue(u"upstreamIds"_s, QJsonObject{{u"relay"_s, 7}}))
                                            << QStringList{u"\"acme\""_s, u"upstreamIds.relay"_s};
    QTest::newRow("missing display name") << toJson(withProviderValue(u"displayName"_s, QJsonValue::Undefined))
                                          << QStringList{u"\"acme\""_s, u"\"displayName\""_s, u"missing"_s};
    QJsonObject badSite = provider;
    badSite.insert(u"sites"_s, QJsonArray{QJsonObject{
                                   {u"id"_s, u"X"_s}, {u"name"_s, u"X"_s}, {u"timeZone"_s, u"Mars/Olympus_Mons"_s}}});
    QTest::newRow("bad time zone") << toJson(withProvider(good, badSite))
                                   << QStringList{u"\"acme\""_s, u"sites[0].timeZone"_s, u"Mars/Olympus_Mons"_s};
    QTest::newRow("batch limit 0") << toJson(withProviderValue(u"batchLimit"_s, 0))
                                   << QStringList{u"\"acme\""_s, u"batchLimit"_s};
    QTest::newRow("batch limit text") << toJson(withProviderValue(u"batchLimit"_s, u"50"_s))
                                      << QStringList{u"batchLimit"_s};
    QJsonObject unflagged = provider;
    QJsonArray fields = unflagged.value(u"credentialFields"_s).toArray();
    QJsonObject password = fields.at(1).toObject();
    password.insert(u"secret"_s, false);
    fields.replace(1, password);
    unflagged.insert(u"credentialFields"_s, fields);
    QTest::newRow("secret not flagged") << toJson(withProvider(good, unflagged))
                                        << QStringList{u"credentialFields[1].secret"_s, u"password"_s};
    QTest::newRow("unknown workflow") << toJson(withProviderValue(u"workflow"_s, u"carrier_pigeon"_s))
                                      << QStringList{u"workflow"_s, u"carrier_pigeon"_s};
    QTest::newRow("unknown auth type") << toJson(withProviderValue(u"authType"_s, u"telepathy"_s))
                                       << QStringList{u"authType"_s, u"telepathy"_s};
    QTest::newRow("plain http URL") << toJson(withProviderValue(
                                           u"environments"_s, QJsonObject{{u"production"_s, u"http://acme.example"_s}}))
                                    << QStringList{u"environments.production"_s, u"https"_s};
    QTest::newRow("unknown advice") << toJson(withProviderValue(u"troubleshooting"_s, QJsonArray{u"pray"_s}))
                                    << QStringList{u"troubleshooting"_s, u"pray"_s};
    QTest::newRow("bad id") << toJson(withProviderValue(u"id"_s, u"Acme Terminal"_s)) << QStringList{u"\"id\""_s};
    QJsonObject noProviders = good;
    noProviders.insert(u"providers"_s, QJsonArray{});
    QTest::newRow("no providers") << toJson(noProviders) << QStringList{u"lists no provider"_s};
}

void TestProviderCatalog::malformedCatalogsAreRejected()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, messageParts);

    const Result<ProviderCatalog> catalog = ProviderCatalog::fromJson(json);
    QVERIFY(!catalog.ok());
    QCOMPARE(catalog.error().kind, ErrorKind::InvalidInput);
    for (const QString &part : messageParts)
        QVERIFY2(catalog.error().message.contains(part), qPrintable(catalog.error().message));
}

void TestProviderCatalog::validateDataFields_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("problemParts"); // one fragment per expected problem, in order

    QTest::newRow("ports america valid") << u"ports_america"_s
                                         << QByteArray(R"({"siteId": "WBCT_LA", "truckingCompanyCode": "PFCH"})")
                                         << QStringList{};
    QTest::newRow("ports america with normalize")
        << u"ports_america"_s << QByteArray(R"({"siteId": "OCT", "truckingCompanyCode": "PFCH", "normalize": false})")
        << QStringList{};
    QTest::newRow("missing site") << u"ports_america"_s << QByteArray(R"({"truckingCompanyCode": "PFCH"})")
                                  << QStringList{u"siteId) is required"_s};
    QTest::newRow("unknown site") << u"ports_america"_s
                                  << QByteArray(R"({"siteId": "LAX", "truckingCompanyCode": "PFCH"})")
                                  << QStringList{u"\"LAX\" is not one of SGT_BAL, OCT, PNCT_NJ, WBCT_LA"_s};
    QTest::newRow("trucking code too long")
        << u"ports_america"_s << QByteArray(R"({"siteId": "OCT", "truckingCompanyCode": "PFCHX"})")
        << QStringList{u"\"PFCHX\" is not a 4-character company code"_s};
    QTest::newRow("houston truck company")
        << u"port_houston"_s << QByteArray(R"({"locationCode": "PHABC", "truckCompany": "AB"})")
        << QStringList{u"\"AB\" is not a 4-character"_s};
    QTest::newRow("ictsi needs bill of lading")
        << u"ictsi"_s << QByteArray(R"({"locationCode": "MICT"})") << QStringList{u"steamshipBL) is required"_s};
    QTest::newRow("emodal valid") << u"emodal"_s << QByteArray(R"({"locationCode": "NYNJ"})") << QStringList{};
    QTest::newRow("no data needed") << u"bnsf"_s << QByteArray("{}") << QStringList{};
    QTest::newRow("unknown field") << u"bnsf"_s << QByteArray(R"({"colour": "blue"})")
                                   << QStringList{u"\"colour\" is not a data field"_s};
    QTest::newRow("credential in data") << u"apm"_s
                                        << QByteArray(R"({"locationCode": "USLAX", "clientSecret": "s3cret"})")
                                        << QStringList{u"\"clientSecret\" is a credential"_s};
    QTest::newRow("password in data") << u"bnsf"_s << QByteArray(R"({"password": "x"})")
                                      << QStringList{u"\"password\" is a credential"_s};
    QTest::newRow("not text") << u"trapac"_s << QByteArray(R"({"locationCode": 5})")
                              << QStringList{u"locationCode) must be text"_s};
    QTest::newRow("two problems") << u"port_houston"_s << QByteArray("{}")
                                  << QStringList{u"locationCode) is required"_s, u"truckCompany) is required"_s};
    QTest::newRow("unknown provider") << u"nope"_s << QByteArray("{}") << QStringList{u"unknown provider"_s};
}

void TestProviderCatalog::validateDataFields()
{
    QFETCH(QString, providerId);
    QFETCH(QByteArray, data);
    QFETCH(QStringList, problemParts);

    const QStringList problems = m_catalog->validateDataFields(providerId, QJsonDocument::fromJson(data).object());
    QCOMPARE(problems.size(), problemParts.size());
    for (qsizetype i = 0; i < problems.size(); ++i)
        QVERIFY2(problems.at(i).contains(problemParts.at(i)), qPrintable(problems.at(i)));
    QVERIFY(!problems.join(u' ').contains(u"s3cret"_s)); // a secret value is never echoed
}

QTEST_GUILESS_MAIN(TestProviderCatalog)
#include "tst_providercatalog.moc"
