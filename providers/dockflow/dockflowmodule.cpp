// The Dockflow module: the terminal accounts of the Dockflow family (user name and password, UUID
// token, OAuth 2 flows). Their data API is not documented yet, so the module verifies connections
// only; containers of these terminals are not polled.
#include "dockflowauthenticator.h"
#include "providermodule.h"

#include <QJsonValue>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

bool truthy(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    const QString text = value.toString().toLower();
    return text == "true"_L1 || text == "1"_L1 || text == "yes"_L1 || text == "on"_L1;
}

DockflowAuthenticator::Request requestFor(const VerificationContext &context)
{
    const CatalogProvider &provider = *context.provider;
    DockflowAuthenticator::Request request;
    request.authType = provider.authType;
    request.baseUrl = QUrl(context.record.baseUrl, QUrl::StrictMode);
    for (auto it = provider.endpoints.cbegin(); it != provider.endpoints.cend(); ++it)
        request.endpoints.insert(it.key(), it.value());
    for (const CatalogCredentialField &field : provider.credentialFields) {
        if (!field.secret)
            request.fields.insert(field.name, context.record.fields.value(field.storedKey()).toVariant().toString());
    }
    request.secrets = context.secrets;
    request.extendedPermissions = truthy(context.record.fields.value(u"extendedPermissions"_s));
    return request;
}

class DockflowModule final : public ProviderModule
{
public:
    QString id() const override { return u"dockflow"_s; }
    // The terminals transcribed from the Dockflow documentation whose auth flow the authenticator knows.
    bool handles(const CatalogProvider &provider) const override
    {
        return provider.sources.contains(u"002"_s) && DockflowAuthenticator::supports(provider.authType);
    }
    ProviderCapabilities capabilities(const CatalogProvider &) const override
    {
        ProviderCapabilities capabilities;
        capabilities.verification = true;
        return capabilities;
    }

    // The simulator plays one Dockflow terminal (PSA), so the demo's Data sources screen shows a
    // second connected card.
    QList<DemoAccount> demoAccounts() const override
    {
        return {{u"psa_eportal"_s, {{u"username"_s, u"demo"_s}}, {{u"password"_s, u"demo"_s}}, u"/dockflow/psa"_s, {}}};
    }

    void verify(const VerificationContext &context, std::function<void(VerificationAnswer)> done) const override
    {
        if (context.record.baseUrl.isEmpty()) {
            VerificationAnswer answer;
            answer.noEndpoint = true;
            answer.error.message =
                u"No endpoint configured for %1: the provider documents no API address. Set the base "
                "URL of the connection (Advanced) to the address the terminal gave you."_s.arg(
                    context.provider->displayName);
            QTimer::singleShot(0, context.parent, [done = std::move(done), answer] { done(answer); });
            return;
        }
        auto *authenticator = new DockflowAuthenticator(context.network, context.parent);
        authenticator->verify(requestFor(context),
                              [authenticator, done = std::move(done)](const DockflowAuthOutcome &outcome) {
                                  authenticator->deleteLater();
                                  done({outcome.error, outcome.ipNotAllowed, false, outcome.note});
                              });
    }
};

} // namespace

std::unique_ptr<ProviderModule> createProviderModule_dockflow()
{
    return std::make_unique<DockflowModule>();
}
