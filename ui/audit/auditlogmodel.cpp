#include "auditlogmodel.h"

#include <QBrush>
#include <QColor>

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setEntries(QList<AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &entry = m_entries.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == Outcome && entry.outcome != QLatin1StringView("ok"))
        return QBrush(QColor(0xa6, 0x1b, 0x1b));
    if (role == Qt::ToolTipRole && index.column() == Detail)
        return entry.detail;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return entry.at.toUTC().toString(Qt::ISODate);
    case User:
        return entry.user;
    case Entity:
        return entry.entity;
    case Provider:
        return entry.provider;
    case Action:
        return entry.action;
    case Outcome:
        return entry.outcome;
    case Detail:
        return entry.detail;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time (UTC)");
    case User:
        return tr("OS user");
    case Entity:
        return tr("Entity");
    case Provider:
        return tr("Provider");
    case Action:
        return tr("Action");
    case Outcome:
        return tr("Outcome");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}
