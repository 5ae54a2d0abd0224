#pragma once

#include "outbound/outbound.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class Clock;
class QNetworkAccessManager;
class SecretStore;

// The app-side sender factory of the outbox dispatcher (issue 17). Each destination kind registers
// the keychain fields its sender needs and a factory; createOutboundSender reads those fields of the
// destination (a catalog destination: SecretStore::key(entity, kind, field); a webhook:
// SecretStore::key(entity, "outbound/" + name, field)) and makes the sender. The modules declare
// theirs (ProviderModule::outboundSenderKinds), added on first use; with no kind registered every
// destination gets an error, never a crash.
namespace OutboundSenders {
using Factory = std::function<std::unique_ptr<OutboundSender>(const OutboundSenderContext &)>;
// Replaces an earlier registration of kind. Call on the main thread before the first sender is made.
void registerKind(const QString &kind, const QStringList &secretFields, Factory factory);
bool isRegistered(const QString &kind);
// The registered kinds other than webhooks: the catalog destinations, each named after its kind, so
// no webhook may take one of these names (compared case-insensitively).
QStringList catalogKinds();
bool isCatalogKindName(const QString &name);
// The keychain "provider" part of a destination's secret keys.
QString secretScope(const OutboundDestination &destination);
} // namespace OutboundSenders

inline void registerOutboundSenderKind(const QString &kind, const QStringList &fieldNames,
                                       OutboundSenders::Factory factory)
{
    OutboundSenders::registerKind(kind, fieldNames, std::move(factory));
}

// Reads the destination's secrets and makes its sender; done runs once, on the caller's thread. A
// secret field that was never saved is left out of the context (the sender decides whether it needs
// it); a locked or unanswering keychain fails the call.
void createOutboundSender(const OutboundDestination &destination, SecretStore &secrets, QNetworkAccessManager *network,
                          const Clock &clock, const std::function<void(Result<std::shared_ptr<OutboundSender>>)> &done);
