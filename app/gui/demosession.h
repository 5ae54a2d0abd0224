#pragma once

#include "result.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

class Clock;
class ProviderAdapter;
class SecretStore;
class SimulatorServer;
class Store;

// `quaywatch --demo`: the provider simulator in-process on a free loopback port, playing the demo
// scenario on an accelerated clock, a throw-away database holding the scenario's containers, and the
// connected account the registry's modules name for the demo, so a new user sees holds release and LFDs change within a
// minute.
class DemoSession final : public QObject
{
    Q_OBJECT

public:
    static constexpr double speed = 600; // simulated seconds per real second: ten hours a minute
    static constexpr auto entity = "demo";

    explicit DemoSession(QObject *parent = nullptr);
    ~DemoSession() override;

    // Starts the simulator with the scenario, creates the database and adds every container. The
    // database stamps its rows with storeClock (the executable's clock, which must outlive the session);
    // the adapter and the console run on the simulator's accelerated clock().
    Result<void> start(const QByteArray &scenarioJson, const Clock &storeClock);
    // Saves the demo password through SecretStore (never anywhere else) and records the connection.
    // done gets an empty string, or a message to show when no keychain could take the password; the
    // demo then runs with the password held in memory only.
    void connectAccount(std::function<void(QString warning)> done);

    Store &store() const { return *m_store; }
    const Clock &clock() const;
    ProviderAdapter *adapter() const { return m_adapter.get(); }
    // The in-process simulator, the base of every demo account's URL (DemoAccount::basePath).
    QUrl simulatorUrl() const;
    static QString secretService() { return QStringLiteral("quaywatch-demo"); }
    int containerCount() const { return m_containerCount; }

private:
    QTemporaryDir m_folder;
    std::unique_ptr<SimulatorServer> m_simulator;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager m_network;
    std::unique_ptr<ProviderAdapter> m_adapter;
    int m_containerCount = 0;
};
