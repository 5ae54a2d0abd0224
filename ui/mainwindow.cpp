#include "mainwindow.h"

#include "addcontainersdialog.h"
#include "consolebackend.h"
#include "dashboardpage.h"
#include "exportdialog.h"
#include "importdialog.h"
#include "notificationcenter.h"
#include "notificationspanel.h"
#include "settings.h"
#include "settingspage.h"
#include "shortcutsdialog.h"
#include "todaypage.h"
#include "watchlistmodel.h"
#include "watchlistpage.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(ConsoleBackend &backend, QWidget *parent)
    : QMainWindow(parent), m_backend(backend), m_sidebar(new QListWidget(this)), m_pages(new QStackedWidget(this)),
      m_watchlist(new WatchlistPage(backend, this)), m_today(new TodayPage(backend, *m_watchlist->model(), this)),
      m_dashboard(new DashboardPage(*m_watchlist->model(), this)),
      m_settings(new SettingsPage(backend.databaseLocation(), this)),
      m_notifications(new NotificationCenter(*m_watchlist->model(), backend.clock(), this))
{
    setWindowTitle(tr("Quaywatch"));
    buildSidebar();
    installPage(Page::Today, [this] { return m_today; });
    installPage(Page::Dashboard, [this] { return m_dashboard; });
    installPage(Page::Watchlist, [this] { return m_watchlist; });
    installPage(Page::Settings, [this] { return m_settings; });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    buildStatusBar();
    buildNotifications();
    buildShortcuts();
    buildMenus();

    connect(m_watchlist, &WatchlistPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_today, &TodayPage::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_today, &TodayPage::containerActivated, this, [this](qint64 id) {
        showPage(Page::Watchlist);
        m_watchlist->showContainer(id);
    });
    connect(m_watchlist, &WatchlistPage::addContainersRequested, this, &MainWindow::addContainers);
    connect(m_watchlist, &WatchlistPage::importRequested, this, [this] { importSpreadsheet(); });
    connect(&m_backend, &ConsoleBackend::watchlistChanged, m_watchlist, &WatchlistPage::reloadInBackground);
    connect(&m_backend, &ConsoleBackend::watchlistRowsChanged, m_watchlist, &WatchlistPage::applyChangedRows);
    connect(m_dashboard, &DashboardPage::drillDownRequested, this, [this](const WatchlistDrillDown &drillDown) {
        showPage(Page::Watchlist);
        m_watchlist->showDrillDown(drillDown);
    });

    const Settings settings;
    if (!restoreGeometry(settings.value(SettingKey::MainWindowGeometry).toByteArray())) {
        // The first run: 1400x820 where the screen has room, the screen's available area on a laptop.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1400, 820);
        resize(QSize(1400, 820).boundedTo(available));
    }
    restoreState(settings.value(SettingKey::MainWindowState).toByteArray());
    const std::optional<Page> remembered = PageRegistry::fromId(settings.value(SettingKey::MainWindowPage).toString());
    const bool installed = remembered && m_installed.contains(*remembered);
    showPage(installed ? *remembered : Page::Today);
    if (!installed)
        m_restorePage = remembered; // one ConsoleWiring installs later
}

void MainWindow::buildSidebar()
{
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFocusPolicy(Qt::StrongFocus); // arrow keys move between pages
    m_sidebar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
}

// As wide as the longest title in the installed language plus its icon, no wider.
void MainWindow::fitSidebar()
{
    int widest = 0;
    for (int row = 0; row < m_sidebar->count(); ++row)
        widest = std::max(widest, m_sidebar->fontMetrics().horizontalAdvance(m_sidebar->item(row)->text()));
    m_sidebar->setFixedWidth(widest + m_sidebar->iconSize().width() + 36);
}

// Every page sits in a scroll area: a page that needs more room than the screen has scrolls inside
// the window instead of forcing the window wider than the screen.
QWidget *MainWindow::wrapped(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setObjectName(u"pageScrollArea"_s);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(page);
    return area;
}

int MainWindow::stackIndex(Page page) const
{
    int index = 0;
    for (auto installed = m_installed.cbegin(); installed != m_installed.cend() && installed.key() < page; ++installed)
        ++index;
    return index;
}

