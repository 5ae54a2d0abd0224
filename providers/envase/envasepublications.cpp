#include "envasepublications.h"

#include "envaseidentity.h"
#include "envasetracepublisher.h"
#include "envasewebhook.h"
#include "envasewebhookregistration.h"
#include "providercatalog.h"

#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

class EnvaseSession final : public PublicationSession
{
public:
    EnvaseSession(QNetworkAccessManager *network, const ProviderCatalog &catalog, const TracePublishSettings &settings,
                  const EnvaseClientCredentials &credentials, const Clock &clock)
        : m_tokens(network, credentials, clock), m_publisher(network, catalog, settings, m_tokens)
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
    EnvaseTokenSource m_tokens; // one per session: a token serves every publish of the session
    EnvaseTracePublisher m_publisher;
};

} // namespace

QString EnvasePublications::displayName() const
{
    return u"Envase"_s;
}

bool EnvasePublications::accepts(const CatalogProvider &provider) const
{
    return !provider.upstreamId(envaseModuleId()).isEmpty();
}

QStringList EnvasePublications::validateSettings(const TracePublishSettings &settings) const
{
    return EnvaseTracePublisher::validateSettings(settings);
}

QList<PublicationCredentialField> EnvasePublications::credentialFields() const
{
    return {{QString::fromLatin1(clientIdField), u"client-id"_s, false, u"Envase Identity Manager client id."_s},
            {QString::fromLatin1(clientSecretField), u"client-secret"_s, true,
             u"Envase Identity Manager client secret (one line on standard input)."_s}};
}

QUrl EnvasePublications::tokenEndpointFor(const TracePublishSettings &settings)
{
    if (settings.endpoint.isEmpty())
        return EnvaseTokenSource::productionTokenEndpoint();
    QUrl url(settings.endpoint);
    url.setPath(u"/oauth2/token"_s);
    url.setQuery(QString());
    return url;
}

std::unique_ptr<PublicationSession> EnvasePublications::openSession(QNetworkAccessManager *network,
                                                                    const ProviderCatalog &catalog,
                                                                    const TracePublishSettings &settings,
                                                                    const QHash<QString, QString> &secrets,
                                                                    const Clock &clock) const
{
    const EnvaseClientCredentials credentials{secrets.value(QString::fromLatin1(clientIdField)),
                                              secrets.value(QString::fromLatin1(clientSecretField)),
                                              tokenEndpointFor(settings)};
    return std::make_unique<EnvaseSession>(network, catalog, settings, credentials, clock);
}

QUrl EnvasePublications::webhooksEndpointFor(const TracePublishSettings &settings)
{
    if (settings.endpoint.isEmpty())
        return EnvaseWebhookRegistration::defaultEndpoint();
    QUrl url(settings.endpoint);
    url.setPath(u"/api/webhooks"_s);
    url.setQuery(QString());
    return url;
}

void EnvasePublications::registerCallbacks(QNetworkAccessManager *network, const TracePublishSettings &settings,
                                           const QHash<QString, QString> &secrets, const Clock &clock,
                                           const QUrl &callbackUrl, const KeepSecrets &keep,
                                           std::function<void(Result<QString>)> done) const
{
    const EnvaseClientCredentials credentials{secrets.value(QString::fromLatin1(clientIdField)),
                                              secrets.value(QString::fromLatin1(clientSecretField)),
                                              tokenEndpointFor(settings)};
    // Lives until the registration answers; the network outlives it.
    auto *tokens = new EnvaseTokenSource(network, credentials, clock, network);
    auto *registration = new EnvaseWebhookRegistration(network, *tokens, webhooksEndpointFor(settings), tokens);
    const QByteArray key = EnvaseWebhookRegistration::generateSigningKey();
    const auto finish = [tokens, done](const Result<QString> &result) {
        tokens->deleteLater();
        done(result);
    };
    if (Result<QByteArray> body = EnvaseWebhookRegistration::buildBody(callbackUrl, key); !body) {
        QTimer::singleShot(0, tokens, [finish, error = body.error()] { finish(error); });
        return;
    }
    // A new key for every registration; it is in the keychain before Envase hears of it.
    keep({{QString::fromLatin1(EnvaseWebhook::signingKeyField), QString::fromLatin1(key)}},
         [registration, callbackUrl, key, finish](const Result<void> &kept) {
             if (!kept) {
                 finish(makeError(kept.error().kind,
                                  u"Cannot keep the signing key in the keychain: "_s + kept.error().message));
                 return;
             }
             registration->registerResults(callbackUrl, key, finish);
         });
}
