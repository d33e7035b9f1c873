// Multi-cluster placement on two local control planes (issue 13, item 1): the shared test
// cluster ("a", the home cluster: the AppDeployment lives there) and a second one started by the
// kube_cluster_b fixture ("b"). A kubeconfig with both as two contexts is written here.
//  - v1 in a only, v2 in a and b: Deployments, Services and routes exist where expected with the
//    right replicas; status.placement per cluster; a RoutingMonitor per cluster sees no
//    violation, also while the route moves to v2 in both clusters;
//  - b's kube-apiserver stopped: the apply fails before anything changes, naming cluster b and
//    its context;
//  - b's kube-apiserver stopped mid-apply (once a's Deployments were written): the report says
//    which clusters are half-applied; applying again once b is back completes.

#include "kube/rollout/multicluster.h"
#include "kube/rollout/routingmonitor.h"
#include "transitionplans.h"
#include "twoclusters.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "literallists.h"

using namespace kube::rollout;
using transitions::Rev;

namespace {

const QString kNs = QStringLiteral("multicluster");
const QString kAd = QStringLiteral("example-appdeploy");

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

// The plan: v1 with `v1a` replicas in a only; v2 with `v2a` in a and `v2b` in b; weights.
AppDeploymentPlan plan(int v1a, int v2a, int v2b, int w1, int w2)
{
    AppDeploymentPlan p = transitions::makePlan(kNs, {{"v1", v1a, w1}, {"v2", v2a, w2}});
    p.appRevisions[0].placement = {Placement{v1a, ClusterSelector{QStringLiteral("a"), {}}}};
    p.appRevisions[1].placement = {Placement{v2a, std::nullopt},
                                   Placement{v2b, ClusterSelector{QStringLiteral("b"), {}}}};
    return p;
}

} // namespace

