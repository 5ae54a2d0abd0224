#include "containernumber.h"

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int numberLength = 11;
constexpr int ownerLength = 3;
constexpr int serialStart = 4;
constexpr int serialLength = 6;

bool isAsciiUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// ISO 6346 letter values start at A=10 and skip multiples of 11, because 11 would collide with the
// modulus and weaken the check.
int letterValue(QChar letter)
{
    int value = 10;
    for (char16_t c = u'A'; c < letter.unicode(); ++c) {
        ++value;
        if (value % 11 == 0)
            ++value;
    }
    return value;
}

bool allOf(QStringView text, bool (*predicate)(QChar))
{
    for (QChar c : text) {
        if (!predicate(c))
            return false;
    }
    return true;
}

QString structuralProblem(QStringView number)
{
    if (number.isEmpty())
        return u"empty"_s;
    if (number.size() != numberLength)
        return u"must be 11 characters (owner code, category, 6-digit serial, check digit); got %1"_s.arg(
            number.size());
    if (!allOf(number.first(ownerLength), isAsciiUpper))
        return u"owner code must be three letters"_s;
    const QChar category = number.at(ownerLength);
    if (category != u'U' && category != u'J' && category != u'Z')
        return u"category must be U, J or Z; got %1"_s.arg(category);
    if (!allOf(number.sliced(serialStart, serialLength), isAsciiDigit))
        return u"serial must be six digits"_s;
    if (!isAsciiDigit(number.at(numberLength - 1)))
        return u"check digit must be a digit; got %1"_s.arg(number.at(numberLength - 1));
    return {};
}
} // namespace

namespace ContainerNumber {

ContainerNumberCheck check(QStringView input)
{
    ContainerNumberCheck result;
    result.normalized = input.trimmed().toString().toUpper();
    result.reason = structuralProblem(result.normalized);
    if (!result.reason.isEmpty())
        return result;
    const int expected = checkDigit(QStringView(result.normalized).first(numberLength - 1));
    const int given = result.normalized.at(numberLength - 1).digitValue();
    if (expected != given) {
        result.reason = u"check digit should be %1, not %2"_s.arg(expected).arg(given);
        return result;
    }
    result.valid = true;
    return result;
}

bool isValid(QStringView input)
{
    return check(input).valid;
}

int checkDigit(QStringView firstTen)
{
    if (firstTen.size() != numberLength - 1)
        return -1;
    int sum = 0;
    for (int position = 0; position < firstTen.size(); ++position) {
        const QChar c = firstTen.at(position);
        int value = 0;
        if (position < ownerLength + 1 && isAsciiUpper(c))
            value = letterValue(c);
        else if (position > ownerLength && isAsciiDigit(c))
            value = c.digitValue();
        else
            return -1;
        sum += value << position;
    }
    return (sum % 11) % 10;
}

} // namespace ContainerNumber
