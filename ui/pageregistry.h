#pragma once

#include <QIcon>
#include <QString>
#include <QStringList>
#include <QStyle>
#include <QWidget>

#include <functional>
#include <optional>
#include <span>

// The console's pages, in sidebar order. Each row of PageRegistry's one table gives a page its
// id (the --view name, the remembered page), its sidebar title and icon; the Ctrl+1..7 shortcuts
// follow the same order. Today is the start page.
enum class ConsolePage
{
    Today,
    Dashboard,
    Watchlist,
    DataSources,
    Mapping,
    AuditLog,
    Settings
};

struct PageDescription
{
    ConsolePage page;
    const char *id;
    const char *title;                   // source text; PageRegistry::title translates it
    const char *iconName;                // from the icon theme
    QStyle::StandardPixmap fallbackIcon; // the style's own, where the theme has none (offscreen, no theme)
};

// The one list of pages: what the sidebar shows, which names --view and --screenshot accept and the
// page order all come from here. The screens themselves are made by factories handed to
// MainWindow::installPage (the window's own pages by the window, the wired ones by ConsoleWiring);
// a page without a screen is not in the sidebar at all.
class PageRegistry final
{
public:
    using Factory = std::function<QWidget *()>;

    static std::span<const PageDescription> pages();
    static QString id(ConsolePage page);
    static QString title(ConsolePage page); // in the installed language
    static QIcon icon(ConsolePage page);
    static QStringList ids();
    static std::optional<ConsolePage> fromId(const QString &id); // case-insensitive
};
