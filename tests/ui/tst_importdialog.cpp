// The column-mapping dialog: guesses from the header, lets the user correct a column, previews the
// per-row errors, and remembers the mapping for the next file of the same layout.
#include "importdialog.h"
#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<ProviderChoice> providers()
{
    return {ProviderChoice{u"ports_america"_s, u"Ports America"_s, {}, {}}};
}

SpreadsheetTable dailyReport()
{
    SpreadsheetTable table;
    table.rows = {{1, {u"Daily report"_s}},
                  {2, {u"Unit"_s, u"Carrier Ref"_s, u"Trucker"_s}},
                  {3, {u"MSKU1234565"_s, u"R1"_s, u"PFCH"_s}},
                  {4, {u"ABCU1234567"_s, u"R2"_s, u"PFCH"_s}},
                  {5, {u"tghu 000000 8"_s, u"R3"_s, QString()}}};
    return table;
}

void choose(QComboBox *box, ImportField field)
{
    box->setCurrentIndex(box->findData(int(field)));
}

} // namespace

class TestImportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guessesAndPreviews();
    void userMappingIsRememberedPerLayout();
    void unreadableFileIsShown();
    void guessesDataFieldsByLabelAndCustomerRef();
    void providerColumnKeepsFromTheFile();
};

void TestImportDialog::guessesAndPreviews()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file); // a temporary settings instance, never the user's
    ImportDialog dialog(providers(), settings);
    dialog.setTable(dailyReport());
    QCOMPARE(dialog.headerRowBox()->value(), 2); // the title line is not the header
    QCOMPARE(ImportField(dialog.fieldBox(0)->currentData().toInt()), ImportField::ContainerNumber);
    QCOMPARE(ImportField(dialog.fieldBox(1)->currentData().toInt()), ImportField::Ignore);
    QCOMPARE(dialog.preview()->rowCount(), 2 + 5);

    // The file names no provider: the default is a provider, not "(from the file)" rejecting every row.
    QCOMPARE(dialog.providerBox()->currentData().toString(), u"ports_america"_s);
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    // With "(from the file)" every row is rejected, each listed in the dialog, and Import is off.
    dialog.providerBox()->setCurrentIndex(0);
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(dialog.rejectedList()->count(), 3);
    dialog.providerBox()->setCurrentIndex(dialog.providerBox()->findData(u"ports_america"_s));
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY2(dialog.summaryLabel()->text().contains(u"rejected (listed below)"_s),
             qPrintable(dialog.summaryLabel()->text()));
    QCOMPARE(dialog.rejectedList()->count(), 1);
    QVERIFY(dialog.rejectedList()->item(0)->text().startsWith(u"row 4: ABCU1234567"_s));
    QVERIFY(!dialog.rejectedList()->isHidden());
    const Result<ImportPlan> plan = dialog.plan();
    QVERIFY(plan.ok());
    QCOMPARE(plan->entries.size(), 2);
    QCOMPARE(plan->entries.at(1).containerNumber, u"TGHU0000008"_s);
}

void TestImportDialog::userMappingIsRememberedPerLayout()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file); // a temporary settings instance, never the user's
    {
        ImportDialog dialog(providers(), settings);
        dialog.setTable(dailyReport());
        QVERIFY(!dialog.mappingWasRemembered());
        choose(dialog.fieldBox(1), ImportField::Reference);
        choose(dialog.fieldBox(2), ImportField::ProviderData);
        dialog.dataKeyEdit(2)->setText(u"truckingCompanyCode"_s);
        dialog.providerBox()->setCurrentIndex(1);
        const Result<ImportPlan> plan = dialog.plan();
        QCOMPARE(plan->entries.constFirst().reference, u"R1"_s);
        QCOMPARE(plan->entries.constFirst().providerData.value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
        dialog.accept();
    }
    ImportDialog next(providers(), settings);
    SpreadsheetTable tomorrow = dailyReport();
    tomorrow.rows[2].cells[0] = u"CSQU3054383"_s;
    next.setTable(tomorrow);
    QVERIFY(next.mappingWasRemembered());
    QCOMPARE(ImportField(next.fieldBox(1)->currentData().toInt()), ImportField::Reference);
    QCOMPARE(next.dataKeyEdit(2)->text(), u"truckingCompanyCode"_s);
}

void TestImportDialog::unreadableFileIsShown()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file); // a temporary settings instance, never the user's
    const QString path = dir.filePath(u"fake.xlsx"_s);
    QFile workbook(path);
    QVERIFY(workbook.open(QIODevice::WriteOnly));
    workbook.write("not a workbook");
    workbook.close();
    ImportDialog dialog(providers(), settings);
    QVERIFY(!dialog.openFile(path).ok());
    QVERIFY(dialog.summaryLabel()->text().contains(u"not a ZIP archive"_s));
}

// "Customer Ref" is the reference; "Trucking company code" is the catalog's data field, offered and
// shown by its label while the plan carries the catalog name.
void TestImportDialog::guessesDataFieldsByLabelAndCustomerRef()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file);
    const QList<ProviderChoice> choices{ProviderChoice{
        u"ports_america"_s, u"Ports America"_s, {}, {{u"truckingCompanyCode"_s, u"Trucking company code"_s, true}}}};
    ImportDialog dialog(choices, settings);
    SpreadsheetTable table;
    table.rows = {{1, {u"Container"_s, u"Customer Ref"_s, u"Trucking Company Code"_s}},
                  {2, {u"MSKU1234565"_s, u"PO-9"_s, u"PFCH"_s}}};
    dialog.setTable(table);
    QCOMPARE(ImportField(dialog.fieldBox(1)->currentData().toInt()), ImportField::Reference);
    QCOMPARE(ImportField(dialog.fieldBox(2)->currentData().toInt()), ImportField::ProviderData);
    QCOMPARE(dialog.dataFieldBox(2)->currentText(), u"Trucking company code"_s);
    QVERIFY(dialog.dataFieldBox(2)->isEnabled());
    QVERIFY(!dialog.dataFieldBox(1)->isEnabled());
    QCOMPARE(dialog.dataFieldBox(2)->itemText(0), u"Trucking company code"_s);
    const Result<ImportPlan> plan = dialog.plan();
    QVERIFY(plan.ok());
    QCOMPARE(plan->entries.size(), 1);
    QCOMPARE(plan->entries.constFirst().reference, u"PO-9"_s);
    QCOMPARE(plan->entries.constFirst().providerData.value(u"truckingCompanyCode"_s).toString(), u"PFCH"_s);
    QVERIFY(dialog.rejectedList()->isHidden());
}

void TestImportDialog::providerColumnKeepsFromTheFile()
{
    QTemporaryDir dir;
    QSettings file(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    Settings settings(file);
    ImportDialog dialog(providers(), settings);
    SpreadsheetTable table;
    table.rows = {{1, {u"Container"_s, u"Provider"_s}}, {2, {u"MSKU1234565"_s, u"ports_america"_s}}};
    dialog.setTable(table);
    QCOMPARE(dialog.providerBox()->currentIndex(), 0);
    QCOMPARE(dialog.providerBox()->currentText(), u"(from the file)"_s);
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
