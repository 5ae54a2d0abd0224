// File → Export…: every report kind of the CLI from the GUI, of the whole watchlist or a selection,
// as CSV for people (reading order, human headers, times in the site's zone with the offset, codes
// in words), written off the GUI thread through the real backend and store, with a clear error.
#include "consolefixture.h"
#include "exportdialog.h"
#include "seededconsole.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TestExportDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsFolder;
    QTemporaryDir m_output;
    SeededConsole m_console;

    // Runs the dialog's export and returns the file's lines (empty on failure).
    QStringList exportLines(ExportDialog &dialog, const QString &name);

private Q_SLOTS:
    void initTestCase();
    void init();
    void unwritableFileIsAClearError();
    void offersEveryReportOfTheCli();
    void holdsForPeople();
    void watchlistSelectionInReadingOrder();
    void eventsInWords();
};

void TestExportDialog::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid() && m_output.isValid());
    ConsoleFixture::isolateSettings(m_settingsFolder.path(), u"tst_exportdialog"_s);
}

void TestExportDialog::init()
{
    const QString opened = m_console.reopen();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

QStringList TestExportDialog::exportLines(ExportDialog &dialog, const QString &name)
{
    const QString path = m_output.filePath(name);
    dialog.setPath(path);
    QSignalSpy finished(&dialog, &ExportDialog::finished);
    QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
    if (!finished.wait(20000) || !finished.constFirst().constFirst().toBool())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
}

void TestExportDialog::unwritableFileIsAClearError()
{
    ExportDialog dialog(*m_console.backend, {});
    dialog.setPath(m_output.filePath(u"missing-folder/report.csv"_s));
    QSignalSpy finished(&dialog, &ExportDialog::finished);
    dialog.startExport();
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QVERIFY2(dialog.statusLabel()->text().startsWith(u"Export failed: Cannot write "_s),
             qPrintable(dialog.statusLabel()->text()));
    QVERIFY(dialog.exportButton()->isEnabled());
    QVERIFY(!QFile::exists(m_output.filePath(u"missing-folder/report.csv"_s)));
}

void TestExportDialog::offersEveryReportOfTheCli()
{
    ExportDialog dialog(*m_console.backend, {});
    QStringList labels;
    for (int i = 0; i < dialog.kindBox()->count(); ++i)
        labels.append(dialog.kindBox()->itemText(i));
    QCOMPARE(labels, (QStringList{u"Watchlist"_s, u"Holds"_s, u"Last free days"_s, u"Events"_s, u"Audit log"_s,
                                  u"PortPro (TMS layout)"_s}));
    // Nothing selected: only the whole list can be exported.
    QVERIFY(dialog.wholeListButton()->isChecked());
    QVERIFY(!dialog.selectionButton()->isEnabled());
    ExportDialog withSelection(*m_console.backend, ConsoleFixture::numbers().mid(0, 2));
    QVERIFY(withSelection.selectionButton()->isChecked());
    QCOMPARE(withSelection.selectionButton()->text(), u"The 2 selected container(s)"_s);
    withSelection.setKind(ReportKind::Audit); // the audit log is the entity's, not the containers'
    QVERIFY(!withSelection.selectionButton()->isEnabled());
    QVERIFY(withSelection.request().numbers.isEmpty());
}

void TestExportDialog::holdsForPeople()
{
    ExportDialog dialog(*m_console.backend, {});
    dialog.setKind(ReportKind::Holds);
    const QStringList lines = exportLines(dialog, u"holds.csv"_s);
    QVERIFY2(lines.size() == 4, qPrintable(lines.join(u'\n'))); // header, A customs, C line + freight
    QCOMPARE(lines.at(0),
             u"Container,Reference,Hold,Provider's text,On hold since,Status,Last free day,Provider,Site"_s);
    const QString a = ConsoleFixture::numbers().at(0);
    const QStringList ofA = lines.filter(QRegularExpression(u"^"_s + a));
    QCOMPARE(ofA.size(), 1);
    // The fixture's hold since 2026-03-10 12:00 UTC is 05:00 at the Los Angeles terminal (PDT).
    QCOMPARE(ofA.at(0), a + u",PO-1001,Customs,customs hold,2026-03-10 05:00 UTC-07:00,Available,2026-03-09,"
                            "ports_america,WBCT_LA"_s);
    QVERIFY2(dialog.statusLabel()->text().startsWith(u"Exported 3 row(s) to "_s),
             qPrintable(dialog.statusLabel()->text()));
    // The export is audited, as the CLI's is.
    const auto audit = m_console.store->auditEntries(u"default"_s);
    QVERIFY(audit.ok() && !audit->isEmpty());
    QCOMPARE(audit->constLast().action, u"export"_s);
    QVERIFY(audit->constLast().detail.contains(u"holds.csv"_s));
}

void TestExportDialog::watchlistSelectionInReadingOrder()
{
    const QStringList selected = ConsoleFixture::numbers().mid(3, 2); // D on vessel, E outgated
    ExportDialog dialog(*m_console.backend, selected);
    const QStringList lines = exportLines(dialog, u"watchlist.csv"_s);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(u"Container,Reference,Status,Holds,Last free day,Terminal LFD,Line LFD,"
                                    "Available,Demurrage,Vessel,Voyage,Vessel ETA"_s),
             qPrintable(lines.at(0)));
    QVERIFY(!lines.at(0).contains(u"provider_data"_s) && !lines.at(0).contains(u'_'));
    // Rows in container-number order: E (HLXU…) before D (OOLU…).
    QVERIFY2(lines.at(1).startsWith(selected.at(1) + u",PO-2000,Outgated,,2026-03-07,2026-03-07,,no,,MSC ANNA"_s),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(selected.at(0) + u",,On vessel,,,,,,,YANTIAN,042E,2026-03-13 05:00 UTC-07:00"_s),
             qPrintable(lines.at(2)));
}

void TestExportDialog::eventsInWords()
{
    ExportDialog dialog(*m_console.backend, {});
    dialog.setKind(ReportKind::Events);
    const QStringList lines = exportLines(dialog, u"events.csv"_s);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0),
             u"Container,Time,Seen by Quaywatch,Event,Provider's event,Location,Location type,Lot,Source"_s);
    QVERIFY2(lines.at(1).contains(u",2026-03-06 04:00 UTC-08:00,"_s), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).contains(u",Discharged from the vessel,Grounded,"_s));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