QWidget *MainWindow::installPage(Page page, const PageRegistry::Factory &create)
{
    QWidget *widget = create();
    QWidget *area = wrapped(widget);
    const int index = stackIndex(page);
    if (QWidget *old = m_areas.value(page)) {
        const bool current = m_pages->currentWidget() == old;
        m_pages->insertWidget(index, area);
        m_pages->removeWidget(old);
        old->deleteLater();
        m_installed.insert(page, widget);
        m_areas.insert(page, area);
        if (current)
            m_pages->setCurrentWidget(area);
        return widget;
    }
    m_installed.insert(page, widget);
    m_areas.insert(page, area);
    m_pages->insertWidget(index, area);
    auto *item = new QListWidgetItem(PageRegistry::icon(page), PageRegistry::title(page));
    item->setData(Qt::UserRole, int(page));
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(PageRegistry::title(page)).arg(int(page) + 1));
    const QSignalBlocker quiet(m_sidebar); // the stack and the sidebar move together below
    m_sidebar->insertItem(index, item);
    m_sidebar->setCurrentRow(m_pages->currentIndex());
    fitSidebar();
    if (m_restorePage == page) {
        m_restorePage.reset();
        showPage(page);
    }
    return widget;
}

QWidget *MainWindow::pageWidget(Page page) const
{
    return m_installed.value(page);
}

QStringList MainWindow::sidebarTitles() const
{
    QStringList titles;
    for (int row = 0; row < m_sidebar->count(); ++row)
        titles.append(m_sidebar->item(row)->text());
    return titles;
}

void MainWindow::buildShortcuts()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    add(QKeySequence::Find, [this] {
        showPage(Page::Watchlist);
        m_watchlist->focusFilter();
    });
    add(QKeySequence(Qt::CTRL | Qt::Key_N), [this] { addContainers(); });
    m_importAction = add(QKeySequence(Qt::CTRL | Qt::Key_I), [this] { importSpreadsheet(); });
    m_importAction->setText(tr("Import spreadsheet…"));
    m_importAction->setObjectName(u"importSpreadsheetAction"_s);
    add(QKeySequence(Qt::Key_F5), [this] { m_backend.syncNow(); });
    for (const PageDescription &page : PageRegistry::pages())
        add(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(page.page))), [this, id = page.page] { showPage(id); });
}

// File → Export… and Help → Keyboard shortcuts (the dialogs live in ui/export and ui/shortcutsdialog).
void MainWindow::buildMenus()
{
    QAction *exportAction = menuBar()->addMenu(tr("&File"))->addAction(tr("&Export…"));
    exportAction->setObjectName(u"exportReportAction"_s);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportReport);
    QAction *shortcuts = menuBar()->addMenu(tr("&Help"))->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setObjectName(u"keyboardShortcutsAction"_s);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, [this] {
        QList<ShortcutEntry> entries{
            {QKeySequence::Find, tr("Filter the watchlist (on Data sources: search providers)")},
            {QKeySequence(Qt::CTRL | Qt::Key_N), tr("Add containers")},
            {QKeySequence(Qt::CTRL | Qt::Key_I), tr("Import a spreadsheet")},
            {QKeySequence(Qt::Key_F5), tr("Sync now")},
            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Export a report")},
            {QKeySequence::HelpContents, tr("Keyboard shortcuts")}};
        for (const PageDescription &page : PageRegistry::pages())
            entries.append({QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(page.page))),
                            tr("Go to %1").arg(PageRegistry::title(page.page))});
        // Actions added elsewhere with a text and keys (e.g. the watchlist's) are listed too.
        for (const ShortcutEntry &entry : ShortcutsDialog::fromActions(findChildren<QAction *>())) {
            const bool listed = std::any_of(entries.cbegin(), entries.cend(),
                                            [&entry](const ShortcutEntry &e) { return e.keys == entry.keys; });
            if (!listed)
                entries.append(entry);
        }
        auto *dialog = new ShortcutsDialog(entries, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::exportReport()
{
    const QStringList selection = m_watchlist->selectedNumbers();
    auto *dialog = new ExportDialog(m_backend, selection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::buildStatusBar()
{
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("Syncing %v of %m"));
    m_progress->hide();
    m_lastSync = new QLabel(this);
    m_workers = new QLabel(this);
    m_workers->setObjectName(u"workersLabel"_s);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_workers);
    statusBar()->addPermanentWidget(m_lastSync);
    auto *workersRefresh = new QTimer(this);
    connect(workersRefresh, &QTimer::timeout, this, &MainWindow::updateWorkers);
    workersRefresh->start(WorkerHeartbeat::periodSeconds * 1000);
    connect(&m_backend, &ConsoleBackend::viewOnlyChanged, this, &MainWindow::updateWorkers);
    connect(&m_backend, &ConsoleBackend::viewOnlyChanged, m_settings, &SettingsPage::setViewOnly);
    connect(m_settings, &SettingsPage::viewOnlyChanged, &m_backend, &ConsoleBackend::setViewOnly);
    m_settings->setViewOnly(m_backend.isViewOnly());
    connect(&m_backend, &ConsoleBackend::syncStarted, this, [this] {
        m_progress->setRange(0, 0);
        m_progress->show();
    });
    connect(&m_backend, &ConsoleBackend::syncProgress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
        m_progress->show();
    });
    connect(&m_backend, &ConsoleBackend::syncFinished, this, [this](const QString &summary) {
        m_progress->hide();
        updateLastSync();
        updateWorkers();
        statusBar()->showMessage(summary, 8000);
    });
    updateLastSync();
    updateWorkers();
}

