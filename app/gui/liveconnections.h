#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class PortsAmericaAdapter;
class SecretStore;
class Store;

// Turns the entity's saved connections into adapters for the console's sync: non-secret fields from
// the store, the password from the keychain (asynchronously; the window stays responsive meanwhile).
class LiveConnections final : public QObject
{
    Q_OBJECT

public:
    LiveConnections(Store &store, QString entity, QObject *parent = nullptr);
    ~LiveConnections() override;

    // ready gets each adapter built (owned here) and, at the end, the problems met (may be empty).
    void load(std::function<void(PortsAmericaAdapter *)> ready, std::function<void(QStringList problems)> finished);

private:
    Store &m_store;
    QString m_entity;
    QNetworkAccessManager m_network;
    std::unique_ptr<SecretStore> m_secrets;
    std::vector<std::unique_ptr<PortsAmericaAdapter>> m_adapters;
};
