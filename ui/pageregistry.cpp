#include "pageregistry.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

// The table. Ids are stable (scripts pass them to --view, settings remember them); the order is
// the sidebar's.
constexpr auto table = std::to_array<PageDescription>({
    {ConsolePage::Today, "today", QT_TRANSLATE_NOOP("PageRegistry", "Today"), "go-home"},
    {ConsolePage::Dashboard, "dashboard", QT_TRANSLATE_NOOP("PageRegistry", "Dashboard"), "view-statistics"},
    {ConsolePage::Watchlist, "watchlist", QT_TRANSLATE_NOOP("PageRegistry", "Watchlist"), "view-list-details"},
    {ConsolePage::DataSources, "datasources", QT_TRANSLATE_NOOP("PageRegistry", "Data sources"), "network-server"},
    {ConsolePage::Mapping, "mapping", QT_TRANSLATE_NOOP("PageRegistry", "Mapping"), "view-form-table"},
    {ConsolePage::AuditLog, "audit", QT_TRANSLATE_NOOP("PageRegistry", "Audit log"), "view-history"},
    {ConsolePage::Settings, "settings", QT_TRANSLATE_NOOP("PageRegistry", "Settings"), "preferences-system"},
});

constexpr bool inEnumOrder()
{
    for (size_t i = 0; i < table.size(); ++i) {
        if (table[i].page != ConsolePage(i))
            return false;
    }
    return table.size() == size_t(ConsolePage::Settings) + 1;
}
static_assert(inEnumOrder(), "one row per page, in enum order");

} // namespace

std::span<const PageDescription> PageRegistry::pages()
{
    return table;
}

QString PageRegistry::id(ConsolePage page)
{
    return QString::fromLatin1(table[size_t(page)].id);
}

QString PageRegistry::title(ConsolePage page)
{
    return QCoreApplication::translate("PageRegistry", table[size_t(page)].title);
}

QIcon PageRegistry::icon(ConsolePage page)
{
    return QIcon::fromTheme(QString::fromLatin1(table[size_t(page)].iconName));
}

QStringList PageRegistry::ids()
{
    QStringList found;
    for (const PageDescription &page : table)
        found.append(QString::fromLatin1(page.id));
    return found;
}

std::optional<ConsolePage> PageRegistry::fromId(const QString &id)
{
    for (const PageDescription &page : table) {
        if (id.compare(QLatin1StringView(page.id), Qt::CaseInsensitive) == 0)
            return page.page;
    }
    return std::nullopt;
}
