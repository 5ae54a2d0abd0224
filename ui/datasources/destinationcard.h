#pragma once

#include "storage/outboxrecords.h"

#include <QFrame>

class OutboxStatusView;
class QLabel;
class QPushButton;

// One signed-webhook destination in the Outbound group of Data sources: its name, receiver address
// and events, its queue (OutboxStatusView), Test connection and Remove. Never shows the signing
// secret: after it was shown once at creation only the keychain has it.
class DestinationCard final : public QFrame
{
    Q_OBJECT

public:
    explicit DestinationCard(const QString &name, QWidget *parent = nullptr);

    const QString &name() const { return m_name; }
    void setSummary(const OutboxSummary &summary);
    // A Test connection that is running (empty: none) or what the last one said.
    void setTestState(bool testing, const QString &result = {}, bool failed = false);
    bool matches(const QString &filter) const;

    OutboxStatusView *status() const { return m_status; }
    QString addressText() const;
    QString eventsText() const;
    QString testText() const;
    QString statusText() const;

Q_SIGNALS:
    void testRequested(const QString &name);
    void removeRequested(const QString &name);

private:
    QString m_name;
    QString m_url;
    QLabel *m_badge;
    QLabel *m_address;
    QLabel *m_events;
    QLabel *m_test;
    OutboxStatusView *m_status;
    QPushButton *m_testButton;
    QPushButton *m_remove;
};
