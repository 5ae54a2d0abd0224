#pragma once

#include "result.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

// Secrets in the OS keychain (Secret Service through QtKeychain), never anywhere else. Keys are
// namespaced by entity and provider. QtKeychain has no timeout and runs jobs one at a time, so every
// job here gets its own deadline: a keychain that never answers yields KeychainUnavailable instead
// of hanging. There is no plain-text fallback: without a keychain, storing a secret fails. A failed or
// timed-out job, and a missing entry, are checked against the Secret Service's own "locked" state. A
// worker run as a systemd service reads systemd's credentials instead (servicecredentials.h).
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QString service = QStringLiteral("quaywatch"),
                         std::chrono::milliseconds timeout = std::chrono::seconds(10), QObject *parent = nullptr);
    ~SecretStore() override;

    static QString key(const QString &entity, const QString &provider, const QString &field);
    // What read() and write() yield when the keyring turns out to be locked (QtKeychain itself reports
    // a locked keyring as a missing entry or as no answer); the same words everywhere it is shown.
    static Error lockedError();

    // Callbacks run exactly once on this object's thread. read() yields ErrorKind::NotFound for a
    // key that was never written.
    void write(const QString &key, const QString &secret, std::function<void(Result<void>)> done);
    void read(const QString &key, std::function<void(Result<QString>)> done);
    void remove(const QString &key, std::function<void(Result<void>)> done);

    QString service() const { return m_service; }

private:
    void answerLater(std::function<void()> answer);

    QString m_service;
    std::chrono::milliseconds m_timeout;
};
