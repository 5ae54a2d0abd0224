// The Envase module: the terminals traced through Envase Connect Data. Containers are published for
// tracing (EnvaseTracePublisher) and the TRACE_RESULT callbacks are mapped and stored by its webhook
// handler. It contributes the `quaywatch-cli envase` commands.
#include "envasemapper.h"
#include "envasepublications.h"
#include "envasewebhook.h"
#include "providermodule.h"

using namespace Qt::Literals::StringLiterals;

namespace {

class EnvaseModule final : public ProviderModule
{
public:
    QString id() const override { return u"envase"_s; }
    bool handles(const CatalogProvider &provider) const override { return provider.workflow == "envase_trace"_L1; }
    ProviderCapabilities capabilities(const CatalogProvider & /*provider*/) const override
    {
        ProviderCapabilities capabilities;
        capabilities.publishing = true;
        capabilities.webhookPath = QString::fromLatin1(EnvaseWebhook::path);
        return capabilities;
    }

    QList<MappingTable> mappingTables() const override
    {
        MappingTable table{u"TRACE_RESULT events"_s, {}};
        for (const EnvaseMappingRow &row : EnvaseMapper::rows())
            table.rows.append({row.code, row.normalized, row.rule});
        return {table};
    }

    WebhookListener::Handler webhookHandler(Store &store, const QString &entity) const override
    {
        return EnvaseWebhook::handler(store, entity);
    }

    ModuleCliVerb publishingVerb() const override
    {
        const QString verb = u"envase"_s;
        return {verb,
                {verb % u" settings [--org-id ID] [--svc-id ID] [--origin TEXT] [--endpoint URL]"_s,
                 verb % u" publish NUMBER... --provider ID [--data KEY=VALUE]... [--no-normalize] [--trace-now]"_s,
                 verb % u" cancel NUMBER..."_s},
                u"trace publishing"_s};
    }

    const PublicationProvider *publicationProvider() const override { return &m_publications; }

private:
    EnvasePublications m_publications;
};

} // namespace

std::unique_ptr<ProviderModule> createProviderModule_envase()
{
    return std::make_unique<EnvaseModule>();
}
