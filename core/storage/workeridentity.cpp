#include "workeridentity.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QList>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
// Linux: the boot time in seconds since the epoch (/proc/stat "btime"); 0 when unknown.
qint64 bootTime()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("btime "))
            return line.mid(6).trimmed().toLongLong();
    }
    return 0;
}

// Linux: the process's start in clock ticks after boot, field 22 of /proc/PID/stat; -1 when unknown.
// The command name (field 2) may hold spaces and parentheses, so the fields are counted after its last ')'.
qint64 startTicks(qint64 pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    const qsizetype end = stat.lastIndexOf(')');
    if (end < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(end + 2).split(' '); // fields 3, 4, ...
    constexpr int startTimeIndex = 22 - 3;
    if (fields.size() <= startTimeIndex)
        return -1;
    bool ok = false;
    const qint64 ticks = fields.at(startTimeIndex).toLongLong(&ok);
    return ok ? ticks : -1;
}
} // namespace

WorkerIdentity WorkerIdentity::current()
{
    WorkerIdentity identity;
    identity.host = QSysInfo::machineHostName();
    identity.pid = QCoreApplication::applicationPid();
    identity.processStart = processStartOf(identity.pid);
    return identity;
}

QString WorkerIdentity::processStartOf(qint64 pid)
{
    const qint64 boot = bootTime();
    const qint64 ticks = startTicks(pid);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (boot <= 0 || ticks < 0 || ticksPerSecond <= 0)
        return {};
    const qint64 milliseconds = boot * 1000 + ticks * 1000 / ticksPerSecond;
    return QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool WorkerIdentity::isRunningHere() const
{
    if (pid <= 0)
        return false;
    // EPERM: the process exists but belongs to another user.
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    if (processStart.isEmpty())
        return true; // recorded without a start time: the pid is all there is to go by
    const QString now = processStartOf(pid);
    return now.isEmpty() || now == processStart;
}
