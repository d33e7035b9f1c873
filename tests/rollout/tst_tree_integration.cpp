// The object tree (issue 15) against the local control plane (label `integration`): the
// reference scenario is deployed with the veladesk command line, then broken three ways, one
// after the other, and both `veladesk tree` and the GUI's tree model (fed by a real,
// watch-fed NamespaceStore) must report each:
//   1. an image that never pulls (the KWOK stage pod-image-pull-backoff of
//      tests/cluster/kwok-stages.yaml: a registry host under .invalid) -> the Pod is Degraded
//      with ImagePullBackOff;
//   2. a Service of the application whose selector matches no pod -> Degraded NoPodsSelected;
//   3. a Service the VirtualService routes to, deleted -> a Missing Service under the route.
// Test functions run in order and build on each other.

#include "kube/client.h"
#include "kube/rollout/objecttree.h"
#include "models/namespacestore.h"
#include "models/objecttreemodel.h"
#include "treetest.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>
#include <functional>

using namespace kube::rollout;
using treetest::findNode;
using veladesk::NamespaceStore;
using veladesk::ObjectTreeModel;

namespace {

const QString kNs = QStringLiteral("tree-it");
const QString kApp = QStringLiteral("example-app");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProcess(const QString& program, const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return Run{-1, {}, QStringLiteral("cannot start ") + program};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        return Run{-1, {}, program + QStringLiteral(" timed out")};
    }
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

QStringList connection()
{
    return {QStringLiteral("--kubeconfig"), qEnvironmentVariable("VELADESK_TEST_KUBECONFIG"),
            QStringLiteral("-n"), kNs};
}

Run runVeladesk(const QStringList& args)
{
    return runProcess(qEnvironmentVariable("VELADESK_BINARY"), args + connection());
}

QString kubectlProgram()
{
    const QString env = qEnvironmentVariable("VELADESK_KUBECTL");
    return env.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("kubectl")) : env;
}

Run kubectl(const QStringList& args, const QByteArray& input = {})
{
    return runProcess(kubectlProgram(), args + connection(), input);
}

QString referenceFile(const char* name)
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/') + QLatin1String(name);
}

QString diagnostics(const Run& r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

// Polls `ok` (letting the event loop run) until it holds or `seconds` pass.
bool eventually(const std::function<bool()>& ok, int seconds = 90)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < seconds * 1000) {
        if (ok())
            return true;
        QTest::qWait(250);
    }
    return ok();
}

// `veladesk tree -o json`'s problems as "Kind/name Health Reason".
QStringList cliProblems(const QJsonObject& tree)
{
    QStringList out;
    for (const QJsonValue& p : tree.value(QLatin1String("problems")).toArray())
        out << QStringLiteral("%1/%2 %3 %4")
                   .arg(p[QLatin1String("kind")].toString(), p[QLatin1String("name")].toString(),
                        p[QLatin1String("health")].toString(),
                        p[QLatin1String("reason")].toString());
    return out;
}

// The model's rows with their health, as "Kind/name Health Reason" for unhealthy ones.
void modelProblems(const QAbstractItemModel& m, const QModelIndex& parent, QStringList* out)
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        const auto h = Health(m.data(i, ObjectTreeModel::HealthRole).toInt());
        const auto role = TreeNode::Role(m.data(i, ObjectTreeModel::NodeRole).toInt());
        if (isUnhealthy(h) && (role == TreeNode::Role::Object || role == TreeNode::Role::Missing))
            *out << QStringLiteral("%1/%2 %3 %4")
                        .arg(m.data(i, ObjectTreeModel::KindRole).toString(),
                             m.data(i, ObjectTreeModel::NameRole).toString(), healthName(h),
                             m.data(i, ObjectTreeModel::ReasonRole).toString());
        modelProblems(m, i, out);
    }
}

bool containsStartingWith(const QStringList& list, const QString& prefix)
{
    return std::any_of(list.begin(), list.end(),
                       [&](const QString& s) { return s.startsWith(prefix); });
}

} // namespace