// Two workers are named in the bar; more only in the tooltip, which also lists the consoles.
void MainWindow::updateWorkers()
{
    const std::optional<QList<WorkerHeartbeat>> seen = m_backend.activeWorkers();
    QStringList named;
    QStringList all;
    for (const WorkerHeartbeat &worker : seen.value_or(QList<WorkerHeartbeat>())) {
        const QString cycle = worker.lastCycleAt.isValid()
                                  ? tr("last cycle %1").arg(worker.lastCycleAt.toLocalTime().toString(u"HH:mm"_s))
                                  : tr("no cycle yet");
        const QString line =
            worker.viewOnly ? tr("%1 (pid %2, view-only console)").arg(worker.identity.host).arg(worker.identity.pid)
                            : tr("%1 (pid %2, %3)").arg(worker.identity.host).arg(worker.identity.pid).arg(cycle);
        all.append(line);
        if (!worker.viewOnly)
            named.append(line);
    }
    QStringList parts;
    if (m_backend.isViewOnly())
        parts.append(tr("View only"));
    if (seen) {
        QString workers = tr("Workers: %n active", nullptr, int(named.size()));
        if (!named.isEmpty() && named.size() <= 2)
            workers += u" — "_s + named.join(u", "_s);
        parts.append(workers);
    }
    m_workers->setText(parts.join(u" · "_s));
    m_workers->setToolTip(all.join(u'\n'));
    m_workers->setVisible(!parts.isEmpty());
}

// Recent notifications in a dock that the status bar button opens; the button shows how many are new.
void MainWindow::buildNotifications()
{
    auto *panel = new NotificationsPanel(*m_notifications, this);
    m_notificationDock = new QDockWidget(tr("Notifications"), this);
    m_notificationDock->setObjectName(u"notificationsDock"_s);
    m_notificationDock->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, m_notificationDock);
    m_notificationDock->hide();
    m_notificationButton = new QToolButton(this);
    m_notificationButton->setAutoRaise(true);
    m_notificationButton->setCheckable(true);
    statusBar()->addPermanentWidget(m_notificationButton);
    connect(m_notificationButton, &QToolButton::toggled, this, [this, panel](bool open) {
        m_notificationDock->setVisible(open);
        if (open) {
            resizeDocks({m_notificationDock}, {panel->sizeHint().width()}, Qt::Horizontal);
            m_notifications->markRead();
        }
    });
    connect(m_notificationDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_notificationButton->setChecked(visible);
        if (visible)
            m_notifications->markRead();
    });
    connect(m_notifications, &NotificationCenter::unreadChanged, this, [this](int unread) {
        if (unread > 0 && m_notificationDock->isVisible())
            return m_notifications->markRead();
        updateNotificationButton(unread);
    });
    connect(panel, &NotificationsPanel::containerActivated, this, [this](const QString &number) {
        showPage(Page::Watchlist);
        m_watchlist->clearDrillDown();
        m_watchlist->filterEdit()->setText(number);
    });
    updateNotificationButton(0);
}

void MainWindow::updateNotificationButton(int unread)
{
    m_notificationButton->setText(unread > 0 ? tr("Notifications (%1)").arg(unread) : tr("Notifications"));
}

void MainWindow::updateLastSync()
{
    const QDateTime last = m_backend.lastSyncAt();
    m_lastSync->setText(last.isValid() ? tr("Last sync: %1").arg(last.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s))
                                       : tr("Not synced yet"));
}

