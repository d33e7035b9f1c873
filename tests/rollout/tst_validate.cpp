// Validation of plans: each row is a plan (YAML) and the single issue it must produce
// (or none), checked by field, severity and message.

#include "kube/rollout/render.h"
#include "kube/yamljson.h"

#include <QtTest>

using namespace kube::rollout;

namespace {

AppRevision revision(const QString& name, const QByteArray& componentsYaml)
{
    const QByteArray yaml =
        "apiVersion: core.oam.dev/v1beta1\nkind: ApplicationRevision\nmetadata:\n  name: " +
        name.toUtf8() +
        "\nspec:\n  application:\n    apiVersion: core.oam.dev/v1beta1\n"
        "    kind: Application\n    metadata:\n      name: " +
        name.section(QLatin1Char('-'), 0, -2).toUtf8() + "\n    spec:\n      components:\n" +
        componentsYaml;
    auto docs = kube::parseYamlDocuments(yaml, name);
    if (!docs.ok() || docs.value.size() != 1)
        qFatal("bad revision fixture %s: %s", qPrintable(name), qPrintable(docs.status.toString()));
    auto r = AppRevision::fromJson(docs.value.first());
    if (!r.ok())
        qFatal("bad revision fixture %s: %s", qPrintable(name), qPrintable(r.status.toString()));
    return r.value;
}

QList<AppRevision> revisions()
{
    return {
        revision(QStringLiteral("example-app-v1"),
                 "        - name: testsvc\n          type: webservice\n          properties:\n"
                 "            image: crccheck/hello-world\n            port: 8000\n"),
        revision(QStringLiteral("example-app-v2"),
                 "        - name: testsvc\n          type: webservice\n          properties:\n"
                 "            image: nginx\n"),
        revision(QStringLiteral("long-v1"),
                 "        - name: a-very-long-component-name-that-goes-on-and-on-and-on\n"
                 "          type: webservice\n          properties:\n            image: nginx\n"),
        revision(QStringLiteral("jobs-v1"),
                 "        - name: cron\n          type: worker\n          properties:\n"
                 "            image: busybox\n")};
}

// The reference split plan with `spec` replaced by the given YAML (indented 2).
QByteArray plan(const QByteArray& spec)
{
    return "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata:\n  name: "
           "example-appdeploy\n"
           "spec:\n" +
           spec;
}

const QByteArray kRevisions11 =
    "  appRevisions:\n"
    "    - revisionName: example-app-v1\n"
    "      placement:\n        - distribution:\n            replicas: 1\n"
    "    - revisionName: example-app-v2\n"
    "      placement:\n        - distribution:\n            replicas: 1\n";

QByteArray traffic(const QByteArray& targets,
                   const QByteArray& hosts = "    hosts: [example-app.example.com]\n")
{
    return "  traffic:\n" + hosts +
           "    gateways: [example-app-gateway]\n    http:\n      - weightedTargets:\n" + targets;
}

QByteArray target(const char* rev, const char* comp, int port, int weight)
{
    return QByteArray("          - {revisionName: ") + rev + ", componentName: " + comp +
           ", port: " + QByteArray::number(port) + ", weight: " + QByteArray::number(weight) +
           "}\n";
}

// A plan routed through an HTTPRoute (annotation) with one rule splitting v1/v2 50/50.
QByteArray routed(const QByteArray& hosts, const QByteArray& gateways, const QByteArray& match = {},
                  const QByteArray& annotation = "httproute")
{
    return "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata:\n"
           "  name: example-appdeploy\n  annotations: {veladesk.io/routing: " +
           annotation + "}\nspec:\n" + kRevisions11 + "  traffic:\n    hosts: " + hosts +
           "\n    gateways: " + gateways + "\n    http:\n      - " +
           (match.isEmpty() ? QByteArray() : "match: " + match + "\n        ") +
           "weightedTargets:\n" + target("example-app-v1", "testsvc", 8000, 50) +
           target("example-app-v2", "testsvc", 80, 50);
}

AppDeploymentPlan parsePlan(const QByteArray& yaml)
{
    auto docs = kube::parseYamlDocuments(yaml, QStringLiteral("plan"));
    if (!docs.ok())
        qFatal("bad plan yaml: %s\n%s", qPrintable(docs.status.toString()), yaml.constData());
    auto p = AppDeploymentPlan::fromJson(docs.value.first());
    if (!p.ok())
        qFatal("plan does not parse: %s", qPrintable(p.status.toString()));
    return p.value;
}

} // namespace

