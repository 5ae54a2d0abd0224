#pragma once

#include "subscriptionprovider.h"

// Envase as the publishing provider: its settings rules and trace publisher behind the generic
// PublicationProvider the subscription service and the CLI use. The Identity Manager client id and
// secret are its keychain fields. The token endpoint is production's Cognito URL; with an events
// endpoint override (a test system, the simulator) it is that host's /oauth2/token (Quaywatch's
// rule: the documents give one token URL per environment and no way to pair them otherwise).
class EnvasePublications final : public PublicationProvider
{
public:
    EnvasePublications() = default;

    QString displayName() const override;
    bool accepts(const CatalogProvider &provider) const override;
    static constexpr auto clientIdField = "envaseClientId";
    static constexpr auto clientSecretField = "envaseClientSecret";
    static QUrl tokenEndpointFor(const TracePublishSettings &settings);
    // The web-hooks API: events.envaseconnect.cloud's, or the override endpoint's host (as tokens).
    static QUrl webhooksEndpointFor(const TracePublishSettings &settings);

    QStringList validateSettings(const TracePublishSettings &settings) const override;
    QList<PublicationCredentialField> credentialFields() const override;
    std::unique_ptr<PublicationSession> openSession(QNetworkAccessManager *network, const ProviderCatalog &catalog,
                                                    const TracePublishSettings &settings,
                                                    const QHash<QString, QString> &secrets,
                                                    const Clock &clock) const override;
    // A new signing key (kept in the keychain first), then the documented registration.
    void registerCallbacks(QNetworkAccessManager *network, const TracePublishSettings &settings,
                           const QHash<QString, QString> &secrets, const Clock &clock, const QUrl &callbackUrl,
                           const KeepSecrets &keep, std::function<void(Result<QString>)> done) const override;
};
