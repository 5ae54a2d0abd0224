#pragma once

#include "result.h"
#include "subscriptionstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class Clock;
class ProviderCatalog;
class QNetworkAccessManager;
struct CatalogProvider;

// One subscription as the user asks for it on the Subscriptions screen or with
// `quaywatch-cli subscriptions create`: by container or booking number, the event types to be
// called back for, where the containers are, and how the callbacks arrive (webhook and/or e-mail).
// Which values are allowed is the subscribing provider's rule (SubscriptionProvider::validate).
struct SubscriptionRequest
{
    int apiVersion = 2;
    QStringList containerNumbers;
    QStringList bookingNumbers;
    QStringList eventCodes; // event type codes, or {"ALL"}
    QString port;
    QString category;
    QString facility; // optional
    QString callbackUri;
    QString callbackToken; // a secret: never logged, never stored in the database
    QStringList emails;
    QString reference;

    bool byBooking() const { return !bookingNumbers.isEmpty(); }
    const QStringList &numbers() const { return byBooking() ? bookingNumbers : containerNumbers; }

    bool operator==(const SubscriptionRequest &) const = default;
};

// What the subscription form and the CLI offer: the provider's allowed values.
struct SubscriptionOptions
{
    QStringList portCodes;
    QStringList categoryCodes;
    QStringList eventCodes;
    int maxReferenceLength = 0;
    int maxNumbersPerRequest = 0; // the form says when a list is sent in several requests
};

// One number the provider accepted into a subscription, with the end of its window.
struct SubscriptionCreated
{
    QString number;
    QString subscriptionId;
    QDateTime expiresAt;
};

// A client for one connection's credentials. Callbacks run later on the event loop, never inside
// the call.
class SubscriptionSession
{
public:
    virtual ~SubscriptionSession() = default;
    virtual void subscribe(const SubscriptionRequest &request,
                           std::function<void(Result<QList<SubscriptionCreated>>)> done) = 0;
    // Removes one number (subscriptionId may be empty: the provider's list tells which subscription).
    virtual void remove(int apiVersion, const QString &subscriptionId, const QString &number, bool booking,
                        std::function<void(Result<void>)> done) = 0;
    // The provider's own list of what is subscribed, as records (remoteId, expiresAt, event codes,
    // port, category, facility, callback URI, e-mails; entity and provider left to the caller).
    virtual void list(std::function<void(Result<QList<SubscriptionRecord>>)> done) = 0;
    // Deletes a whole subscription with everything on it.
    virtual void removeSubscription(const QString &subscriptionId, std::function<void(Result<void>)> done) = 0;
    // HTTP requests sent so far (a create may be split into several).
    virtual int requestsSent() const = 0;

protected:
    SubscriptionSession() = default;
    Q_DISABLE_COPY_MOVE(SubscriptionSession)
};

// A provider where containers are subscribed once and the provider calls back. Stateless; handed
// out by its module (ProviderModule::subscriptionProvider).
class SubscriptionProvider
{
public:
    virtual ~SubscriptionProvider() = default;

    virtual SubscriptionOptions options() const = 0;
    // Readable problems, one per rule broken; empty means the request may be sent.
    virtual QStringList validate(const SubscriptionRequest &request) const = 0;
    // The connection's secret field that authenticates the requests (its keychain name).
    virtual QString keyField() const = 0;
    // The API address when the connection sets none.
    virtual QUrl defaultBaseUrl() const = 0;
    virtual std::unique_ptr<SubscriptionSession> openSession(QNetworkAccessManager *network, const QUrl &baseUrl,
                                                             const QByteArray &key) const = 0;

protected:
    SubscriptionProvider() = default;
    Q_DISABLE_COPY_MOVE(SubscriptionProvider)
};

enum class PublicationAction
{
    Requested,
    Cancelled
};

// One container to publish for tracing (or withdraw).
struct PublicationTarget
{
    QString containerNumber;
    QString provider; // Quaywatch's catalog id of the terminal that holds the container
    QJsonObject data; // that provider's data fields, e.g. {"locationCode": "USNWK"}
    bool normalize = true;
};

// A credential the publisher keeps in the keychain, and the settings command's option for it: a
// secret one is read from standard input ("--<option>-stdin"), never from the command line.
struct PublicationCredentialField
{
    QString field;  // keychain field name
    QString option; // e.g. "client-id"
    bool secret = true;
    QString description;
};

// Keeps secrets a registration creates (e.g. a signing key) in the keychain, before the provider
// learns them: name -> value, stored under the module's webhook secret fields.
using KeepSecrets = std::function<void(const QHash<QString, QString> &secrets, std::function<void(Result<void>)> kept)>;

// A publisher for one set of settings. The callback runs later on the event loop.
class PublicationSession
{
public:
    virtual ~PublicationSession() = default;
    virtual void publish(const PublicationTarget &target, PublicationAction action,
                         std::function<void(Result<void>)> done) = 0;

protected:
    PublicationSession() = default;
    Q_DISABLE_COPY_MOVE(PublicationSession)
};

// A provider where containers are published for tracing and results arrive by callback. Stateless;
// handed out by its module (ProviderModule::publicationProvider).
class PublicationProvider
{
public:
    virtual ~PublicationProvider() = default;

    // The publisher's name as the screens show it (e.g. "validates the container" is said of it).
    virtual QString displayName() const = 0;
    // Whether containers of this catalog entry can be published.
    virtual bool accepts(const CatalogProvider &provider) const = 0;
    virtual QStringList validateSettings(const TracePublishSettings &settings) const = 0;
    // The publisher's keychain fields (e.g. client credentials), kept under
    // SecretStore::key(entity, PublicationProvider::keychainOwner, field); read before a session opens.
    static constexpr auto keychainOwner = "publishing";
    virtual QList<PublicationCredentialField> credentialFields() const { return {}; }
    // secrets: the values of credentialFields() by field (empty when not stored); clock gives every "now".
    virtual std::unique_ptr<PublicationSession>
    openSession(QNetworkAccessManager *network, const ProviderCatalog &catalog, const TracePublishSettings &settings,
                const QHash<QString, QString> &secrets, const Clock &clock) const = 0;
    // Registers callbackUrl as where results are sent, when the provider wants that told; done gets the
    // registration's id. By default: not needed (InvalidInput). Callbacks run later on the event loop.
    virtual void registerCallbacks(QNetworkAccessManager *network, const TracePublishSettings &settings,
                                   const QHash<QString, QString> &secrets, const Clock &clock, const QUrl &callbackUrl,
                                   const KeepSecrets &keep, std::function<void(Result<QString>)> done) const;

protected:
    PublicationProvider() = default;
    Q_DISABLE_COPY_MOVE(PublicationProvider)
};
