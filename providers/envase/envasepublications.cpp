#include "envasepublications.h"

#include "envasetracepublisher.h"
#include "providercatalog.h"

using namespace Qt::Literals::StringLiterals;

namespace {

class EnvaseSession final : public PublicationSession
{
public:
    EnvaseSession(QNetworkAccessManager *network, const ProviderCatalog &catalog, const TracePublishSettings &settings)
        : m_publisher(network, catalog, settings)
    {}

    void publish(const PublicationTarget &target, PublicationAction action,
                 std::function<void(Result<void>)> done) override
    {
        const EnvaseTraceTarget envaseTarget{target.containerNumber, target.provider, target.data, target.normalize};
        m_publisher.publish(envaseTarget,
                            action == PublicationAction::Requested ? EnvaseTracePublisher::Action::Requested
                                                                   : EnvaseTracePublisher::Action::Cancelled,
                            std::move(done));
    }

private:
    EnvaseTracePublisher m_publisher;
};

} // namespace

QString EnvasePublications::displayName() const
{
    return u"Envase"_s;
}

bool EnvasePublications::accepts(const CatalogProvider &provider) const
{
    return !provider.envaseProviderId.isEmpty();
}

QStringList EnvasePublications::validateSettings(const TracePublishSettings &settings) const
{
    return EnvaseTracePublisher::validateSettings(settings);
}

std::unique_ptr<PublicationSession> EnvasePublications::openSession(QNetworkAccessManager *network,
                                                                    const ProviderCatalog &catalog,
                                                                    const TracePublishSettings &settings) const
{
    return std::make_unique<EnvaseSession>(network, catalog, settings);
}
