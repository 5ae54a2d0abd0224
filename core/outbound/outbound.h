#pragma once

#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class Clock;
class QNetworkAccessManager;

// Outbound: changes leave Quaywatch through a transactional outbox (issue 17). The store writes the
// messages in the same transaction as the events that caused them; a dispatcher in every sync
// worker claims them (SKIP LOCKED on PostgreSQL) and hands each to the sender of its destination.
// This header is the contract between the outbox (core/storage, core/outbound), the senders (the
// provider modules' outbound kinds) and the screens and commands that show them.

// Two sorts of destination. A webhook is the user's: any number of them, each sent the events it
// wants as documented JSON. Any other kind is a catalog connection of the "Outbound" group (a TMS),
// one per entity, named after its kind and sent the changes of its field table (fieldmapping.h).
namespace Outbound {
inline constexpr auto webhookKind = "webhook"; // signed JSON webhooks
} // namespace Outbound

// A place an entity's changes are sent to. Secrets are never here, only in the keychain: a catalog
// destination's under SecretStore::key(entity, kind, field), like every connection's; a webhook's
// signing secret under SecretStore::key(entity, "outbound/" + name, "signingSecret").
struct OutboundDestination
{
    qint64 id = 0;
    QString entity;
    QString name; // unique per entity; a catalog destination is named after its kind
    QString kind; // Outbound::webhookKind or a catalog destination's kind
    QUrl url;     // webhook: the receiver; a catalog destination: its API base URL (empty: the documented one)
    // Webhook: the event code names (eventCodeName) it wants; empty means all. Others: unused.
    QStringList eventCodes;
    bool enabled = true;
    int maxInFlight = 8;  // deliveries in flight at once, across every worker's dispatcher
    int maxAttempts = 10; // failed attempts before a message becomes a dead letter
    // Set when the sender stopped the destination (e.g. a TMS revoked its refresh token): nothing
    // is sent until the user fixes it and re-enables it; messages keep queueing meanwhile.
    QString stoppedReason;
    QDateTime createdAt;
};

enum class OutboxState
{
    Pending,   // waiting for its turn (next_attempt_at) or for an earlier message of its container
    Sending,   // claimed by a worker until claimedUntil; a dead worker's claim runs out and is retaken
    Delivered, // the receiver accepted it
    Dead,      // failed maxAttempts times (or permanently); kept with its last error until retried
};

// One message to one destination about one container. Messages of one (destination, container) are
// delivered strictly in sequence order: a later one is not claimed while an earlier one is pending
// or being sent.
struct OutboxMessage
{
    qint64 sequence = 0; // the outbox row id: the order of the events that caused it
    QString messageId;   // stable UUID sent with every attempt, so the receiver can drop repeats
    qint64 destinationId = 0;
    QString entity;
    qint64 containerId = 0;
    QString containerNumber;
    // What the sender sends, built when the message is written (inside the event transaction):
    // webhook: the documented delivery body; a catalog destination: {"fields": {<its field>: value},
    // "previous": {<its field>: value}} with only the changed fields.
    QJsonObject payload;
    OutboxState state = OutboxState::Pending;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt;
    QDateTime deliveredAt;
    QString lastError; // never contains a secret
};

// How one delivery attempt ended, as the sender saw it.
struct DeliveryResult
{
    enum class Outcome
    {
        Delivered,
        Retry,     // transient (5xx, 429, timeout, refused): try again with backoff or Retry-After
        Permanent, // this message can never be delivered as it is (e.g. 400, no load carries the number)
        Stop,      // the destination cannot send anything (refresh token revoked): stop it
    };
    Outcome outcome = Outcome::Delivered;
    QString error;                      // empty when delivered; readable and secret-free otherwise
    std::optional<qint64> retryAfterMs; // the receiver's Retry-After, when it gave one
    int statusCode = 0;                 // the last HTTP status, 0 when none arrived
    QString summary;                    // for the audit log, e.g. "load 12345: Last Free Day"
};

// Stores a secret the sender obtained (a refresh token when it is issued or rotated) in the
// keychain, under the destination's keys. done runs once on the caller's thread.
using OutboundSecretWriter =
    std::function<void(const QString &field, const QString &value, std::function<void(Result<void>)> done)>;

struct OutboundSenderContext
{
    OutboundDestination destination;
    QHash<QString, QString> secrets; // the destination's keychain fields, read before the sender is made
    OutboundSecretWriter saveSecret; // may be empty in tests that need no refresh token
    QNetworkAccessManager *network = nullptr;
    const Clock *clock = nullptr; // required
};

// Sends one destination's messages. Asynchronous: done is called exactly once, on the caller's
// thread, never from inside the call. Several deliveries may be in flight at once (up to the
// destination's maxInFlight); a sender serialises what must be serialised itself (e.g. one token
// refresh in flight).
class OutboundSender
{
public:
    virtual ~OutboundSender() = default;
    virtual QString kind() const = 0;
    virtual void deliver(const OutboxMessage &message, std::function<void(DeliveryResult)> done) = 0;
    // "Test connection": checks that the destination can be reached and its credentials work,
    // sending no container data.
    virtual void test(std::function<void(DeliveryResult)> done) = 0;
};
