#include "savedviews.h"

#include "settings.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SavedViews", text);
}

const QStringList viewFields{u"name"_s, u"base"_s, u"filter"_s};
} // namespace

namespace SavedViews {

QList<SavedView> builtIn()
{
    return {
        {tr("All containers"), WatchlistView::All, {}, true},
        {tr("On hold"), WatchlistView::OnHold, {}, true},
        {tr("LFD within 2 days"), WatchlistView::LfdWithinTwoDays, {}, true},
        {tr("Available, not picked up"), WatchlistView::AvailableNotPickedUp, {}, true},
        {tr("Errors"), WatchlistView::Errors, {}, true},
    };
}

QList<SavedView> userViews()
{
    QList<SavedView> views;
    for (const QVariantMap &record : Settings().records(SettingKey::SavedViews, viewFields)) {
        SavedView view;
        view.name = record.value(u"name"_s).toString();
        const int base = record.value(u"base"_s).toInt();
        view.base = base >= 0 && base <= int(WatchlistView::Errors) ? WatchlistView(base) : WatchlistView::All;
        view.filterText = record.value(u"filter"_s).toString();
        if (!view.name.isEmpty())
            views.append(view);
    }
    return views;
}

void saveUserViews(const QList<SavedView> &views)
{
    QList<QVariantMap> records;
    for (const SavedView &view : views)
        records.append({{u"name"_s, view.name}, {u"base"_s, int(view.base)}, {u"filter"_s, view.filterText}});
    Settings().setRecords(SettingKey::SavedViews, records);
}

QList<SavedView> all()
{
    return builtIn() + userViews();
}

} // namespace SavedViews
