#include "notificationspanel.h"

#include "notificationcenter.h"

#include <QFontMetrics>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

NotificationsPanel::NotificationsPanel(NotificationCenter &center, QWidget *parent)
    : QWidget(parent), m_list(new QListView(this)), m_clear(new QPushButton(tr("Clear"), this))
{
    m_list->setModel(center.list());
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    auto *empty = new QLabel(tr("Holds released, containers available and LFDs tomorrow appear here."), this);
    empty->setWordWrap(true);
    empty->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_clear, 0, Qt::AlignRight);
    // Wide enough for a notification's sentence on two or three lines, never the ~70 px a dock
    // gives a widget without a size of its own.
    setMinimumWidth(fontMetrics().averageCharWidth() * 34);
    connect(m_clear, &QPushButton::clicked, center.list(), &NotificationListModel::clear);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT containerActivated(index.data(NotificationListModel::NumberRole).toString());
    });
}

QSize NotificationsPanel::sizeHint() const
{
    return {fontMetrics().averageCharWidth() * 45, QWidget::sizeHint().height()};
}
