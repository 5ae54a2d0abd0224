// A webhook listener in a process of its own with the common limit of 1,024 open files, for
// tst_webhookserver: prints "PORT LIMIT" on one line, then answers callbacks until it is killed.
#include "clock.h"
#include "webhooklistener.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

int main(int argc, char *argv[])
{
    // Before Qt opens anything: the limit is what the test is about.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = std::min<rlim_t>(1024, limit.rlim_max);
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 2;
    getrlimit(RLIMIT_NOFILE, &limit);

    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    WebhookListenerConfig config;
    config.token = QByteArray(argv[1]);
    const SystemClock clock;
    WebhookListener listener(config, clock);
    listener.addEndpoint(QStringLiteral("/hook"), [](const QByteArray &) -> Result<int> { return 1; });
    const Result<quint16> port = listener.listen();
    if (!port)
        return 3;
    std::printf("%u %llu\n", unsigned(port.value()), static_cast<unsigned long long>(limit.rlim_cur));
    std::fflush(stdout);
    return app.exec();
}
