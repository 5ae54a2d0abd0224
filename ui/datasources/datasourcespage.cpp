#include "datasourcespage.h"

#include "connectdialog.h"
#include "connectionservice.h"
#include "consolebackend.h"
#include "destinationcard.h"
#include "entityswitcher.h"
#include "outboxstatusview.h"
#include "providercard.h"
#include "webhookdestinationdialog.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int cardColumns = 3;
}

DataSourcesPage::DataSourcesPage(ConnectionService *service, const QStringList &entities, const QString &currentEntity,
                                 QWidget *parent)
    : QWidget(parent), m_service(service), m_switcher(new EntitySwitcher(this)), m_search(new QLineEdit(this))
{
    setObjectName(u"dataSourcesPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Data sources"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    m_search->setObjectName(u"searchBox"_s);
    m_search->setPlaceholderText(tr("Search providers (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search providers"));
    m_search->setClearButtonEnabled(true);
    top->addWidget(m_search, 1);
    top->addWidget(m_switcher);
    layout->addLayout(top);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    auto *content = new QWidget(m_scroll);
    m_groupsLayout = new QVBoxLayout(content);
    m_scroll->setWidget(content);
    layout->addWidget(m_scroll, 1);

    m_switcher->setEntities(entities, currentEntity);
    buildCards();
    connect(m_search, &QLineEdit::textChanged, this, &DataSourcesPage::applyFilter);
    connect(m_switcher, &EntitySwitcher::entityChanged, this, [this](const QString &entity) {
        m_advice.clear();
        refresh();
        Q_EMIT entityChanged(entity);
    });
    connect(m_service, &ConnectionService::connectionChanged, this,
            [this](const QString &entity, const QString &provider) {
                if (entity == this->entity())
                    refreshCard(provider);
            });
    connect(m_service, &ConnectionService::verificationFinished, this, &DataSourcesPage::onVerificationFinished);
    m_outboxTimer = new QTimer(this);
    m_outboxTimer->setInterval(outboxRefreshMs);
    connect(m_outboxTimer, &QTimer::timeout, this, &DataSourcesPage::refreshOutbound);
    refresh();
}

void DataSourcesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Deliveries happen in the background; while the page is seen, its queues follow them.
    if (m_outbound) {
        refreshOutbound();
        m_outboxTimer->start();
    }
}

void DataSourcesPage::hideEvent(QHideEvent *event)
{
    m_outboxTimer->stop();
    QWidget::hideEvent(event);
}

// Ctrl+F inside this page searches the providers. The window has its own Ctrl+F (the watchlist's
// filter); a second shortcut would make the key ambiguous and do nothing, so the page claims the key
// before shortcuts are matched, and only while the focus is in it.
bool DataSourcesPage::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Find)) {
            key->accept();
            if (event->type() == QEvent::KeyPress) {
                m_search->setFocus(Qt::ShortcutFocusReason);
                m_search->selectAll();
            }
            return true;
        }
    }
    return QWidget::event(event);
}

