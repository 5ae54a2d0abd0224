#include "importdialog.h"

#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// The first two preview rows hold the per-column controls; the file's rows follow.
constexpr int fieldRow = 0;
constexpr int keyRow = 1;
constexpr int firstDataRow = 2;
} // namespace

ImportDialog::ImportDialog(const QList<ProviderChoice> &providers, Settings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_provider(new QComboBox(this)), m_site(new QLineEdit(this)),
      m_headerRow(new QSpinBox(this)), m_preview(new QTableWidget(this)), m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_rejected(new QListWidget(this))
{
    setWindowTitle(tr("Import spreadsheet"));
    m_provider->addItem(tr("(from the file)"), QString());
    for (const ProviderChoice &provider : providers) {
        m_provider->addItem(provider.displayName, provider.id);
        for (const ProviderDataFieldChoice &field : provider.dataFields) {
            const bool known = std::any_of(m_dataFields.cbegin(), m_dataFields.cend(),
                                           [&field](const ProviderDataFieldChoice &f) { return f.name == field.name; });
            if (!known)
                m_dataFields.append(field);
        }
    }
    m_provider->setAccessibleName(tr("Default provider"));
    m_site->setAccessibleName(tr("Default site"));
    m_headerRow->setAccessibleName(tr("Header row"));
    m_preview->setAccessibleName(tr("Preview of the file"));
    m_rejected->setObjectName(u"rejectedRows"_s);
    m_rejected->setAccessibleName(tr("Rejected rows"));
    m_rejected->setSelectionMode(QAbstractItemView::NoSelection);
    m_rejected->hide();
    m_site->setPlaceholderText(tr("(from the file)"));
    m_headerRow->setRange(0, previewRows);
    m_headerRow->setSpecialValueText(tr("no header row"));
    m_headerRow->setToolTip(tr("The file row that names the columns"));
    m_summary->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));

    auto *form = new QFormLayout;
    form->addRow(tr("Default provider:"), m_provider);
    form->addRow(tr("Default site:"), m_site);
    form->addRow(tr("Header row:"), m_headerRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejected);
    layout->addWidget(m_buttons);
    resize(900, 560);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &ImportDialog::updateSummary);
    connect(m_site, &QLineEdit::textChanged, this, &ImportDialog::updateSummary);
    connect(m_headerRow, &QSpinBox::valueChanged, this, &ImportDialog::updateSummary);
}

QString ImportDialog::fieldLabel(ImportField field) const
{
    switch (field) {
    case ImportField::Ignore:
        return tr("(ignore)");
    case ImportField::ContainerNumber:
        return tr("Container number");
    case ImportField::Provider:
        return tr("Provider");
    case ImportField::Site:
        return tr("Site");
    case ImportField::Reference:
        return tr("Reference");
    case ImportField::BillOfLading:
        return tr("Bill of lading");
    case ImportField::Booking:
        return tr("Booking");
    case ImportField::ProviderData:
        return tr("Provider data field");
    }
    return {};
}

Result<void> ImportDialog::openFile(const QString &path, const QString &sheet)
{
    const Result<SpreadsheetTable> table = Importer::readFile(path, sheet);
    if (!table) {
        m_summary->setText(tr("Cannot import %1: %2").arg(QFileInfo(path).fileName(), table.error().message));
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return table.error();
    }
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    setTable(table.value());
    return {};
}

void ImportDialog::setTable(const SpreadsheetTable &table)
{
    m_table = table;
    ImportMapping guessed = ImportMapping::guess(m_table);
    guessDataFieldsByLabel(guessed);
    const std::optional<ImportMapping> recalled = ImportMapping::recallFor(m_settings, m_table);
    m_recalled = recalled.has_value();
    rebuildPreview();
    const ImportMapping &chosen = recalled ? *recalled : guessed;
    chooseDefaultProvider(chosen);
    applyMapping(chosen);
}

