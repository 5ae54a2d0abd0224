#include "portconnectsubscriptionrequest.h"

#include "containernumber.h"
#include "httppolicy.h"
#include "portconnectmapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString allCode = u"ALL"_s;

QStringList validateNumbers(const PortConnectSubscriptionRequest &request)
{
    if (request.containerNumbers.isEmpty() == request.bookingNumbers.isEmpty())
        return {u"Give either container numbers or booking numbers (not both, not neither)"_s};
    QStringList problems;
    for (const QString &number : request.containerNumbers) {
        const ContainerNumberCheck check = ContainerNumber::check(number);
        if (!check.valid)
            problems.append(u"%1 is not a valid container number: %2"_s.arg(number, check.reason));
    }
    static const QRegularExpression bookingPattern(u"^[A-Za-z0-9-]{1,35}$"_s);
    for (const QString &number : request.bookingNumbers) {
        if (!bookingPattern.match(number).hasMatch())
            problems.append(u"%1 is not a booking number (letters, digits and '-', at most 35)"_s.arg(number));
    }
    return problems;
}

QStringList validateEventCodes(const PortConnectSubscriptionRequest &request)
{
    const QStringList &codes = request.eventCodes;
    if (codes.isEmpty())
        return {u"Name at least one event type code (%1)"_s.arg(PortConnectMapper::eventTypeCodes().join(u", "_s))};
    if (request.apiVersion == 1 && codes.size() != 1)
        return {u"API v1 takes exactly one event type code per subscription; use v2 for several"_s};
    if (codes.contains(allCode)) {
        if (request.apiVersion == 1)
            return {u"ALL event types needs API v2"_s};
        if (codes.size() > 1)
            return {u"ALL already covers every event type; do not list others with it"_s};
        return {};
    }
    QStringList problems;
    for (const QString &code : codes) {
        if (!PortConnectMapper::row(code))
            problems.append(u"%1 is not a PortConnect event type code (known: %2)"_s.arg(
                code, PortConnectMapper::eventTypeCodes().join(u", "_s)));
    }
    return problems;
}

QStringList validateFacility(const PortConnectSubscriptionRequest &request)
{
    if (request.facility.isEmpty())
        return {};
    static const QRegularExpression facilityPattern(u"^[A-Z0-9]{2,10}$"_s);
    QStringList problems;
    if (!facilityPattern.match(request.facility).hasMatch())
        problems.append(u"Facility code %1 must be 2 to 10 upper-case letters or digits"_s.arg(request.facility));
    if (request.port == allCode)
        problems.append(u"A facility code needs one port, not ALL"_s);
    for (const QString &code : request.eventCodes) {
        const PortConnectMappingRow *row = PortConnectMapper::row(code);
        if (code == allCode || (row && !row->supportsFacility))
            problems.append(u"Event type %1 does not support a facility code; leave the facility empty"_s.arg(code));
    }
    return problems;
}

QStringList validateCallback(const PortConnectSubscriptionRequest &request)
{
    if (request.callbackUri.isEmpty() && request.emails.isEmpty())
        return {u"Give a webhook URI (with a token) or at least one e-mail address for the callbacks"_s};
    QStringList problems;
    if (!request.callbackUri.isEmpty()) {
        const QUrl uri(request.callbackUri, QUrl::StrictMode);
        if (!uri.isValid() || uri.host().isEmpty() || (uri.scheme() != "https"_L1 && uri.scheme() != "http"_L1))
            problems.append(u"The webhook URI %1 is not an http(s) URL"_s.arg(request.callbackUri));
        else if (const Result<void> secure = HttpPolicy::checkTransportSecurity(uri); !secure)
            problems.append(secure.error().message);
        if (request.callbackToken.isEmpty())
            problems.append(u"A webhook needs a token, so that callbacks can be verified"_s);
    }
    static const QRegularExpression emailPattern(u"^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$"_s);
    for (const QString &email : request.emails) {
        if (!emailPattern.match(email).hasMatch())
            problems.append(u"%1 is not an e-mail address"_s.arg(email));
    }
    return problems;
}

} // namespace

QStringList PortConnectSubscriptionRequest::portCodes()
{
    return {u"NZAKL"_s, u"NZTRG"_s, u"NZTIU"_s, u"NZLYT"_s, u"DEPOT"_s, u"ALL"_s};
}

QStringList PortConnectSubscriptionRequest::categoryCodes()
{
    return {u"IMPORT"_s, u"EXPORT"_s, u"TRANSHIPMENT"_s, u"DOMESTIC"_s, u"STORAGE"_s};
}

QStringList PortConnectSubscriptionRequest::validate() const
{
    QStringList problems;
    if (apiVersion != 1 && apiVersion != 2)
        problems.append(u"The API version must be 1 or 2"_s);
    if (reference.size() > maxReferenceLength)
        problems.append(
            u"The user defined reference has %1 characters; PortConnect allows at most %2"_s.arg(reference.size())
                .arg(maxReferenceLength));
    problems += validateNumbers(*this);
    problems += validateEventCodes(*this);
    if (!portCodes().contains(port))
        problems.append(u"Port code '%1' is not valid; use one of %2"_s.arg(port, portCodes().join(u", "_s)));
    if (!categoryCodes().contains(category))
        problems.append(
            u"Category code '%1' is not valid; use one of %2"_s.arg(category, categoryCodes().join(u", "_s)));
    problems += validateFacility(*this);
    problems += validateCallback(*this);
    return problems;
}

QList<PortConnectSubscriptionRequest> PortConnectSubscriptionRequest::split() const
{
    QList<PortConnectSubscriptionRequest> parts;
    const QStringList &all = numbers();
    for (qsizetype start = 0; start < all.size(); start += maxNumbersPerRequest) {
        PortConnectSubscriptionRequest part = *this;
        (byBooking() ? part.bookingNumbers : part.containerNumbers) = all.mid(start, maxNumbersPerRequest);
        parts.append(part);
    }
    return parts;
}

QByteArray PortConnectSubscriptionRequest::toJson() const
{
    QJsonObject body;
    body.insert(byBooking() ? u"bookingNumbers"_s : u"containerNumbers"_s, QJsonArray::fromStringList(numbers()));
    if (apiVersion == 1)
        body.insert(u"containerVisitEventTypeCode"_s, eventCodes.value(0));
    else
        body.insert(u"containerVisitEventTypeCodes"_s, QJsonArray::fromStringList(eventCodes));
    body.insert(u"portCode"_s, port);
    body.insert(u"categoryCode"_s, category);
    body.insert(u"facilityCode"_s, facility.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(facility));
    body.insert(u"callback"_s, callbackUri.isEmpty()
                                   ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(QJsonObject{{u"uri"_s, callbackUri}, {u"token"_s, callbackToken}}));
    body.insert(u"emailAddresses"_s, QJsonArray::fromStringList(emails));
    body.insert(u"userDefinedReference"_s, reference.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(reference));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString PortConnectSubscriptionRequest::path() const
{
    return apiVersion == 1 ? u"/v1/subscriptions"_s : u"/v2/subscriptions"_s;
}
