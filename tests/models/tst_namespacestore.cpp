// NamespaceStore fed with recorded objects through the path its watches use (resetKind for a
// list, applyEvents for a batch): typed values, one parse per changed object, one changed()
// per kind and frame, pods handed on unparsed, Events parsed for the log, rejected objects.

#include "fixtures.h"
#include "models/namespacestore.h"

#include <QSignalSpy>
#include <QTest>

using namespace veladesk;
using Kind = NamespaceStore::Kind;

namespace {
QJsonObject renamed(QJsonObject o, const QString& name)
{
    QJsonObject meta = o[QLatin1String("metadata")].toObject();
    meta[QStringLiteral("name")] = name;
    meta.remove(QStringLiteral("labels"));
    o[QStringLiteral("metadata")] = meta;
    return o;
}
} // namespace

class TestNamespaceStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typedValues()
    {
        NamespaceStore store;
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"),
                       {fixtures::object(QStringLiteral("appdeployment-split.json"))},
                       fixtures::items(QStringLiteral("deployments.json")),
                       {fixtures::object(QStringLiteral("virtualservice-drift.json"))});
        QCOMPARE(store.applications().size(), 2);
        QCOMPARE(store.applications().value(QStringLiteral("example-app")).latestRevision,
                 QStringLiteral("example-app-v2"));
        // revisions are the engine's values: what validate() and render() take
        QCOMPARE(store.revisions().size(), 4);
        const kube::rollout::AppRevision v1 =
            store.revisions().value(QStringLiteral("example-app-v1"));
        QCOMPARE(v1.appName, QStringLiteral("example-app"));
        QCOMPARE(v1.revision, 1);
        QCOMPARE(v1.application.components.first().ports(), QList<int>{8000});
        QCOMPARE(store.revisionsOf(QStringLiteral("example-app")).size(), 3);
        QCOMPARE(store.revisionsOf(QStringLiteral("example-app")).last().name,
                 QStringLiteral("example-app-v3"));
        QCOMPARE(store.revisionList().size(), 4);
        // the AppDeployment is the engine's plan, status included
        const kube::rollout::AppDeploymentPlan* ad =
            store.appDeploymentFor(QStringLiteral("example-app"));
        QVERIFY(ad);
        QCOMPARE(ad->name, QStringLiteral("example-appdeploy"));
        QCOMPARE(ad->status.phase, QStringLiteral("Completed"));
        QVERIFY(!store.appDeploymentFor(QStringLiteral("lonely")));
        const DeploymentInfo d = store.deployments().value(QStringLiteral("testsvc-v1"));
        QCOMPARE(d.revision, QStringLiteral("example-app-v1"));
        QCOMPARE(d.replicas, 3);
        QCOMPARE(d.readyReplicas, 2);
        QCOMPARE(store.deploymentsOf(v1).size(), 1);
        const VirtualServiceInfo* vs = store.virtualService(QStringLiteral("example-appdeploy"));
        QVERIFY(vs);
        QCOMPARE(vs->weightOf(QStringLiteral("example-app-v1")), 40);
        QCOMPARE(vs->weightOf(QStringLiteral("example-app-v2")), 60);
        QCOMPARE(vs->weightOf(QStringLiteral("example-app-v3")), 0);
    }

    // A Deployment made before the revision label is found by the name the engine gives it.
    void unlabelledDeploymentByName()
    {
        NamespaceStore store;
        QList<QJsonObject> deployments;
        for (const QJsonObject& d : fixtures::items(QStringLiteral("deployments.json")))
            if (d[QLatin1String("metadata")][QLatin1String("name")] == QLatin1String("testsvc-v2"))
                deployments << renamed(d, QStringLiteral("testsvc-v2"));
        fixtures::fill(store, {}, QStringLiteral("applicationrevisions.json"), {}, deployments);
        const kube::rollout::AppRevision v2 =
            store.revisions().value(QStringLiteral("example-app-v2"));
        QCOMPARE(store.deployments().value(QStringLiteral("testsvc-v2")).revision, QString());
        QCOMPARE(store.deploymentsOf(v2).size(), 1);
    }

    // Each changed object is parsed once; untouched kinds are not parsed again; a burst of
    // batches makes one changed() per kind, at the end of the frame.
    void parsedOncePerChangeAndCoalesced()
    {
        NamespaceStore store;
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"), {},
                       fixtures::items(QStringLiteral("deployments.json")));
        const int parsedAfterList = store.parseCount();
        QCOMPARE(parsedAfterList, 2 + 4 + 2); // apps, revisions, deployments
        QSignalSpy changed(&store, &NamespaceStore::changed);
        QSignalSpy done(&store, &NamespaceStore::changesDone);
        QJsonObject d = fixtures::items(QStringLiteral("deployments.json")).first();
        for (int replicas = 4; replicas <= 8; ++replicas) {
            QJsonObject spec = d[QLatin1String("spec")].toObject();
            spec[QStringLiteral("replicas")] = replicas;
            d[QStringLiteral("spec")] = spec;
            store.applyEvents(Kind::Deployments, {{kube::WatchEvent::Type::Modified, d}});
        }
        QCOMPARE(store.parseCount() - parsedAfterList, 5); // one per event, nothing else
        QCOMPARE(changed.size(), 0);
        QVERIFY(done.wait(1000));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Kind>(), Kind::Deployments);
        QCOMPARE(store.deployments().value(QStringLiteral("testsvc-v1")).replicas, 8);

        store.applyEvents(Kind::Deployments, {{kube::WatchEvent::Type::Deleted, d}});
        store.flushChanges();
        QVERIFY(!store.deployments().contains(QStringLiteral("testsvc-v1")));
        QCOMPARE(store.parseCount() - parsedAfterList, 5); // a deletion parses nothing
    }

    void rejectedObjectsAreLeftOut()
    {
        NamespaceStore store;
        QSignalSpy rejected(&store, &NamespaceStore::objectRejected);
        QJsonObject bad = fixtures::object(QStringLiteral("appdeployment-split.json"));
        QJsonObject spec = bad[QLatin1String("spec")].toObject();
        spec[QStringLiteral("appRevisions")] = QStringLiteral("not a list");
        bad[QStringLiteral("spec")] = spec;
        store.resetKind(Kind::AppDeployments, {bad});
        QCOMPARE(store.appDeployments().size(), 0);
        QCOMPARE(rejected.size(), 1);
        QVERIFY2(rejected.first().at(1).toString().contains(QLatin1String("appRevisions")),
                 qPrintable(rejected.first().at(1).toString()));
    }

    void podsAndEventsAreHandedOn()
    {
        NamespaceStore store;
        QSignalSpy podsReset(&store, &NamespaceStore::podsReset);
        QSignalSpy podEvents(&store, &NamespaceStore::podEvents);
        QSignalSpy events(&store, &NamespaceStore::kubeEvents);
        store.resetKind(Kind::Pods, fixtures::items(QStringLiteral("pods.json")));
        QCOMPARE(podsReset.size(), 1);
        QCOMPARE(podsReset.first().first().value<QList<QJsonObject>>().size(),
                 fixtures::items(QStringLiteral("pods.json")).size());
        store.applyEvents(Kind::Pods, fixtures::events(QStringLiteral("events-scale-up.json")));
        QCOMPARE(podEvents.size(), 1);
        QCOMPARE(store.parseCount(), 0); // pods are parsed once, by PodsModel

        const QJsonObject event{
            {QStringLiteral("type"), QStringLiteral("Warning")},
            {QStringLiteral("reason"), QStringLiteral("FailedCreate")},
            {QStringLiteral("message"), QStringLiteral("exceeded quota \n")},
            {QStringLiteral("involvedObject"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                         {QStringLiteral("name"), QStringLiteral("testsvc-v2-abc")}}}};
        store.applyEvents(Kind::Events, {{kube::WatchEvent::Type::Added, event},
                                         {kube::WatchEvent::Type::Deleted, event}});
        QCOMPARE(events.size(), 1);
        const QList<KubeEvent> got = events.first().first().value<QList<KubeEvent>>();
        QCOMPARE(got.size(), 1); // the deletion is not news
        QCOMPARE(got.first().type, QStringLiteral("Warning"));
        QCOMPARE(got.first().text(),
                 QStringLiteral("FailedCreate ReplicaSet/testsvc-v2-abc: exceeded quota"));
    }

    // Apply Leases (recorded from a `veladesk apply` killed while it waited for readiness) and
    // HPAs: the AppDeployment's activity from its phase and its Lease, judged with the store's
    // clock; a Lease that expires without any event is noticed by the store's one-second look.
    void applyLeasesAndHpas()
    {
        using kube::rollout::ApplyActivity;
        NamespaceStore store;
        const QJsonObject leaseObject = fixtures::object(QStringLiteral("applylease-cli.json"));
        const auto lease = kube::rollout::ApplyLeaseInfo::fromJson(leaseObject);
        QVERIFY(lease);
        QDateTime now = lease->renewTime.addSecs(5);
        store.setClock([&now] { return now; });
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"),
                       {fixtures::object(QStringLiteral("appdeployment-interrupted.json"))});
        const kube::rollout::AppDeploymentPlan ad =
            store.appDeployments().value(QStringLiteral("example-appdeploy"));
        QCOMPARE(ad.status.phase, QStringLiteral("Rolling"));
        // the Leases have not been listed: nothing is claimed about an apply
        QVERIFY(!store.hasListed(Kind::ApplyLeases));
        QCOMPARE(store.applyActivityOf(ad).activity, ApplyActivity::Idle);

        QSignalSpy changed(&store, &NamespaceStore::changed);
        store.resetKind(Kind::ApplyLeases, {leaseObject});
        store.flushChanges();
        QVERIFY(changed.contains({QVariant::fromValue(Kind::ApplyLeases)}));
        QVERIFY(store.applyLeaseOf(QStringLiteral("example-appdeploy")));
        ApplyActivityInfo a = store.applyActivityOf(ad);
        QCOMPARE(a.activity, ApplyActivity::InProgress);
        QCOMPARE(a.lease->holder, QStringLiteral("root@vm (veladesk-cli, pid 5581, d757)"));
        QCOMPARE(a.holderShort(), QStringLiteral("root@vm (veladesk-cli)"));
        QCOMPARE(a.inProgressText(),
                 QStringLiteral("apply in progress by root@vm (veladesk-cli) since %1")
                     .arg(a.sinceText()));

        // 31 s later the Lease (30 s) has expired: no event, the clock says so
        changed.clear();
        now = lease->renewTime.addSecs(31);
        store.setClock([&now] { return now; });
        store.flushChanges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Kind>(), Kind::ApplyLeases);
        a = store.applyActivityOf(ad);
        QCOMPARE(a.activity, ApplyActivity::Interrupted);
        QVERIFY(a.lease.has_value()); // the expired Lease says who it was

        // the real clock: a Lease renewed 29 s ago with 30 s to live flips within ~2 s, with no
        // event, through the store's one-second look
        store.setClock([] { return QDateTime::currentDateTimeUtc(); });
        QJsonObject fresh = leaseObject;
        QJsonObject spec = fresh[QLatin1String("spec")].toObject();
        spec[QStringLiteral("renewTime")] = QDateTime::currentDateTimeUtc().addSecs(-29).toString(
            QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
        fresh[QStringLiteral("spec")] = spec;
        store.applyEvents(Kind::ApplyLeases, {{kube::WatchEvent::Type::Modified, fresh}});
        store.flushChanges();
        QCOMPARE(store.applyActivityOf(ad).activity, ApplyActivity::InProgress);
        changed.clear();
        QTRY_VERIFY_WITH_TIMEOUT(changed.contains({QVariant::fromValue(Kind::ApplyLeases)}), 3000);
        QCOMPARE(store.applyActivityOf(ad).activity, ApplyActivity::Interrupted);

        // the Lease deleted, phase still Rolling: interrupted; phase Completed: idle
        store.applyEvents(Kind::ApplyLeases, {{kube::WatchEvent::Type::Deleted, leaseObject}});
        store.flushChanges();
        QVERIFY(!store.applyLeaseOf(QStringLiteral("example-appdeploy")));
        QCOMPARE(store.applyActivityOf(ad).activity, ApplyActivity::Interrupted);
        kube::rollout::AppDeploymentPlan completed = ad;
        completed.status.phase = QStringLiteral("Completed");
        QCOMPARE(store.applyActivityOf(completed).activity, ApplyActivity::Idle);

        // HPAs: Deployments they scale, by the engine's rule (a StatefulSet target is not one)
        store.resetKind(Kind::HorizontalPodAutoscalers,
                        fixtures::items(QStringLiteral("hpas.json")));
        store.flushChanges();
        QCOMPARE(store.horizontalPodAutoscalers().size(), 2);
        QCOMPARE(store.replicasManagedBy(),
                 (QMap<QString, QString>{{QStringLiteral("testsvc-v2"),
                                          QStringLiteral("HorizontalPodAutoscaler/testsvc-v2")}}));
    }

    void stopEmpties()
    {
        NamespaceStore store;
        fixtures::fill(store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"));
        QSignalSpy changed(&store, &NamespaceStore::changed);
        store.stop();
        store.flushChanges();
        QVERIFY(store.applications().isEmpty());
        QVERIFY(store.revisions().isEmpty());
        QVERIFY(store.revisionList().isEmpty());
        QVERIFY(changed.size() >= 2);
    }
};

QTEST_MAIN(TestNamespaceStore)
#include "tst_namespacestore.moc"
