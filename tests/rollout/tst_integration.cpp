// The reference scenario end to end through the veladesk command line against the local
// control plane (label `integration`). Checks are made with kubectl, independently of
// VelaDesk's own client. Test functions run in order and build on each other.

#include "processrun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <functional>

namespace {

using testrun::diagnostics;
using testrun::Run;
using testrun::runProcess;

const QString kNs = QStringLiteral("rollout-it");

QString referenceFile(const char* name)
{
    return qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/') + QLatin1String(name);
}

Run veladesk(QStringList args)
{
    args << QStringLiteral("--kubeconfig") << qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")
         << QStringLiteral("-n") << kNs;
    return runProcess(qEnvironmentVariable("VELADESK_BINARY"), args);
}

QString kubectlProgram()
{
    const QString env = qEnvironmentVariable("VELADESK_KUBECTL");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

Run kubectl(QStringList args, const QByteArray& input = {})
{
    args << QStringLiteral("--kubeconfig") << qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")
         << QStringLiteral("-n") << kNs;
    return runProcess(kubectlProgram(), args, input);
}

QJsonObject kubectlJson(const QStringList& args)
{
    const Run r = kubectl(args + QStringList{QStringLiteral("-o"), QStringLiteral("json")});
    if (r.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonArray items(const QString& what, const QString& selector = {})
{
    QStringList args{QStringLiteral("get"), what};
    if (!selector.isEmpty())
        args << QStringLiteral("-l") << selector;
    return kubectlJson(args).value(QLatin1String("items")).toArray();
}

QStringList names(const QJsonArray& list)
{
    QStringList out;
    for (const QJsonValue& v : list)
        out << v[QLatin1String("metadata")][QLatin1String("name")].toString();
    out.sort();
    return out;
}

bool exists(const QString& kind, const QString& name)
{
    return kubectl({QStringLiteral("get"), kind, name}).exitCode == 0;
}

// Polls `ok` until it holds or `seconds` pass.
bool eventually(const std::function<bool()>& ok, int seconds = 60)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < seconds * 1000) {
        if (ok())
            return true;
        QThread::msleep(250);
    }
    return ok();
}

// Running pods not being deleted, of one revision.
QStringList runningPods(const QString& revision)
{
    QStringList out;
    for (const QJsonValue& p :
         items(QStringLiteral("pods"), QStringLiteral("app.oam.dev/appRevision=") + revision)) {
        const QJsonObject meta = p[QLatin1String("metadata")].toObject();
        if (meta.contains(QLatin1String("deletionTimestamp")))
            continue;
        if (p[QLatin1String("status")][QLatin1String("phase")].toString() ==
            QLatin1String("Running"))
            out << meta.value(QLatin1String("name")).toString();
    }
    out.sort();
    return out;
}

// Pod names behind a Service according to its EndpointSlices.
QStringList endpointPods(const QString& service)
{
    QStringList out;
    for (const QJsonValue& s : items(QStringLiteral("endpointslices"),
                                     QStringLiteral("kubernetes.io/service-name=") + service))
        for (const QJsonValue& e : s[QLatin1String("endpoints")].toArray())
            out << e[QLatin1String("targetRef")][QLatin1String("name")].toString();
    out.sort();
    return out;
}

// Name and resourceVersion of everything the scenario touches: equal snapshots mean nothing
// was written.
QStringList clusterSnapshot()
{
    QStringList out;
    for (const QString& kind : {QStringLiteral("deployments"), QStringLiteral("services"),
                                QStringLiteral("virtualservices.networking.istio.io"),
                                QStringLiteral("appdeployments.core.oam.dev"),
                                QStringLiteral("applicationrevisions.core.oam.dev")})
        for (const QJsonValue& v : items(kind))
            out << kind + QLatin1Char('/') +
                       v[QLatin1String("metadata")][QLatin1String("name")].toString() +
                       QLatin1Char('@') +
                       v[QLatin1String("metadata")][QLatin1String("resourceVersion")].toString();
    out.sort();
    return out;
}

QString writeFile(QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(content);
    return path;
}

QByteArray readReference(const char* name)
{
    QFile f(referenceFile(name));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestRolloutIntegration : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("VELADESK_TEST_KUBECONFIG")),
                 "VELADESK_TEST_KUBECONFIG missing: run through ctest (kube_cluster fixture)");
        QVERIFY2(QFile::exists(qEnvironmentVariable("VELADESK_BINARY")),
                 "veladesk binary not built");
        QVERIFY2(!kubectlProgram().isEmpty(), "kubectl not found");
        kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), kNs,
                 QStringLiteral("--wait=true"), QStringLiteral("--ignore-not-found")});
        const Run ns = kubectl({QStringLiteral("create"), QStringLiteral("namespace"), kNs});
        QVERIFY2(ns.exitCode == 0, qPrintable(diagnostics(ns)));
        QVERIFY(m_dir.isValid());
    }

    void missingCrdNeedsSetup()
    {
        // The cluster script installs KubeVela's CRDs; remove the AppDeployment one to see
        // the error and `setup` putting it back.
        Run k =
            runProcess(kubectlProgram(),
                       {QStringLiteral("--kubeconfig"),
                        qEnvironmentVariable("VELADESK_TEST_KUBECONFIG"), QStringLiteral("delete"),
                        QStringLiteral("crd"), QStringLiteral("appdeployments.core.oam.dev"),
                        QStringLiteral("--ignore-not-found"), QStringLiteral("--wait=true")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                          referenceFile("03-appdeployment-v1-only.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(
                     QLatin1String("is not installed in this cluster: run `veladesk setup` first")),
                 qPrintable(diagnostics(r)));
        r = veladesk({QStringLiteral("setup")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String(
                     "customresourcedefinition/appdeployments.core.oam.dev installed")),
                 qPrintable(r.out));
        r = veladesk({QStringLiteral("setup")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String(
                     "customresourcedefinition/appdeployments.core.oam.dev already present")),
                 qPrintable(r.out));
    }

    void revisionsAreRecorded()
    {
        Run r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                          referenceFile("01-application-v1.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QCOMPARE(names(items(QStringLiteral("applicationrevisions.core.oam.dev"))),
                 QStringList{QStringLiteral("example-app-v1")});
        r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                      referenceFile("02-application-v2.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        // Unchanged spec: nothing recorded.
        r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                      referenceFile("02-application-v2.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QCOMPARE(names(items(QStringLiteral("applicationrevisions.core.oam.dev"))),
                 (QStringList{QStringLiteral("example-app-v1"), QStringLiteral("example-app-v2")}));
        const QJsonObject v2 =
            kubectlJson({QStringLiteral("get"), QStringLiteral("applicationrevisions.core.oam.dev"),
                         QStringLiteral("example-app-v2")});
        QCOMPARE(v2[QLatin1String("metadata")][QLatin1String("labels")]
                   [QLatin1String("app.oam.dev/name")]
                       .toString(),
                 QStringLiteral("example-app"));
        QCOMPARE(
            v2[QLatin1String("spec")][QLatin1String("application")][QLatin1String("spec")]
              [QLatin1String("components")][0][QLatin1String("properties")][QLatin1String("image")]
                  .toString(),
            QStringLiteral("nginx"));
        const QJsonObject app =
            kubectlJson({QStringLiteral("get"), QStringLiteral("applications.core.oam.dev"),
                         QStringLiteral("example-app")});
        const QJsonObject latest =
            app[QLatin1String("status")][QLatin1String("latestRevision")].toObject();
        QCOMPARE(latest[QLatin1String("name")].toString(), QStringLiteral("example-app-v2"));
        QCOMPARE(latest[QLatin1String("revision")].toInt(), 2);
        QCOMPARE(latest[QLatin1String("revisionHash")].toString(),
                 v2[QLatin1String("metadata")][QLatin1String("labels")]
                   [QLatin1String("app.oam.dev/app-revision-hash")]
                       .toString());
        const QJsonObject owner =
            v2[QLatin1String("metadata")][QLatin1String("ownerReferences")][0].toObject();
        QCOMPARE(owner[QLatin1String("uid")].toString(),
                 app[QLatin1String("metadata")][QLatin1String("uid")].toString());
        r = veladesk({QStringLiteral("revisions"), QStringLiteral("example-app")});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("example-app-v2")),
                 qPrintable(diagnostics(r)));
    }

    void kubeVelaRecordsWhenItRuns()
    {
        const QString file = writeFile(m_dir, QStringLiteral("v3.yaml"),
                                       QByteArray(readReference("02-application-v2.yaml"))
                                           .replace("image: nginx", "image: nginx:1.27"));
        // Forced on: VelaDesk applies the Application and records nothing.
        Run r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                          file, QStringLiteral("--kubevela"), QStringLiteral("present")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("KubeVela's controller records the revision")),
                 qPrintable(r.out));
        QCOMPARE(names(items(QStringLiteral("applicationrevisions.core.oam.dev"))).size(), 2);
        // Detected: a running vela-core Deployment in vela-system.
        const QString kc = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        runProcess(kubectlProgram(), {QStringLiteral("--kubeconfig"), kc, QStringLiteral("create"),
                                      QStringLiteral("namespace"), QStringLiteral("vela-system")});
        Run k =
            runProcess(kubectlProgram(), {QStringLiteral("--kubeconfig"), kc, QStringLiteral("-n"),
                                          QStringLiteral("vela-system"), QStringLiteral("create"),
                                          QStringLiteral("deployment"), QStringLiteral("vela-core"),
                                          QStringLiteral("--image=oamdev/vela-core:v1.1.0")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        const bool available = eventually([&] {
            const Run g = runProcess(kubectlProgram(),
                                     {QStringLiteral("--kubeconfig"), kc, QStringLiteral("-n"),
                                      QStringLiteral("vela-system"), QStringLiteral("get"),
                                      QStringLiteral("deployment"), QStringLiteral("vela-core"),
                                      QStringLiteral("-o"),
                                      QStringLiteral("jsonpath={.status.availableReplicas}")});
            return g.out.trimmed() == QLatin1String("1");
        });
        r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"), file});
        runProcess(kubectlProgram(), {QStringLiteral("--kubeconfig"), kc, QStringLiteral("delete"),
                                      QStringLiteral("namespace"), QStringLiteral("vela-system"),
                                      QStringLiteral("--wait=true")});
        QVERIFY2(available, "the fake vela-core Deployment never became available");
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("KubeVela's controller records the revision")),
                 qPrintable(r.out));
        QCOMPARE(names(items(QStringLiteral("applicationrevisions.core.oam.dev"))).size(), 2);
        // Back to the v2 spec, which is the latest revision: nothing to record.
        r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"),
                      referenceFile("02-application-v2.yaml"), QStringLiteral("--kubevela"),
                      QStringLiteral("absent")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(
                     QLatin1String("spec unchanged, latest revision is still example-app-v2")),
                 qPrintable(r.out));
    }

    void unsupportedComponentTypeAppliesNothing()
    {
        const QString file =
            writeFile(m_dir, QStringLiteral("worker.yaml"),
                      "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n"
                      "  name: jobs\nspec:\n  components:\n    - name: cron\n      type: worker\n"
                      "      properties: {image: busybox}\n");
        const Run r =
            veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"), file});
        QVERIFY2(r.exitCode != 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QLatin1String("not supported: worker")),
                 qPrintable(diagnostics(r)));
        QVERIFY(!exists(QStringLiteral("applications.core.oam.dev"), QStringLiteral("jobs")));
    }

    void v1OnlyPlan()
    {
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("03-appdeployment-v1-only.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(
            eventually([] { return runningPods(QStringLiteral("example-app-v1")).size() == 2; }),
            qPrintable(runningPods(QStringLiteral("example-app-v1")).join(QLatin1Char(' '))));
        QVERIFY(runningPods(QStringLiteral("example-app-v1"))
                    .first()
                    .startsWith(QLatin1String("testsvc-v1-")));
        QCOMPARE(names(items(QStringLiteral("deployments"))),
                 QStringList{QStringLiteral("testsvc-v1")});
        const QJsonObject ad =
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral("example-appdeploy")});
        const QJsonObject dep = kubectlJson(
            {QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("testsvc-v1")});
        const QJsonObject owner =
            dep[QLatin1String("metadata")][QLatin1String("ownerReferences")][0].toObject();
        QCOMPARE(owner[QLatin1String("kind")].toString(), QStringLiteral("AppDeployment"));
        QCOMPARE(owner[QLatin1String("uid")].toString(),
                 ad[QLatin1String("metadata")][QLatin1String("uid")].toString());
        QVERIFY(owner[QLatin1String("controller")].toBool());
        QCOMPARE(ad[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Completed"));
        QVERIFY(items(QStringLiteral("virtualservices.networking.istio.io")).isEmpty());
        const Run gw = kubectl(
            {QStringLiteral("apply"), QStringLiteral("-f"), referenceFile("04-gateway.yaml")});
        QVERIFY2(gw.exitCode == 0, qPrintable(diagnostics(gw)));
    }

    void invalidPlansLeaveClusterUnchanged_data()
    {
        QTest::addColumn<QByteArray>("plan");
        QTest::addColumn<QString>("message");
        const QByteArray split = readReference("05-appdeployment-split.yaml");
        QTest::newRow("weights sum to 90")
            << QByteArray(split).replace("weight: 50\n          - revisionName",
                                         "weight: 40\n          - revisionName")
            << QStringLiteral("spec.traffic.http[0].weightedTargets: weights sum to 90");
        QTest::newRow("missing revision")
            << QByteArray(split).replace("example-app-v2", "example-app-v9")
            << QStringLiteral("ApplicationRevision example-app-v9 does not exist");
        QTest::newRow("weight without replicas")
            << QByteArray(split).replace("replicas: 1\n    - revisionName: example-app-v2",
                                         "replicas: 0\n    - revisionName: example-app-v2")
            << QStringLiteral("weight 50 for revision example-app-v1, which has 0 replicas");
        QTest::newRow("no hosts") << QByteArray(split).replace(
                                         "    hosts:\n      - example-app.example.com\n", "")
                                  << QStringLiteral("spec.traffic.hosts");
    }

    void invalidPlansLeaveClusterUnchanged()
    {
        QFETCH(QByteArray, plan);
        QFETCH(QString, message);
        const QStringList before = clusterSnapshot();
        QVERIFY(before.size() >= 4); // revisions, AppDeployment, Deployment: kubectl works
        const QString file = writeFile(m_dir, QStringLiteral("invalid.yaml"), plan);
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), file});
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(message), qPrintable(diagnostics(r)));
        r = veladesk({QStringLiteral("diff"), QStringLiteral("-f"), file});
        // kubectl diff's convention: >1 is an error.
        QVERIFY2(r.exitCode == 2 && r.err.contains(message), qPrintable(diagnostics(r)));
        QCOMPARE(clusterSnapshot(), before);
    }

    void foreignVirtualServiceIsNotOverwritten()
    {
        const QByteArray foreign =
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
            "  name: example-appdeploy\nspec:\n  hosts: [example-app.example.com]\n"
            "  http:\n  - route:\n    - destination: {host: hand-made}\n";
        Run k =
            kubectl({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")}, foreign);
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        const QStringList before = clusterSnapshot();
        QVERIFY(before.size() >= 4); // revisions, AppDeployment, Deployment: kubectl works
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(
                     QLatin1String("VirtualService/example-appdeploy exists and is not owned by "
                                   "AppDeployment example-appdeploy (owner: no owner reference)")),
                 qPrintable(diagnostics(r)));
        QCOMPARE(clusterSnapshot(), before);
        const QJsonObject vs = kubectlJson({QStringLiteral("get"),
                                            QStringLiteral("virtualservices.networking.istio.io"),
                                            QStringLiteral("example-appdeploy")});
        QCOMPARE(vs[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")][0]
                   [QLatin1String("destination")][QLatin1String("host")]
                       .toString(),
                 QStringLiteral("hand-made"));
        k = kubectl({QStringLiteral("delete"),
                     QStringLiteral("virtualservices.networking.istio.io"),
                     QStringLiteral("example-appdeploy")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
    }

    void adoptTakesOverFromAnotherAppDeployment()
    {
        // A VirtualService of our name controlled by another AppDeployment.
        Run k = kubectl(
            {QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
            "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata:\n  name: other\n"
            "spec:\n  appRevisions: []\n");
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        const QString otherUid =
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral("other")})[QLatin1String("metadata")][QLatin1String("uid")]
                .toString();
        QVERIFY(!otherUid.isEmpty());
        k = kubectl(
            {QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("-")},
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: "
            "example-appdeploy\n"
            "  ownerReferences:\n  - apiVersion: core.oam.dev/v1beta1\n    kind: AppDeployment\n"
            "    name: other\n    uid: " +
                otherUid.toUtf8() +
                "\n    controller: true\nspec:\n  hosts: [example-app.example.com]\n  http:\n  - "
                "route:\n"
                "    - destination: {host: other-service}\n");
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                          referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QLatin1String(
                     "VirtualService/example-appdeploy exists and is not owned by AppDeployment "
                     "example-appdeploy (owner: AppDeployment/other (core.oam.dev/v1beta1))")),
                 qPrintable(diagnostics(r)));
        r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                      referenceFile("05-appdeployment-split.yaml"), QStringLiteral("--adopt")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("VirtualService/example-appdeploy: adopted")),
                 qPrintable(r.out));
        const QString ourUid =
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral(
                             "example-appdeploy")})[QLatin1String("metadata")][QLatin1String("uid")]
                .toString();
        const QJsonArray refs =
            kubectlJson({QStringLiteral("get"),
                         QStringLiteral("virtualservices.networking.istio.io"),
                         QStringLiteral("example-appdeploy")})[QLatin1String("metadata")]
                                                              [QLatin1String("ownerReferences")]
                                                                  .toArray();
        QCOMPARE(refs.size(), 1);
        QCOMPARE(refs[0][QLatin1String("uid")].toString(), ourUid);
        // The former owner goes away; the VirtualService is ours now and stays.
        k = kubectl({QStringLiteral("delete"), QStringLiteral("appdeployments.core.oam.dev"),
                     QStringLiteral("other")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        QThread::sleep(2);
        QVERIFY(exists(QStringLiteral("virtualservices.networking.istio.io"),
                       QStringLiteral("example-appdeploy")));
    }

    void splitPlan()
    {
        // --full: every step, although an earlier test may have applied this plan already.
        const Run r =
            veladesk({QStringLiteral("apply"), QStringLiteral("--full"), QStringLiteral("-f"),
                      referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("[6/13] readiness: done")), qPrintable(r.out));
        QCOMPARE(names(items(QStringLiteral("deployments"))),
                 (QStringList{QStringLiteral("testsvc-v1"), QStringLiteral("testsvc-v2")}));
        QVERIFY2(eventually([] {
                     return runningPods(QStringLiteral("example-app-v1")).size() == 1 &&
                            runningPods(QStringLiteral("example-app-v2")).size() == 1;
                 }),
                 qPrintable(runningPods(QStringLiteral("example-app-v1")).join(QLatin1Char(' ')) +
                            QLatin1Char('|') +
                            runningPods(QStringLiteral("example-app-v2")).join(QLatin1Char(' '))));
        // Each Service reaches only its own revision's pod.
        QVERIFY2(
            eventually([] {
                return endpointPods(QStringLiteral("example-app-v1-testsvc-8000")) ==
                           runningPods(QStringLiteral("example-app-v1")) &&
                       endpointPods(QStringLiteral("example-app-v2-testsvc-80")) ==
                           runningPods(QStringLiteral("example-app-v2"));
            }),
            qPrintable(
                endpointPods(QStringLiteral("example-app-v1-testsvc-8000")).join(QLatin1Char(' ')) +
                QLatin1Char('|') +
                endpointPods(QStringLiteral("example-app-v2-testsvc-80")).join(QLatin1Char(' '))));
        QVERIFY(endpointPods(QStringLiteral("example-app-v1-testsvc-8000"))
                    .first()
                    .startsWith(QLatin1String("testsvc-v1-")));
        QVERIFY(endpointPods(QStringLiteral("example-app-v2-testsvc-80"))
                    .first()
                    .startsWith(QLatin1String("testsvc-v2-")));
        const QJsonObject vs = kubectlJson({QStringLiteral("get"),
                                            QStringLiteral("virtualservices.networking.istio.io"),
                                            QStringLiteral("example-appdeploy")});
        QCOMPARE(vs[QLatin1String("spec")][QLatin1String("hosts")].toArray(),
                 QJsonArray{QStringLiteral("example-app.example.com")});
        QCOMPARE(vs[QLatin1String("spec")][QLatin1String("gateways")].toArray(),
                 QJsonArray{QStringLiteral("example-app-gateway")});
        const QJsonArray route =
            vs[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")].toArray();
        QCOMPARE(route.size(), 2);
        QCOMPARE(route[0][QLatin1String("destination")][QLatin1String("host")].toString(),
                 QStringLiteral("example-app-v1-testsvc-8000"));
        QCOMPARE(route[0][QLatin1String("weight")].toInt(), 50);
        QCOMPARE(route[1][QLatin1String("destination")][QLatin1String("host")].toString(),
                 QStringLiteral("example-app-v2-testsvc-80"));
        QCOMPARE(route[1][QLatin1String("weight")].toInt(), 50);
        QCOMPARE(route[1][QLatin1String("headers")][QLatin1String("response")][QLatin1String("set")]
                      [QLatin1String("x-veladesk-revision")]
                          .toString(),
                 QStringLiteral("example-app-v2"));

        const Run st = veladesk({QStringLiteral("status"), QStringLiteral("example-appdeploy"),
                                 QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(st.exitCode == 0, qPrintable(diagnostics(st)));
        const QJsonObject status = QJsonDocument::fromJson(st.out.toUtf8()).object();
        QCOMPARE(status[QLatin1String("phase")].toString(), QStringLiteral("Completed"));
        QCOMPARE(status[QLatin1String("revisions")].toArray().size(), 2);
        QCOMPARE(status[QLatin1String("revisions")][1][QLatin1String("weight")].toInt(), 50);
        QCOMPARE(status[QLatin1String("revisions")][1][QLatin1String("readyReplicas")].toInt(), 1);
    }

    // The same plan again: the dry-run finds nothing to change, so nothing is written (as
    // `kubectl apply` says "unchanged"): no object's spec, no status, no history entry.
    void unchangedPlanWritesNothing()
    {
        auto snapshot = [] {
            QMap<QString, QString> out;
            for (const QString& what :
                 {QStringLiteral("appdeployments.core.oam.dev"), QStringLiteral("services"),
                  QStringLiteral("virtualservices.networking.istio.io")})
                for (const QJsonValue& o : items(what))
                    out.insert(
                        what + QLatin1Char('/') +
                            o[QLatin1String("metadata")][QLatin1String("name")].toString(),
                        o[QLatin1String("metadata")][QLatin1String("resourceVersion")].toString());
            // Deployments' status moves with their pods: their spec's generation must not.
            for (const QJsonValue& o : items(QStringLiteral("deployments")))
                out.insert(
                    QStringLiteral("deployments/") +
                        o[QLatin1String("metadata")][QLatin1String("name")].toString(),
                    QString::number(
                        o[QLatin1String("metadata")][QLatin1String("generation")].toInteger()));
            out.insert(QStringLiteral("controllerrevisions"),
                       QString::number(items(QStringLiteral("controllerrevisions")).size()));
            return out;
        };
        const QMap<QString, QString> before = snapshot();
        QVERIFY(before.contains(QStringLiteral("appdeployments.core.oam.dev/example-appdeploy")));
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("appdeployment/example-appdeploy unchanged")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("[4/13] appdeployment: skipped - unchanged")),
                 qPrintable(r.out));
        QCOMPARE(snapshot(), before);
    }

    void diffShowsDriftAndApplyCorrectsIt()
    {
        Run d = veladesk({QStringLiteral("diff"), QStringLiteral("-f"),
                          referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(d.exitCode == 0, qPrintable(diagnostics(d)));
        QVERIFY2(!d.out.contains(QLatin1String(": update")) &&
                     !d.out.contains(QLatin1String(": create")),
                 qPrintable(d.out));
        QVERIFY2(d.out.contains(QLatin1String("VirtualService/example-appdeploy: unchanged")),
                 qPrintable(d.out));
        // Someone edits the weights by hand.
        const Run k = kubectl(
            {QStringLiteral("patch"), QStringLiteral("virtualservices.networking.istio.io"),
             QStringLiteral("example-appdeploy"), QStringLiteral("--type=json"),
             QStringLiteral("-p"),
             QStringLiteral(
                 "[{\"op\":\"replace\",\"path\":\"/spec/http/0/route/0/weight\",\"value\":90},"
                 "{\"op\":\"replace\",\"path\":\"/spec/http/0/route/1/weight\",\"value\":10}]")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        d = veladesk({QStringLiteral("diff"), QStringLiteral("-f"),
                      referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(d.exitCode == 1, qPrintable(diagnostics(d))); // differences found
        QVERIFY2(d.out.contains(QLatin1String("VirtualService/example-appdeploy: update")),
                 qPrintable(d.out));
        QVERIFY2(d.out.contains(QLatin1String("-      weight: 90\n")) &&
                     d.out.contains(QLatin1String("+      weight: 50\n")),
                 qPrintable(d.out));
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        const QJsonObject vs = kubectlJson({QStringLiteral("get"),
                                            QStringLiteral("virtualservices.networking.istio.io"),
                                            QStringLiteral("example-appdeploy")});
        QCOMPARE(vs[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")][0]
                   [QLatin1String("weight")]
                       .toInt(),
                 50);
        d = veladesk({QStringLiteral("diff"), QStringLiteral("-f"),
                      referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(d.exitCode == 0, qPrintable(diagnostics(d))); // corrected: nothing differs
    }

    void removingV1Prunes()
    {
        const QByteArray plan =
            "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata:\n"
            "  name: example-appdeploy\nspec:\n  traffic:\n"
            "    hosts: [example-app.example.com]\n    gateways: [example-app-gateway]\n"
            "    http:\n      - weightedTargets:\n"
            "          - {revisionName: example-app-v2, componentName: testsvc, port: 80, weight: "
            "100}\n"
            "  appRevisions:\n    - revisionName: example-app-v2\n"
            "      placement:\n        - distribution: {replicas: 1}\n";
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                writeFile(m_dir, QStringLiteral("v2-only.yaml"), plan)});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("Deployment/testsvc-v1: deleted")),
                 qPrintable(r.out));
        QVERIFY(!exists(QStringLiteral("deployment"), QStringLiteral("testsvc-v1")));
        QVERIFY(!exists(QStringLiteral("service"), QStringLiteral("example-app-v1-testsvc-8000")));
        QVERIFY(exists(QStringLiteral("deployment"), QStringLiteral("testsvc-v2")));
        QVERIFY(exists(QStringLiteral("service"), QStringLiteral("example-app-v2-testsvc-80")));
        QVERIFY2(eventually([] { return runningPods(QStringLiteral("example-app-v1")).isEmpty(); }),
                 "v1 pods still running");
        const QJsonObject vs = kubectlJson({QStringLiteral("get"),
                                            QStringLiteral("virtualservices.networking.istio.io"),
                                            QStringLiteral("example-appdeploy")});
        const QJsonArray route =
            vs[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")].toArray();
        QCOMPARE(route.size(), 1);
        QCOMPARE(route[0][QLatin1String("weight")].toInt(), 100);
        QCOMPARE(route[0][QLatin1String("destination")][QLatin1String("host")].toString(),
                 QStringLiteral("example-app-v2-testsvc-80"));
    }

    void readinessTimeoutKeepsOldRouting()
    {
        // At most one pod in the namespace (v2's): v1's pods cannot be created, so v1 never
        // becomes ready and must not get traffic.
        Run k = kubectl({QStringLiteral("create"), QStringLiteral("quota"),
                         QStringLiteral("one-pod"), QStringLiteral("--hard=pods=1")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                          referenceFile("05-appdeployment-split.yaml"), QStringLiteral("--timeout"),
                          QStringLiteral("5s")});
        QVERIFY2(r.exitCode == 1, qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QLatin1String("readiness       FAILED")),
                 qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QLatin1String("routing         not run")),
                 qPrintable(diagnostics(r)));
        QVERIFY2(r.err.contains(QLatin1String("Deployment/testsvc-v1 (0 ready of 1 needed)")),
                 qPrintable(diagnostics(r)));
        // Old routing in place: 100 % to v2.
        const QJsonObject vs = kubectlJson({QStringLiteral("get"),
                                            QStringLiteral("virtualservices.networking.istio.io"),
                                            QStringLiteral("example-appdeploy")});
        const QJsonArray route =
            vs[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")].toArray();
        QCOMPARE(route.size(), 1);
        QCOMPARE(route[0][QLatin1String("weight")].toInt(), 100);
        QVERIFY(!exists(QStringLiteral("service"), QStringLiteral("example-app-v1-testsvc-8000")));
        const QJsonObject ad =
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral("example-appdeploy")});
        QCOMPARE(ad[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Failed"));
        const QJsonObject cond =
            ad[QLatin1String("status")][QLatin1String("conditions")][0].toObject();
        QCOMPARE(cond[QLatin1String("reason")].toString(), QStringLiteral("ReadinessTimeout"));
        QCOMPARE(cond[QLatin1String("status")].toString(), QStringLiteral("False"));
        QVERIFY2(cond[QLatin1String("message")].toString().contains(
                     QLatin1String("not done: readiness, services")),
                 qPrintable(cond[QLatin1String("message")].toString()));
        // Quota gone: the same plan goes through.
        k = kubectl({QStringLiteral("delete"), QStringLiteral("quota"), QStringLiteral("one-pod")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                      referenceFile("05-appdeployment-split.yaml"), QStringLiteral("--timeout"),
                      QStringLiteral("2m")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QCOMPARE(
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral(
                             "example-appdeploy")})[QLatin1String("status")][QLatin1String("phase")]
                .toString(),
            QStringLiteral("Completed"));
    }

    void interruptCancelsApply()
    {
        // A third revision whose pod cannot be created (the quota is filled by v1 and v2).
        const QString v3 = writeFile(m_dir, QStringLiteral("v3-app.yaml"),
                                     QByteArray(readReference("02-application-v2.yaml"))
                                         .replace("image: nginx", "image: nginx:1.27"));
        Run r = veladesk({QStringLiteral("app"), QStringLiteral("apply"), QStringLiteral("-f"), v3,
                          QStringLiteral("--kubevela"), QStringLiteral("absent")});
        QVERIFY2(r.exitCode == 0 &&
                     r.out.contains(QLatin1String("revision example-app-v3 recorded")),
                 qPrintable(diagnostics(r)));
        Run k = kubectl({QStringLiteral("create"), QStringLiteral("quota"),
                         QStringLiteral("two-pods"), QStringLiteral("--hard=pods=2")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        const QString plan = writeFile(m_dir, QStringLiteral("v1-v3.yaml"),
                                       QByteArray(readReference("05-appdeployment-split.yaml"))
                                           .replace("example-app-v2", "example-app-v3"));
        QProcess p;
        p.start(qEnvironmentVariable("VELADESK_BINARY"),
                {QStringLiteral("apply"), QStringLiteral("-f"), plan,
                 QStringLiteral("--kubeconfig"), qEnvironmentVariable("VELADESK_TEST_KUBECONFIG"),
                 QStringLiteral("-n"), kNs});
        QByteArray out;
        QVERIFY(eventually([&] {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
            return out.contains("testsvc-v3: waiting");
        }));
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        out += p.readAllStandardOutput();
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QLatin1String("readiness       cancelled")), qPrintable(err));
        const QJsonObject vs = kubectlJson({QStringLiteral("get"),
                                            QStringLiteral("virtualservices.networking.istio.io"),
                                            QStringLiteral("example-appdeploy")});
        QCOMPARE(vs[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")][1]
                   [QLatin1String("destination")][QLatin1String("host")]
                       .toString(),
                 QStringLiteral("example-app-v2-testsvc-80"));
        const QJsonObject ad =
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral("example-appdeploy")});
        QCOMPARE(
            ad[QLatin1String("status")][QLatin1String("conditions")][0][QLatin1String("reason")]
                .toString(),
            QStringLiteral("Cancelled"));
        k = kubectl(
            {QStringLiteral("delete"), QStringLiteral("quota"), QStringLiteral("two-pods")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
    }

    void deletingTheAppDeploymentCollectsEverything()
    {
        const Run k =
            kubectl({QStringLiteral("delete"), QStringLiteral("appdeployments.core.oam.dev"),
                     QStringLiteral("example-appdeploy"), QStringLiteral("--wait=false")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        QVERIFY2(
            eventually(
                [] {
                    return items(QStringLiteral("deployments")).isEmpty() &&
                           items(QStringLiteral("services")).isEmpty() &&
                           items(QStringLiteral("virtualservices.networking.istio.io")).isEmpty() &&
                           runningPods(QStringLiteral("example-app-v2")).isEmpty();
                },
                120),
            qPrintable(clusterSnapshot().join(QLatin1Char('\n'))));
        // The revisions are the Application's, not the AppDeployment's: they stay.
        QCOMPARE(names(items(QStringLiteral("applicationrevisions.core.oam.dev"))).size(), 3);
    }

    void planWrittenByAnotherManagerIsReplaced()
    {
        // A client-side `kubectl apply` of the split plan, then VelaDesk applies v1 only: the
        // stored AppDeployment must be exactly VelaDesk's plan (no leftover traffic).
        Run k = kubectl({QStringLiteral("apply"), QStringLiteral("-f"),
                         referenceFile("05-appdeployment-split.yaml")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
        const Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"),
                                referenceFile("03-appdeployment-v1-only.yaml")});
        QVERIFY2(r.exitCode == 0, qPrintable(diagnostics(r)));
        QVERIFY2(r.out.contains(QLatin1String("removed spec fields set by another field manager")),
                 qPrintable(r.out));
        const QJsonObject ad =
            kubectlJson({QStringLiteral("get"), QStringLiteral("appdeployments.core.oam.dev"),
                         QStringLiteral("example-appdeploy")});
        QVERIFY(!ad[QLatin1String("spec")].toObject().contains(QLatin1String("traffic")));
        QCOMPARE(ad[QLatin1String("spec")][QLatin1String("appRevisions")].toArray().size(), 1);
        QCOMPARE(ad[QLatin1String("spec")][QLatin1String("appRevisions")][0][QLatin1String(
                     "placement")][0][QLatin1String("distribution")][QLatin1String("replicas")]
                     .toInt(),
                 2);
        QVERIFY(items(QStringLiteral("virtualservices.networking.istio.io")).isEmpty());
        k = kubectl({QStringLiteral("delete"), QStringLiteral("appdeployments.core.oam.dev"),
                     QStringLiteral("example-appdeploy")});
        QVERIFY2(k.exitCode == 0, qPrintable(diagnostics(k)));
    }

    void cleanupTestCase()
    {
        kubectl({QStringLiteral("delete"), QStringLiteral("namespace"), kNs,
                 QStringLiteral("--wait=false")});
    }
};

QTEST_GUILESS_MAIN(TestRolloutIntegration)
#include "tst_integration.moc"
