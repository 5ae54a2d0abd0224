#pragma once

#include <QList>
#include <QStyledItemDelegate>

enum class HoldType;

// Draws a container's holds as small coloured chips with their type, so a coordinator sees at a
// glance which kind of hold blocks a pickup. Chips that do not fit the column give way to a "+N" chip
// (the cell's tooltip lists every hold), so a hold is never silently dropped. Any cell carrying
// WatchlistModel::HoldTypesRole gets chips; other cells are drawn as usual.
class HoldChipDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // How many chips of types fit in width, the rest shown as "+N" (0 when all fit).
    struct Layout
    {
        int shown = 0;
        int hidden = 0;
    };
    static Layout layoutFor(const QList<HoldType> &types, const QFontMetrics &metrics, int width);
    static QString moreText(int hidden); // "+2"

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
