#include "webhookworker.h"

#include "store.h"

#include <QObject>

using namespace Qt::Literals::StringLiterals;

Result<std::unique_ptr<WebhookWorker>> WebhookWorker::start(const Store &store)
{
    std::unique_ptr<WebhookWorker> worker(new WebhookWorker());
    worker->m_thread.setObjectName(u"webhook handlers"_s);
    worker->m_context = new QObject();
    worker->m_context->moveToThread(&worker->m_thread);
    worker->m_thread.start();
    Result<std::unique_ptr<Store>> opened = makeError(ErrorKind::Internal, u"the webhook thread did not start"_s);
    QMetaObject::invokeMethod(
        worker->m_context, [&opened, &store] { opened = store.openWorker(); }, Qt::BlockingQueuedConnection);
    if (!opened)
        return opened.error(); // the destructor ends the thread
    worker->m_store = std::move(opened.value());
    return worker;
}

WebhookWorker::~WebhookWorker()
{
    if (m_context) {
        QObject *context = m_context;
        QMetaObject::invokeMethod(
            context,
            [this, context] {
                m_store.reset();
                delete context;
            },
            Qt::BlockingQueuedConnection);
        m_context = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

void WebhookWorker::waitForIdle() const
{
    if (QThread::currentThread() != &m_thread)
        QMetaObject::invokeMethod(
            m_context, [] {}, Qt::BlockingQueuedConnection);
}
