#include "portconnectwebhook.h"

#include "clock.h"
#include "portconnectlogging.h"
#include "portconnectmapper.h"
#include "store.h"
#include "subscriptionstore.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

WebhookListener::Handler PortConnectWebhook::handler(Store &store, const QString &entity)
{
    return [&store, entity](const QByteArray &body) -> Result<int> {
        Result<PortConnectMapping> mapping = PortConnectMapper::mapCallback(body, store.clock().now());
        if (!mapping)
            return mapping.error();
        for (const PortConnectElementError &problem : std::as_const(mapping->elementErrors))
            qCWarning(lcPortConnect).noquote() << "skipped a callback element:" << problem.message;
        if (mapping->unknownCodes > 0)
            qCInfo(lcPortConnect) << mapping->unknownCodes << "events with unknown codes, stored as such";
        SubscriptionStore subscriptions(store);
        return subscriptions.ingest(entity, u"portconnect"_s, mapping->items);
    };
}
