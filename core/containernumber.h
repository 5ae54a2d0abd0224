#pragma once

#include <QString>
#include <QStringView>

// ISO 6346 container numbers: three-letter owner code, category U, J or Z, six-digit serial and
// a check digit. Input is trimmed and upper-cased before it is judged.
struct ContainerNumberCheck
{
    bool valid = false;
    QString normalized; // trimmed and upper-cased input, also when invalid
    QString reason;     // empty when valid; otherwise a sentence a coordinator understands

    bool operator==(const ContainerNumberCheck &) const = default;
};

namespace ContainerNumber {
ContainerNumberCheck check(QStringView input);
bool isValid(QStringView input);
// Check digit for the first ten characters (owner, category, serial); -1 when they are malformed.
int checkDigit(QStringView firstTen);
} // namespace ContainerNumber
