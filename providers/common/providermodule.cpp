#include "providermodule.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

Result<std::unique_ptr<ProviderAdapter>> ProviderModule::createAdapter(const AdapterContext &context) const
{
    return makeError(ErrorKind::InvalidInput,
                     u"Quaywatch does not poll %1; its data arrives another way."_s.arg(context.record.provider));
}

QUrl ProviderModule::defaultBaseUrl(const ConnectionRecord &) const
{
    return {};
}

void ProviderModule::verify(const VerificationContext &context, std::function<void(VerificationAnswer)> done) const
{
    VerificationAnswer answer;
    answer.error = makeError(ErrorKind::InvalidInput, u"%1 documents no verification."_s.arg(context.record.provider));
    QTimer::singleShot(0, context.parent, [done = std::move(done), answer] { done(answer); });
}

WebhookListener::Handler ProviderModule::webhookHandler(Store &, const QString &) const
{
    return [](const QByteArray &) -> Result<int> {
        return makeError(ErrorKind::InvalidInput, u"this provider sends no callbacks"_s);
    };
}