void ImportDialog::rebuildPreview()
{
    qsizetype width = 0;
    for (const SpreadsheetRow &row : m_table.rows)
        width = std::max(width, row.cells.size());
    const int shown = int(std::min<qsizetype>(m_table.rows.size(), previewRows));
    m_preview->clear();
    m_preview->setColumnCount(int(width));
    m_preview->setRowCount(firstDataRow + shown);
    m_fieldBoxes.clear();
    m_keyBoxes.clear();
    for (int column = 0; column < width; ++column) {
        auto *box = new QComboBox(m_preview);
        box->setAccessibleName(tr("Use column %1 as").arg(column + 1));
        for (const ImportField field : ImportMapping::allFields())
            box->addItem(fieldLabel(field), int(field));
        // The catalog's data fields by their labels; an unlisted key can still be typed.
        auto *key = new QComboBox(m_preview);
        key->setEditable(true);
        key->setInsertPolicy(QComboBox::NoInsert);
        key->setAccessibleName(tr("Data field of column %1").arg(column + 1));
        for (const ProviderDataFieldChoice &field : std::as_const(m_dataFields))
            key->addItem(field.label, field.name);
        key->setCurrentIndex(-1);
        key->lineEdit()->setPlaceholderText(tr("data field"));
        key->setEnabled(false);
        m_preview->setCellWidget(fieldRow, column, box);
        m_preview->setCellWidget(keyRow, column, key);
        m_fieldBoxes.append(box);
        m_keyBoxes.append(key);
        connect(box, &QComboBox::currentIndexChanged, this,
                [box, key] { key->setEnabled(ImportField(box->currentData().toInt()) == ImportField::ProviderData); });
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::updateSummary);
        connect(key, &QComboBox::currentTextChanged, this, &ImportDialog::updateSummary);
    }
    QStringList rowLabels{tr("Use as"), tr("Data field")};
    for (int r = 0; r < shown; ++r) {
        const SpreadsheetRow &row = m_table.rows.at(r);
        rowLabels.append(QString::number(row.number));
        for (int column = 0; column < row.cells.size(); ++column) {
            auto *item = new QTableWidgetItem(row.cells.at(column));
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_preview->setItem(firstDataRow + r, column, item);
        }
    }
    m_preview->setVerticalHeaderLabels(rowLabels);
}

void ImportDialog::applyMapping(const ImportMapping &mapping)
{
    {
        const QSignalBlocker blocker(m_headerRow);
        m_headerRow->setValue(mapping.headerIndex + 1);
    }
    for (int column = 0; column < m_fieldBoxes.size(); ++column) {
        const ImportColumn wanted = mapping.columns.value(column);
        const QSignalBlocker boxBlocker(m_fieldBoxes.at(column));
        const QSignalBlocker keyBlocker(m_keyBoxes.at(column));
        m_fieldBoxes.at(column)->setCurrentIndex(m_fieldBoxes.at(column)->findData(int(wanted.field)));
        m_keyBoxes.at(column)->setEnabled(wanted.field == ImportField::ProviderData);
        setDataKey(m_keyBoxes.at(column), wanted.dataKey);
    }
    updateSummary();
}

QComboBox *ImportDialog::fieldBox(int column) const
{
    return m_fieldBoxes.value(column);
}

QLineEdit *ImportDialog::dataKeyEdit(int column) const
{
    const QComboBox *box = m_keyBoxes.value(column);
    return box ? box->lineEdit() : nullptr;
}

QComboBox *ImportDialog::dataFieldBox(int column) const
{
    return m_keyBoxes.value(column);
}

// The chosen field's catalog name; typed text is taken as a label first, then as a key.
QString ImportDialog::dataKeyOf(const QComboBox *box) const
{
    QString text = box->currentText().trimmed();
    const int byLabel = box->findText(text, Qt::MatchFixedString);
    if (byLabel >= 0)
        return box->itemData(byLabel).toString();
    return text;
}

