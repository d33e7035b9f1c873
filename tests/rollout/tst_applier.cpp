// The engine as the GUI drives it: Applier on a worker thread with queued signals, dry-run,
// cancellation while waiting for readiness, and diffPlanAsync. Against the local control
// plane (label `integration`), through the library (not the command line).

#include "kube/client.h"
#include "kube/rollout/applier.h"
#include "kube/rollout/cluster.h"
#include "kube/verbosity.h"
#include "kube/yamljson.h"
#include "transitionplans.h"

#include <QMutex>
#include <QSignalSpy>
#include <QtTest>

using namespace kube::rollout;

namespace {

const QString kNs = QStringLiteral("rollout-applier-it");

QJsonObject reference(const char* name)
{
    auto docs = kube::parseYamlFile(qEnvironmentVariable("VELADESK_REFERENCE_DIR") +
                                    QLatin1Char('/') + QLatin1String(name));
    if (!docs.ok() || docs.value.isEmpty())
        qFatal("cannot read %s", name);
    return docs.value.first();
}

AppDeploymentPlan plan(const char* name)
{
    auto p = AppDeploymentPlan::fromJson(reference(name));
    if (!p.ok())
        qFatal("bad plan %s", name);
    p.value.namespaceName = kNs;
    return p.value;
}

template <typename T> T wait(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

// A JSON merge patch by another field manager ("by-hand"), as a user with kubectl would write it.
kube::Status patchByHand(kube::Client& client, const kube::ResourceType& type, const QString& name,
                         const QByteArray& body)
{
    kube::Request req;
    req.method = "PATCH";
    req.path = type.objectPath(kNs, name);
    req.contentType = "application/merge-patch+json";
    req.body = body;
    req.query.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("by-hand"));
    return wait(client.send(req)).status;
}

// The round trips of the engine, as `veladesk -v 6` prints them.
QMutex g_traceMutex;
QList<QByteArray> g_trace;
void captureTrace(const QByteArray& line)
{
    QMutexLocker lock(&g_traceMutex);
    g_trace << line;
}
struct TraceCapture
{
    TraceCapture()
    {
        QMutexLocker lock(&g_traceMutex);
        g_trace.clear();
        kube::setTraceSink(captureTrace);
        kube::setVerbosity(6);
    }
    ~TraceCapture()
    {
        kube::setVerbosity(0);
        kube::setTraceSink(nullptr);
    }
    // The lists of `resource` by the AppDeployment's label: without a resourceVersion (a
    // consistent read) and with resourceVersionMatch=NotOlderThan.
    QPair<int, int> labelLists(const char* resource) const
    {
        QMutexLocker lock(&g_traceMutex);
        const QByteArray list = QByteArray("/namespaces/") + kNs.toUtf8() + '/' + resource +
                                "?labelSelector=app.oam.dev%2FappDeployment%3Dexample-appdeploy";
        int consistent = 0, notOlder = 0;
        for (const QByteArray& l : g_trace)
            if (l.contains(list)) {
                if (l.contains("resourceVersionMatch=NotOlderThan"))
                    ++notOlder;
                else if (!l.contains("resourceVersion="))
                    ++consistent;
            }
        return {consistent, notOlder};
    }
};

} // namespace

