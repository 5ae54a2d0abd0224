#pragma once

#include <QDateTime>
#include <QString>

// A coordinator's "seen, being handled" on one container's situation on the Today page, with a note.
// It belongs to the entity, so every console of the entity shows it; situation names the Today group
// it was given for (e.g. "lfd_overdue"), so a container that moves to another situation asks again.
struct Acknowledgement
{
    qint64 id = 0;
    QString entity;
    QString containerNumber;
    QString situation;
    QString note;
    QString user; // OS user
    QDateTime at; // UTC

    bool operator==(const Acknowledgement &) const = default;
};
