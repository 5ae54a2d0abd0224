#pragma once

#include "providercatalog.h"
#include "providermodule.h"
#include "subscriptionprovider.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// A webhook path and the module whose callbacks arrive there.
struct ModuleWebhook
{
    QString path;
    const ProviderModule *module = nullptr;
};

// A catalog entry whose module takes subscriptions, with that module's subscribing provider.
struct SubscribingProvider
{
    const CatalogProvider *entry = nullptr;
    const SubscriptionProvider *provider = nullptr;
};

// The provider modules built into this executable, matched to the catalog entries they handle. The
// CLI, the console, the demo and the Mapping screen ask it for a provider's module, so none of them
// names a provider. The catalog is not owned; the modules are.
class ProviderRegistry final
{
public:
    // Every module of providers/<module>/ (collected by quaywatch_add_provider at configure time).
    explicit ProviderRegistry(const ProviderCatalog *catalog);
    ProviderRegistry(const ProviderCatalog *catalog, std::vector<std::unique_ptr<ProviderModule>> modules);
    ~ProviderRegistry();
    Q_DISABLE_COPY_MOVE(ProviderRegistry)

    // The registry over the embedded catalog. Catalog and modules never change, so one instance
    // serves the whole process; a catalog that cannot be read gives an empty registry (and a log line).
    static const ProviderRegistry &builtIn();

    const ProviderCatalog &catalog() const { return *m_catalog; }
    const std::vector<std::unique_ptr<ProviderModule>> &modules() const { return m_modules; }
    // The module serving a catalog entry; nullptr for an unknown id or an entry no module serves.
    const ProviderModule *module(const QString &providerId) const;
    const ProviderModule *moduleById(const QString &moduleId) const;
    // What Quaywatch can do with the entry; all false where no module serves it.
    ProviderCapabilities capabilities(const QString &providerId) const;

    // The module of builtIn() serving a catalog entry (of any catalog), for callers holding no
    // registry. Modules hold no state, so one shared set serves every caller.
    static const ProviderModule *builtInModuleFor(const CatalogProvider &provider);

    // Catalog ids whose module builds a polling adapter, in catalog order. (Which containers the sync
    // engine claims is the catalog's rule: ProviderCatalog::polledProviderIds.)
    QStringList adapterProviderIds() const;
    // One entry per distinct webhook path, in module order.
    QList<ModuleWebhook> webhooks() const;
    // Every module's destination field tables, in module order. builtIn() also registers its modules'
    // with FieldMappings, where core (the store's messages, the exporter) finds them by kind.
    QList<FieldMapping> fieldMappings() const;
    // The module contributing a publishing command verb, nullptr when none does.
    const ProviderModule *publishingModule(const QString &verb) const;
    QList<ModuleCliVerb> publishingVerbs() const;

    // The first catalog entry (in catalog order) whose module hands out a subscription provider;
    // both null when none does. The subscription service and its screen and CLI use only this one.
    SubscribingProvider subscribing() const;
    // The first module's publication provider, nullptr when no module publishes.
    const PublicationProvider *publishing() const;

private:
    const ProviderCatalog *m_catalog;
    std::vector<std::unique_ptr<ProviderModule>> m_modules;
};

// Defined in the file CMake generates from the quaywatch_add_provider calls.
std::vector<std::unique_ptr<ProviderModule>> builtInProviderModules();
