#include "schedulerulemodel.h"

#include <QCoreApplication>

ScheduleRuleModel::ScheduleRuleModel(QObject *parent) : QAbstractTableModel(parent), m_rules(SchedulePolicy::rules()) {}

QString ScheduleRuleModel::intervalText(const std::optional<qint64> &seconds)
{
    if (!seconds)
        return tr("no more traces");
    if (*seconds % 3600 == 0)
        return tr("every %n hour(s)", nullptr, int(*seconds / 3600));
    if (*seconds % 60 == 0)
        return tr("every %n minute(s)", nullptr, int(*seconds / 60));
    return tr("every %n second(s)", nullptr, int(*seconds));
}

int ScheduleRuleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int ScheduleRuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleRuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const ScheduleRule &rule = m_rules[index.row()];
    switch (Column(index.column())) {
    case NameColumn:
        return rule.name;
    case DescriptionColumn:
        return QCoreApplication::translate("SchedulePolicy", rule.description.toUtf8().constData());
    case IntervalColumn:
        return intervalText(rule.intervalSeconds);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ScheduleRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Rule");
    case DescriptionColumn:
        return tr("Applies to");
    case IntervalColumn:
        return tr("Traced");
    case ColumnCount:
        break;
    }
    return {};
}