class TestTreeIntegration : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> m_client;
    NamespaceStore* m_store = nullptr;
    ObjectTreeModel* m_model = nullptr;
    QAbstractItemModelTester* m_tester = nullptr;
    QString m_badPod; // the pod of the image that never pulls

    // `veladesk tree example-app -o json`: exit code and document.
    QPair<int, QJsonObject> cliTree()
    {
        const Run r = runVeladesk(
            {QStringLiteral("tree"), kApp, QStringLiteral("-o"), QStringLiteral("json")});
        return {r.exitCode, QJsonDocument::fromJson(r.out.toUtf8()).object()};
    }
    QStringList modelProblemList()
    {
        QStringList out;
        modelProblems(*m_model, {}, &out);
        return out;
    }
    // The tree of the one-shot lists (what `veladesk tree` builds), in this process.
    TreeNode listedTree()
    {
        kube::Result<InspectedNamespace> read = readInspectedNamespace(*m_client, kNs);
        if (!read.ok())
            qWarning() << read.status.toString();
        return buildObjectTree(kApp, read.value.objects, read.value.pods);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")),
                 "VELADESK_TEST_KUBECONFIG missing: run through ctest (kube_cluster fixture)");
        QVERIFY2(!kubectlProgram().isEmpty(), "kubectl not found");
        kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), kNs,
                 QStringLiteral("--wait=true"), QStringLiteral("--ignore-not-found")});
        Run r = kubectl({QStringLiteral("create"), QStringLiteral("namespace"), kNs});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        for (const char* app : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
            r = runVeladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                             referenceFile(app)});
            QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        }
        r = kubectl(
            {QStringLiteral("apply"), QStringLiteral("-f"), referenceFile("04-gateway.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        r = runVeladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                         referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));

        kube::KubeConfigOptions k;
        k.kubeconfigPath = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        kube::Result<std::shared_ptr<kube::Client>> c = kube::connect(k);
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        m_client = c.value;
        m_store = new NamespaceStore(this);
        m_model = new ObjectTreeModel(this);
        m_tester = new QAbstractItemModelTester(
            m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_model->setStore(m_store);
        m_model->setApplication(kApp);
        m_store->start(m_client, kNs, NamespaceStore::Options{});
    }

    void healthyTree()
    {
        // Endpoints are published shortly after the pods are ready.
        QPair<int, QJsonObject> t;
        QVERIFY2(eventually([&] {
                     t = cliTree();
                     return t.first == 0;
                 }),
                 QJsonDocument(t.second).toJson().constData());
        QCOMPARE(t.second[QLatin1String("healthy")].toBool(), true);
        QCOMPARE(t.second[QLatin1String("application")].toString(), kApp);

        const TreeNode root = listedTree();
        QCOMPARE(root.kind, QStringLiteral("Application"));
        QCOMPARE(root.worst, Health::Healthy);
        for (const auto& [kind, name] : QList<QPair<QString, QString>>{
                 {QStringLiteral("ApplicationRevision"), QStringLiteral("example-app-v1")},
                 {QStringLiteral("ApplicationRevision"), QStringLiteral("example-app-v2")},
                 {QStringLiteral("AppDeployment"), QStringLiteral("example-appdeploy")},
                 {QStringLiteral("Deployment"), QStringLiteral("testsvc-v1")},
                 {QStringLiteral("Deployment"), QStringLiteral("testsvc-v2")},
                 {QStringLiteral("Service"), QStringLiteral("example-app-v1-testsvc-8000")},
                 {QStringLiteral("Service"), QStringLiteral("example-app-v2-testsvc-80")},
                 {QStringLiteral("VirtualService"), QStringLiteral("example-appdeploy")}})
            QVERIFY2(findNode(root, kind, name), qPrintable(kind + QLatin1Char('/') + name));
        // Deployment -> ReplicaSet -> Pod; Service -> EndpointSlice with a ready endpoint;
        // the route -> its Gateway.
        const TreeNode* d =
            findNode(root, QStringLiteral("Deployment"), QStringLiteral("testsvc-v2"));
        QVERIFY(d);
        QCOMPARE(d->children.size(), 1);
        QCOMPARE(d->children[0].kind, QStringLiteral("ReplicaSet"));
        QCOMPARE(d->children[0].children.size(), 1);
        QCOMPARE(d->children[0].children[0].kind, QStringLiteral("Pod"));
        QCOMPARE(d->children[0].children[0].health.health, Health::Healthy);
        const TreeNode* s =
            findNode(root, QStringLiteral("Service"), QStringLiteral("example-app-v2-testsvc-80"));
        QVERIFY(s);
        QVERIFY(!s->children.isEmpty());
        QCOMPARE(s->children[0].kind, QStringLiteral("EndpointSlice"));
        QVERIFY2(s->info.startsWith(QLatin1String("1 ready endpoint")), qPrintable(s->info));
        const TreeNode* vs =
            findNode(root, QStringLiteral("VirtualService"), QStringLiteral("example-appdeploy"));
        QVERIFY(vs);
        QVERIFY(findNode(*vs, QStringLiteral("Gateway"), QStringLiteral("example-app-gateway"),
                         TreeNode::Role::Link));

        // The GUI's tree, from the watches, agrees.
        QVERIFY2(eventually([&] {
                     return m_model->rowCount() == 1 &&
                            m_model->find(QStringLiteral("Pod"), d->children[0].children[0].name)
                                .isValid() &&
                            modelProblemList().isEmpty();
                 }),
                 qPrintable(modelProblemList().join(QLatin1Char('\n'))));
    }

    void imageThatNeverPulls()
    {
        // A new image on a registry that never resolves: the Deployment rolls a new ReplicaSet
        // whose pod never pulls; the old pod stays (maxUnavailable rounds down to 0).
        const Run r = kubectl({QStringLiteral("set"), QStringLiteral("image"),
                               QStringLiteral("deployment/testsvc-v2"),
                               QStringLiteral("testsvc=registry.invalid/testsvc:never")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QPair<int, QJsonObject> t;
        QVERIFY2(eventually([&] {
                     t = cliTree();
                     return containsStartingWith(cliProblems(t.second),
                                                 QStringLiteral("Pod/testsvc-v2-"));
                 }),
                 QJsonDocument(t.second).toJson().constData());
        QCOMPARE(t.first, 1);
        QCOMPARE(t.second[QLatin1String("healthy")].toBool(), false);
        const QStringList problems = cliProblems(t.second);
        QVERIFY2(problems.size() == 1 &&
                     problems[0].endsWith(QLatin1String("Degraded ImagePullBackOff")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        m_badPod = problems[0].section(QLatin1Char(' '), 0, 0).section(QLatin1Char('/'), 1);
        // The text output names it too, with the kubelet's message.
        const Run text = runVeladesk({QStringLiteral("tree"), kApp});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QLatin1String("Pod/") + m_badPod) &&
                     text.out.contains(QLatin1String("registry.invalid/testsvc:never")) &&
                     text.out.contains(QLatin1String("1 of ")),
                 qPrintable(text.out));
        // The bad pod is under the Deployment's new ReplicaSet.
        const TreeNode root = listedTree();
        const TreeNode* d =
            findNode(root, QStringLiteral("Deployment"), QStringLiteral("testsvc-v2"));
        QVERIFY(d);
        QCOMPARE(d->children.size(), 2);
        QCOMPARE(d->worst, Health::Degraded);

        QVERIFY2(eventually([&] {
                     return modelProblemList() ==
                            QStringList{
                                QStringLiteral("Pod/%1 Degraded ImagePullBackOff").arg(m_badPod)};
                 }),
                 qPrintable(modelProblemList().join(QLatin1Char('\n'))));
        const QModelIndex pod = m_model->find(QStringLiteral("Pod"), m_badPod);
        QVERIFY(pod.isValid());
        QVERIFY2(pod.data(ObjectTreeModel::MessageRole)
                     .toString()
                     .contains(QLatin1String("registry.invalid")),
                 qPrintable(pod.data(ObjectTreeModel::MessageRole).toString()));
        QCOMPARE(Health(pod.parent().parent().data(ObjectTreeModel::WorstRole).toInt()),
                 Health::Degraded);
    }

    void serviceSelectingNothing()
    {
        const QByteArray service = R"({
  "apiVersion": "v1", "kind": "Service",
  "metadata": {"name": "example-app-orphan", "labels": {"app.oam.dev/name": "example-app"}},
  "spec": {"selector": {"app.oam.dev/component": "no-such-component"},
           "ports": [{"port": 80, "targetPort": 8080}]}
})";
        const Run r =
            kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, service);
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        const QString expected =
            QStringLiteral("Service/example-app-orphan Degraded NoPodsSelected");
        QPair<int, QJsonObject> t;
        QVERIFY2(eventually([&] {
                     t = cliTree();
                     return cliProblems(t.second).contains(expected);
                 }),
                 QJsonDocument(t.second).toJson().constData());
        QCOMPARE(t.first, 1);
        QVERIFY2(eventually([&] { return modelProblemList().contains(expected); }),
                 qPrintable(modelProblemList().join(QLatin1Char('\n'))));
        // The broken link is a node of its own under the Service.
        const QModelIndex s =
            m_model->find(QStringLiteral("Service"), QStringLiteral("example-app-orphan"));
        QVERIFY(s.isValid());
        bool note = false;
        for (int i = 0; i < m_model->rowCount(s); ++i)
            note = note || TreeNode::Role(
                               m_model->index(i, 0, s).data(ObjectTreeModel::NodeRole).toInt()) ==
                               TreeNode::Role::Note;
        QVERIFY(note);
    }

    void routeToDeletedService()
    {
        const Run r =
            kubectl({QStringLiteral("delete"), QStringLiteral("service"),
                     QStringLiteral("example-app-v2-testsvc-80"), QStringLiteral("--wait=true")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QPair<int, QJsonObject> t;
        QVERIFY2(eventually([&] {
                     t = cliTree();
                     return containsStartingWith(
                         cliProblems(t.second),
                         QStringLiteral("Service/example-app-v2-testsvc-80 Missing"));
                 }),
                 QJsonDocument(t.second).toJson().constData());
        QCOMPARE(t.first, 1);
        // The route itself is unhealthy and has the missing Service as a node.
        const TreeNode root = listedTree();
        const TreeNode* vs =
            findNode(root, QStringLiteral("VirtualService"), QStringLiteral("example-appdeploy"));
        QVERIFY(vs);
        QVERIFY2(isUnhealthy(vs->health.health), qPrintable(vs->health.toString()));
        const TreeNode* link =
            findNode(*vs, QStringLiteral("Service"), QStringLiteral("example-app-v2-testsvc-80"),
                     TreeNode::Role::Link);
        QVERIFY(link);
        QCOMPARE(link->health.health, Health::Missing);
        // All three problems are still reported, by both.
        const QStringList problems = cliProblems(t.second);
        QVERIFY2(containsStartingWith(problems, QStringLiteral("Pod/") + m_badPod) &&
                     problems.contains(
                         QStringLiteral("Service/example-app-orphan Degraded NoPodsSelected")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(eventually([&] {
                     const QStringList m = modelProblemList();
                     return containsStartingWith(
                                m, QStringLiteral("Service/example-app-v2-testsvc-80 Missing")) &&
                            containsStartingWith(
                                m, QStringLiteral("VirtualService/example-appdeploy")) &&
                            containsStartingWith(m, QStringLiteral("Pod/") + m_badPod) &&
                            m.contains(QStringLiteral(
                                "Service/example-app-orphan Degraded NoPodsSelected"));
                 }),
                 qPrintable(modelProblemList().join(QLatin1Char('\n'))));
    }

    void unknownApplicationIsAnError()
    {
        const Run r = runVeladesk({QStringLiteral("tree"), QStringLiteral("no-such-app")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no-such-app")) &&
                     r.err.contains(QLatin1String("not found")),
                 qPrintable(r.err));
    }

    void cleanupTestCase()
    {
        if (m_store)
            m_store->stop();
        kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), kNs,
                 QStringLiteral("--wait=false"), QStringLiteral("--ignore-not-found")});
    }
};

QTEST_MAIN(TestTreeIntegration)
#include "tst_tree_integration.moc"
