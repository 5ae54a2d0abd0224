#include "datasourcespage.h"

#include "connectdialog.h"
#include "connectionservice.h"
#include "entityswitcher.h"
#include "providercard.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QScrollArea>
#include <QVBoxLayout>

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

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    m_groupsLayout = new QVBoxLayout(content);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

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
    refresh();
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
            auto *grid = new QGridLayout(group);
            int index = 0;
            for (const CatalogProvider &provider : region.providers) {
                if (provider.area != area)
                    continue;
                auto *card = new ProviderCard(provider, ConnectionService::canVerify(provider), group);
                grid->addWidget(card, index / cardColumns, index % cardColumns);
                ++index;
                m_cards.insert(provider.id, card);
                m_groupOfCard.insert(provider.id, group);
                connect(card, &ProviderCard::connectRequested, this, &DataSourcesPage::openConnectDialog);
                connect(card, &ProviderCard::disconnectRequested, this, &DataSourcesPage::confirmDisconnect);
                connect(card, &ProviderCard::verifyRequested, this,
                        [this](const QString &id) { m_service->verify(entity(), id); });
                connect(card, &ProviderCard::syncRequested, this,
                        [this](const QString &id) { Q_EMIT syncRequested(entity(), id); });
            }
            m_groupsLayout->addWidget(group);
        }
    }
    m_groupsLayout->addStretch();
}

// Hidden cards leave no holes: the visible ones of each group are laid out again.
void DataSourcesPage::applyFilter()
{
    const QString filter = m_search->text();
    QHash<QWidget *, QList<ProviderCard *>> visible;
    QList<QWidget *> groups;
    for (const CatalogProvider &provider : m_service->catalog().providers()) {
        ProviderCard *card = m_cards.value(provider.id);
        QWidget *group = m_groupOfCard.value(provider.id);
        if (!groups.contains(group))
            groups.append(group);
        auto *grid = static_cast<QGridLayout *>(group->layout());
        grid->removeWidget(card);
        const bool shown = card->matches(filter);
        card->setVisible(shown);
        if (shown)
            visible[group].append(card);
    }
    for (QWidget *group : std::as_const(groups)) {
        auto *grid = static_cast<QGridLayout *>(group->layout());
        const QList<ProviderCard *> cards = visible.value(group);
        for (int i = 0; i < cards.size(); ++i)
            grid->addWidget(cards.at(i), i / cardColumns, i % cardColumns);
        group->setVisible(!cards.isEmpty());
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
