#include "providercatalog.h"

#include "httppolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcCatalog, "quaywatch.providers.catalog")

namespace {

const QStringList &knownAuthTypes()
{
    static const QStringList types{
        u"user_password"_s,
        u"uuid_token"_s,
        u"oauth2_client_credentials"_s,
        u"oauth2_password"_s,
        u"api_key"_s,
        u"key_secret"_s,
        u"authorization_sid"_s,
        u"authorization"_s,
        u"subscription_key"_s,
        u"client_id_secret"_s,
        u"api_key_sender_signature"_s,
        u"account_user_password_fleet"_s,
        u"none"_s,
    };
    return types;
}

// A credential whose name says it is a secret must be flagged as one, so that a typo in the
// catalog can never put a password into the database or on screen.
bool looksSecret(const QString &fieldName)
{
    static const QStringList hints{u"password"_s, u"secret"_s,    u"token"_s,
                                   u"key"_s,      u"signature"_s, u"authorization"_s};
    const QString lower = fieldName.toLower();
    if (lower == u"key"_s) // a key/secret pair's public half
        return false;
    return std::ranges::any_of(hints, [&lower](const QString &hint) { return lower.endsWith(hint); });
}

// Reads typed values out of one catalog entry and remembers the first problem, named by entry and
// field, so that parsing code stays a straight list of reads.
class EntryReader final
{
public:
    explicit EntryReader(QString entry) : m_entry(std::move(entry)) {}

    void setEntry(const QString &entry) { m_entry = entry; }
    bool failed() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }

    void fail(const QString &field, const QString &problem)
    {
        if (!m_error)
            m_error = makeError(ErrorKind::InvalidInput,
                                u"provider catalog: entry \"%1\", field \"%2\": %3"_s.arg(m_entry, field, problem));
    }

    QString string(const QJsonObject &object, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(path, u"is missing"_s);
            return {};
        }
        if (!value.isString() || (required && value.toString().trimmed().isEmpty())) {
            fail(path, u"must be a non-empty string"_s);
            return {};
        }
        return value.toString();
    }

    QString oneOf(const QJsonObject &object, const QString &key, const QString &path, const QStringList &allowed)
    {
        QString value = string(object, key, path);
        if (!failed() && !allowed.contains(value))
            fail(path, u"\"%1\" is not one of %2"_s.arg(value, allowed.join(u", "_s)));
        return value;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return false;
        if (!value.isBool())
            fail(path, value.isUndefined() ? u"is missing"_s : u"must be true or false"_s);
        return value.toBool();
    }

    QJsonArray array(const QJsonObject &object, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return {};
        if (!value.isArray())
            fail(path, value.isUndefined() ? u"is missing"_s : u"must be an array"_s);
        return value.toArray();
    }

    QJsonObject object(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject())
            fail(path, u"must be an object"_s);
        return value.toObject();
    }

    QJsonObject optionalObject(const QJsonObject &object, const QString &key)
    {
        const QJsonValue value = object.value(key);
        return value.isUndefined() ? QJsonObject() : this->object(value, key);
    }

    QStringList stringList(const QJsonObject &object, const QString &key, const QString &path)
    {
        QStringList list;
        const QJsonArray values = array(object, key, path, false);
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (!values.at(i).isString() || values.at(i).toString().isEmpty())
                fail(u"%1[%2]"_s.arg(path).arg(i), u"must be a non-empty string"_s);
            list.append(values.at(i).toString());
        }
        if (QSet<QString>(list.cbegin(), list.cend()).size() != list.size())
            fail(path, u"lists a value twice"_s);
        return list;
    }

    // An IANA zone id, checked against the zones this system knows.
    QByteArray timeZoneId(const QJsonObject &object, const QString &key, const QString &path, bool required)
    {
        const QString zone = string(object, key, path, required);
        if (zone.isEmpty() || failed())
            return {};
        QByteArray id = zone.toUtf8();
        if (!QTimeZone::isTimeZoneIdAvailable(id))
            fail(path, u"\"%1\" is not an IANA time zone"_s.arg(zone));
        return id;
    }

private:
    QString m_entry;
    std::optional<Error> m_error;
};

