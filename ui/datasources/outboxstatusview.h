#pragma once

#include "storage/outboxrecords.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

// One outbound destination's queue on its card: last delivery, queue length (pending and being
// sent), dead letters, the stop reason as a warning with Resume, the last error, and Retry dead
// letters. Shows nothing until the destination exists. The card's page does the asking and acting.
class OutboxStatusView final : public QWidget
{
    Q_OBJECT

public:
    explicit OutboxStatusView(QWidget *parent = nullptr);

    void setSummary(const std::optional<OutboxSummary> &summary);
    const std::optional<OutboxSummary> &summary() const { return m_summary; }

    // The visible lines, for tests and the accessibility tree: empty when hidden.
    QString deliveryText() const;
    QString queueText() const;
    QString stoppedText() const;
    QString errorText() const;
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *resumeButton() const { return m_resume; }

Q_SIGNALS:
    void retryRequested(const QString &destination, int deadLetters);
    void resumeRequested(const QString &destination);

private:
    std::optional<OutboxSummary> m_summary;
    QLabel *m_delivery;
    QLabel *m_queue;
    QLabel *m_stopped;
    QLabel *m_error;
    QPushButton *m_retry;
    QPushButton *m_resume;
};
