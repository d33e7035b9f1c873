// ClusterPodsModel (issue 13, item 1): the pods of two clusters in one table, keyed by
// (cluster, uid), under QAbstractItemModelTester (and the sorting proxy the pane uses);
// RemoteClusters: a cluster whose context is missing or whose server refuses is reported by
// name without waiting on the network, and a cluster no plan names any more is torn down.

#include "fixtures.h"
#include "models/clusterpods.h"
#include "models/podsmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace veladesk;

namespace {

QStringList rows(const QAbstractItemModel& m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, PodsModel::Cluster).data().toString() + QLatin1Char('/') +
                   m.index(i, PodsModel::Name).data().toString();
    return out;
}

QString uidOf(const QList<QJsonObject>& pods, const QString& name)
{
    for (const QJsonObject& p : pods)
        if (p[QLatin1String("metadata")][QLatin1String("name")].toString() == name)
            return p[QLatin1String("metadata")][QLatin1String("uid")].toString();
    return {};
}

} // namespace

class TestClusterPodsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void twoClusters()
    {
        PodsModel a, b;
        a.setBatchInterval(0);
        b.setBatchInterval(0);
        a.setClusterName(QStringLiteral("a"));
        b.setClusterName(QStringLiteral("b"));
        ClusterPodsModel model(&a);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(PodsModel::SortRole);
        sorted.sort(PodsModel::Name);
        QAbstractItemModelTester sortedTester(
            &sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.headerData(PodsModel::Cluster, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Cluster"));
        QCOMPARE(model.columnCount(), int(PodsModel::ColumnCount));

        // The same pods (same uids) in both clusters: two rows each, one per cluster.
        const QList<QJsonObject> pods = fixtures::items(QStringLiteral("pods.json"));
        a.setPods(pods);
        QSignalSpy clusters(&model, &ClusterPodsModel::clustersChanged);
        model.addCluster(&b);
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters.first().first().toInt(), 2);
        b.setPods(pods);
        QCOMPARE(model.clusterNames(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(model.rowCount(), 2 * int(pods.size()));
        QCOMPARE(rows(model), (QStringList{QStringLiteral("a/testsvc-v1-7d9f-aaaaa"),
                                           QStringLiteral("a/testsvc-v1-7d9f-bbbbb"),
                                           QStringLiteral("a/testsvc-v2-5c4b-ccccc"),
                                           QStringLiteral("b/testsvc-v1-7d9f-aaaaa"),
                                           QStringLiteral("b/testsvc-v1-7d9f-bbbbb"),
                                           QStringLiteral("b/testsvc-v2-5c4b-ccccc")}));
        const QString uid = uidOf(pods, QStringLiteral("testsvc-v1-7d9f-aaaaa"));
        QVERIFY(!uid.isEmpty());
        const int inA = model.rowOf(QStringLiteral("a"), uid);
        const int inB = model.rowOf(QStringLiteral("b"), uid);
        QVERIFY(inA >= 0 && inB >= 0 && inA != inB);
        QCOMPARE(model.index(inB, 0).data(PodsModel::ClusterRole).toString(), QStringLiteral("b"));
        int row = -1;
        QCOMPARE(model.podsModelOf(model.index(inB, PodsModel::Name), &row), &b);
        QCOMPARE(b.pod(row).name, QStringLiteral("testsvc-v1-7d9f-aaaaa"));
        QCOMPARE(model.podsModelOf(sorted.mapToSource(sorted.index(0, 0)), &row) != nullptr, true);

        // A pod deleted in b leaves the pod of the same uid in a alone.
        kube::WatchEvent deleted{kube::WatchEvent::Type::Deleted, pods.first()};
        b.enqueue({deleted});
        QCOMPARE(model.rowCount(), 2 * int(pods.size()) - 1);
        QCOMPARE(model.rowOf(QStringLiteral("b"), uid), -1);
        QVERIFY(model.rowOf(QStringLiteral("a"), uid) >= 0);
        QVERIFY(!rows(model).contains(QStringLiteral("b/testsvc-v1-7d9f-aaaaa")));
        QVERIFY(rows(model).contains(QStringLiteral("a/testsvc-v1-7d9f-aaaaa")));
        // ... and an update in b changes b's row only.
        QJsonObject renamed = pods.at(1);
        QJsonObject status = renamed[QLatin1String("status")].toObject();
        status[QLatin1String("phase")] = QStringLiteral("Failed");
        renamed[QLatin1String("status")] = status;
        b.enqueue({kube::WatchEvent{kube::WatchEvent::Type::Modified, renamed}});
        const QString uid1 = uidOf(pods, QStringLiteral("testsvc-v1-7d9f-bbbbb"));
        QCOMPARE(
            model.index(model.rowOf(QStringLiteral("b"), uid1), PodsModel::Phase).data().toString(),
            QStringLiteral("Failed"));
        QVERIFY(model.index(model.rowOf(QStringLiteral("a"), uid1), PodsModel::Phase)
                    .data()
                    .toString() != QStringLiteral("Failed"));
        // A new list (reset) of one cluster.
        b.setPods({pods.at(2)});
        QCOMPARE(model.rowCount(), int(pods.size()) + 1);

        // b no longer involved: its rows go, a's stay; the home model cannot be removed.
        model.removeCluster(&b);
        QCOMPARE(clusters.size(), 2);
        QCOMPARE(clusters.last().first().toInt(), 1);
        QCOMPARE(model.rowCount(), int(pods.size()));
        model.removeCluster(&a);
        QCOMPARE(model.rowCount(), int(pods.size()));
        QCOMPARE(model.clusterNames(), QStringList{QStringLiteral("a")});
    }

    void unreachableClustersAreNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\ncurrent-context: home\n"
                "clusters:\n"
                "- name: closed\n  cluster:\n    server: https://127.0.0.1:1\n"
                "users:\n- name: u\n  user:\n    token: sekrit-token-value\n"
                "contexts:\n"
                "- name: home\n  context:\n    cluster: closed\n    user: u\n"
                "- name: ctx-b\n  context:\n    cluster: closed\n    user: u\n");
        f.close();

        PodsModel home;
        home.setClusterName(QStringLiteral("home"));
        ClusterPodsModel model(&home);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RemoteClusters remote(&model);
        kube::KubeConfigOptions options;
        options.kubeconfigPath = path;
        remote.setKubeConfigOptions(options);
        kube::rollout::ClusterContexts contexts;
        contexts.set(QStringLiteral("b"), QStringLiteral("ctx-b"));
        QSignalSpy status(&remote, &RemoteClusters::statusChanged);
        QElapsedTimer t;
        t.start();
        // b refuses connections; c maps to a context the kubeconfig does not have.
        remote.setClusters({QStringLiteral("b"), QStringLiteral("c")}, contexts,
                           QStringLiteral("ns"));
        QVERIFY2(t.elapsed() < 1000, "setClusters() must not wait on the network");
        QCOMPARE(remote.clusters(), (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(model.clusterNames(),
                 (QStringList{QStringLiteral("home"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(status.size() > 0);
        auto problemOf = [&](const QString& cluster) {
            for (const QString& p : remote.problems())
                if (p.startsWith(QStringLiteral("cluster %1 ").arg(cluster)))
                    return p;
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            problemOf(QStringLiteral("b")).contains(QStringLiteral("unreachable")), 20000);
        QVERIFY2(problemOf(QStringLiteral("b")).contains(QStringLiteral("(context ctx-b)")),
                 qPrintable(problemOf(QStringLiteral("b"))));
        QVERIFY2(problemOf(QStringLiteral("c")).contains(QStringLiteral("(context c)")) &&
                     problemOf(QStringLiteral("c")).contains(QStringLiteral("unreachable")),
                 qPrintable(problemOf(QStringLiteral("c"))));
        for (const QString& p : remote.problems())
            QVERIFY2(!p.contains(QStringLiteral("sekrit")), qPrintable(p));
        QCOMPARE(model.rowCount(), 0);

        // Only c stays: b's session and rows are torn down.
        remote.setClusters({QStringLiteral("c")}, contexts, QStringLiteral("ns"));
        QCOMPARE(remote.clusters(), QStringList{QStringLiteral("c")});
        QVERIFY(!remote.session(QStringLiteral("b")));
        QCOMPARE(model.clusterNames(), (QStringList{QStringLiteral("home"), QStringLiteral("c")}));
        remote.setClusters({}, contexts, QStringLiteral("ns"));
        QVERIFY(remote.problems().isEmpty());
        QCOMPARE(model.clusterCount(), 1);
    }
};

QTEST_MAIN(TestClusterPodsModel)
#include "tst_clusterpodsmodel.moc"