void DataSourcesPage::buildCards()
{
    for (const CatalogRegion &region : m_service->catalog().providersByRegion()) {
        // Finer groups where the seed names them (e.g. "Belgium - Antwerp"), in catalog order.
        QStringList areas;
        for (const CatalogProvider &provider : region.providers) {
            if (!areas.contains(provider.area))
                areas.append(provider.area);
        }
        for (const QString &area : std::as_const(areas)) {
            // Region and area names are catalog texts, translated in the context "ProviderCatalog".
            const QString regionName = QCoreApplication::translate("ProviderCatalog", region.name.toUtf8().constData());
            const QString areaName = QCoreApplication::translate("ProviderCatalog", area.toUtf8().constData());
            auto *group = new QGroupBox(area.isEmpty() ? regionName : QString(regionName % u" — "_s % areaName), this);
            auto *grid = new QGridLayout;
            const bool outbound =
                std::any_of(region.providers.cbegin(), region.providers.cend(), [&area](const CatalogProvider &p) {
                    return p.area == area && p.workflow == "outbound_push"_L1;
                });
            if (outbound && !m_outboundGroup) {
                // Destinations: the catalog's (a TMS), then the user's webhooks, then "Add".
                auto *column = new QVBoxLayout(group);
                column->addLayout(grid);
                m_outboundProblem = new QLabel(group);
                m_outboundProblem->setObjectName(u"outboundProblem"_s);
                m_outboundProblem->setWordWrap(true);
                m_outboundProblem->setStyleSheet(u"color: #a61b1b;"_s);
                m_outboundProblem->hide();
                column->addWidget(m_outboundProblem);
                auto *row = new QHBoxLayout;
                m_addDestination = new QPushButton(tr("Add webhook destination..."), group);
                m_addDestination->setObjectName(u"addDestinationButton"_s);
                m_addDestination->hide();
                row->addWidget(m_addDestination);
                row->addStretch();
                column->addLayout(row);
                m_outboundGroup = group;
                connect(m_addDestination, &QPushButton::clicked, this, &DataSourcesPage::openAddDestinationDialog);
            } else {
                group->setLayout(grid);
            }
            m_gridOfGroup.insert(group, grid);
            int index = 0;
            for (const CatalogProvider &provider : region.providers) {
                if (provider.area != area)
                    continue;
                auto *card = new ProviderCard(provider, ConnectionService::canVerify(provider), group);
                grid->addWidget(card, index / m_columns, index % m_columns);
                ++index;
                m_cards.insert(provider.id, card);
                m_groupOfCard.insert(provider.id, group);
                connect(card, &ProviderCard::connectRequested, this, &DataSourcesPage::openConnectDialog);
                connect(card, &ProviderCard::disconnectRequested, this, &DataSourcesPage::confirmDisconnect);
                connect(card, &ProviderCard::verifyRequested, this,
                        [this](const QString &id) { m_service->verify(entity(), id); });
                connect(card, &ProviderCard::syncRequested, this,
                        [this](const QString &id) { Q_EMIT syncRequested(entity(), id); });
                if (OutboxStatusView *outbox = card->outboxStatus()) {
                    connect(outbox, &OutboxStatusView::retryRequested, this, &DataSourcesPage::confirmRetry);
                    connect(outbox, &OutboxStatusView::resumeRequested, this, &DataSourcesPage::resume);
                }
            }
            m_groupsLayout->addWidget(group);
        }
    }
    m_groupsLayout->addStretch();
}

int DataSourcesPage::columnsFor(int width) const
{
    int cardWidth = 0;
    for (const ProviderCard *card : m_cards)
        cardWidth = std::max(cardWidth, card->minimumSizeHint().width());
    // The group box's frame and margins and the grid's spacing, per column and once.
    const int spacing = style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
    const int frame =
        4 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin) + m_scroll->verticalScrollBar()->sizeHint().width();
    if (cardWidth <= 0)
        return cardColumns;
    return std::clamp((width - frame + spacing) / (cardWidth + std::max(spacing, 6)), 1, cardColumns);
}

void DataSourcesPage::fitColumns()
{
    const int columns = columnsFor(m_scroll->width());
    if (columns == m_columns)
        return;
    m_columns = columns;
    applyFilter();
}

void DataSourcesPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

// Hidden cards leave no holes: the visible ones of each group are laid out again, the outbound
// group's webhook destinations after its catalog cards.
void DataSourcesPage::applyFilter()
{
    const QString filter = m_search->text();
    QHash<QWidget *, QList<QWidget *>> visible;
    QList<QWidget *> groups;
    for (const CatalogProvider &provider : m_service->catalog().providers()) {
        ProviderCard *card = m_cards.value(provider.id);
        QWidget *group = m_groupOfCard.value(provider.id);
        if (!groups.contains(group))
            groups.append(group);
        m_gridOfGroup.value(group)->removeWidget(card);
        const bool shown = card->matches(filter);
        card->setVisible(shown);
        if (shown)
            visible[group].append(card);
    }
    for (DestinationCard *card : std::as_const(m_destinations)) {
        m_gridOfGroup.value(m_outboundGroup)->removeWidget(card);
        const bool shown = card->matches(filter);
        card->setVisible(shown);
        if (shown)
            visible[m_outboundGroup].append(card);
    }
    for (QWidget *group : std::as_const(groups)) {
        QGridLayout *grid = m_gridOfGroup.value(group);
        const QList<QWidget *> cards = visible.value(group);
        for (int i = 0; i < cards.size(); ++i)
            grid->addWidget(cards.at(i), i / m_columns, i % m_columns);
        // Adding a destination is always at hand while nothing filters the page.
        const bool adding = group == m_outboundGroup && m_outbound != nullptr && filter.trimmed().isEmpty();
        group->setVisible(!cards.isEmpty() || adding);
    }
}

