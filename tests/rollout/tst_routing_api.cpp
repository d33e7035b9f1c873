// Offline parts of issue 12's routing choice: which API a plan routes through (flag, annotation,
// the live AppDeployment, discovery), how HTTPRoutes are read (destinations, acceptance by a
// Gateway's controller), and which rule and weights a probe compares with.

#include "kube/rollout/probe.h"
#include "kube/rollout/render.h"
#include "kube/rollout/routing.h"
#include "kube/rollout/routingmonitor.h"

#include <QJsonDocument>
#include <QtTest>

using namespace kube::rollout;

namespace {

QJsonObject json(const char* text)
{
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &e).object();
    if (e.error != QJsonParseError::NoError)
        qFatal("bad JSON fixture: %s", qPrintable(e.errorString()));
    return o;
}

AppDeploymentPlan planWith(const QString& annotation, bool traffic = true)
{
    AppDeploymentPlan p;
    p.name = QStringLiteral("ad");
    if (!annotation.isEmpty())
        p.annotations.insert(QLatin1String(routingAnnotation), annotation);
    if (traffic) {
        Traffic t;
        t.hosts = {QStringLiteral("a.example.com")};
        HttpRule r;
        r.weightedTargets << WeightedTarget{QStringLiteral("app-v1"), QStringLiteral("web"), 80,
                                            100};
        t.http << r;
        p.traffic = t;
    }
    return p;
}

QJsonObject liveWith(const QString& annotation)
{
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("annotations"),
                      QJsonObject{{QLatin1String(routingAnnotation), annotation}}}}}};
}

kube::ApiResourceInfo resource(const char* group, const char* version, const char* plural)
{
    kube::ApiResourceInfo r;
    r.group = QLatin1String(group);
    r.version = QLatin1String(version);
    r.resource = QLatin1String(plural);
    return r;
}

} // namespace

class TestRoutingApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names()
    {
        QCOMPARE(routingApiName(RoutingApi::HTTPRoute), QStringLiteral("httproute"));
        QCOMPARE(routingApiName(RoutingApi::VirtualService), QStringLiteral("virtualservice"));
        QCOMPARE(parseRoutingApi(QStringLiteral("HTTPRoute")), RoutingApi::HTTPRoute);
        QCOMPARE(parseRoutingApi(QStringLiteral(" virtualservice ")), RoutingApi::VirtualService);
        QVERIFY(!parseRoutingApi(QStringLiteral("gloo")));
        AppDeploymentPlan p = planWith({});
        setPlannedRouting(p, RoutingApi::HTTPRoute);
        QCOMPARE(p.annotations.value(QLatin1String("veladesk.io/routing")).toString(),
                 QStringLiteral("httproute"));
        QCOMPARE(plannedRouting(p).value, RoutingApi::HTTPRoute);
    }

    void servedFromDiscovery()
    {
        kube::Discovery d;
        QCOMPARE(servedRouting(d).virtualServiceVersion, QString());
        QCOMPARE(servedRouting(d).httpRouteVersion, QString());
        d.resources << resource("networking.istio.io", "v1beta1", "virtualservices")
                    << resource("gateway.networking.k8s.io", "v1beta1", "httproutes");
        QCOMPARE(servedRouting(d).virtualServiceVersion, QStringLiteral("v1beta1"));
        QCOMPARE(servedRouting(d).httpRouteVersion, QString()); // only v1 is used
        d.resources << resource("networking.istio.io", "v1", "virtualservices")
                    << resource("gateway.networking.k8s.io", "v1", "httproutes");
        QCOMPARE(servedRouting(d).virtualServiceVersion, QStringLiteral("v1"));
        QCOMPARE(servedRouting(d).httpRouteVersion, QStringLiteral("v1"));
    }

    void choose_data()
    {
        QTest::addColumn<QString>("annotation"); // the plan's
        QTest::addColumn<QString>("live");       // the live AppDeployment's
        QTest::addColumn<QString>("override");   // --routing
        QTest::addColumn<QString>("vs");         // served VirtualService version
        QTest::addColumn<QString>("hr");         // served HTTPRoute version
        QTest::addColumn<bool>("traffic");
        QTest::addColumn<QString>("api"); // expected; empty: an error
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("message"); // error substring

        const QString v1 = QStringLiteral("v1");
        const QString vs = QStringLiteral("virtualservice");
        const QString hr = QStringLiteral("httproute");
        using S = RoutingChoice::Source;
        QTest::newRow("discovery: Istio served") << QString() << QString() << QString() << v1 << v1
                                                 << true << vs << int(S::Discovery) << QString();
        QTest::newRow("discovery: only Gateway API served")
            << QString() << QString() << QString() << QString() << v1 << true << hr
            << int(S::Discovery) << QString();
        QTest::newRow("discovery: neither served")
            << QString() << QString() << QString() << QString() << QString() << true << QString()
            << 0 << QStringLiteral("serves neither VirtualService");
        QTest::newRow("neither served, no traffic: nothing to route")
            << QString() << QString() << QString() << QString() << QString() << false << vs
            << int(S::Discovery) << QString();
        QTest::newRow("live annotation keeps the API")
            << QString() << hr << QString() << v1 << v1 << true << hr << int(S::Live) << QString();
        QTest::newRow("plan annotation beats the live one")
            << vs << hr << QString() << v1 << v1 << true << vs << int(S::Annotation) << QString();
        QTest::newRow("override beats the live annotation")
            << QString() << vs << hr << v1 << v1 << true << hr << int(S::Override) << QString();
        QTest::newRow("override agreeing with the annotation")
            << hr << QString() << hr << v1 << v1 << true << hr << int(S::Override) << QString();
        QTest::newRow("override contradicting the annotation")
            << vs << QString() << hr << v1 << v1 << true << QString() << 0
            << QStringLiteral("--routing httproute contradicts the plan's annotation "
                              "veladesk.io/routing: virtualservice");
        QTest::newRow("unknown annotation value")
            << QStringLiteral("gloo") << QString() << QString() << v1 << v1 << true << QString()
            << 0 << QStringLiteral("\"gloo\" is not a routing API");
        QTest::newRow("HTTPRoute asked, not served")
            << hr << QString() << QString() << v1 << QString() << true << QString() << 0
            << QStringLiteral("serves no HTTPRoute (gateway.networking.k8s.io/v1): install the "
                              "Gateway API CRDs");
        QTest::newRow("VirtualService kept by the live annotation, Istio gone")
            << QString() << vs << QString() << QString() << v1 << true << QString() << 0
            << QStringLiteral("routing through VirtualService (from the AppDeployment's "
                              "annotation veladesk.io/routing in the cluster), but the cluster "
                              "serves no VirtualService");
    }

    void choose()
    {
        QFETCH(QString, annotation);
        QFETCH(QString, live);
        QFETCH(QString, override);
        QFETCH(QString, vs);
        QFETCH(QString, hr);
        QFETCH(bool, traffic);
        QFETCH(QString, api);
        QFETCH(int, source);
        QFETCH(QString, message);
        const kube::Result<RoutingChoice> c = chooseRouting(
            planWith(annotation, traffic), live.isEmpty() ? QJsonObject() : liveWith(live),
            ServedRouting{vs, hr}, parseRoutingApi(override));
        if (api.isEmpty()) {
            QVERIFY(!c.ok());
            QCOMPARE(c.status.kind, kube::Status::Kind::Invalid);
            QVERIFY2(c.status.message.contains(message), qPrintable(c.status.message));
            QCOMPARE(c.status.object, QStringLiteral("AppDeployment/ad"));
            return;
        }
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        QCOMPARE(routingApiName(c.value.api), api);
        QCOMPARE(int(c.value.source), source);
        QCOMPARE(c.value.version, c.value.api == RoutingApi::HTTPRoute ? hr : vs);
    }

    void choiceDescription()
    {
        const RoutingChoice c{RoutingApi::HTTPRoute, RoutingChoice::Source::Override,
                              QStringLiteral("v1")};
        QCOMPARE(c.describe(),
                 QStringLiteral("HTTPRoute (gateway.networking.k8s.io/v1), from --routing"));
    }

    void httpRouteDestinations()
    {
        const QJsonObject route = json(R"J({"kind": "HTTPRoute", "spec": {"rules": [
            {"backendRefs": [{"name": "a", "port": 80, "weight": 30},
                             {"group": "", "kind": "Service", "name": "b", "port": 80,
                              "weight": 70}]},
            {"backendRefs": [{"name": "c", "port": 80}]},
            {"backendRefs": [{"name": "d", "namespace": "other", "port": 80, "weight": 5},
                             {"name": "e", "namespace": "ns1", "port": 80, "weight": 0},
                             {"group": "example.com", "kind": "Bucket", "name": "f"}]}
        ]}})J");
        const QList<RouteDestination> d = routeDestinations(route, QStringLiteral("ns1"));
        QCOMPARE(d.size(), 5); // the Bucket is no Service
        QCOMPARE(d[0].service, QStringLiteral("a"));
        QCOMPARE(d[0].weight, 30);
        QCOMPARE(d[1].service, QStringLiteral("b"));
        QCOMPARE(d[1].weight, 70);
        QCOMPARE(d[2].rule, 1);
        QCOMPARE(d[2].weight, 1); // the Gateway API's default weight
        QCOMPARE(d[3].service, QString());
        QCOMPARE(d[3].otherNamespace, QStringLiteral("other"));
        QCOMPARE(d[3].host, QStringLiteral("other/d"));
        QCOMPARE(d[4].service, QStringLiteral("e")); // its own namespace, written out
        QCOMPARE(d[4].weight, 0);
    }

    void violationOfAnHttpRoute()
    {
        RoutingViolation v;
        v.virtualService = QStringLiteral("ad");
        v.routeKind = QStringLiteral("HTTPRoute");
        v.rule = 1;
        v.host = QStringLiteral("svc");
        v.weight = 40;
        v.problem = QStringLiteral("Service svc has no ready endpoint");
        v.event = QStringLiteral("MODIFIED HTTPRoute/ad@9");
        QVERIFY2(
            v.toString().startsWith(QLatin1String(
                "HTTPRoute/ad rules[1] -> svc (weight 40): Service svc has no ready endpoint")),
            qPrintable(v.toString()));
    }

    void acceptanceByParents()
    {
        // Two parents: one accepted at the current generation, one with a stale status; a third
        // refused by its listeners.
        const QJsonObject route = json(R"J({"metadata": {"namespace": "team", "generation": 3},
            "spec": {"parentRefs": [
                {"group": "gateway.networking.k8s.io", "kind": "Gateway", "name": "gw"},
                {"name": "edge", "namespace": "infra"},
                {"name": "strict", "namespace": "infra"}]},
            "status": {"parents": [
                {"parentRef": {"name": "gw", "namespace": "team"},
                 "controllerName": "traefik.io/gateway-controller",
                 "conditions": [
                    {"type": "Accepted", "status": "True", "reason": "Accepted",
                     "observedGeneration": 3},
                    {"type": "ResolvedRefs", "status": "True", "reason": "ResolvedRefs",
                     "observedGeneration": 3}]},
                {"parentRef": {"name": "edge", "namespace": "infra"},
                 "controllerName": "traefik.io/gateway-controller",
                 "conditions": [
                    {"type": "Accepted", "status": "True", "reason": "Accepted",
                     "observedGeneration": 2}]},
                {"parentRef": {"name": "strict", "namespace": "infra"},
                 "controllerName": "example.com/other",
                 "conditions": [
                    {"type": "Accepted", "status": "False", "reason": "NotAllowedByListeners",
                     "message": "no listener allows namespace team", "observedGeneration": 3}]}
            ]}})J");
        const QList<ParentAcceptance> a = httpRouteAcceptance(route);
        QCOMPARE(a.size(), 3);
        QCOMPARE(a[0].parent.display(QStringLiteral("team")), QStringLiteral("team/gw"));
        QVERIFY(a[0].reported && a[0].accepted && a[0].resolvedRefs && !a[0].acceptedFalse);
        QCOMPARE(a[0].controllerName, QStringLiteral("traefik.io/gateway-controller"));
        QVERIFY(!a[1].reported); // generation 2 says nothing about generation 3
        QVERIFY(!a[1].accepted);
        QVERIFY(a[2].reported && a[2].acceptedFalse && !a[2].accepted);
        QCOMPARE(a[2].detail, QStringLiteral("Accepted=False NotAllowedByListeners: no listener "
                                             "allows namespace team"));
    }

    void gatewayController()
    {
        // The CRD's default status: nobody serves the Gateway.
        QVERIFY(!gatewayHasController(json(R"J({"status": {"conditions": [
            {"type": "Accepted", "status": "Unknown", "reason": "Pending"},
            {"type": "Programmed", "status": "Unknown", "reason": "Pending"}]}})J")));
        QVERIFY(!gatewayHasController(json(R"J({"spec": {}})J")));
        QVERIFY(gatewayHasController(json(R"J({"status": {"conditions": [
            {"type": "Accepted", "status": "True", "reason": "Accepted"}]}})J")));
        QVERIFY(gatewayHasController(json(R"J({"status": {"conditions": [
            {"type": "Accepted", "status": "False", "reason": "InvalidParameters"}]}})J")));
        QCOMPARE(parseGatewayRef(QStringLiteral("infra/gw")).namespaceName,
                 QStringLiteral("infra"));
        QCOMPARE(parseGatewayRef(QStringLiteral("gw")).namespaceName, QString());
    }

    void renderedRouteFollowsTheChoice()
    {
        AppRevision rev;
        rev.name = QStringLiteral("app-v1");
        rev.appName = QStringLiteral("app");
        auto app = Application::fromJson(json(R"J({"metadata": {"name": "app"}, "spec": {
            "components": [{"name": "web", "type": "webservice",
                            "properties": {"image": "nginx", "port": 80}}]}})J"));
        QVERIFY(app.ok());
        rev.application = app.value;
        AppDeploymentPlan plan = planWith({});
        plan.traffic->gateways = {QStringLiteral("infra/gw")};
        plan.appRevisions << RevisionPlacement{rev.name, {Placement{1, std::nullopt}}};
        // Unset: the annotation, else VirtualService.
        RenderResult r = render(plan, {rev});
        QVERIFY(r.ok());
        QCOMPARE(r.objects.last().role, RenderedObject::Role::VirtualService);
        QCOMPARE(renderAppDeployment(plan)[QLatin1String("metadata")][QLatin1String("annotations")]
                                          [QLatin1String("veladesk.io/routing")]
                                              .toString(),
                 QStringLiteral("virtualservice"));
        setPlannedRouting(plan, RoutingApi::HTTPRoute);
        r = render(plan, {rev});
        QVERIFY(r.ok());
        const RenderedObject& route = r.objects.last();
        QCOMPARE(route.role, RenderedObject::Role::HTTPRoute);
        QVERIFY(route.isRoute());
        QCOMPARE(route.type.group, QStringLiteral("gateway.networking.k8s.io"));
        QCOMPARE(route.type.resource, QStringLiteral("httproutes"));
        QCOMPARE(route.displayName(), QStringLiteral("HTTPRoute/ad"));
        const QList<RouteDestination> d =
            routeDestinations(route.object, QStringLiteral("default"));
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].service, QStringLiteral("app-v1-web-80"));
        QCOMPARE(d[0].weight, 100);
        // An explicit choice beats the annotation.
        RenderOptions o;
        o.routing = RoutingApi::VirtualService;
        r = render(plan, {rev}, o);
        QCOMPARE(r.objects.last().role, RenderedObject::Role::VirtualService);
        QCOMPARE(renderAppDeployment(plan, o)[QLatin1String("metadata")][QLatin1String(
                     "annotations")][QLatin1String("veladesk.io/routing")]
                     .toString(),
                 QStringLiteral("virtualservice"));
    }

    void configuredSplitPicksTheRule()
    {
        AppDeploymentPlan plan = planWith({});
        auto rule = [](const char* match, int w1, int w2) {
            HttpRule r;
            if (match)
                r.match = QJsonDocument::fromJson(QByteArray(match)).array();
            r.weightedTargets << WeightedTarget{QStringLiteral("app-v1"), QStringLiteral("web"), 80,
                                                w1}
                              << WeightedTarget{QStringLiteral("app-v2"), QStringLiteral("web"), 80,
                                                w2};
            return r;
        };
        plan.traffic->http = {rule(R"J([{"headers": {"x-tester": {"exact": "yes"}}}])J", 0, 100),
                              rule(R"J([{"uri": {"prefix": "/beta"}}])J", 10, 90),
                              rule(R"J([{"uri": {"prefix": "/b"}}])J", 20, 80),
                              rule(nullptr, 70, 30)};
        // A plain GET never carries the header: rule 0 is never reached.
        ConfiguredSplit s = configuredSplit(plan, QStringLiteral("/"));
        QCOMPARE(s.rule, 3);
        QCOMPARE(s.weights.value(QStringLiteral("app-v1")), 70);
        QCOMPARE(s.host, QStringLiteral("a.example.com"));
        // Istio: the first rule that matches, in order; its prefix is a string prefix.
        s = configuredSplit(plan, QStringLiteral("/betamax"));
        QCOMPARE(s.rule, 1);
        // An HTTPRoute: the longest matching prefix, by path elements.
        setPlannedRouting(plan, RoutingApi::HTTPRoute);
        QCOMPARE(configuredSplit(plan, QStringLiteral("/betamax")).rule, 3);
        QCOMPARE(configuredSplit(plan, QStringLiteral("/beta/x")).rule, 1);
        QCOMPARE(configuredSplit(plan, QStringLiteral("/b/x")).rule, 2);
        // No rule for the path, a wildcard host, no traffic.
        plan.traffic->http = {rule(R"J([{"uri": {"exact": "/only"}}])J", 50, 50)};
        s = configuredSplit(plan, QStringLiteral("/"));
        QCOMPARE(s.rule, -1);
        QVERIFY2(s.problem.contains(QLatin1String("no http rule of AppDeployment ad matches a GET "
                                                  "of /")),
                 qPrintable(s.problem));
        plan.traffic->hosts = {QStringLiteral("*.example.com")};
        s = configuredSplit(plan, QStringLiteral("/only"));
        QCOMPARE(s.rule, 0);
        QVERIFY(s.host.isEmpty());
        QVERIFY2(s.hostProblem.contains(QLatin1String("give the Host to send with --host")),
                 qPrintable(s.hostProblem));
        QVERIFY(configuredSplit(planWith({}, false), QStringLiteral("/"))
                    .problem.contains(QLatin1String("routes no traffic")));
    }
};

QTEST_GUILESS_MAIN(TestRoutingApi)
#include "tst_routing_api.moc"
