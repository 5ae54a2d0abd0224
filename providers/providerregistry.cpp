#include "providerregistry.h"

#include <QLoggingCategory>

#include <algorithm>

namespace {
Q_LOGGING_CATEGORY(lcRegistry, "quaywatch.providers.registry")
}

ProviderRegistry::ProviderRegistry(const ProviderCatalog *catalog) : ProviderRegistry(catalog, builtInProviderModules())
{}

ProviderRegistry::ProviderRegistry(const ProviderCatalog *catalog, std::vector<std::unique_ptr<ProviderModule>> modules)
    : m_catalog(catalog), m_modules(std::move(modules))
{}

ProviderRegistry::~ProviderRegistry() = default;

const ProviderRegistry &ProviderRegistry::builtIn()
{
    static const ProviderCatalog catalog = [] {
        Result<ProviderCatalog> loaded = ProviderCatalog::load();
        if (loaded)
            return std::move(loaded.value());
        qCCritical(lcRegistry) << "the provider catalog cannot be read:" << loaded.error().message;
        return ProviderCatalog();
    }();
    static const ProviderRegistry registry(&catalog);
    // Once, with the registry: the destinations' field tables, for the store and the exporter.
    static const bool registered = [] {
        for (const FieldMapping &mapping : registry.fieldMappings())
            FieldMappings::add(mapping);
        return true;
    }();
    Q_UNUSED(registered)
    return registry;
}

QList<FieldMapping> ProviderRegistry::fieldMappings() const
{
    QList<FieldMapping> all;
    for (const auto &module : m_modules)
        all.append(module->fieldMappings());
    return all;
}

const ProviderModule *ProviderRegistry::module(const QString &providerId) const
{
    const CatalogProvider *provider = m_catalog->provider(providerId);
    if (!provider)
        return nullptr;
    for (const auto &module : m_modules) {
        if (module->handles(*provider))
            return module.get();
    }
    return nullptr;
}

const ProviderModule *ProviderRegistry::moduleById(const QString &moduleId) const
{
    for (const auto &module : m_modules) {
        if (module->id() == moduleId)
            return module.get();
    }
    return nullptr;
}

const ProviderModule *ProviderRegistry::builtInModuleFor(const CatalogProvider &provider)
{
    for (const auto &module : builtIn().modules()) {
        if (module->handles(provider))
            return module.get();
    }
    return nullptr;
}

ProviderCapabilities ProviderRegistry::capabilities(const QString &providerId) const
{
    const ProviderModule *found = module(providerId);
    return found ? found->capabilities(*m_catalog->provider(providerId)) : ProviderCapabilities{};
}

QStringList ProviderRegistry::adapterProviderIds() const
{
    QStringList ids;
    for (const CatalogProvider &provider : m_catalog->providers()) {
        if (capabilities(provider.id).polling)
            ids.append(provider.id);
    }
    return ids;
}

QList<ModuleWebhook> ProviderRegistry::webhooks() const
{
    QList<ModuleWebhook> hooks;
    for (const CatalogProvider &provider : m_catalog->providers()) {
        const ProviderModule *found = module(provider.id);
        const QString path = found ? found->capabilities(provider).webhookPath : QString();
        const bool known =
            std::any_of(hooks.cbegin(), hooks.cend(), [&](const ModuleWebhook &hook) { return hook.path == path; });
        if (!path.isEmpty() && !known)
            hooks.append({path, found});
    }
    return hooks;
}

const ProviderModule *ProviderRegistry::publishingModule(const QString &verb) const
{
    for (const auto &module : m_modules) {
        if (!verb.isEmpty() && module->publishingVerb().name == verb)
            return module.get();
    }
    return nullptr;
}

QList<ModuleCliVerb> ProviderRegistry::publishingVerbs() const
{
    QList<ModuleCliVerb> verbs;
    for (const auto &module : m_modules) {
        if (const ModuleCliVerb verb = module->publishingVerb(); !verb.name.isEmpty())
            verbs.append(verb);
    }
    return verbs;
}

SubscribingProvider ProviderRegistry::subscribing() const
{
    for (const CatalogProvider &provider : m_catalog->providers()) {
        const ProviderModule *found = module(provider.id);
        if (found != nullptr && found->capabilities(provider).subscriptions && found->subscriptionProvider() != nullptr)
            return {&provider, found->subscriptionProvider()};
    }
    return {};
}

const PublicationProvider *ProviderRegistry::publishing() const
{
    for (const auto &module : m_modules) {
        if (const PublicationProvider *provider = module->publicationProvider())
            return provider;
    }
    return nullptr;
}
