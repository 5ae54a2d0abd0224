// The add-containers dialog: pasted numbers are split and judged as you type, and only the valid ones
// are added, with the chosen provider, site and data fields, through the real backend and store.
#include "addcontainersdialog.h"
#include "consolefixture.h"
#include "storeconsolebackend.h"
#include "testdatabases.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestAddContainersDialog final : public QObject
{
    Q_OBJECT

private:
    QList<ProviderChoice> providers()
    {
        SystemClock clock;
        TestDatabase database(Store::Backend::Sqlite);
        auto store = Store::open(database.location(), testClock());
        return store ? StoreConsoleBackend(*store.value(), u"default"_s, clock).providers() : QList<ProviderChoice>();
    }

private Q_SLOTS:
    void parsesNumbers_data();
    void parsesNumbers();
    void marksValidityAsYouType();
    void okNeedsValidNumberAndRequiredFields();
    void addsValidOnes();
    void tabMovesOnInOrder();
};

void TestAddContainersDialog::parsesNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("numbers");
    QTest::addColumn<QList<bool>>("valid");
    const QString a = ConsoleFixture::number(u"MSCU100001"_s);
    const QString b = ConsoleFixture::number(u"TCNU200002"_s);
    QTest::newRow("one per line") << a + u'\n' + b << QStringList{a, b} << QList<bool>{true, true};
    QTest::newRow("commas and spaces") << a + u", "_s + b + u"  "_s << QStringList{a, b} << QList<bool>{true, true};
    QTest::newRow("semicolons, tabs, lower case")
        << a.toLower() + u";\t"_s + b << QStringList{a, b} << QList<bool>{true, true};
    QTest::newRow("duplicates once") << a + u' ' + a.toLower() << QStringList{a} << QList<bool>{true};
    QTest::newRow("bad check digit") << a.left(10) + u'X' << QStringList{a.left(10) + u'X'} << QList<bool>{false};
    QTest::newRow("too short") << u"ABCU12"_s << QStringList{u"ABCU12"_s} << QList<bool>{false};
    QTest::newRow("empty") << u"  \n , "_s << QStringList{} << QList<bool>{};
}

void TestAddContainersDialog::parsesNumbers()
{
    QFETCH(QString, text);
    QFETCH(QStringList, numbers);
    QFETCH(QList<bool>, valid);
    const QList<ContainerNumberCheck> checks = AddContainersDialog::parseNumbers(text);
    QCOMPARE(checks.size(), numbers.size());
    for (qsizetype i = 0; i < checks.size(); ++i) {
        QCOMPARE(checks[i].normalized, numbers[i]);
        QCOMPARE(checks[i].valid, valid[i]);
        QCOMPARE(checks[i].reason.isEmpty(), valid[i]);
    }
}

void TestAddContainersDialog::marksValidityAsYouType()
{
    AddContainersDialog dialog(providers());
    dialog.show();
    const QString good = ConsoleFixture::number(u"MSCU100001"_s);
    QTest::keyClicks(dialog.numbersEdit(), good.left(10));
    QCOMPARE(dialog.verdictList()->count(), 1);
    QVERIFY(dialog.verdictList()->item(0)->text().startsWith(u"✗"_s));
    QCOMPARE(dialog.verdictList()->item(0)->data(Qt::UserRole).toBool(), false);
    QTest::keyClicks(dialog.numbersEdit(), good.right(1));
    QCOMPARE(dialog.verdictList()->count(), 1);
    QCOMPARE(dialog.verdictList()->item(0)->text(), u"✓ "_s + good);
    QTest::keyClicks(dialog.numbersEdit(), u", abcu1234567"_s);
    QCOMPARE(dialog.verdictList()->count(), 2);
    QVERIFY(dialog.verdictList()->item(1)->text().startsWith(u"✗ ABCU1234567: "_s));
    QCOMPARE(dialog.validCount(), 1);
}

