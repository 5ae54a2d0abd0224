#pragma once

#include "consolesettings.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class ScheduleRuleModel;

// The console's settings: which notifications to show, the tracing schedule (read-only, straight
// from SchedulePolicy), the language, the watched inbox folder and where the database is. Switches
// are saved as soon as they change.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(const QString &databaseLocation, QWidget *parent = nullptr);

    QCheckBox *checkBox(ConsoleSettings::Key key) const { return m_switches.value(key); }
    QTableView *scheduleTable() const { return m_schedule; }
    ScheduleRuleModel *scheduleModel() const { return m_scheduleModel; }
    QLabel *databaseLabel() const { return m_database; }
    // "View only": the console never syncs. Shows viewOnly without saving or signalling.
    QCheckBox *viewOnlyBox() const { return m_viewOnly; }
    void setViewOnly(bool viewOnly);
    QComboBox *languageBox() const { return m_language; }
    QLineEdit *inboxEdit() const { return m_inbox; }

    // Settings key of the watched inbox folder (empty or absent: none).
    static QString inboxFolderKey();
    static QString inboxFolder();
    void setInboxFolder(const QString &folder); // saves it and emits inboxFolderChanged

    // Where the console's webhook listener listens, "[ADDR:]PORT" (default 127.0.0.1:8787).
    static QString webhookListenKey();
    static QString webhookListen();
    QLineEdit *webhookListenEdit() const { return m_webhookListen; }
    // Saves a valid address and emits webhookListenChanged; an invalid one is shown, not saved.
    bool setWebhookListen(const QString &spec);

Q_SIGNALS:
    void inboxFolderChanged(const QString &folder);
    void webhookListenChanged(const QString &spec);
    // The user switched "View only" (saved as the ConsoleViewOnly setting).
    void viewOnlyChanged(bool viewOnly);
    // The user picked a language (empty: the system's); the console rebuilds its window in it.
    void languageChosen(const QString &languageCode);

private:
    QWidget *buildNotifications();
    QWidget *buildSchedule();
    QWidget *buildDatabase(const QString &location);
    QWidget *buildLanguage();
    QWidget *buildInbox();
    QWidget *buildWebhooks();
    void chooseInboxFolder();

    QMap<ConsoleSettings::Key, QCheckBox *> m_switches;
    QTableView *m_schedule = nullptr;
    ScheduleRuleModel *m_scheduleModel = nullptr;
    QLabel *m_database = nullptr;
    QCheckBox *m_viewOnly = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_inbox = nullptr;
    QLineEdit *m_webhookListen = nullptr;
    QLabel *m_webhookProblem = nullptr;
};
