#include "portsamericasites.h"

#include "portsamericaadapter.h"
#include "portsamericalogging.h"

using namespace Qt::Literals::StringLiterals;

namespace {

// Read once: the catalog is embedded and checked against the provider documents by tst_providercatalog, so a
// missing entry is a build mistake, reported loudly, and leaves Ports America without sites or URLs.
const CatalogProvider &entry()
{
    static const CatalogProvider provider = [] {
        const QString id = QString::fromLatin1(PortsAmerica::providerId);
        const Result<ProviderCatalog> catalog = ProviderCatalog::load();
        if (!catalog) {
            qCCritical(lcPortsAmerica) << "the provider catalog cannot be read:" << catalog.error().message;
            return CatalogProvider{};
        }
        if (const CatalogProvider *found = catalog->provider(id))
            return *found;
        qCCritical(lcPortsAmerica) << "the provider catalog has no" << id << "entry";
        return CatalogProvider{};
    }();
    return provider;
}

} // namespace

namespace PortsAmericaSites {

const QList<CatalogSite> &all()
{
    return entry().sites;
}

std::optional<CatalogSite> find(const QString &siteId)
{
    for (const CatalogSite &site : all()) {
        if (site.id.compare(siteId.trimmed(), Qt::CaseInsensitive) == 0)
            return site;
    }
    return std::nullopt;
}

QTimeZone timeZoneFor(const QString &siteId)
{
    if (const auto site = find(siteId)) {
        if (site->timeZone.isValid())
            return site->timeZone;
        qCWarning(lcPortsAmerica) << "time zone" << site->timeZoneId << "is not available; reading times as UTC";
        return QTimeZone::utc();
    }
    qCWarning(lcPortsAmerica).noquote() << "unknown Ports America site" << siteId << "- reading its times as UTC";
    return QTimeZone::utc();
}

} // namespace PortsAmericaSites

namespace PortsAmerica {

QUrl baseUrlFor(const QString &environment)
{
    const QMap<QString, QUrl> &environments = entry().environments;
    const QString name = environment.trimmed().toLower();
    return environments.value(name.isEmpty() ? u"production"_s : name, environments.value(u"production"_s));
}

QString endpointPath(const QString &name)
{
    return entry().endpoints.value(name);
}

} // namespace PortsAmerica
