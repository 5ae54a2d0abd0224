#pragma once

#include "result.h"
#include "simcontainer.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

// The containers a simulator run plays, loaded from a scenario JSON file or generated. The file
// format is documented at the top of scenario.cpp.
class Scenario final
{
public:
    Scenario() = default;
    explicit Scenario(QList<SimContainer> containers);

    static Result<Scenario> fromJson(const QByteArray &json);
    static Result<Scenario> fromFile(const QString &path);
    QByteArray toJson() const;

    const QList<SimContainer> &containers() const { return m_containers; }
    // The container with this (normalized) number, or nullptr.
    const SimContainer *find(const QString &number) const;

private:
    QList<SimContainer> m_containers;
    QHash<QString, qsizetype> m_index;
};
