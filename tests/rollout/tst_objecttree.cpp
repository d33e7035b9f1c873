// The object tree's health rules (kube/rollout/inspect.h) and tree builder
// (kube/rollout/objecttree.h), from API objects written as the server returns them: one
// fixture per rule (Deployment conditions, pod phases and container states, Service
// endpoints and selectors, routes to missing Services and Gateways), and the tree and text/JSON
// output `veladesk tree` prints.

#include "kube/rollout/objecttree.h"
#include "treetest.h"
#include "ui/translation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTranslator>
#include <QtTest>

using namespace kube::rollout;
using treetest::findNode;

namespace {

QJsonObject json(const char* text)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(text), &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("fixture: %s at %d in %s", qPrintable(e.errorString()), e.offset, text);
    return d.object();
}

const QDateTime kNow = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

// A namespace in which application "shop" runs revisions shop-v1 and shop-v2 (component web)
// through AppDeployment "shop", as the engine renders it: Deployments web-v1/web-v2, Services
// shop-v1-web-80/shop-v2-web-80, VirtualService shop through Istio Gateway shop-gateway.
struct Namespace
{
    InspectedObjects objects;
    PodIndex pods;

    void add(const QJsonObject& o)
    {
        const QString kind = o.value(QLatin1String("kind")).toString();
        auto put = [](auto& map, auto value) { map.insert(value.meta.name, value); };
        if (kind == QLatin1String("Application"))
            put(objects.applications, ApplicationState::fromJson(o));
        else if (kind == QLatin1String("ApplicationRevision"))
            put(objects.revisions, AppRevisionState::fromJson(o));
        else if (kind == QLatin1String("AppDeployment"))
            put(objects.appDeployments, InspectedAppDeployment::fromJson(o));
        else if (kind == QLatin1String("Deployment"))
            put(objects.deployments, DeploymentState::fromJson(o));
        else if (kind == QLatin1String("ReplicaSet"))
            put(objects.replicaSets, ReplicaSetState::fromJson(o));
        else if (kind == QLatin1String("Service"))
            put(objects.services, ServiceState::fromJson(o));
        else if (kind == QLatin1String("EndpointSlice"))
            put(objects.endpointSlices, EndpointSliceState::fromJson(o));
        else if (kind == QLatin1String("VirtualService"))
            put(objects.virtualServices, VirtualServiceState::fromJson(o));
        else if (kind == QLatin1String("HTTPRoute"))
            put(objects.httpRoutes, HTTPRouteState::fromJson(o));
        else if (kind == QLatin1String("Gateway") && o.value(QLatin1String("apiVersion"))
                                                         .toString()
                                                         .startsWith(QLatin1String("gateway.")))
            put(objects.gateways, GatewayState::fromJson(o));
        else if (kind == QLatin1String("Gateway"))
            put(objects.istioGateways, GatewayState::fromJson(o));
        else if (kind == QLatin1String("Pod"))
            pods.put(PodState::fromJson(o));
        else
            qFatal("fixture: unknown kind %s", qPrintable(kind));
    }
    void add(const char* text) { add(json(text)); }
    TreeNode tree() const { return buildObjectTree(QStringLiteral("shop"), objects, pods); }
};

const char* kApplication = R"({"apiVersion":"core.oam.dev/v1beta1","kind":"Application",
  "metadata":{"name":"shop","uid":"app-uid","creationTimestamp":"2026-11-30T12:00:00Z"},
  "status":{"latestRevision":{"name":"shop-v2","revision":2}}})";

QByteArray revision(int n)
{
    return QStringLiteral(R"({"apiVersion":"core.oam.dev/v1beta1","kind":"ApplicationRevision",
  "metadata":{"name":"shop-v%1","uid":"rev%1","labels":{"app.oam.dev/name":"shop"},
              "creationTimestamp":"2026-11-30T12:00:00Z"},
  "spec":{"application":{"metadata":{"name":"shop"},
          "spec":{"components":[{"name":"web","type":"webservice",
                                 "properties":{"image":"shop/web:%1","port":80}}]}}}})")
        .arg(n)
        .toUtf8();
}

const char* kAppDeployment = R"({"apiVersion":"core.oam.dev/v1beta1","kind":"AppDeployment",
  "metadata":{"name":"shop","uid":"ad-uid","creationTimestamp":"2026-11-30T12:00:00Z"},
  "spec":{"traffic":{"hosts":["shop.example.com"],"gateways":["shop-gateway"],
    "http":[{"weightedTargets":[
      {"revisionName":"shop-v1","componentName":"web","port":80,"weight":50},
      {"revisionName":"shop-v2","componentName":"web","port":80,"weight":50}]}]},
   "appRevisions":[{"revisionName":"shop-v1","placement":[{"distribution":{"replicas":1}}]},
                   {"revisionName":"shop-v2","placement":[{"distribution":{"replicas":1}}]}]},
  "status":{"phase":"Completed","conditions":[{"type":"Ready","status":"True","reason":"Applied"}]}})";