CatalogCredentialField readCredentialField(EntryReader &reader, const QJsonValue &value, const QString &path)
{
    const QJsonObject object = reader.object(value, path);
    CatalogCredentialField field;
    field.name = reader.string(object, u"name"_s, path + u".name"_s);
    field.label = reader.string(object, u"label"_s, path + u".label"_s);
    field.placeholder = reader.string(object, u"placeholder"_s, path + u".placeholder"_s, false);
    field.secret = reader.boolean(object, u"secret"_s, path + u".secret"_s);
    field.required = reader.boolean(object, u"required"_s, path + u".required"_s);
    field.aliases = reader.stringList(object, u"aliases"_s, path + u".aliases"_s);
    if (object.contains(u"type"_s))
        field.type = reader.oneOf(object, u"type"_s, path + u".type"_s, {u"string"_s, u"boolean"_s});
    if (object.contains(u"owner"_s))
        field.owner = reader.oneOf(object, u"owner"_s, path + u".owner"_s, {u"entity"_s, u"service"_s});
    if (!reader.failed() && looksSecret(field.name) && !field.secret)
        reader.fail(path + u".secret"_s, u"\"%1\" is a secret and must be flagged \"secret\": true"_s.arg(field.name));
    return field;
}

CatalogDataField readDataField(EntryReader &reader, const QJsonValue &value, const QString &path)
{
    const QJsonObject object = reader.object(value, path);
    CatalogDataField field;
    field.name = reader.string(object, u"name"_s, path + u".name"_s);
    field.label = reader.string(object, u"label"_s, path + u".label"_s);
    field.required = reader.boolean(object, u"required"_s, path + u".required"_s);
    field.selectsSite = reader.boolean(object, u"selectsSite"_s, path + u".selectsSite"_s, false);
    field.allowedValues = reader.stringList(object, u"allowedValues"_s, path + u".allowedValues"_s);
    field.pattern = reader.string(object, u"pattern"_s, path + u".pattern"_s, false);
    field.patternDescription = reader.string(object, u"patternDescription"_s, path + u".patternDescription"_s, false);
    if (!field.pattern.isEmpty() && !QRegularExpression(field.pattern).isValid())
        reader.fail(path + u".pattern"_s, u"is not a valid regular expression"_s);
    return field;
}

CatalogSite readSite(EntryReader &reader, const QJsonValue &value, const QString &path)
{
    const QJsonObject object = reader.object(value, path);
    CatalogSite site;
    site.id = reader.string(object, u"id"_s, path + u".id"_s);
    site.name = reader.string(object, u"name"_s, path + u".name"_s);
    site.timeZoneId = reader.timeZoneId(object, u"timeZone"_s, path + u".timeZone"_s, true);
    if (!reader.failed())
        site.timeZone = QTimeZone(site.timeZoneId);
    return site;
}

template<typename T, typename ReadOne>
QList<T> readList(EntryReader &reader, const QJsonObject &object, const QString &key, ReadOne readOne)
{
    QList<T> list;
    const QJsonArray values = reader.array(object, key, key);
    for (qsizetype i = 0; i < values.size() && !reader.failed(); ++i)
        list.append(readOne(reader, values.at(i), u"%1[%2]"_s.arg(key).arg(i)));
    return list;
}

template<typename T, typename Key>
void requireUniqueNames(EntryReader &reader, const QList<T> &items, Key key, const QString &path)
{
    QSet<QString> seen;
    for (const T &item : items) {
        const QString name = key(item);
        if (seen.contains(name))
            reader.fail(path, u"\"%1\" appears twice"_s.arg(name));
        seen.insert(name);
    }
}

void readConnectionFacts(EntryReader &reader, const QJsonObject &object, CatalogProvider &provider)
{
    const QJsonObject environments = reader.optionalObject(object, u"environments"_s);
    for (auto it = environments.constBegin(); it != environments.constEnd(); ++it) {
        const QUrl url(it.value().toString(), QUrl::StrictMode);
        if (!it.value().isString() || !url.isValid() || !HttpPolicy::checkTransportSecurity(url).ok())
            reader.fail(u"environments."_s + it.key(), u"must be an https URL"_s);
        provider.environments.insert(it.key(), url);
    }
    const QJsonObject endpoints = reader.optionalObject(object, u"endpoints"_s);
    for (auto it = endpoints.constBegin(); it != endpoints.constEnd(); ++it) {
        if (!it.value().isNull() && !it.value().isString())
            reader.fail(u"endpoints."_s + it.key(), u"must be a URL, a path or null"_s);
        provider.endpoints.insert(it.key(), it.value().toString());
    }
}

