#include "subscriptionservice.h"

#include "clock.h"
#include "logging.h"
#include "providercatalog.h"
#include "secretstore.h"
#include "store.h"
#include "subscriptiongrouping.h"
#include "webhooktoken.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSubscriptionService, "quaywatch.providers.subscriptions")

} // namespace

struct SubscriptionService::Job
{
    QStringList numbers;
    qsizetype next = 0;
    QStringList failures;
    int succeeded = 0;
    QList<SubscriptionRequest> requests;
    // Publishing
    PublicationAction action = PublicationAction::Requested;
    QString provider;
    QJsonObject data;
    bool normalize = true;
    bool traceNow = false;
    int skipped = 0;
};

SubscriptionService::SubscriptionService(Store *store, SecretStore *secrets, QNetworkAccessManager *network,
                                         const ProviderCatalog *catalog, const Clock *clock, QObject *parent)
    : QObject(parent), m_store(store), m_secrets(secrets), m_network(network), m_catalog(catalog), m_clock(clock),
      m_registry(catalog), m_subscribing(m_registry.subscribing()), m_publishing(m_registry.publishing()),
      m_subscriptions(std::make_unique<SubscriptionStore>(*store))
{}

SubscriptionService::~SubscriptionService() = default;

void SubscriptionService::setEntity(const QString &entity)
{
    if (entity == m_entity)
        return;
    m_entity = entity;
    Q_EMIT subscriptionsChanged();
    Q_EMIT publicationsChanged();
}

QString SubscriptionService::subscribingId() const
{
    return m_subscribing.entry ? m_subscribing.entry->id : QString();
}

QString SubscriptionService::subscribingName() const
{
    return m_subscribing.entry ? m_subscribing.entry->displayName : QString();
}

SubscriptionOptions SubscriptionService::subscriptionOptions() const
{
    return m_subscribing.provider ? m_subscribing.provider->options() : SubscriptionOptions{};
}

QString SubscriptionService::webhookPath() const
{
    return m_registry.capabilities(subscribingId()).webhookPath;
}

QStringList SubscriptionService::validate(const SubscriptionRequest &request) const
{
    return requestProblems(m_subscribing.provider, request);
}

QStringList SubscriptionService::requestProblems(const SubscriptionProvider *provider,
                                                 const SubscriptionRequest &request)
{
    if (!provider)
        return {tr("No provider module takes subscriptions")};
    SubscriptionRequest probe = request;
    QStringList problems;
    if (!probe.callbackUri.isEmpty() && probe.callbackToken.isEmpty())
        probe.callbackToken = QString::fromLatin1(WebhookToken::generate()); // stands for the one supplied later
    else if (!probe.callbackToken.isEmpty())
        problems += WebhookToken::problem(probe.callbackToken.toUtf8());
    problems.removeAll(QString());
    return problems + provider->validate(probe);
}

QString SubscriptionService::publisherName() const
{
    return m_publishing ? m_publishing->displayName() : QString();
}

QList<const CatalogProvider *> SubscriptionService::publishableProviders() const
{
    QList<const CatalogProvider *> found;
    for (const CatalogProvider &provider : m_catalog->providers()) {
        if (m_publishing && m_publishing->accepts(provider))
            found.append(&provider);
    }
    return found;
}

Result<QList<SubscriptionRecord>> SubscriptionService::subscriptions()
{
    return m_subscriptions->subscriptions(m_entity, subscribingId());
}

QStringList SubscriptionService::referenceProblems(const SubscriptionRecord &record, const QString &reference) const
{
    SubscriptionRequest request = SubscriptionGrouping::requestFor(record);
    request.reference = reference;
    if (!request.callbackUri.isEmpty())
        request.callbackToken = QString(WebhookToken::minimumBytes, u'k'); // the stored one is read when sending
    return validate(request);
}

void SubscriptionService::begin(const QString &message)
{
    m_busy = true;
    m_lastSucceeded = 0;
    Q_EMIT busyChanged(true);
    Q_EMIT progress(message);
}

void SubscriptionService::end(bool ok, const QString &message)
{
    m_busy = false;
    // Info, not warning: the message itself goes to the user (the screen, the CLI's stderr) already.
    if (!ok)
        qCInfo(lcSubscriptionService) << "Subscription operation failed:" << message;
    Q_EMIT busyChanged(false);
    Q_EMIT finished(ok, message);
}

