#include "containerdetailpane.h"

#include "consolebackend.h"
#include "eventtimelinemodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

ContainerDetailPane::ContainerDetailPane(ConsoleBackend &backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new EventTimelineModel(this)), m_title(new QLabel(this)),
      m_view(new QTableView(this)), m_payload(new QPlainTextEdit(this))
{
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payload->setPlaceholderText(tr("Select an event to see the provider's payload behind it."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_payload);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ContainerDetailPane::showPayload);
    clear();
}

void ContainerDetailPane::showContainer(const WatchlistRow &row)
{
    const QTimeZone zone = m_backend.siteTimeZone(row.provider, row.site);
    const QString zoneName = zone.isValid() ? QString::fromUtf8(zone.id()) : tr("UTC");
    Result<QList<Event>> events = m_backend.events(row.id);
    m_payload->clear();
    if (!events) {
        m_model->clear();
        m_title->setText(tr("%1: cannot read the events: %2").arg(row.number, events.error().message));
        return;
    }
    m_title->setText(
        tr("%1 at %2 (times in %3), %n event(s)", nullptr, int(events->size())).arg(row.number, row.site, zoneName));
    m_model->setEvents(std::move(events.value()), zone);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    m_view->resizeColumnsToContents();
}

void ContainerDetailPane::clear()
{
    m_model->clear();
    m_payload->clear();
    m_title->setText(tr("Select a container to see its event timeline."));
}

void ContainerDetailPane::showPayload()
{
    const QModelIndex current = m_view->currentIndex();
    m_payload->setPlainText(current.isValid() ? current.data(EventTimelineModel::RawPayloadRole).toString()
                                              : QString());
}
