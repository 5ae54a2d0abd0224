#pragma once

#include "consolebackend.h"
#include "importer.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class Settings;
class QSpinBox;
class QTableWidget;

// The column-mapping dialog of spreadsheet intake: shows the first rows of the file, what each
// column is taken for (container number, provider, site, reference, B/L, booking, a provider data
// field offered by its catalog label, or nothing), which row is the header, and the defaults for rows
// without a provider or site (a file without a provider column starts with a provider chosen, not
// "from the file", which would reject every row). Every rejected row is listed in the dialog.
// The choice is remembered per file layout (a hash of the header) in the given settings, so the
// next daily report of the same layout opens already mapped. The dialog only plans: the caller
// stores plan() in one transaction (Importer::commit) and shows the report.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(const QList<ProviderChoice> &providers, Settings &settings, QWidget *parent = nullptr);

    // Reads the file and recalls (or guesses) its mapping; the error is shown and returned.
    Result<void> openFile(const QString &path, const QString &sheet = {});
    void setTable(const SpreadsheetTable &table);
    void setEntity(const QString &entity) { m_entity = entity; }

    ImportMapping mapping() const;
    ImportDefaults defaults() const;
    Result<ImportPlan> plan() const;
    QString layoutKey() const;
    bool mappingWasRemembered() const { return m_recalled; }

    QTableWidget *preview() const { return m_preview; }
    QComboBox *fieldBox(int column) const;
    QLineEdit *dataKeyEdit(int column) const;  // the editable text of dataFieldBox
    QComboBox *dataFieldBox(int column) const; // the catalog's data fields by label; a key can be typed
    QListWidget *rejectedList() const { return m_rejected; }
    QComboBox *providerBox() const { return m_provider; }
    QLineEdit *siteEdit() const { return m_site; }
    QSpinBox *headerRowBox() const { return m_headerRow; }
    QLabel *summaryLabel() const { return m_summary; }

    static constexpr int previewRows = 20;

public Q_SLOTS:
    void accept() override; // remembers the mapping for this layout

private:
    void applyMapping(const ImportMapping &mapping);
    void rebuildPreview();
    void updateSummary();
    QString fieldLabel(ImportField field) const;
    QString dataKeyOf(const QComboBox *box) const;
    void setDataKey(QComboBox *box, const QString &key);
    void guessDataFieldsByLabel(ImportMapping &mapping) const;
    void chooseDefaultProvider(const ImportMapping &mapping);

    Settings &m_settings;
    QString m_entity = QStringLiteral("default");
    SpreadsheetTable m_table;
    bool m_recalled = false;
    QComboBox *m_provider;
    QLineEdit *m_site;
    QSpinBox *m_headerRow;
    QTableWidget *m_preview;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QList<QComboBox *> m_fieldBoxes;
    QList<QComboBox *> m_keyBoxes;
    QList<ProviderDataFieldChoice> m_dataFields; // of every provider, each name once
    QListWidget *m_rejected;
};
