#include "portsamericasites.h"

#include "logging.h"

using namespace Qt::Literals::StringLiterals;

namespace PortsAmericaSites {

const QList<PortsAmericaSite> &all()
{
    static const QList<PortsAmericaSite> sites{
        {u"SGT_BAL"_s, u"M.I.T. Seagirt Marine Terminal"_s, QByteArrayLiteral("America/New_York")},
        {u"OCT"_s, u"OCT (Olympic Container Terminal)"_s, QByteArrayLiteral("America/Los_Angeles")},
        {u"PNCT_NJ"_s, u"PNCT (Port Newark Container Terminal)"_s, QByteArrayLiteral("America/New_York")},
        {u"WBCT_LA"_s, u"West Basin"_s, QByteArrayLiteral("America/Los_Angeles")},
    };
    return sites;
}

std::optional<PortsAmericaSite> find(const QString &siteId)
{
    for (const PortsAmericaSite &site : all()) {
        if (site.id.compare(siteId.trimmed(), Qt::CaseInsensitive) == 0)
            return site;
    }
    return std::nullopt;
}

QTimeZone timeZoneFor(const QString &siteId)
{
    if (const auto site = find(siteId)) {
        QTimeZone zone(site->timeZoneId);
        if (zone.isValid())
            return zone;
        qCWarning(lcPortsAmerica) << "time zone" << site->timeZoneId << "is not available; reading times as UTC";
        return QTimeZone::utc();
    }
    qCWarning(lcPortsAmerica).noquote() << "unknown Ports America site" << siteId << "- reading its times as UTC";
    return QTimeZone::utc();
}

} // namespace PortsAmericaSites
