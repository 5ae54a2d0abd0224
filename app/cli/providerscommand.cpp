// `quaywatch-cli providers [--json]`: every provider of the catalog with what Quaywatch can do with
// it, read from the provider registry, so scripts and support need not read the catalog file.
#include "clicontext.h"
#include "providerregistry.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList supportedList(const ProviderCapabilities &capabilities)
{
    QStringList supported;
    if (capabilities.polling)
        supported.append(u"polling"_s);
    if (capabilities.verification)
        supported.append(u"verification"_s);
    if (capabilities.subscriptions)
        supported.append(u"subscriptions"_s);
    if (capabilities.publishing)
        supported.append(u"publishing"_s);
    return supported;
}

QJsonObject supportsJson(const ProviderCapabilities &capabilities)
{
    return {{u"polling"_s, capabilities.polling},
            {u"verification"_s, capabilities.verification},
            {u"subscriptions"_s, capabilities.subscriptions},
            {u"publishing"_s, capabilities.publishing},
            {u"webhook_path"_s, capabilities.webhookPath.isEmpty() ? QJsonValue() : capabilities.webhookPath}};
}

QJsonObject providerJson(const CatalogProvider &provider, const ProviderCapabilities &capabilities)
{
    QJsonArray credentials;
    for (const CatalogCredentialField &field : provider.credentialFields)
        credentials.append(QJsonObject{{u"name"_s, field.name},
                                       {u"label"_s, field.label},
                                       {u"secret"_s, field.secret},
                                       {u"required"_s, field.required}});
    QJsonArray data;
    for (const CatalogDataField &field : provider.dataFields)
        data.append(QJsonObject{{u"name"_s, field.name},
                                {u"label"_s, field.label},
                                {u"required"_s, field.required},
                                {u"allowed_values"_s, QJsonArray::fromStringList(field.allowedValues)},
                                {u"pattern"_s, field.pattern.isEmpty() ? QJsonValue() : field.pattern}});
    QJsonArray sites;
    for (const CatalogSite &site : provider.sites)
        sites.append(QJsonObject{
            {u"id"_s, site.id}, {u"name"_s, site.name}, {u"time_zone"_s, QString::fromUtf8(site.timeZoneId)}});
    return {{u"id"_s, provider.id},
            {u"name"_s, provider.displayName},
            {u"region"_s, provider.region},
            {u"area"_s, provider.area.isEmpty() ? QJsonValue() : provider.area},
            {u"auth_type"_s, provider.authType},
            {u"workflow"_s, provider.workflow},
            {u"credential_fields"_s, credentials},
            {u"data_fields"_s, data},
            {u"sites"_s, sites},
            {u"supports"_s, supportsJson(capabilities)}};
}

// One block per provider: a heading line, then indented credentials, data fields and sites.
void printProvider(QTextStream &out, const CatalogProvider &provider, const ProviderCapabilities &capabilities)
{
    const QStringList supported = supportedList(capabilities);
    out << provider.id << '\t' << provider.displayName << '\t' << provider.region << '\t' << provider.authType << '\t'
        << (supported.isEmpty() ? u"-"_s : supported.join(u", "_s)) << Qt::endl;
    QStringList credentials;
    for (const CatalogCredentialField &field : provider.credentialFields) {
        QStringList traits{field.secret ? u"secret"_s : u"plain"_s};
        traits.append(field.required ? u"required"_s : u"optional"_s);
        credentials.append(field.name % u" ("_s % traits.join(u", "_s) % u')');
    }
    out << "  credentials: " << (credentials.isEmpty() ? u"none"_s : credentials.join(u"; "_s)) << Qt::endl;
    QStringList data;
    for (const CatalogDataField &field : provider.dataFields) {
        QString text = field.name % (field.required ? u" (required)"_s : u" (optional)"_s);
        if (!field.allowedValues.isEmpty())
            text += u": "_s % field.allowedValues.join(u'|');
        else if (!field.pattern.isEmpty())
            text += u": "_s % field.pattern;
        data.append(text);
    }
    if (!data.isEmpty())
        out << "  data: " << data.join(u"; "_s) << Qt::endl;
    QStringList sites;
    for (const CatalogSite &site : provider.sites)
        sites.append(site.id % u" ("_s % QString::fromUtf8(site.timeZoneId) % u')');
    if (!sites.isEmpty())
        out << "  sites: " << sites.join(u", "_s) << Qt::endl;
}

} // namespace

int runProvidersCommand(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({u"json"_s, u"JSON output."_s});
    if (!parseCommandOptions(context, parser, arguments))
        return ExitUsage;
    if (!parser.positionalArguments().isEmpty()) {
        context.err() << "usage: quaywatch-cli providers [--json]" << Qt::endl;
        return ExitUsage;
    }
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    if (registry.catalog().providers().isEmpty()) {
        context.err() << "quaywatch-cli providers: the provider catalog cannot be read" << Qt::endl;
        return ExitFailure;
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const CatalogProvider &provider : registry.catalog().providers())
            array.append(providerJson(provider, registry.capabilities(provider.id)));
        context.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        context.out().flush();
        return ExitSuccess;
    }
    context.out() << "id\tname\tregion\tauth_type\tsupports" << Qt::endl;
    for (const CatalogProvider &provider : registry.catalog().providers())
        printProvider(context.out(), provider, registry.capabilities(provider.id));
    return ExitSuccess;
}
