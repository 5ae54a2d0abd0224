#pragma once

#include "auditentry.h"

#include <QAbstractTableModel>
#include <QList>

// The audit log as a table: time, OS user, entity, provider, action, outcome, detail. Entries carry
// no secret by contract, so the model can show everything it gets.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        User,
        Entity,
        Provider,
        Action,
        Outcome,
        Detail,
        ColumnCount
    };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setEntries(QList<AuditEntry> entries); // newest first is the caller's choice
    const AuditEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntry> m_entries;
};
