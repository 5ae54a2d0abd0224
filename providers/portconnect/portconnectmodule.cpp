// The PortConnect module: containers are subscribed once (PortConnectClient) and PortConnect calls
// back with visit events, which its webhook handler maps and stores.
#include "portconnectmapper.h"
#include "portconnectsubscriptions.h"
#include "portconnectwebhook.h"
#include "providermodule.h"

#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace {

class PortConnectModule final : public ProviderModule
{
public:
    QString id() const override { return u"portconnect"_s; }
    bool handles(const CatalogProvider &provider) const override { return provider.id == "portconnect"_L1; }
    ProviderCapabilities capabilities(const CatalogProvider & /*provider*/) const override
    {
        ProviderCapabilities capabilities;
        capabilities.subscriptions = true;
        capabilities.webhookPath = QString::fromLatin1(PortConnectWebhook::path);
        return capabilities;
    }

    QList<MappingTable> mappingTables() const override
    {
        MappingTable table{QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "Visit event callbacks")), {}};
        for (const PortConnectMappingRow &row : PortConnectMapper::rows())
            table.rows.append({row.providerCode, row.normalized, row.rule});
        return {table};
    }

    WebhookListener::Handler webhookHandler(Store &store, const QString &entity) const override
    {
        return PortConnectWebhook::handler(store, entity);
    }

    const SubscriptionProvider *subscriptionProvider() const override { return &m_subscriptions; }

private:
    PortConnectSubscriptions m_subscriptions;
};

} // namespace

std::unique_ptr<ProviderModule> createProviderModule_portconnect()
{
    return std::make_unique<PortConnectModule>();
}
