#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QAction;
class QTableWidget;

// One line of Help → Keyboard shortcuts: the keys and what they do, in the user's language.
struct ShortcutEntry
{
    QKeySequence keys;
    QString action;

    bool operator==(const ShortcutEntry &) const = default;
};

// Help → Keyboard shortcuts: the console's shortcuts as a read-only table, in the order given. The
// window hands in its list (or its actions), so the dialog can never name a shortcut that does not
// exist. Keys are shown in the platform's native text ("Ctrl+F").
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent = nullptr);

    // The entries of every action with a shortcut and a text (mnemonic "&" and "…" removed).
    static QList<ShortcutEntry> fromActions(const QList<QAction *> &actions);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