QString SubscriptionService::webhookTokenKey(const QString &entity)
{
    const SubscribingProvider subscribing = ProviderRegistry::builtIn().subscribing();
    return SecretStore::key(entity, subscribing.entry ? subscribing.entry->id : QString(), u"webhookToken"_s);
}

QString SubscriptionService::tokenKey() const
{
    return SecretStore::key(m_entity, subscribingId(), u"webhookToken"_s);
}

void SubscriptionService::withClient(bool wantToken, const std::function<void(Result<QString>)> &run)
{
    auto record = m_store->connection(m_entity, subscribingId());
    if (!m_subscribing.provider || !record || !record->has_value()) {
        end(false, tr("There is no %1 connection for %2; connect %1 on the Data sources page first")
                       .arg(subscribingName(), m_entity));
        return;
    }
    const QUrl base =
        record->value().baseUrl.isEmpty() ? m_subscribing.provider->defaultBaseUrl() : QUrl(record->value().baseUrl);
    const QString keyName = SecretStore::key(m_entity, subscribingId(), m_subscribing.provider->keyField());
    m_secrets->read(keyName, [this, base, wantToken, run](Result<QString> key) {
        if (!key) {
            end(false, tr("Cannot read the %1 subscription key from the keychain: %2")
                           .arg(subscribingName(), key.error().message));
            return;
        }
        m_session = m_subscribing.provider->openSession(m_network, base, key.value().toUtf8());
        if (!wantToken) {
            run(QString());
            return;
        }
        m_secrets->read(tokenKey(), run);
    });
}

bool SubscriptionService::subscribe(const SubscriptionRequest &request)
{
    if (m_busy)
        return false;
    begin(tr("Subscribing %n number(s)…", nullptr, int(request.numbers().size())));
    if (request.callbackUri.isEmpty() || !request.callbackToken.isEmpty()) {
        subscribeWithToken(request);
        return true;
    }
    // One listener checks every callback against one token: reuse the stored one, or make one.
    m_secrets->read(tokenKey(), [this, request](const Result<QString> &stored) {
        if (!stored && stored.error().kind != ErrorKind::NotFound) {
            end(false, tr("Cannot read the webhook token from the keychain: %1").arg(stored.error().message));
            return;
        }
        SubscriptionRequest withToken = request;
        const bool usable = stored && WebhookToken::problem(stored.value().toUtf8()).isEmpty();
        withToken.callbackToken = usable ? stored.value() : QString::fromLatin1(WebhookToken::generate());
        subscribeWithToken(withToken);
    });
    return true;
}

void SubscriptionService::subscribeWithToken(const SubscriptionRequest &request)
{
    if (const QStringList problems = validate(request); !problems.isEmpty()) {
        end(false, problems.join(u'\n'));
        return;
    }
    auto send = [this, request] {
        withClient(false, [this, request](const Result<QString> &) {
            auto job = std::make_shared<Job>();
            job->requests = {request};
            m_lastRequestsSent = 0;
            sendSubscriptions(job, tr("Subscribed %n number(s)", nullptr, int(request.numbers().size())));
        });
    };
    if (request.callbackToken.isEmpty()) {
        send();
        return;
    }
    // The token goes to the keychain first, so that a later change of reference can send it again.
    m_secrets->write(tokenKey(), request.callbackToken, [this, send](const Result<void> &written) {
        if (!written) {
            end(false, tr("Cannot store the webhook token in the keychain: %1").arg(written.error().message));
            return;
        }
        send();
    });
}

namespace {

SubscriptionRecord recordFor(const QString &entity, const QString &provider, const SubscriptionRequest &request,
                             const QString &number, const QDateTime &now)
{
    SubscriptionRecord record;
    record.entity = entity;
    record.provider = provider;
    record.number = number.trimmed().toUpper(); // sent as given; recorded as callbacks name it
    record.booking = request.byBooking();
    record.apiVersion = request.apiVersion;
    record.eventCodes = request.eventCodes;
    record.port = request.port;
    record.category = request.category;
    record.facility = request.facility;
    record.callbackUri = request.callbackUri;
    record.emails = request.emails;
    record.reference = request.reference;
    record.createdAt = now;
    record.expiresAt = now.addDays(90); // the provider's window; its answer replaces this
    record.state = u"active"_s;
    return record;
}

} // namespace

