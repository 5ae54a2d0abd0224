#pragma once

#include "result.h"

#include <QString>
#include <QThread>

#include <memory>

class QObject;
class Store;

// The thread the webhook handlers run on, with a database connection of its own (a Store belongs to
// the thread that opened it). A callback that waits on a locked database (SQLite's busy timeout of
// several seconds) then holds up only the callbacks behind it, never the console's window or the
// sync worker's polling; the listener answers it 503 after a second either way.
class WebhookWorker final
{
public:
    // Starts the thread and opens the connection on it (Store::openWorker of store).
    static Result<std::unique_ptr<WebhookWorker>> start(const Store &store);
    ~WebhookWorker(); // closes the connection on its own thread, then ends the thread
    WebhookWorker(const WebhookWorker &) = delete;
    WebhookWorker &operator=(const WebhookWorker &) = delete;

    // For the handlers: use it only from the worker's thread (where the listener calls them).
    Store &store() const { return *m_store; }
    // The object whose thread runs the handlers (WebhookListener::setWorker).
    QObject *context() const { return m_context; }
    // Returns once everything queued on the worker before the call has run (a handler running now
    // included). Not from the worker's own thread.
    void waitForIdle() const;

private:
    WebhookWorker() = default;

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; deleted there
    std::unique_ptr<Store> m_store;
};