QString DataSourcesPage::entity() const
{
    return m_switcher->currentEntity();
}

void DataSourcesPage::setEntity(const QString &entity)
{
    m_switcher->addEntity(entity);
}

void DataSourcesPage::refresh()
{
    // One read for all cards: the catalog has dozens of providers.
    QHash<QString, ConnectionRecord> byProvider;
    if (const auto records = m_service->connections(entity()); records) {
        for (const ConnectionRecord &record : records.value())
            byProvider.insert(record.provider, record);
    }
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it) {
        const auto found = byProvider.constFind(it.key());
        showConnection(it.key(), found == byProvider.cend() ? std::nullopt : std::optional(*found));
    }
    refreshOutbound();
}

void DataSourcesPage::refreshCard(const QString &provider)
{
    const auto record = m_service->connection(entity(), provider);
    showConnection(provider, record ? record.value() : std::nullopt);
}

void DataSourcesPage::showConnection(const QString &provider, const std::optional<ConnectionRecord> &record)
{
    if (ProviderCard *card = m_cards.value(provider))
        card->setConnection(record, m_service->isVerifying(entity(), provider), m_advice.value(provider));
}

void DataSourcesPage::onVerificationFinished(const VerificationOutcome &outcome)
{
    if (outcome.entity != entity())
        return;
    if (outcome.ok)
        m_advice.remove(outcome.provider);
    else
        m_advice.insert(outcome.provider, outcome.advice);
    refreshCard(outcome.provider);
}

