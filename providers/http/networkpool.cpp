#include "networkpool.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <algorithm>

NetworkPool::NetworkPool(QNetworkAccessManager *first, int maxInFlight)
    : m_maxManagers(std::max(1, (maxInFlight + connectionsPerManager - 1) / connectionsPerManager))
{
    m_slots.push_back({first, false, 0});
}

NetworkPool::~NetworkPool()
{
    for (const Slot &slot : m_slots) {
        if (slot.owned)
            delete slot.manager; // aborts what it still has in flight; the jobs report the abort
    }
}

QNetworkAccessManager *NetworkPool::acquire()
{
    auto free = std::find_if(m_slots.begin(), m_slots.end(),
                             [](const Slot &slot) { return slot.inFlight < connectionsPerManager; });
    if (free == m_slots.end()) {
        if (int(m_slots.size()) < m_maxManagers) {
            auto *manager = new QNetworkAccessManager();
            // The same proxy and redirect rules as the manager the application configured.
            manager->setProxy(m_slots.front().manager->proxy());
            manager->setRedirectPolicy(m_slots.front().manager->redirectPolicy());
            m_slots.push_back({manager, true, 0});
            free = m_slots.end() - 1;
        } else {
            // Over the limit the caller set: Qt queues it on the least busy manager.
            free = std::min_element(m_slots.begin(), m_slots.end(),
                                    [](const Slot &a, const Slot &b) { return a.inFlight < b.inFlight; });
        }
    }
    ++free->inFlight;
    return free->manager;
}

void NetworkPool::release(QNetworkAccessManager *manager)
{
    for (Slot &slot : m_slots) {
        if (slot.manager == manager && slot.inFlight > 0) {
            --slot.inFlight;
            return;
        }
    }
}