void TestAddContainersDialog::okNeedsValidNumberAndRequiredFields()
{
    AddContainersDialog dialog(providers());
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog.providerCombo()->currentData().toString(), u"ports_america"_s);
    QCOMPARE(dialog.siteCombo()->count(), 4);
    QVERIFY(dialog.siteCombo()->findData(u"PNCT_NJ"_s) >= 0);
    QLineEdit *trucker = dialog.dataFieldEdit(u"truckingCompanyCode"_s);
    QVERIFY(trucker);
    QVERIFY(!ok->isEnabled());
    dialog.setNumbersText(ConsoleFixture::number(u"MSCU100001"_s));
    QVERIFY(!ok->isEnabled()); // the trucking company code is required
    trucker->setText(u"PFCH"_s);
    QVERIFY(ok->isEnabled());
    dialog.setNumbersText(u"NOTANUMBER"_s);
    QVERIFY(!ok->isEnabled());
}

void TestAddContainersDialog::addsValidOnes()
{
    TestDatabase database(Store::Backend::Sqlite);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    auto store = Store::open(database.location(), testClock());
    QVERIFY(store);
    SystemClock clock;
    StoreConsoleBackend backend(*store.value(), u"default"_s, clock);
    AddContainersDialog dialog(backend.providers());
    const QString a = ConsoleFixture::number(u"MSCU100001"_s);
    const QString b = ConsoleFixture::number(u"TCNU200002"_s);
    dialog.setNumbersText(a + u"\nBADU0000000, "_s + b.toLower());
    dialog.siteCombo()->setCurrentIndex(dialog.siteCombo()->findData(u"OCT"_s));
    dialog.dataFieldEdit(u"truckingCompanyCode"_s)->setText(u" PFCH "_s);
    dialog.referenceEdit()->setText(u"PO-77"_s);
    const QList<WatchEntry> entries = dialog.entries();
    QCOMPARE(entries.size(), 2);
    QSignalSpy changed(&backend, &ConsoleBackend::watchlistChanged);
    const Result<int> added = backend.addContainers(entries);
    QVERIFY(added);
    QCOMPARE(added.value(), 2);
    QCOMPARE(changed.size(), 1);
    const auto stored = store.value()->container(u"default"_s, b);
    QVERIFY(stored && stored->has_value());
    QCOMPARE(stored->value().site, u"OCT"_s);
    QCOMPARE(stored->value().provider, u"ports_america"_s);
    QCOMPARE(stored->value().reference, u"PO-77"_s);
    QCOMPARE(stored->value().providerData.value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
    // Adding the same again creates nothing new.
    const Result<int> again = backend.addContainers(entries);
    QVERIFY(again);
    QCOMPARE(again.value(), 0);
}

// Tab is never typed into the numbers box, and from the last data field it goes on to the reference
// and the buttons, never back into the numbers box.
void TestAddContainersDialog::tabMovesOnInOrder()
{
    AddContainersDialog dialog(providers());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QLineEdit *trucking = dialog.dataFieldEdit(u"truckingCompanyCode"_s);
    QVERIFY(trucking);
    QCOMPARE(trucking->accessibleName(), u"Trucking company code"_s);
    dialog.numbersEdit()->setFocus();
    QTest::keyClicks(dialog.numbersEdit(), ConsoleFixture::number(u"MSCU100001"_s));
    QTest::keyClick(dialog.numbersEdit(), Qt::Key_Tab);
    QVERIFY(!dialog.numbersEdit()->toPlainText().contains(u'\t'));
    QVERIFY(!dialog.numbersEdit()->hasFocus());
    QList<QWidget *> visited;
    for (int i = 0; i < 8; ++i) {
        visited.append(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    const qsizetype atTrucking = visited.indexOf(trucking);
    QVERIFY(atTrucking >= 0);
    QCOMPARE(visited.value(atTrucking + 1), dialog.referenceEdit());
    QVERIFY(dialog.buttons()->isAncestorOf(visited.value(atTrucking + 2)));
    QVERIFY(visited.indexOf(dialog.providerCombo()) < atTrucking);
}

QTEST_MAIN(TestAddContainersDialog)
#include "tst_addcontainersdialog.moc"