ConnectDialog *DataSourcesPage::openConnectDialog(const QString &provider)
{
    const CatalogProvider *known = m_service->catalog().provider(provider);
    if (!known)
        return nullptr;
    const auto record = m_service->connection(entity(), provider);
    auto *dialog = new ConnectDialog(m_service, entity(), *known, record ? record.value() : std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void DataSourcesPage::confirmDisconnect(const QString &provider)
{
    const CatalogProvider *known = m_service->catalog().provider(provider);
    if (!known)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Disconnect %1").arg(known->displayName),
        tr("Are you sure you want to disconnect %1 for entity %2?\n\nFuture data synchronization stops and the "
           "saved credentials are removed from the keychain. History is kept: containers and events stay, and "
           "you can reconnect at any time.")
            .arg(known->displayName, entity()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString current = entity();
    QPointer<DataSourcesPage> self(this);
    m_service->disconnect(current, provider, [self, provider](const Result<void> &removed) {
        if (!self)
            return;
        if (!removed)
            QMessageBox::warning(self, tr("Disconnect failed"), removed.error().message);
        self->refreshCard(provider);
    });
}

// ---- Outbound destinations ------------------------------------------------------------------------

void DataSourcesPage::setOutboundBackend(ConsoleBackend *backend)
{
    if (m_outbound)
        m_outbound->disconnect(this);
    m_outbound = backend;
    if (m_addDestination)
        m_addDestination->setVisible(backend != nullptr);
    if (backend) {
        connect(backend, &ConsoleBackend::outboxChanged, this, &DataSourcesPage::refreshOutbound);
        connect(backend, &ConsoleBackend::connectionsChanged, this, &DataSourcesPage::refreshOutbound);
        connect(backend, &ConsoleBackend::entityChanged, this, &DataSourcesPage::refreshOutbound);
        if (isVisible())
            m_outboxTimer->start();
    }
    refreshOutbound();
}

QString DataSourcesPage::outboundProblemText() const
{
    return m_outboundProblem && !m_outboundProblem->isHidden() ? m_outboundProblem->text() : QString();
}

void DataSourcesPage::refreshOutbound()
{
    if (!m_outboundGroup)
        return;
    QList<OutboxSummary> summaries;
    QString problem;
    // The backend shows its own entity; while the wiring switches both, the page may be ahead.
    if (m_outbound != nullptr && m_outbound->entity() == entity()) {
        Result<QList<OutboxSummary>> read = m_outbound->outboxSummaries();
        if (read)
            summaries = read.value();
        else
            problem = tr("Cannot read the outbound queues: %1").arg(read.error().message);
    }
    m_outboundProblem->setText(problem);
    m_outboundProblem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;                                        // keep what was shown: it is the last known state
    QHash<QString, OutboxSummary> catalogDestinations; // by kind (a TMS)
    QSet<QString> webhooks;
    for (const OutboxSummary &summary : std::as_const(summaries)) {
        const OutboundDestination &destination = summary.destination;
        if (destination.kind != QLatin1StringView(Outbound::webhookKind)) {
            catalogDestinations.insert(destination.kind, summary);
            continue;
        }
        webhooks.insert(destination.name);
        DestinationCard *card = m_destinations.value(destination.name);
        if (!card) {
            card = new DestinationCard(destination.name, m_outboundGroup);
            m_destinations.insert(destination.name, card);
            connect(card, &DestinationCard::testRequested, this, &DataSourcesPage::testDestination);
            connect(card, &DestinationCard::removeRequested, this, &DataSourcesPage::confirmRemove);
            connect(card->status(), &OutboxStatusView::retryRequested, this, &DataSourcesPage::confirmRetry);
            connect(card->status(), &OutboxStatusView::resumeRequested, this, &DataSourcesPage::resume);
        }
        card->setSummary(summary);
    }
    for (auto it = m_destinations.begin(); it != m_destinations.end();) {
        if (webhooks.contains(it.key())) {
            ++it;
            continue;
        }
        m_gridOfGroup.value(m_outboundGroup)->removeWidget(it.value());
        it.value()->deleteLater();
        it = m_destinations.erase(it);
    }
    for (ProviderCard *card : std::as_const(m_cards)) {
        if (OutboxStatusView *outbox = card->outboxStatus()) {
            const auto found = catalogDestinations.constFind(card->providerId());
            outbox->setSummary(found == catalogDestinations.cend() ? std::nullopt : std::optional(*found));
        }
    }
    applyFilter();
}

QString DataSourcesPage::destinationTitle(const QString &name) const
{
    // A catalog destination is named after its kind; users know it by the catalog's name.
    if (const CatalogProvider *known = m_service->catalog().provider(name))
        return known->displayName;
    return name;
}

void DataSourcesPage::confirmRetry(const QString &name, int deadLetters)
{
    if (!m_outbound || deadLetters <= 0)
        return;
    const auto answer =
        QMessageBox::question(this, tr("Retry dead letters"),
                              tr("Send %n dead letters to %1 again?", nullptr, deadLetters).arg(destinationTitle(name)),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (Result<int> retried = m_outbound->retryDeadLetters(name); !retried)
        QMessageBox::warning(this, tr("Retry failed"), retried.error().message);
    refreshOutbound();
}

void DataSourcesPage::resume(const QString &name)
{
    if (!m_outbound)
        return;
    if (Result<void> resumed = m_outbound->resumeDestination(name); !resumed)
        QMessageBox::warning(this, tr("Resume failed"), resumed.error().message);
    refreshOutbound();
}

void DataSourcesPage::testDestination(const QString &name)
{
    DestinationCard *card = m_destinations.value(name);
    if (!m_outbound || !card)
        return;
    card->setTestState(true);
    QPointer<DestinationCard> target(card);
    m_outbound->testDestination(card, name, [target](const Result<QString> &tested) {
        if (!target)
            return;
        if (tested)
            target->setTestState(false, tr("Test passed: %1").arg(tested.value()));
        else
            target->setTestState(false, tr("Test failed: %1").arg(tested.error().message), true);
    });
}

void DataSourcesPage::confirmRemove(const QString &name)
{
    if (!m_outbound)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove %1").arg(name),
        tr("Remove the webhook destination %1 of entity %2?\n\nIts queued and sent messages are deleted and its "
           "signing secret is removed from the keychain. The receiver gets no more updates.")
            .arg(name, entity()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QPointer<DataSourcesPage> self(this);
    m_outbound->removeDestination(this, name, [self](const Result<void> &removed) {
        if (!self)
            return;
        if (!removed)
            QMessageBox::warning(self, tr("Remove failed"), removed.error().message);
        self->refreshOutbound();
    });
}

WebhookDestinationDialog *DataSourcesPage::openAddDestinationDialog()
{
    if (!m_outbound)
        return nullptr;
    auto *dialog = new WebhookDestinationDialog(m_outbound, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WebhookDestinationDialog::destinationAdded, this, &DataSourcesPage::refreshOutbound);
    dialog->open();
    return dialog;
}
