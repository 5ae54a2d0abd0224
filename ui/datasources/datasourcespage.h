#pragma once

#include "connectionrecord.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <optional>

class ConnectionService;
class ConnectDialog;
class EntitySwitcher;
class ProviderCard;
class QLineEdit;
class QVBoxLayout;
struct VerificationOutcome;

// The operations manager's Data sources screen, one entity's accounts: a card per catalog provider,
// grouped by region, showing this entity's connection and offering Connect/Update, Disconnect,
// Verify and Sync now. Everything slow (keychain, verification) runs in ConnectionService without blocking; the
// cards follow its signals. Self-contained: the main window only puts it in the sidebar.
class DataSourcesPage final : public QWidget
{
    Q_OBJECT

public:
    DataSourcesPage(ConnectionService *service, const QStringList &entities = {QStringLiteral("default")},
                    const QString &currentEntity = QStringLiteral("default"), QWidget *parent = nullptr);

    QString entity() const;
    void setEntity(const QString &entity);
    EntitySwitcher *entitySwitcher() const { return m_switcher; }
    ProviderCard *card(const QString &provider) const { return m_cards.value(provider); }
    QLineEdit *searchBox() const { return m_search; }
    // Opens the connect dialog of provider (non-modal to the event loop: open(), not exec()).
    ConnectDialog *openConnectDialog(const QString &provider);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void entityChanged(const QString &entity);
    // Sync now: the page does not trace itself; whoever runs the sync engine listens.
    void syncRequested(const QString &entity, const QString &provider);

protected:
    bool event(QEvent *event) override;

private:
    void buildCards();
    void applyFilter();
    void refreshCard(const QString &provider);
    void showConnection(const QString &provider, const std::optional<ConnectionRecord> &record);
    void confirmDisconnect(const QString &provider);
    void onVerificationFinished(const VerificationOutcome &outcome);

    ConnectionService *m_service;
    EntitySwitcher *m_switcher;
    QLineEdit *m_search;
    QVBoxLayout *m_groupsLayout = nullptr;
    QHash<QString, ProviderCard *> m_cards;
    QHash<QString, QWidget *> m_groupOfCard;
    QHash<QString, QString> m_advice; // provider -> advice of its last failed verification
};
