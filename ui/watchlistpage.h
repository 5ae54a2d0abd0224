#pragma once

#include "result.h"
#include "savedviews.h"
#include "watchlistdrilldown.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class ConsoleBackend;
class ContainerDetailPane;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class WatchlistModel;
class WatchlistProxyModel;

// Where the watchlist asks the user something. Dialogs by default; tests put answers in instead
// (the "next answer" seam), so they can drive the real widget without modal loops.
struct WatchlistPrompts
{
    std::function<std::optional<QString>(const QString &current)> reference;
    std::function<QString()> exportPath;                // empty: cancelled
    std::function<bool(int count)> confirmCancel;       // stop tracing that many containers?
    std::function<std::optional<QString>()> saveViewAs; // the new view's name
};

// The watchlist screen: filter, saved views, the table, multi-select actions and the detail pane.
class WatchlistPage final : public QWidget
{
    Q_OBJECT

public:
    explicit WatchlistPage(ConsoleBackend &backend, QWidget *parent = nullptr);

    // Reads the watchlist again from the backend (after a sync or an add).
    void reload();
    // The same without blocking the window: the backend reads on a worker thread; the first load
    // streams rows in as they are read. A request during a load runs once that load is complete.
    void reloadInBackground();
    // Rows another process changed (the backend heard it from the database): updated in place.
    void applyChangedRows(const std::vector<WatchlistRow> &rows);
    bool isLoading() const { return m_loading; }
    void focusFilter();
    // Shows only a dashboard bar's containers (view and filter text cleared) with a banner to undo it.
    void showDrillDown(const WatchlistDrillDown &drillDown);
    void clearDrillDown();
    void setPrompts(WatchlistPrompts prompts);
    // Selects the container and scrolls to it (clearing a filter or drill-down that hides it).
    void showContainer(qint64 id);
    // The settings key of the current view's remembered column widths (stable across languages).
    QString viewKey() const { return m_viewKey; }
    // Forgets the user's widths of the current view and fits the columns to the data again.
    void fitColumnsToContents();

    WatchlistModel *model() const { return m_model; }
    WatchlistProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *viewCombo() const { return m_views; }
    QLabel *drillDownLabel() const { return m_drillLabel; }
    ContainerDetailPane *detailPane() const { return m_detail; }
    QAction *traceNowAction() const { return m_traceNow; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *changeReferenceAction() const { return m_changeReference; }
    QAction *copyAction() const { return m_copy; }
    QAction *exportAction() const { return m_export; }
    QAction *saveViewAction() const { return m_saveView; }
    QAction *importAction() const { return m_import; }

    QStringList selectedNumbers() const;

Q_SIGNALS:
    void message(const QString &text); // for the status bar
    void addContainersRequested();
    void importRequested();
    void loaded(); // a background load is complete

private:
    QWidget *buildToolbar();
    QWidget *buildDrillBanner();
    void buildActions();
    void refreshViews(const QString &select = {});
    void applyView(int index);
    void updateActions();
    // What a sync or a re-sort must not take away: selection, current row, scroll position.
    struct ViewState
    {
        QList<qint64> selected;
        qint64 current = 0;
        qint64 anchor = 0;    // the current row if on screen, else the top visible row
        int anchorOffset = 0; // rows between the top of the viewport and the anchor
        int horizontal = 0;
    };
    ViewState captureState() const;
    void restoreSelection(const ViewState &state);
    void restoreScroll(const ViewState &state);
    void fitColumns();
    void applyRememberedWidths();
    void rememberWidths();
    void updateCount();
    void showCurrentDetail();
    void takeRows(std::vector<WatchlistRow> rows, bool append);
    void onBackgroundRows(Result<std::vector<WatchlistRow>> rows, bool append, bool complete);

    void traceNow();
    void cancelTracing();
    void changeReference();
    void copySelection();
    void exportSelection();
    void saveView();

    ConsoleBackend &m_backend;
    WatchlistModel *m_model;
    WatchlistProxyModel *m_proxy;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_views = nullptr;
    QLabel *m_count = nullptr;
    QWidget *m_drillBanner = nullptr;
    QLabel *m_drillLabel = nullptr;
    QTableView *m_table = nullptr;
    ContainerDetailPane *m_detail = nullptr;
    QAction *m_traceNow = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_changeReference = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_export = nullptr;
    QAction *m_saveView = nullptr;
    QAction *m_import = nullptr;
    QList<SavedView> m_savedViews;
    WatchlistPrompts m_prompts;
    qint64 m_detailId = 0;
    ViewState m_kept;
    QString m_viewKey;
    bool m_fitting = false;    // widths set by the page, not by the user
    bool m_userWidths = false; // the user's own widths for this view: no more fitting
    bool m_loading = false;
    bool m_reloadPending = false;
};
