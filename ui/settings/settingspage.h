#pragma once

#include "consolesettings.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class ScheduleRuleModel;

// The console's settings: which notifications to show, the tracing schedule (read-only, straight
// from SchedulePolicy) and where the database is. Switches are saved as soon as they change.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(const QString &databaseLocation, QWidget *parent = nullptr);

    QCheckBox *checkBox(ConsoleSettings::Key key) const { return m_switches.value(key); }
    QTableView *scheduleTable() const { return m_schedule; }
    ScheduleRuleModel *scheduleModel() const { return m_scheduleModel; }
    QLabel *databaseLabel() const { return m_database; }

private:
    QWidget *buildNotifications();
    QWidget *buildSchedule();
    QWidget *buildDatabase(const QString &location);

    QMap<ConsoleSettings::Key, QCheckBox *> m_switches;
    QTableView *m_schedule = nullptr;
    ScheduleRuleModel *m_scheduleModel = nullptr;
    QLabel *m_database = nullptr;
};