void MainWindow::showPage(Page page)
{
    QWidget *area = m_areas.value(page);
    if (!area)
        return;
    m_restorePage.reset(); // the user (or a --view) chose; a late page no longer takes over
    m_pages->setCurrentWidget(area);
    m_sidebar->setCurrentRow(m_pages->currentIndex());
}

MainWindow::Page MainWindow::currentPage() const
{
    for (auto area = m_areas.cbegin(); area != m_areas.cend(); ++area) {
        if (area.value() == m_pages->currentWidget())
            return area.key();
    }
    return Page::Watchlist;
}

void MainWindow::addContainers()
{
    AddContainersDialog dialog(m_backend.providers(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QList<WatchEntry> entries = dialog.entries();
    const Result<int> added = m_backend.addContainers(entries);
    if (!added) {
        statusBar()->showMessage(tr("Cannot add containers: %1").arg(added.error().message), 10000);
        return;
    }
    showPage(Page::Watchlist); // the backend's watchlistChanged reloads it in the background
    statusBar()->showMessage(tr("Added %1 new container(s); %2 were already on the watchlist")
                                 .arg(added.value())
                                 .arg(entries.size() - added.value()),
                             10000);
}

void MainWindow::importSpreadsheet(const QString &path)
{
    QString file = path;
    if (file.isEmpty()) {
        file = QFileDialog::getOpenFileName(this, tr("Import spreadsheet"), QString(),
                                            tr("Spreadsheets (*.csv *.txt *.xlsx *.xlsm);;All files (*)"));
        if (file.isEmpty())
            return;
    }
    Settings settings; // the dialog remembers each file layout's mapping here
    ImportDialog dialog(m_backend.providers(), settings, this);
    dialog.setEntity(m_backend.entity());
    if (const Result<void> opened = dialog.openFile(file); !opened) {
        QMessageBox::warning(this, tr("Import spreadsheet"),
                             tr("Cannot import %1: %2").arg(QFileInfo(file).fileName(), opened.error().message));
        return;
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Result<ImportPlan> plan = dialog.plan();
    if (!plan) {
        QMessageBox::warning(this, tr("Import spreadsheet"), plan.error().message);
        return;
    }
    const Result<ImportReport> report = m_backend.importPlan(plan.value(), file);
    if (!report) {
        QMessageBox::warning(this, tr("Import spreadsheet"),
                             tr("Nothing was imported: %1").arg(report.error().message));
        return;
    }
    showPage(Page::Watchlist);
    showImportReport(report.value(), plan->errors);
}

// The summary in the status bar; rejected rows, one per line, where the user can read them all.
void MainWindow::showImportReport(const ImportReport &report, const QList<ImportRowError> &errors)
{
    const QString summary = tr("Imported %1: %2 added, %3 already on the watchlist, %4 rejected")
                                .arg(QFileInfo(report.file).fileName())
                                .arg(report.added)
                                .arg(report.alreadyTracked)
                                .arg(errors.size());
    statusBar()->showMessage(summary, 15000);
    if (errors.isEmpty())
        return;
    // Every rejected row in view, not behind "Show Details": the user fixes them in the file.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"importErrors"_s);
    dialog->setWindowTitle(tr("Import spreadsheet"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *heading = new QLabel(summary, dialog);
    heading->setWordWrap(true);
    auto *intro = new QLabel(tr("These rows were not imported:"), dialog);
    auto *list = new QListWidget(dialog);
    list->setObjectName(u"importErrorList"_s);
    list->setAccessibleName(tr("Rows not imported"));
    list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    for (const ImportRowError &error : errors)
        list->addItem(tr("row %1: %2").arg(error.row).arg(error.reason));
    intro->setBuddy(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *copy = buttons->addButton(tr("&Copy rows"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, list, [list] {
        QStringList lines;
        for (int row = 0; row < list->count(); ++row)
            lines.append(list->item(row)->text());
        QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog->resize(std::max(dialog->sizeHint().width(), fontMetrics().averageCharWidth() * 70),
                   fontMetrics().height() * std::clamp(int(errors.size()) + 8, 12, 30));
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings settings;
    settings.setValue(SettingKey::MainWindowGeometry, saveGeometry());
    settings.setValue(SettingKey::MainWindowState, saveState());
    settings.setValue(SettingKey::MainWindowPage, PageRegistry::id(currentPage()));
    QMainWindow::closeEvent(event);
}
