#include "savedviews.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SavedViews", text);
}

const QString settingsArray = u"watchlist/views"_s;
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
    QSettings settings;
    QList<SavedView> views;
    const int count = settings.beginReadArray(settingsArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        SavedView view;
        view.name = settings.value(u"name"_s).toString();
        const int base = settings.value(u"base"_s).toInt();
        view.base = base >= 0 && base <= int(WatchlistView::Errors) ? WatchlistView(base) : WatchlistView::All;
        view.filterText = settings.value(u"filter"_s).toString();
        if (!view.name.isEmpty())
            views.append(view);
    }
    settings.endArray();
    return views;
}

void saveUserViews(const QList<SavedView> &views)
{
    QSettings settings;
    settings.remove(settingsArray);
    settings.beginWriteArray(settingsArray, int(views.size()));
    for (int i = 0; i < views.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"name"_s, views[i].name);
        settings.setValue(u"base"_s, int(views[i].base));
        settings.setValue(u"filter"_s, views[i].filterText);
    }
    settings.endArray();
}

QList<SavedView> all()
{
    return builtIn() + userViews();
}

} // namespace SavedViews