class TestMultiClusterCluster : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QString m_ctxA, m_ctxB;
    std::shared_ptr<kube::Client> m_a, m_b;
    std::unique_ptr<RoutingMonitor> m_monitorA, m_monitorB;
    QString m_restartLog;
    QString m_restartOut;
    int m_restarts = 0;

    // The clusters of `p` and those the last apply placed revisions in (as the CLI does).
    QList<ClusterTarget> clusters(const AppDeploymentPlan& p)
    {
        ClusterContexts contexts;
        contexts.set(QStringLiteral("a"), m_ctxA);
        contexts.set(QStringLiteral("b"), m_ctxB);
        kube::KubeConfigOptions k;
        k.kubeconfigPath = m_kubeconfig;
        auto previous = readPreviousClusters(*m_a, kNs, kAd, QStringLiteral("a"));
        if (!previous)
            qFatal("readPreviousClusters: %s", qPrintable(previous.status.toString()));
        auto c = connectClusters(p, m_a, contexts, k, previous.value);
        if (!c)
            qFatal("connectClusters: %s", qPrintable(c.status.toString()));
        return c.value;
    }

    MultiClusterReport apply(const AppDeploymentPlan& p, std::chrono::seconds timeout,
                             std::function<void(const QString&, ApplyStep)> onStep = {})
    {
        ApplyOptions o;
        o.tool = QStringLiteral("veladesk-test");
        o.timeout = timeout;
        o.readinessTimeout = timeout;
        MultiClusterApplier applier(clusters(p), p, o);
        if (onStep)
            connect(
                &applier, &MultiClusterApplier::stepStarted, this,
                [&](const QString& c, ApplyStep s, const QString&) { onStep(c, s); },
                Qt::DirectConnection);
        return applier.run();
    }

    int replicas(kube::Client& c, const QString& deployment)
    {
        auto d = wait(c.get(kube::ResourceType::deployments(), kNs, deployment));
        return d.ok() ? d.value[QLatin1String("spec")][QLatin1String("replicas")].toInt() : -1;
    }

    QMap<QString, int> routeWeights(kube::Client& c)
    {
        QMap<QString, int> out;
        auto vs = wait(c.get(kube::ResourceType::virtualServices(), kNs, kAd));
        if (vs)
            for (const RouteDestination& d : routeDestinations(vs.value, kNs))
                out.insert(d.service, d.weight);
        return out;
    }

    void expectNoViolation(const QString& what)
    {
        for (RoutingMonitor* m : {m_monitorA.get(), m_monitorB.get()}) {
            QVERIFY(m->settle());
            QVERIFY2(m->counts().violations == 0,
                     qPrintable(what + QLatin1Char('\n') + m->summary()));
        }
    }

    // restart-apiserver.sh for cluster b, detached (it may be started from an apply's thread),
    // its output in a file; returns once b's kube-apiserver is down.
    bool stopB(int downSeconds)
    {
        m_restartOut = m_dir.filePath(QStringLiteral("restart-%1.log").arg(++m_restarts));
        const bool started = QProcess::startDetached(
            QStringLiteral("bash"),
            {QStringLiteral("-c"),
             QStringLiteral("exec bash \"$0\" --name \"$1\" --down-seconds \"$2\" --kubeconfig "
                            "\"$3\" >\"$4\" 2>&1"),
             qEnvironmentVariable("VELADESK_CLUSTER_SCRIPTS") +
                 QStringLiteral("/restart-apiserver.sh"),
             qEnvironmentVariable("VELADESK_TEST_CLUSTER_B"), QString::number(downSeconds),
             qEnvironmentVariable("VELADESK_TEST_KUBECONFIG_B"), m_restartOut});
        if (!started)
            return false;
        return waitForLog("stopped; down for", 60000);
    }

    bool waitForLog(const char* text, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            QFile f(m_restartOut);
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray log = f.readAll();
                if (log.contains(text)) {
                    m_restartLog = QString::fromUtf8(log);
                    return true;
                }
                m_restartLog = QString::fromUtf8(log);
            }
            QThread::msleep(100);
        }
        return false;
    }

    // Until b's kube-apiserver answers again (the script logs "ready").
    void waitForB() { QVERIFY2(waitForLog("] ready", 120000), qPrintable(m_restartLog)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // One kubeconfig, two contexts.
        const twoclusters::Merged merged =
            twoclusters::merge(m_dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY2(merged.error.isEmpty(), qPrintable(merged.error));
        m_kubeconfig = merged.kubeconfig;
        m_ctxA = merged.contextA;
        m_ctxB = merged.contextB;

        auto ka = kube::connect({m_kubeconfig, m_ctxA, kNs});
        auto kb = kube::connect({m_kubeconfig, m_ctxB, kNs});
        QVERIFY2(ka.ok() && kb.ok(), qPrintable(ka.status.toString() + kb.status.toString()));
        m_a = ka.value;
        m_b = kb.value;
        for (const auto& c : {m_a, m_b}) {
            wait(c->remove(kube::ResourceType::namespaces(), {}, kNs));
            QTRY_VERIFY_WITH_TIMEOUT(
                wait(c->get(kube::ResourceType::namespaces(), {}, kNs)).status.isNotFound(),
                120000);
            auto ns = wait(
                c->create(kube::ResourceType::namespaces(), {}, transitions::namespaceObject(kNs)));
            QVERIFY2(ns.ok(), qPrintable(ns.status.toString()));
        }
        // The revisions exist in the home cluster only.
        const kube::Status rec = transitions::recordRevisions(*m_a, kNs);
        QVERIFY2(rec.ok(), qPrintable(rec.toString()));
        m_monitorA = std::make_unique<RoutingMonitor>(m_a, kNs);
        m_monitorB = std::make_unique<RoutingMonitor>(m_b, kNs);
        QVERIFY(m_monitorA->start().ok());
        QVERIFY(m_monitorB->start().ok());
    }

    void cleanupTestCase()
    {
        for (RoutingMonitor* m : {m_monitorA.get(), m_monitorB.get()})
            if (m) {
                qInfo().noquote() << m->summary();
                m->stop();
            }
        for (const auto& c : {m_a, m_b})
            if (c)
                wait(c->remove(kube::ResourceType::namespaces(), {}, kNs));
    }

    void placesPerCluster()
    {
        // 100/0: v2 runs in b with weight 0, so b gets no route.
        MultiClusterReport r = apply(plan(2, 1, 2, 100, 0), std::chrono::seconds(120));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(r.clusters.size(), 2);
        QCOMPARE(replicas(*m_a, QStringLiteral("testsvc-v1")), 2);
        QCOMPARE(replicas(*m_a, QStringLiteral("testsvc-v2")), 1);
        QCOMPARE(replicas(*m_b, QStringLiteral("testsvc-v1")), -1);
        QCOMPARE(replicas(*m_b, QStringLiteral("testsvc-v2")), 2);
        QCOMPARE(routeWeights(*m_a),
                 (W({{"example-app-v1-testsvc-8000", 100}, {"example-app-v2-testsvc-80", 0}})));
        QVERIFY(
            wait(m_b->get(kube::ResourceType::virtualServices(), kNs, kAd)).status.isNotFound());
        // The AppDeployment (and its Lease and history) only in the home cluster.
        QVERIFY(wait(m_b->get(kube::ResourceType::appDeployments(), kNs, kAd)).status.httpCode ==
                404);
        auto ad = wait(m_a->get(kube::ResourceType::appDeployments(), kNs, kAd));
        QVERIFY2(ad.ok(), qPrintable(ad.status.toString()));
        const AppDeploymentStatus st =
            AppDeploymentStatus::fromJson(ad.value[QLatin1String("status")].toObject());
        QCOMPARE(st.phase, QStringLiteral("Completed"));
        QCOMPARE(st.placement.size(), 2);
        QCOMPARE(st.placement[0].revisionName, QStringLiteral("example-app-v1"));
        QCOMPARE(st.placement[0].clusters,
                 (QList<PlacementStatus::Cluster>{{QStringLiteral("a"), 2}}));
        QCOMPARE(
            st.placement[1].clusters,
            (QList<PlacementStatus::Cluster>{{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}}));

        // 0/100: the route goes to both clusters, each once v2 is ready there.
        r = apply(plan(2, 1, 2, 0, 100), std::chrono::seconds(120));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(routeWeights(*m_b), (W({{"example-app-v2-testsvc-80", 100}})));
        QCOMPARE(routeWeights(*m_a),
                 (W({{"example-app-v1-testsvc-8000", 0}, {"example-app-v2-testsvc-80", 100}})));
        expectNoViolation(QStringLiteral("applies in two clusters"));

        // Refused by validation in every cluster, nothing written: 50/50 would route to v1 in b.
        r = apply(plan(2, 1, 2, 50, 50), std::chrono::seconds(30));
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.contains(QLatin1String("no replicas in cluster b")),
                 qPrintable(r.toString()));
        QCOMPARE(routeWeights(*m_b), (W({{"example-app-v2-testsvc-80", 100}})));
    }

    void commandLine()
    {
        // The plan now applied (0/100, v2 in both), through `veladesk` with two --cluster flags:
        // nothing to change; status shows the placement per cluster.
        const QString file = m_dir.filePath(QStringLiteral("plan.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kube::toYaml(plan(2, 1, 2, 0, 100).toJson()));
        f.close();
        const QStringList common{QStringLiteral("--kubeconfig"), m_kubeconfig,
                                 QStringLiteral("--context"),    m_ctxA,
                                 QStringLiteral("--cluster"),    QStringLiteral("a=") + m_ctxA,
                                 QStringLiteral("--cluster"),    QStringLiteral("b=") + m_ctxB};
        auto run = [&](const QStringList& args) {
            QProcess p;
            p.start(qEnvironmentVariable("VELADESK_BINARY"), args + common);
            p.waitForFinished(180000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        auto [code, out, err] = run({QStringLiteral("diff"), QStringLiteral("-f"), file});
        QVERIFY2(code == 0, qPrintable(out + err)); // no differences in either cluster
        QVERIFY2(out.contains(QLatin1String("[b] Deployment/testsvc-v2: unchanged")),
                 qPrintable(out + err));
        std::tie(code, out, err) = run({QStringLiteral("apply"), QStringLiteral("-f"), file});
        QVERIFY2(code == 0, qPrintable(out + err));
        QVERIFY2(out.contains(QLatin1String("[b] deployments:")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("appdeployment/example-appdeploy applied in 2 "
                                            "clusters")),
                 qPrintable(out));
        std::tie(code, out, err) = run({QStringLiteral("status"), kAd, QStringLiteral("-n"), kNs});
        QVERIFY2(code == 0, qPrintable(out + err));
        QVERIFY2(out.contains(QRegularExpression(
                     QStringLiteral("example-app-v2 +b +%1 +2 +2 +2\\n").arg(m_ctxB))),
                 qPrintable(out));
        expectNoViolation(QStringLiteral("command line"));
    }

    void unreachableClusterChangesNothing()
    {
        auto before = wait(m_a->get(kube::ResourceType::appDeployments(), kNs, kAd));
        QVERIFY(before.ok());
        QVERIFY2(stopB(8), qPrintable(m_restartLog));
        const MultiClusterReport r = apply(plan(1, 1, 3, 0, 100), std::chrono::seconds(30));
        waitForB();
        QVERIFY(!r.ok());
        QVERIFY2(r.status.message.contains(QStringLiteral("cluster b (context %1").arg(m_ctxB)),
                 qPrintable(r.status.message));
        QVERIFY2(r.status.message.contains(QLatin1String("nothing was changed in any cluster")),
                 qPrintable(r.status.message));
        QVERIFY(r.clusters.isEmpty()); // no apply started
        auto after = wait(m_a->get(kube::ResourceType::appDeployments(), kNs, kAd));
        QCOMPARE(after.value[QLatin1String("metadata")][QLatin1String("resourceVersion")],
                 before.value[QLatin1String("metadata")][QLatin1String("resourceVersion")]);
        QCOMPARE(replicas(*m_a, QStringLiteral("testsvc-v1")), 2);
        QCOMPARE(replicas(*m_b, QStringLiteral("testsvc-v2")), 2);
    }

    void stoppedMidApplyIsRecoverable()
    {
        // v2 grows in both clusters; b's kube-apiserver stops when b's Deployments step starts,
        // once a's Deployments step is done (a's writes began).
        const AppDeploymentPlan next = plan(2, 2, 3, 0, 100);
        std::atomic<bool> aGrown{false};
        bool stopped = false;
        const MultiClusterReport r =
            apply(next, std::chrono::seconds(15), [&](const QString& c, ApplyStep s) {
                if (c == QLatin1String("a") && s == ApplyStep::ReadinessGuard)
                    aGrown = true;
                if (c == QLatin1String("b") && s == ApplyStep::Deployments && !stopped) {
                    QElapsedTimer t;
                    t.start();
                    while (!aGrown && t.elapsed() < 20000)
                        QThread::msleep(20);
                    stopped = stopB(25);
                }
            });
        QVERIFY2(stopped, qPrintable(m_restartLog));
        QVERIFY(!r.ok());
        QCOMPARE(r.failedCluster, QStringLiteral("b"));
        const QString msg = r.status.message;
        QVERIFY2(
            msg.contains(
                QStringLiteral("cluster b (context %1) failed at step deployments").arg(m_ctxB)),
            qPrintable(r.toString()));
        QVERIFY2(msg.contains(QLatin1String("half-applied: cluster a (appdeployment, "
                                            "deployments")),
                 qPrintable(r.toString()));
        QVERIFY2(msg.contains(QLatin1String("apply the plan again once cluster b answers")),
                 qPrintable(msg));
        // a grew (make before break) but routing did not move on.
        QCOMPARE(replicas(*m_a, QStringLiteral("testsvc-v2")), 2);
        waitForB();
        auto ad = wait(m_a->get(kube::ResourceType::appDeployments(), kNs, kAd));
        QCOMPARE(ad.value[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Failed"));

        // b is back: the same plan again completes everywhere.
        const MultiClusterReport again = apply(next, std::chrono::seconds(120));
        QVERIFY2(again.ok(), qPrintable(again.toString()));
        QCOMPARE(replicas(*m_a, QStringLiteral("testsvc-v2")), 2);
        QCOMPARE(replicas(*m_b, QStringLiteral("testsvc-v2")), 3);
        ad = wait(m_a->get(kube::ResourceType::appDeployments(), kNs, kAd));
        QCOMPARE(ad.value[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Completed"));
        expectNoViolation(QStringLiteral("apply through a stopped cluster"));
    }

    void leavingAClusterPrunesIt()
    {
        // The plan no longer names b: b is still a cluster of the apply (the last apply's
        // status.placement names it) and what VelaDesk placed there is pruned, after routing
        // moved in both clusters.
        AppDeploymentPlan p = plan(2, 2, 0, 0, 100);
        p.appRevisions[1].placement = {Placement{2, std::nullopt}};
        // b's monitor went through two kube-apiserver restarts above (dozens of relists) and
        // was seen to miss a later DELETED VirtualService event: a fresh one watches this step.
        QVERIFY(m_monitorB->settle());
        QVERIFY2(m_monitorB->counts().violations == 0, qPrintable(m_monitorB->summary()));
        m_monitorB->stop();
        m_monitorB = std::make_unique<RoutingMonitor>(m_b, kNs);
        QVERIFY(m_monitorB->start().ok());
        auto ad = wait(m_a->get(kube::ResourceType::appDeployments(), kNs, kAd));
        QVERIFY(ad.ok());
        QCOMPARE(previousClusters(
                     AppDeploymentStatus::fromJson(ad.value[QLatin1String("status")].toObject()),
                     QStringLiteral("a")),
                 L({"b"}));
        const MultiClusterReport r = apply(p, std::chrono::seconds(120));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        // In b the route went in the routing step, before prune deleted the Service.
        QCOMPARE(r.clusters.size(), 2);
        const ApplyReport& b = r.clusters.at(1).second;
        QCOMPARE(b.steps.at(int(ApplyStep::Routing)).objects,
                 L({"VirtualService/example-appdeploy"}));
        QVERIFY2(b.steps.at(int(ApplyStep::Prune))
                     .objects.contains(QStringLiteral("Service/example-app-v2-testsvc-80")),
                 qPrintable(b.toString()));
        QCOMPARE(replicas(*m_b, QStringLiteral("testsvc-v2")), -1);
        QVERIFY(
            wait(m_b->get(kube::ResourceType::virtualServices(), kNs, kAd)).status.isNotFound());
        QVERIFY(wait(m_b->get(kube::ResourceType::services(), kNs,
                              QStringLiteral("example-app-v2-testsvc-80")))
                    .status.isNotFound());
        QCOMPARE(replicas(*m_a, QStringLiteral("testsvc-v2")), 2);
        expectNoViolation(QStringLiteral("leaving cluster b"));
    }
};

QTEST_GUILESS_MAIN(TestMultiClusterCluster)
#include "tst_multicluster_cluster.moc"
