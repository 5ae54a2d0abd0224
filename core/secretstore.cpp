#include "secretstore.h"

#include "logging.h"
#include "servicecredentials.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QPointer>
#include <qt6keychain/keychain.h>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// One part of a key: '%' and '/' are percent-encoded so that "a/b" + "c" never collides with
// "a" + "b/c".
QString escapeKeyPart(const QString &part)
{
    QString escaped = part;
    escaped.replace(u'%', u"%25"_s);
    escaped.replace(u'/', u"%2F"_s);
    return escaped;
}

const QString &privacyPromise()
{
    static const QString text = u"Quaywatch never stores secrets in plain text."_s;
    return text;
}

// Why it failed, what to do about it. The job's own error string is technical (GDBus, libsecret),
// so it is kept at the end for support, never at the front.
Error classifyJobError(const QKeychain::Job &job)
{
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return makeError(ErrorKind::NotFound, u"No secret is stored under %1."_s.arg(job.key()));
    case QKeychain::NoBackendAvailable:
        return makeError(ErrorKind::KeychainUnavailable,
                         u"No keychain is available: no Secret Service is running on the D-Bus session bus. "
                         "Start gnome-keyring (or another Secret Service) and unlock it, then try again. "_s %
                             privacyPromise());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(
            ErrorKind::KeychainUnavailable,
            u"The keychain refused access (%1). Unlock the keychain (for example the "
            "\"login\" collection of gnome-keyring) and allow Quaywatch to use it, then try again. "_s.arg(detail) %
                privacyPromise());
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
        break;
    }
    const bool noSessionBus = detail.contains(u"autolaunch"_s, Qt::CaseInsensitive) ||
                              detail.contains(u"DBUS_SESSION_BUS_ADDRESS"_s) ||
                              detail.contains(u"session bus"_s, Qt::CaseInsensitive) ||
                              detail.contains(u"Could not connect"_s, Qt::CaseInsensitive) ||
                              detail.contains(u"No such file or directory"_s, Qt::CaseInsensitive) ||
                              detail.contains(u"Connection refused"_s, Qt::CaseInsensitive);
    if (noSessionBus) {
        return makeError(ErrorKind::KeychainUnavailable,
                         u"No keychain is available: there is no D-Bus session bus to reach a Secret Service "
                         "(%1). Run Quaywatch inside a desktop session (or dbus-run-session), start gnome-keyring "
                         "(or another Secret Service) and unlock it, then try again. "_s.arg(detail) %
                             privacyPromise());
    }
    if (detail.contains(u"locked"_s, Qt::CaseInsensitive) || detail.contains(u"prompt"_s, Qt::CaseInsensitive)) {
        return makeError(ErrorKind::KeychainUnavailable,
                         u"The keychain is locked (%1). Unlock it and try again. "_s.arg(detail) % privacyPromise());
    }
    return makeError(ErrorKind::KeychainUnavailable,
                     u"The keychain failed (%1). Check that a Secret Service such as gnome-keyring is running and "
                     "unlocked, then try again. "_s.arg(detail) %
                         privacyPromise());
}

// A locked keyring does not say so through QtKeychain: an item in a locked collection reads as
// missing (libsecret cannot unlock it without a prompt), and a pending unlock prompt as no answer.
// So after "not found", a timeout or a failed write, the Secret Service itself is asked whether the
// default collection is locked, and the user hears the real reason. done runs once, on context's thread.
void askWhetherLocked(QObject *context, std::function<void(bool locked)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    QDBusMessage message =
        QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s, u"/org/freedesktop/secrets/aliases/default"_s,
                                       u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    message << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
    constexpr int answerWithinMs = 2000; // a stopped daemon must not add much to the job's own deadline
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, answerWithinMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *watcher;
        done(!reply.isError() && reply.value().variant().toBool());
    });
}

// The state of one keychain job as seen from here: whichever of "job finished" and "deadline
// passed" comes first settles it; the other is ignored. The QtKeychain job itself is never deleted
// early: its backend may still hold a pointer to it, so it deletes itself when it finally finishes.
struct PendingJob
{
    bool settled = false;
    QPointer<QTimer> deadline;
};

} // namespace

SecretStore::SecretStore(QString service, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent), m_service(std::move(service)), m_timeout(timeout)
{}

SecretStore::~SecretStore() = default;

Error SecretStore::lockedError()
{
    return makeError(ErrorKind::KeychainUnavailable,
                     u"the keyring is locked: unlock it in your desktop's password manager"_s);
}

QString SecretStore::key(const QString &entity, const QString &provider, const QString &field)
{
    return escapeKeyPart(entity) % u'/' % escapeKeyPart(provider) % u'/' % escapeKeyPart(field);
}

namespace {

// Starts job under a deadline owned by context. onFinished runs on the job's completion, onTimeout
// when the deadline passes first; exactly one of them runs, and neither after context is gone.
void runWithDeadline(QObject *context, QKeychain::Job *job, std::chrono::milliseconds timeout,
                     std::function<void(QKeychain::Job *)> onFinished, std::function<void()> onTimeout)
{
    job->setInsecureFallback(false); // never plain text, whatever the platform offers
    job->setAutoDelete(true);        // deletes itself after finished(), also after a timeout here

    auto pending = std::make_shared<PendingJob>();
    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    timer->setInterval(timeout);
    pending->deadline = timer;

    QObject::connect(timer, &QTimer::timeout, context, [pending, timer, onTimeout = std::move(onTimeout)] {
        timer->deleteLater();
        if (pending->settled)
            return;
        pending->settled = true;
        onTimeout();
    });
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [pending, onFinished = std::move(onFinished)](QKeychain::Job *finishedJob) {
                         if (pending->deadline)
                             pending->deadline->deleteLater();
                         if (pending->settled) {
                             qCDebug(lcSecrets) << "late keychain answer ignored for" << finishedJob->key();
                             return;
                         }
                         pending->settled = true;
                         onFinished(finishedJob);
                     });
    timer->start();
    job->start();
}