// "upstreamIds": {"<module>": "<id>" or ["<id sent>", "<id also accepted>", ...]}
void readUpstreamIds(EntryReader &reader, const QJsonObject &object, CatalogProvider &provider)
{
    const QJsonObject ids = reader.optionalObject(object, u"upstreamIds"_s);
    for (auto it = ids.constBegin(); it != ids.constEnd(); ++it) {
        const QString path = u"upstreamIds."_s + it.key();
        QStringList values;
        if (it.value().isString())
            values.append(it.value().toString());
        else if (it.value().isArray())
            values = reader.stringList(ids, it.key(), path);
        if (values.isEmpty() ||
            std::any_of(values.cbegin(), values.cend(), [](const QString &id) { return id.trimmed().isEmpty(); }))
            reader.fail(path, u"must be a non-empty string or a list of them"_s);
        provider.upstreamIds.insert(it.key(), values);
    }
}

void readIdentity(EntryReader &reader, const QJsonObject &object, CatalogProvider &provider)
{
    static const QRegularExpression idPattern(u"^[a-z0-9_]+$"_s);
    provider.id = reader.string(object, u"id"_s, u"id"_s);
    if (!reader.failed() && !idPattern.match(provider.id).hasMatch())
        reader.fail(u"id"_s, u"must be lower case letters, digits and underscores"_s);
    readUpstreamIds(reader, object, provider);
    provider.displayName = reader.string(object, u"displayName"_s, u"displayName"_s);
    provider.region = reader.string(object, u"region"_s, u"region"_s);
    provider.area = reader.string(object, u"area"_s, u"area"_s, false);
    provider.description = reader.string(object, u"description"_s, u"description"_s);
    provider.type = reader.oneOf(object, u"type"_s, u"type"_s,
                                 {u"terminal"_s, u"port"_s, u"rail"_s, u"depot"_s, u"port_community"_s, u"tms"_s});
    provider.sources = reader.stringList(object, u"sources"_s, u"sources"_s);
}

void readCredentials(EntryReader &reader, const QJsonObject &object, CatalogProvider &provider)
{
    provider.authType = reader.oneOf(object, u"authType"_s, u"authType"_s, knownAuthTypes());
    provider.credentialOwner =
        reader.oneOf(object, u"credentialOwner"_s, u"credentialOwner"_s, {u"entity"_s, u"service"_s, u"none"_s});
    provider.credentialFields =
        readList<CatalogCredentialField>(reader, object, u"credentialFields"_s, readCredentialField);
    requireUniqueNames(
        reader, provider.credentialFields, [](const auto &field) { return field.name; }, u"credentialFields"_s);
    if (reader.failed())
        return;
    const bool noCredentials = provider.credentialOwner == u"none"_s;
    if (noCredentials != provider.credentialFields.isEmpty() || noCredentials != (provider.authType == u"none"_s))
        reader.fail(u"credentialOwner"_s, u"\"none\" goes with authType \"none\" and no credential fields"_s);
    for (CatalogCredentialField &field : provider.credentialFields) {
        if (field.owner.isEmpty())
            field.owner = provider.credentialOwner;
    }
}

