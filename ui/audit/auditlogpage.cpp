#include "auditlogpage.h"

#include "auditlogmodel.h"
#include "consolebackend.h"
#include "exporter.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

AuditLogPage::AuditLogPage(ConsoleBackend &backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_entity(backend.entity()), m_model(new AuditLogModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_status(new QLabel(this))
{
    setObjectName(u"auditLogPage"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setObjectName(u"auditFilter"_s);
    m_filter->setPlaceholderText(tr("Filter (user, provider, action, outcome, detail)"));
    m_filter->setAccessibleName(tr("Filter the audit log"));
    m_filter->setClearButtonEnabled(true);
    auto *exportButton = new QPushButton(tr("&Export CSV..."), this);
    exportButton->setObjectName(u"exportButton"_s);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Audit log"), this), 1);
    top->addWidget(m_filter, 2);
    top->addWidget(refreshButton);
    top->addWidget(exportButton);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(refreshButton, &QPushButton::clicked, this, &AuditLogPage::refresh);
    connect(exportButton, &QPushButton::clicked, this, &AuditLogPage::chooseExportFile);
    refresh();
}

void AuditLogPage::setEntity(const QString &entity)
{
    m_entity = entity;
    refresh();
}

void AuditLogPage::refresh()
{
    const int generation = ++m_generation;
    m_loading = true;
    m_status->setText(tr("Loading the audit log…"));
    m_status->show();
    m_backend.loadAuditInBackground(this, m_entity, [this, generation](Result<QList<AuditEntry>> entries) {
        if (generation == m_generation)
            takeEntries(std::move(entries));
    });
}

void AuditLogPage::takeEntries(Result<QList<AuditEntry>> entries)
{
    m_loading = false;
    if (!entries) {
        m_model->setEntries({});
        m_status->setText(tr("Cannot read the audit log: %1").arg(entries.error().message));
        Q_EMIT loaded();
        return;
    }
    QList<AuditEntry> list = std::move(entries).value();
    std::reverse(list.begin(), list.end()); // newest first
    m_model->setEntries(std::move(list));
    // Widths follow the rows (times, user names, actions are never cut); details take the rest.
    m_view->resizeColumnsToContents();
    m_status->hide();
    Q_EMIT loaded();
}

QString AuditLogPage::exportCsv(const QString &path) const
{
    QByteArray out;
    QStringList header;
    for (int column = 0; column < m_proxy->columnCount(); ++column)
        header.append(m_proxy->headerData(column, Qt::Horizontal).toString());
    Csv::appendRow(out, header);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < m_proxy->columnCount(); ++column)
            cells.append(m_proxy->index(row, column).data().toString());
        Csv::appendRow(out, cells);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

void AuditLogPage::chooseExportFile()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export audit log"), u"audit.csv"_s, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
}
