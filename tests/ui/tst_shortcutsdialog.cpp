// Help → Keyboard shortcuts: the table lists exactly the shortcuts it is given, in native key text,
// skips actions without keys or text, and is closed from the keyboard.
#include "shortcutsdialog.h"

#include <QAction>
#include <QLabel>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestShortcutsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyListSaysSo();
    void fromActionsSkipsWhatCannotBeListed();
    void listsEntriesInOrder();
    void escapeCloses();
};

void TestShortcutsDialog::emptyListSaysSo()
{
    ShortcutsDialog dialog({});
    QCOMPARE(dialog.table()->rowCount(), 0);
    QVERIFY(dialog.findChild<QLabel *>());
}

void TestShortcutsDialog::fromActionsSkipsWhatCannotBeListed()
{
    QAction noKeys(u"Trace now"_s);
    QAction noText;
    noText.setShortcut(QKeySequence(Qt::Key_F6));
    QAction exportAction(u"&Export…"_s);
    exportAction.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    const QList<ShortcutEntry> entries = ShortcutsDialog::fromActions({&noKeys, &noText, &exportAction});
    QCOMPARE(entries, (QList<ShortcutEntry>{{QKeySequence(Qt::CTRL | Qt::Key_E), u"Export"_s}}));
}

void TestShortcutsDialog::listsEntriesInOrder()
{
    ShortcutsDialog dialog({{QKeySequence::Find, u"Filter the watchlist"_s},
                            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), u"Export a report"_s},
                            {QKeySequence(Qt::Key_F5), u"Sync now"_s}});
    QCOMPARE(dialog.windowTitle(), u"Keyboard shortcuts"_s);
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), u"Keys"_s);
    QCOMPARE(table->item(0, 0)->text(), u"Ctrl+F"_s);
    QCOMPARE(table->item(0, 1)->text(), u"Filter the watchlist"_s);
    QCOMPARE(table->item(1, 0)->text(), u"Ctrl+Shift+E"_s);
    QCOMPARE(table->item(2, 0)->text(), u"F5"_s);
    QCOMPARE(table->item(2, 0)->data(Qt::AccessibleTextRole).toString(), u"F5: Sync now"_s);
    QCOMPARE(table->accessibleName(), u"Keyboard shortcuts"_s);
}

void TestShortcutsDialog::escapeCloses()
{
    ShortcutsDialog dialog({{QKeySequence(Qt::Key_F5), u"Sync now"_s}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
