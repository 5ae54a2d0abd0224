#include "crashhygiene.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <sys/resource.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace {

const char *g_programName = "quaywatch";
QtMessageHandler g_previousHandler = nullptr;

// One write(2) call: usable from a signal handler and never interleaved with other output.
void writeLine(const QByteArray &line)
{
    QByteArray withNewline = line;
    withNewline.append('\n');
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, withNewline.constData(), withNewline.size());
}

[[noreturn]] void dieCleanly(const QByteArray &reason)
{
    writeLine(CrashHygiene::fatalLine(g_programName, reason));
    std::_Exit(EXIT_FAILURE);
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg)
        dieCleanly(message.toLocal8Bit());
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

void terminateHandler()
{
    QByteArray reason = "unexpected internal error";
    if (const std::exception_ptr current = std::current_exception()) {
        try {
            std::rethrow_exception(current);
        } catch (const std::exception &exception) {
            reason = exception.what();
        } catch (...) {
            reason = "unknown exception";
        }
    }
    dieCleanly(reason);
}

// Only async-signal-safe calls here: the line is assembled in a fixed buffer.
void crashSignalHandler(int signalNumber)
{
    char line[256] = {};
    std::strncat(line, g_programName, 64);
    std::strcat(line, ": fatal error: crashed on signal ");
    char digits[4] = {char('0' + (signalNumber / 10) % 10), char('0' + signalNumber % 10), 0, 0};
    std::strcat(line, signalNumber >= 10 ? digits : digits + 1);
    std::strcat(line, "; no data was lost: every saved change is committed to the database; restart to continue\n");
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, line, std::strlen(line));
    // SA_RESETHAND restored the default action: re-raise so the parent still sees the signal.
    std::raise(signalNumber);
}

void installCrashSignalHandlers()
{
    struct sigaction action = {};
    action.sa_handler = crashSignalHandler;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (const int signalNumber : {SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        sigaction(signalNumber, &action, nullptr);
}

} // namespace

void CrashHygiene::install(const char *programName)
{
    if (programName && *programName)
        g_programName = programName;
    disableCoreDumps();
    g_previousHandler = qInstallMessageHandler(messageHandler);
    std::set_terminate(terminateHandler);
    installCrashSignalHandlers();
}

bool CrashHygiene::disableCoreDumps()
{
    const rlimit noCore{0, 0};
    bool ok = setrlimit(RLIMIT_CORE, &noCore) == 0;
#ifdef Q_OS_LINUX
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

bool CrashHygiene::coreDumpsDisabled()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_CORE, &limit) != 0 || limit.rlim_cur != 0)
        return false;
#ifdef Q_OS_LINUX
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return true;
#endif
}

QByteArray CrashHygiene::fatalLine(const char *programName, const QByteArray &reason)
{
    QByteArray oneLine = reason.trimmed();
    oneLine.replace('\n', ' ').replace('\r', ' ');
    if (oneLine.isEmpty())
        oneLine = "unexpected internal error";
    QByteArray line(programName);
    line.append(": fatal error: ").append(oneLine);
    line.append("; no data was lost: every saved change is committed to the database; restart to continue");
    return line;
}
