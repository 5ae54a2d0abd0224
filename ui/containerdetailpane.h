#pragma once

#include <QWidget>

class ConsoleBackend;
class EventTimelineModel;
class QLabel;
class QPlainTextEdit;
class QTableView;
struct WatchlistRow;

// The detail pane beside the watchlist: the selected container's event timeline and the raw provider
// payload behind the selected event, so a coordinator can check what the terminal really said.
class ContainerDetailPane final : public QWidget
{
    Q_OBJECT

public:
    explicit ContainerDetailPane(ConsoleBackend &backend, QWidget *parent = nullptr);

    void showContainer(const WatchlistRow &row);
    void clear();

    EventTimelineModel *timelineModel() const { return m_model; }
    QTableView *timelineView() const { return m_view; }
    QPlainTextEdit *payloadView() const { return m_payload; }

private:
    void showPayload();

    ConsoleBackend &m_backend;
    EventTimelineModel *m_model;
    QLabel *m_title;
    QTableView *m_view;
    QPlainTextEdit *m_payload;
};
