// Transition safety (issue 8): every plan change driven through the engine against the local
// control plane while a RoutingMonitor watches the namespace. The cluster's KWOK stages keep a
// new pod unready for 2 s, so an apply that routes (or keeps routing) to a revision before its
// pods are ready, or removes pods a live route still sends traffic to, is seen by the monitor.
// Every transition must leave zero violations. Test functions run in order and build on each
// other; each prints its duration and the monitor's counts.

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/routingmonitor.h"
#include "kube/yamljson.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace kube::rollout;

namespace {

QJsonObject reference(const char* name)
{
    auto docs = kube::parseYamlFile(qEnvironmentVariable("VELADESK_REFERENCE_DIR") +
                                    QLatin1Char('/') + QLatin1String(name));
    if (!docs.ok() || docs.value.isEmpty())
        qFatal("cannot read %s", name);
    return docs.value.first();
}

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

struct Rev
{
    const char* name; // "v1" -> example-app-v1
    int replicas;
    int weight;
};

// The reference plan (05) with the given revisions, replicas and weights; v1 listens on 8000,
// the others on 80.
AppDeploymentPlan makePlan(const QString& ns, const QList<Rev>& revs)
{
    auto p = AppDeploymentPlan::fromJson(reference("05-appdeployment-split.yaml"));
    if (!p.ok())
        qFatal("bad reference plan");
    AppDeploymentPlan plan = p.value;
    plan.namespaceName = ns;
    plan.appRevisions.clear();
    plan.traffic->http[0].weightedTargets.clear();
    for (const Rev& r : revs) {
        const QString rev = QStringLiteral("example-app-") + QLatin1String(r.name);
        plan.appRevisions << RevisionPlacement{rev, {Placement{r.replicas, std::nullopt}}};
        plan.traffic->http[0].weightedTargets
            << WeightedTarget{rev, QStringLiteral("testsvc"),
                              QLatin1String(r.name) == QLatin1String("v1") ? 8000 : 80, r.weight};
    }
    return plan;
}

QString describe(const QList<Rev>& revs)
{
    QStringList out;
    for (const Rev& r : revs)
        out << QStringLiteral("%1:%2r/%3%")
                   .arg(QLatin1String(r.name))
                   .arg(r.replicas)
                   .arg(r.weight);
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestTransitions : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> m_client;
    QString m_ns;
    std::unique_ptr<RoutingMonitor> m_monitor;
    QList<Rev> m_current;
    QStringList m_timings;

    // Applies `to` (from whatever is live) and checks that the monitor saw no violation.
    void transition(const QString& what, const QList<Rev>& to)
    {
        const RoutingMonitorCounts before = m_monitor->counts();
        QElapsedTimer t;
        t.start();
        Applier applier(m_client, makePlan(m_ns, to));
        const ApplyReport r = applier.run();
        const qint64 applyMs = t.elapsed();
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QVERIFY(m_monitor->settle());
        const RoutingMonitorCounts after = m_monitor->counts();
        const QString line =
            QStringLiteral("%1 (%2 -> %3): apply %4 ms; monitor: %5 states, %6 violation(s)")
                .arg(what, describe(m_current), describe(to))
                .arg(applyMs)
                .arg(after.states - before.states)
                .arg(after.violations - before.violations);
        qInfo().noquote() << line;
        m_timings << line;
        m_current = to;
        const QList<RoutingViolation> all = m_monitor->violations();
        QStringList fresh;
        for (int i = before.violations; i < all.size(); ++i)
            fresh << all.at(i).toString();
        QVERIFY2(fresh.isEmpty(),
                 qPrintable(QStringLiteral("routing violations during %1:\n%2\nsteps:\n%3")
                                .arg(what, fresh.join(QLatin1Char('\n')), r.toString())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        kube::KubeConfigOptions o;
        o.kubeconfigPath = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        QVERIFY2(QFile::exists(o.kubeconfigPath), "run through ctest (kube_cluster fixture)");
        auto c = kube::connect(o);
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        m_client = c.value;
        m_ns = QStringLiteral("vdk-transitions-%1")
                   .arg(QRandomGenerator::global()->bounded(100000, 999999));
        const QJsonObject ns{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Namespace")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), m_ns}}}};
        auto created = wait(m_client->create(kube::ResourceType::namespaces(), {}, ns));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        auto setup = setupCluster(*m_client);
        QVERIFY2(setup.ok(), qPrintable(setup.status.toString()));
        for (const char* f : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
            auto r = applyApplication(*m_client, reference(f), m_ns, KubeVelaMode::Absent);
            QVERIFY2(r.ok(), qPrintable(r.status.toString()));
        }
        // A third revision: v2 with another image.
        QJsonObject app = reference("02-application-v2.yaml");
        QJsonObject spec = app[QLatin1String("spec")].toObject();
        QJsonArray comps = spec[QLatin1String("components")].toArray();
        QJsonObject comp = comps.at(0).toObject();
        QJsonObject props = comp[QLatin1String("properties")].toObject();
        props.insert(QStringLiteral("image"), QStringLiteral("nginx:1.27"));
        comp.insert(QStringLiteral("properties"), props);
        comps.replace(0, comp);
        spec.insert(QStringLiteral("components"), comps);
        app.insert(QStringLiteral("spec"), spec);
        auto v3 = applyApplication(*m_client, app, m_ns, KubeVelaMode::Absent);
        QVERIFY2(v3.ok() && v3.value.revisionName == QLatin1String("example-app-v3"),
                 qPrintable(v3.status.toString()));

        m_monitor = std::make_unique<RoutingMonitor>(m_client, m_ns);
        const kube::Status st = m_monitor->start();
        QVERIFY2(st.ok(), qPrintable(st.toString()));
    }

    void firstApply() { transition(QStringLiteral("first apply"), {{"v1", 1, 50}, {"v2", 1, 50}}); }

    void shiftAllTrafficAndScaleToZero()
    {
        // The reproduction: v1 to 0 % and 0 replicas, v2 to 100 %.
        transition(QStringLiteral("50/50 -> 0/100, v1 to 0 replicas"),
                   {{"v1", 0, 0}, {"v2", 1, 100}});
    }

    void growAndShift()
    {
        transition(QStringLiteral("0/100 -> 90/10"), {{"v1", 3, 90}, {"v2", 1, 10}});
    }

    void shrinkTheMajorRevision()
    {
        transition(QStringLiteral("90/10 -> 90/10, the 90 % revision 3 -> 1 replicas"),
                   {{"v1", 1, 90}, {"v2", 1, 10}});
    }

    void swapReplicas()
    {
        transition(QStringLiteral("90/10 -> 100/0"), {{"v1", 2, 100}, {"v2", 0, 0}});
        transition(QStringLiteral("100/0 -> 0/100, swapping replicas"),
                   {{"v1", 0, 0}, {"v2", 2, 100}});
    }

    void addThirdRevision()
    {
        transition(QStringLiteral("adding a third revision"),
                   {{"v1", 1, 10}, {"v2", 2, 70}, {"v3", 1, 20}});
    }

    void removeRevision()
    {
        transition(QStringLiteral("removing a revision (prune)"), {{"v2", 2, 80}, {"v3", 1, 20}});
        auto dep = wait(
            m_client->get(kube::ResourceType::deployments(), m_ns, QStringLiteral("testsvc-v1")));
        QVERIFY(dep.status.isNotFound());
    }

    void cleanupTestCase()
    {
        if (m_monitor) {
            m_monitor->stop();
            qInfo().noquote() << m_monitor->summary();
        }
        for (const QString& l : std::as_const(m_timings))
            qInfo().noquote() << l;
        if (m_client && !m_ns.isEmpty())
            wait(m_client->remove(kube::ResourceType::namespaces(), {}, m_ns));
    }
};

QTEST_GUILESS_MAIN(TestTransitions)
#include "tst_transitions.moc"
