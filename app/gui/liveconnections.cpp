#include "liveconnections.h"

#include "portsamericaadapter.h"
#include "secretstore.h"
#include "store.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString portsAmericaId = QString::fromLatin1(PortsAmerica::providerId);
}

LiveConnections::LiveConnections(Store &store, SecretStore &secrets, QNetworkAccessManager &network, QString entity,
                                 QObject *parent)
    : QObject(parent), m_store(store), m_entity(std::move(entity)), m_secrets(secrets), m_network(network)
{}

LiveConnections::~LiveConnections() = default;

void LiveConnections::load(std::function<void(PortsAmericaAdapter *)> ready,
                           std::function<void(QStringList problems)> finished)
{
    Result<std::optional<ConnectionRecord>> connection = m_store.connection(m_entity, portsAmericaId);
    if (!connection) {
        finished({connection.error().message});
        return;
    }
    if (!connection->has_value()) {
        finished({});
        return;
    }
    const ConnectionRecord record = *connection.value();
    if (record.status == "not_connected"_L1) {
        finished({});
        return;
    }
    // The keychain is shared with the rest of the console and outlives this object: an answer that
    // comes after it is gone is dropped.
    m_secrets.read(SecretStore::key(m_entity, portsAmericaId, u"password"_s),
                   [self = QPointer<LiveConnections>(this), record, ready = std::move(ready),
                    finished = std::move(finished)](Result<QString> secret) {
                       if (!self)
                           return;
                       if (!secret) {
                           finished({tr("Ports America is not synced: cannot read its password from the "
                                        "keychain (%1).")
                                         .arg(secret.error().message)});
                           return;
                       }
                       PortsAmericaConfig config = PortsAmericaConfig::fromConnection(record, secret.value());
                       self->m_adapters.push_back(
                           std::make_unique<PortsAmericaAdapter>(&self->m_network, std::move(config)));
                       ready(self->m_adapters.back().get());
                       finished({});
                   });
}
