// The Envase module: the terminals traced through Envase Connect Data. Containers are published for
// tracing (EnvaseTracePublisher) and the TRACE_RESULT callbacks are mapped and stored by its webhook
// handler. It contributes the `quaywatch-cli envase` commands.
#include "envasemapper.h"
#include "envasepublications.h"
#include "envasewebhook.h"
#include "providermodule.h"

#include <QtGlobal>

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
        MappingTable table{QString::fromUtf8(QT_TRANSLATE_NOOP("MappingRules", "TRACE_RESULT events")), {}};
        for (const EnvaseMappingRow &row : EnvaseMapper::rows())
            table.rows.append({row.code, row.normalized, row.rule});
        return {table};
    }

    WebhookListener::Handler webhookHandler(Store &store, const QString &entity) const override
    {
        return EnvaseWebhook::handler(store, entity);
    }

    QStringList webhookSecretFields() const override { return {QString::fromLatin1(EnvaseWebhook::signingKeyField)}; }

    // Envase signs its callbacks instead of presenting the listener's token.
    void addWebhookEndpoint(WebhookListener &listener, const QString &path, Store &store, const QString &entity,
                            const QHash<QString, QString> &secrets) const override
    {
        EnvaseWebhook::addSignedEndpoint(listener, path, store, entity,
                                         secrets.value(QString::fromLatin1(EnvaseWebhook::signingKeyField)).toUtf8());
    }

    ModuleCliVerb publishingVerb() const override
    {
        const QString verb = u"envase"_s;
        return {verb,
                {verb % u" settings [--org-id ID] [--svc-id ID] [--origin TEXT] [--endpoint URL] [--client-id ID] "
                        "[--client-secret-stdin]"_s,
                 verb % u" publish NUMBER... --provider ID [--data KEY=VALUE]... [--no-normalize] [--trace-now]"_s,
                 verb % u" cancel NUMBER..."_s, verb % u" register-webhook URL"_s},
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
