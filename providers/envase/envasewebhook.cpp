#include "envasewebhook.h"

#include "clock.h"
#include "envasemapper.h"
#include "providercatalog.h"
#include "store.h"
#include "subscriptionstore.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

WebhookListener::Handler EnvaseWebhook::handler(Store &store, const QString &entity)
{
    // The catalog is read once per listener, not once per callback.
    auto catalog = std::make_shared<const Result<ProviderCatalog>>(ProviderCatalog::load());
    const auto providerFor = [catalog](const QString &envaseProviderId) -> const CatalogProvider * {
        return *catalog && !envaseProviderId.isEmpty() ? catalog->value().providerByEnvaseId(envaseProviderId)
                                                       : nullptr;
    };
    return [&store, entity, providerFor](const QByteArray &body) -> Result<int> {
        // Times without an offset are the named provider's wall clock (UTC when it has no one zone).
        const auto zoneFor = [&providerFor](const QString &envaseProviderId) {
            const CatalogProvider *entry = providerFor(envaseProviderId);
            return entry ? entry->timeZone : QTimeZone::utc();
        };
        Result<EnvaseTraceResult> result = EnvaseMapper::mapTraceResult(body, store.clock().now(), zoneFor);
        if (!result)
            return result.error();
        // The container keeps the provider it was published with; an unknown one is added as "envase".
        const CatalogProvider *entry = providerFor(result->envaseProviderId);
        const QString provider = entry ? entry->id : u"envase"_s;
        SubscriptionStore subscriptions(store);
        return subscriptions.ingest(entity, provider, result->items);
    };
}
