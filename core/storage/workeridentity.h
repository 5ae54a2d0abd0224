#pragma once

#include <QString>

// Who holds a claim: the host, the process id and the process's start time. The start time tells a
// live worker from a later process that got the same pid (or the same worker's previous run, when
// it always starts with the same pid, as pid 1 in a container does).
struct WorkerIdentity
{
    QString host;
    qint64 pid = 0;
    QString processStart; // UTC, milliseconds, ISO 8601; empty when the platform cannot tell

    bool isEmpty() const { return host.isEmpty(); }
    bool operator==(const WorkerIdentity &) const = default;

    // The calling process.
    static WorkerIdentity current();
    // The start time of process pid on this host, as current() records it; empty when unknown.
    static QString processStartOf(qint64 pid);
    // Whether this identity names a process running on this host now: false when the pid is gone or
    // now belongs to a process that started at another time. Only meaningful for this host's claims.
    bool isRunningHere() const;
};
