#include "exportdialog.h"

#include "eventcode.h"
#include "eventtimelinemodel.h"
#include "outbound/fieldmapping.h"
#include "providerregistry.h"
#include "statuspresentation.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ExportDialog::ExportDialog(ConsoleBackend &backend, QStringList selection, QWidget *parent)
    : QDialog(parent), m_backend(backend), m_selection(std::move(selection)), m_kind(new QComboBox(this)),
      m_whole(new QRadioButton(tr("The whole watchlist"), this)), m_selected(new QRadioButton(this)),
      m_path(new QLineEdit(this)), m_excel(new QCheckBox(tr("For Excel (UTF-8 byte order mark)"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export a report"));
    ProviderRegistry::builtIn(); // registers the destinations' layouts, which reportNames() lists
    for (const QString &name : Exporter::reportNames())
        m_kind->addItem(reportLabel(name), name);
    m_kind->setAccessibleName(tr("Report"));
    m_selected->setText(tr("The %n selected container(s)", nullptr, int(m_selection.size())));
    m_selected->setEnabled(!m_selection.isEmpty());
    auto *scope = new QButtonGroup(this);
    scope->addButton(m_whole);
    scope->addButton(m_selected);
    (m_selection.isEmpty() ? m_whole : m_selected)->setChecked(true);
    m_path->setObjectName(u"exportPath"_s);
    m_path->setAccessibleName(tr("File"));
    m_path->setText(QDir::home().filePath(u"quaywatch-watchlist.csv"_s));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    m_progress->setRange(0, 0); // busy: the row count is not known before the end
    m_progress->hide();
    m_status->setObjectName(u"exportStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(u"exportButton"_s);
    m_export->setDefault(true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&Report:"), m_kind);
    form->addRow(tr("Containers:"), m_whole);
    form->addRow(QString(), m_selected);
    form->addRow(tr("&File:"), fileRow);
    form->addRow(QString(), m_excel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Columns in reading order with their names; times in each site's time zone "
                                    "with the UTC offset. The command line's --format json keeps the machine names."),
                                 this));
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setTabOrder(m_kind, m_whole);
    setTabOrder(m_whole, m_selected);
    setTabOrder(m_selected, m_path);
    setTabOrder(m_path, browseButton);
    setTabOrder(browseButton, m_excel);
    setTabOrder(m_excel, m_buttons);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateScope);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateScope();
    resize(560, 300);
}

QString ExportDialog::kindLabel(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Watchlist:
        return tr("Watchlist");
    case ReportKind::Holds:
        return tr("Holds");
    case ReportKind::Lfd:
        return tr("Last free days");
    case ReportKind::Events:
        return tr("Events");
    case ReportKind::Audit:
        return tr("Audit log");
    case ReportKind::FieldMapping:
        break;
    }
    return {};
}

QString ExportDialog::reportLabel(const QString &name)
{
    const std::optional<ReportKind> kind = Exporter::reportKindFromName(name);
    if (kind != ReportKind::FieldMapping)
        return kind ? kindLabel(*kind) : name;
    const std::optional<FieldMapping> mapping = FieldMappings::find(name);
    return tr("%1 (TMS layout)").arg(mapping ? mapping->title : name);
}

QString ExportDialog::codeText(const QString &key, const QString &code)
{
    if (key == "status"_L1) {
        const std::optional<ContainerStatus> status = containerStatusFromName(code);
        return status ? StatusPresentation::statusLabel(*status) : code;
    }
    if (key == "type"_L1) {
        const std::optional<HoldType> type = holdTypeFromName(code);
        return type ? StatusPresentation::holdLabel(*type) : code;
    }
    if (key == "code"_L1) {
        Event event;
        const std::optional<EventCode> known = eventCodeFromName(code);
        event.code = known.value_or(EventCode::Other);
        event.providerCode = code;
        return EventTimelineModel::describe(event, QTimeZone::utc());
    }
    return code;
}

void ExportDialog::setKind(ReportKind kind)
{
    for (int i = 0; i < m_kind->count(); ++i) {
        if (Exporter::reportKindFromName(m_kind->itemData(i).toString()) == kind) {
            m_kind->setCurrentIndex(i);
            return;
        }
    }
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::setSelectionOnly(bool selectionOnly)
{
    (selectionOnly && m_selected->isEnabled() ? m_selected : m_whole)->setChecked(true);
}

// The audit log is the entity's, not the containers': no selection there.
void ExportDialog::updateScope()
{
    const bool audit = Exporter::reportKindFromName(m_kind->currentData().toString()) == ReportKind::Audit;
    m_whole->setEnabled(!audit);
    m_selected->setEnabled(!audit && !m_selection.isEmpty());
    const QFileInfo current(m_path->text());
    if (current.fileName().startsWith("quaywatch-"_L1)) {
        m_path->setText(current.dir().filePath(u"quaywatch-"_s % m_kind->currentData().toString() % u".csv"_s));
    }
}

void ExportDialog::browse()
{
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(), tr("CSV files (*.csv);;All files (*)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

ConsoleExportRequest ExportDialog::request() const
{
    ConsoleExportRequest request;
    const QString name = m_kind->currentData().toString();
    request.kind = Exporter::reportKindFromName(name).value_or(ReportKind::Watchlist);
    if (request.kind == ReportKind::FieldMapping)
        request.fieldMapping = name;
    if (m_selected->isChecked() && m_selected->isEnabled())
        request.numbers = m_selection;
    request.path = m_path->text().trimmed();
    request.excelBom = m_excel->isChecked();
    request.codeText = &ExportDialog::codeText;
    return request;
}

void ExportDialog::startExport()
{
    if (m_running)
        return;
    const ConsoleExportRequest wanted = request();
    if (wanted.path.isEmpty()) {
        m_status->setText(tr("Choose the file to write the report to."));
        return;
    }
    m_running = true;
    m_export->setEnabled(false);
    m_progress->show();
    m_status->setText(tr("Exporting %1…").arg(m_kind->currentText()));
    QPointer<ExportDialog> self(this);
    m_backend.exportReportInBackground(
        this, wanted,
        [self](qint64 rows) {
            if (self)
                self->m_status->setText(tr("Exporting… %n row(s) written", nullptr, int(rows)));
        },
        [self](const Result<qint64> &rows) {
            if (self)
                self->onFinished(rows);
        });
}

void ExportDialog::onFinished(const Result<qint64> &rows)
{
    m_running = false;
    m_export->setEnabled(true);
    m_progress->hide();
    if (!rows) {
        m_status->setStyleSheet(u"color: #a61b1b;"_s);
        m_status->setText(tr("Export failed: %1").arg(rows.error().message));
        Q_EMIT finished(false);
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(
        tr("Exported %n row(s) to %1", nullptr, int(rows.value())).arg(QDir::toNativeSeparators(m_path->text())));
    Q_EMIT finished(true);
}
