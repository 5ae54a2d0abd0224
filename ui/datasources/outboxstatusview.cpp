#include "outboxstatusview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
QLabel *lineLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString visibleText(const QLabel *label)
{
    return label->isHidden() ? QString() : label->text();
}
} // namespace

OutboxStatusView::OutboxStatusView(QWidget *parent)
    : QWidget(parent), m_delivery(lineLabel(this, u"lastDelivery"_s)), m_queue(lineLabel(this, u"queue"_s)),
      m_stopped(lineLabel(this, u"stopped"_s)), m_error(lineLabel(this, u"lastError"_s)),
      m_retry(new QPushButton(tr("Retry dead letters"), this)), m_resume(new QPushButton(tr("Resume"), this))
{
    setObjectName(u"outboxStatus"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // A stopped destination is a warning, not an error of one message: amber, with its own action.
    m_stopped->setStyleSheet(u"QLabel { color: #7a4f00; background: #fff3cd; border-radius: 4px; padding: 4px; }"_s);
    m_error->setStyleSheet(u"color: #a61b1b;"_s);
    m_retry->setObjectName(u"retryDeadLettersButton"_s);
    m_resume->setObjectName(u"resumeButton"_s);
    auto *stoppedRow = new QHBoxLayout;
    stoppedRow->addWidget(m_stopped, 1);
    stoppedRow->addWidget(m_resume, 0, Qt::AlignTop);
    layout->addWidget(m_delivery);
    layout->addWidget(m_queue);
    layout->addLayout(stoppedRow);
    layout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_summary)
            Q_EMIT retryRequested(m_summary->destination.name, m_summary->dead);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_summary)
            Q_EMIT resumeRequested(m_summary->destination.name);
    });
    setSummary(std::nullopt);
}

void OutboxStatusView::setSummary(const std::optional<OutboxSummary> &summary)
{
    m_summary = summary;
    setVisible(summary.has_value());
    if (!summary)
        return;
    const QDateTime last = summary->lastDeliveredAt;
    m_delivery->setText(last.isValid()
                            ? tr("Last delivery: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
                            : tr("Last delivery: none yet"));
    m_queue->setText(
        tr("Queue: %1 · Dead letters: %2")
            .arg(QLocale().toString(summary->pending + summary->sending), QLocale().toString(summary->dead)));
    const QString reason = summary->destination.stoppedReason;
    m_stopped->setText(reason.isEmpty() ? QString() : tr("Stopped: %1").arg(reason));
    m_stopped->setVisible(!reason.isEmpty());
    m_resume->setVisible(!reason.isEmpty());
    m_error->setText(summary->lastError.isEmpty() ? QString() : tr("Last error: %1").arg(summary->lastError));
    m_error->setVisible(!summary->lastError.isEmpty());
    m_retry->setEnabled(summary->dead > 0);
    m_retry->setAccessibleDescription(summary->destination.name);
    m_resume->setAccessibleDescription(summary->destination.name);
}

QString OutboxStatusView::deliveryText() const
{
    return isHidden() ? QString() : visibleText(m_delivery);
}

QString OutboxStatusView::queueText() const
{
    return isHidden() ? QString() : visibleText(m_queue);
}

QString OutboxStatusView::stoppedText() const
{
    return isHidden() ? QString() : visibleText(m_stopped);
}

QString OutboxStatusView::errorText() const
{
    return isHidden() ? QString() : visibleText(m_error);
}