class TestValidate : public QObject
{
    Q_OBJECT

    // The row's plan has exactly the row's issue (or none), and renders nothing when it is an
    // error.
    void expectIssue()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, field);
        QFETCH(bool, isError);
        QFETCH(QString, message);
        const QList<Issue> issues = kube::rollout::validate(parsePlan(yaml), revisions());
        const QString all = issueMessages(issues).join(QLatin1Char('\n'));
        if (field.isEmpty()) {
            QVERIFY2(issues.isEmpty(), qPrintable(all));
            return;
        }
        QVERIFY2(issues.size() == 1,
                 qPrintable(QStringLiteral("expected one issue, got:\n") + all));
        QCOMPARE(issues.first().field, field);
        QCOMPARE(issues.first().isError(), isError);
        QVERIFY2(issues.first().message.contains(message), qPrintable(all));
        const RenderResult r = render(parsePlan(yaml), revisions());
        QCOMPARE(r.objects.isEmpty(), isError);
    }

private Q_SLOTS:
    void validate_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("field"); // empty: no issue at all
        QTest::addColumn<bool>("isError");
        QTest::addColumn<QString>("message"); // substring

        QTest::newRow("reference split is valid")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 50) +
                                           target("example-app-v2", "testsvc", 80, 50)))
            << QString() << true << QString();
        QTest::newRow("no traffic is valid")
            << plan(kRevisions11) << QString() << true << QString();
        QTest::newRow("weight 0 on a revision without replicas is valid")
            << plan("  appRevisions:\n    - revisionName: example-app-v2\n      placement:\n"
                    "        - distribution:\n            replicas: 1\n" +
                    traffic(target("example-app-v1", "testsvc", 8000, 0) +
                            target("example-app-v2", "testsvc", 80, 100)))
            << QString() << true << QString();
        QTest::newRow("weights sum to 90")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 40) +
                                           target("example-app-v2", "testsvc", 80, 50)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets") << true
            << QStringLiteral("weights sum to 90, must be exactly 100");
        QTest::newRow("weights sum to 110")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 60) +
                                           target("example-app-v2", "testsvc", 80, 50)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets") << true
            << QStringLiteral("sum to 110");
        QTest::newRow("weight above 100")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, -1) +
                                           target("example-app-v2", "testsvc", 80, 101)))
                   .replace("weight: -1", "weight: 0")
            << QStringLiteral("spec.traffic.http[0].weightedTargets[1].weight") << true
            << QStringLiteral("between 0 and 100, is 101");
        QTest::newRow("negative weight")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 110) +
                                           target("example-app-v2", "testsvc", 80, -10)))
                   .replace("weight: 110", "weight: 100")
            << QStringLiteral("spec.traffic.http[0].weightedTargets[1].weight") << true
            << QStringLiteral("between 0 and 100, is -10");
        QTest::newRow("deployed revision missing")
            << plan(QByteArray(kRevisions11).replace("example-app-v2", "example-app-v9") +
                    traffic(target("example-app-v1", "testsvc", 8000, 100)))
            << QStringLiteral("spec.appRevisions[1].revisionName") << true
            << QStringLiteral("ApplicationRevision example-app-v9 does not exist");
        QTest::newRow("target revision missing")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 100) +
                                           target("example-app-v3", "testsvc", 80, 0)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[1].revisionName") << true
            << QStringLiteral("ApplicationRevision example-app-v3 does not exist");
        QTest::newRow("target component missing")
            << plan(kRevisions11 + traffic(target("example-app-v1", "frontend", 8000, 50) +
                                           target("example-app-v2", "testsvc", 80, 50)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[0].componentName") << true
            << QStringLiteral(
                   "revision example-app-v1 has no component frontend (it has: testsvc)");
        QTest::newRow("port not served by the component warns")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 50) +
                                           target("example-app-v2", "testsvc", 8080, 50)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[1].port") << false
            << QStringLiteral("listens on 80, not on 8080");
        QTest::newRow("port out of range")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 50) +
                                           target("example-app-v2", "testsvc", 80, 50)))
                   .replace("port: 8000", "port: 70000")
            << QStringLiteral("spec.traffic.http[0].weightedTargets[0].port") << true
            << QStringLiteral("must be a port number 1..65535, is 70000");
        QTest::newRow("negative replicas")
            << plan(QByteArray(kRevisions11)
                        .replace("replicas: 1\n    - revisionName: example-app-v2",
                                 "replicas: -1\n    - revisionName: example-app-v2") +
                    traffic(target("example-app-v2", "testsvc", 80, 100)))
            << QStringLiteral("spec.appRevisions[0].placement[0].distribution.replicas") << true
            << QStringLiteral("must be >= 0, is -1");
        QTest::newRow("weight on a revision with 0 replicas")
            << plan(QByteArray(kRevisions11)
                        .replace("replicas: 1\n    - revisionName: example-app-v2",
                                 "replicas: 0\n    - revisionName: example-app-v2") +
                    traffic(target("example-app-v1", "testsvc", 8000, 10) +
                            target("example-app-v2", "testsvc", 80, 90)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[0].weight") << true
            << QStringLiteral("weight 10 for revision example-app-v1, which has 0 replicas");
        QTest::newRow("weight on a revision not deployed")
            << plan("  appRevisions:\n    - revisionName: example-app-v2\n      placement:\n"
                    "        - distribution:\n            replicas: 1\n" +
                    traffic(target("example-app-v1", "testsvc", 8000, 1) +
                            target("example-app-v2", "testsvc", 80, 99)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[0].weight") << true
            << QStringLiteral("which is not in spec.appRevisions");
        QTest::newRow("duplicate target")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 50) +
                                           target("example-app-v1", "testsvc", 8000, 50)))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[1]") << true
            << QStringLiteral("duplicate target example-app-v1/testsvc port 8000");
        QTest::newRow("no hosts")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 100), ""))
            << QStringLiteral("spec.traffic.hosts") << true << QStringLiteral("at least one host");
        QTest::newRow("unsupported component type")
            << plan("  appRevisions:\n    - revisionName: jobs-v1\n      placement:\n"
                    "        - distribution:\n            replicas: 1\n")
            << QStringLiteral("spec.appRevisions[0].revisionName") << true
            << QStringLiteral("not supported: worker");
        QTest::newRow("revision listed twice")
            << plan(kRevisions11 + "    - revisionName: example-app-v1\n")
            << QStringLiteral("spec.appRevisions[2].revisionName") << true
            << QStringLiteral("example-app-v1 is listed more than once");
        QTest::newRow("second rule sums to 50")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 100)) +
                    "      - match: [{uri: {prefix: /v2}}]\n        weightedTargets:\n" +
                    target("example-app-v2", "testsvc", 80, 50))
            << QStringLiteral("spec.traffic.http[1].weightedTargets") << true
            << QStringLiteral("weights sum to 50");
        QTest::newRow("rule without targets")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 100)) +
                    "      - match: [{uri: {prefix: /v2}}]\n")
            << QStringLiteral("spec.traffic.http[1].weightedTargets") << true
            << QStringLiteral("at least one target");
        // Placement in another cluster is supported since issue 13 (tst_multicluster); a
        // cluster chosen by labels is not.
        QTest::newRow("clusters selected by labels")
            << plan(kRevisions11 + "    - revisionName: example-app-v1\n      placement:\n"
                                   "        - clusterSelector: {labels: {region: eu}}\n          "
                                   "distribution: {replicas: 1}\n")
                   .replace("    - revisionName: example-app-v1\n      placement:\n        - "
                            "distribution:\n"
                            "            replicas: 1\n",
                            "")
            << QStringLiteral("spec.appRevisions[1].placement[0].clusterSelector.labels") << true
            << QStringLiteral("selecting clusters by labels is not supported");
        QTest::newRow("service name too long")
            << plan("  appRevisions:\n    - revisionName: long-v1\n      placement:\n"
                    "        - distribution:\n            replicas: 1\n" +
                    traffic(target("long-v1",
                                   "a-very-long-component-name-that-goes-on-and-on-and-on", 8000,
                                   100))
                        .replace("port: 8000", "port: 80"))
            << QStringLiteral("spec.traffic.http[0].weightedTargets[0]") << true
            << QStringLiteral("the Service name "
                              "long-v1-a-very-long-component-name-that-goes-on-and-on-and-on-80 "
                              "would be longer than 63 characters");
        QTest::newRow("traffic without http rules")
            << plan(kRevisions11 + "  traffic:\n    hosts: [a.example.com]\n")
            << QStringLiteral("spec.traffic.http") << true
            << QStringLiteral("at least one http rule");
    }

    void httpRoute_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("field"); // empty: no issue at all
        QTest::addColumn<bool>("isError");
        QTest::addColumn<QString>("message"); // substring

        const QByteArray host = "[example-app.example.com]";
        const QByteArray gw = "[example-app-gateway]";
        QTest::newRow("reference split as HTTPRoute")
            << routed(host, "[infra/example-app-gateway]") << QString() << true << QString();
        QTest::newRow("every host: *") << routed("[\"*\"]", gw) << QString() << true << QString();
        QTest::newRow("Istio's mesh gateway")
            << routed(host, "[mesh]") << QStringLiteral("spec.traffic.gateways[0]") << true
            << QStringLiteral("\"mesh\" is Istio's name for the sidecars");
        QTest::newRow("no gateway") << routed(host, "[]") << QStringLiteral("spec.traffic.gateways")
                                    << false << QStringLiteral("attaches to no Gateway");
        QTest::newRow("a Gateway twice")
            << routed(host, "[gw, gw]") << QStringLiteral("spec.traffic.gateways[1]") << true
            << QStringLiteral("Gateway gw is listed twice");
        QTest::newRow("not a Gateway name")
            << routed(host, "[\"Infra/GW\"]") << QStringLiteral("spec.traffic.gateways[0]") << true
            << QStringLiteral("is not a Gateway as name or namespace/name");
        QTest::newRow("an IP address as host")
            << routed("[10.0.0.1]", gw) << QStringLiteral("spec.traffic.hosts[0]") << true
            << QStringLiteral("an HTTPRoute hostname cannot be an IP address");
        QTest::newRow("upper-case host")
            << routed("[Example.COM]", gw) << QStringLiteral("spec.traffic.hosts[0]") << true
            << QStringLiteral("is not a hostname an HTTPRoute accepts");
        QTest::newRow("header prefix")
            << routed(host, gw, "[{headers: {x-tester: {prefix: be}}}]")
            << QStringLiteral("spec.traffic.http[0].match[0].headers.x-tester.prefix") << true
            << QStringLiteral("an HTTPRoute matches a header exactly or by regular expression, "
                              "not by prefix: use regex \"^be.*\"");
        QTest::newRow("authority")
            << routed(host, gw, "[{authority: {exact: a.example.com}}]")
            << QStringLiteral("spec.traffic.http[0].match[0].authority") << true
            << QStringLiteral("an HTTPRoute cannot match on authority");
        QTest::newRow("method by regex") << routed(host, gw, "[{method: {regex: \"GET|HEAD\"}}]")
                                         << QStringLiteral("spec.traffic.http[0].match[0].method")
                                         << true << QStringLiteral("matches a method exactly");
        QTest::newRow("relative path")
            << routed(host, gw, "[{uri: {prefix: beta}}]")
            << QStringLiteral("spec.traffic.http[0].match[0].uri.prefix") << true
            << QStringLiteral("\"beta\" must be an absolute path starting with '/'");
        QTest::newRow("path with //") << routed(host, gw, "[{uri: {exact: /a//b}}]")
                                      << QStringLiteral("spec.traffic.http[0].match[0].uri.exact")
                                      << true << QStringLiteral("must not contain '//'");
        QTest::newRow("match name is not carried")
            << routed(host, gw, "[{name: beta, uri: {prefix: /beta}}]")
            << QStringLiteral("spec.traffic.http[0].match[0].name") << false
            << QStringLiteral("not carried");
        QTest::newRow("a VirtualService takes what an HTTPRoute cannot")
            << routed("[10.0.0.1]", "[mesh]", "[{headers: {x-tester: {prefix: be}}}]",
                      "virtualservice")
            << QString() << true << QString();
        QTest::newRow("unknown routing annotation")
            << routed(host, gw, {}, "gloo")
            << QStringLiteral("metadata.annotations[veladesk.io/routing]") << true
            << QStringLiteral("\"gloo\" is not a routing API: use virtualservice or httproute");
        // Rules the HTTPRoute would order otherwise: the header rule is tried after /beta.
        QByteArray twoRules = routed(host, gw, "[{headers: {x-tester: {exact: \"yes\"}}}]");
        twoRules += "      - match: [{uri: {prefix: /beta}}]\n        weightedTargets:\n" +
                    target("example-app-v2", "testsvc", 80, 100);
        QTest::newRow("precedence differs from the order")
            << twoRules << QStringLiteral("spec.traffic.http[1].match") << false
            << QStringLiteral("a request that matches http[0] and http[1] goes to http[1]");
        QByteArray disjoint = routed(host, gw, "[{uri: {prefix: /a}}]");
        disjoint += "      - match: [{uri: {prefix: /beta}}]\n        weightedTargets:\n" +
                    target("example-app-v2", "testsvc", 80, 100);
        QTest::newRow("disjoint prefixes keep their meaning")
            << disjoint << QString() << true << QString();
        QByteArray many = routed(host, gw);
        for (int i = 0; i < 16; ++i)
            many += "      - match: [{uri: {regex: /r" + QByteArray::number(i) +
                    "}}]\n        weightedTargets:\n" +
                    target("example-app-v2", "testsvc", 80, 100);
        QTest::newRow("17 rules") << many << QStringLiteral("spec.traffic.http") << true
                                  << QStringLiteral("17 rules; an HTTPRoute takes at most 16");
    }

    void httpRoute()
    {
        expectIssue();
        QFETCH(QByteArray, yaml);
        QFETCH(bool, isError);
        const RenderResult r = render(parsePlan(yaml), revisions());
        if (!isError && !QTest::currentTestFailed())
            QCOMPARE(r.objects.last().role, RenderedObject::Role::HTTPRoute);
    }

    void validate() { expectIssue(); }

    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("weight is a string")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 50) +
                                           target("example-app-v2", "testsvc", 80, 50)))
                   .replace("weight: 50}\n          - {revisionName: example-app-v2",
                            "weight: \"50\"}\n          - {revisionName: example-app-v2")
            << QStringLiteral("spec.traffic.http[0].weightedTargets[0].weight: must be an integer");
        QTest::newRow("fractional replicas")
            << plan(QByteArray(kRevisions11)
                        .replace("replicas: 1\n    - revisionName: example-app-v2",
                                 "replicas: 1.5\n    - revisionName: example-app-v2"))
            << QStringLiteral(
                   "spec.appRevisions[0].placement[0].distribution.replicas: must be an integer");
        QTest::newRow("hosts is not a list")
            << plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 100),
                                           "    hosts: a.example.com\n"))
            << QStringLiteral("spec.traffic.hosts: must be a list of strings");
        QTest::newRow("wrong kind")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
            << QStringLiteral("kind: expected AppDeployment, got ConfigMap");
        QTest::newRow("no spec")
            << QByteArray(
                   "apiVersion: core.oam.dev/v1beta1\nkind: AppDeployment\nmetadata: {name: x}\n")
            << QStringLiteral("spec: required");
    }

    void parseErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, message);
        auto docs = kube::parseYamlDocuments(yaml, QStringLiteral("plan"));
        QVERIFY2(docs.ok(), qPrintable(docs.status.toString()));
        auto p = AppDeploymentPlan::fromJson(docs.value.first());
        QVERIFY(!p.ok());
        QCOMPARE(p.status.kind, kube::Status::Kind::Invalid);
        QCOMPARE(p.status.message, message);
    }

    void singleTargetWeightDefaultsTo100()
    {
        QByteArray yaml =
            plan(kRevisions11 + traffic(target("example-app-v1", "testsvc", 8000, 100)));
        yaml.replace(", weight: 100}", "}");
        const AppDeploymentPlan p = parsePlan(yaml);
        QCOMPARE(p.traffic->http.at(0).weightedTargets.at(0).weight, 100);
        QVERIFY(kube::rollout::validate(p, revisions()).isEmpty());
    }

    void ownership_data()
    {
        QTest::addColumn<QByteArray>("refs"); // ownerReferences as YAML flow list
        QTest::addColumn<QString>("uid");     // the AppDeployment's uid ("" = does not exist yet)
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("owner");
        const int none = int(Ownership::State::None),
                  ours = int(Ownership::State::ThisAppDeployment),
                  other = int(Ownership::State::Other);
        QTest::newRow("no owner") << QByteArray("[]") << QStringLiteral("u1") << none
                                  << QStringLiteral("no owner reference");
        QTest::newRow("ours by uid")
            << QByteArray("[{apiVersion: core.oam.dev/v1beta1, kind: AppDeployment, name: ad, uid: "
                          "u1, controller: true}]")
            << QStringLiteral("u1") << ours << QStringLiteral("AppDeployment/ad");
        QTest::newRow("same name, other uid")
            << QByteArray("[{apiVersion: core.oam.dev/v1beta1, kind: AppDeployment, name: ad, uid: "
                          "u0, controller: true}]")
            << QStringLiteral("u1") << other
            << QStringLiteral("AppDeployment/ad (core.oam.dev/v1beta1, an earlier AppDeployment of "
                              "this name, uid u0)");
        QTest::newRow("ours by name before creation")
            << QByteArray("[{apiVersion: core.oam.dev/v1beta1, kind: AppDeployment, name: ad, uid: "
                          "u0, controller: true}]")
            << QString() << ours << QStringLiteral("AppDeployment/ad");
        QTest::newRow("another AppDeployment")
            << QByteArray("[{apiVersion: core.oam.dev/v1beta1, kind: AppDeployment, name: b, uid: "
                          "u2, controller: true}]")
            << QStringLiteral("u1") << other
            << QStringLiteral("AppDeployment/b (core.oam.dev/v1beta1)");
        QTest::newRow("Argo Rollouts")
            << QByteArray("[{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: r, uid: u3, "
                          "controller: true}]")
            << QStringLiteral("u1") << other
            << QStringLiteral("Rollout/r (argoproj.io/v1alpha1, Argo Rollouts)");
        QTest::newRow("Flagger, controller named first")
            << QByteArray("[{apiVersion: v1, kind: ConfigMap, name: c, uid: u5},"
                          " {apiVersion: flagger.app/v1beta1, kind: Canary, name: f, uid: u4, "
                          "controller: true}]")
            << QStringLiteral("u1") << other
            << QStringLiteral("Canary/f (flagger.app/v1beta1, Flagger), ConfigMap/c (v1)");
    }

    void ownership()
    {
        QFETCH(QByteArray, refs);
        QFETCH(QString, uid);
        QFETCH(int, state);
        QFETCH(QString, owner);
        auto docs = kube::parseYamlDocuments(
            "metadata:\n  name: x\n  ownerReferences: " + refs + "\n", QStringLiteral("live"));
        QVERIFY2(docs.ok(), qPrintable(docs.status.toString()));
        const Ownership o = ownershipOf(docs.value.first(), QStringLiteral("ad"), uid);
        QCOMPARE(int(o.state), state);
        QCOMPARE(o.owner, owner);
    }

    void roundTrip()
    {
        const QByteArray yaml =
            plan(kRevisions11 +
                 traffic(target("example-app-v1", "testsvc", 8000, 30) +
                         target("example-app-v2", "testsvc", 80, 70)) +
                 "      - match: [{uri: {prefix: /v2}}]\n        weightedTargets:\n" +
                 target("example-app-v2", "testsvc", 80, 100));
        const AppDeploymentPlan p = parsePlan(yaml);
        auto again = AppDeploymentPlan::fromJson(p.toJson());
        QVERIFY(again.ok());
        QVERIFY(again.value == p);
        QCOMPARE(again.value.traffic->http.at(1)
                     .match.at(0)[QLatin1String("uri")][QLatin1String("prefix")]
                     .toString(),
                 QStringLiteral("/v2"));
        QCOMPARE(p.weightsByRevision().value(QStringLiteral("example-app-v2")), 170);
    }
};

QTEST_GUILESS_MAIN(TestValidate)
#include "tst_validate.moc"
