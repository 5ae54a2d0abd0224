#include "watchlistpage.h"

#include "consolebackend.h"
#include "containerdetailpane.h"
#include "holdchipdelegate.h"
#include "settings.h"
#include "statuspresentation.h"
#include "watchentry.h"
#include "watchlistmodel.h"
#include "watchlistproxymodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

WatchlistPrompts dialogPrompts(QWidget *parent)
{
    WatchlistPrompts prompts;
    prompts.reference = [parent](const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(
            parent, WatchlistPage::tr("Change reference"),
            WatchlistPage::tr("Reference (at most %1 characters; restarts the 90-day tracing window):")
                .arg(WatchEntry::maxReferenceLength),
            QLineEdit::Normal, current, &ok);
        return ok ? std::optional<QString>(text) : std::nullopt;
    };
    prompts.exportPath = [parent] {
        return QFileDialog::getSaveFileName(parent, WatchlistPage::tr("Export selection"), u"watchlist.csv"_s,
                                            WatchlistPage::tr("CSV files (*.csv)"));
    };
    prompts.confirmCancel = [parent](int count) {
        return QMessageBox::question(parent, WatchlistPage::tr("Cancel tracing"),
                                     WatchlistPage::tr("Stop tracing %n container(s)? Their history is kept.", nullptr,
                                                       count)) == QMessageBox::Yes;
    };
    prompts.saveViewAs = [parent]() -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(parent, WatchlistPage::tr("Save view"),
                                                   WatchlistPage::tr("Name of the view:"), QLineEdit::Normal, {}, &ok);
        return ok && !name.trimmed().isEmpty() ? std::optional<QString>(name.trimmed()) : std::nullopt;
    };
    return prompts;
}

// Widths follow the data, capped so one long text does not push everything else out of sight; the
// error text is the longest by nature and has its tooltip.
int widthCap(int column)
{
    return column == WatchlistModel::LastErrorColumn ? 420 : 360;
}

QString viewKeyOf(const SavedView &view)
{
    return view.builtIn ? u"builtin-%1"_s.arg(int(view.base)) : view.name;
}

} // namespace

WatchlistPage::WatchlistPage(ConsoleBackend &backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new WatchlistModel(this)), m_proxy(new WatchlistProxyModel(this)),
      m_prompts(dialogPrompts(this))
{
    m_model->setTimeZoneResolver(
        [&backend](const QString &provider, const QString &site) { return backend.siteTimeZone(provider, site); });
    m_model->setToday(backend.today()); // the dashboard counts before the first load, too
    m_proxy->setWatchlistModel(m_model);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(WatchlistModel::HoldsColumn, new HoldChipDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_detail = new ContainerDetailPane(backend, this);

    buildActions();
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildDrillBanner());
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &WatchlistProxyModel::setFilterText);
    connect(m_proxy, &WatchlistProxyModel::countChanged, this, &WatchlistPage::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WatchlistPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WatchlistPage::showCurrentDetail);
    // A reset (a sync added or removed rows, a view changed the row set) keeps what the user had:
    // the view has reset its selection by the time this runs, so it is put back here.
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_kept = captureState(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        restoreSelection(m_kept);
        restoreScroll(m_kept);
        updateActions();
        showCurrentDetail();
    });
    // A re-sort keeps selection and current row by itself (persistent indexes); the scroll follows.
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { m_kept = captureState(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { restoreScroll(m_kept); });
    QHeaderView *header = m_table->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            rememberWidths();
    });
    auto *fit = new QAction(tr("Fit columns to contents"), header);
    connect(fit, &QAction::triggered, this, &WatchlistPage::fitColumnsToContents);
    header->addAction(fit);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    refreshViews();
    if (!m_savedViews.isEmpty())
        m_viewKey = viewKeyOf(m_savedViews.constFirst());
    applyRememberedWidths();
    updateActions();
}

