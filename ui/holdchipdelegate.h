#pragma once

#include <QStyledItemDelegate>

// Draws a container's holds as small coloured chips with their type, so a coordinator sees at a
// glance which kind of hold blocks a pickup. Any cell carrying WatchlistModel::HoldTypesRole gets chips;
// other cells are drawn as usual.
class HoldChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
