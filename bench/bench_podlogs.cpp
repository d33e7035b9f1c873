// Pod log stream throughput and bounds: a local HTTP server (tests/kube/scriptedserver.h)
// sends N log lines as fast as loopback allows; a kube::PodLogStream with the GUI's default
// limits reads them. Prints lines/s, MB/s, the batches delivered, the longest stall of the
// owner's event loop (a 1 ms timer's largest gap), the ring's size and the process's peak
// RSS growth, which the ring bound must cap however long the log.
//
//   bench_podlogs [LINES] [LINE_BYTES]     (default 1000000 lines of 100 bytes)

#include "tests/kube/scriptedserver.h"

#include "kube/client.h"
#include "kube/podlogs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace kube;

namespace {

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 lines = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int lineBytes = argc > 2 ? QByteArray(argv[2]).toInt() : 100;

    kubetest::ScriptedServer server;
    kubetest::ScriptedServer::Answer a;
    a.chunked = true;
    const qint64 perChunk = 2000;
    qint64 bytes = 0;
    const qint64 t0 = qint64(1767261600) * 1000000000;
    for (qint64 at = 0; at < lines; at += perChunk) {
        QByteArray chunk;
        for (qint64 i = at; i < std::min(lines, at + perChunk); ++i) {
            QByteArray text = "line " + QByteArray::number(i) + ' ';
            text += QByteArray(std::max<qsizetype>(0, lineBytes - 31 - text.size()), 'x');
            chunk += formatRfc3339Nanos(t0 + i * 1000) + ' ' + text + '\n';
        }
        bytes += chunk.size();
        a.chunks << chunk;
    }
    server.queue(a);
    const long rssBefore = peakRssKb();

    ClusterConnection c;
    c.contextName = c.clusterName = QStringLiteral("bench");
    c.userName = QStringLiteral("bench");
    c.cluster.server = QString::fromLatin1(server.url());
    auto client = Client::create(c).value;
    PodLogStream stream(client, QStringLiteral("ns"), QStringLiteral("pod"));
    int batches = 0;
    QObject::connect(&stream, &PodLogStream::linesAdded, &stream,
                     [&](const QList<LogLine>&, qint64) { ++batches; });
    QElapsedTimer clock, tick;
    qint64 longestGapMs = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker,
                     [&] { longestGapMs = std::max(longestGapMs, tick.restart()); });
    QObject::connect(&stream, &PodLogStream::finished, &app, [&] { app.quit(); });
    clock.start();
    tick.start();
    ticker.start();
    stream.start();
    app.exec();
    const double secs = clock.nsecsElapsed() / 1e9;
    std::printf("pod log stream: read and parsed %lld lines of %d bytes (%.1f MB) in %.2f s: "
                "%.0f lines/s, %.1f MB/s\n",
                lines, lineBytes, bytes / 1e6, secs, lines / secs, bytes / 1e6 / secs);
    std::printf("delivered to the owner's thread %lld in %d batches (the rest dropped by the "
                "bound while it was busy), in the ring %lld (limit %d lines, %lld MB), dropped "
                "%lld; longest event-loop stall %lld ms\n",
                stream.deliveredLines(), batches, qint64(stream.lineCount()),
                stream.limits().maxLines, stream.limits().maxBytes / (1024 * 1024),
                stream.droppedLines(), longestGapMs);
    std::printf("peak RSS grew by %.1f MB while reading (the served log itself took %.1f MB "
                "before)\n",
                (peakRssKb() - rssBefore) / 1024.0, bytes / 1e6);
    return stream.finalStatus().ok() ? 0 : 1;
}
