#pragma once

#include "result.h"
#include "subscriptionstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class EnvaseTokenSource;
class ProviderCatalog;
class QNetworkAccessManager;

// The module's id (its folder name): the key of its upstream ids in the catalog and of its keychain
// entries.
QString envaseModuleId();

// One container to publish to (or withdraw from) Envase Trace.
struct EnvaseTraceTarget
{
    QString containerNumber;
    QString provider; // Quaywatch's catalog id, e.g. "apm"; the event carries its Envase providerId
    QJsonObject data; // the provider's data fields, e.g. {"locationCode": "USNWK"}
    bool normalize = true;
};

// Documents: "Publishing Containers for Tracing",
// http://coredocs.envaseconnect.cloud/track-trace/integration/publish-container.html (the event and
// the providers' data fields; the project's seed 004), with the access token of "Authentication/
// Authorization Process", http://coredocs.envaseconnect.cloud/track-trace/integration/auth.html
// (EnvaseTokenSource). Publishes containers for tracing: POST …/api/events with a CONTAINER event,
// action TRACE_REQUESTED or TRACE_CANCELLED, orgId / svcId / origin from the settings, and a payload
// of id, providerId and data ("data": {} as documented; normalize is sent only when false, true
// being its documented default). Everything is checked before sending: the settings, the provider
// (it must have an Envase providerId) and its data fields against the catalog (required fields,
// location codes, and never a credential inside data).
// Where the pages are silent: the header form of the token ("Authorization: Bearer <JWT>"), the
// success status (any 2xx) and the error body (shown as the HTTP layer classifies it). A 401 drops
// the cached token. A publish is never repeated automatically: publishing again forces a trace.
class EnvaseTracePublisher final : public QObject
{
    Q_OBJECT

public:
    enum class Action
    {
        Requested,
        Cancelled
    };

    EnvaseTracePublisher(QNetworkAccessManager *network, const ProviderCatalog &catalog, TracePublishSettings settings,
                         EnvaseTokenSource &tokens, QObject *parent = nullptr);

    static QStringList validateSettings(const TracePublishSettings &settings);
    // The event body, or the problems that keep it from being sent.
    static Result<QByteArray> buildEvent(const ProviderCatalog &catalog, const TracePublishSettings &settings,
                                         const EnvaseTraceTarget &target, Action action);
    QUrl endpoint() const;

    // The callback runs later on the event loop, never inside the call.
    void publish(const EnvaseTraceTarget &target, Action action, std::function<void(Result<void>)> done);

private:
    void send(const EnvaseTraceTarget &target, Action action, const QByteArray &body, const QByteArray &token,
              std::function<void(Result<void>)> done);

    QNetworkAccessManager *m_network;
    const ProviderCatalog &m_catalog;
    TracePublishSettings m_settings;
    EnvaseTokenSource &m_tokens;
};
