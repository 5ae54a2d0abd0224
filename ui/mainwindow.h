#pragma once

#include <QMainWindow>
#include <QString>

#include <optional>

class ConsoleBackend;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class WatchlistPage;

// The console's frame: a sidebar of screens, the pages, a status bar with sync progress and the last
// sync time, keyboard shortcuts, and window geometry remembered between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page
    {
        Dashboard,
        Watchlist,
        DataSources,
        Mapping,
        AuditLog,
        Settings
    };

    explicit MainWindow(ConsoleBackend &backend, QWidget *parent = nullptr);

    // "dashboard", "watchlist", "datasources", "mapping", "audit", "settings".
    static std::optional<Page> pageFromName(const QString &name);

    void showPage(Page page);
    Page currentPage() const;
    // Puts a finished screen in place of a page's placeholder (the window owns it from then on).
    void setPageWidget(Page page, QWidget *widget);
    QWidget *pageWidget(Page page) const;

    WatchlistPage *watchlistPage() const { return m_watchlist; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    QProgressBar *syncProgressBar() const { return m_progress; }

public Q_SLOTS:
    void addContainers();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildSidebar();
    void buildShortcuts();
    void buildStatusBar();
    QWidget *placeholder(const QString &title);
    void updateLastSync();

    ConsoleBackend &m_backend;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    WatchlistPage *m_watchlist;
    QProgressBar *m_progress = nullptr;
    QLabel *m_lastSync = nullptr;
};
