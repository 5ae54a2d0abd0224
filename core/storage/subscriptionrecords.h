#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// One number (container or booking) subscribed at a push-style provider, as we asked for it. The
// provider keeps the subscription for 90 days; expiresAt mirrors that window.
struct SubscriptionRecord
{
    QString entity = QStringLiteral("default");
    QString provider; // catalog id of the provider
    QString number;
    bool booking = false; // number is a booking number, not a container number
    int apiVersion = 2;
    QStringList eventCodes; // the provider's event type codes, or {"ALL"}
    QString port;
    QString category;
    QString facility;
    QString callbackUri;
    QStringList emails;
    QString reference;
    QString remoteId; // the provider's subscription id, when it gave one
    QDateTime createdAt;
    QDateTime expiresAt;
    QString state = QStringLiteral("active"); // active, removed

    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && expiresAt <= now; }
    bool operator==(const SubscriptionRecord &) const = default;
};

// Where and as whom containers are published for tracing at a provider that traces what it is
// told about (a publication) and calls back with the results.
struct TracePublishSettings
{
    QString orgId;
    QString svcId;
    QString origin;
    QString endpoint; // empty: the catalog's workflow endpoint
    bool operator==(const TracePublishSettings &) const = default;
};

// A container published for tracing and whether the publication still stands.
struct TracePublication
{
    QString number;
    QString provider;
    QDateTime publishedAt;
    QDateTime cancelledAt;
    QString state = QStringLiteral("requested"); // requested, cancelled
    bool operator==(const TracePublication &) const = default;
};

// A visit of a container a callback was filed under (see SubscriptionStore::ingest).
struct CallbackVisit
{
    qint64 containerId = 0;
    QString visitKey;
    QDateTime startedAt;
};
