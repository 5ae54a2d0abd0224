#include "providermodule.h"

#include "subscriptionprovider.h"

#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

Result<std::unique_ptr<ProviderAdapter>> ProviderModule::createAdapter(const AdapterContext &context) const
{
    return makeError(ErrorKind::InvalidInput,
                     u"Quaywatch does not poll %1; its data arrives another way."_s.arg(context.record.provider));
}

QUrl ProviderModule::defaultBaseUrl(const ConnectionRecord & /*record*/) const
{
    return {};
}

void ProviderModule::verify(const VerificationContext &context, std::function<void(VerificationAnswer)> done) const
{
    VerificationAnswer answer;
    answer.error = makeError(ErrorKind::InvalidInput, u"%1 documents no verification."_s.arg(context.record.provider));
    QTimer::singleShot(0, context.parent, [done = std::move(done), answer] { done(answer); });
}

WebhookListener::Handler ProviderModule::webhookHandler(Store & /*store*/, const QString & /*entity*/) const
{
    return [](const QByteArray & /*body*/) -> Result<int> {
        return makeError(ErrorKind::InvalidInput, u"this provider sends no callbacks"_s);
    };
}

void ProviderModule::addWebhookEndpoint(WebhookListener &listener, const QString &path, Store &store,
                                        const QString &entity, const QHash<QString, QString> & /*secrets*/) const
{
    listener.addEndpoint(path, webhookHandler(store, entity));
}

void PublicationProvider::registerCallbacks(QNetworkAccessManager *network, const TracePublishSettings & /*settings*/,
                                            const QHash<QString, QString> & /*secrets*/, const Clock & /*clock*/,
                                            const QUrl & /*callbackUrl*/, const KeepSecrets & /*keep*/,
                                            std::function<void(Result<QString>)> done) const
{
    QTimer::singleShot(0, network, [done = std::move(done)] {
        done(makeError(ErrorKind::InvalidInput, u"This publisher needs no callback registration"_s));
    });
}