void readTracing(EntryReader &reader, const QJsonObject &object, CatalogProvider &provider)
{
    provider.dataFields = readList<CatalogDataField>(reader, object, u"dataFields"_s, readDataField);
    requireUniqueNames(
        reader, provider.dataFields, [](const auto &field) { return field.name; }, u"dataFields"_s);
    provider.sites = readList<CatalogSite>(reader, object, u"sites"_s, readSite);
    requireUniqueNames(
        reader, provider.sites, [](const auto &site) { return site.id; }, u"sites"_s);
    provider.timeZoneId = reader.timeZoneId(object, u"timeZone"_s, u"timeZone"_s, false);
    if (!provider.timeZoneId.isEmpty() && !reader.failed())
        provider.timeZone = QTimeZone(provider.timeZoneId);
    const QJsonValue batchLimit = object.value(u"batchLimit"_s);
    provider.batchLimit = batchLimit.toInt(0);
    if (!batchLimit.isDouble() || provider.batchLimit <= 0 || batchLimit.toDouble() != provider.batchLimit)
        reader.fail(u"batchLimit"_s, u"must be a whole number greater than 0"_s);
    provider.batchLimitNote = reader.string(object, u"batchLimitNote"_s, u"batchLimitNote"_s, false);
    if (const QJsonValue maxWait = object.value(u"maxRetryAfterSeconds"_s); !maxWait.isUndefined()) {
        provider.maxRetryAfterSeconds = qint64(maxWait.toDouble(-1));
        if (!maxWait.isDouble() || provider.maxRetryAfterSeconds <= 0)
            reader.fail(u"maxRetryAfterSeconds"_s, u"must be a whole number greater than 0"_s);
    }
    provider.workflow = reader.string(object, u"workflow"_s, u"workflow"_s);
    provider.dataSyncImplemented = reader.boolean(object, u"dataSyncImplemented"_s, u"dataSyncImplemented"_s);
    provider.troubleshootingKeys = reader.stringList(object, u"troubleshooting"_s, u"troubleshooting"_s);
    provider.prerequisites = reader.stringList(object, u"prerequisites"_s, u"prerequisites"_s);
    provider.notes = reader.stringList(object, u"notes"_s, u"notes"_s);
    for (const CatalogDataField &field : std::as_const(provider.dataFields)) {
        if (!field.selectsSite)
            continue;
        for (const CatalogSite &site : std::as_const(provider.sites)) {
            if (!field.allowedValues.isEmpty() && !field.allowedValues.contains(site.id))
                reader.fail(u"dataFields."_s + field.name, u"does not allow site \"%1\""_s.arg(site.id));
        }
    }
}

CatalogWorkflow readWorkflow(EntryReader &reader, const QString &name, const QJsonValue &value)
{
    const QJsonObject object = reader.object(value, name);
    CatalogWorkflow workflow;
    workflow.name = name;
    workflow.label = reader.string(object, u"label"_s, u"label"_s);
    const QString endpoint = reader.string(object, u"endpoint"_s, u"endpoint"_s, false);
    if (!endpoint.isEmpty()) {
        workflow.endpoint = QUrl(endpoint, QUrl::StrictMode);
        if (!workflow.endpoint.isValid() || !HttpPolicy::checkTransportSecurity(workflow.endpoint).ok())
            reader.fail(u"endpoint"_s, u"must be an https URL"_s);
    }
    return workflow;
}

CatalogTroubleshooting readTroubleshooting(EntryReader &reader, const QString &key, const QJsonValue &value)
{
    const QJsonObject object = reader.object(value, key);
    CatalogTroubleshooting advice;
    advice.key = key;
    advice.title = reader.string(object, u"title"_s, u"title"_s);
    advice.problem = reader.string(object, u"problem"_s, u"problem"_s);
    advice.causes = reader.stringList(object, u"causes"_s, u"causes"_s);
    advice.solutions = reader.stringList(object, u"solutions"_s, u"solutions"_s);
    if (advice.solutions.isEmpty())
        reader.fail(u"solutions"_s, u"must list at least one solution"_s);
    return advice;
}

} // namespace

const CatalogCredentialField *CatalogProvider::credentialField(const QString &nameOrAlias) const
{
    for (const CatalogCredentialField &field : credentialFields) {
        if (field.name == nameOrAlias || field.aliases.contains(nameOrAlias))
            return &field;
    }
    return nullptr;
}

const CatalogDataField *CatalogProvider::dataField(const QString &name) const
{
    for (const CatalogDataField &field : dataFields) {
        if (field.name == name)
            return &field;
    }
    return nullptr;
}

QStringList CatalogProvider::secretFieldNames() const
{
    QStringList names;
    for (const CatalogCredentialField &field : credentialFields) {
        if (field.secret)
            names.append(field.name);
    }
    return names;
}

QString CatalogProvider::upstreamId(const QString &module) const
{
    return upstreamIds.value(module).value(0);
}

