#pragma once

#include "connectionrecord.h"
#include "providercatalog.h"

#include <QFrame>

#include <optional>

class OutboxStatusView;
class QLabel;
class QPushButton;

// One provider on the Data sources screen: what it is, whether this entity is connected to it and
// as whom (never a secret), and the actions. Built from the catalog entry, so every provider gets a
// card without code of its own.
class ProviderCard final : public QFrame
{
    Q_OBJECT

public:
    ProviderCard(const CatalogProvider &provider, bool canVerify, QWidget *parent = nullptr);

    const QString &providerId() const { return m_provider.id; }
    // The stored connection (nullopt: not connected); verifying overrides the stored status.
    void setConnection(const std::optional<ConnectionRecord> &record, bool verifying, const QString &advice = {});
    QString statusText() const;
    QString identifierText() const;
    QString timesText() const;
    QString problemText() const;

    bool matches(const QString &filter) const;
    // The queue lines of an outbound destination's card (a TMS); nullptr on a source's card.
    OutboxStatusView *outboxStatus() const { return m_outbox; } // search box: name, id, region, area, description

    static QString authTypeLabel(const QString &authType);

Q_SIGNALS:
    void connectRequested(const QString &provider);
    void disconnectRequested(const QString &provider);
    void verifyRequested(const QString &provider);
    void syncRequested(const QString &provider);

private:
    void setBadge(const QString &text, const QString &colour);

    CatalogProvider m_provider;
    bool m_canVerify;
    QLabel *m_badge;
    QLabel *m_identifier;
    QLabel *m_times;
    QLabel *m_problem;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    QPushButton *m_verify;
    QPushButton *m_sync;
    OutboxStatusView *m_outbox = nullptr;
};
