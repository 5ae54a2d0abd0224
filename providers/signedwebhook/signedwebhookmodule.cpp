// The signed-webhook module: an outbound sender only (createSignedWebhookSender). It handles no
// catalog entry; it is a module so its simulator part and its folder follow the providers' rules.
#include "providermodule.h"
#include "signedwebhooksender.h"

using namespace Qt::Literals::StringLiterals;

namespace {

class SignedWebhookModule final : public ProviderModule
{
public:
    QString id() const override { return u"signedwebhook"_s; }
    bool handles(const CatalogProvider & /*provider*/) const override { return false; }
    ProviderCapabilities capabilities(const CatalogProvider & /*provider*/) const override { return {}; }
    QList<OutboundSenderKind> outboundSenderKinds() const override
    {
        return {{QString::fromLatin1(Outbound::webhookKind),
                 {u"signingSecret"_s},
                 [](const OutboundSenderContext &context) { return createSignedWebhookSender(context); }}};
    }
};

} // namespace

std::unique_ptr<ProviderModule> createProviderModule_signedwebhook()
{
    return std::make_unique<SignedWebhookModule>();
}