namespace {

CatalogProvider readProvider(EntryReader &reader, const QJsonObject &object)
{
    CatalogProvider provider;
    readIdentity(reader, object, provider);
    readCredentials(reader, object, provider);
    readTracing(reader, object, provider);
    readConnectionFacts(reader, object, provider);
    return provider;
}

// Rules that need the rest of the catalog: unique ids, known workflow and troubleshooting keys.
void checkAgainstCatalog(EntryReader &reader, const CatalogProvider &provider, const QList<CatalogProvider> &earlier,
                         const QMap<QString, CatalogWorkflow> &workflows,
                         const QMap<QString, CatalogTroubleshooting> &troubleshooting)
{
    for (const CatalogProvider &other : earlier) {
        if (other.id == provider.id)
            reader.fail(u"id"_s, u"another entry already uses the id \"%1\""_s.arg(provider.id));
        for (auto it = provider.upstreamIds.constBegin(); it != provider.upstreamIds.constEnd(); ++it) {
            for (const QString &id : it.value()) {
                if (other.upstreamIds.value(it.key()).contains(id))
                    reader.fail(u"upstreamIds."_s + it.key(), u"\"%1\" is also used by \"%2\""_s.arg(id, other.id));
            }
        }
    }
    if (!workflows.contains(provider.workflow))
        reader.fail(u"workflow"_s, u"\"%1\" is not a workflow the catalog defines"_s.arg(provider.workflow));
    for (const QString &key : provider.troubleshootingKeys) {
        if (!troubleshooting.contains(key))
            reader.fail(u"troubleshooting"_s, u"\"%1\" is not advice the catalog defines"_s.arg(key));
    }
}

QString entryName(const QJsonValue &value, qsizetype index)
{
    const QString id = value.toObject().value(u"id"_s).toString();
    return id.isEmpty() ? u"#%1"_s.arg(index + 1) : id;
}

} // namespace

Result<ProviderCatalog> ProviderCatalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorKind::InvalidInput, u"provider catalog: not valid JSON (%1 at offset %2)"_s.arg(
                                                      parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return makeError(ErrorKind::InvalidInput, u"provider catalog: the document must be a JSON object"_s);
    const QJsonObject root = document.object();

    ProviderCatalog catalog;
    EntryReader reader(u"workflows"_s);
    const QJsonObject workflows = reader.object(root.value(u"workflows"_s), u"workflows"_s);
    for (auto it = workflows.constBegin(); it != workflows.constEnd() && !reader.failed(); ++it)
        catalog.m_workflows.insert(it.key(), readWorkflow(reader, it.key(), it.value()));
    reader.setEntry(u"troubleshooting"_s);
    const QJsonObject advice = reader.optionalObject(root, u"troubleshooting"_s);
    for (auto it = advice.constBegin(); it != advice.constEnd() && !reader.failed(); ++it)
        catalog.m_troubleshooting.insert(it.key(), readTroubleshooting(reader, it.key(), it.value()));

    reader.setEntry(u"providers"_s);
    const QJsonArray providers = reader.array(root, u"providers"_s, u"providers"_s);
    if (!reader.failed() && providers.isEmpty())
        reader.fail(u"providers"_s, u"lists no provider"_s);
    for (qsizetype i = 0; i < providers.size() && !reader.failed(); ++i) {
        reader.setEntry(entryName(providers.at(i), i));
        const CatalogProvider provider = readProvider(reader, reader.object(providers.at(i), u"(entry)"_s));
        checkAgainstCatalog(reader, provider, catalog.m_providers, catalog.m_workflows, catalog.m_troubleshooting);
        catalog.m_providers.append(provider);
    }
    if (reader.failed())
        return reader.error();
    return catalog;
}

Result<ProviderCatalog> ProviderCatalog::load()
{
    QFile file(QString::fromLatin1(resourcePath));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Internal, u"provider catalog: the embedded resource %1 is missing (%2)"_s.arg(
                                                  file.fileName(), file.errorString()));
    Result<ProviderCatalog> catalog = fromJson(file.readAll());
    if (!catalog)
        qCCritical(lcCatalog).noquote() << catalog.error().message;
    return catalog;
}

