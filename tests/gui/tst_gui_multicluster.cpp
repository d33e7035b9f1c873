// The pods pane with multi-cluster placement (issue 13, item 1) in the real window against two
// local control planes (label `integration`, fixtures kube_cluster and kube_cluster_b): the
// shared test cluster ("a", the home cluster) and the second one ("b"), as two contexts of one
// kubeconfig written here, mapped a/b in the settings as the placements dialog saves them.
//   - a plan with v1 in a (2 replicas) and v2 in a (1) and b (2), applied by the engine: the
//     window, on the application, watches b's pods too; the pane shows every pod of both
//     clusters, each with its cluster in the Cluster column (shown first, only now);
//   - a pod of b selected: the Pod logs dock reads it through b;
//   - a pod deleted in b leaves the pane (b's watch), a's rows untouched;
//   - a cluster mapped to a context the kubeconfig lacks: the pane says so, named;
//   - the editor row of v2 counts ready replicas per cluster (badge tooltip) and a replica
//     count changed by hand in b is drift.
// With VELADESK_SCREENSHOT_DIR set it saves pods-multicluster.png and
// pods-multicluster-unreachable.png.

#include "../rollout/transitionplans.h"
#include "../rollout/twoclusters.h"
#include "guitest.h"
#include "kube/rollout/multicluster.h"
#include "models/clusterpods.h"
#include "models/podsmodel.h"
#include "models/rolloutplanmodel.h"
#include "ui/mainwindow.h"
#include "ui/podlogspane.h"
#include "ui/rollouteditor.h"

#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace veladesk;
using namespace kube::rollout;

namespace {

const QString kAd = QStringLiteral("example-appdeploy");

} // namespace