// The provider may call back (its initial callback) before its answer to the request arrives, and
// the listener admits only subscribed numbers: so numbers not subscribed yet are recorded first, and
// withdrawn again if the request is refused.
QStringList SubscriptionService::recordPending(const SubscriptionRequest &request)
{
    QStringList recorded;
    if (request.callbackUri.isEmpty())
        return recorded; // no callback to expect
    const QDateTime now = m_clock->now();
    for (const QString &number : request.numbers()) {
        const QString recordedAs = number.trimmed().toUpper();
        const auto existing = m_subscriptions->subscription(m_entity, subscribingId(), recordedAs);
        if (!existing || (existing->has_value() && existing->value().state == "active"_L1))
            continue;
        if (m_subscriptions->saveSubscription(recordFor(m_entity, subscribingId(), request, number, now)))
            recorded.append(recordedAs);
    }
    return recorded;
}

void SubscriptionService::sendSubscriptions(const std::shared_ptr<Job> &job, const QString &doneMessage)
{
    if (job->next >= job->requests.size()) {
        m_lastSucceeded = job->succeeded;
        Q_EMIT subscriptionsChanged();
        if (job->failures.isEmpty())
            end(true, doneMessage);
        else
            end(false, job->failures.join(u'\n'));
        return;
    }
    const SubscriptionRequest request = job->requests.at(job->next++);
    const QStringList pending = recordPending(request);
    m_session->subscribe(
        request, [this, job, request, pending, doneMessage](Result<QList<SubscriptionCreated>> created) {
            m_lastRequestsSent = m_session->requestsSent();
            if (!created) {
                if (!pending.isEmpty())
                    (void)m_subscriptions->markRemoved(m_entity, subscribingId(), pending);
                m_lastSucceeded = job->succeeded;
                Q_EMIT subscriptionsChanged();
                end(false, tr("%1 refused the subscription: %2").arg(subscribingName(), created.error().message));
                return;
            }
            const QDateTime now = m_clock->now();
            for (const SubscriptionCreated &entry : std::as_const(created.value())) {
                SubscriptionRecord record = recordFor(m_entity, subscribingId(), request, entry.number, now);
                record.remoteId = entry.subscriptionId;
                record.expiresAt = entry.expiresAt;
                if (auto saved = m_subscriptions->saveSubscription(record); !saved)
                    job->failures.append(saved.error().message);
                else
                    ++job->succeeded;
            }
            sendSubscriptions(job, doneMessage);
        });
}

bool SubscriptionService::changeReference(const QStringList &numbers, const QString &reference)
{
    if (m_busy)
        return false;
    begin(tr("Changing the reference of %n subscription(s)…", nullptr, int(numbers.size())));
    auto all = subscriptions();
    if (!all) {
        end(false, all.error().message);
        return true;
    }
    QList<SubscriptionRecord> chosen;
    for (const SubscriptionRecord &record : std::as_const(all.value())) {
        if (numbers.contains(record.number))
            chosen.append(record);
    }
    QList<SubscriptionRequest> requests = SubscriptionGrouping::groupRequests(chosen);
    bool wantToken = false;
    for (SubscriptionRequest &request : requests) {
        request.reference = reference;
        wantToken = wantToken || !request.callbackUri.isEmpty();
    }
    if (requests.isEmpty()) {
        end(false, tr("Choose at least one subscription"));
        return true;
    }
    withClient(wantToken, [this, requests](Result<QString> token) mutable {
        if (!token && token.error().kind != ErrorKind::NotFound) {
            end(false, tr("Cannot read the webhook token from the keychain: %1").arg(token.error().message));
            return;
        }
        QStringList problems;
        for (SubscriptionRequest &request : requests) {
            request.callbackToken = token ? token.value() : QString();
            problems += validate(request);
        }
        if (!problems.isEmpty()) {
            end(false, problems.join(u'\n'));
            return;
        }
        auto job = std::make_shared<Job>();
        job->requests = requests;
        m_lastRequestsSent = 0;
        sendSubscriptions(job, tr("The reference is changed; the 90-day window starts again"));
    });
    return true;
}

