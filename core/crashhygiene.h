#pragma once

#include <QByteArray>

// Keeps a crashing Quaywatch process from leaving secrets on disk or scaring its user: core dumps
// are switched off at start-up (keychain passwords and tokens pass through this process's memory),
// and a fatal error (qFatal, an uncaught exception, a crash signal) ends the process with one
// readable line on stderr instead of an abort message and a stack trace. Every executable calls
// install() first thing in main(), before anything touches a secret.
class CrashHygiene final
{
public:
    CrashHygiene() = delete;

    // Disables core dumps and installs the fatal-error handlers. programName (e.g. "quaywatch-cli")
    // starts the fatal line; the pointer must stay valid for the life of the process.
    static void install(const char *programName);

    // RLIMIT_CORE 0 (soft and hard) and, on Linux, not dumpable (no core, no ptrace by other users).
    // Returns false when the kernel refused either.
    static bool disableCoreDumps();

    // True when this process can write no core file.
    static bool coreDumpsDisabled();

    // The single line printed on a fatal error, without the trailing newline.
    static QByteArray fatalLine(const char *programName, const QByteArray &reason);
};
