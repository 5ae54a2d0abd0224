#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// The Ports America sites of seed 003 with their IANA time zones. The provider sends local times
// without an offset, so every time it gives is read in its site's zone; this list says which.
struct PortsAmericaSite
{
    QString id;   // the SiteId header value, e.g. "WBCT_LA"
    QString name; // as the seed names the terminal
    QByteArray timeZoneId;

    bool operator==(const PortsAmericaSite &) const = default;
};

namespace PortsAmericaSites {
const QList<PortsAmericaSite> &all();
std::optional<PortsAmericaSite> find(const QString &siteId); // case-insensitive
// The site's zone; UTC (with a logged warning) for a site the list does not know.
QTimeZone timeZoneFor(const QString &siteId);
} // namespace PortsAmericaSites