const char* kGateway = R"({"apiVersion":"networking.istio.io/v1","kind":"Gateway",
  "metadata":{"name":"shop-gateway","uid":"gw"},
  "spec":{"selector":{"istio":"ingressgateway"},
          "servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["*"]}]}})";

const char* kVirtualService = R"({"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
  "metadata":{"name":"shop","uid":"vs","ownerReferences":[{"apiVersion":"core.oam.dev/v1beta1",
    "kind":"AppDeployment","name":"shop","uid":"ad-uid","controller":true}]},
  "spec":{"hosts":["shop.example.com"],"gateways":["shop-gateway"],
    "http":[{"route":[{"destination":{"host":"shop-v1-web-80","port":{"number":80}},"weight":50},
                      {"destination":{"host":"shop-v2-web-80","port":{"number":80}},"weight":50}]}]}})";

QByteArray deployment(int v, const QString& statusExtra = {})
{
    return QStringLiteral(R"({"apiVersion":"apps/v1","kind":"Deployment",
  "metadata":{"name":"web-v%1","uid":"dep%1","generation":1,
    "labels":{"app.oam.dev/name":"shop","app.oam.dev/appRevision":"shop-v%1"},
    "ownerReferences":[{"apiVersion":"core.oam.dev/v1beta1","kind":"AppDeployment","name":"shop",
                        "uid":"ad-uid","controller":true}]},
  "spec":{"replicas":1,"selector":{"matchLabels":{"app.oam.dev/appRevision":"shop-v%1",
                                                  "app.oam.dev/component":"web"}}},
  "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,
            "availableReplicas":1,
            "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},
                          {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable"}]
            %2}})")
        .arg(v)
        .arg(statusExtra)
        .toUtf8();
}

QByteArray replicaSet(int v)
{
    return QStringLiteral(R"({"apiVersion":"apps/v1","kind":"ReplicaSet",
  "metadata":{"name":"web-v%1-5d8f","uid":"rs%1","generation":1,
    "annotations":{"deployment.kubernetes.io/revision":"1"},
    "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web-v%1",
                        "uid":"dep%1","controller":true}]},
  "spec":{"replicas":1},
  "status":{"observedGeneration":1,"replicas":1,"readyReplicas":1,"availableReplicas":1}})")
        .arg(v)
        .toUtf8();
}

// A pod of revision v; `status` is its status object.
QByteArray pod(int v, const QString& name, const QString& status)
{
    return QStringLiteral(R"({"apiVersion":"v1","kind":"Pod",
  "metadata":{"name":"%2","uid":"pod-%2","creationTimestamp":"2026-12-01T11:55:00Z",
    "labels":{"app.oam.dev/appRevision":"shop-v%1","app.oam.dev/component":"web"},
    "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-v%1-5d8f",
                        "uid":"rs%1","controller":true}]},
  "spec":{"nodeName":"kwok-node-0","containers":[{"name":"web","image":"shop/web:%1"}]},
  "status":%3})")
        .arg(v)
        .arg(name, status)
        .toUtf8();
}

const char* kRunningReady = R"({"phase":"Running","podIP":"10.0.0.5",
  "conditions":[{"type":"Ready","status":"True"}],
  "containerStatuses":[{"name":"web","image":"shop/web","ready":true,"restartCount":0,
                        "state":{"running":{"startedAt":"2026-12-01T11:55:02Z"}}}]})";

QByteArray service(int v, const QString& selectorRevision)
{
    return QStringLiteral(R"({"apiVersion":"v1","kind":"Service",
  "metadata":{"name":"shop-v%1-web-80","uid":"svc%1",
    "ownerReferences":[{"apiVersion":"core.oam.dev/v1beta1","kind":"AppDeployment","name":"shop",
                        "uid":"ad-uid","controller":true}]},
  "spec":{"type":"ClusterIP","clusterIP":"10.96.0.%1",
          "selector":{"app.oam.dev/appRevision":"%2","app.oam.dev/component":"web"},
          "ports":[{"port":80,"targetPort":80,"protocol":"TCP"}]}})")
        .arg(v)
        .arg(selectorRevision)
        .toUtf8();
}

QByteArray slice(int v, const QString& podName, bool ready)
{
    return QStringLiteral(R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
  "metadata":{"name":"shop-v%1-web-80-abcde","uid":"es%1",
    "labels":{"kubernetes.io/service-name":"shop-v%1-web-80"},
    "ownerReferences":[{"apiVersion":"v1","kind":"Service","name":"shop-v%1-web-80",
                        "uid":"svc%1","controller":true}]},
  "addressType":"IPv4",
  "endpoints":[{"addresses":["10.0.0.%1"],"conditions":{"ready":%3,"serving":%3,
                "terminating":false},"targetRef":{"kind":"Pod","name":"%2"}}]})")
        .arg(v)
        .arg(podName, ready ? QStringLiteral("true") : QStringLiteral("false"))
        .toUtf8();
}

