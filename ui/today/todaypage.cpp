#include "todaypage.h"

#include "consolebackend.h"
#include "todaymodel.h"
#include "watchlistmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QSet>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// Enter on a container opens it, as a double-click does (QTreeView only expands on Enter).
class TodayTree final : public QTreeView
{
public:
    using QTreeView::QTreeView;
    std::function<void(const QModelIndex &)> onEnter;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().parent().isValid()) {
            if (onEnter)
                onEnter(currentIndex());
            return;
        }
        QTreeView::keyPressEvent(event);
    }
};
} // namespace

TodayPage::TodayPage(ConsoleBackend &backend, const WatchlistModel &watchlist, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_watchlist(watchlist), m_model(new TodayModel(backend.clock(), this))
{
    m_model->setTimeZoneResolver(
        [&backend](const QString &provider, const QString &site) { return backend.siteTimeZone(provider, site); });
    auto *tree = new TodayTree(this);
    tree->onEnter = [this](const QModelIndex &index) {
        Q_EMIT containerActivated(index.data(TodayModel::ContainerIdRole).toLongLong());
    };
    m_tree = tree;
    m_tree->setObjectName(u"todayTree"_s);
    m_tree->setModel(m_model);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setWordWrap(false);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAccessibleName(tr("Containers that need action today"));

    m_traceNow = new QAction(tr("Trace now"), this);
    m_traceNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_traceNow->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_acknowledge = new QAction(tr("Acknowledge…"), this);
    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_acknowledge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_acknowledge->setToolTip(tr("Note that you are handling the selected containers; every console of the company "
                                 "shows it, and the audit log records it"));
    m_tree->addActions({m_traceNow, m_acknowledge});
    addActions({m_traceNow, m_acknowledge});
    connect(m_traceNow, &QAction::triggered, this, &TodayPage::traceNow);
    connect(m_acknowledge, &QAction::triggered, this, &TodayPage::acknowledge);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_tree, 1);

    m_prompt = [this](const QStringList &numbers) -> std::optional<QString> {
        bool ok = false;
        const QString note = QInputDialog::getText(
            this, tr("Acknowledge"), tr("Note for %n container(s), e.g. who handles it:", nullptr, int(numbers.size())),
            QLineEdit::Normal, {}, &ok);
        return ok ? std::optional<QString>(note.trimmed()) : std::nullopt;
    };

    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.parent().isValid())
            Q_EMIT containerActivated(index.data(TodayModel::ContainerIdRole).toLongLong());
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TodayPage::updateActions);
    connect(&watchlist, &QAbstractItemModel::modelReset, this, &TodayPage::scheduleRefresh);
    connect(&watchlist, &QAbstractItemModel::layoutChanged, this, &TodayPage::scheduleRefresh);
    connect(&watchlist, &QAbstractItemModel::dataChanged, this, &TodayPage::scheduleRefresh);
    connect(&watchlist, &QAbstractItemModel::rowsInserted, this, &TodayPage::scheduleRefresh);
    connect(&backend, &ConsoleBackend::acknowledgementsChanged, this, &TodayPage::reloadAcknowledgements);
    connect(&backend, &ConsoleBackend::entityChanged, this, &TodayPage::reloadAcknowledgements);
    updateActions();
    updateSummary();
}

QWidget *TodayPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(bar);
    m_summary->setObjectName(u"todaySummary"_s);
    m_summary->setWordWrap(true);
    row->addWidget(m_summary, 1);
    for (QAction *action : {m_traceNow, m_acknowledge}) {
        auto *button = new QToolButton(bar);
        button->setDefaultAction(action);
        row->addWidget(button);
    }
    return bar;
}

void TodayPage::setNotePrompt(NotePrompt prompt)
{
    m_prompt = std::move(prompt);
}

// Rows arrive in chunks and syncs change them often: group once per event-loop turn, and only while
// the page is on screen (showEvent catches up).
void TodayPage::scheduleRefresh()
{
    m_dirty = true;
    if (!isVisible() || m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        if (m_dirty)
            refresh();
    });
}

void TodayPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void TodayPage::refresh()
{
    m_dirty = false;
    const QStringList selected = selectedNumbers();
    const Result<QList<Acknowledgement>> acknowledgements = m_backend.acknowledgements();
    if (acknowledgements)
        m_model->setAcknowledgements(acknowledgements.value());
    m_model->setRows(m_watchlist.rows());
    m_tree->expandAll();
    // The same containers stay selected after the regrouping.
    const QSet<QString> keep(selected.cbegin(), selected.cend());
    for (int group = 0; group < todaySituationCount && !keep.isEmpty(); ++group) {
        const QModelIndex parent = m_model->index(group, 0);
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (keep.contains(index.data(TodayModel::NumberRole).toString()))
                m_tree->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    for (int column = 0; column < TodayModel::AcknowledgedColumn; ++column)
        m_tree->resizeColumnToContents(column);
    updateSummary();
    updateActions();
}

void TodayPage::reloadAcknowledgements()
{
    const Result<QList<Acknowledgement>> acknowledgements = m_backend.acknowledgements();
    if (!acknowledgements) {
        Q_EMIT message(tr("Cannot read the acknowledgements: %1").arg(acknowledgements.error().message));
        return;
    }
    m_model->setAcknowledgements(acknowledgements.value());
    m_tree->expandAll();
}

void TodayPage::updateSummary()
{
    const int urgent = m_model->count(TodaySituation::LfdOverdue) + m_model->count(TodaySituation::LfdToday);
    m_summary->setText(tr("%1, %2, %3.")
                           .arg(tr("%n container(s) overdue or due today", nullptr, urgent),
                                tr("%n due tomorrow", nullptr, m_model->count(TodaySituation::LfdTomorrow)),
                                tr("%n on hold", nullptr, m_model->count(TodaySituation::OnHold))));
}

QStringList TodayPage::selectedNumbers() const
{
    QStringList numbers;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        const QString number = index.data(TodayModel::NumberRole).toString();
        if (!number.isEmpty())
            numbers.append(number);
    }
    return numbers;
}

void TodayPage::updateActions()
{
    const bool any = !selectedNumbers().isEmpty();
    m_traceNow->setEnabled(any);
    m_acknowledge->setEnabled(any);
}

void TodayPage::traceNow()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.isEmpty())
        return;
    m_backend.traceNow(numbers);
    Q_EMIT message(tr("Tracing %n container(s) now", nullptr, int(numbers.size())));
}

void TodayPage::acknowledge()
{
    QList<QPair<QString, QString>> targets; // number, situation key
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        if (index.parent().isValid())
            targets.append(
                {index.data(TodayModel::NumberRole).toString(), index.data(TodayModel::SituationKeyRole).toString()});
    }
    if (targets.isEmpty() || !m_prompt)
        return;
    QStringList numbers;
    for (const auto &target : std::as_const(targets))
        numbers.append(target.first);
    const std::optional<QString> note = m_prompt(numbers);
    if (!note)
        return;
    for (const auto &[number, situation] : std::as_const(targets)) {
        if (const Result<void> stored = m_backend.acknowledge(number, situation, *note); !stored) {
            Q_EMIT message(tr("Cannot acknowledge %1: %2").arg(number, stored.error().message));
            return;
        }
    }
    Q_EMIT message(tr("Acknowledged %n container(s)", nullptr, int(targets.size())));
}
