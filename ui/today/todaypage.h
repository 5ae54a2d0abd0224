#pragma once

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class ConsoleBackend;
class QAction;
class QLabel;
class QTreeView;
class TodayModel;
class WatchlistModel;

// The console's start page: what needs doing today, grouped by urgency (TodayModel), over the rows
// the watchlist already holds. Enter or a double-click opens the container in the watchlist; Trace
// now and Acknowledge act on the selected containers.
class TodayPage final : public QWidget
{
    Q_OBJECT

public:
    // The "next answer" seam: the note for an acknowledgement; nullopt is cancel.
    using NotePrompt = std::function<std::optional<QString>(const QStringList &numbers)>;

    TodayPage(ConsoleBackend &backend, const WatchlistModel &watchlist, QWidget *parent = nullptr);

    // Groups the watchlist's rows again and reads the acknowledgements (also done when the page is
    // shown after the watchlist changed).
    void refresh();
    void setNotePrompt(NotePrompt prompt);

    TodayModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    QAction *traceNowAction() const { return m_traceNow; }
    QAction *acknowledgeAction() const { return m_acknowledge; }
    QStringList selectedNumbers() const;

Q_SIGNALS:
    void containerActivated(qint64 id);
    void message(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolbar();
    void scheduleRefresh();
    void reloadAcknowledgements();
    void updateSummary();
    void updateActions();
    void traceNow();
    void acknowledge();

    ConsoleBackend &m_backend;
    const WatchlistModel &m_watchlist;
    TodayModel *m_model;
    QTreeView *m_tree;
    QLabel *m_summary = nullptr;
    QAction *m_traceNow = nullptr;
    QAction *m_acknowledge = nullptr;
    NotePrompt m_prompt;
    bool m_dirty = true;
    bool m_refreshQueued = false;
};