// Two rows, so that a laptop screen in any language has room: the filter, the view and the count
// first; the actions below, in a tool bar that folds what does not fit into its "»" menu rather than
// pushing the window wider or squeezing the filter.
QWidget *WatchlistPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *row = new QHBoxLayout;
    m_filter = new QLineEdit(bar);
    m_filter->setPlaceholderText(tr("Filter by container, reference, vessel or bill of lading (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 28);
    m_filter->setAccessibleName(tr("Filter"));
    m_views = new QComboBox(bar);
    m_views->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_views->setAccessibleName(tr("View"));
    m_count = new QLabel(bar);
    auto *viewLabel = new QLabel(tr("View:"), bar);
    viewLabel->setBuddy(m_views);
    row->addWidget(m_filter, 1);
    row->addWidget(viewLabel);
    row->addWidget(m_views);
    row->addWidget(m_count);
    rows->addLayout(row);

    // Spreadsheet intake: the main window opens the file and the column-mapping dialog.
    m_import = new QAction(tr("Import spreadsheet…"), this);
    m_import->setObjectName(u"importSpreadsheet"_s);
    m_import->setToolTip(tr("Add the containers of a CSV or Excel file to the watchlist (Ctrl+I)"));
    connect(m_import, &QAction::triggered, this, &WatchlistPage::importRequested);
    auto *actions = new QToolBar(bar);
    actions->setObjectName(u"watchlistActions"_s);
    actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    actions->setIconSize(QSize(16, 16));
    for (QAction *action : {m_traceNow, m_cancel, m_changeReference, m_copy, m_export})
        actions->addAction(action);
    actions->addSeparator();
    actions->addAction(m_saveView);
    actions->addAction(m_import);
    rows->addWidget(actions);
    connect(m_views, &QComboBox::activated, this, &WatchlistPage::applyView);
    return bar;
}

QWidget *WatchlistPage::buildDrillBanner()
{
    m_drillBanner = new QWidget(this);
    auto *row = new QHBoxLayout(m_drillBanner);
    row->setContentsMargins(0, 0, 0, 0);
    m_drillLabel = new QLabel(m_drillBanner);
    m_drillLabel->setObjectName(u"drillDownLabel"_s);
    auto *showAll = new QToolButton(m_drillBanner);
    showAll->setText(tr("Show all"));
    connect(showAll, &QToolButton::clicked, this, &WatchlistPage::clearDrillDown);
    row->addWidget(m_drillLabel);
    row->addWidget(showAll);
    row->addStretch(1);
    m_drillBanner->hide();
    return m_drillBanner;
}

void WatchlistPage::showDrillDown(const WatchlistDrillDown &drillDown)
{
    m_filter->clear();
    m_views->setCurrentIndex(0);
    m_proxy->setView(WatchlistView::All);
    m_proxy->setDrillDown(drillDown);
    m_drillLabel->setText(tr("From the dashboard: %1").arg(drillDown.description()));
    m_drillBanner->setVisible(drillDown.isActive());
    updateCount();
}

void WatchlistPage::clearDrillDown()
{
    m_proxy->setDrillDown({});
    m_drillBanner->hide();
    updateCount();
}

void WatchlistPage::buildActions()
{
    const auto make = [this](const QString &text, void (WatchlistPage::*slot)()) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_saveView = make(tr("Save view…"), &WatchlistPage::saveView);
    m_traceNow = make(tr("Trace now"), &WatchlistPage::traceNow);
    m_cancel = make(tr("Cancel tracing"), &WatchlistPage::cancelTracing);
    m_changeReference = make(tr("Change reference…"), &WatchlistPage::changeReference);
    m_copy = make(tr("Copy"), &WatchlistPage::copySelection);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_export = make(tr("Export selection…"), &WatchlistPage::exportSelection);
    m_table->addActions({m_traceNow, m_cancel, m_changeReference, m_copy, m_export});
}

void WatchlistPage::setPrompts(WatchlistPrompts prompts)
{
    m_prompts = std::move(prompts);
}

void WatchlistPage::reload()
{
    Result<std::vector<WatchlistRow>> rows = m_backend.loadWatchlist();
    if (!rows) {
        Q_EMIT message(tr("Cannot read the watchlist: %1").arg(rows.error().message));
        return;
    }
    takeRows(std::move(rows.value()), false);
}

void WatchlistPage::takeRows(std::vector<WatchlistRow> rows, bool append)
{
    m_model->setToday(m_backend.today());
    if (append)
        m_model->appendRows(std::move(rows));
    else
        m_model->setRows(std::move(rows));
    fitColumns(); // every load and sync: the widths follow the data as it arrives
    updateCount();
    if (m_detailId != 0) {
        const int row = m_model->rowForId(m_detailId);
        if (row >= 0)
            m_detail->showContainer(m_model->row(row));
    }
}

void WatchlistPage::reloadInBackground()
{
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_loading = true;
    updateCount();
    const bool stream = m_model->rowCount() == 0;
    m_backend.loadWatchlistInBackground(
        this,
        [this](Result<std::vector<WatchlistRow>> rows, bool append, bool complete) {
            onBackgroundRows(std::move(rows), append, complete);
        },
        stream);
}

void WatchlistPage::applyChangedRows(const std::vector<WatchlistRow> &rows)
{
    if (m_loading) {
        m_reloadPending = true; // the load in flight may predate the change
        return;
    }
    m_model->updateRows(rows);
    updateCount();
}

void WatchlistPage::onBackgroundRows(Result<std::vector<WatchlistRow>> rows, bool append, bool complete)
{
    if (!rows)
        Q_EMIT message(tr("Cannot read the watchlist: %1").arg(rows.error().message));
    else if (!(append && rows->empty()))
        takeRows(std::move(rows.value()), append);
    if (!complete)
        return;
    m_loading = false;
    updateCount();
    Q_EMIT loaded();
    if (std::exchange(m_reloadPending, false))
        reloadInBackground();
}

// Fitted to the rows on screen (Qt samples a bounded number of rows) and capped per column; the
// status column always fits every status label, whatever rows were sampled. The user's own widths of
// the view win once set.
void WatchlistPage::fitColumns()
{
    if (m_userWidths || m_model->rowCount() == 0)
        return;
    m_fitting = true;
    const QFontMetrics metrics = m_table->fontMetrics();
    const int margin = 2 * (m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1) + 8;
    int statusWidth = 0;
    for (int status = 0; status <= int(ContainerStatus::EmptyReturned); ++status)
        statusWidth =
            std::max(statusWidth, metrics.horizontalAdvance(StatusPresentation::statusLabel(ContainerStatus(status))));
    for (int column = 0; column < WatchlistModel::ColumnCount; ++column) {
        if (m_table->isColumnHidden(column))
            continue;
        m_table->resizeColumnToContents(column);
        int width = std::clamp(m_table->columnWidth(column), 60, widthCap(column));
        if (column == WatchlistModel::StatusColumn)
            width = std::max(width, statusWidth + margin);
        m_table->setColumnWidth(column, width);
    }
    m_fitting = false;
}

void WatchlistPage::applyRememberedWidths()
{
    const QStringList widths =
        Settings().value(SettingKey::WatchlistColumnWidths, m_viewKey).toString().split(u',', Qt::SkipEmptyParts);
    m_userWidths = widths.size() == WatchlistModel::ColumnCount;
    if (!m_userWidths) {
        fitColumns();
        return;
    }
    m_fitting = true;
    for (int column = 0; column < WatchlistModel::ColumnCount; ++column) {
        if (const int width = widths[column].toInt(); width > 0)
            m_table->setColumnWidth(column, width);
    }
    m_fitting = false;
}

void WatchlistPage::rememberWidths()
{
    QStringList widths;
    for (int column = 0; column < WatchlistModel::ColumnCount; ++column)
        widths.append(QString::number(m_table->columnWidth(column)));
    Settings().setValue(SettingKey::WatchlistColumnWidths, widths.join(u','), m_viewKey);
    m_userWidths = true;
}

void WatchlistPage::fitColumnsToContents()
{
    Settings().remove(SettingKey::WatchlistColumnWidths, m_viewKey);
    m_userWidths = false;
    fitColumns();
}

WatchlistPage::ViewState WatchlistPage::captureState() const
{
    ViewState state;
    const auto idAt = [this](int proxyRow) { return m_model->row(m_proxy->sourceRow(proxyRow)).id; };
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    state.selected.reserve(rows.size());
    for (const QModelIndex &index : rows)
        state.selected.append(idAt(index.row()));
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        state.current = idAt(current.row());
    const int top = m_table->rowAt(0);
    const int bottom = m_table->rowAt(m_table->viewport()->height() - 1);
    if (top >= 0) {
        const bool currentOnScreen =
            current.isValid() && current.row() >= top && (bottom < 0 || current.row() <= bottom);
        const int anchor = currentOnScreen ? current.row() : top;
        state.anchor = idAt(anchor);
        state.anchorOffset = anchor - top;
    }
    state.horizontal = m_table->horizontalScrollBar()->value();
    return state;
}

void WatchlistPage::restoreSelection(const ViewState &state)
{
    const auto proxyRowOf = [this](qint64 id) { return m_proxy->proxyRow(m_model->rowForId(id)); };
    std::vector<int> rows;
    rows.reserve(size_t(state.selected.size()));
    for (const qint64 id : state.selected) {
        if (const int row = proxyRowOf(id); row >= 0)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection; // contiguous runs as ranges: 50,000 selected rows stay cheap
    const int lastColumn = WatchlistModel::ColumnCount - 1;
    for (size_t i = 0; i < rows.size();) {
        size_t end = i;
        while (end + 1 < rows.size() && rows[end + 1] == rows[end] + 1)
            ++end;
        selection.select(m_proxy->index(rows[i], 0), m_proxy->index(rows[end], lastColumn));
        i = end + 1;
    }
    QItemSelectionModel *model = m_table->selectionModel();
    if (const int current = state.current != 0 ? proxyRowOf(state.current) : -1; current >= 0)
        model->setCurrentIndex(m_proxy->index(current, 0), QItemSelectionModel::NoUpdate);
    model->select(selection, QItemSelectionModel::ClearAndSelect);
}

void WatchlistPage::restoreScroll(const ViewState &state)
{
    m_table->horizontalScrollBar()->setValue(state.horizontal);
    const int anchor = state.anchor != 0 ? m_proxy->proxyRow(m_model->rowForId(state.anchor)) : -1;
    if (anchor < 0)
        return;
    const int top = std::max(0, anchor - state.anchorOffset);
    m_table->scrollTo(m_proxy->index(top, 0), QAbstractItemView::PositionAtTop);
}

void WatchlistPage::showContainer(qint64 id)
{
    const int source = m_model->rowForId(id);
    if (source < 0)
        return;
    if (m_proxy->proxyRow(source) < 0) { // hidden by the view, the filter or a drill-down
        clearDrillDown();
        m_views->setCurrentIndex(0);
        applyView(0);
        m_filter->clear();
    }
    const int row = m_proxy->proxyRow(source);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_table->setFocus(Qt::OtherFocusReason);
}

void WatchlistPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void WatchlistPage::refreshViews(const QString &select)
{
    m_savedViews = SavedViews::all();
    m_views->clear();
    for (const SavedView &view : std::as_const(m_savedViews))
        m_views->addItem(view.name);
    if (!select.isEmpty())
        m_views->setCurrentText(select);
}

void WatchlistPage::applyView(int index)
{
    if (index < 0 || index >= m_savedViews.size())
        return;
    const SavedView &view = m_savedViews.at(index);
    clearDrillDown();
    m_proxy->setView(view.base);
    m_filter->setText(view.filterText);
    m_viewKey = viewKeyOf(view);
    applyRememberedWidths();
}

void WatchlistPage::saveView()
{
    const std::optional<QString> name = m_prompts.saveViewAs ? m_prompts.saveViewAs() : std::nullopt;
    if (!name)
        return;
    QList<SavedView> views = SavedViews::userViews();
    views.erase(std::remove_if(views.begin(), views.end(), [&](const SavedView &view) { return view.name == *name; }),
                views.end());
    views.append({*name, m_proxy->view(), m_filter->text(), false});
    SavedViews::saveUserViews(views);
    refreshViews(*name);
    Q_EMIT message(tr("View \"%1\" saved").arg(*name));
}

QStringList WatchlistPage::selectedNumbers() const
{
    QStringList numbers;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    numbers.reserve(rows.size());
    for (const QModelIndex &index : rows)
        numbers.append(index.data(WatchlistModel::NumberRole).toString());
    return numbers;
}

void WatchlistPage::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    for (QAction *action : {m_traceNow, m_cancel, m_changeReference, m_copy, m_export})
        action->setEnabled(any);
}

void WatchlistPage::updateCount()
{
    const QString count = tr("%1 of %2 containers").arg(m_proxy->rowCount()).arg(m_model->rowCount());
    m_count->setText(m_loading ? tr("%1 (loading…)").arg(count) : count);
}

void WatchlistPage::showCurrentDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detailId = 0;
        m_detail->clear();
        return;
    }
    const WatchlistRow &row = m_model->row(m_proxy->sourceRow(current.row()));
    if (row.id == m_detailId)
        return;
    m_detailId = row.id;
    m_detail->showContainer(row);
}

