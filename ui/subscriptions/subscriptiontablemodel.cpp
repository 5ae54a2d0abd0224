#include "subscriptiontablemodel.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

SubscriptionTableModel::SubscriptionTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SubscriptionTableModel::setRecords(const QList<SubscriptionRecord> &records, const QDateTime &now)
{
    beginResetModel();
    m_records = records;
    m_now = now;
    endResetModel();
}

const SubscriptionRecord *SubscriptionTableModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

QString SubscriptionTableModel::stateOf(const SubscriptionRecord &record, const QDateTime &now)
{
    if (record.state == "active"_L1 && record.isExpired(now))
        return u"expired"_s;
    return record.state;
}

int SubscriptionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int SubscriptionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SubscriptionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SubscriptionRecord &record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Callback)
            return record.callbackUri.isEmpty() ? record.emails.join(u", "_s) : record.callbackUri;
        return {};
    case RecordNumberRole:
        return record.number;
    case StateRole:
        return stateOf(record, m_now);
    default:
        return {};
    }
}

QString SubscriptionTableModel::text(const SubscriptionRecord &record, int column) const
{
    const QLocale locale;
    switch (column) {
    case Number:
        return record.number;
    case Kind:
        return record.booking ? tr("Booking") : tr("Container");
    case Api:
        return tr("v%1").arg(record.apiVersion);
    case Events:
        return record.eventCodes.join(u", "_s);
    case Port:
        return record.port;
    case Category:
        return record.category;
    case Facility:
        return record.facility;
    case Callback:
        if (!record.callbackUri.isEmpty())
            return tr("Webhook %1").arg(record.callbackUri);
        return tr("E-mail %1").arg(record.emails.join(u", "_s));
    case Reference:
        return record.reference;
    case Created:
        return locale.toString(record.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Expires:
        return expiryText(record);
    case State: {
        const QString state = stateOf(record, m_now);
        if (state == "active"_L1)
            return tr("Active");
        if (state == "expired"_L1)
            return tr("Expired");
        if (state == "removed"_L1)
            return tr("Removed");
        return state;
    }
    default:
        return {};
    }
}

QString SubscriptionTableModel::expiryText(const SubscriptionRecord &record) const
{
    if (!record.expiresAt.isValid())
        return tr("unknown");
    const QString date = QLocale().toString(record.expiresAt.toLocalTime().date(), QLocale::ShortFormat);
    if (record.isExpired(m_now))
        return tr("%1 (expired)").arg(date);
    const int daysLeft = int(m_now.daysTo(record.expiresAt));
    return tr("%1 (%n day(s) left)", nullptr, daysLeft).arg(date);
}

QVariant SubscriptionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Kind:
        return tr("Kind");
    case Api:
        return tr("API");
    case Events:
        return tr("Event types");
    case Port:
        return tr("Port");
    case Category:
        return tr("Category");
    case Facility:
        return tr("Facility");
    case Callback:
        return tr("Callback");
    case Reference:
        return tr("Reference");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case State:
        return tr("State");
    default:
        return {};
    }
}
