#include "pageregistry.h"

#include <QApplication>
#include <QCoreApplication>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

// The table. Ids are stable (scripts pass them to --view, settings remember them); the order is
// the sidebar's.
constexpr auto table = std::to_array<PageDescription>({
    {ConsolePage::Today, "today", QT_TRANSLATE_NOOP("PageRegistry", "Today"), "go-home", QStyle::SP_DirHomeIcon},
    {ConsolePage::Dashboard, "dashboard", QT_TRANSLATE_NOOP("PageRegistry", "Dashboard"), "view-statistics",
     QStyle::SP_FileDialogInfoView},
    {ConsolePage::Watchlist, "watchlist", QT_TRANSLATE_NOOP("PageRegistry", "Watchlist"), "view-list-details",
     QStyle::SP_FileDialogDetailedView},
    {ConsolePage::DataSources, "datasources", QT_TRANSLATE_NOOP("PageRegistry", "Data sources"), "network-server",
     QStyle::SP_DriveNetIcon},
    {ConsolePage::Mapping, "mapping", QT_TRANSLATE_NOOP("PageRegistry", "Mapping"), "view-form-table",
     QStyle::SP_FileDialogListView},
    {ConsolePage::AuditLog, "audit", QT_TRANSLATE_NOOP("PageRegistry", "Audit log"), "view-history",
     QStyle::SP_FileDialogContentsView},
    {ConsolePage::Settings, "settings", QT_TRANSLATE_NOOP("PageRegistry", "Settings"), "preferences-system",
     QStyle::SP_ComputerIcon},
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
    const PageDescription &row = table[size_t(page)];
    const QString name = QString::fromLatin1(row.iconName);
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QApplication::style() ? QApplication::style()->standardIcon(row.fallbackIcon) : QIcon();
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