void ImportDialog::setDataKey(QComboBox *box, const QString &key)
{
    const int index = key.isEmpty() ? -1 : box->findData(key);
    box->setCurrentIndex(index);
    if (index < 0)
        box->setEditText(key);
}

// A column named like a catalog data field's label ("Trucking company code") is that field.
void ImportDialog::guessDataFieldsByLabel(ImportMapping &mapping) const
{
    if (mapping.headerIndex < 0)
        return;
    const auto squeezed = [](const QString &text) {
        QString out;
        for (const QChar c : text) {
            if (c.isLetterOrNumber())
                out.append(c.toLower());
        }
        return out;
    };
    const QStringList &header = m_table.rows.at(mapping.headerIndex).cells;
    for (qsizetype i = 0; i < std::min(header.size(), mapping.columns.size()); ++i) {
        if (mapping.columns.at(i).field != ImportField::Ignore)
            continue;
        for (const ProviderDataFieldChoice &field : m_dataFields) {
            if (!squeezed(header.at(i)).isEmpty() && squeezed(header.at(i)) == squeezed(field.label))
                mapping.columns[i] = {ImportField::ProviderData, field.name};
        }
    }
}

// "(from the file)" only when the file says which provider; otherwise the first the console traces.
void ImportDialog::chooseDefaultProvider(const ImportMapping &mapping)
{
    const bool fileNamesProvider = std::any_of(mapping.columns.cbegin(), mapping.columns.cend(),
                                               [](const ImportColumn &c) { return c.field == ImportField::Provider; });
    const QSignalBlocker blocker(m_provider);
    if (fileNamesProvider)
        m_provider->setCurrentIndex(0);
    else if (m_provider->currentIndex() <= 0 && m_provider->count() > 1)
        m_provider->setCurrentIndex(1);
}

ImportMapping ImportDialog::mapping() const
{
    ImportMapping mapping;
    mapping.headerIndex = m_headerRow->value() - 1;
    for (int column = 0; column < m_fieldBoxes.size(); ++column) {
        const auto field = ImportField(m_fieldBoxes.at(column)->currentData().toInt());
        mapping.columns.append(
            {field, field == ImportField::ProviderData ? dataKeyOf(m_keyBoxes.at(column)) : QString()});
    }
    return mapping;
}

ImportDefaults ImportDialog::defaults() const
{
    ImportDefaults defaults;
    defaults.entity = m_entity;
    defaults.provider = m_provider->currentData().toString();
    defaults.site = m_site->text().trimmed();
    return defaults;
}

Result<ImportPlan> ImportDialog::plan() const
{
    return Importer::plan(m_table, mapping(), defaults());
}

QString ImportDialog::layoutKey() const
{
    return ImportMapping::layoutKey(m_table, m_headerRow->value() - 1);
}

void ImportDialog::updateSummary()
{
    const Result<ImportPlan> planned = plan();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(planned.ok() && !planned->entries.isEmpty());
    m_rejected->clear();
    if (!planned) {
        m_rejected->hide();
        m_summary->setText(planned.error().message);
        return;
    }
    QString text = tr("%n container(s) to import", nullptr, int(planned->entries.size()));
    if (planned->duplicateRows > 0)
        text += tr(", %n repeated row(s) skipped", nullptr, planned->duplicateRows);
    if (!planned->errors.isEmpty())
        text += tr(", %n row(s) rejected (listed below)", nullptr, int(planned->errors.size()));
    // Every rejected row, in the dialog itself: the user fixes the mapping before importing.
    for (const ImportRowError &error : planned->errors)
        m_rejected->addItem(tr("row %1: %2").arg(error.row).arg(error.reason));
    m_rejected->setVisible(!planned->errors.isEmpty());
    m_summary->setText(text);
}

void ImportDialog::accept()
{
    ImportMapping::remember(m_settings, layoutKey(), mapping());
    QDialog::accept();
}
