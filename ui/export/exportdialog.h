#pragma once

#include "consolebackend.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

// File → Export…: every report the CLI writes (watchlist, holds, LFD, events, audit, each TMS layout), of
// the whole watchlist or the selected containers, as CSV for people: columns in reading order under
// translated headers, times in the site's zone with the offset, codes in words. The export runs off
// the window's thread through the backend; the dialog shows its progress and a clear error.
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(ConsoleBackend &backend, QStringList selection, QWidget *parent = nullptr);

    void setKind(ReportKind kind); // one of the fixed reports
    void setPath(const QString &path);
    void setSelectionOnly(bool selectionOnly);
    ConsoleExportRequest request() const;
    bool isRunning() const { return m_running; }

    QComboBox *kindBox() const { return m_kind; }
    QRadioButton *wholeListButton() const { return m_whole; }
    QRadioButton *selectionButton() const { return m_selected; }
    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *exportButton() const { return m_export; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *progressBar() const { return m_progress; }

    static QString kindLabel(ReportKind kind);
    // The label of a report by name: a fixed one's, or "<destination> (TMS layout)".
    static QString reportLabel(const QString &name);
    // The report's codes in the console's language (statuses, hold types, event codes).
    static QString codeText(const QString &key, const QString &code);

public Q_SLOTS:
    void startExport();

Q_SIGNALS:
    void finished(bool ok);

private:
    void browse();
    void updateScope();
    void onFinished(const Result<qint64> &rows);

    ConsoleBackend &m_backend;
    QStringList m_selection;
    QComboBox *m_kind;
    QRadioButton *m_whole;
    QRadioButton *m_selected;
    QLineEdit *m_path;
    QCheckBox *m_excel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_export;
    QDialogButtonBox *m_buttons;
    bool m_running = false;
};