// The healthy namespace; `pod2Status` replaces the status of web-v2's pod.
Namespace healthyNamespace(const QString& pod2Status = QLatin1String(kRunningReady))
{
    Namespace ns;
    ns.add(kApplication);
    ns.add(revision(1).constData());
    ns.add(revision(2).constData());
    ns.add(kAppDeployment);
    ns.add(kGateway);
    ns.add(kVirtualService);
    for (int v : {1, 2}) {
        ns.add(deployment(v).constData());
        ns.add(replicaSet(v).constData());
        ns.add(service(v, QStringLiteral("shop-v%1").arg(v)).constData());
    }
    ns.add(pod(1, QStringLiteral("web-v1-5d8f-aaaaa"), QLatin1String(kRunningReady)).constData());
    ns.add(pod(2, QStringLiteral("web-v2-5d8f-bbbbb"), pod2Status).constData());
    ns.add(slice(1, QStringLiteral("web-v1-5d8f-aaaaa"), true).constData());
    ns.add(slice(2, QStringLiteral("web-v2-5d8f-bbbbb"), pod2Status == QLatin1String(kRunningReady))
               .constData());
    return ns;
}

} // namespace

class TestObjectTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deploymentHealth_data()
    {
        QTest::addColumn<QString>("extra"); // more JSON members of .metadata/.spec/.status
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("health");
        QTest::addColumn<QString>("reason");
        const QString ready = QStringLiteral(
            R"("replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2)");
        QTest::newRow("available")
            << QString() << ready << QString() << int(Health::Healthy) << QString();
        QTest::newRow("rolling: updated < desired")
            << QString()
            << QStringLiteral(
                   R"("replicas":2,"updatedReplicas":1,"readyReplicas":2,"availableReplicas":2)")
            << QString() << int(Health::Progressing) << QStringLiteral("Rollout");
        QTest::newRow("old replicas terminating")
            << QString()
            << QStringLiteral(
                   R"("replicas":3,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2)")
            << QString() << int(Health::Progressing) << QStringLiteral("Rollout");
        QTest::newRow("updated but not available")
            << QString()
            << QStringLiteral(
                   R"("replicas":2,"updatedReplicas":2,"readyReplicas":1,"availableReplicas":1)")
            << QString() << int(Health::Progressing) << QStringLiteral("Rollout");
        QTest::newRow("generation not observed")
            << QStringLiteral(R"("generation":3)") << ready << QString() << int(Health::Progressing)
            << QStringLiteral("Rollout");
        QTest::newRow("progress deadline exceeded")
            << QString()
            << ready + QStringLiteral(
                           R"(,"conditions":[{"type":"Progressing","status":"False",
                "reason":"ProgressDeadlineExceeded",
                "message":"ReplicaSet 'web-7c' has timed out progressing."}])")
            << QString() << int(Health::Degraded) << QStringLiteral("ProgressDeadlineExceeded");
        QTest::newRow("replica failure (quota)")
            << QString()
            << ready + QStringLiteral(
                           R"(,"conditions":[{"type":"ReplicaFailure","status":"True",
                "reason":"FailedCreate","message":"pods 'web-7c' is forbidden: exceeded quota"}])")
            << QString() << int(Health::Degraded) << QStringLiteral("FailedCreate");
        QTest::newRow("paused") << QString() << ready << QStringLiteral(R"(,"paused":true)")
                                << int(Health::Suspended) << QStringLiteral("Paused");
    }
    void deploymentHealth()
    {
        QFETCH(QString, extra);
        QFETCH(QString, status);
        QFETCH(QString, spec);
        QFETCH(int, health);
        QFETCH(QString, reason);
        const QString text =
            QStringLiteral(R"({"apiVersion":"apps/v1","kind":"Deployment",
              "metadata":{"name":"web","generation":1%1},
              "spec":{"replicas":2%3},
              "status":{"observedGeneration":1,%2}})")
                .arg(extra.isEmpty() ? QString() : QLatin1Char(',') + extra, status, spec);
        const HealthState h = DeploymentState::fromJson(json(text.toUtf8().constData())).health();
        QCOMPARE(int(h.health), health);
        QCOMPARE(h.reason, reason);
    }

    void podHealth_data()
    {
        QTest::addColumn<QString>("pod"); // the whole object
        QTest::addColumn<int>("health");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("display"); // kubectl's STATUS column
        auto p = [](const QString& spec, const QString& status, const QString& meta = {}) {
            return QStringLiteral(R"({"apiVersion":"v1","kind":"Pod",
              "metadata":{"name":"web-1"%3},"spec":{"containers":[{"name":"web","image":"w"}]%1},
              "status":%2})")
                .arg(spec, status, meta);
        };
        QTest::newRow("running and ready")
            << p({}, QLatin1String(kRunningReady)) << int(Health::Healthy) << QString()
            << QStringLiteral("Running");
        QTest::newRow("pending, unscheduled")
            << p({}, QStringLiteral(R"({"phase":"Pending"})")) << int(Health::Progressing)
            << QStringLiteral("Pending") << QStringLiteral("Pending");
        QTest::newRow("container creating")
            << p({}, QStringLiteral(R"({"phase":"Pending","containerStatuses":[{"name":"web",
                 "ready":false,"restartCount":0,"state":{"waiting":{"reason":"ContainerCreating"}}}]})"))
            << int(Health::Progressing) << QStringLiteral("Pending") << QStringLiteral("Pending");
        QTest::newRow("image pull backoff")
            << p({}, QStringLiteral(R"({"phase":"Pending","containerStatuses":[{"name":"web",
                 "ready":false,"restartCount":0,"state":{"waiting":{"reason":"ImagePullBackOff",
                 "message":"Back-off pulling image 'registry.invalid/w'"}}}]})"))
            << int(Health::Degraded) << QStringLiteral("ImagePullBackOff")
            << QStringLiteral("ImagePullBackOff");
        QTest::newRow("err image pull")
            << p({}, QStringLiteral(R"({"phase":"Pending","containerStatuses":[{"name":"web",
                 "ready":false,"restartCount":0,"state":{"waiting":{"reason":"ErrImagePull"}}}]})"))
            << int(Health::Degraded) << QStringLiteral("ErrImagePull")
            << QStringLiteral("ErrImagePull");
        QTest::newRow("crash loop")
            << p({}, QStringLiteral(R"({"phase":"Running","conditions":[{"type":"Ready",
                 "status":"False"}],"containerStatuses":[{"name":"web","ready":false,
                 "restartCount":7,"state":{"waiting":{"reason":"CrashLoopBackOff",
                 "message":"back-off 5m0s restarting failed container=web"}},
                 "lastState":{"terminated":{"reason":"Error","exitCode":1,
                 "finishedAt":"2026-12-01T11:59:00Z"}}}]})"))
            << int(Health::Degraded) << QStringLiteral("CrashLoopBackOff")
            << QStringLiteral("CrashLoopBackOff");
        QTest::newRow("create container config error")
            << p({}, QStringLiteral(R"({"phase":"Pending","containerStatuses":[{"name":"web",
                 "ready":false,"restartCount":0,"state":{"waiting":{
                 "reason":"CreateContainerConfigError","message":"secret 'x' not found"}}}]})"))
            << int(Health::Degraded) << QStringLiteral("CreateContainerConfigError")
            << QStringLiteral("CreateContainerConfigError");
        QTest::newRow("init container crash loop")
            << p(QStringLiteral(R"(,"initContainers":[{"name":"migrate","image":"m"}])"),
                 QStringLiteral(R"({"phase":"Pending","initContainerStatuses":[{"name":"migrate",
                 "ready":false,"restartCount":3,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}],
                 "containerStatuses":[{"name":"web","ready":false,"restartCount":0,
                 "state":{"waiting":{"reason":"PodInitializing"}}}]})"))
            << int(Health::Degraded) << QStringLiteral("CrashLoopBackOff")
            << QStringLiteral("Init:CrashLoopBackOff");
        QTest::newRow("running, not ready after a termination (OOMKilled)")
            << p({}, QStringLiteral(R"({"phase":"Running","conditions":[{"type":"Ready",
                 "status":"False"}],"containerStatuses":[{"name":"web","ready":false,
                 "restartCount":1,"state":{"running":{"startedAt":"2026-12-01T11:59:00Z"}},
                 "lastState":{"terminated":{"reason":"OOMKilled","exitCode":137}}}]})"))
            << int(Health::Degraded) << QStringLiteral("OOMKilled") << QStringLiteral("Running");
        QTest::newRow("running, readiness probe not passed yet")
            << p({}, QStringLiteral(R"({"phase":"Running","conditions":[{"type":"Ready",
                 "status":"False"}],"containerStatuses":[{"name":"web","ready":false,
                 "restartCount":0,"state":{"running":{"startedAt":"2026-12-01T11:59:00Z"}}}]})"))
            << int(Health::Progressing) << QStringLiteral("NotReady") << QStringLiteral("Running");
        QTest::newRow("failed, evicted")
            << p({}, QStringLiteral(R"({"phase":"Failed","reason":"Evicted",
                 "message":"The node was low on resource: memory."})"))
            << int(Health::Degraded) << QStringLiteral("Evicted") << QStringLiteral("Evicted");
        QTest::newRow("succeeded job pod")
            << p(QStringLiteral(R"(,"restartPolicy":"Never")"),
                 QStringLiteral(R"({"phase":"Succeeded"})"))
            << int(Health::Healthy) << QString() << QStringLiteral("Succeeded");
        QTest::newRow("terminating")
            << p({}, QLatin1String(kRunningReady),
                 QStringLiteral(R"(,"deletionTimestamp":"2026-12-01T11:59:00Z")"))
            << int(Health::Progressing) << QStringLiteral("Terminating")
            << QStringLiteral("Terminating");
    }
    void podHealth()
    {
        QFETCH(QString, pod);
        QFETCH(int, health);
        QFETCH(QString, reason);
        QFETCH(QString, display);
        const PodState p = PodState::fromJson(json(pod.toUtf8().constData()));
        const HealthState h = p.health();
        QCOMPARE(int(h.health), health);
        QCOMPARE(h.reason, reason);
        QCOMPARE(p.displayStatus(), display);
    }

    void crashLoopKeepsLastTermination()
    {
        const PodState p = PodState::fromJson(json(R"({"metadata":{"name":"p"},
          "spec":{"containers":[{"name":"web","image":"w"},{"name":"side","image":"s"}]},
          "status":{"phase":"Running","containerStatuses":[{"name":"web","ready":false,
            "restartCount":7,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
            "lastState":{"terminated":{"reason":"Error","exitCode":2,
              "finishedAt":"2026-12-01T11:59:00Z"}}}]}})"));
        QCOMPARE(p.containers.size(), 2); // "side" is not reported yet: listed from the spec
        QCOMPARE(p.restarts(), 7);
        QCOMPARE(p.containers[0].lastReason, QStringLiteral("Error"));
        QCOMPARE(p.containers[0].lastExitCode, 2);
        QVERIFY(p.containers[0].hasLastTermination);
        QCOMPARE(p.containers[1].state, QString());
        QVERIFY(p.health().message.contains(QLatin1String("container web")));
    }

    void replicaSetAndRouteAndGatewayHealth()
    {
        QCOMPARE(ReplicaSetState::fromJson(json(R"({"metadata":{"name":"r","generation":1},
                   "spec":{"replicas":2},"status":{"observedGeneration":1,"availableReplicas":1}})"))
                     .health()
                     .health,
                 Health::Progressing);
        QCOMPARE(ReplicaSetState::fromJson(json(R"({"metadata":{"name":"r"},"spec":{"replicas":1},
                   "status":{"availableReplicas":0,"conditions":[{"type":"ReplicaFailure",
                   "status":"True","reason":"FailedCreate","message":"quota"}]}})"))
                     .health()
                     .reason,
                 QStringLiteral("FailedCreate"));
        const HTTPRouteState refused = HTTPRouteState::fromJson(json(R"({
          "metadata":{"name":"r"},"spec":{"parentRefs":[{"name":"gw"}]},
          "status":{"parents":[{"parentRef":{"name":"gw"},"controllerName":"traefik.io/gateway-controller",
            "conditions":[{"type":"Accepted","status":"True","reason":"Accepted"},
                          {"type":"ResolvedRefs","status":"False","reason":"BackendNotFound",
                           "message":"Service 'gone' not found"}]}]}})"));
        QCOMPARE(refused.health().health, Health::Degraded);
        QCOMPARE(refused.health().reason, QStringLiteral("BackendNotFound"));
        const HTTPRouteState unreported = HTTPRouteState::fromJson(
            json(R"({"metadata":{"name":"r"},"spec":{"parentRefs":[{"name":"gw"}]}})"));
        QCOMPARE(unreported.health().health, Health::Progressing);
        auto gateway = [](const char* status) {
            return GatewayState::fromJson(
                       json(QStringLiteral(R"({"apiVersion":"gateway.networking.k8s.io/v1",
                 "kind":"Gateway","metadata":{"name":"g"},"spec":{"gatewayClassName":"traefik",
                 "listeners":[{"name":"http","port":80,"protocol":"HTTP"}]},"status":%1})")
                                .arg(QLatin1String(status))
                                .toUtf8()
                                .constData()))
                .health()
                .health;
        };
        QCOMPARE(gateway(R"({"conditions":[{"type":"Programmed","status":"True"}]})"),
                 Health::Healthy);
        QCOMPARE(gateway(R"({"conditions":[{"type":"Programmed","status":"False",
                 "reason":"Invalid"}]})"),
                 Health::Degraded);
        QCOMPARE(gateway("{}"), Health::Progressing);
        QCOMPARE(InspectedAppDeployment::fromJson(
                     json(R"({"apiVersion":"core.oam.dev/v1beta1","kind":"AppDeployment",
                   "metadata":{"name":"a"},"spec":{"appRevisions":[{"revisionName":"shop-v1",
                           "placement":[{"distribution":{"replicas":1}}]}]},
                   "status":{"phase":"Failed","conditions":[{"type":"Ready","status":"False",
                   "reason":"ReadinessTimeout","message":"web-v2: 0/1 ready"}]}})"))
                     .health()
                     .reason,
                 QStringLiteral("ReadinessTimeout"));
    }

    void healthyTree()
    {
        const Namespace ns = healthyNamespace();
        const TreeNode root = ns.tree();
        QCOMPARE(root.kind, QStringLiteral("Application"));
        QCOMPARE(root.worst, Health::Healthy);
        QVERIFY(summarize(root).healthy());
        // Application -> revisions, AppDeployment -> Deployment -> ReplicaSet -> Pod, Service ->
        // EndpointSlice, VirtualService -> Gateway and Services (links).
        QCOMPARE(root.children.size(), 3);
        QCOMPARE(root.children[0].name, QStringLiteral("shop-v1"));
        QCOMPARE(root.children[1].name, QStringLiteral("shop-v2"));
        const TreeNode& ad = root.children[2];
        QCOMPARE(ad.kind, QStringLiteral("AppDeployment"));
        QStringList kids;
        for (const TreeNode& c : ad.children)
            kids << c.kind + QLatin1Char('/') + c.name;
        QCOMPARE(kids, (QStringList{QStringLiteral("Deployment/web-v1"),
                                    QStringLiteral("Deployment/web-v2"),
                                    QStringLiteral("Service/shop-v1-web-80"),
                                    QStringLiteral("Service/shop-v2-web-80"),
                                    QStringLiteral("VirtualService/shop")}));
        QCOMPARE(ad.children[1].children[0].kind, QStringLiteral("ReplicaSet"));
        QCOMPARE(ad.children[1].children[0].children[0].name, QStringLiteral("web-v2-5d8f-bbbbb"));
        QCOMPARE(ad.children[3].children[0].kind, QStringLiteral("EndpointSlice"));
        const TreeNode& vs = ad.children[4];
        QCOMPARE(vs.children.size(), 3);
        QCOMPARE(vs.children[0].role, TreeNode::Role::Link);
        QCOMPARE(vs.children[0].kind, QStringLiteral("Gateway"));
        QCOMPARE(vs.children[1].role, TreeNode::Role::Link);
        QVERIFY2(vs.children[1].info.startsWith(QLatin1String("weight 50, 1 ready endpoint")),
                 qPrintable(vs.children[1].info));
        // Keys are unique among siblings everywhere.
        std::function<void(const TreeNode&)> unique = [&](const TreeNode& n) {
            QSet<QString> keys;
            for (const TreeNode& c : n.children) {
                QVERIFY2(!keys.contains(c.key), qPrintable(c.key));
                keys.insert(c.key);
                unique(c);
            }
        };
        unique(root);
    }

    // Under zh_CN the info column is Chinese too (issue 14: it was left English at first).
    void infoInTheUsersLanguage()
    {
        const QStringList loaded = veladesk::installTranslators(QCoreApplication::instance(),
                                                                QLocale(QStringLiteral("zh_CN")));
        QVERIFY2(!loaded.isEmpty(), "no zh_CN translation");
        const TreeNode root = healthyNamespace().tree();
        const TreeNode& ad = root.children[2];
        const QString link = ad.children[4].children[1].info;
        const QString deployment = ad.children[1].info;
        const QString revision = root.children[0].info;
        for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>())
            QCoreApplication::removeTranslator(t);
        QVERIFY2(link.startsWith(QStringLiteral("权重 50，1 个就绪端点")), qPrintable(link));
        QVERIFY2(deployment.contains(QStringLiteral("就绪")), qPrintable(deployment));
        QVERIFY2(!revision.contains(QLatin1String("latest")) &&
                     !revision.contains(QLatin1String("in plan")),
                 qPrintable(revision));
        QVERIFY(healthyNamespace().tree().children[2].children[4].children[1].info.startsWith(
            QLatin1String("weight 50, 1 ready endpoint")));
    }

    void imagePullBackOffDegradesItsAncestors()
    {
        const Namespace ns = healthyNamespace(QStringLiteral(R"({"phase":"Pending",
          "conditions":[{"type":"Ready","status":"False"}],
          "containerStatuses":[{"name":"web","image":"registry.invalid/web","ready":false,
            "restartCount":0,"state":{"waiting":{"reason":"ImagePullBackOff",
            "message":"Back-off pulling image 'registry.invalid/web'"}}}]})"));
        const TreeNode root = ns.tree();
        const TreeNode* p =
            findNode(root, QStringLiteral("Pod"), QStringLiteral("web-v2-5d8f-bbbbb"));
        QVERIFY(p);
        QCOMPARE(p->health.health, Health::Degraded);
        QCOMPARE(p->health.reason, QStringLiteral("ImagePullBackOff"));
        QCOMPARE(root.worst, Health::Degraded);
        // The Service selects the pod but has no ready endpoint; the route gives it weight.
        const TreeNode* s =
            findNode(root, QStringLiteral("Service"), QStringLiteral("shop-v2-web-80"));
        QVERIFY(s);
        QCOMPARE(s->health.health, Health::Degraded);
        QCOMPARE(s->health.reason, QStringLiteral("NoReadyEndpoints"));
        const TreeNode* vs =
            findNode(root, QStringLiteral("VirtualService"), QStringLiteral("shop"));
        QCOMPARE(vs->health.health, Health::Degraded);
        QVERIFY2(
            vs->health.message.contains(QLatin1String("gives weight 50 to Service shop-v2-web-80")),
            qPrintable(vs->health.message));
        const TreeSummary sum = summarize(root);
        QVERIFY(!sum.healthy());
        QVERIFY2(sum.problems.contains(QStringLiteral(
                     "Pod/web-v2-5d8f-bbbbb: Degraded (ImagePullBackOff): container web: "
                     "Back-off pulling image 'registry.invalid/web'")),
                 qPrintable(sum.problems.join(QLatin1Char('\n'))));
    }

    void serviceSelectingNoPods()
    {
        Namespace ns = healthyNamespace();
        ns.add(service(2, QStringLiteral("shop-v9")).constData()); // a typo in the selector
        ns.objects.endpointSlices.remove(QStringLiteral("shop-v2-web-80-abcde"));
        const TreeNode root = ns.tree();
        const TreeNode* s =
            findNode(root, QStringLiteral("Service"), QStringLiteral("shop-v2-web-80"));
        QVERIFY(s);
        QCOMPARE(s->health.health, Health::Degraded);
        QCOMPARE(s->health.reason, QStringLiteral("NoPodsSelected"));
        QVERIFY2(s->health.message.contains(QLatin1String("app.oam.dev/appRevision=shop-v9")),
                 qPrintable(s->health.message));
        // The broken link is a node of its own.
        QCOMPARE(s->children.size(), 1);
        QCOMPARE(s->children[0].role, TreeNode::Role::Note);
        QCOMPARE(s->children[0].health.health, Health::Degraded);
    }

    void routeToMissingServiceAndGateway()
    {
        Namespace ns = healthyNamespace();
        ns.objects.services.remove(QStringLiteral("shop-v2-web-80"));
        ns.objects.endpointSlices.remove(QStringLiteral("shop-v2-web-80-abcde"));
        ns.objects.istioGateways.clear();
        const TreeNode root = ns.tree();
        const TreeNode* vs =
            findNode(root, QStringLiteral("VirtualService"), QStringLiteral("shop"));
        QVERIFY(vs);
        QCOMPARE(vs->health.health, Health::Degraded);
        QVERIFY(vs->health.reason.contains(QLatin1String("BackendNotFound")));
        QVERIFY(vs->health.reason.contains(QLatin1String("GatewayNotFound")));
        const TreeNode* missing = findNode(*vs, QStringLiteral("Service"),
                                           QStringLiteral("shop-v2-web-80"), TreeNode::Role::Link);
        QVERIFY(missing);
        QCOMPARE(missing->health.health, Health::Missing);
        QVERIFY(findNode(*vs, QStringLiteral("Gateway"), QStringLiteral("shop-gateway"),
                         TreeNode::Role::Link));
        // The Service the plan routes to is a Missing node of the AppDeployment too.
        const TreeNode* planned =
            findNode(root, QStringLiteral("Service"), QStringLiteral("shop-v2-web-80"),
                     TreeNode::Role::Missing);
        QVERIFY(planned);
        QCOMPARE(planned->health.health, Health::Missing);
        // A cluster that does not serve Istio's Gateway: not checked, not a problem.
        ns.objects.istioGatewaysServed = false;
        const TreeNode unchecked = ns.tree();
        const TreeNode* gw = findNode(unchecked, QStringLiteral("Gateway"),
                                      QStringLiteral("shop-gateway"), TreeNode::Role::Link);
        QVERIFY(gw);
        QCOMPARE(gw->health.health, Health::NotChecked);
        QVERIFY(!findNode(unchecked, QStringLiteral("VirtualService"), QStringLiteral("shop"))
                     ->health.reason.contains(QLatin1String("GatewayNotFound")));
    }

    void httpRouteToMissingService()
    {
        Namespace ns = healthyNamespace();
        ns.add(R"({"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway",
          "metadata":{"name":"edge","uid":"edge"},"spec":{"gatewayClassName":"traefik",
          "listeners":[{"name":"web","port":8000,"protocol":"HTTP"}]},
          "status":{"conditions":[{"type":"Programmed","status":"True"}]}})");
        ns.add(R"({"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute",
          "metadata":{"name":"shop-route","uid":"hr","labels":{"app.oam.dev/name":"shop"}},
          "spec":{"parentRefs":[{"name":"edge"}],"hostnames":["shop.example.com"],
            "rules":[{"backendRefs":[{"name":"shop-v1-web-80","port":80,"weight":90},
                                     {"name":"shop-gone","port":80,"weight":10}]}]},
          "status":{"parents":[{"parentRef":{"name":"edge"},"controllerName":"traefik.io/gateway-controller",
            "conditions":[{"type":"Accepted","status":"True","reason":"Accepted"},
                          {"type":"ResolvedRefs","status":"True","reason":"ResolvedRefs"}]}]}})");
        const TreeNode root = ns.tree();
        const TreeNode* r =
            findNode(root, QStringLiteral("HTTPRoute"), QStringLiteral("shop-route"));
        QVERIFY(r);
        QCOMPARE(r->health.health, Health::Degraded);
        QCOMPARE(r->health.reason, QStringLiteral("BackendNotFound"));
        const TreeNode* gone = findNode(*r, QStringLiteral("Service"), QStringLiteral("shop-gone"),
                                        TreeNode::Role::Link);
        QVERIFY(gone);
        QCOMPARE(gone->health.health, Health::Missing);
        const TreeNode* edge =
            findNode(*r, QStringLiteral("Gateway"), QStringLiteral("edge"), TreeNode::Role::Link);
        QVERIFY(edge);
        QCOMPARE(edge->health.health, Health::Healthy);
    }

    void missingApplicationAndPlannedDeployment()
    {
        Namespace ns = healthyNamespace();
        ns.objects.applications.clear();
        ns.objects.deployments.remove(QStringLiteral("web-v1"));
        const TreeNode root = ns.tree();
        QCOMPARE(root.role, TreeNode::Role::Missing);
        QCOMPARE(root.health.health, Health::Missing);
        QVERIFY(applicationExists(QStringLiteral("shop"), ns.objects)); // its revisions exist
        QVERIFY(!applicationExists(QStringLiteral("other"), ns.objects));
        const TreeNode* d = findNode(root, QStringLiteral("Deployment"), QStringLiteral("web-v1"),
                                     TreeNode::Role::Missing);
        QVERIFY(d);
        QCOMPARE(d->health.health, Health::Missing);
    }

    void textAndJson()
    {
        // (An ordinary literal: moc misreads this text inside a raw string.)
        Namespace ns = healthyNamespace(QStringLiteral(
            "{\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"web\",\"ready\":false,"
            "\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\","
            "\"message\":\"line one\\nline two \\u001b[31mred\\u001b[0m\"}}}]}"));
        const TreeNode root = ns.tree();
        const QString text = treeToText(root, kNow);
        QVERIFY2(text.startsWith(QLatin1String("NAME")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("└─AppDeployment/shop")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  │ └─ReplicaSet/web-v2-5d8f")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("→ Gateway/shop-gateway")), qPrintable(text));
        // Server text cannot move the cursor or recolour the terminal; one line per node.
        QVERIFY(!text.contains(QChar(0x1b)));
        QVERIFY(text.contains(QLatin1String("line one line two")));
        QVERIFY2(text.contains(QLatin1String("Pod/web-v2-5d8f-bbbbb")) &&
                     text.contains(QLatin1String("5m")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("objects unhealthy:")), qPrintable(text));

        TreeOptions o;
        o.namespaceName = QStringLiteral("prod");
        const QJsonObject j = treeToJson(root, o, kNow);
        QCOMPARE(j[QLatin1String("kind")].toString(), QStringLiteral("ObjectTree"));
        QCOMPARE(j[QLatin1String("namespace")].toString(), QStringLiteral("prod"));
        QCOMPARE(j[QLatin1String("healthy")].toBool(), false);
        const QJsonArray problems = j[QLatin1String("problems")].toArray();
        QStringList names;
        for (const QJsonValue& p : problems)
            names << p[QLatin1String("kind")].toString() + QLatin1Char('/') +
                         p[QLatin1String("name")].toString();
        QCOMPARE(names, (QStringList{QStringLiteral("Pod/web-v2-5d8f-bbbbb"),
                                     QStringLiteral("Service/shop-v2-web-80"),
                                     QStringLiteral("EndpointSlice/shop-v2-web-80-abcde"),
                                     QStringLiteral("VirtualService/shop")}));
        QCOMPARE(problems[0][QLatin1String("path")].toString(),
                 QStringLiteral("Application/shop/AppDeployment/shop/Deployment/web-v2/"
                                "ReplicaSet/web-v2-5d8f/Pod/web-v2-5d8f-bbbbb"));
        QCOMPARE(j[QLatin1String("tree")][QLatin1String("kind")].toString(),
                 QStringLiteral("Application"));
        QCOMPARE(j[QLatin1String("summary")][QLatin1String("Degraded")].toInt(), 4);

        QVERIFY(treeToJson(healthyNamespace().tree(), o, kNow)[QLatin1String("healthy")].toBool());
    }

    void ownedObjectsAndAges()
    {
        const Namespace ns = healthyNamespace();
        const QList<ObjectName> owned = ownedObjects(QStringLiteral("ad-uid"), ns.objects, ns.pods);
        QStringList names;
        for (const ObjectName& o : owned)
            names << o.kind + QLatin1Char('/') + o.name;
        QCOMPARE(names, (QStringList{QStringLiteral("Deployment/web-v1"),
                                     QStringLiteral("Deployment/web-v2"),
                                     QStringLiteral("Service/shop-v1-web-80"),
                                     QStringLiteral("Service/shop-v2-web-80"),
                                     QStringLiteral("VirtualService/shop")}));
        QCOMPARE(ownedObjects(QStringLiteral("rs2"), ns.objects, ns.pods).size(), 1);
        QCOMPARE(shortAge(kNow.addSecs(-45), kNow), QStringLiteral("45s"));
        QCOMPARE(shortAge(kNow.addSecs(-12 * 60), kNow), QStringLiteral("12m"));
        QCOMPARE(shortAge(kNow.addSecs(-3 * 3600 - 5), kNow), QStringLiteral("3h"));
        QCOMPARE(shortAge(kNow.addDays(-5), kNow), QStringLiteral("5d"));
        QCOMPARE(shortAge(QDateTime(), kNow), QString());
    }
};

QTEST_GUILESS_MAIN(TestObjectTree)
#include "tst_objecttree.moc"
