#pragma once

#include "connectionrecord.h"
#include "mappingrow.h"
#include "outbound/fieldmapping.h"
#include "outbound/outbound.h"
#include "provideradapter.h"
#include "providercatalog.h"
#include "result.h"
#include "webhooklistener.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Clock;
class PublicationProvider;
class SubscriptionProvider;
class QNetworkAccessManager;
class QObject;
class Store;

// What Quaywatch can do with a provider's data.
struct ProviderCapabilities
{
    bool polling = false;       // an adapter traces its containers on the schedule
    bool verification = false;  // its credentials can be checked against the provider
    bool subscriptions = false; // containers are subscribed once; the provider calls back
    bool publishing = false;    // containers are published for tracing; results arrive by callback
    QString webhookPath;        // where its callbacks arrive, e.g. "/webhooks/<module>"; empty: none

    bool operator==(const ProviderCapabilities &) const = default;
};

// One line of a mapping table as the Mapping screen shows it: the provider's field or code, the
// normalized fact it feeds and the rule in words. Built from the very rows the mapper runs.
struct MappingTableRow
{
    QString source;
    QString normalized;
    QString rule;
};

struct MappingTable
{
    QString title; // what the rows read, e.g. a payload or callback name
    QList<MappingTableRow> rows;

    // Live values, for a table whose payloads are stored with the events (Event::raw): the very
    // row objects the mapper runs, in the order of rows; null when its payloads arrive by callback.
    const QList<MappingRow> *mapperRows = nullptr;
    // Whether a stored payload is one these rows read, and the context they read it with.
    bool (*readsPayload)(const QJsonObject &raw) = nullptr;
    MappingContext (*contextFor)(const QString &site, const QDateTime &observedAt) = nullptr;

    bool hasLiveValues() const { return mapperRows != nullptr && readsPayload != nullptr && contextFor != nullptr; }
};

// What a module needs to build an adapter for one saved connection. Nothing here is owned.
struct AdapterContext
{
    const CatalogProvider *provider = nullptr;
    ConnectionRecord record;
    QHash<QString, QString> secrets; // the connection's secret fields by catalog name, from the keychain
    QNetworkAccessManager *network = nullptr;
    const Clock *clock = nullptr; // required: the caller's clock, for every "now" the adapter needs
};

// What a module needs to check one connection's credentials.
struct VerificationContext
{
    const CatalogProvider *provider = nullptr;
    ConnectionRecord record;
    QHash<QString, QString> secrets;
    QNetworkAccessManager *network = nullptr;
    QObject *parent = nullptr;    // owns the request objects while the check runs
    const Clock *clock = nullptr; // required: the caller's clock
};

// What the provider said about a set of credentials. error.kind is None when they work.
struct VerificationAnswer
{
    Error error;
    bool ipNotAllowed = false; // an IP allow-list refusal, told apart from other refusals
    bool noEndpoint = false;   // no API address is known for the connection
    QString note;              // a caveat of a working connection
};

// The command-line verb a module contributes to quaywatch-cli for its capability (e.g. the settings,
// publish and cancel commands of a publishing module). The CLI runs it by capability and generates
// its help text from these, so it never names the module.
struct ModuleCliVerb
{
    QString name;        // e.g. the word after quaywatch-cli
    QStringList usage;   // help lines, each starting with the verb
    QString description; // what the verb is for, one line
};

// An account the built-in simulator serves for the demo (`quaywatch --demo`).
struct DemoAccount
{
    QString provider;                // catalog id
    QHash<QString, QString> fields;  // non-secret connection fields
    QHash<QString, QString> secrets; // the simulator's demo secrets (not real, handled like real ones)
    QString basePath;                // appended to the simulator's URL for the connection's base URL
    // Set for the account whose containers the demo scenario traces: the data field the scenario's
    // trucking company code goes into. Empty for an account that is only connected.
    QString truckerCodeField;
};

// A kind of outbound destination a module sends to (core/outbound/outbound.h): the keychain fields
// its sender reads and how the sender is made. The outbox's sender factory (providers/outboundsenders.h)
// collects these from every built-in module, so it names no provider.
struct OutboundSenderKind
{
    QString kind; // OutboundDestination::kind
    QStringList secretFields;
    std::function<std::unique_ptr<OutboundSender>(const OutboundSenderContext &)> create;
};

// One provider module (providers/<module>/): everything Quaywatch knows how to do with the catalog
// entries it handles. The registry hands modules out by catalog id, so no caller outside the
// module's folder has to name a provider.
class ProviderModule
{
public:
    virtual ~ProviderModule() = default;

    virtual QString id() const = 0; // the module's folder name
    // Whether the module serves this catalog entry (by id or by workflow).
    virtual bool handles(const CatalogProvider &provider) const = 0;
    virtual ProviderCapabilities capabilities(const CatalogProvider &provider) const = 0;

    // Polling: the adapter for one connection; an error names what is missing. Only for polling.
    virtual Result<std::unique_ptr<ProviderAdapter>> createAdapter(const AdapterContext &context) const;
    // The URL the adapter talks to when the connection sets none; empty when the module has none.
    virtual QUrl defaultBaseUrl(const ConnectionRecord &record) const;

    // Verification: done is called exactly once, never from inside verify(). Only with verification.
    virtual void verify(const VerificationContext &context, std::function<void(VerificationAnswer)> done) const;

    // The mapping tables the module's mappers run, for the Mapping screen.
    virtual QList<MappingTable> mappingTables() const { return {}; }

    // Callbacks: the handler storing one callback body for an entity. Only with a webhook path.
    virtual WebhookListener::Handler webhookHandler(Store &store, const QString &entity) const;
    // The keychain fields the module's endpoint needs (kept under SecretStore::key(entity, id(), field)),
    // read by the wiring before the listener starts; e.g. the key a provider signs its callbacks with.
    virtual QStringList webhookSecretFields() const { return {}; }
    // Puts the module's endpoint on the listener. By default webhookHandler() behind the listener's
    // shared token; a module whose provider signs its callbacks adds a signed endpoint instead.
    // secrets: the values of webhookSecretFields() by field (empty when not stored).
    virtual void addWebhookEndpoint(WebhookListener &listener, const QString &path, Store &store, const QString &entity,
                                    const QHash<QString, QString> &secrets) const;

    // The accounts the built-in simulator serves for this module's providers in the demo.
    virtual QList<DemoAccount> demoAccounts() const { return {}; }

    // Subscriptions: the module's subscribing provider; nullptr unless it supports subscriptions.
    virtual const SubscriptionProvider *subscriptionProvider() const { return nullptr; }
    // Publishing: the module's publishing provider; nullptr unless it supports publishing.
    virtual const PublicationProvider *publicationProvider() const { return nullptr; }

    // Outbound: the destination kinds the module's senders serve; empty for a data source only.
    virtual QList<OutboundSenderKind> outboundSenderKinds() const { return {}; }
    // Outbound: the field tables of destinations whose messages carry their own fields. The
    // registry registers them with FieldMappings, where the store, the exporter and the Mapping
    // screen find them by destination kind.
    virtual QList<FieldMapping> fieldMappings() const { return {}; }

    // The verb of the module's publishing commands; empty name when it has none.
    virtual ModuleCliVerb publishingVerb() const { return {}; }

protected:
    ProviderModule() = default;
    Q_DISABLE_COPY_MOVE(ProviderModule)
};
