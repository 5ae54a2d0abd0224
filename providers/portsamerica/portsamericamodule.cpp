// The Ports America module: polls the TOS service with PortsAmericaAdapter, verifies a connection by
// fetching a token and shows its mapper's two tables on the Mapping screen.
#include "portsamericaadapter.h"
#include "portsamericamapper.h"
#include "portsamericasites.h"
#include "providermodule.h"

using namespace Qt::Literals::StringLiterals;

namespace {

bool isAvailabilityPayload(const QJsonObject &raw)
{
    return !PortsAmericaMapper::isGatePayload(raw);
}

// A table of the mapper's rows, with live values: a polled provider's payloads are stored with
// its events.
MappingTable tableOf(const QString &title, const QList<MappingRow> &rows, bool (*readsPayload)(const QJsonObject &))
{
    MappingTable table{title, {}};
    for (const MappingRow &row : rows)
        table.rows.append({row.sourceProperty, row.normalizedProperty, row.rule});
    table.mapperRows = &rows;
    table.readsPayload = readsPayload;
    table.contextFor = &PortsAmericaMapper::contextForSite;
    return table;
}

class PortsAmericaModule final : public ProviderModule
{
public:
    QString id() const override { return u"portsamerica"_s; }
    bool handles(const CatalogProvider &provider) const override
    {
        return provider.id == QLatin1StringView(PortsAmerica::providerId);
    }
    ProviderCapabilities capabilities(const CatalogProvider & /*provider*/) const override
    {
        ProviderCapabilities capabilities;
        capabilities.polling = true;
        capabilities.verification = true;
        return capabilities;
    }

    Result<std::unique_ptr<ProviderAdapter>> createAdapter(const AdapterContext &context) const override
    {
        PortsAmericaConfig config =
            PortsAmericaConfig::fromConnection(context.record, context.secrets.value(u"password"_s));
        if (!context.clock)
            return makeError(ErrorKind::Internal, u"A Ports America adapter needs its caller's clock"_s);
        auto adapter = std::make_unique<PortsAmericaAdapter>(context.network, std::move(config), *context.clock);
        return std::unique_ptr<ProviderAdapter>(std::move(adapter));
    }

    QUrl defaultBaseUrl(const ConnectionRecord &record) const override
    {
        return PortsAmerica::baseUrlFor(record.environment);
    }

    void verify(const VerificationContext &context, std::function<void(VerificationAnswer)> done) const override
    {
        PortsAmericaConfig config =
            PortsAmericaConfig::fromConnection(context.record, context.secrets.value(u"password"_s));
        config.requestTimeoutMs = 15000;
        config.maxAttempts = 2;
        if (!context.clock) {
            VerificationAnswer answer;
            answer.error = makeError(ErrorKind::Internal, u"A Ports America check needs its caller's clock"_s);
            done(answer);
            return;
        }
        auto *adapter = new PortsAmericaAdapter(context.network, config, *context.clock, context.parent);
        adapter->verify([adapter, done = std::move(done)](const Result<void> &verified) {
            adapter->deleteLater();
            VerificationAnswer answer;
            if (!verified)
                answer.error = verified.error();
            done(answer);
        });
    }

    QList<DemoAccount> demoAccounts() const override
    {
        return {{QString::fromLatin1(PortsAmerica::providerId),
                 {{u"username"_s, u"demo"_s}},
                 {{u"password"_s, u"demo"_s}},
                 {},
                 u"truckingCompanyCode"_s}};
    }

    QList<MappingTable> mappingTables() const override
    {
        return {tableOf(u"ContainerAvailability"_s, PortsAmericaMapper::availabilityRows(), &isAvailabilityPayload),
                tableOf(u"GateTransaction"_s, PortsAmericaMapper::gateRows(), &PortsAmericaMapper::isGatePayload)};
    }
};

} // namespace

std::unique_ptr<ProviderModule> createProviderModule_portsamerica()
{
    return std::make_unique<PortsAmericaModule>();
}