bool SubscriptionService::remove(const QStringList &numbers)
{
    if (m_busy)
        return false;
    begin(tr("Removing %n subscription(s)…", nullptr, int(numbers.size())));
    withClient(false, [this, numbers](const Result<QString> &) {
        auto job = std::make_shared<Job>();
        job->numbers = numbers;
        removeNext(job);
    });
    return true;
}

void SubscriptionService::removeNext(const std::shared_ptr<Job> &job)
{
    if (job->next >= job->numbers.size()) {
        m_lastSucceeded = job->succeeded;
        Q_EMIT subscriptionsChanged();
        if (job->failures.isEmpty())
            end(true, tr("Removed %n subscription(s)", nullptr, job->succeeded));
        else
            end(false, job->failures.join(u'\n'));
        return;
    }
    const QString number = job->numbers.at(job->next++);
    auto record = m_subscriptions->subscription(m_entity, subscribingId(), number);
    const int version = record && record->has_value() ? record->value().apiVersion : 2;
    const QString id = record && record->has_value() ? record->value().remoteId : QString();
    const bool booking = record && record->has_value() && record->value().booking;
    Q_EMIT progress(tr("Removing %1…").arg(number));
    m_session->remove(version, id, number, booking, [this, job, number](const Result<void> &removed) {
        if (!removed) {
            job->failures.append(tr("%1: %2").arg(number, removed.error().message));
        } else if (auto marked = m_subscriptions->markRemoved(m_entity, subscribingId(), {number}); !marked) {
            job->failures.append(tr("%1: %2").arg(number, marked.error().message));
        } else {
            ++job->succeeded;
        }
        removeNext(job);
    });
}

bool SubscriptionService::reconcile()
{
    if (m_busy)
        return false;
    begin(tr("Comparing the subscriptions with %1…").arg(subscribingName()));
    withClient(false, [this](const Result<QString> &) {
        m_session->list([this](const Result<QList<SubscriptionRecord>> &remote) {
            if (!remote) {
                end(false, remote.error().message);
                return;
            }
            const Result<QString> summary = applyRemoteList(remote.value());
            Q_EMIT subscriptionsChanged();
            end(summary.ok(), summary ? summary.value() : summary.error().message);
        });
    });
    return true;
}

Result<QString> SubscriptionService::applyRemoteList(const QList<SubscriptionRecord> &remote)
{
    auto local = m_subscriptions->subscriptions(m_entity, subscribingId());
    if (!local)
        return local.error();
    QHash<QString, SubscriptionRecord> byNumber;
    for (const SubscriptionRecord &record : remote)
        byNumber.insert(record.number.trimmed().toUpper(), record);
    QStringList gone;
    int matched = 0;
    m_lastSucceeded = 0;
    for (SubscriptionRecord record : std::as_const(local.value())) {
        if (record.booking || record.state != u"active"_s)
            continue;
        const auto found = byNumber.constFind(record.number.trimmed().toUpper());
        if (found == byNumber.cend()) {
            gone.append(record.number);
            continue;
        }
        record.remoteId = found->remoteId;
        record.expiresAt = found->expiresAt;
        if (auto saved = m_subscriptions->saveSubscription(record); !saved)
            return saved.error();
        byNumber.erase(found);
        ++matched;
        ++m_lastSucceeded;
    }
    if (auto marked = m_subscriptions->markRemoved(m_entity, subscribingId(), gone); !gone.isEmpty() && !marked)
        return marked.error();
    for (SubscriptionRecord record : std::as_const(byNumber)) {
        record.entity = m_entity;
        record.provider = subscribingId();
        record.number = record.number.trimmed().toUpper(); // the provider lists it as it was sent
        record.createdAt = m_clock->now();
        if (auto saved = m_subscriptions->saveSubscription(record); !saved)
            return saved.error();
        ++m_lastSucceeded;
    }
    m_lastSucceeded += int(gone.size());
    // Counts as figures, not plural words: the CLI prints these without the GUI's catalogues.
    QString summary = tr("Compared with %1: %2 matched").arg(subscribingName()).arg(matched);
    if (!byNumber.isEmpty())
        summary += u"; "_s + tr("%1 only listed by the provider, added here").arg(byNumber.size());
    if (!gone.isEmpty())
        summary +=
            u"; "_s +
            tr("%1 no longer listed by the provider, marked removed: %2").arg(gone.size()).arg(gone.join(u", "_s));
    return summary;
}

