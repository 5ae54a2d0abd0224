#include "tracepublicationpanel.h"

#include "providercatalog.h"
#include "subscriptionservice.h"
#include "tracepublicationmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

TracePublicationPanel::TracePublicationPanel(SubscriptionService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new TracePublicationModel(this)), m_view(new QTableView(this)),
      m_orgId(new QLineEdit(this)), m_svcId(new QLineEdit(this)), m_origin(new QLineEdit(this)),
      m_endpoint(new QLineEdit(this)), m_numbers(new QLineEdit(this)), m_provider(new QComboBox(this)),
      m_data(new QLineEdit(this)),
      m_normalize(new QCheckBox(tr("&Normalize (%1 validates the container)").arg(service->publisherName()), this)),
      m_publish(new QPushButton(tr("&Publish"), this)), m_traceNow(new QPushButton(tr("&Trace now"), this)),
      m_cancel(new QPushButton(tr("Cancel t&racing"), this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Published containers"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_traceNow);
    actions->addWidget(m_cancel);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSettings());
    layout->addWidget(buildPublishForm());
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    connect(m_publish, &QPushButton::clicked, this, &TracePublicationPanel::publish);
    connect(m_traceNow, &QPushButton::clicked, this, &TracePublicationPanel::traceNow);
    connect(m_cancel, &QPushButton::clicked, this, &TracePublicationPanel::cancelTracing);
    connect(m_service, &SubscriptionService::publicationsChanged, this, &TracePublicationPanel::refresh);
    connect(m_service, &SubscriptionService::busyChanged, this, &TracePublicationPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TracePublicationPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TracePublicationPanel::updateButtons);
    refresh();
}

QWidget *TracePublicationPanel::buildSettings()
{
    auto *box = new QGroupBox(tr("Publishing settings"), this);
    auto *form = new QFormLayout(box);
    m_orgId->setPlaceholderText(tr("UUID of your organization at %1").arg(m_service->publisherName()));
    m_svcId->setPlaceholderText(tr("UUID of the service"));
    m_endpoint->setPlaceholderText(tr("Empty: the catalog's events endpoint"));
    auto *save = new QPushButton(tr("&Save settings"), box);
    connect(save, &QPushButton::clicked, this, &TracePublicationPanel::saveSettings);
    form->addRow(tr("&orgId:"), m_orgId);
    form->addRow(tr("s&vcId:"), m_svcId);
    form->addRow(tr("&Origin:"), m_origin);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(QString(), save);
    return box;
}

QWidget *TracePublicationPanel::buildPublishForm()
{
    auto *box = new QGroupBox(tr("Publish containers for tracing"), this);
    auto *form = new QFormLayout(box);
    m_numbers->setPlaceholderText(tr("Container numbers, separated by spaces or commas"));
    for (const CatalogProvider *provider : m_service->publishableProviders())
        m_provider->addItem(provider->displayName, provider->id);
    m_data->setPlaceholderText(tr("The provider's data fields, e.g. locationCode=USNWK"));
    m_normalize->setChecked(true);
    form->addRow(tr("Con&tainers:"), m_numbers);
    form->addRow(tr("Pro&vider:"), m_provider);
    form->addRow(tr("&Data fields:"), m_data);
    form->addRow(QString(), m_normalize);
    form->addRow(QString(), m_publish);
    return box;
}

void TracePublicationPanel::refresh()
{
    if (auto settings = m_service->traceSettings()) {
        m_orgId->setText(settings->orgId);
        m_svcId->setText(settings->svcId);
        m_origin->setText(settings->origin);
        m_endpoint->setText(settings->endpoint);
    } else {
        Q_EMIT problem(settings.error().message);
    }
    auto publications = m_service->publications();
    if (!publications) {
        Q_EMIT problem(publications.error().message);
        return;
    }
    m_model->setPublications(publications.value());
}

void TracePublicationPanel::saveSettings()
{
    const TracePublishSettings settings{m_orgId->text().trimmed(), m_svcId->text().trimmed(),
                                        m_origin->text().trimmed(), m_endpoint->text().trimmed()};
    if (auto saved = m_service->saveTraceSettings(settings); !saved)
        Q_EMIT problem(saved.error().message);
}

QJsonObject TracePublicationPanel::dataFields() const
{
    QJsonObject data;
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    for (const QString &pair : m_data->text().split(separators, Qt::SkipEmptyParts))
        data.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    return data;
}

QStringList TracePublicationPanel::selectedNumbers() const
{
    QStringList numbers;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        numbers.append(index.data(TracePublicationModel::NumberRole).toString());
    return numbers;
}

void TracePublicationPanel::publish()
{
    static const QRegularExpression separators(u"[\\s,;]+"_s);
    const QStringList numbers = m_numbers->text().toUpper().split(separators, Qt::SkipEmptyParts);
    if (numbers.isEmpty()) {
        Q_EMIT problem(tr("Type at least one container number to publish"));
        return;
    }
    m_service->publish(numbers, m_provider->currentData().toString(), dataFields(), m_normalize->isChecked(), false);
}

void TracePublicationPanel::traceNow()
{
    const QStringList numbers = selectedNumbers();
    if (!numbers.isEmpty())
        m_service->publish(numbers, QString(), dataFields(), m_normalize->isChecked(), true); // provider as published
}

void TracePublicationPanel::cancelTracing()
{
    const QStringList numbers = selectedNumbers();
    if (!numbers.isEmpty())
        m_service->cancelTracing(numbers);
}

void TracePublicationPanel::updateButtons()
{
    const bool idle = !m_service->busy();
    const bool selected = !selectedNumbers().isEmpty();
    m_publish->setEnabled(idle);
    m_traceNow->setEnabled(idle && selected);
    m_cancel->setEnabled(idle && selected);
}
