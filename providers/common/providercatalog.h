#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>

#include <optional>

// One credential a provider needs, as the provider's documentation names it. Secret fields go to the keychain only.
struct CatalogCredentialField
{
    QString name;  // the documented key, e.g. "user", "clientSecret"
    QString label; // what the connection dialog shows
    QString placeholder;
    QString type = QStringLiteral("string"); // "string" or "boolean" (a checkbox)
    QString owner;                           // "entity" or "service"; the provider's owner unless overridden
    QStringList aliases;                     // other names the same value is known by, e.g. "username"
    bool secret = false;
    bool required = false;

    // The key the value is stored under in ConnectionRecord::fields: the first alias where there is
    // one (the name existing records and adapters use), else the name.
    QString storedKey() const { return aliases.isEmpty() ? name : aliases.constFirst(); }

    bool operator==(const CatalogCredentialField &) const = default;
};

// One non-secret field a watched container carries for its provider (provider_data), e.g. a
// location code or a trucking company code.
struct CatalogDataField
{
    QString name;
    QString label;
    QStringList allowedValues; // empty means any value
    QString pattern;           // regular expression the whole value must match, or empty
    QString patternDescription;
    bool required = false;
    bool selectsSite = false; // the value is one of the provider's site ids

    bool operator==(const CatalogDataField &) const = default;
};

// A terminal or location of a provider. Provider times without an offset are this zone's local time.
struct CatalogSite
{
    QString id;
    QString name;
    QByteArray timeZoneId;
    QTimeZone timeZone;

    bool operator==(const CatalogSite &) const = default;
};

// Per-failure advice shown on a connection that does not work (the terminal documentation's troubleshooting).
struct CatalogTroubleshooting
{
    QString key;
    QString title;
    QString problem;
    QStringList causes;
    QStringList solutions;

    bool operator==(const CatalogTroubleshooting &) const = default;
};

// How containers of a provider are traced (pulled, subscribed, published to a tracing service, ...).
struct CatalogWorkflow
{
    QString name;
    QString label;
    QUrl endpoint; // where the workflow sends its requests, when that is one fixed place

    bool operator==(const CatalogWorkflow &) const = default;
};

struct CatalogProvider
{
    QString id; // Quaywatch's id, used by the store and the CLI
    // The provider's ids in the services a module reaches it through, by module id (its folder name):
    // the first id is the one sent, the others are accepted in answers (an upstream service whose own
    // documents name the provider two ways). Empty when no module traces it through another service.
    QMap<QString, QStringList> upstreamIds;
    QString displayName;
    QString region; // card group, e.g. "North America"
    QString area;   // finer group where the documentation names one, e.g. "Belgium - Antwerp"
    QString description;
    QString type;            // terminal, port, rail, depot, port_community
    QString authType;        // user_password, uuid_token, oauth2_client_credentials, ...
    QString credentialOwner; // entity, service or none
    QList<CatalogCredentialField> credentialFields;
    QList<CatalogDataField> dataFields;
    QList<CatalogSite> sites;
    QByteArray timeZoneId; // the provider's zone when it is at one place, else empty
    QTimeZone timeZone;
    int batchLimit = 1;
    QString batchLimitNote;
    // The longest Retry-After Quaywatch honours ("maxRetryAfterSeconds"); no provider document names
    // one so far, so every entry has the default of one day: a longer wait is cut to that.
    qint64 maxRetryAfterSeconds = 24 * 3600;
    QString workflow;
    bool dataSyncImplemented = false;
    QMap<QString, QUrl> environments; // "production" / "uat" -> base URL
    // Named endpoints: absolute, relative to the environment's base URL, or empty where the documentation
    // names none (then the connection must supply an override).
    QMap<QString, QString> endpoints;
    QStringList troubleshootingKeys;
    QStringList prerequisites;
    QStringList notes;
    QStringList sources; // ids of the provider documents the entry is transcribed from

    const CatalogCredentialField *credentialField(const QString &nameOrAlias) const;
    const CatalogDataField *dataField(const QString &name) const;
    QStringList secretFieldNames() const;
    QString upstreamId(const QString &module) const; // the id sent, empty when none

    bool operator==(const CatalogProvider &) const = default;
};

struct CatalogRegion
{
    QString name;
    QList<CatalogProvider> providers;
};

// The provider catalog: every data source Quaywatch knows, from one JSON resource,
// so that cards, dialogs, validation and the scheduler's batch sizes all read the same facts.
// Loading validates the whole file; a bad entry is a clear error naming the entry and the field.
class ProviderCatalog final
{
public:
    static constexpr auto resourcePath = ":/catalog/providers.json";

    static Result<ProviderCatalog> load(); // from the embedded resource
    static Result<ProviderCatalog> fromJson(const QByteArray &json);

    const QList<CatalogProvider> &providers() const { return m_providers; }
    const CatalogProvider *provider(const QString &id) const; // nullptr when unknown
    // The entry a module's upstream service names by upstreamId (any of its ids for that module).
    const CatalogProvider *providerByUpstreamId(const QString &module, const QString &upstreamId) const;
    QList<CatalogRegion> providersByRegion() const; // regions in first-appearance order

    // The site of a provider, matched case-insensitively, with its time zone.
    std::optional<CatalogSite> site(const QString &providerId, const QString &siteId) const;
    // The zone to read the provider's local times in: the site's, else the provider's, else invalid.
    QTimeZone timeZoneFor(const QString &providerId, const QString &siteId) const;

    std::optional<CatalogWorkflow> workflow(const QString &name) const;
    // Providers whose data Quaywatch polls (workflows api_pull and terminal_pull), as opposed to
    // push-style ones whose data arrives by callback. The sync engine claims only these.
    QStringList polledProviderIds() const;
    std::optional<CatalogTroubleshooting> troubleshooting(const QString &key) const;

    // Readable problems with a container's provider data (missing field, value not allowed, bad
    // pattern, unknown field, a credential where only data belongs). Empty means valid.
    QStringList validateDataFields(const QString &providerId, const QJsonObject &data) const;

private:
    QList<CatalogProvider> m_providers;
    QMap<QString, CatalogWorkflow> m_workflows;
    QMap<QString, CatalogTroubleshooting> m_troubleshooting;
};
