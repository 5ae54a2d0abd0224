#include "envasewebhook.h"

#include "clock.h"
#include "envasemapper.h"
#include "envasesignature.h"
#include "envasetracepublisher.h"
#include "providercatalog.h"
#include "store.h"
#include "subscriptionstore.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

WebhookListener::Handler EnvaseWebhook::handler(Store &store, const QString &entity)
{
    // The catalog is read once per listener, not once per callback.
    auto catalog = std::make_shared<const Result<ProviderCatalog>>(ProviderCatalog::load());
    const auto providerFor = [catalog](const QString &upstreamId) -> const CatalogProvider * {
        return *catalog ? catalog->value().providerByUpstreamId(envaseModuleId(), upstreamId) : nullptr;
    };
    return [&store, entity, providerFor](const QByteArray &body) -> Result<int> {
        // Times without an offset are the named provider's wall clock (UTC when it has no one zone).
        const auto zoneFor = [&providerFor](const QString &upstreamId) {
            const CatalogProvider *entry = providerFor(upstreamId);
            return entry ? entry->timeZone : QTimeZone::utc();
        };
        Result<EnvaseTraceResult> result = EnvaseMapper::mapTraceResult(body, store.clock().now(), zoneFor);
        if (!result)
            return result.error();
        SubscriptionStore subscriptions(store);
        const Result<TracePublishSettings> settings = subscriptions.traceSettings(entity);
        if (settings && !settings->svcId.isEmpty() && !result->tmsId.isEmpty() &&
            result->tmsId.compare(settings->svcId, Qt::CaseInsensitive) != 0)
            return makeError(ErrorKind::InvalidInput, u"The result is for another TMS instance (tmsId)"_s);
        // The container keeps the provider it was published with; an unknown one is added as "envase".
        const CatalogProvider *entry = providerFor(result->upstreamProviderId);
        const QString provider = entry ? entry->id : envaseModuleId();
        return subscriptions.ingest(entity, provider, result->items);
    };
}

WebhookListener::SignedHandler EnvaseWebhook::signedHandler(Store &store, const QString &entity,
                                                            const QByteArray &signingKey)
{
    // Handlers run on one thread (the listener's context), so the replay memory needs no lock.
    auto verifier = std::make_shared<EnvaseSignatureVerifier>(signingKey, store.clock());
    const WebhookListener::Handler store_ = handler(store, entity);
    return [verifier, store_](const QByteArray &body, const QByteArray &signature) -> Result<int> {
        const Result<EnvaseSignatureVerifier::Parsed> verified = verifier->verify(signature, body);
        if (!verified)
            return verified.error();
        Result<int> stored = store_(body);
        if (stored)
            verifier->accepted(verified.value()); // only now: a retry after a failed store is no replay
        return stored;
    };
}

void EnvaseWebhook::addSignedEndpoint(WebhookListener &listener, const QString &path, Store &store,
                                      const QString &entity, const QByteArray &signingKey)
{
    WebhookSignatureRule rule{QByteArray(EnvaseSignatureVerifier::header), [](const QByteArray &value) {
                                  return EnvaseSignatureVerifier::parse(value).has_value();
                              }};
    listener.addSignedEndpoint(path, std::move(rule), signedHandler(store, entity, signingKey));
}