class TestGuiMultiCluster : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    QString m_ns;
    QString m_ctxA, m_ctxB;
    std::shared_ptr<kube::Client> m_a, m_b;
    std::unique_ptr<MainWindow> window;

    // (cluster, pod name) of every row of the pods pane, "cluster/name".
    QStringList paneRows() const
    {
        QStringList out;
        const QAbstractItemModel* m = window->podsView()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, PodsModel::Cluster).data().toString() + QLatin1Char('/') +
                       m->index(r, PodsModel::Name).data().toString();
        out.sort();
        return out;
    }
    // What the clusters say: "cluster/name" of the pods of `ns` in a and b, not terminating.
    QStringList clusterRows() const
    {
        QStringList out;
        for (const auto& [name, client] :
             {std::pair{QStringLiteral("a"), m_a}, std::pair{QStringLiteral("b"), m_b}}) {
            auto list = guitest::wait(client->list(kube::ResourceType::pods(), m_ns));
            if (!list)
                qFatal("list pods: %s", qPrintable(list.status.toString()));
            for (const QJsonObject& p : list.value.items)
                if (!p[QLatin1String("metadata")].toObject().contains(
                        QLatin1String("deletionTimestamp")))
                    out << name + QLatin1Char('/') +
                               p[QLatin1String("metadata")][QLatin1String("name")].toString();
        }
        out.sort();
        return out;
    }
    int rowOfRevision(const QString& revision) const
    {
        RolloutPlanModel* plan = window->planModel();
        for (int r = 0; r < plan->rowCount(); ++r)
            if (plan->row(r).revisionName == revision)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsEmpty("VELADESK_TEST_KUBECONFIG_B"))
            QSKIP("run through ctest (kube_cluster and kube_cluster_b fixtures)");
        // One kubeconfig, both contexts, a's current.
        const twoclusters::Merged merged =
            twoclusters::merge(m_dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY2(merged.error.isEmpty(), qPrintable(merged.error));
        m_kubeconfig = merged.kubeconfig;
        m_ctxA = merged.contextA;
        m_ctxB = merged.contextB;

        m_ns = QStringLiteral("gui-mc-%1").arg(QDateTime::currentSecsSinceEpoch());
        auto ka = kube::connect({m_kubeconfig, m_ctxA, m_ns});
        auto kb = kube::connect({m_kubeconfig, m_ctxB, m_ns});
        QVERIFY2(ka.ok() && kb.ok(), qPrintable(ka.status.toString() + kb.status.toString()));
        m_a = ka.value;
        m_b = kb.value;
        for (const auto& c : {m_a, m_b}) {
            auto ns = guitest::wait(c->create(kube::ResourceType::namespaces(), {},
                                              transitions::namespaceObject(m_ns)));
            QVERIFY2(ns.ok(), qPrintable(ns.status.toString()));
        }
        // The revisions in the home cluster; v1 2 in a, v2 1 in a and 2 in b, all traffic to
        // v1 (b gets no route), applied by the engine as `veladesk apply --cluster` does.
        ClusterContexts contexts;
        contexts.set(QStringLiteral("a"), m_ctxA);
        contexts.set(QStringLiteral("b"), m_ctxB);
        AppDeploymentPlan p = transitions::makePlan(m_ns, {{"v1", 2, 100}, {"v2", 1, 0}});
        p.appRevisions[0].placement = {Placement{2, ClusterSelector{QStringLiteral("a"), {}}}};
        p.appRevisions[1].placement = {Placement{1, std::nullopt},
                                       Placement{2, ClusterSelector{QStringLiteral("b"), {}}}};
        const QString kubeconfig = m_kubeconfig;
        auto applied = QtConcurrent::run([this, p, contexts, kubeconfig]() -> QString {
            if (kube::Status st = transitions::recordRevisions(*m_a, m_ns); !st.ok())
                return st.toString();
            kube::KubeConfigOptions k;
            k.kubeconfigPath = kubeconfig;
            auto clusters = connectClusters(p, m_a, contexts, k);
            if (!clusters)
                return clusters.status.toString();
            ApplyOptions o;
            o.tool = QStringLiteral("veladesk-test");
            o.namespaceName = m_ns;
            o.timeout = std::chrono::seconds(120);
            o.readinessTimeout = std::chrono::seconds(120);
            MultiClusterApplier applier(clusters.value, p, o);
            const MultiClusterReport r = applier.run();
            return r.ok() ? QString() : r.toString();
        });
        const QString failed = guitest::wait(applied, 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        // The mapping as the placements dialog saves it.
        QSettings().setValue(
            QStringLiteral("clusters/contexts"),
            QStringList{QStringLiteral("a=") + m_ctxA, QStringLiteral("b=") + m_ctxB});
        window = guitest::windowOn(m_kubeconfig, m_ns);
        window->setDiscardPrompt([](const QString&) { return true; });
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    void cleanupTestCase()
    {
        window.reset();
        QSettings().remove(QStringLiteral("clusters/contexts"));
        for (const auto& c : {m_a, m_b})
            if (c)
                guitest::wait(c->remove(kube::ResourceType::namespaces(), {}, m_ns));
    }

    void podsFromBothClusters()
    {
        QTreeView* view = window->podsView();
        QAbstractItemModelTester tester(window->clusterPodsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->isColumnHidden(PodsModel::Cluster)); // one cluster until the plan says
        window->selectApplicationWhenLoaded(QStringLiteral("example-app"));
        QTRY_COMPARE_WITH_TIMEOUT(window->selectedApplication(), QStringLiteral("example-app"),
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(window->clusterPodsModel()->clusterNames(),
                                  (QStringList{QStringLiteral("a"), QStringLiteral("b")}), 30000);
        QVERIFY(!view->isColumnHidden(PodsModel::Cluster));
        QCOMPARE(view->header()->visualIndex(PodsModel::Cluster), 0);
        // 3 pods in a, 2 in b, as the clusters list them.
        QTRY_VERIFY_WITH_TIMEOUT(paneRows().size() == 5 && paneRows() == clusterRows(), 60000);
        int inB = 0;
        for (const QString& r : paneRows())
            if (r.startsWith(QStringLiteral("b/"))) {
                ++inB;
                QVERIFY2(r.startsWith(QStringLiteral("b/testsvc-v2-")), qPrintable(r));
            }
        QCOMPARE(inB, 2);
        QTRY_VERIFY_WITH_TIMEOUT(!window->podsClusterStatus()->isVisible(), 30000);
        window->showDock(QStringLiteral("podsDock"));
        guitest::screenshot(window.get(), QStringLiteral("pods-multicluster"));
    }

    // A pod of b selected: its log is read through b (the pane finds that very pod, by uid);
    // then a pod of a, through a again.
    void podLogsThroughThePodsCluster()
    {
        window->showDock(QStringLiteral("podLogsDock"));
        const QAbstractItemModel* m = window->podsView()->model();
        auto pick = [&](const QString& cluster, std::shared_ptr<kube::Client> client) {
            for (int r = 0; r < m->rowCount(); ++r) {
                if (m->index(r, PodsModel::Cluster).data().toString() != cluster)
                    continue;
                const QString name = m->index(r, PodsModel::Name).data().toString();
                const QString uid = m->index(r, 0).data(PodsModel::UidRole).toString();
                window->podsView()->setCurrentIndex(m->index(r, 0)); // as a click does
                QTRY_VERIFY_WITH_TIMEOUT(!window->podLogsPane()->pods().isEmpty(), 20000);
                const QJsonObject shown = window->podLogsPane()->pods().first();
                QCOMPARE(shown[QLatin1String("metadata")][QLatin1String("name")].toString(), name);
                QCOMPARE(shown[QLatin1String("metadata")][QLatin1String("uid")].toString(), uid);
                auto there = guitest::wait(client->get(kube::ResourceType::pods(), m_ns, name));
                QVERIFY2(there.ok(), qPrintable(there.status.toString()));
                QCOMPARE(there.value[QLatin1String("metadata")][QLatin1String("uid")].toString(),
                         uid);
                return;
            }
            QFAIL(qPrintable(QStringLiteral("no pod of cluster ") + cluster));
        };
        pick(QStringLiteral("b"), m_b);
        pick(QStringLiteral("a"), m_a);
        window->showDock(QStringLiteral("podsDock"));
    }

    void podDeletedInBLeavesThePane()
    {
        QString victim;
        for (const QString& r : paneRows())
            if (r.startsWith(QStringLiteral("b/")))
                victim = r.mid(2);
        QVERIFY(!victim.isEmpty());
        const QStringList inA = [&] {
            QStringList l;
            for (const QString& r : paneRows())
                if (r.startsWith(QStringLiteral("a/")))
                    l << r;
            return l;
        }();
        const kube::Status removed =
            guitest::wait(m_b->remove(kube::ResourceType::pods(), m_ns, victim));
        QVERIFY2(removed.ok(), qPrintable(removed.toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!paneRows().contains(QStringLiteral("b/") + victim), 30000);
        for (const QString& r : inA)
            QVERIFY2(paneRows().contains(r), qPrintable(r));
    }

    void unreachableClusterIsNamed()
    {
        // c is placed but mapped to no context of the kubeconfig: named in the pane, no hang.
        AppDeploymentPlan p = window->planModel()->plan();
        const int v2 = rowOfRevision(QStringLiteral("example-app-v2"));
        QVERIFY(v2 >= 0);
        p.appRevisions[v2].placement.append(Placement{1, ClusterSelector{QStringLiteral("c"), {}}});
        window->planModel()->edit(p);
        QTRY_VERIFY_WITH_TIMEOUT(window->podsClusterStatus()->isVisible(), 10000);
        QVERIFY2(window->podsClusterStatus()->text().contains(
                     QStringLiteral("cluster c (context c): unreachable")),
                 qPrintable(window->podsClusterStatus()->text()));
        guitest::screenshot(window.get(), QStringLiteral("pods-multicluster-unreachable"));
        window->planModel()->revert();
        QTRY_VERIFY_WITH_TIMEOUT(!window->podsClusterStatus()->isVisible(), 10000);
        QCOMPARE(window->clusterPodsModel()->clusterNames(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void editorCountsEveryCluster()
    {
        const int v2 = rowOfRevision(QStringLiteral("example-app-v2"));
        QVERIFY(v2 >= 0);
        const QLabel* badge =
            window->editor()->findChild<QLabel*>(QStringLiteral("stateLabel_%1").arg(v2));
        QVERIFY(badge);
        QTRY_VERIFY2_WITH_TIMEOUT(
            badge->toolTip().contains(QStringLiteral("ready per cluster: 1/1 in a, 2/2 in b")),
            qPrintable(badge->toolTip()), 30000);
        QVERIFY2(!badge->text().contains(QStringLiteral("drift")), qPrintable(badge->text()));
        // v2 scaled by hand in b only: drift, named with its cluster
        auto scaled = transitions::scaleByHand(*m_b, m_ns, QStringLiteral("testsvc-v2"), 3,
                                               QStringLiteral("someone-else"));
        QVERIFY2(scaled.ok(), qPrintable(scaled.status.toString()));
        QTRY_VERIFY2_WITH_TIMEOUT(badge->text().contains(QStringLiteral("drift")),
                                  qPrintable(badge->text()), 30000);
        QVERIFY2(badge->toolTip().contains(QStringLiteral("live replicas 3 in b (spec 2)")),
                 qPrintable(badge->toolTip()));
        QVERIFY(window->planModel()->hasDrift());
    }
};

QTEST_MAIN(TestGuiMultiCluster)
#include "tst_gui_multicluster.moc"
