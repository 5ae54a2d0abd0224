#pragma once

#include "providerregistry.h"
#include "result.h"
#include "subscriptionprovider.h"
#include "subscriptionstore.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Clock;
class ProviderCatalog;
class QNetworkAccessManager;
class SecretStore;
class Store;

// The console's side of the push-style providers: subscriptions (create, change the reference,
// remove) at the subscribing provider and trace publishing at the publishing one, both asked of the
// registry built over the catalog, over the same sessions and store the CLI uses. Widgets must never wait on the
// keychain or the network, so every operation here runs on the event loop and reports through signals; one operation at
// a time (busy() says whether one runs). The webhook token is a secret: it goes to the keychain, so a later "change
// reference" can re-subscribe without asking for it, and is never read back into a widget. A webhook without a
// token gets the one already stored (the listener checks every callback against that one), or a generated one
// (WebhookToken::generate) when none is; a token shorter than WebhookToken::minimumBytes is refused. Nothing is owned.
class SubscriptionService final : public QObject
{
    Q_OBJECT

public:
    // The keychain key of the entity's webhook token: the one every callback to us must carry.
    static QString webhookTokenKey(const QString &entity);

    // clock gives every "now" the service records (creation, publication times); not owned.
    SubscriptionService(Store *store, SecretStore *secrets, QNetworkAccessManager *network,
                        const ProviderCatalog *catalog, const Clock *clock, QObject *parent = nullptr);
    ~SubscriptionService() override;

    QString entity() const { return m_entity; }
    void setEntity(const QString &entity);
    bool busy() const { return m_busy; }
    const ProviderCatalog *catalog() const { return m_catalog; }
    // The subscribing provider's catalog entry (id, display name); nullptr when no module subscribes.
    const CatalogProvider *subscribingEntry() const { return m_subscribing.entry; }
    // Its allowed values and its callbacks' path (e.g. for the form's placeholder).
    SubscriptionOptions subscriptionOptions() const;
    QString webhookPath() const;
    // The request rules of the subscribing provider: one readable problem per rule broken.
    QStringList validate(const SubscriptionRequest &request) const;
    // The publishing provider's name and the catalog entries whose containers it can publish.
    QString publisherName() const;
    QList<const CatalogProvider *> publishableProviders() const;
    const Clock &clock() const { return *m_clock; }
    // Requests sent to the subscribing provider by the last create or change of reference.
    int lastRequestsSent() const { return m_lastRequestsSent; }
    // Numbers the last operation got through (subscribed and saved, removed, published or cancelled),
    // so a caller can tell a partial success from a plain failure.
    int lastSucceeded() const { return m_lastSucceeded; }

    Result<QList<SubscriptionRecord>> subscriptions();
    // The problems that keep record from being re-subscribed with reference (the request rules).
    QStringList referenceProblems(const SubscriptionRecord &record, const QString &reference) const;

    // Each returns false (and does nothing) while another operation runs.
    bool subscribe(const SubscriptionRequest &request);
    // The request rules of the subscribing provider plus the token rule; a webhook without a token is
    // fine (subscribe() supplies one).
    static QStringList requestProblems(const SubscriptionProvider *provider, const SubscriptionRequest &request);
    bool changeReference(const QStringList &numbers, const QString &reference);
    bool remove(const QStringList &numbers);
    // Brings the local list in line with the provider's: each local container the provider lists
    // takes its subscription id and expiry from there; one it no longer lists is marked removed; one
    // only the provider has is added. Bookings are not in the provider's list and stay as they are.
    // Nothing is changed at the provider. finished() says how many matched, were added and removed.
    bool reconcile();

    Result<TracePublishSettings> traceSettings();
    // Validated first: the problems come back as one InvalidInput error, one problem per line.
    Result<void> saveTraceSettings(const TracePublishSettings &settings);
    Result<QList<TracePublication>> publications();
    // publish: numbers already published are skipped unless traceNow (an explicit republish).
    bool publish(const QStringList &numbers, const QString &provider, const QJsonObject &data, bool normalize,
                 bool traceNow);
    bool cancelTracing(const QStringList &numbers);
    // Tells the publishing provider where to send results (e.g. a web-hook registration with a new
    // signing key, kept in the keychain first); finished() says how it went, with the registration id.
    bool registerCallbacks(const QUrl &callbackUrl);
    // One of the publisher's keychain fields (PublicationProvider::credentialFields); done runs later.
    void savePublishingSecret(const QString &field, const QString &value, std::function<void(Result<void>)> done);

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(const QString &message);
    // ok: every part succeeded; message: what happened, or every problem (one per line).
    void finished(bool ok, const QString &message);
    void subscriptionsChanged();
    void publicationsChanged();

private:
    struct Job;
    void begin(const QString &message);
    void end(bool ok, const QString &message);
    // Reads the subscription key (and the webhook token when wanted) and opens the session.
    void withClient(bool wantToken, const std::function<void(Result<QString> token)> &run);
    void sendSubscriptions(const std::shared_ptr<Job> &job, const QString &doneMessage);
    void removeNext(const std::shared_ptr<Job> &job);
    // The local list brought in line with remote; what changed, in one sentence.
    Result<QString> applyRemoteList(const QList<SubscriptionRecord> &remote);
    void publishNext(const std::shared_ptr<Job> &job);
    QString tokenKey() const;
    void subscribeWithToken(const SubscriptionRequest &request);
    QStringList recordPending(const SubscriptionRequest &request);
    QString subscribingId() const;
    QString subscribingName() const;
    void openPublisher(const std::function<void()> &then);
    const ProviderModule *publishingModule() const;
    void keepSecrets(const QString &owner, QHash<QString, QString> remaining, std::function<void(Result<void>)> kept);
    void readPublishingSecrets(const QStringList &fields, QHash<QString, QString> read,
                               const std::function<void(Result<QHash<QString, QString>>)> &done);

    Store *m_store;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    const ProviderCatalog *m_catalog;
    const Clock *m_clock;
    ProviderRegistry m_registry;
    SubscribingProvider m_subscribing;
    const PublicationProvider *m_publishing;
    std::unique_ptr<SubscriptionStore> m_subscriptions;
    std::unique_ptr<SubscriptionSession> m_session;
    std::unique_ptr<PublicationSession> m_publisher;
    QString m_entity = QStringLiteral("default");
    bool m_busy = false;
    int m_lastRequestsSent = 0;
    int m_lastSucceeded = 0;
};