void WatchlistPage::traceNow()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.isEmpty())
        return;
    m_backend.traceNow(numbers);
    Q_EMIT message(tr("Tracing %n container(s) now", nullptr, int(numbers.size())));
}

void WatchlistPage::cancelTracing()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.isEmpty() || !m_prompts.confirmCancel || !m_prompts.confirmCancel(int(numbers.size())))
        return;
    const Result<int> cancelled = m_backend.cancelTracing(numbers);
    if (!cancelled) {
        Q_EMIT message(tr("Cannot cancel tracing: %1").arg(cancelled.error().message));
        return;
    }
    Q_EMIT message(tr("Stopped tracing %n container(s)", nullptr, cancelled.value()));
}

void WatchlistPage::changeReference()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.isEmpty() || !m_prompts.reference)
        return;
    const QModelIndex current = m_table->currentIndex();
    const QString currentReference = numbers.size() == 1 && current.isValid()
                                         ? m_model->row(m_proxy->sourceRow(current.row())).reference
                                         : QString();
    const std::optional<QString> reference = m_prompts.reference(currentReference);
    if (!reference)
        return;
    const QString trimmed = reference->trimmed();
    if (trimmed.size() > WatchEntry::maxReferenceLength) {
        Q_EMIT message(tr("A reference has at most %1 characters; this one has %2. Nothing was changed.")
                           .arg(WatchEntry::maxReferenceLength)
                           .arg(trimmed.size()));
        return;
    }
    const Result<void> changed = m_backend.changeReference(numbers, trimmed);
    if (!changed) {
        Q_EMIT message(tr("Cannot change the reference: %1").arg(changed.error().message));
        return;
    }
    Q_EMIT message(tr("Reference of %n container(s) changed; tracing window restarted", nullptr, int(numbers.size())));
}

void WatchlistPage::copySelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows)) {
        const WatchlistRow &row = m_model->row(m_proxy->sourceRow(index.row()));
        QStringList cells;
        for (int column = 0; column < WatchlistModel::ColumnCount; ++column)
            cells.append(m_model->displayText(row, column));
        lines.append(cells.join(u'\t'));
    }
    QApplication::clipboard()->setText(lines.join(u'\n'));
    Q_EMIT message(tr("Copied %n container(s)", nullptr, int(rows.size())));
}

void WatchlistPage::exportSelection()
{
    const QStringList numbers = selectedNumbers();
    const QString path = numbers.isEmpty() || !m_prompts.exportPath ? QString() : m_prompts.exportPath();
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT message(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    const Result<qint64> written = m_backend.exportSelection(numbers, file);
    if (!written || !file.commit()) {
        Q_EMIT message(tr("Export failed: %1").arg(written ? file.errorString() : written.error().message));
        return;
    }
    Q_EMIT message(tr("Exported %n container(s) to %1", nullptr, int(written.value())).arg(path));
}
