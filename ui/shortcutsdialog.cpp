#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ShortcutsDialog::ShortcutsDialog(const QList<ShortcutEntry> &entries, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(int(entries.size()), 2, this))
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setObjectName(u"shortcutsTable"_s);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false); // Tab goes on to Close
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < int(entries.size()); ++row) {
        const ShortcutEntry &entry = entries.at(row);
        auto *keys = new QTableWidgetItem(entry.keys.toString(QKeySequence::NativeText));
        auto *action = new QTableWidgetItem(entry.action);
        // A screen reader reads the row as one sentence: "Ctrl+F: Filter the watchlist".
        keys->setData(Qt::AccessibleTextRole, tr("%1: %2").arg(keys->text(), entry.action));
        m_table->setItem(row, 0, keys);
        m_table->setItem(row, 1, action);
    }
    m_table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    if (entries.isEmpty())
        layout->addWidget(new QLabel(tr("No keyboard shortcuts are defined."), this));
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(460, 420);
}

QList<ShortcutEntry> ShortcutsDialog::fromActions(const QList<QAction *> &actions)
{
    QList<ShortcutEntry> entries;
    for (const QAction *action : actions) {
        QString text = action->text();
        text.remove(u'&');
        while (text.endsWith(u'…') || text.endsWith(u'.'))
            text.chop(1);
        if (action->shortcut().isEmpty() || text.isEmpty())
            continue;
        entries.append({action->shortcut(), text});
    }
    return entries;
}