class TestApplier : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> m_client;

    // Patches the object by hand (patchByHand) when step `at` starts, on the apply's thread (the
    // apply waits for the patch); the patch's status, "not run" until then.
    std::shared_ptr<kube::Status> patchWhenStepStarts(Applier& applier, ApplyStep at,
                                                      const kube::ResourceType& type,
                                                      const QString& name, const QByteArray& body)
    {
        auto status = std::make_shared<kube::Status>(
            kube::Status::error(kube::Status::Kind::Invalid, QStringLiteral("not run")));
        connect(
            &applier, &Applier::stepStarted, this,
            [this, at, type, name, body, status](ApplyStep s, const QString&) {
                if (s == at)
                    *status = patchByHand(*m_client, type, name, body);
            },
            Qt::DirectConnection);
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto c = transitions::connectTestCluster();
        QVERIFY2(c.ok(), qPrintable(c.status.toString()));
        m_client = c.value;
        wait(m_client->remove(kube::ResourceType::namespaces(), {}, kNs));
        // A namespace being deleted cannot be recreated until it is gone.
        QTRY_VERIFY_WITH_TIMEOUT(
            wait(m_client->get(kube::ResourceType::namespaces(), {}, kNs)).status.isNotFound(),
            60000);
        auto created = wait(m_client->create(kube::ResourceType::namespaces(), {},
                                             transitions::namespaceObject(kNs)));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        auto setup = setupCluster(*m_client);
        QVERIFY2(setup.ok(), qPrintable(setup.status.toString()));
        for (const char* f : {"01-application-v1.yaml", "02-application-v2.yaml"}) {
            auto r = applyApplication(*m_client, reference(f), kNs, KubeVelaMode::Absent);
            QVERIFY2(r.ok(), qPrintable(r.status.toString()));
            QVERIFY(r.value.recorded);
        }
        auto revs = listRevisions(*m_client, kNs, QStringLiteral("example-app"));
        QVERIFY(revs.ok());
        QCOMPARE(revs.value.size(), 2);
        QCOMPARE(revs.value.at(1).name, QStringLiteral("example-app-v2"));
    }

    void dryRunChangesNothing()
    {
        ApplyOptions o;
        o.dryRun = true;
        Applier applier(m_client, plan("05-appdeployment-split.yaml"), o);
        const ApplyReport r = applier.run();
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(r.steps.size(), applyStepCount);
        QCOMPARE(r.steps.at(int(ApplyStep::DryRun)).state, StepResult::State::Done);
        for (int i = int(ApplyStep::AppDeployment); i < applyStepCount; ++i)
            QCOMPARE(r.steps.at(i).state, StepResult::State::Skipped);
        QCOMPARE(r.dryRunDiffs.size(), 6); // the AppDeployment and the 5 objects
        for (const ObjectDiff& d : r.dryRunDiffs)
            QCOMPARE(d.change, ObjectDiff::Change::Create);
        QVERIFY(wait(m_client->get(kube::ResourceType::appDeployments(), kNs,
                                   QStringLiteral("example-appdeploy")))
                    .status.isNotFound());
        QVERIFY(wait(m_client->get(kube::ResourceType::deployments(), kNs,
                                   QStringLiteral("testsvc-v1")))
                    .status.isNotFound());
    }

    void asyncStepsInOrder()
    {
        Applier applier(m_client, plan("05-appdeployment-split.yaml"));
        QStringList events;
        connect(&applier, &Applier::stepStarted, this, [&](ApplyStep s, const QString&) {
            QCOMPARE(QThread::currentThread(), thread()); // queued to the Applier's thread
            events << QStringLiteral("start ") + applyStepName(s);
        });
        connect(&applier, &Applier::stepFinished, this, [&](const StepResult& r) {
            events << QStringLiteral("%1 %2").arg(stepStateName(r.state), applyStepName(r.step));
        });
        QSignalSpy finished(&applier, &Applier::finished);
        applier.start();
        QVERIFY(applier.isRunning() || finished.size() == 1);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.size(), 1);
        const ApplyReport r = finished.first().first().value<ApplyReport>();
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(events,
                 (QStringList{
                     QStringLiteral("start validate"),      QStringLiteral("done validate"),
                     QStringLiteral("start dry-run"),       QStringLiteral("done dry-run"),
                     QStringLiteral("start lease"),         QStringLiteral("done lease"),
                     QStringLiteral("start appdeployment"), QStringLiteral("done appdeployment"),
                     QStringLiteral("start deployments"),   QStringLiteral("done deployments"),
                     QStringLiteral("start readiness"),     QStringLiteral("done readiness"),
                     QStringLiteral("start services"),      QStringLiteral("done services"),
                     QStringLiteral("start endpoints"),     QStringLiteral("done endpoints"),
                     QStringLiteral("start routing"),       QStringLiteral("done routing"),
                     QStringLiteral("start read-back"),     QStringLiteral("done read-back"),
                     QStringLiteral("start scale-down"),    QStringLiteral("skipped scale-down"),
                     QStringLiteral("start prune"),         QStringLiteral("skipped prune"),
                     QStringLiteral("start status"),        QStringLiteral("done status")}));
        QVERIFY(!applier.isRunning());
        QCOMPARE(applier.report().steps.at(int(ApplyStep::Status)).state, StepResult::State::Done);

        auto state = readAppDeploymentState(*m_client, kNs, QStringLiteral("example-appdeploy"));
        QVERIFY2(state.ok(), qPrintable(state.status.toString()));
        QCOMPARE(state.value.plan.status.phase, QStringLiteral("Completed"));
        QCOMPARE(state.value.plan.status.placement.size(), 2);
        QCOMPARE(state.value.plan.status.placement.at(0).clusters.at(0).replicas, 1);
        QCOMPARE(state.value.revisions.size(), 2);
        QCOMPARE(state.value.revisions.at(0).weight, 50);
    }

    void diffAsyncAfterApplyIsUnchanged()
    {
        auto f = diffPlanAsync(m_client, plan("05-appdeployment-split.yaml"), kNs);
        f.waitForFinished();
        const auto d = f.result();
        QVERIFY2(d.ok(), qPrintable(d.status.toString()));
        QCOMPARE(d.value.objects.size(), 6); // AppDeployment + 2 Deployments + 2 Services + VS
        for (const ObjectDiff& o : d.value.objects)
            QVERIFY2(o.change == ObjectDiff::Change::Unchanged,
                     qPrintable(o.displayName() + QLatin1Char('\n') + o.unifiedDiff));
        // The v1-only plan: v1 scaled to 2 and the v2 objects and the VirtualService deleted.
        auto f2 = diffPlanAsync(m_client, plan("03-appdeployment-v1-only.yaml"), kNs);
        f2.waitForFinished();
        QStringList changes;
        for (const ObjectDiff& o : f2.result().value.objects)
            if (o.change != ObjectDiff::Change::Unchanged)
                changes << o.displayName() + QLatin1Char(':') + QString::number(int(o.change));
        changes.sort();
        QCOMPARE(changes, (QStringList{QStringLiteral("AppDeployment/example-appdeploy:1"),
                                       QStringLiteral("Deployment/testsvc-v1:1"),
                                       QStringLiteral("Deployment/testsvc-v2:3"),
                                       QStringLiteral("Service/example-app-v1-testsvc-8000:3"),
                                       QStringLiteral("Service/example-app-v2-testsvc-80:3"),
                                       QStringLiteral("VirtualService/example-appdeploy:3")}));
    }

    // Issue 11: the Deployments step does not apply a Deployment the dry-run found exactly as
    // planned, but only while the read under the Lease still has the resourceVersion Validate
    // read. Here testsvc-v2 is scaled to 0 by hand after the dry-run (when the Lease step
    // starts): the apply must still raise it back to its planned replica.
    void deploymentChangedAfterTheDryRunIsApplied()
    {
        AppDeploymentPlan p = plan("05-appdeployment-split.yaml");
        QVERIFY(p.traffic && p.traffic->http.size() == 1 &&
                p.traffic->http[0].weightedTargets.size() == 2);
        p.traffic->http[0].weightedTargets[0].weight = 60; // a weight change: 60/40
        p.traffic->http[0].weightedTargets[1].weight = 40;
        Applier applier(m_client, p);
        const auto scaled =
            patchWhenStepStarts(applier, ApplyStep::Lease, kube::ResourceType::deployments(),
                                QStringLiteral("testsvc-v2"), R"({"spec":{"replicas":0}})");
        const ApplyReport r = applier.run();
        QVERIFY2(scaled->ok(), qPrintable(scaled->toString()));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        const QString deployments = r.steps.at(int(ApplyStep::Deployments)).message;
        QVERIFY2(deployments.contains(QLatin1String("1 raised")) &&
                     deployments.contains(QLatin1String("1 unchanged")),
                 qPrintable(deployments)); // v2 raised 0 -> 1, v1 not sent
        auto dep = wait(
            m_client->get(kube::ResourceType::deployments(), kNs, QStringLiteral("testsvc-v2")));
        QVERIFY2(dep.ok(), qPrintable(dep.status.toString()));
        QCOMPARE(dep.value[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 1);
        // Back to the plan the next tests expect.
        const ApplyReport back = Applier(m_client, plan("05-appdeployment-split.yaml")).run();
        QVERIFY2(back.ok(), qPrintable(back.toString()));
    }

    void cancelWhileWaitingForReadiness()
    {
        // The two running pods (v1, v2) fill the quota: a third revision's pod cannot be
        // created, so its Deployment never gets ready.
        const QJsonObject quota{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ResourceQuota")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("two-pods")}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("hard"),
                          QJsonObject{{QStringLiteral("pods"), QStringLiteral("2")}}}}}};
        const kube::ResourceType quotas{QString(), QStringLiteral("v1"),
                                        QStringLiteral("resourcequotas"),
                                        QStringLiteral("ResourceQuota"), true};
        auto q = wait(m_client->create(quotas, kNs, quota));
        QVERIFY2(q.ok(), qPrintable(q.status.toString()));
        auto v3 =
            applyApplication(*m_client, transitions::applicationV3(), kNs, KubeVelaMode::Absent);
        QVERIFY2(v3.ok() && v3.value.revisionName == QLatin1String("example-app-v3"),
                 qPrintable(v3.status.toString()));

        AppDeploymentPlan p = plan("05-appdeployment-split.yaml");
        p.appRevisions[1].revisionName = QStringLiteral("example-app-v3");
        p.traffic->http[0].weightedTargets[1].revisionName = QStringLiteral("example-app-v3");
        ApplyOptions o;
        o.readinessTimeout = std::chrono::seconds(60);
        Applier applier(m_client, p, o);
        QSignalSpy finished(&applier, &Applier::finished);
        bool cancelled = false;
        connect(&applier, &Applier::stepProgress, this, [&](ApplyStep s, const QString& message) {
            if (s == ApplyStep::ReadinessGuard &&
                message.contains(QLatin1String("testsvc-v3: waiting")) && !cancelled) {
                cancelled = true;
                applier.cancel();
            }
        });
        QElapsedTimer t;
        t.start();
        applier.start();
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        QVERIFY2(t.elapsed() < 30000, "cancel was not honoured promptly");
        const ApplyReport r = applier.report();
        QCOMPARE(r.status.kind, kube::Status::Kind::Cancelled);
        QCOMPARE(r.steps.at(int(ApplyStep::ReadinessGuard)).state, StepResult::State::Cancelled);
        QCOMPARE(r.steps.at(int(ApplyStep::Routing)).state, StepResult::State::NotRun);
        // Old routing: still v1/v2.
        auto vs = wait(m_client->get(kube::ResourceType::virtualServices(), kNs,
                                     QStringLiteral("example-appdeploy")));
        QVERIFY(vs.ok());
        QCOMPARE(vs.value[QLatin1String("spec")][QLatin1String("http")][0][QLatin1String("route")]
                         [1][QLatin1String("destination")][QLatin1String("host")]
                             .toString(),
                 QStringLiteral("example-app-v2-testsvc-80"));
        auto ad = wait(m_client->get(kube::ResourceType::appDeployments(), kNs,
                                     QStringLiteral("example-appdeploy")));
        QCOMPARE(ad.value[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Failed"));
        QCOMPARE(ad.value[QLatin1String("status")][QLatin1String("conditions")][0]
                         [QLatin1String("reason")]
                             .toString(),
                 QStringLiteral("Cancelled"));
    }

    void removingTrafficPrunesEverythingRouted()
    {
        const kube::ResourceType quotas{QString(), QStringLiteral("v1"),
                                        QStringLiteral("resourcequotas"),
                                        QStringLiteral("ResourceQuota"), true};
        QVERIFY(wait(m_client->remove(quotas, kNs, QStringLiteral("two-pods"))).ok());
        Applier applier(m_client, plan("03-appdeployment-v1-only.yaml"));
        const ApplyReport r = applier.run();
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        // Routing goes first: the routing step deletes the VirtualService (the plan has no
        // traffic), then the Services and the Deployments are pruned. (v3 never got a Service: the
        // apply that introduced it was cancelled before the Services step.)
        QCOMPARE(r.steps.at(int(ApplyStep::Routing)).state, StepResult::State::Done);
        QCOMPARE(r.steps.at(int(ApplyStep::Routing)).objects,
                 QStringList{QStringLiteral("VirtualService/example-appdeploy")});
        QCOMPARE(r.steps.at(int(ApplyStep::Prune)).state, StepResult::State::Done);
        QCOMPARE(r.steps.at(int(ApplyStep::Prune)).objects,
                 (QStringList{QStringLiteral("Service/example-app-v1-testsvc-8000"),
                              QStringLiteral("Service/example-app-v2-testsvc-80"),
                              QStringLiteral("Deployment/testsvc-v2"),
                              QStringLiteral("Deployment/testsvc-v3")}));
        auto vs = wait(m_client->get(kube::ResourceType::virtualServices(), kNs,
                                     QStringLiteral("example-appdeploy")));
        QVERIFY(vs.status.isNotFound());
        auto deps = wait(m_client->list(kube::ResourceType::deployments(), kNs));
        QVERIFY(deps.ok());
        QCOMPARE(deps.value.items.size(), 1);
        QCOMPARE(deps.value.items.first()[QLatin1String("spec")][QLatin1String("replicas")].toInt(),
                 2);
        auto svcs = wait(m_client->list(kube::ResourceType::services(), kNs));
        QVERIFY(svcs.ok());
        QVERIFY(svcs.value.items.isEmpty());
    }

    // Issue 11: when no other apply wrote between Validate and the Lease, the prune step's lists
    // need be no older than Validate's (resourceVersionMatch=NotOlderThan, answered by the
    // watch cache at once) instead of consistent reads, which wait up to 100 ms for etcd's
    // progress notification when Validate listed the same types a moment before.
    void pruneListsNoOlderThanValidatesWhenNoOtherApplyWrote()
    {
        const ApplyReport split = Applier(m_client, plan("05-appdeployment-split.yaml")).run();
        QVERIFY2(split.ok(), qPrintable(split.toString()));
        AppDeploymentPlan p = plan("05-appdeployment-split.yaml");
        p.traffic->http[0].weightedTargets[0].weight = 60;
        p.traffic->http[0].weightedTargets[1].weight = 40;
        TraceCapture trace;
        const ApplyReport r = Applier(m_client, p).run();
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(r.steps.at(int(ApplyStep::Prune)).state, StepResult::State::Skipped);
        // Validate's list (consistent), then the prune step's.
        QCOMPARE(trace.labelLists("deployments"), qMakePair(1, 1));
        QCOMPARE(trace.labelLists("services"), qMakePair(1, 1));
    }

    // ... but when the AppDeployment changed meanwhile (here by hand, as another apply would
    // write it), the prune step lists with consistent reads.
    void pruneListsConsistentWhenTheAppDeploymentChangedBeforeTheLease()
    {
        Applier applier(m_client, plan("05-appdeployment-split.yaml"));
        const auto patched =
            patchWhenStepStarts(applier, ApplyStep::Lease, kube::ResourceType::appDeployments(),
                                QStringLiteral("example-appdeploy"),
                                R"({"metadata":{"annotations":{"example.com/touched":"yes"}}})");
        TraceCapture trace;
        const ApplyReport r = applier.run();
        QVERIFY2(patched->ok(), qPrintable(patched->toString()));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QCOMPARE(trace.labelLists("deployments"), qMakePair(2, 0));
        QCOMPARE(trace.labelLists("services"), qMakePair(2, 0));
    }

    // The prune step deletes an object only as it judged it (resourceVersion precondition):
    // testsvc-v2, listed as this AppDeployment's, loses its owner reference by hand after the
    // prune step decided to delete it; the delete answers 409, the object is read again, is
    // no longer owned, and is left.
    void objectChangedAfterItWasListedIsJudgedAgain()
    {
        Applier applier(m_client, plan("03-appdeployment-v1-only.yaml"));
        kube::Status disowned =
            kube::Status::error(kube::Status::Kind::Invalid, QStringLiteral("not run"));
        QStringList progress;
        connect(
            &applier, &Applier::stepProgress, this,
            [&](ApplyStep s, const QString& message) {
                if (s != ApplyStep::Prune)
                    return;
                progress << message;
                if (!message.startsWith(QLatin1String("to delete:")))
                    return;
                disowned = patchByHand(*m_client, kube::ResourceType::deployments(),
                                       QStringLiteral("testsvc-v2"),
                                       R"({"metadata":{"ownerReferences":null}})");
            },
            Qt::DirectConnection);
        const ApplyReport r = applier.run();
        QVERIFY2(disowned.ok(), qPrintable(disowned.toString()));
        QVERIFY2(r.ok(), qPrintable(r.toString()));
        QVERIFY2(progress.value(0).contains(QLatin1String("Deployment/testsvc-v2")),
                 qPrintable(progress.join(QLatin1Char('\n'))));
        const QStringList pruned = r.steps.at(int(ApplyStep::Prune)).objects;
        QVERIFY2(pruned.contains(QStringLiteral("Service/example-app-v1-testsvc-8000")) &&
                     pruned.contains(QStringLiteral("Service/example-app-v2-testsvc-80")) &&
                     !pruned.contains(QStringLiteral("Deployment/testsvc-v2")),
                 qPrintable(pruned.join(QLatin1String(", "))));
        QVERIFY2(progress.join(QLatin1Char('\n'))
                     .contains(QLatin1String("Deployment/testsvc-v2: changed since it was listed "
                                             "and no longer owned by this AppDeployment")),
                 qPrintable(progress.join(QLatin1Char('\n'))));
        auto dep = wait(
            m_client->get(kube::ResourceType::deployments(), kNs, QStringLiteral("testsvc-v2")));
        QVERIFY2(dep.ok(), qPrintable(dep.status.toString()));
        QVERIFY(wait(m_client->remove(kube::ResourceType::deployments(), kNs,
                                      QStringLiteral("testsvc-v2")))
                    .ok());
    }

    void cleanupTestCase()
    {
        if (m_client)
            wait(m_client->remove(kube::ResourceType::namespaces(), {}, kNs));
    }
};

QTEST_GUILESS_MAIN(TestApplier)
#include "tst_applier.moc"