// Either the error as classified, or "locked" when the keyring turns out to be locked.
void settleWithLockCheck(QObject *context, Error error, std::function<void(Error)> done)
{
    askWhetherLocked(context, [error = std::move(error), done = std::move(done)](bool locked) {
        done(locked ? SecretStore::lockedError() : error);
    });
}

Error timeoutError(std::chrono::milliseconds timeout)
{
    const double seconds = static_cast<double>(timeout.count()) / 1000.0;
    return makeError(ErrorKind::KeychainUnavailable,
                     u"The keychain did not answer within %1 seconds. It may be locked and waiting for a password "
                     "prompt, or the Secret Service (gnome-keyring) may be hung: unlock or restart it, then try "
                     "again. "_s.arg(seconds) %
                         privacyPromise());
}

// A worker run as a systemd service reads its credentials from the unit and never writes them
// (servicecredentials.h): connecting and disconnecting happen on the manager's machine.
Error serviceReadOnlyError()
{
    return makeError(ErrorKind::KeychainUnavailable,
                     u"This worker runs as a service with systemd credentials ($CREDENTIALS_DIRECTORY), which are "
                     "read-only: connect on a desktop, then give the worker the secret with quaywatch-cli connections "
                     "export-credential."_s);
}

} // namespace

void SecretStore::answerLater(std::function<void()> answer)
{
    // The keychain answers asynchronously; the service path keeps that contract for its callers.
    QMetaObject::invokeMethod(this, std::move(answer), Qt::QueuedConnection);
}

void SecretStore::write(const QString &key, const QString &secret, std::function<void(Result<void>)> done)
{
    qCDebug(lcSecrets) << "writing secret" << key;
    if (ServiceCredentials::active()) {
        answerLater([done = std::move(done)] { done(serviceReadOnlyError()); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    auto callback = std::make_shared<std::function<void(Result<void>)>>(std::move(done));
    const auto timeout = m_timeout;
    const auto fail = [this, callback](Error error) {
        settleWithLockCheck(this, std::move(error), [callback](Error settled) { (*callback)(std::move(settled)); });
    };
    runWithDeadline(
        this, job, timeout,
        [callback, fail](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError) {
                qCWarning(lcSecrets) << "writing" << finished->key() << "failed:" << finished->errorString();
                fail(classifyJobError(*finished));
                return;
            }
            (*callback)(Result<void>());
        },
        [fail, timeout, key] {
            qCWarning(lcSecrets) << "writing" << key << "timed out";
            fail(timeoutError(timeout));
        });
}

void SecretStore::read(const QString &key, std::function<void(Result<QString>)> done)
{
    qCDebug(lcSecrets) << "reading secret" << key;
    if (ServiceCredentials::active()) {
        answerLater([done = std::move(done), name = ServiceCredentials::name(m_service, key)] {
            done(ServiceCredentials::read(name));
        });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    auto callback = std::make_shared<std::function<void(Result<QString>)>>(std::move(done));
    const auto timeout = m_timeout;
    const auto fail = [this, callback](Error error) {
        settleWithLockCheck(this, std::move(error), [callback](Error settled) {
            if (settled.kind != ErrorKind::NotFound)
                qCWarning(lcSecrets).noquote() << "reading a secret failed:" << settled.message;
            (*callback)(std::move(settled));
        });
    };
    runWithDeadline(
        this, job, timeout,
        [callback, fail](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError) {
                if (finished->error() != QKeychain::EntryNotFound)
                    qCWarning(lcSecrets) << "reading" << finished->key() << "failed:" << finished->errorString();
                fail(classifyJobError(*finished));
                return;
            }
            (*callback)(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
        },
        [fail, timeout, key] {
            qCWarning(lcSecrets) << "reading" << key << "timed out";
            fail(timeoutError(timeout));
        });
}

void SecretStore::remove(const QString &key, std::function<void(Result<void>)> done)
{
    qCDebug(lcSecrets) << "removing secret" << key;
    if (ServiceCredentials::active()) {
        answerLater([done = std::move(done)] { done(serviceReadOnlyError()); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    auto callback = std::make_shared<std::function<void(Result<void>)>>(std::move(done));
    const auto timeout = m_timeout;
    runWithDeadline(
        this, job, timeout,
        [callback](QKeychain::Job *finished) {
            // Removing what is not there leaves the keychain as the caller wants it.
            if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
                qCWarning(lcSecrets) << "removing" << finished->key() << "failed:" << finished->errorString();
                (*callback)(classifyJobError(*finished));
                return;
            }
            (*callback)(Result<void>());
        },
        [callback, timeout, key] {
            qCWarning(lcSecrets) << "removing" << key << "timed out";
            (*callback)(timeoutError(timeout));
        });
}
