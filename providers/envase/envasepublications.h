#pragma once

#include "subscriptionprovider.h"

// Envase as the publishing provider: its settings rules and trace publisher behind the generic
// PublicationProvider the subscription service and the CLI use.
class EnvasePublications final : public PublicationProvider
{
public:
    EnvasePublications() = default;

    QString displayName() const override;
    bool accepts(const CatalogProvider &provider) const override;
    QStringList validateSettings(const TracePublishSettings &settings) const override;
    std::unique_ptr<PublicationSession> openSession(QNetworkAccessManager *network, const ProviderCatalog &catalog,
                                                    const TracePublishSettings &settings) const override;
};
