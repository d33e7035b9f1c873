// Benchmark of the probe engine (kube/rollout/probe.h): requests/s and memory of ProbeJob
// against a gateway URL, with 1, 8 and 32 requests in flight. Prints its figures.
//
//   bench_probe URL HOST [REQUESTS]
//
// bench/dataplane.sh runs it through the local data plane's gateway when it is built.

#include "kube/rollout/probe.h"

#include <QCoreApplication>
#include <QTextStream>

#include <sys/resource.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: bench_probe URL HOST [REQUESTS]\n";
        return 2;
    }
    const int requests = args.size() > 3 ? args.at(3).toInt() : 5000;
    for (int concurrency : {1, 8, 32}) {
        kube::rollout::ProbeOptions o;
        o.url = args.at(1);
        o.host = args.at(2);
        o.requests = requests;
        o.concurrency = concurrency;
        kube::rollout::ProbeJob job(o);
        const kube::rollout::ProbeResult r = job.run();
        const qint64 ms = std::max<qint64>(1, r.elapsedMs);
        out << QStringLiteral("veladesk probe engine %1 in flight: %2 req/s (%3 of %4 answered "
                              "2xx in %5 ms)\n")
                   .arg(concurrency, 3)
                   .arg(r.ok2xx * 1000 / ms, 6)
                   .arg(r.ok2xx)
                   .arg(requests)
                   .arg(ms);
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    out << QStringLiteral("probe process peak RSS: %1 KiB\n").arg(u.ru_maxrss);
    return 0;
}
