#pragma once

#include "importer.h"
#include "pageregistry.h"

#include <QMainWindow>
#include <QMap>
#include <QString>

#include <optional>

class ConsoleBackend;
class DashboardPage;
class NotificationCenter;
class QAction;
class QDockWidget;
class QLabel;
class QToolButton;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class SettingsPage;
class TodayPage;
class WatchlistPage;

// The console's frame: a sidebar of the pages PageRegistry lists, a status bar with sync progress
// and the last sync time, keyboard shortcuts, and window geometry and page remembered between runs.
// The window makes its own pages (today, dashboard, watchlist, settings); ConsoleWiring installs the
// rest. Without a remembered page the console starts on Today.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    using Page = ConsolePage;

    explicit MainWindow(ConsoleBackend &backend, QWidget *parent = nullptr);

    // A page id of PageRegistry ("watchlist"), case-insensitive.
    static std::optional<Page> pageFromName(const QString &name) { return PageRegistry::fromId(name); }

    // Shows an installed page; a page that is not installed is not shown.
    void showPage(Page page);
    Page currentPage() const;
    // Makes the page's screen with create and puts it in the sidebar at the registry's position
    // (the window owns it from then on); a page installed again has its old screen replaced.
    QWidget *installPage(Page page, const PageRegistry::Factory &create);
    QWidget *pageWidget(Page page) const; // nullptr when not installed
    QStringList sidebarTitles() const;

    WatchlistPage *watchlistPage() const { return m_watchlist; }
    TodayPage *todayPage() const { return m_today; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    SettingsPage *settingsPage() const { return m_settings; }
    NotificationCenter *notificationCenter() const { return m_notifications; }
    QDockWidget *notificationDock() const { return m_notificationDock; }
    QToolButton *notificationButton() const { return m_notificationButton; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    // "View only" and the active workers from the heartbeat table; refreshed every few seconds.
    QLabel *workersLabel() const { return m_workers; }
    void updateWorkers();
    QProgressBar *syncProgressBar() const { return m_progress; }

    QAction *importAction() const { return m_importAction; }

public Q_SLOTS:
    void addContainers();
    // Asks for a file when path is empty, then maps its columns (ImportDialog) and stores the rows
    // through the backend in one transaction; rejected rows are listed afterwards.
    void importSpreadsheet(const QString &path = QString());
    // File → Export…: every report, of the whole watchlist or the selected containers.
    void exportReport();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildSidebar();
    void fitSidebar();
    static QWidget *wrapped(QWidget *page);
    void buildShortcuts();
    void buildMenus();
    void buildStatusBar();
    void buildNotifications();
    void updateNotificationButton(int unread);
    int stackIndex(Page page) const; // where an installed page is (or a new one goes) in the stack
    void updateLastSync();
    void showImportReport(const ImportReport &report, const QList<ImportRowError> &errors);

    ConsoleBackend &m_backend;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    WatchlistPage *m_watchlist;
    TodayPage *m_today;
    DashboardPage *m_dashboard;
    SettingsPage *m_settings;
    NotificationCenter *m_notifications;
    QDockWidget *m_notificationDock = nullptr;
    QToolButton *m_notificationButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_workers = nullptr;
    QAction *m_importAction = nullptr;
    QMap<Page, QWidget *> m_installed; // the pages' own widgets
    QMap<Page, QWidget *> m_areas;     // the scroll areas holding them, in the stack
    std::optional<Page> m_restorePage; // the remembered page, shown once it is installed
};
