#include "changefeed.h"

#include "changefeed_p.h"
#include "logging.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using ChangeFeedDetail::ListenerWorker;
using ChangeFeedDetail::LocalChangeHub;

namespace {

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ids beyond this make it "everything".
constexpr qsizetype maxPayload = 7000;

const QList<std::pair<StoreChange::Kind, QString>> &kindNames()
{
    static const QList<std::pair<StoreChange::Kind, QString>> names{
        {StoreChange::Kind::Containers, u"containers"_s},
        {StoreChange::Kind::Connections, u"connections"_s},
        {StoreChange::Kind::Acknowledgements, u"acknowledgements"_s},
        {StoreChange::Kind::Outbox, u"outbox"_s},
    };
    return names;
}

} // namespace

QByteArray StoreChange::encode() const
{
    QJsonObject object;
    for (const auto &[value, name] : kindNames()) {
        if (value == kind)
            object.insert(u"kind"_s, name);
    }
    if (!entity.isEmpty())
        object.insert(u"entity"_s, entity);
    if (!origin.isEmpty())
        object.insert(u"origin"_s, origin);
    QJsonArray array;
    qsizetype size = entity.size() + origin.size() + 80;
    bool all = everything;
    for (const qint64 id : ids) {
        size += 21;
        if (size > maxPayload) {
            all = true;
            break;
        }
        array.append(id);
    }
    if (all)
        object.insert(u"everything"_s, true);
    else
        object.insert(u"ids"_s, array);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

StoreChange StoreChange::decode(const QByteArray &payload)
{
    StoreChange change;
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(payload, &error).object();
    change.everything = true;
    if (error.error != QJsonParseError::NoError)
        return change;
    const QString kind = object.value(u"kind"_s).toString();
    for (const auto &[value, name] : kindNames()) {
        if (name == kind)
            change.kind = value;
    }
    change.entity = object.value(u"entity"_s).toString();
    change.origin = object.value(u"origin"_s).toString();
    change.everything = object.value(u"everything"_s).toBool() || !object.value(u"ids"_s).isArray();
    for (const auto &id : object.value(u"ids"_s).toArray())
        change.ids.append(id.toInteger());
    return change;
}

QString ChangeFeed::newOrigin()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16);
}

void ChangeFeed::announce(Session &session, StoreChange change)
{
    change.origin = session.changeOrigin();
    if (!change.everything && change.ids.isEmpty() && change.kind == StoreChange::Kind::Containers)
        return;
    if (session.backend() != Session::Backend::Postgres) {
        Q_EMIT LocalChangeHub::instance().changed(change);
        return;
    }
    QSqlQuery query(session.database());
    query.prepare(u"SELECT pg_notify(?, ?)"_s);
    query.addBindValue(QString(channel));
    query.addBindValue(QString::fromUtf8(change.encode()));
    if (!query.exec())
        qCWarning(lcStore).noquote() << "cannot announce a change:" << query.lastError().text();
}

StoreChangeListener::StoreChangeListener(SessionFactory openSession, QObject *parent)
    : QObject(parent), m_subscribed(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<StoreChange>();
    if (!openSession) {
        m_subscribed->store(true);
        connect(&LocalChangeHub::instance(), &LocalChangeHub::changed, this, &StoreChangeListener::changed);
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(u"quaywatch-change-listener"_s);
    auto *worker = new ListenerWorker(std::move(openSession), m_subscribed);
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::started, worker, &ListenerWorker::start);
    connect(worker, &ListenerWorker::changed, this, &StoreChangeListener::changed);
    m_thread->start();
}

StoreChangeListener::~StoreChangeListener()
{
    if (!m_thread)
        return;
    // The worker's connection belongs to its thread: it is closed there, before the thread ends.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool StoreChangeListener::listening() const
{
    return m_subscribed->load();
}
