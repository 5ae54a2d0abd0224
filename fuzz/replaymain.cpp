// Replays a fuzz target's corpus through its LLVMFuzzerTestOneInput with an ordinary compiler and no
// libFuzzer, so the normal test suite runs every seed (and every crash once added to the corpus).
// Usage: replay_<target> DIR_OR_FILE...
#include <QByteArray>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool replay(const QString &path, int &count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
    ++count;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QTextStream err(stderr);
    int count = 0;
    const QStringList arguments = application.arguments().mid(1);
    if (arguments.isEmpty()) {
        err << "usage: " << application.arguments().constFirst() << " DIR_OR_FILE...\n";
        return 2;
    }
    for (const QString &argument : arguments) {
        if (QFileInfo(argument).isDir()) {
            QDirIterator files(argument, QDir::Files, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QString path = files.next();
                if (!replay(path, count)) {
                    err << "cannot read " << path << '\n';
                    return 1;
                }
            }
        } else if (!replay(argument, count)) {
            err << "cannot read " << argument << '\n';
            return 1;
        }
    }
    QTextStream(stdout) << "replayed " << count << " inputs\n";
    return count > 0 ? 0 : 1;
}
