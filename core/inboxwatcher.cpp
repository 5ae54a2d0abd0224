#include "inboxwatcher.h"

#include "clock.h"

InboxWatcher::InboxWatcher(Store &store, ImportDefaults defaults, QObject *parent)
    : QObject(parent), m_store(store), m_defaults(std::move(defaults))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(1000);
    connect(&m_settle, &QTimer::timeout, this, &InboxWatcher::runPass);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle, qOverload<>(&QTimer::start));
}

void InboxWatcher::setFolder(const QString &folder)
{
    if (!m_folder.isEmpty())
        m_watcher.removePath(m_folder);
    m_folder = folder;
    if (m_folder.isEmpty())
        return;
    m_watcher.addPath(m_folder);
    m_settle.start();
}

void InboxWatcher::runPass()
{
    if (m_folder.isEmpty())
        return;
    const Result<InboxImporter::PassReport> pass =
        InboxImporter::runOnce(m_store, m_folder, m_defaults, m_minAgeSeconds);
    if (!pass) {
        Q_EMIT passFailed(pass.error().message);
        return;
    }
    // Files still too young are waiting: look again once they have settled.
    if (!InboxImporter::pendingFiles(m_folder, m_store.clock().now()).isEmpty())
        m_settle.start(std::max(1000, m_minAgeSeconds * 1000));
    if (!pass->files.isEmpty() || !pass->problems.isEmpty())
        Q_EMIT passFinished(pass.value());
}
