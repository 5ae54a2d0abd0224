#pragma once

#include <QObject>

#include <vector>

class QNetworkAccessManager;

// Qt's HTTP/1.1 opens at most six connections per host and QNetworkAccessManager (Qt 6.4 has no
// setting for it; QHttp1Configuration came in 6.5), and queues the requests beyond them. A sender
// that may have more requests in flight to one host (an outbound destination allowing 8) takes its
// manager for each request from a pool: the given manager first, then managers of the pool's own,
// each with its own six connections, as many as the limit needs. HTTP/2 receivers multiplex one
// connection and never need the second manager.
class NetworkPool final
{
public:
    static constexpr int connectionsPerManager = 6;

    // first is not owned and must outlive the pool; maxInFlight bounds the managers made.
    NetworkPool(QNetworkAccessManager *first, int maxInFlight);
    ~NetworkPool();
    NetworkPool(const NetworkPool &) = delete;
    NetworkPool &operator=(const NetworkPool &) = delete;

    // The manager for one more request: the first one with a free connection, or a new one while
    // the limit allows; release() it when the request finished.
    QNetworkAccessManager *acquire();
    void release(QNetworkAccessManager *manager);
    int managerCount() const { return int(m_slots.size()); }

private:
    struct Slot
    {
        QNetworkAccessManager *manager = nullptr;
        bool owned = false;
        int inFlight = 0;
    };
    std::vector<Slot> m_slots;
    int m_maxManagers = 1;
};
