#include "containernumber.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

// ISO 6346 validation is the gate in front of every watchlist add; a wrong answer either loses a
// real container or traces garbage, so every rejection class and the remainder-10 rule are pinned.
class TestContainerNumber final : public QObject
{
    Q_OBJECT

private slots:
    void validNumbers_data();
    void validNumbers();
    void remainderTenGivesZero_data();
    void remainderTenGivesZero();
    void invalidNumbers_data();
    void invalidNumbers();
    void checkDigitRejectsMalformed_data();
    void checkDigitRejectsMalformed();
};

namespace {
// Independent reference computation (letter table written out, not generated) for the fixtures.
int referenceRemainder(const QString &firstTen)
{
    static const QString letters = u"ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
    static const int values[] = {10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24,
                                 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38};
    int sum = 0;
    for (int i = 0; i < 10; ++i) {
        const QChar c = firstTen.at(i);
        const int value = c.isDigit() ? c.digitValue() : values[letters.indexOf(c)];
        sum += value * (1 << i);
    }
    return sum % 11;
}
} // namespace

void TestContainerNumber::validNumbers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("CSQU3054383") << u"CSQU3054383"_s << u"CSQU3054383"_s;
    QTest::newRow("MSCU1234566") << u"MSCU1234566"_s << u"MSCU1234566"_s;
    QTest::newRow("MAEU1234567") << u"MAEU1234567"_s << u"MAEU1234567"_s;
    QTest::newRow("TCLU1234568") << u"TCLU1234568"_s << u"TCLU1234568"_s;
    QTest::newRow("category J") << u"ABCJ1234563"_s << u"ABCJ1234563"_s;
    QTest::newRow("category Z") << u"ZZZZ0000009"_s << u"ZZZZ0000009"_s;
    QTest::newRow("lower case") << u"csqu3054383"_s << u"CSQU3054383"_s;
    QTest::newRow("mixed case") << u"CsqU3054383"_s << u"CSQU3054383"_s;
    QTest::newRow("surrounding spaces") << u"  CSQU3054383\t"_s << u"CSQU3054383"_s;
    QTest::newRow("spaces and lower case") << u" msCu1234566 "_s << u"MSCU1234566"_s;
}

void TestContainerNumber::validNumbers()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);

    QCOMPARE(referenceRemainder(normalized.first(10)) % 10, normalized.at(10).digitValue());
    const ContainerNumberCheck result = ContainerNumber::check(input);
    QVERIFY2(result.valid, qPrintable(result.reason));
    QCOMPARE(result.normalized, normalized);
    QVERIFY(result.reason.isEmpty());
    QVERIFY(ContainerNumber::isValid(input));
    QCOMPARE(ContainerNumber::checkDigit(QStringView(normalized).first(10)), normalized.at(10).digitValue());
}

void TestContainerNumber::remainderTenGivesZero_data()
{
    QTest::addColumn<QString>("number");

    QTest::newRow("TGBU8592350") << u"TGBU8592350"_s;
    QTest::newRow("CMAU0000140") << u"CMAU0000140"_s;
    QTest::newRow("TGHU0000420") << u"TGHU0000420"_s;
    QTest::newRow("MSCU0000630") << u"MSCU0000630"_s;
}

void TestContainerNumber::remainderTenGivesZero()
{
    QFETCH(QString, number);

    QCOMPARE(referenceRemainder(number.first(10)), 10);
    QCOMPARE(ContainerNumber::checkDigit(QStringView(number).first(10)), 0);
    QVERIFY(ContainerNumber::isValid(number));
    // A check digit of 10 does not exist; "1" (the last digit of 10) must not be accepted either.
    const QString withOne = number.first(10) + u'1';
    QVERIFY(!ContainerNumber::isValid(withOne));
}

void TestContainerNumber::invalidNumbers_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");

    const QString lengthReason = u"must be 11 characters (owner code, category, 6-digit serial, check digit); got %1"_s;
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("only spaces") << u"   "_s << u"empty"_s;
    QTest::newRow("too short") << u"CSQU305438"_s << lengthReason.arg(10);
    QTest::newRow("trailing characters") << u"CSQU30543831"_s << lengthReason.arg(12);
    QTest::newRow("inner space") << u"CSQU 3054383"_s << lengthReason.arg(12);
    QTest::newRow("digit in owner") << u"C5QU3054383"_s << u"owner code must be three letters"_s;
    QTest::newRow("non-ASCII owner") << u"ÄSQU3054383"_s << u"owner code must be three letters"_s;
    QTest::newRow("category X") << u"CSQX3054383"_s << u"category must be U, J or Z; got X"_s;
    QTest::newRow("category digit") << u"CSQ13054383"_s << u"category must be U, J or Z; got 1"_s;
    QTest::newRow("letter in serial") << u"CSQU30A4383"_s << u"serial must be six digits"_s;
    QTest::newRow("letter check digit") << u"CSQU305438X"_s << u"check digit must be a digit; got X"_s;
    QTest::newRow("wrong check digit") << u"CSQU3054387"_s << u"check digit should be 3, not 7"_s;
    QTest::newRow("wrong check digit lower") << u" csqu3054380 "_s << u"check digit should be 3, not 0"_s;
    QTest::newRow("remainder ten given 1") << u"TGBU8592351"_s << u"check digit should be 0, not 1"_s;
}

void TestContainerNumber::invalidNumbers()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);

    const ContainerNumberCheck result = ContainerNumber::check(input);
    QVERIFY(!result.valid);
    QCOMPARE(result.reason, reason);
    QCOMPARE(result.normalized, input.trimmed().toUpper());
    QVERIFY(!ContainerNumber::isValid(input));
}

void TestContainerNumber::checkDigitRejectsMalformed_data()
{
    QTest::addColumn<QString>("firstTen");

    QTest::newRow("empty") << QString();
    QTest::newRow("nine characters") << u"CSQU305438"_s.first(9);
    QTest::newRow("eleven characters") << u"CSQU3054383"_s;
    QTest::newRow("digit in owner") << u"C5QU305438"_s;
    QTest::newRow("letter in serial") << u"CSQU3A5438"_s;
    QTest::newRow("lower case") << u"csqu305438"_s;
}

void TestContainerNumber::checkDigitRejectsMalformed()
{
    QFETCH(QString, firstTen);
    QCOMPARE(ContainerNumber::checkDigit(firstTen), -1);
}

QTEST_APPLESS_MAIN(TestContainerNumber)
#include "tst_containernumber.moc"
