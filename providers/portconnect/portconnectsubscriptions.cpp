#include "portconnectsubscriptions.h"

#include "portconnectclient.h"
#include "portconnectmapper.h"
#include "portconnectsubscriptionrequest.h"

using namespace Qt::Literals::StringLiterals;

namespace {

class PortConnectSession final : public SubscriptionSession
{
public:
    PortConnectSession(QNetworkAccessManager *network, const QUrl &baseUrl, const QByteArray &key)
        : m_client(network, baseUrl, key)
    {}

    void subscribe(const SubscriptionRequest &request,
                   std::function<void(Result<QList<SubscriptionCreated>>)> done) override
    {
        m_client.subscribe(PortConnectSubscriptionRequest(request),
                           [done = std::move(done)](Result<QList<PortConnectSubscribed>> created) {
                               if (!created) {
                                   done(created.error());
                                   return;
                               }
                               QList<SubscriptionCreated> entries;
                               for (const PortConnectSubscribed &entry : std::as_const(created.value()))
                                   entries.append({entry.number, entry.subscriptionId, entry.expiresAt});
                               done(entries);
                           });
    }

    void remove(int apiVersion, const QString &subscriptionId, const QString &number, bool booking,
                std::function<void(Result<void>)> done) override
    {
        m_client.remove(apiVersion, subscriptionId, number, booking, std::move(done));
    }

    void list(std::function<void(Result<QList<SubscriptionRecord>>)> done) override
    {
        m_client.list([done = std::move(done)](Result<QList<PortConnectListedSubscription>> listed) {
            if (!listed)
                return done(listed.error());
            QList<SubscriptionRecord> records;
            for (const PortConnectListedSubscription &subscription : std::as_const(listed.value())) {
                for (const PortConnectSubscribed &container : subscription.containers) {
                    SubscriptionRecord record;
                    record.number = container.number;
                    record.eventCodes = subscription.eventCodes;
                    record.port = subscription.port;
                    record.category = subscription.category;
                    record.facility = subscription.facility;
                    record.callbackUri = subscription.webhookUri;
                    record.emails = subscription.emails;
                    record.remoteId = subscription.subscriptionId;
                    record.expiresAt = container.expiresAt;
                    records.append(record);
                }
            }
            done(records);
        });
    }

    void removeSubscription(const QString &subscriptionId, std::function<void(Result<void>)> done) override
    {
        m_client.removeSubscription(subscriptionId, std::move(done));
    }

    int requestsSent() const override { return m_client.requestsSent(); }

private:
    PortConnectClient m_client;
};

} // namespace

SubscriptionOptions PortConnectSubscriptions::options() const
{
    return {PortConnectSubscriptionRequest::portCodes(), PortConnectSubscriptionRequest::categoryCodes(),
            PortConnectMapper::eventTypeCodes(), PortConnectSubscriptionRequest::maxReferenceLength,
            PortConnectSubscriptionRequest::maxNumbersPerRequest};
}

QStringList PortConnectSubscriptions::validate(const SubscriptionRequest &request) const
{
    return PortConnectSubscriptionRequest(request).validate();
}

QString PortConnectSubscriptions::keyField() const
{
    return u"subscriptionKey"_s;
}

QUrl PortConnectSubscriptions::defaultBaseUrl() const
{
    return QUrl(u"https://api.portconnect.io"_s);
}

std::unique_ptr<SubscriptionSession>
PortConnectSubscriptions::openSession(QNetworkAccessManager *network, const QUrl &baseUrl, const QByteArray &key) const
{
    return std::make_unique<PortConnectSession>(network, baseUrl, key);
}
