#pragma once

#include "inboximporter.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

// The console's side of the watched inbox folder (Settings): watches the folder and, a moment after
// it changes (a copy in progress keeps changing it), runs one InboxImporter pass on the store. Files
// younger than minAgeSeconds wait for the next pass, so a half-copied report is never imported.
// Lives in the thread that owns the store.
class InboxWatcher final : public QObject
{
    Q_OBJECT

public:
    InboxWatcher(Store &store, ImportDefaults defaults, QObject *parent = nullptr);

    // Empty: stop watching. Runs a first pass right away for files already waiting.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }
    void setMinAgeSeconds(int seconds) { m_minAgeSeconds = seconds; }

public Q_SLOTS:
    void runPass();

Q_SIGNALS:
    // After every pass that handled at least one file (or failed): the console reloads and reports.
    void passFinished(const InboxImporter::PassReport &report);
    void passFailed(const QString &message);

private:
    Store &m_store;
    ImportDefaults m_defaults;
    QString m_folder;
    int m_minAgeSeconds = 2;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};
