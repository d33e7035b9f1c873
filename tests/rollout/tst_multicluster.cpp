// Multi-cluster placement (issue 13, item 1) without a cluster: which objects each cluster
// gets (render.h RenderOptions::cluster), the per-cluster routing check of validate(), the
// --cluster mapping, status.placement, and `veladesk render` with per-cluster sections.

#include "kube/rollout/multicluster.h"
#include "kube/rollout/render.h"
#include "kube/yamljson.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "literallists.h"

using namespace kube::rollout;

namespace {

AppRevision revision(const QString& name, const QByteArray& image, int port)
{
    const QByteArray yaml =
        "apiVersion: core.oam.dev/v1beta1\nkind: ApplicationRevision\nmetadata:\n  name: " +
        name.toUtf8() +
        "\nspec:\n  application:\n    apiVersion: core.oam.dev/v1beta1\n"
        "    kind: Application\n    metadata:\n      name: example-app\n    spec:\n"
        "      components:\n        - name: testsvc\n          type: webservice\n"
        "          properties:\n            image: " +
        image + "\n            port: " + QByteArray::number(port) + "\n";
    auto docs = kube::parseYamlDocuments(yaml, name);
    if (!docs.ok() || docs.value.size() != 1)
        qFatal("bad revision fixture %s", qPrintable(name));
    auto r = AppRevision::fromJson(docs.value.first());
    if (!r.ok())
        qFatal("bad revision fixture %s: %s", qPrintable(name), qPrintable(r.status.toString()));
    return r.value;
}

QList<AppRevision> revisions()
{
    return {revision(QStringLiteral("example-app-v1"), "crccheck/hello-world", 8000),
            revision(QStringLiteral("example-app-v2"), "nginx", 80)};
}

// v1: 2 replicas at home; v2: 1 at home and 3 in cluster "b"; weights w1/w2.
QByteArray planYaml(int w1, int w2, const QByteArray& v1Placement = {})
{
    return "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata:\n"
           "  name: example-appdeploy\n  namespace: shop\nspec:\n  appRevisions:\n"
           "    - revisionName: example-app-v1\n      placement:\n" +
           (v1Placement.isEmpty() ? QByteArray("        - distribution: {replicas: 2}\n")
                                  : v1Placement) +
           "    - revisionName: example-app-v2\n      placement:\n"
           "        - distribution: {replicas: 1}\n"
           "        - clusterSelector: {name: b}\n          distribution: {replicas: 3}\n"
           "  traffic:\n    hosts: [example-app.example.com]\n    http:\n"
           "      - weightedTargets:\n"
           "          - {revisionName: example-app-v1, componentName: testsvc, port: 8000, "
           "weight: " +
           QByteArray::number(w1) +
           "}\n"
           "          - {revisionName: example-app-v2, componentName: testsvc, port: 80, "
           "weight: " +
           QByteArray::number(w2) + "}\n";
}

AppDeploymentPlan parsePlan(const QByteArray& yaml)
{
    auto docs = kube::parseYamlDocuments(yaml, QStringLiteral("plan"));
    if (!docs.ok())
        qFatal("bad plan: %s", qPrintable(docs.status.toString()));
    auto p = AppDeploymentPlan::fromJson(docs.value.first());
    if (!p.ok())
        qFatal("bad plan: %s", qPrintable(p.status.toString()));
    return p.value;
}

QStringList names(const RenderResult& r)
{
    QStringList out;
    for (const RenderedObject& o : r.objects)
        out << o.displayName();
    return out;
}

int replicasOf(const RenderResult& r, const QString& deployment)
{
    for (const RenderedObject& o : r.objects)
        if (o.displayName() == deployment)
            return o.object[QLatin1String("spec")][QLatin1String("replicas")].toInt();
    return -1;
}

} // namespace

class TestMultiCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clustersAndReplicas()
    {
        const AppDeploymentPlan p = parsePlan(planYaml(100, 0));
        QCOMPARE(p.clusters(QStringLiteral("a")), (L({"a", "b"})));
        QVERIFY(p.isMultiCluster(QStringLiteral("a")));
        QCOMPARE(p.replicasIn(QStringLiteral("example-app-v2"), QStringLiteral("a"),
                              QStringLiteral("a")),
                 1);
        QCOMPARE(p.replicasIn(QStringLiteral("example-app-v2"), QStringLiteral("b"),
                              QStringLiteral("a")),
                 3);
        QCOMPARE(p.replicasIn(QStringLiteral("example-app-v1"), QStringLiteral("b"),
                              QStringLiteral("a")),
                 0);
        // Naming the home cluster is the same as naming none.
        QVERIFY(!p.isMultiCluster(QStringLiteral("b")));
        const AppDeploymentPlan home = parsePlan(planYaml(
            100, 0,
            "        - clusterSelector: {name: a}\n          distribution: {replicas: 2}\n"));
        QCOMPARE(home.replicasIn(QStringLiteral("example-app-v1"), QStringLiteral("a"),
                                 QStringLiteral("a")),
                 2);
        // 100/0: cluster b runs no revision with weight > 0: no route there.
        QCOMPARE(p.routeClusters(QStringLiteral("a")), L({"a"}));
        // 0/100: both run v2.
        QCOMPARE(parsePlan(planYaml(0, 100)).routeClusters(QStringLiteral("a")), (L({"a", "b"})));
    }

    void renderPerCluster()
    {
        const AppDeploymentPlan p = parsePlan(planYaml(100, 0));
        RenderOptions home;
        home.homeCluster = QStringLiteral("a");
        home.cluster = QStringLiteral("a");
        home.ownerUid = QStringLiteral("uid-1");
        const RenderResult a = render(p, revisions(), home);
        QVERIFY2(a.ok(), qPrintable(issueMessages(a.issues).join(QLatin1Char('\n'))));
        QCOMPARE(names(a),
                 (L({"Deployment/testsvc-v1", "Deployment/testsvc-v2",
                     "Service/example-app-v1-testsvc-8000", "Service/example-app-v2-testsvc-80",
                     "VirtualService/example-appdeploy"})));
        QCOMPARE(replicasOf(a, QStringLiteral("Deployment/testsvc-v2")), 1);
        QCOMPARE(ownershipOf(a.objects.first().object, p.name, QStringLiteral("uid-1")).state,
                 Ownership::State::ThisAppDeployment);

        RenderOptions member = home;
        member.cluster = QStringLiteral("b");
        const RenderResult b = render(p, revisions(), member);
        QVERIFY(b.ok());
        // v1 is not placed in b; no route in b (v2 has weight 0).
        QCOMPARE(names(b), L({"Deployment/testsvc-v2"}));
        QCOMPARE(replicasOf(b, QStringLiteral("Deployment/testsvc-v2")), 3);
        const QJsonObject meta = b.objects.first().object[QLatin1String("metadata")].toObject();
        QVERIFY(!meta.contains(QLatin1String("ownerReferences")));
        const QString marker = placedByMarker(QStringLiteral("a"), QStringLiteral("shop"), p.name);
        QCOMPARE(meta[QLatin1String("annotations")][QLatin1String(placedByAnnotation)].toString(),
                 marker);
        QCOMPARE(ownershipOf(b.objects.first().object, p.name, {}, marker).state,
                 Ownership::State::ThisAppDeployment);
        QCOMPARE(ownershipOf(b.objects.first().object, p.name, {}, marker + QLatin1Char('x')).state,
                 Ownership::State::Other);

        // 0/100: the route goes to b as well, without v1's (weight 0, not placed) target.
        const RenderResult b2 = render(parsePlan(planYaml(0, 100)), revisions(), member);
        QVERIFY(b2.ok());
        QCOMPARE(names(b2), (L({"Deployment/testsvc-v2", "Service/example-app-v2-testsvc-80",
                                "VirtualService/example-appdeploy"})));
        const QJsonArray route =
            b2.objects.last()
                .object[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")]
                .toArray();
        QCOMPARE(route.size(), 1);
        QCOMPARE(route[0][QLatin1String("weight")].toInt(), 100);
    }

    void routeToRevisionMissingInACluster()
    {
        // 50/50: the route goes to a and b (both run a weighted revision), but v1 has no
        // replicas in b.
        const QList<Issue> issues =
            validate(parsePlan(planYaml(50, 50)), revisions(), std::nullopt, QStringLiteral("a"));
        QVERIFY(hasErrors(issues));
        const QString all = issueMessages(issues).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("weight 50 for revision example-app-v1, which has no "
                                            "replicas in cluster b, where the route is applied")),
                 qPrintable(all));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field,
                 QStringLiteral("spec.traffic.http[0].weightedTargets[0].weight"));
    }

    void singleClusterUnchanged()
    {
        // No clusterSelector: one cluster, the messages as before.
        const QByteArray yaml =
            "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata:\n"
            "  name: example-appdeploy\nspec:\n  appRevisions:\n"
            "    - revisionName: example-app-v1\n      placement:\n"
            "        - distribution: {replicas: 0}\n"
            "  traffic:\n    hosts: [h]\n    http:\n      - weightedTargets:\n"
            "          - {revisionName: example-app-v1, componentName: testsvc, port: 8000, "
            "weight: 100}\n";
        const AppDeploymentPlan p = parsePlan(yaml);
        QVERIFY(!p.isMultiCluster({}));
        const QList<Issue> issues = validate(p, revisions());
        QCOMPARE(issueMessages(issues),
                 L({"error: spec.traffic.http[0].weightedTargets[0].weight: weight 100 for "
                    "revision example-app-v1, which has 0 replicas"}));
    }

    void clusterMapping()
    {
        auto m = ClusterContexts::parse({QStringLiteral("eu=prod-eu"), QStringLiteral("a=kwok-a")});
        QVERIFY(m.ok());
        QCOMPARE(m.value.contextOf(QStringLiteral("eu")), QStringLiteral("prod-eu"));
        QCOMPARE(m.value.contextOf(QStringLiteral("us")), QStringLiteral("us"));
        QCOMPARE(m.value.clusterOf(QStringLiteral("kwok-a")), QStringLiteral("a"));
        QCOMPARE(m.value.clusterOf(QStringLiteral("other")), QStringLiteral("other"));
        auto bad = ClusterContexts::parse({QStringLiteral("eu")});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.status.message.contains(QLatin1String("--cluster eu: expected NAME=CONTEXT")),
                 qPrintable(bad.status.message));
        QVERIFY(!ClusterContexts::parse({QStringLiteral("eu=x"), QStringLiteral("eu=y")}).ok());
    }

    void placementStatus()
    {
        const QList<PlacementStatus> st =
            placementStatusOf(parsePlan(planYaml(100, 0)), QStringLiteral("a"));
        QCOMPARE(st.size(), 2);
        QCOMPARE(st[0].revisionName, QStringLiteral("example-app-v1"));
        QCOMPARE(st[0].clusters, (QList<PlacementStatus::Cluster>{{QStringLiteral("a"), 2}}));
        QCOMPARE(st[1].clusters, (QList<PlacementStatus::Cluster>{{QStringLiteral("a"), 1},
                                                                  {QStringLiteral("b"), 3}}));
        AppDeploymentStatus recorded;
        recorded.placement = st;
        QCOMPARE(previousClusters(recorded, QStringLiteral("a")), L({"b"}));
        QCOMPARE(previousClusters(recorded, QStringLiteral("b")), L({"a"}));
        // The seed's shape: {revisionName, clusters: [{clusterName, replicas}]}.
        AppDeploymentStatus s;
        s.placement = st;
        const QJsonObject j = s.toJson();
        QCOMPARE(j[QLatin1String("placement")][1][QLatin1String("clusters")][1]
                  [QLatin1String("clusterName")]
                      .toString(),
                 QStringLiteral("b"));
        QCOMPARE(j[QLatin1String("placement")][1][QLatin1String("clusters")][1]
                  [QLatin1String("replicas")]
                      .toInt(),
                 3);
    }

    void renderCommandSections()
    {
        const QString binary = qEnvironmentVariable("VELADESK_BINARY");
        if (binary.isEmpty())
            QSKIP("VELADESK_BINARY not set (run through ctest)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ref = qEnvironmentVariable("VELADESK_REFERENCE_DIR");
        QFile f(dir.filePath(QStringLiteral("plan.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(planYaml(100, 0)).replace("  namespace: shop\n", ""));
        f.close();
        QProcess p;
        p.start(binary, {QStringLiteral("render"), QStringLiteral("-f"),
                         ref + QStringLiteral("/01-application-v1.yaml"), QStringLiteral("-f"),
                         ref + QStringLiteral("/02-application-v2.yaml"), QStringLiteral("-f"),
                         f.fileName(), QStringLiteral("--cluster"), QStringLiteral("b=kwok-b")});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("# ---- cluster (home: the current context) ----")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("# ---- cluster b (context kwok-b) ----")),
                 qPrintable(out));
        const QString b = out.section(QStringLiteral("# ---- cluster b"), 1);
        QVERIFY(b.contains(QLatin1String("name: testsvc-v2")));
        QVERIFY(b.contains(QLatin1String("replicas: 3")));
        QVERIFY(!b.contains(QLatin1String("testsvc-v1")));
        QVERIFY(!b.contains(QLatin1String("VirtualService")));
        QVERIFY(b.contains(QLatin1String("# cluster: b (context kwok-b)")));
    }
};

QTEST_GUILESS_MAIN(TestMultiCluster)
#include "tst_multicluster.moc"
