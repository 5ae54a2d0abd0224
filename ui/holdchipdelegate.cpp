#include "holdchipdelegate.h"

#include "hold.h"
#include "statuspresentation.h"
#include "watchlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int chipPadding = 5;
constexpr int chipSpacing = 4;
constexpr int cellMargin = 3;

// Black or white text, whichever reads better on the chip's colour.
QColor textColorOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

int chipWidth(const QFontMetrics &metrics, const QString &label)
{
    return metrics.horizontalAdvance(label) + 2 * chipPadding;
}

QList<HoldType> typesOf(const QModelIndex &index)
{
    QList<HoldType> types;
    for (const QVariant &type : index.data(WatchlistModel::HoldTypesRole).toList())
        types.append(HoldType(type.toInt()));
    return types;
}

void drawChip(QPainter *painter, const QRect &chip, const QColor &color, const QString &label)
{
    QPainterPath path;
    path.addRoundedRect(chip, chip.height() / 2.0, chip.height() / 2.0);
    painter->fillPath(path, color);
    painter->setPen(textColorOn(color));
    painter->drawText(chip, Qt::AlignCenter, label);
}
} // namespace

QString HoldChipDelegate::moreText(int hidden)
{
    return QStringLiteral("+%1").arg(hidden);
}

HoldChipDelegate::Layout HoldChipDelegate::layoutFor(const QList<HoldType> &types, const QFontMetrics &metrics,
                                                     int width)
{
    // As many chips as fit together with the "+N" of the rest; with none fitting, "+N" alone.
    const int available = width - 2 * cellMargin;
    const int count = int(types.size());
    for (int shown = count; shown > 0; --shown) {
        int needed = 0;
        for (int i = 0; i < shown; ++i)
            needed += chipWidth(metrics, StatusPresentation::holdLabel(types[i])) + (i > 0 ? chipSpacing : 0);
        if (shown < count)
            needed += chipSpacing + chipWidth(metrics, moreText(count - shown));
        if (needed <= available)
            return {shown, count - shown};
    }
    return {0, count};
}

void HoldChipDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(WatchlistModel::HoldTypesRole).isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QList<HoldType> types = typesOf(index);
    const QFontMetrics metrics(option.font);
    const Layout layout = layoutFor(types, metrics, option.rect.width());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 2);
    int x = option.rect.left() + cellMargin;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    for (int i = 0; i < layout.shown; ++i) {
        const QString label = StatusPresentation::holdLabel(types[i]);
        const QRect chip(x, y, chipWidth(metrics, label), height);
        drawChip(painter, chip, StatusPresentation::holdColor(types[i]), label);
        x += chip.width() + chipSpacing;
    }
    if (layout.hidden > 0) {
        const QString more = moreText(layout.hidden);
        drawChip(painter, QRect(x, y, chipWidth(metrics, more), height), QColor(0x42, 0x42, 0x42), more);
    }
    painter->restore();
}

QSize HoldChipDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(WatchlistModel::HoldTypesRole).isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    int width = 2 * cellMargin;
    for (const HoldType type : typesOf(index))
        width += chipWidth(metrics, StatusPresentation::holdLabel(type)) + chipSpacing;
    return {width, metrics.height() + 6};
}
