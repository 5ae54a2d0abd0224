#include "subscriptionspage.h"

#include "changereferencedialog.h"
#include "clock.h"
#include "newsubscriptiondialog.h"
#include "providerregistry.h"
#include "subscriptionservice.h"
#include "subscriptiontablemodel.h"
#include "tracepublicationpanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// The name of the provider whose module takes subscriptions, from the catalog.
QString subscribingProviderName()
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    for (const CatalogProvider &provider : registry.catalog().providers()) {
        if (registry.capabilities(provider.id).subscriptions)
            return provider.displayName;
    }
    return {};
}
} // namespace

QString SubscriptionsPage::providerName() const
{
    const CatalogProvider *provider = m_service->subscribingEntry();
    return provider ? provider->displayName : QString();
}

SubscriptionsPage::SubscriptionsPage(SubscriptionService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new SubscriptionTableModel(this)), m_view(new QTableView(this)),
      m_tabs(new QTabWidget(this)), m_publications(new TracePublicationPanel(service, this)),
      m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_newButton(new QPushButton(tr("&New subscription…"), this)),
      m_referenceButton(new QPushButton(tr("Change &reference…"), this)),
      m_removeButton(new QPushButton(tr("Re&move"), this)),
      m_reconcileButton(new QPushButton(tr("&Compare with %1").arg(subscribingProviderName()), this))
{
    m_tabs->addTab(buildSubscriptionsTab(), tr("&%1 subscriptions").arg(subscribingProviderName()));
    m_tabs->addTab(m_publications, tr("&Trace publishing"));
    m_progress->setRange(0, 0); // busy: the service does not know how long the provider takes
    m_progress->setMaximumWidth(160);
    m_progress->setAccessibleName(tr("Working"));
    m_progress->hide();
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setAccessibleName(tr("Status"));
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(statusRow);

    connect(m_service, &SubscriptionService::busyChanged, this, &SubscriptionsPage::setBusy);
    connect(m_service, &SubscriptionService::progress, this, [this](const QString &message) {
        m_status->setStyleSheet(QString());
        m_status->setText(message);
    });
    connect(m_service, &SubscriptionService::finished, this, &SubscriptionsPage::showOutcome);
    connect(m_service, &SubscriptionService::subscriptionsChanged, this, &SubscriptionsPage::refresh);
    connect(m_publications, &TracePublicationPanel::problem, this, &SubscriptionsPage::showProblem);
    refresh();
}

QWidget *SubscriptionsPage::buildSubscriptionsTab()
{
    auto *tab = new QWidget(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->setAccessibleName(tr("%1 subscriptions").arg(subscribingProviderName()));
    m_newButton->setToolTip(tr("Subscribe container or booking numbers (Ctrl+N)"));
    m_removeButton->setToolTip(tr("Remove the selected subscriptions (Delete)"));
    m_reconcileButton->setToolTip(tr("Bring this list in line with %1's own list of subscriptions; nothing is "
                                     "changed at %1")
                                      .arg(subscribingProviderName()));
    auto *refreshButton = new QPushButton(tr("Re&fresh"), tab);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_referenceButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    buttons->addWidget(m_reconcileButton);
    buttons->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_newButton, &QPushButton::clicked, this, &SubscriptionsPage::openNewSubscriptionDialog);
    connect(m_referenceButton, &QPushButton::clicked, this, &SubscriptionsPage::openChangeReferenceDialog);
    connect(m_removeButton, &QPushButton::clicked, this, &SubscriptionsPage::confirmRemove);
    connect(refreshButton, &QPushButton::clicked, this, &SubscriptionsPage::refresh);
    connect(m_reconcileButton, &QPushButton::clicked, this, [this] { m_service->reconcile(); });
    auto *newShortcut = new QShortcut(QKeySequence::New, tab);
    newShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(newShortcut, &QShortcut::activated, m_newButton, &QPushButton::click);
    auto *removeShortcut = new QShortcut(QKeySequence::Delete, m_view);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, m_removeButton, &QPushButton::click);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SubscriptionsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SubscriptionsPage::updateButtons);
    return tab;
}

void SubscriptionsPage::refresh()
{
    const QStringList selected = selectedNumbers();
    auto records = m_service->subscriptions();
    if (!records) {
        showProblem(records.error().message);
        return;
    }
    m_model->setRecords(records.value(), m_service->clock().now());
    m_view->resizeColumnsToContents();
    selectNumbers(selected);
}

QStringList SubscriptionsPage::selectedNumbers() const
{
    QStringList numbers;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        numbers.append(index.data(SubscriptionTableModel::RecordNumberRole).toString());
    return numbers;
}

void SubscriptionsPage::selectNumbers(const QStringList &numbers)
{
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (numbers.contains(m_model->record(row)->number))
            selection.select(m_model->index(row, 0), m_model->index(row, SubscriptionTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

NewSubscriptionDialog *SubscriptionsPage::openNewSubscriptionDialog()
{
    auto *dialog = new NewSubscriptionDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_service->subscribe(dialog->request()))
            showProblem(tr("Another operation is still running; try again when it is done"));
    });
    dialog->open();
    return dialog;
}

ChangeReferenceDialog *SubscriptionsPage::openChangeReferenceDialog()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.isEmpty())
        return nullptr;
    QList<SubscriptionRecord> chosen;
    for (const SubscriptionRecord &record : m_model->records()) {
        if (numbers.contains(record.number))
            chosen.append(record);
    }
    auto validator = [chosen, service = m_service](const QString &reference) {
        QStringList problems;
        for (const SubscriptionRecord &record : chosen)
            problems += service->referenceProblems(record, reference);
        problems.removeDuplicates();
        return problems;
    };
    auto *dialog = new ChangeReferenceDialog(chosen.value(0).reference, int(chosen.size()), validator, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, numbers] {
        if (!m_service->changeReference(numbers, dialog->reference()))
            showProblem(tr("Another operation is still running; try again when it is done"));
    });
    dialog->open();
    return dialog;
}

QMessageBox *SubscriptionsPage::confirmRemove()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.isEmpty())
        return nullptr;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Remove subscriptions"),
        tr("Remove %n subscription(s) at %1? No more callbacks will come for: %2", nullptr, int(numbers.size()))
            .arg(providerName(), numbers.join(u", "_s)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, numbers](int result) {
        if (result == QMessageBox::Yes && !m_service->remove(numbers))
            showProblem(tr("Another operation is still running; try again when it is done"));
    });
    box->open();
    return box;
}

void SubscriptionsPage::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    updateButtons();
}

void SubscriptionsPage::showOutcome(bool ok, const QString &message)
{
    if (!ok) {
        showProblem(message);
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(message);
}

void SubscriptionsPage::showProblem(const QString &message)
{
    m_status->setStyleSheet(u"color: #b00020;"_s);
    m_status->setText(message);
}

void SubscriptionsPage::updateButtons()
{
    const bool idle = !m_service->busy();
    const bool selected = !selectedNumbers().isEmpty();
    m_newButton->setEnabled(idle);
    m_referenceButton->setEnabled(idle && selected);
    m_removeButton->setEnabled(idle && selected);
    m_reconcileButton->setEnabled(idle && m_service->subscribingEntry() != nullptr);
}
