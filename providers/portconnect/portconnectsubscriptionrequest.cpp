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
    // The documents give no booking number format; this only keeps out what cannot be one.
    for (const QString &number : request.bookingNumbers) {
        if (number.trimmed().isEmpty() || number.size() > 50)
            problems.append(u"'%1' is not a booking number (empty, or longer than 50 characters)"_s.arg(number));
    }
    return problems;
}

bool isAll(const QString &code)
{
    return code.trimmed().compare(allCode, Qt::CaseInsensitive) == 0;
}

// The codes of the payload page's list, compared without regard to case (the V2 example sends
// "Discharge"); v2 may list ALL together with other codes, as its example does.
QStringList validateEventCodes(const PortConnectSubscriptionRequest &request)
{
    const QStringList &codes = request.eventCodes;
    if (codes.isEmpty())
        return {u"Name at least one event type code (%1)"_s.arg(PortConnectMapper::eventTypeCodes().join(u", "_s))};
    if (request.apiVersion == 1 && codes.size() != 1)
        return {u"API v1 takes exactly one event type code per subscription; use v2 for several"_s};
    QStringList problems;
    for (const QString &code : codes) {
        if (isAll(code)) {
            if (request.apiVersion == 1)
                problems.append(u"ALL event types needs API v2"_s);
        } else if (!PortConnectMapper::row(code)) {
            problems.append(u"%1 is not a PortConnect event type code (known: %2)"_s.arg(
                code, PortConnectMapper::eventTypeCodes().join(u", "_s)));
        }
    }
    return problems;
}

// The code table's column "Supported Inland port Facility Codes": only some events take a facility,
// and only the facilities listed for them; for all others PortConnect wants null.
QStringList validateFacility(const PortConnectSubscriptionRequest &request)
{
    if (request.facility.isEmpty())
        return {};
    QStringList problems;
    if (request.port == allCode)
        problems.append(u"A facility code needs one port, not ALL"_s);
    for (const QString &code : request.eventCodes) {
        const PortConnectMappingRow *row = PortConnectMapper::row(code);
        if (isAll(code) || (row && row->facilities.isEmpty()))
            problems.append(u"Event type %1 does not support a facility code; leave the facility empty"_s.arg(code));
        else if (row && !row->facilities.contains(request.facility))
            problems.append(u"Event type %1 supports the facility codes %2, not %3"_s.arg(
                code, row->facilities.join(u", "_s), request.facility));
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
            problems.append(u"A webhook needs a token, so that callbacks can be verified (Quaywatch's rule: "
                            "PortConnect sends it back in X-WebhookToken)"_s);
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

// The body of "Create Container Event Subscription (V1)" / "(V2)": numbers as the user gave them,
// one userDefinedReference per item (the same for all, omitted when empty), webhookURI and
// webhookToken and emailAddressList only when given ("Optional if ..."), facilityCode null when
// none (seed 001: "in all other cases a null value should be supplied").
QByteArray PortConnectSubscriptionRequest::toJson() const
{
    const QString numberKey = byBooking() ? u"bookingNumber"_s : u"containerNumber"_s;
    QJsonArray items;
    for (const QString &number : numbers()) {
        QJsonObject item{{numberKey, number}};
        if (!reference.isEmpty())
            item.insert(u"userDefinedReference"_s, reference);
        items.append(item);
    }
    QJsonObject body;
    body.insert(byBooking() ? u"bookings"_s : u"containers"_s, items);
    if (!callbackUri.isEmpty()) {
        body.insert(u"webhookURI"_s, callbackUri);
        body.insert(u"webhookToken"_s, callbackToken);
    }
    if (!emails.isEmpty())
        body.insert(u"emailAddressList"_s, QJsonArray::fromStringList(emails));
    body.insert(u"portCode"_s, port);
    body.insert(u"category"_s, category);
    if (apiVersion == 1)
        body.insert(u"eventTypeCode"_s, eventCodes.value(0));
    else
        body.insert(u"eventTypeCodes"_s, QJsonArray::fromStringList(eventCodes));
    body.insert(u"facilityCode"_s, facility.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(facility));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString PortConnectSubscriptionRequest::path() const
{
    return apiVersion == 1 ? u"/v1/subscriptions"_s : u"/v2/subscriptions"_s;
}
