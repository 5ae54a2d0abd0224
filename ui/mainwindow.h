#pragma once

#include "importer.h"

#include <QMainWindow>
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
    DashboardPage *dashboardPage() const { return m_dashboard; }
    SettingsPage *settingsPage() const { return m_settings; }
    NotificationCenter *notificationCenter() const { return m_notifications; }
    QDockWidget *notificationDock() const { return m_notificationDock; }
    QToolButton *notificationButton() const { return m_notificationButton; }
    QLabel *lastSyncLabel() const { return m_lastSync; }
    QProgressBar *syncProgressBar() const { return m_progress; }

    QAction *importAction() const { return m_importAction; }

public Q_SLOTS:
    void addContainers();
    // Asks for a file when path is empty, then maps its columns (ImportDialog) and stores the rows
    // through the backend in one transaction; rejected rows are listed afterwards.
    void importSpreadsheet(const QString &path = QString());

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildSidebar();
    void buildShortcuts();
    void buildStatusBar();
    void buildNotifications();
    void updateNotificationButton(int unread);
    QWidget *placeholder(const QString &title);
    void updateLastSync();
    void showImportReport(const ImportReport &report, const QList<ImportRowError> &errors);

    ConsoleBackend &m_backend;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    WatchlistPage *m_watchlist;
    DashboardPage *m_dashboard;
    SettingsPage *m_settings;
    NotificationCenter *m_notifications;
    QDockWidget *m_notificationDock = nullptr;
    QToolButton *m_notificationButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_lastSync = nullptr;
    QAction *m_importAction = nullptr;
};
