// Plan changes under the routing monitor: how long each kind of transition takes through the
// engine, and what the monitor observed (states, violations), over several rounds.
//
//   VELADESK_BENCH_KUBECONFIG=PATH bench_transitions [--rounds N]
//
// Needs a cluster (e.g. tests/cluster/start.sh --name bench; its pods take 2 s to become
// ready). Works in a fresh namespace vdk-bench-transitions-<random>, deleted at the end. Prints
// one line per transition kind (min / median / max apply time, states observed, violations),
// then the monitor's totals. Exit code 0 unless the cluster cannot be used; the figures are the
// result (no pass/fail threshold), violations are listed when there are any.

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/routingmonitor.h"
#include "tests/rollout/transitionplans.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QRandomGenerator>
#include <QTextStream>
#include <algorithm>

using namespace kube::rollout;
using transitions::Rev;

namespace {

QTextStream out(stdout);

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

struct Step
{
    const char* what;
    QList<Rev> to;
};

// One round: back to the start at the end, so rounds repeat the same changes.
const QList<Step> kRound{
    {"50/50 -> 0/100, v1 to 0 replicas", {{"v1", 0, 0}, {"v2", 1, 100}}},
    {"0/100 -> 90/10, v1 to 3 replicas", {{"v1", 3, 90}, {"v2", 1, 10}}},
    {"90/10 -> 90/10, the 90 % revision 3 -> 1", {{"v1", 1, 90}, {"v2", 1, 10}}},
    {"90/10 -> 100/0", {{"v1", 2, 100}, {"v2", 0, 0}}},
    {"100/0 -> 0/100, swapping replicas", {{"v1", 0, 0}, {"v2", 2, 100}}},
    {"adding a third revision", {{"v1", 1, 10}, {"v2", 2, 70}, {"v3", 1, 20}}},
    {"removing a revision (prune)", {{"v2", 2, 80}, {"v3", 1, 20}}},
    {"back to 50/50 v1/v2 (v3 pruned)", {{"v1", 1, 50}, {"v2", 1, 50}}},
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int rounds = 3;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--rounds")); i > 0 && i + 1 < args.size())
        rounds = std::max(1, args.at(i + 1).toInt());
    kube::KubeConfigOptions o;
    o.kubeconfigPath = qEnvironmentVariable("VELADESK_BENCH_KUBECONFIG");
    if (o.kubeconfigPath.isEmpty()) {
        out << "set VELADESK_BENCH_KUBECONFIG to the kubeconfig of a cluster to use\n";
        return 2;
    }
    auto c = kube::connect(o);
    if (!c) {
        out << c.status.toString() << '\n';
        return 1;
    }
    std::shared_ptr<kube::Client> client = c.value;
    const QString ns = QStringLiteral("vdk-bench-transitions-%1")
                           .arg(QRandomGenerator::global()->bounded(100000, 999999));
    const QJsonObject nsObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Namespace")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), ns}}}};
    if (auto r = wait(client->create(kube::ResourceType::namespaces(), {}, nsObject)); !r) {
        out << r.status.toString() << '\n';
        return 1;
    }
    int exitCode = 0;
    {
        RoutingMonitor monitor(client, ns);
        QMap<QString, QList<qint64>> times;
        QMap<QString, quint64> states;
        QMap<QString, int> violations;
        QStringList order;
        auto apply = [&](const QString& what, const QList<Rev>& to) {
            const RoutingMonitorCounts before = monitor.counts();
            QElapsedTimer t;
            t.start();
            Applier applier(client, transitions::makePlan(ns, to));
            const ApplyReport r = applier.run();
            const qint64 ms = t.elapsed();
            monitor.settle();
            const RoutingMonitorCounts after = monitor.counts();
            if (!r.ok()) {
                out << what << ": apply failed:\n" << r.toString() << '\n';
                return false;
            }
            if (!order.contains(what))
                order << what;
            times[what] << ms;
            states[what] += after.states - before.states;
            violations[what] += after.violations - before.violations;
            return true;
        };
        const kube::Status recorded = transitions::recordRevisions(*client, ns);
        const kube::Status started = recorded.ok() ? monitor.start() : recorded;
        if (!started.ok()) {
            out << started.toString() << '\n';
            exitCode = 1;
        } else if (apply(QStringLiteral("first apply, 50/50"), {{"v1", 1, 50}, {"v2", 1, 50}})) {
            for (int round = 0; round < rounds && exitCode == 0; ++round)
                for (const Step& s : kRound)
                    if (!apply(QString::fromLatin1(s.what), s.to)) {
                        exitCode = 1;
                        break;
                    }
        } else {
            exitCode = 1;
        }
        monitor.stop();
        out << QStringLiteral("%1 round(s) in namespace %2; apply time min / median / max\n")
                   .arg(rounds)
                   .arg(ns);
        for (const QString& what : std::as_const(order)) {
            QList<qint64> t = times.value(what);
            std::sort(t.begin(), t.end());
            out << QStringLiteral("  %1 %2 / %3 / %4 ms  (%5 runs, %6 states, %7 violations)\n")
                       .arg(what.leftJustified(44))
                       .arg(t.first(), 5)
                       .arg(t.at(t.size() / 2), 5)
                       .arg(t.last(), 5)
                       .arg(t.size())
                       .arg(states.value(what))
                       .arg(violations.value(what));
        }
        out << monitor.summary() << '\n';
    }
    wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    return exitCode;
}
