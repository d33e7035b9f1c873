// Offline parts of issue 8: how routes are read (the monitor's and the apply guard's view),
// retries with backoff, the apply Lease's record, step names, HPA-managed replicas in rendering.

#include "kube/rollout/applier.h"
#include "kube/rollout/applylease.h"
#include "kube/rollout/cluster.h"
#include "kube/rollout/render.h"
#include "kube/rollout/retry.h"
#include "kube/rollout/routingmonitor.h"

#include <QJsonDocument>
#include <QtTest>

using namespace kube::rollout;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

kube::Status httpError(int code)
{
    kube::Status s = kube::Status::error(kube::Status::Kind::Http, QStringLiteral("boom"));
    s.httpCode = code;
    return s;
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeDestinationsAsIstioReadsThem()
    {
        const QJsonObject vs = json(R"J({"spec": {"http": [
            {"route": [{"destination": {"host": "a-svc"}}]},
            {"route": [{"destination": {"host": "b-svc.ns1.svc.cluster.local"}, "weight": 30},
                       {"destination": {"host": "c-svc.ns1"}, "weight": 70},
                       {"destination": {"host": "d-svc"}}]},
            {"route": [{"destination": {"host": "e-svc.other.svc.cluster.local"}, "weight": 100}]}
        ]}})J");
        const QList<RouteDestination> d = routeDestinations(vs, QStringLiteral("ns1"));
        QCOMPARE(d.size(), 5);
        // A lone destination without a weight gets everything.
        QCOMPARE(d[0].rule, 0);
        QCOMPARE(d[0].service, QStringLiteral("a-svc"));
        QCOMPARE(d[0].weight, 100);
        QCOMPARE(d[1].rule, 1);
        QCOMPARE(d[1].service, QStringLiteral("b-svc"));
        QCOMPARE(d[1].weight, 30);
        QCOMPARE(d[2].service, QStringLiteral("c-svc"));
        QCOMPARE(d[2].weight, 70);
        // Among several, a destination without a weight gets nothing.
        QCOMPARE(d[3].service, QStringLiteral("d-svc"));
        QCOMPARE(d[3].weight, 0);
        QCOMPARE(d[4].service, QString());
        QCOMPARE(d[4].otherNamespace, QStringLiteral("other"));
        QVERIFY(routeDestinations(json(R"J({"spec": {}})J"), QStringLiteral("ns1")).isEmpty());
    }

    void selectorMatching()
    {
        const QJsonObject labels = json(R"J({"app": "x", "rev": "v1", "extra": "y"})J");
        QVERIFY(selectorMatches(json(R"J({"app": "x", "rev": "v1"})J"), labels));
        QVERIFY(!selectorMatches(json(R"J({"app": "x", "rev": "v2"})J"), labels));
        QVERIFY(!selectorMatches(json(R"J({"missing": "x"})J"), labels));
        QVERIFY(!selectorMatches(QJsonObject(), labels)); // a Service without selector
    }

    void violationText()
    {
        RoutingViolation v;
        v.virtualService = QStringLiteral("vs");
        v.rule = 0;
        v.host = QStringLiteral("svc");
        v.weight = 50;
        v.problem = QStringLiteral("Service svc has no ready endpoint");
        v.involved = {QStringLiteral("VirtualService/vs@464"), QStringLiteral("Deployment/d@452")};
        v.event = QStringLiteral("MODIFIED Deployment/d@452");
        v.firstState = 7;
        v.lastState = 9;
        v.clearedBy = QStringLiteral("MODIFIED VirtualService/vs@464");
        QCOMPARE(v.toString(),
                 QStringLiteral("VirtualService/vs http[0] -> svc (weight 50): Service svc has no "
                                "ready endpoint\n    began with MODIFIED Deployment/d@452 (state "
                                "7), lasted 3 state(s), cleared by MODIFIED "
                                "VirtualService/vs@464\n    involved: VirtualService/vs@464, "
                                "Deployment/d@452"));
    }

    void retryableErrors()
    {
        using detail::isRetryable;
        QVERIFY(isRetryable(kube::Status::error(kube::Status::Kind::Transport, QString())));
        for (int code : {429, 500, 502, 503, 504})
            QVERIFY2(isRetryable(httpError(code)), qPrintable(QString::number(code)));
        for (int code : {400, 401, 403, 404, 409, 410, 422})
            QVERIFY2(!isRetryable(httpError(code)), qPrintable(QString::number(code)));
        QVERIFY(!isRetryable(kube::Status::error(kube::Status::Kind::Invalid, QString())));
        kube::Status handshake = kube::Status::error(kube::Status::Kind::Tls, QString(), {},
                                                     QStringLiteral("TLSHandshakeFailed"));
        QVERIFY(!isRetryable(handshake));
        QVERIFY(isRetryable(handshake, true));
        kube::Status verify = kube::Status::error(kube::Status::Kind::Tls, QString(), {},
                                                  QStringLiteral("CertificateVerifyFailed"));
        QVERIFY(!isRetryable(verify, true)); // never retried into accepting a certificate
    }

    void backoffGrowsWithJitterAndCap()
    {
        for (int attempt = 0; attempt < 12; ++attempt) {
            const qint64 base = std::min<qint64>(5000, qint64(200) << attempt);
            for (int i = 0; i < 50; ++i) {
                const qint64 d = detail::backoffDelay(attempt).count();
                QVERIFY2(d >= base / 2 && d <= base, qPrintable(QString::number(d)));
            }
        }
    }

    void retryUntilSuccessOrDeadline()
    {
        detail::RetryPolicy policy;
        policy.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        QStringList said;
        policy.onRetry = [&](const QString& m) { said << m; };
        int calls = 0;
        kube::Status st = detail::retry(policy, QStringLiteral("read x"), [&] {
            return ++calls < 3 ? httpError(503) : kube::Status::success();
        });
        QVERIFY(st.ok());
        QCOMPARE(calls, 3);
        QCOMPARE(said.size(), 2);
        QVERIFY2(said.first().startsWith(QLatin1String("read x: boom (HTTP 503); retrying in ")),
                 qPrintable(said.first()));

        // A request's URL is printed as sent: its escapes are not placeholders.
        said.clear();
        calls = 0;
        const QString what = QStringLiteral("list pods?labelSelector=app%2Fname%3Dweb");
        st = detail::retry(policy, what,
                           [&] { return ++calls < 2 ? httpError(503) : kube::Status::success(); });
        QVERIFY(st.ok());
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.first().startsWith(what + QStringLiteral(": boom (HTTP 503); retrying in ")),
                 qPrintable(said.first()));
        QVERIFY2(said.first().endsWith(QLatin1String(" ms (attempt 2)")), qPrintable(said.first()));

        calls = 0;
        st = detail::retry(policy, QStringLiteral("read x"), [&] {
            ++calls;
            return httpError(404);
        });
        QCOMPARE(calls, 1); // not retryable

        policy.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(700);
        calls = 0;
        kube::Result<int> r = detail::retry(policy, QStringLiteral("read y"), [&] {
            ++calls;
            return kube::Result<int>::failure(
                kube::Status::error(kube::Status::Kind::Transport, QStringLiteral("refused")));
        });
        QVERIFY(!r.ok());
        QVERIFY(calls >= 2);
        QVERIFY2(r.status.message.contains(QLatin1String("gave up after")) &&
                     r.status.message.contains(QLatin1String("--timeout reached")),
                 qPrintable(r.status.message));

        // A cancel ends the retries at once.
        policy.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        policy.stop = [] { return true; };
        calls = 0;
        st = detail::retry(policy, QStringLiteral("read z"), [&] {
            ++calls;
            return httpError(503);
        });
        QCOMPARE(calls, 1);
    }

    void leaseRecord()
    {
        const auto info = ApplyLeaseInfo::fromJson(json(R"J({
            "metadata": {"name": "veladesk-apply-x", "namespace": "ns", "resourceVersion": "12",
                         "uid": "u-1"},
            "spec": {"holderIdentity": "alice@laptop (veladesk-gui, pid 7, beef)",
                     "leaseDurationSeconds": 30,
                     "acquireTime": "2026-12-01T10:00:00.000000Z",
                     "renewTime": "2026-12-01T10:05:00.123456Z",
                     "leaseTransitions": 2}})J"));
        QVERIFY(info.has_value());
        QCOMPARE(info->holder, QStringLiteral("alice@laptop (veladesk-gui, pid 7, beef)"));
        QCOMPARE(info->durationSeconds, 30);
        QCOMPARE(info->transitions, 2);
        QCOMPARE(info->resourceVersion, QStringLiteral("12"));
        QCOMPARE(info->describe(), QStringLiteral("alice@laptop (veladesk-gui, pid 7, beef) since "
                                                  "2026-12-01T10:00:00Z"));
        const QDateTime renewed =
            QDateTime::fromString(QStringLiteral("2026-12-01T10:05:00Z"), Qt::ISODate);
        QVERIFY(info->isLive(renewed.addSecs(29)));
        QVERIFY(!info->isLive(renewed.addSecs(31)));
        QCOMPARE(info->expiresAt().toString(Qt::ISODate), QStringLiteral("2026-12-01T10:05:30Z"));
        ApplyLeaseInfo released = *info;
        released.holder.clear();
        QVERIFY(!released.isLive(renewed));
        QVERIFY(!ApplyLeaseInfo::fromJson({}).has_value());
    }

    void applyActivityFromPhaseAndLease()
    {
        const auto lease = ApplyLeaseInfo::fromJson(json(R"J({
            "metadata": {"name": "veladesk-apply-x"},
            "spec": {"holderIdentity": "bob@ci (veladesk-cli, pid 9, 0001)",
                     "leaseDurationSeconds": 30,
                     "acquireTime": "2026-12-01T10:00:00.000000Z",
                     "renewTime": "2026-12-01T10:00:10.000000Z"}})J"));
        const QDateTime renewed =
            QDateTime::fromString(QStringLiteral("2026-12-01T10:00:10Z"), Qt::ISODate);
        const QString rolling = QStringLiteral("Rolling");
        QCOMPARE(applyActivity(rolling, lease, renewed.addSecs(5)), ApplyActivity::InProgress);
        // Same Lease, later: it expired without anyone touching it.
        QCOMPARE(applyActivity(rolling, lease, renewed.addSecs(31)), ApplyActivity::Interrupted);
        QCOMPARE(applyActivity(rolling, std::nullopt, renewed), ApplyActivity::Interrupted);
        QCOMPARE(applyActivity(QStringLiteral("Completed"), std::nullopt, renewed),
                 ApplyActivity::Idle);
        QCOMPARE(applyActivity(QStringLiteral("Failed"), lease, renewed.addSecs(60)),
                 ApplyActivity::Idle);
        QCOMPARE(applyLeaseType().group, QStringLiteral("coordination.k8s.io"));
        QCOMPARE(applyLeaseType().resource, QStringLiteral("leases"));
    }

    void lastCompletedPlanFromTheAnnotation()
    {
        QJsonObject ad = json(R"J({"apiVersion": "core.oam.dev/v1beta1", "kind": "AppDeployment",
            "metadata": {"name": "ad", "namespace": "ns", "annotations": {}},
            "spec": {"appRevisions": [{"revisionName": "app-v2",
                                       "placement": [{"distribution": {"replicas": 2}}]}]},
            "status": {"phase": "Rolling"}})J");
        QVERIFY(!lastCompletedPlan(ad).has_value());
        QJsonObject meta = ad[QLatin1String("metadata")].toObject();
        meta.insert(QStringLiteral("annotations"),
                    QJsonObject{{QStringLiteral("veladesk.io/last-completed-spec"),
                                 QStringLiteral(R"J({"appRevisions": [{"revisionName": "app-v1",
                                     "placement": [{"distribution": {"replicas": 3}}]}]})J")}});
        ad.insert(QStringLiteral("metadata"), meta);
        const auto last = lastCompletedPlan(ad);
        QVERIFY(last.has_value());
        QCOMPARE(last->name, QStringLiteral("ad"));
        QCOMPARE(last->appRevisions.size(), 1);
        QCOMPARE(last->appRevisions.first().revisionName, QStringLiteral("app-v1"));
        QCOMPARE(last->replicasOf(QStringLiteral("app-v1")), 3);
        QVERIFY(last->status.phase.isEmpty());
        meta.insert(QStringLiteral("annotations"),
                    QJsonObject{{QStringLiteral("veladesk.io/last-completed-spec"),
                                 QStringLiteral("not json")}});
        ad.insert(QStringLiteral("metadata"), meta);
        QVERIFY(!lastCompletedPlan(ad).has_value());
    }

    void leaseNamesAndHolders()
    {
        QCOMPARE(applyLeaseName(QStringLiteral("example-appdeploy")),
                 QStringLiteral("veladesk-apply-example-appdeploy"));
        const QString longName(250, QLatin1Char('a'));
        const QString n = applyLeaseName(longName);
        QCOMPARE(n.size(), 253);
        QVERIFY(n != applyLeaseName(longName.left(249) + QLatin1Char('b')));
        const QString h = applyHolderIdentity(QStringLiteral("veladesk-cli"));
        QVERIFY2(h.contains(QLatin1Char('@')) && h.contains(QLatin1String(" (veladesk-cli, pid ")),
                 qPrintable(h));
        // Unique per apply, even for one user and tool on one machine (the random part).
        QSet<QString> ids;
        for (int i = 0; i < 20; ++i)
            ids.insert(applyHolderIdentity(QStringLiteral("veladesk-cli")));
        QVERIFY(ids.size() > 1);
    }

    void stepNames()
    {
        QStringList names;
        for (ApplyStep s : allApplySteps())
            names << applyStepName(s);
        QCOMPARE(names, (QStringList{QStringLiteral("validate"), QStringLiteral("dry-run"),
                                     QStringLiteral("lease"), QStringLiteral("appdeployment"),
                                     QStringLiteral("deployments"), QStringLiteral("readiness"),
                                     QStringLiteral("services"), QStringLiteral("endpoints"),
                                     QStringLiteral("routing"), QStringLiteral("read-back"),
                                     QStringLiteral("scale-down"), QStringLiteral("prune"),
                                     QStringLiteral("status")}));
        QCOMPARE(names.size(), applyStepCount);
    }

    void hpaManagedReplicasAreNotRendered()
    {
        AppRevision rev;
        rev.name = QStringLiteral("app-v1");
        rev.appName = QStringLiteral("app");
        auto app = Application::fromJson(json(R"J({"metadata": {"name": "app"}, "spec": {
            "components": [{"name": "web", "type": "webservice",
                            "properties": {"image": "nginx", "port": 80}}]}})J"));
        QVERIFY2(app.ok(), qPrintable(app.status.toString()));
        rev.application = app.value;
        AppDeploymentPlan plan;
        plan.name = QStringLiteral("ad");
        plan.appRevisions << RevisionPlacement{rev.name, {Placement{3, std::nullopt}}};
        RenderOptions o;
        RenderResult r = render(plan, {rev}, o);
        QVERIFY(r.ok());
        QCOMPARE(r.objects.first().object[QLatin1String("spec")][QLatin1String("replicas")].toInt(),
                 3);
        o.replicasManagedBy.insert(QStringLiteral("web-v1"),
                                   QStringLiteral("HorizontalPodAutoscaler/web"));
        r = render(plan, {rev}, o);
        QVERIFY(r.ok());
        QVERIFY(!r.objects.first().object[QLatin1String("spec")].toObject().contains(
            QLatin1String("replicas")));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
