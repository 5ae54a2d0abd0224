#include "importdialog.h"

#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

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
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import spreadsheet"));
    m_provider->addItem(tr("(from the file)"), QString());
    for (const ProviderChoice &provider : providers)
        m_provider->addItem(provider.displayName, provider.id);
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
    const ImportMapping guessed = ImportMapping::guess(m_table);
    const std::optional<ImportMapping> recalled = ImportMapping::recallFor(m_settings, m_table);
    m_recalled = recalled.has_value();
    rebuildPreview();
    applyMapping(recalled ? *recalled : guessed);
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
    m_keyEdits.clear();
    for (int column = 0; column < width; ++column) {
        auto *box = new QComboBox(m_preview);
        for (const ImportField field : ImportMapping::allFields())
            box->addItem(fieldLabel(field), int(field));
        auto *key = new QLineEdit(m_preview);
        key->setPlaceholderText(tr("data field name"));
        m_preview->setCellWidget(fieldRow, column, box);
        m_preview->setCellWidget(keyRow, column, key);
        m_fieldBoxes.append(box);
        m_keyEdits.append(key);
        connect(box, &QComboBox::currentIndexChanged, this, &ImportDialog::updateSummary);
        connect(key, &QLineEdit::textChanged, this, &ImportDialog::updateSummary);
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
        const QSignalBlocker keyBlocker(m_keyEdits.at(column));
        m_fieldBoxes.at(column)->setCurrentIndex(m_fieldBoxes.at(column)->findData(int(wanted.field)));
        m_keyEdits.at(column)->setText(wanted.dataKey);
    }
    updateSummary();
}

QComboBox *ImportDialog::fieldBox(int column) const
{
    return m_fieldBoxes.value(column);
}

QLineEdit *ImportDialog::dataKeyEdit(int column) const
{
    return m_keyEdits.value(column);
}

ImportMapping ImportDialog::mapping() const
{
    ImportMapping mapping;
    mapping.headerIndex = m_headerRow->value() - 1;
    for (int column = 0; column < m_fieldBoxes.size(); ++column) {
        const auto field = ImportField(m_fieldBoxes.at(column)->currentData().toInt());
        mapping.columns.append(
            {field, field == ImportField::ProviderData ? m_keyEdits.at(column)->text().trimmed() : QString()});
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
    if (!planned) {
        m_summary->setText(planned.error().message);
        return;
    }
    QString text = tr("%n container(s) to import", nullptr, int(planned->entries.size()));
    if (planned->duplicateRows > 0)
        text += tr(", %n repeated row(s) skipped", nullptr, planned->duplicateRows);
    if (!planned->errors.isEmpty()) {
        text += tr(", %n row(s) rejected:", nullptr, int(planned->errors.size()));
        for (qsizetype i = 0; i < std::min<qsizetype>(planned->errors.size(), 5); ++i) {
            const ImportRowError &error = planned->errors.at(i);
            text += u"\n"_s + tr("row %1: %2").arg(error.row).arg(error.reason);
        }
    }
    m_summary->setText(text);
}

void ImportDialog::accept()
{
    ImportMapping::remember(m_settings, layoutKey(), mapping());
    QDialog::accept();
}
