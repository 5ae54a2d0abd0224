#include "envasewebhook.h"

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
    return [&store, entity, catalog](const QByteArray &body) -> Result<int> {
        Result<EnvaseTraceResult> result = EnvaseMapper::mapTraceResult(body, QDateTime::currentDateTimeUtc());
        if (!result)
            return result.error();
        // The container keeps the provider it was published with; an unknown one is added as "envase".
        QString provider = u"envase"_s;
        if (*catalog && !result->envaseProviderId.isEmpty()) {
            if (const CatalogProvider *entry = catalog->value().providerByEnvaseId(result->envaseProviderId))
                provider = entry->id;
        }
        SubscriptionStore subscriptions(store);
        return subscriptions.ingest(entity, provider, result->items);
    };
}
