#include "outboundsenders.h"

#include "providerregistry.h"
#include "secretstore.h"

#include <QHash>
#include <QStringBuilder>

using namespace Qt::Literals::StringLiterals;

namespace {
struct Registration
{
    QStringList secretFields;
    OutboundSenders::Factory factory;
};

QHash<QString, Registration> &registry()
{
    static QHash<QString, Registration> kinds;
    return kinds;
}

// The built-in modules' kinds, added once; a kind registered by hand first (a test's) is kept.
void registerBuiltInKinds()
{
    static const bool registered = [] {
        for (const auto &module : ProviderRegistry::builtIn().modules()) {
            for (const OutboundSenderKind &kind : module->outboundSenderKinds()) {
                if (!registry().contains(kind.kind))
                    registry().insert(kind.kind, Registration{kind.secretFields, kind.create});
            }
        }
        return true;
    }();
    Q_UNUSED(registered)
}

using Done = std::function<void(Result<std::shared_ptr<OutboundSender>>)>;

// Reads fields one after the other (QtKeychain runs one job at a time anyway), then makes the sender.
void readFields(const std::shared_ptr<OutboundSenderContext> &context, QStringList fields, SecretStore &secrets,
                const Registration &registration, const Done &done)
{
    if (fields.isEmpty()) {
        std::unique_ptr<OutboundSender> sender = registration.factory(*context);
        if (!sender) {
            done(makeError(ErrorKind::InvalidInput,
                           u"The outbound destination %1 cannot be sent to"_s.arg(context->destination.name)));
            return;
        }
        done(std::shared_ptr<OutboundSender>(std::move(sender)));
        return;
    }
    const QString field = fields.takeFirst();
    const QString key =
        SecretStore::key(context->destination.entity, OutboundSenders::secretScope(context->destination), field);
    SecretStore *store = &secrets;
    secrets.read(key, [context, fields, store, registration, done, field](const Result<QString> &read) {
        if (read)
            context->secrets.insert(field, read.value());
        else if (read.error().kind != ErrorKind::NotFound) {
            done(read.error());
            return;
        }
        readFields(context, fields, *store, registration, done);
    });
}
} // namespace

void OutboundSenders::registerKind(const QString &kind, const QStringList &secretFields, Factory factory)
{
    registry().insert(kind, Registration{secretFields, std::move(factory)});
}

bool OutboundSenders::isRegistered(const QString &kind)
{
    registerBuiltInKinds();
    return registry().contains(kind);
}

QStringList OutboundSenders::catalogKinds()
{
    registerBuiltInKinds();
    QStringList kinds = registry().keys();
    kinds.removeAll(QString::fromLatin1(Outbound::webhookKind));
    kinds.sort();
    return kinds;
}

bool OutboundSenders::isCatalogKindName(const QString &name)
{
    return catalogKinds().contains(name, Qt::CaseInsensitive);
}

// A catalog destination's secrets sit where its connection's do (under the kind, its catalog id); a
// webhook's under its own name.
QString OutboundSenders::secretScope(const OutboundDestination &destination)
{
    if (destination.kind != QLatin1StringView(Outbound::webhookKind))
        return destination.kind;
    return u"outbound/"_s % destination.name;
}

void createOutboundSender(const OutboundDestination &destination, SecretStore &secrets, QNetworkAccessManager *network,
                          const Clock &clock, const std::function<void(Result<std::shared_ptr<OutboundSender>>)> &done)
{
    registerBuiltInKinds();
    const auto found = registry().constFind(destination.kind);
    if (found == registry().constEnd()) {
        done(makeError(ErrorKind::NotImplemented,
                       u"No sender is available for outbound destinations of kind \"%1\""_s.arg(destination.kind)));
        return;
    }
    auto context = std::make_shared<OutboundSenderContext>();
    context->destination = destination;
    context->network = network;
    context->clock = &clock;
    const QString entity = destination.entity;
    const QString scope = OutboundSenders::secretScope(destination);
    SecretStore *store = &secrets;
    context->saveSecret = [store, entity, scope](const QString &field, const QString &value,
                                                 std::function<void(Result<void>)> saved) {
        store->write(SecretStore::key(entity, scope, field), value, std::move(saved));
    };
    readFields(context, found->secretFields, secrets, found.value(), done);
}
