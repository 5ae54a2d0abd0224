#pragma once

#include "subscriptionstore.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

// The entity's subscriptions at the subscribing provider as the table shows them. The state shown is derived here,
// not stored: an active subscription whose 90-day window has passed reads "expired", so the
// table never claims callbacks that will not come.
class SubscriptionTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Number,
        Kind,
        Api,
        Events,
        Port,
        Category,
        Facility,
        Callback,
        Reference,
        Created,
        Expires,
        State,
        ColumnCount
    };
    static constexpr int RecordNumberRole = Qt::UserRole + 1;
    static constexpr int StateRole = Qt::UserRole + 2; // "active", "expired" or "removed"

    explicit SubscriptionTableModel(QObject *parent = nullptr);

    void setRecords(const QList<SubscriptionRecord> &records, const QDateTime &now);
    const QList<SubscriptionRecord> &records() const { return m_records; }
    const SubscriptionRecord *record(int row) const;
    static QString stateOf(const SubscriptionRecord &record, const QDateTime &now);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const SubscriptionRecord &record, int column) const;
    QString expiryText(const SubscriptionRecord &record) const;

    QList<SubscriptionRecord> m_records;
    QDateTime m_now;
};
