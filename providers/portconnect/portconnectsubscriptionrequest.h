#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One PortConnect subscription as the user asks for it, per PortConnect's API documentation: v1 takes one event type
// code per request, v2 several or "ALL"; by container or booking number; callbacks by webhook (URI + token) and/or
// e-mail. All of the documented request rules are checked here, before anything is sent, so the user reads one clear
// message per problem instead of a provider's 400.
struct PortConnectSubscriptionRequest
{
    static constexpr int maxNumbersPerRequest = 10;
    static constexpr int maxReferenceLength = 50;

    int apiVersion = 2;
    QStringList containerNumbers;
    QStringList bookingNumbers;
    QStringList eventCodes; // v1: exactly one; v2: one or more, or {"ALL"}
    QString port;           // NZAKL, NZTRG, NZTIU, NZLYT, DEPOT or ALL
    QString category;       // IMPORT, EXPORT, TRANSHIPMENT, DOMESTIC, STORAGE
    QString facility;       // optional; only for event codes that support it
    QString callbackUri;
    QString callbackToken; // a secret: never logged, never stored in the database
    QStringList emails;
    QString reference;

    static QStringList portCodes();
    static QStringList categoryCodes();

    bool byBooking() const { return !bookingNumbers.isEmpty(); }
    const QStringList &numbers() const { return byBooking() ? bookingNumbers : containerNumbers; }

    // Readable problems; empty means the request may be sent.
    QStringList validate() const;
    // The same subscription in requests of at most maxNumbersPerRequest numbers each.
    QList<PortConnectSubscriptionRequest> split() const;
    // The body of one request (call on a split part).
    QByteArray toJson() const;
    // "/v1/subscriptions" or "/v2/subscriptions".
    QString path() const;

    bool operator==(const PortConnectSubscriptionRequest &) const = default;
};