Result<TracePublishSettings> SubscriptionService::traceSettings()
{
    return m_subscriptions->traceSettings(m_entity);
}

Result<void> SubscriptionService::saveTraceSettings(const TracePublishSettings &settings)
{
    if (!m_publishing)
        return makeError(ErrorKind::InvalidInput, tr("No provider module publishes for tracing"));
    if (const QStringList problems = m_publishing->validateSettings(settings); !problems.isEmpty())
        return makeError(ErrorKind::InvalidInput, problems.join(u'\n'));
    auto saved = m_subscriptions->saveTraceSettings(m_entity, settings);
    if (saved)
        Q_EMIT publicationsChanged();
    return saved;
}

Result<QList<TracePublication>> SubscriptionService::publications()
{
    return m_subscriptions->publications(m_entity);
}

bool SubscriptionService::publish(const QStringList &numbers, const QString &provider, const QJsonObject &data,
                                  bool normalize, bool traceNow)
{
    if (m_busy)
        return false;
    begin(tr("Publishing %n container(s) for tracing…", nullptr, int(numbers.size())));
    auto job = std::make_shared<Job>();
    job->numbers = numbers;
    job->provider = provider;
    job->data = data;
    job->normalize = normalize;
    job->traceNow = traceNow;
    openPublisher([this, job] { publishNext(job); });
    return true;
}

bool SubscriptionService::cancelTracing(const QStringList &numbers)
{
    if (m_busy)
        return false;
    begin(tr("Cancelling tracing of %n container(s)…", nullptr, int(numbers.size())));
    auto job = std::make_shared<Job>();
    job->numbers = numbers;
    job->action = PublicationAction::Cancelled;
    openPublisher([this, job] { publishNext(job); });
    return true;
}

void SubscriptionService::openPublisher(const std::function<void()> &then)
{
    if (!m_publishing) {
        end(false, tr("No provider module publishes for tracing"));
        return;
    }
    auto settings = traceSettings();
    if (!settings) {
        end(false, settings.error().message);
        return;
    }
    QStringList fields;
    for (const PublicationCredentialField &field : m_publishing->credentialFields())
        fields.append(field.field);
    readPublishingSecrets(
        fields, {}, [this, settings = settings.value(), then](const Result<QHash<QString, QString>> &secrets) {
            if (!secrets) {
                end(false,
                    tr("Cannot read the publishing credentials from the keychain: %1").arg(secrets.error().message));
                return;
            }
            m_publisher = m_publishing->openSession(m_network, *m_catalog, settings, secrets.value(), *m_clock);
            then();
        });
}

void SubscriptionService::readPublishingSecrets(const QStringList &fields, QHash<QString, QString> read,
                                                const std::function<void(Result<QHash<QString, QString>>)> &done)
{
    if (read.size() >= fields.size()) {
        done(read);
        return;
    }
    const QString &field = fields.at(read.size());
    const QString key = SecretStore::key(m_entity, QString::fromLatin1(PublicationProvider::keychainOwner), field);
    m_secrets->read(key, [this, fields, read, field, done](const Result<QString> &value) mutable {
        if (!value && value.error().kind != ErrorKind::NotFound) {
            done(value.error());
            return;
        }
        read.insert(field, value ? value.value() : QString());
        readPublishingSecrets(fields, read, done);
    });
}

const ProviderModule *SubscriptionService::publishingModule() const
{
    for (const auto &module : m_registry.modules()) {
        if (m_publishing && module->publicationProvider() == m_publishing)
            return module.get();
    }
    return nullptr;
}

