#pragma once

#include "connectionrecord.h"

#include <QHash>
#include <QMap>
#include <QStringList>
#include <QWidget>

#include <optional>

class ConnectionService;
class ConnectDialog;
class ConsoleBackend;
class DestinationCard;
class EntitySwitcher;
class ProviderCard;
class QGridLayout;
class QGroupBox;
class QLabel;
class QScrollArea;
class QLineEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;
class WebhookDestinationDialog;
struct VerificationOutcome;

// The operations manager's Data sources screen, one entity's accounts: a card per catalog provider,
// grouped by region, showing this entity's connection and offering Connect/Update, Disconnect,
// Verify and Sync now. The "Outbound" group also shows each destination's queue (a TMS's card and
// a card per signed webhook) once setOutboundBackend() gave it the console backend. Everything slow (keychain,
// verification) runs in ConnectionService without blocking; the cards follow its signals. Self-contained: the main
// window only puts it in the sidebar.
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

    // Outbound destinations come from the console backend (the outbox lives in the store); the
    // backend follows the page's entity through the wiring. Not owned.
    void setOutboundBackend(ConsoleBackend *backend);
    DestinationCard *destinationCard(const QString &name) const { return m_destinations.value(name); }
    QStringList destinationNames() const { return m_destinations.keys(); }
    QPushButton *addDestinationButton() const { return m_addDestination; }
    QString outboundProblemText() const;
    WebhookDestinationDialog *openAddDestinationDialog();
    static constexpr int outboxRefreshMs = 10000; // while the page is visible
public Q_SLOTS:
    void refresh();
    void refreshOutbound();

Q_SIGNALS:
    void entityChanged(const QString &entity);
    // Sync now: the page does not trace itself; whoever runs the sync engine listens.
    void syncRequested(const QString &entity, const QString &provider);

protected:
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // As many card columns (1 to 3) as the visible width holds, so that a laptop never scrolls sideways.
    int columnsFor(int width) const;
    void fitColumns();
    int m_columns = 3;
    QScrollArea *m_scroll = nullptr;
    void buildCards();
    void applyFilter();
    void refreshCard(const QString &provider);
    void showConnection(const QString &provider, const std::optional<ConnectionRecord> &record);
    void confirmDisconnect(const QString &provider);
    void onVerificationFinished(const VerificationOutcome &outcome);
    QString destinationTitle(const QString &name) const;
    void confirmRetry(const QString &name, int deadLetters);
    void resume(const QString &name);
    void testDestination(const QString &name);
    void confirmRemove(const QString &name);

    ConnectionService *m_service;
    EntitySwitcher *m_switcher;
    QLineEdit *m_search;
    QVBoxLayout *m_groupsLayout = nullptr;
    QHash<QString, ProviderCard *> m_cards;
    QHash<QString, QWidget *> m_groupOfCard;
    QHash<QWidget *, QGridLayout *> m_gridOfGroup;
    QGroupBox *m_outboundGroup = nullptr;
    QLabel *m_outboundProblem = nullptr;
    QPushButton *m_addDestination = nullptr;
    ConsoleBackend *m_outbound = nullptr;
    QMap<QString, DestinationCard *> m_destinations; // by name, in name order
    QTimer *m_outboxTimer = nullptr;
    QHash<QString, QString> m_advice; // provider -> advice of its last failed verification
};
