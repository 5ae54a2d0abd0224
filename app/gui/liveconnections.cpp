#include "liveconnections.h"

#include "connectionrecord.h"
#include "providerregistry.h"
#include "secretstore.h"
#include "store.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace {

using SecretsDone = std::function<void(Result<QHash<QString, QString>>)>;

// Reads the named secret fields one after the other (the keychain runs one job at a time anyway).
void readSecrets(SecretStore &secrets, const ConnectionRecord &record, QStringList names,
                 QHash<QString, QString> values, SecretsDone done)
{
    if (names.isEmpty()) {
        done(std::move(values));
        return;
    }
    const QString name = names.takeFirst();
    secrets.read(SecretStore::key(record.entity, record.provider, name),
                 [&secrets, record, name, names, values, done = std::move(done)](Result<QString> read) mutable {
                     if (!read) {
                         done(read.error());
                         return;
                     }
                     values.insert(name, read.value());
                     readSecrets(secrets, record, std::move(names), std::move(values), std::move(done));
                 });
}

} // namespace

LiveConnections::LiveConnections(Store &store, SecretStore &secrets, QNetworkAccessManager &network, const Clock &clock,
                                 QString entity, QObject *parent)
    : QObject(parent), m_store(store), m_entity(std::move(entity)), m_secrets(secrets), m_network(network),
      m_clock(clock)
{}

LiveConnections::~LiveConnections() = default;

void LiveConnections::load(Ready ready, Finished finished)
{
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    QList<ConnectionRecord> polled;
    for (const QString &provider : registry.adapterProviderIds()) {
        Result<std::optional<ConnectionRecord>> connection = m_store.connection(m_entity, provider);
        if (!connection) {
            finished({connection.error().message});
            return;
        }
        if (connection->has_value() && connection.value()->status != "not_connected"_L1)
            polled.append(*connection.value());
    }
    loadNext(std::move(polled), {}, std::move(ready), std::move(finished));
}

void LiveConnections::loadNext(QList<ConnectionRecord> records, QStringList problems, Ready ready, Finished finished)
{
    if (records.isEmpty()) {
        finished(problems);
        return;
    }
    const ConnectionRecord record = records.takeFirst();
    const ProviderRegistry &registry = ProviderRegistry::builtIn();
    const CatalogProvider *provider = registry.catalog().provider(record.provider);
    // The keychain is shared with the rest of the console and outlives this object: an answer that
    // comes after it is gone is dropped.
    readSecrets(
        m_secrets, record, provider->secretFieldNames(), {},
        [self = QPointer<LiveConnections>(this), record, provider, records = std::move(records),
         problems = std::move(problems), ready = std::move(ready),
         finished = std::move(finished)](Result<QHash<QString, QString>> secrets) mutable {
            if (!self)
                return;
            if (!secrets) {
                problems.append(tr("%1 is not synced: cannot read its credentials from the keychain (%2).")
                                    .arg(provider->displayName, secrets.error().message));
            } else {
                const AdapterContext context{provider, record, secrets.value(), &self->m_network, &self->m_clock};
                Result<std::unique_ptr<ProviderAdapter>> adapter =
                    ProviderRegistry::builtIn().module(record.provider)->createAdapter(context);
                if (adapter) {
                    self->m_adapters.push_back(std::move(adapter.value()));
                    ready(self->m_adapters.back().get());
                } else {
                    problems.append(adapter.error().message);
                }
            }
            self->loadNext(std::move(records), std::move(problems), std::move(ready), std::move(finished));
        });
}
