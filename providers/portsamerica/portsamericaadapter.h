#pragma once

#include "provideradapter.h"
#include "result.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class Clock;
class QNetworkAccessManager;
struct ConnectionRecord;

namespace PortsAmerica {
inline constexpr auto providerId = "ports_america"; // the catalog id, the one spelling of it
}

// Document: Ports America's TOS service API description (token, ContainerAvailability and
// GateTransaction requests, their error responses and mapping rules), the document this adapter and
// its simulator part were built from.
// Everything the Ports America adapter needs from a connection. The password comes from the
// keychain and lives only in memory.
struct PortsAmericaConfig
{
    QUrl baseUrl; // production or UAT from the catalog, or the connection's override
    QString username;
    QString password;
    int maxConcurrentRequests = 4;
    int requestTimeoutMs = 30000;
    int maxAttempts = 4; // per idempotent request, including the first

    // A saved connection read the same way by the CLI, the console and verification: the base URL
    // override, else the environment's URL; the user name field ("username", or the catalog's "user").
    static PortsAmericaConfig fromConnection(const ConnectionRecord &record, const QString &password);
};

// Ports America TOS service, as its API documentation describes it: token from POST /api/Auth/GetToken, then
// ContainerAvailability and GateTransaction as GET requests with a JSON body and the
// Authorization: Bearer and SiteId headers, at most 50 containers per request. The token is cached
// per adapter; a 401 fetches a new one once and retries; one refresh is in flight at a time.
class PortsAmericaAdapter final : public QObject, public ProviderAdapter
{
    Q_OBJECT

public:
    static constexpr int batchLimitPerRequest = 50;

    // clock: the time source for observedAt and visit starts; not owned, must outlive the adapter.
    PortsAmericaAdapter(QNetworkAccessManager *network, PortsAmericaConfig config, const Clock &clock,
                        QObject *parent = nullptr);
    ~PortsAmericaAdapter() override;

    QString providerId() const override { return QString::fromLatin1(PortsAmerica::providerId); }
    int batchLimit() const override { return batchLimitPerRequest; }
    int maxConcurrentRequests() const override;
    void trace(const TraceBatch &batch, std::function<void(BatchTraceResult)> done) override;

    // Connection verification: fetches a token. BadCredentials carries the provider's own message
    // ("The user name or password is incorrect.").
    void verify(std::function<void(Result<void>)> done);

    // Requests made since construction (token, availability and gate requests, retries included).
    int requestsMade() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
