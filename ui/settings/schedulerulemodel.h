#pragma once

#include "schedulepolicy.h"

#include <QAbstractTableModel>
#include <QList>

// The tracing schedule (SchedulePolicy::rules()) as a read-only table for the settings page, so
// coordinators see how often each kind of container is traced: the same table the scheduler uses.
class ScheduleRuleModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        DescriptionColumn,
        IntervalColumn,
        ColumnCount
    };

    explicit ScheduleRuleModel(QObject *parent = nullptr);

    // "every 15 minutes", "every 12 hours", "no more traces".
    static QString intervalText(const std::optional<qint64> &seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ScheduleRule> m_rules;
};