const CatalogProvider *ProviderCatalog::provider(const QString &id) const
{
    for (const CatalogProvider &entry : m_providers) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

const CatalogProvider *ProviderCatalog::providerByUpstreamId(const QString &module, const QString &upstreamId) const
{
    if (upstreamId.isEmpty())
        return nullptr;
    for (const CatalogProvider &entry : m_providers) {
        if (entry.upstreamIds.value(module).contains(upstreamId))
            return &entry;
    }
    return nullptr;
}

QList<CatalogRegion> ProviderCatalog::providersByRegion() const
{
    QList<CatalogRegion> regions;
    for (const CatalogProvider &entry : m_providers) {
        auto region = std::find_if(regions.begin(), regions.end(),
                                   [&entry](const CatalogRegion &candidate) { return candidate.name == entry.region; });
        if (region == regions.end()) {
            regions.append(CatalogRegion{entry.region, {}});
            region = std::prev(regions.end());
        }
        region->providers.append(entry);
    }
    return regions;
}

std::optional<CatalogSite> ProviderCatalog::site(const QString &providerId, const QString &siteId) const
{
    const CatalogProvider *entry = provider(providerId);
    if (!entry)
        return std::nullopt;
    for (const CatalogSite &candidate : entry->sites) {
        if (candidate.id.compare(siteId.trimmed(), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

QTimeZone ProviderCatalog::timeZoneFor(const QString &providerId, const QString &siteId) const
{
    if (const auto found = site(providerId, siteId))
        return found->timeZone;
    if (const CatalogProvider *entry = provider(providerId))
        return entry->timeZone;
    return {};
}

std::optional<CatalogWorkflow> ProviderCatalog::workflow(const QString &name) const
{
    const auto it = m_workflows.constFind(name);
    return it == m_workflows.constEnd() ? std::nullopt : std::optional<CatalogWorkflow>(*it);
}

std::optional<CatalogTroubleshooting> ProviderCatalog::troubleshooting(const QString &key) const
{
    const auto it = m_troubleshooting.constFind(key);
    return it == m_troubleshooting.constEnd() ? std::nullopt : std::optional<CatalogTroubleshooting>(*it);
}

namespace {

// The problem with one present value of a data field, or an empty string.
QString checkDataValue(const CatalogDataField &field, const QJsonValue &value)
{
    if (!value.isString())
        return u"%1 (%2) must be text"_s.arg(field.label, field.name);
    const QString text = value.toString();
    if (!field.allowedValues.isEmpty() && !field.allowedValues.contains(text))
        return u"%1 (%2): \"%3\" is not one of %4"_s.arg(field.label, field.name, text,
                                                         field.allowedValues.join(u", "_s));
    if (!field.pattern.isEmpty()) {
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(field.pattern));
        if (!pattern.match(text).hasMatch()) {
            const QString expected = field.patternDescription.isEmpty() ? field.pattern : field.patternDescription;
            return u"%1 (%2): \"%3\" is not %4"_s.arg(field.label, field.name, text, expected);
        }
    }
    return {};
}

} // namespace

QStringList ProviderCatalog::validateDataFields(const QString &providerId, const QJsonObject &data) const
{
    const CatalogProvider *entry = provider(providerId);
    if (!entry)
        return {u"unknown provider \"%1\""_s.arg(providerId)};
    QStringList problems;
    for (const CatalogDataField &field : entry->dataFields) {
        const QJsonValue value = data.value(field.name);
        if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
            if (field.required)
                problems.append(u"%1 (%2) is required"_s.arg(field.label, field.name));
            continue;
        }
        problems.append(checkDataValue(field, value));
    }
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        if (entry->credentialField(it.key()) != nullptr || looksSecret(it.key()))
            problems.append(
                u"\"%1\" is a credential; credentials belong in the keychain, never in data"_s.arg(it.key()));
        else if (it.key() == u"normalize"_s && !it.value().isBool())
            problems.append(u"normalize must be true or false"_s);
        else if (it.key() != u"normalize"_s && entry->dataField(it.key()) == nullptr)
            problems.append(u"\"%1\" is not a data field of %2"_s.arg(it.key(), entry->displayName));
    }
    problems.removeAll(QString());
    return problems;
}

QStringList ProviderCatalog::polledProviderIds() const
{
    QStringList ids;
    for (const CatalogProvider &provider : m_providers) {
        if (provider.workflow == u"api_pull"_s || provider.workflow == u"terminal_pull"_s)
            ids.append(provider.id);
    }
    return ids;
}
