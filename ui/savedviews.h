#pragma once

#include "watchlistproxymodel.h"

#include <QList>
#include <QString>

// A named watchlist view: one of the built-in views plus filter text. The built-in ones always
// exist; the ones a coordinator saves are kept in Settings (SettingKey::SavedViews) so they are there tomorrow.
struct SavedView
{
    QString name;
    WatchlistView base = WatchlistView::All;
    QString filterText;
    bool builtIn = false;

    bool operator==(const SavedView &) const = default;
};

namespace SavedViews {
QList<SavedView> builtIn();
QList<SavedView> userViews(); // from Settings
void saveUserViews(const QList<SavedView> &views);
QList<SavedView> all(); // built-in first
} // namespace SavedViews
