// The webhook status line follows a real WebhookListener: off, listening on its address and port,
// the time of the last accepted callback (posted over real HTTP with the token), the last refusal
// in the tooltip, and off again when the listener closes or goes away.
#include "clock.h"
#include "containernumber.h"
#include "portconnectwebhook.h"
#include "store.h"
#include "testdatabases.h"
#include "webhooklistener.h"
#include "webhookstatuswidget.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestWebhookStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsListener();

private:
    int post(quint16 port, const QByteArray &token, const QByteArray &body);
    QNetworkAccessManager m_network;
};

int TestWebhookStatus::post(quint16 port, const QByteArray &token, const QByteArray &body)
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/webhooks/portconnect"_s.arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = m_network.post(request, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestWebhookStatus::followsListener()
{
    TestDatabase database(Store::Backend::Sqlite);
    auto store = Store::open(database.location(), testClock());
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    ManualClock clock(QDateTime(QDate(2025, 3, 1), QTime(9, 45), Qt::UTC));
    WebhookStatusWidget widget(clock);
    QCOMPARE(widget.text(), u"Webhooks: off"_s);

    WebhookListenerConfig config;
    config.token = "status-token-0123456789abcdef0123456789";
    auto listener = std::make_unique<WebhookListener>(config, clock);
    listener->addEndpoint(QString::fromLatin1(PortConnectWebhook::path),
                          PortConnectWebhook::handler(*store.value(), u"default"_s));
    widget.setListener(listener.get());
    widget.show();
    QCOMPARE(widget.text(), u"Webhooks: off"_s);
    const Result<quint16> port = listener->listen();
    QVERIFY(port.ok());
    const QString listening = u"Webhooks: listening on 127.0.0.1:%1"_s.arg(port.value());
    QTRY_VERIFY(widget.text().startsWith(listening));
    QVERIFY(widget.text().contains(u"no callback yet"_s));

    const QString firstTen = u"MSCU123456"_s;
    const QString number = firstTen + QString::number(ContainerNumber::checkDigit(firstTen) % 10);
    WatchEntry watched; // a callback may only touch what the entity watches or subscribed to
    watched.containerNumber = number;
    watched.provider = u"portconnect"_s;
    QVERIFY(store.value()->addContainer(watched).ok());
    const QJsonArray callback{QJsonObject{{u"containerNumber"_s, number},
                                          {u"containerVisitEventTypeCode"_s, u"DISCHARGE"_s},
                                          {u"containerVisitEventDatetime"_s, u"2025-03-01T10:00:00Z"_s},
                                          {u"userDefinedReference"_s, u"status"_s}}};
    const QByteArray body = QJsonDocument(callback).toJson(QJsonDocument::Compact);
    QCOMPARE(post(port.value(), "wrong-token", body), 401);
    QVERIFY2(widget.toolTip().contains(u"401"_s), qPrintable(widget.toolTip()));
    // The refusal is dated by the console's clock, not the system's.
    const QString refusedAt = QLocale().toString(clock.now().toLocalTime().time(), QLocale::ShortFormat);
    QVERIFY2(widget.toolTip().contains(refusedAt), qPrintable(widget.toolTip()));
    QVERIFY(widget.text().contains(u"no callback yet"_s));

    QCOMPARE(post(port.value(), "status-token-0123456789abcdef0123456789", body), 200);
    QVERIFY(listener->lastCallbackAt().isValid());
    const QString at = listener->lastCallbackAt().toLocalTime().toString(u"HH:mm"_s);
    QTRY_COMPARE(widget.text(), listening + u" · last callback "_s + at);

    listener->close();
    QTRY_COMPARE(widget.text(), u"Webhooks: off"_s);
    QVERIFY(listener->listen().ok());
    QTRY_VERIFY(widget.text().startsWith(u"Webhooks: listening"_s));
    listener.reset();
    QTRY_COMPARE(widget.text(), u"Webhooks: off"_s);
}

QTEST_MAIN(TestWebhookStatus)
#include "tst_webhookstatus.moc"
