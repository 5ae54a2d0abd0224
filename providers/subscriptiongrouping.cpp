#include "subscriptiongrouping.h"

namespace SubscriptionGrouping {

SubscriptionRequest requestFor(const SubscriptionRecord &record)
{
    SubscriptionRequest request;
    request.apiVersion = record.apiVersion;
    (record.booking ? request.bookingNumbers : request.containerNumbers) = {record.number};
    request.eventCodes = record.eventCodes;
    request.port = record.port;
    request.category = record.category;
    request.facility = record.facility;
    request.callbackUri = record.callbackUri;
    request.emails = record.emails;
    request.reference = record.reference;
    return request;
}

QList<SubscriptionRequest> groupRequests(const QList<SubscriptionRecord> &records)
{
    QList<SubscriptionRequest> groups;
    for (const SubscriptionRecord &record : records) {
        SubscriptionRequest single = requestFor(record);
        bool merged = false;
        for (SubscriptionRequest &group : groups) {
            SubscriptionRequest probe = group;
            (probe.byBooking() ? probe.bookingNumbers : probe.containerNumbers) = single.numbers();
            if (probe == single) {
                (group.byBooking() ? group.bookingNumbers : group.containerNumbers).append(record.number);
                merged = true;
                break;
            }
        }
        if (!merged)
            groups.append(single);
    }
    return groups;
}

} // namespace SubscriptionGrouping
