#pragma once

#include "result.h"
#include "subscriptionstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class ProviderCatalog;
class QNetworkAccessManager;

// One container to publish to (or withdraw from) Envase Trace.
struct EnvaseTraceTarget
{
    QString containerNumber;
    QString provider; // Quaywatch's catalog id, e.g. "apm"; the event carries its envaseProviderId
    QJsonObject data; // the provider's data fields, e.g. {"locationCode": "USNWK"}
    bool normalize = true;
};

// Documents: Envase's "Publishing Containers for Tracing" (track-trace integration
// "publish-container") and "auth" (docs/providers/envase.md). The event below follows the publish
// examples; the Identity Manager access token those pages require is not sent yet.
// Publishes containers for tracing: a CONTAINER event with action
// TRACE_REQUESTED or TRACE_CANCELLED, orgId / svcId / origin from the settings, and a payload of id,
// providerId and data. Everything is checked before sending: the settings, the provider (it must
// have an Envase providerId) and its data fields against the catalog (required fields, location
// codes, and never a credential inside data). The normalize flag rides in data.
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
                         QObject *parent = nullptr);

    static QStringList validateSettings(const TracePublishSettings &settings);
    // The event body, or the problems that keep it from being sent.
    static Result<QByteArray> buildEvent(const ProviderCatalog &catalog, const TracePublishSettings &settings,
                                         const EnvaseTraceTarget &target, Action action);
    QUrl endpoint() const;

    // The callback runs later on the event loop, never inside the call.
    void publish(const EnvaseTraceTarget &target, Action action, std::function<void(Result<void>)> done);

private:
    QNetworkAccessManager *m_network;
    const ProviderCatalog &m_catalog;
    TracePublishSettings m_settings;
};
