#include "holdchipdelegate.h"

#include "statuspresentation.h"
#include "watchlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int chipPadding = 5;
constexpr int chipSpacing = 4;

// Black or white text, whichever reads better on the chip's colour.
QColor textColorOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}
} // namespace

void HoldChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant types = index.data(WatchlistModel::HoldTypesRole);
    if (!types.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(option.font);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 2);
    int x = option.rect.left() + 3;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    for (const QVariant &type : types.toList()) {
        const HoldType holdType = HoldType(type.toInt());
        const QString label = StatusPresentation::holdLabel(holdType);
        const int width = metrics.horizontalAdvance(label) + 2 * chipPadding;
        if (x + width > option.rect.right())
            break;
        const QRect chip(x, y, width, height);
        const QColor color = StatusPresentation::holdColor(holdType);
        QPainterPath path;
        path.addRoundedRect(chip, height / 2.0, height / 2.0);
        painter->fillPath(path, color);
        painter->setPen(textColorOn(color));
        painter->drawText(chip, Qt::AlignCenter, label);
        x += width + chipSpacing;
    }
    painter->restore();
}

QSize HoldChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant types = index.data(WatchlistModel::HoldTypesRole);
    if (!types.isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    int width = 6;
    for (const QVariant &type : types.toList())
        width += metrics.horizontalAdvance(StatusPresentation::holdLabel(HoldType(type.toInt()))) + 2 * chipPadding +
                 chipSpacing;
    return {width, metrics.height() + 6};
}