bool SubscriptionService::registerCallbacks(const QUrl &callbackUrl)
{
    if (m_busy)
        return false;
    begin(tr("Registering %1 for results…").arg(callbackUrl.toString()));
    const ProviderModule *module = publishingModule();
    auto settings = traceSettings();
    if (!module || !settings) {
        end(false, settings ? tr("No provider module publishes for tracing") : settings.error().message);
        return true;
    }
    QStringList fields;
    for (const PublicationCredentialField &field : m_publishing->credentialFields())
        fields.append(field.field);
    const QString owner = module->id();
    readPublishingSecrets(
        fields, {},
        [this, owner, settings = settings.value(), callbackUrl](const Result<QHash<QString, QString>> &secrets) {
            if (!secrets) {
                end(false,
                    tr("Cannot read the publishing credentials from the keychain: %1").arg(secrets.error().message));
                return;
            }
            // The secrets a registration creates are kept first: a signing key cannot be read back later.
            const KeepSecrets keep = [this, owner](const QHash<QString, QString> &created,
                                                   std::function<void(Result<void>)> kept) {
                keepSecrets(owner, created, std::move(kept));
            };
            m_publishing->registerCallbacks(m_network, settings, secrets.value(), *m_clock, callbackUrl, keep,
                                            [this](const Result<QString> &id) {
                                                if (!id)
                                                    end(false, id.error().message);
                                                else
                                                    end(true, tr("Registered; registration id %1").arg(id.value()));
                                            });
        });
    return true;
}

void SubscriptionService::keepSecrets(const QString &owner, QHash<QString, QString> remaining,
                                      std::function<void(Result<void>)> kept)
{
    if (remaining.isEmpty()) {
        kept(Result<void>());
        return;
    }
    const QString field = remaining.constBegin().key();
    const QString value = remaining.take(field);
    m_secrets->write(SecretStore::key(m_entity, owner, field), value,
                     [this, owner, remaining, kept = std::move(kept)](const Result<void> &written) mutable {
                         if (!written)
                             kept(written);
                         else
                             keepSecrets(owner, remaining, std::move(kept));
                     });
}

void SubscriptionService::savePublishingSecret(const QString &field, const QString &value,
                                               std::function<void(Result<void>)> done)
{
    m_secrets->write(SecretStore::key(m_entity, QString::fromLatin1(PublicationProvider::keychainOwner), field), value,
                     std::move(done));
}

void SubscriptionService::publishNext(const std::shared_ptr<Job> &job)
{
    const bool requested = job->action == PublicationAction::Requested;
    if (job->next >= job->numbers.size()) {
        m_lastSucceeded = job->succeeded;
        Q_EMIT publicationsChanged();
        QString message = requested ? tr("Published %n container(s)", nullptr, job->succeeded)
                                    : tr("Cancelled tracing of %n container(s)", nullptr, job->succeeded);
        if (job->skipped > 0)
            message += u"\n"_s + tr("%n already published; use Trace now to publish again", nullptr, job->skipped);
        if (!job->failures.isEmpty())
            message += u"\n"_s + job->failures.join(u'\n');
        end(job->failures.isEmpty(), message);
        return;
    }
    const QString number = job->numbers.at(job->next++).trimmed().toUpper();
    auto previous = m_subscriptions->publication(m_entity, number);
    const bool published = previous && previous->has_value() && previous->value().state == "requested"_L1;
    if (requested && published && !job->traceNow) {
        ++job->skipped;
        publishNext(job);
        return;
    }
    QString provider = job->provider;
    if (provider.isEmpty() && previous && previous->has_value())
        provider = previous->value().provider;
    const PublicationTarget target{number, provider, job->data, job->normalize};
    Q_EMIT progress(requested ? tr("Publishing %1…").arg(number) : tr("Cancelling %1…").arg(number));
    const QDateTime publishedAt = previous && previous->has_value() ? previous->value().publishedAt : QDateTime();
    m_publisher->publish(target, job->action,
                         [this, job, number, provider, requested, publishedAt](const Result<void> &sent) {
                             if (!sent) {
                                 job->failures.append(tr("%1: %2").arg(number, sent.error().message));
                                 publishNext(job);
                                 return;
                             }
                             const QDateTime now = m_clock->now();
                             const TracePublication publication{number, provider, requested ? now : publishedAt,
                                                                requested ? QDateTime() : now,
                                                                requested ? u"requested"_s : u"cancelled"_s};
                             if (auto saved = m_subscriptions->savePublication(m_entity, publication); !saved)
                                 job->failures.append(tr("%1: %2").arg(number, saved.error().message));
                             else
                                 ++job->succeeded;
                             publishNext(job);
                         });
}
