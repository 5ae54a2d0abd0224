#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class Clock;
class ProviderAdapter;
class QNetworkAccessManager;
class SecretStore;
class Store;
struct ConnectionRecord;

// Turns an entity's saved connections into adapters for the console's sync, one per connection whose
// provider module polls: non-secret fields from the store, the secret fields from the keychain
// (asynchronously; the window stays responsive meanwhile). Loaded again whenever the entity or a
// connection changes; adapters built earlier stay alive with this object because a running sync
// cycle may still use them.
class LiveConnections final : public QObject
{
    Q_OBJECT

public:
    // The console's one keychain, network access and clock: the adapters use them for as long as they
    // live, so all three must outlive this object.
    LiveConnections(Store &store, SecretStore &secrets, QNetworkAccessManager &network, const Clock &clock,
                    QString entity, QObject *parent = nullptr);
    ~LiveConnections() override;

    // ready gets each adapter built (owned here) and, at the end, the problems met (may be empty).
    void setEntity(const QString &entity) { m_entity = entity; }
    QString entity() const { return m_entity; }
    void load(std::function<void(ProviderAdapter *)> ready, std::function<void(QStringList problems)> finished);

private:
    using Ready = std::function<void(ProviderAdapter *)>;
    using Finished = std::function<void(QStringList problems)>;
    // Builds the adapter of records.first(), then of the rest; problems gathers what went wrong.
    void loadNext(QList<ConnectionRecord> records, QStringList problems, Ready ready, Finished finished);

    Store &m_store;
    QString m_entity;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_network;
    const Clock &m_clock;
    std::vector<std::unique_ptr<ProviderAdapter>> m_adapters;
};
