#pragma once

#include "providercatalog.h"

#include <QList>
#include <QString>
#include <QTimeZone>
#include <QUrl>

#include <optional>

// What the provider catalog (resources/catalog/providers.json, transcribed from the Ports America API documentation)
// says about Ports America: its sites with their IANA zones, its environments and endpoint paths. The catalog is the
// one place these are written down, so the adapter, the mapper, the console and the Data sources page cannot disagree.
// The provider sends local times without an offset, so every time it gives is read in its site's zone.
namespace PortsAmericaSites {
const QList<CatalogSite> &all();
std::optional<CatalogSite> find(const QString &siteId); // case-insensitive
// The site's zone; UTC (with a logged warning) for a site the catalog does not know.
QTimeZone timeZoneFor(const QString &siteId);
} // namespace PortsAmericaSites

namespace PortsAmerica {
QUrl baseUrlFor(const QString &environment); // "production" (default) or "uat"
// The path of a named endpoint ("token", "containerAvailability", "gateTransaction").
QString endpointPath(const QString &name);
} // namespace PortsAmerica
