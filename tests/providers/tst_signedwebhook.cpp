// Signed outbound webhooks (providers/signedwebhook): the signature scheme, the https rule and how
// each answer of a receiver is classified for the outbox. Pure functions; the real sender against
// the real simulator receiver is tests/integration/tst_signedwebhooksim.
#include "clock.h"
#include "signedwebhooksender.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray secret = "qw-test-secret-0123456789";
const QByteArray body = "{\"messageId\":\"m-1\",\"containerNumber\":\"MSCU1234565\"}";
constexpr qint64 t = 1767225600; // 2026-01-01T00:00:00Z

HttpResult answer(int status, QList<QPair<QByteArray, QByteArray>> headers = {}, QByteArray reply = {})
{
    HttpResult result;
    result.statusCode = status;
    result.headers = std::move(headers);
    result.body = std::move(reply);
    return result;
}

} // namespace

class TestSignedWebhook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureVector()
    {
        // Computed independently:
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"qw-test-secret-0123456789",
        //   b"1767225600." + b"{\"messageId\":\"m-1\",\"containerNumber\":\"MSCU1234565\"}",
        //   hashlib.sha256).hexdigest())'
        QCOMPARE(signatureHeader(secret, body, t),
                 "t=1767225600,v1=4e8b00e93b4f25e14a98f0387058a4dade3f90b3b253d7144f8e833b57083181"_ba);
    }

    void verifyAcceptsTheRightSignature()
    {
        const QByteArray header = signatureHeader(secret, body, t);
        QVERIFY(verifySignature(header, body, secret, t));
        QVERIFY(verifySignature(header, body, secret, t + 300)); // at the edge of the 5 minutes
        QVERIFY(verifySignature(header.toUpper().replace("T=", "t=").replace("V1=", "v1="), body, secret, t));
    }

    void verifyRejects()
    {
        const QByteArray header = signatureHeader(secret, body, t);
        QByteArray tampered = body;
        tampered.replace("1234565", "1234566");
        QVERIFY(!verifySignature(header, tampered, secret, t));                                    // tampered body
        QVERIFY(!verifySignature(header, body, "another-secret", t));                              // wrong secret
        QVERIFY(!verifySignature(header, body, secret, t + 301));                                  // stale
        QVERIFY(!verifySignature(header, body, secret, t - 301));                                  // from the future
        QVERIFY(!verifySignature({}, body, secret, t));                                            // missing
        QVERIFY(!verifySignature("v1=" + header.mid(header.indexOf("v1=") + 3), body, secret, t)); // no t
        QVERIFY(!verifySignature(header, body, {}, t));                                            // no secret
        // A signature of another timestamp does not carry over.
        QVERIFY(!verifySignature("t=1767225601," + header.mid(header.indexOf("v1=")), body, secret, t));
    }

    void classification_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("outcome");
        QTest::newRow("200") << 200 << int(DeliveryResult::Outcome::Delivered);
        QTest::newRow("202") << 202 << int(DeliveryResult::Outcome::Delivered);
        QTest::newRow("204") << 204 << int(DeliveryResult::Outcome::Delivered);
        QTest::newRow("301") << 301 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("400") << 400 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("401") << 401 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("403") << 403 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("404") << 404 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("408") << 408 << int(DeliveryResult::Outcome::Retry);
        QTest::newRow("410") << 410 << int(DeliveryResult::Outcome::Stop);
        QTest::newRow("413") << 413 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("422") << 422 << int(DeliveryResult::Outcome::Permanent);
        QTest::newRow("425") << 425 << int(DeliveryResult::Outcome::Retry);
        QTest::newRow("429") << 429 << int(DeliveryResult::Outcome::Retry);
        QTest::newRow("500") << 500 << int(DeliveryResult::Outcome::Retry);
        QTest::newRow("502") << 502 << int(DeliveryResult::Outcome::Retry);
        QTest::newRow("503") << 503 << int(DeliveryResult::Outcome::Retry);
        QTest::newRow("504") << 504 << int(DeliveryResult::Outcome::Retry);
    }

    void classification()
    {
        QFETCH(int, status);
        QFETCH(int, outcome);
        const DeliveryResult result = SignedWebhook::classify(answer(status), QDateTime::currentDateTimeUtc());
        QCOMPARE(int(result.outcome), outcome);
        QCOMPARE(result.statusCode, status);
        QCOMPARE(result.error.isEmpty(), outcome == int(DeliveryResult::Outcome::Delivered));
        QVERIFY(!result.retryAfterMs.has_value());
    }

    void noAnswer()
    {
        HttpResult timeout;
        timeout.error = makeError(ErrorKind::Timeout, u"127.0.0.1 did not answer within 1 seconds"_s);
        QCOMPARE(SignedWebhook::classify(timeout, {}).outcome, DeliveryResult::Outcome::Retry);
        HttpResult refused;
        refused.error = makeError(ErrorKind::ProviderUnavailable, u"Connection refused"_s);
        QCOMPARE(SignedWebhook::classify(refused, {}).outcome, DeliveryResult::Outcome::Retry);
        QCOMPARE(SignedWebhook::classify(refused, {}).statusCode, 0);
        HttpResult insecure;
        insecure.error = makeError(ErrorKind::Insecure, u"not https"_s);
        QCOMPARE(SignedWebhook::classify(insecure, {}).outcome, DeliveryResult::Outcome::Stop);
    }

    void retryAfterSeconds()
    {
        const DeliveryResult result =
            SignedWebhook::classify(answer(429, {{"Retry-After", "7"}}), QDateTime::currentDateTimeUtc());
        QCOMPARE(result.outcome, DeliveryResult::Outcome::Retry);
        QCOMPARE(result.retryAfterMs, std::optional<qint64>(7000));
    }

    void retryAfterHttpDate()
    {
        const QDateTime now = QDateTime::fromString(u"2026-12-02T11:00:00Z"_s, Qt::ISODate);
        const DeliveryResult result =
            SignedWebhook::classify(answer(503, {{"Retry-After", "Wed, 02 Dec 2026 11:02:00 GMT"}}), now);
        QCOMPARE(result.outcome, DeliveryResult::Outcome::Retry);
        QCOMPARE(result.retryAfterMs, std::optional<qint64>(120000));
        // A 5xx other than 503 may say when, too.
        QCOMPARE(SignedWebhook::classify(answer(500, {{"retry-after", "3"}}), now).retryAfterMs,
                 std::optional<qint64>(3000));
    }

    void refusalBodyIsCapped()
    {
        // No raw string literals in this file: moc 6.4 misreads R"(..."...)" and finds no test class.
        const QByteArray huge = "{\"message\":\"" + QByteArray(100000, 'x') + "\"}";
        const DeliveryResult result = SignedWebhook::classify(answer(400, {}, huge), {});
        QVERIFY(result.error.size() < 1000);
    }

    void testBodyShape()
    {
        const QDateTime sent = QDateTime::fromString(u"2026-12-02T11:00:00.250Z"_s, Qt::ISODateWithMs);
        const QJsonObject object = QJsonDocument::fromJson(SignedWebhook::testBody(u"abc"_s, sent)).object();
        QCOMPARE(object.value(u"type"_s).toString(), u"quaywatch.test"_s);
        QCOMPARE(object.value(u"messageId"_s).toString(), u"abc"_s);
        QCOMPARE(object.value(u"sentAt"_s).toString(), u"2026-12-02T11:00:00.250Z"_s);
    }

    void httpsRequiredExceptLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("refused");
        QTest::newRow("http remote") << u"http://hooks.example.com/in"_s << true;
        QTest::newRow("no url") << QString() << true;
        QTest::newRow("secret missing") << u"https://hooks.example.com/in"_s << true;
    }

    void httpsRequiredExceptLoopback()
    {
        QFETCH(QString, url);
        SystemClock clock;
        QNetworkAccessManager network;
        OutboundSenderContext context;
        context.destination.name = u"warehouse"_s;
        context.destination.kind = QString::fromLatin1(Outbound::webhookKind);
        context.destination.url = QUrl(url);
        if (QString::fromLatin1(QTest::currentDataTag()) != "secret missing"_L1)
            context.secrets.insert(u"signingSecret"_s, QString::fromLatin1(secret));
        context.network = &network;
        context.clock = &clock;
        const auto sender = createSignedWebhookSender(context);
        QCOMPARE(sender->kind(), u"webhook"_s);
        std::optional<DeliveryResult> got;
        OutboxMessage message;
        message.messageId = u"m-1"_s;
        sender->deliver(message, [&](DeliveryResult result) { got = result; });
        QVERIFY(!got.has_value()); // never inside the call
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->outcome, DeliveryResult::Outcome::Stop);
        QVERIFY(!got->error.isEmpty());
        QVERIFY(!got->error.contains(QString::fromLatin1(secret)));
        if (QString::fromLatin1(QTest::currentDataTag()) == "http remote"_L1)
            QVERIFY2(got->error.contains(u"https"_s, Qt::CaseInsensitive), qPrintable(got->error));
        if (QString::fromLatin1(QTest::currentDataTag()) == "secret missing"_L1)
            QVERIFY2(got->error.contains(u"signing secret"_s), qPrintable(got->error));
    }
};

QTEST_GUILESS_MAIN(TestSignedWebhook)
#include "tst_signedwebhook.moc"
