// RolloutController offline, observed with QSignalSpy: edit -> issues -> preview -> apply ->
// report. The store is filled with recorded objects; the "cluster" is a client whose server
// refuses connections (127.0.0.1 port 1, where nothing listens), so the server's dry-run and
// the apply fail as they would against an unreachable cluster, with their real messages.

#include "fixtures.h"
#include "kube/rollout/counters.h"
#include "models/namespacestore.h"
#include "models/rolloutcontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace veladesk;
using Kind = NamespaceStore::Kind;

class TestRolloutController : public QObject
{
    Q_OBJECT
    NamespaceStore* store = nullptr;
    RolloutController* controller = nullptr;

    void connectToRefusingServer()
    {
        kube::ClusterConnection c;
        c.contextName = QStringLiteral("offline");
        c.namespaceName = QStringLiteral("default");
        c.cluster.server = QStringLiteral("http://127.0.0.1:1"); // tcpmux: nothing listens
        auto client = kube::Client::create(c);
        QVERIFY2(client.ok(), qPrintable(client.status.toString()));
        controller->setConnection(client.value, QStringLiteral("offline"),
                                  QStringLiteral("default"));
    }

private Q_SLOTS:
    void init()
    {
        store = new NamespaceStore(this);
        controller = new RolloutController(this);
        new QAbstractItemModelTester(controller->planModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     controller);
        fixtures::fill(*store, QStringLiteral("applications.json"),
                       QStringLiteral("applicationrevisions.json"),
                       {fixtures::object(QStringLiteral("appdeployment-split.json"))},
                       fixtures::items(QStringLiteral("deployments.json")));
        controller->setStore(store);
    }
    void cleanup()
    {
        delete controller;
        delete store;
    }

    void selectLoadsThePlanFromTheStore()
    {
        QSignalSpy phase(controller, &RolloutController::phaseChanged);
        controller->selectApplication(QStringLiteral("example-app"));
        RolloutPlanModel* plan = controller->planModel();
        QCOMPARE(plan->appDeploymentName(), QStringLiteral("example-appdeploy"));
        QCOMPARE(plan->rowCount(), 2);
        QVERIFY(!plan->isNewPlan());
        QVERIFY(controller->problems().isEmpty());
        QCOMPARE(phase.size(), 1);
        QCOMPARE(phase.first().first().toString(), QStringLiteral("Completed"));
        QVERIFY(!controller->canPreview()); // offline
        QVERIFY(!controller->canApply());
        controller->selectApplication(QStringLiteral("lonely")); // no AppDeployment: a new plan
        QVERIFY(plan->isNewPlan());
        QCOMPARE(plan->appDeploymentName(), QStringLiteral("lonely-deploy"));
    }

    // edit -> issues: each slider step validates once, announces problems and canApply only
    // when they change, and converts nothing to JSON.
    void editsAndIssues()
    {
        connectToRefusingServer();
        controller->selectApplication(QStringLiteral("example-app"));
        QVERIFY(controller->canApply());
        QSignalSpy state(controller, &RolloutController::stateChanged);
        QSignalSpy problems(controller, &RolloutController::problemsChanged);
        QSignalSpy modified(controller, &RolloutController::modifiedChanged);
        RolloutPlanModel* plan = controller->planModel();

        const int validations = kube::rollout::counters::validateCalls;
        const int toJson = kube::rollout::counters::planToJsonCalls;
        const int fromJson = kube::rollout::counters::planFromJsonCalls;
        for (int w = 49; w >= 40; --w)
            plan->setWeight(0, w);
        QCOMPARE(kube::rollout::counters::validateCalls - validations, 10);
        QCOMPARE(kube::rollout::counters::planToJsonCalls - toJson, 0);
        QCOMPARE(kube::rollout::counters::planFromJsonCalls - fromJson, 0);
        QCOMPARE(problems.size(), 0);
        QCOMPARE(state.size(), 0);
        QCOMPARE(modified.size(), 1);
        QVERIFY(controller->isModified());

        plan->setReplicas(1, 0); // v2 keeps 60% of http[0] and 100% of the /v2 rule
        QCOMPARE(problems.size(), 1);
        QCOMPARE(state.size(), 1);
        QVERIFY(!controller->canApply());
        QVERIFY(controller->canPreview());
        QVERIFY2(controller->problems()
                     .join(QLatin1Char('\n'))
                     .contains(QLatin1String("weight 60 for revision example-app-v2, which has "
                                             "0 replicas")),
                 qPrintable(controller->problems().join(QLatin1Char('\n'))));
        QSignalSpy refused(controller, &RolloutController::applyRefused);
        QVERIFY(!controller->apply());
        QCOMPARE(refused.size(), 1);
        QVERIFY(
            refused.first().first().toString().startsWith(QLatin1String("the plan has problems")));
        plan->setReplicas(1, 1);
        QVERIFY(controller->canApply());
        QCOMPARE(problems.size(), 2);
    }

    // preview: the rendered objects at once, then the dry-run's answer (here: refused), and the
    // preview turns stale on the next edit.
    void previewRendersThenAsksTheServer()
    {
        connectToRefusingServer();
        controller->selectApplication(QStringLiteral("example-app"));
        QSignalSpy rendered(controller, &RolloutController::previewRendered);
        QSignalSpy busy(controller, &RolloutController::previewBusy);
        QSignalSpy failed(controller, &RolloutController::previewFailed);
        QSignalSpy finished(controller, &RolloutController::previewFinished);
        QSignalSpy stale(controller, &RolloutController::previewStaleChanged);
        QVERIFY(controller->preview());
        QCOMPARE(rendered.size(), 1);
        const QList<QJsonObject> objects = rendered.first().first().value<QList<QJsonObject>>();
        // AppDeployment, 2 Deployments, 2 Services (the /v2 rule reuses one), 1 VirtualService
        QCOMPARE(objects.size(), 6);
        QCOMPARE(objects.first().value(QLatin1String("kind")).toString(),
                 QStringLiteral("AppDeployment"));
        QCOMPARE(busy.size(), 1);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(failed.size(), 1);
        qInfo("dry-run: %s", qPrintable(failed.first().first().toString()));
        QVERIFY(failed.first().first().toString().contains(
            QLatin1String("cannot connect to http://127.0.0.1:1")));
        QCOMPARE(stale.size(), 0);
        controller->planModel()->setWeight(0, 30);
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().first().toBool(), true);
        controller->planModel()->setWeight(0, 50); // back to what was previewed
        QCOMPARE(stale.size(), 2);
        QVERIFY(!controller->isPreviewStale());
    }

    // apply -> report: the lifecycle runs to a report even when the cluster cannot be reached.
    void applyReportsFailure()
    {
        connectToRefusingServer();
        controller->selectApplication(QStringLiteral("example-app"));
        controller->planModel()->setWeight(0, 30);
        QSignalSpy started(controller, &RolloutController::applyStarted);
        QSignalSpy steps(controller, &RolloutController::stepFinished);
        QSignalSpy finished(controller, &RolloutController::applyFinished);
        QSignalSpy state(controller, &RolloutController::stateChanged);
        QVERIFY(controller->apply());
        QCOMPARE(started.size(), 1);
        QVERIFY(started.first().first().toString().contains(QLatin1String("example-appdeploy")));
        QVERIFY(controller->isApplying());
        QCOMPARE(controller->applyState(), RolloutController::ApplyState::Running);
        QVERIFY(!controller->canApply());
        QVERIFY(!controller->canPreview());
        QVERIFY(!controller->apply()); // one at a time
        QVERIFY(finished.wait(60000));
        const auto report = finished.first().first().value<kube::rollout::ApplyReport>();
        QVERIFY(!report.ok());
        qInfo("apply report: %s", qPrintable(report.toString()));
        QVERIFY(!steps.isEmpty());
        QVERIFY(!controller->isApplying());
        QCOMPARE(controller->applyState(), RolloutController::ApplyState::Failed);
        QVERIFY(report.status.toString().contains(
            QLatin1String("cannot connect to http://127.0.0.1:1")));
        QCOMPARE(controller->lastReport().status.toString(), report.status.toString());
        QVERIFY(controller->canApply());
        QVERIFY(state.size() >= 2);
        // a failed apply keeps the edits
        QVERIFY(controller->isModified());
        QCOMPARE(controller->planModel()->row(0).weight, 30);
    }

    // The watch delivers a change of the AppDeployment: reloaded while unedited, announced
    // (and not loaded) while edited; Revert then loads it.
    void serverChanges()
    {
        // the server's AppDeployment with `replicas` for its first revision
        auto serverEdit = [this](int replicas) {
            kube::rollout::AppDeploymentPlan ad =
                fixtures::plan(QStringLiteral("appdeployment-split.json"));
            ad.appRevisions[0].placement = {kube::rollout::Placement{replicas, std::nullopt}};
            QJsonObject object = ad.toJson();
            object[QStringLiteral("status")] = ad.status.toJson();
            store->applyEvents(Kind::AppDeployments, {{kube::WatchEvent::Type::Modified, object}});
            store->flushChanges();
        };
        controller->selectApplication(QStringLiteral("example-app"));
        RolloutPlanModel* plan = controller->planModel();
        serverEdit(5);
        QCOMPARE(plan->row(0).replicas, 5);
        QVERIFY(!controller->isModified());

        plan->setReplicas(0, 7);
        QSignalSpy serverChanged(controller, &RolloutController::serverPlanChanged);
        serverEdit(6);
        QCOMPARE(serverChanged.size(), 1);
        QCOMPARE(plan->row(0).replicas, 7); // the edit stays
        controller->revert();
        QCOMPARE(plan->row(0).replicas, 6);
        QVERIFY(!controller->isModified());
    }

    // Live objects reach the rows' drift through the store, without touching the plan.
    void driftFromTheStore()
    {
        controller->selectApplication(QStringLiteral("example-app"));
        RolloutPlanModel* plan = controller->planModel();
        QCOMPARE(plan->rowDrift(1), QStringLiteral("no live VirtualService"));
        const int validations = plan->validationCount();
        store->applyEvents(Kind::VirtualServices,
                           {{kube::WatchEvent::Type::Added,
                             fixtures::object(QStringLiteral("virtualservice-drift.json"))}});
        store->flushChanges();
        QCOMPARE(plan->rowDrift(1), QStringLiteral("live weight 60% (spec 50%)"));
        QVERIFY(plan->hasDrift());
        QCOMPARE(plan->validationCount(), validations); // drift is not validation
    }

    // Issue 8: another apply holds the AppDeployment's Lease (recorded from a `veladesk apply`
    // killed while it waited for readiness): LockedByOther, Apply disabled and refused naming the
    // holder; the Lease expires without any event: Interrupted, with both ways out.
    void applyHeldByAnother()
    {
        using State = RolloutController::ApplyState;
        connectToRefusingServer();
        const QJsonObject leaseObject = fixtures::object(QStringLiteral("applylease-cli.json"));
        const QDateTime renewed = kube::rollout::ApplyLeaseInfo::fromJson(leaseObject)->renewTime;
        QDateTime now = renewed.addSecs(3);
        store->setClock([&now] { return now; });
        store->resetKind(Kind::AppDeployments,
                         {fixtures::object(QStringLiteral("appdeployment-interrupted.json"))});
        store->resetKind(Kind::ApplyLeases, {leaseObject});
        store->flushChanges();
        controller->selectApplication(QStringLiteral("example-app"));
        QCOMPARE(controller->applyState(), State::LockedByOther);
        QVERIFY(controller->canPreview());
        QVERIFY(!controller->canApply());
        QVERIFY(!controller->canReapply());
        QCOMPARE(controller->heldBy()->holder,
                 QStringLiteral("root@vm (veladesk-cli, pid 5581, d757)"));
        QVERIFY2(controller->applyBlockedReason().startsWith(
                     QLatin1String("apply in progress by root@vm (veladesk-cli) since ")),
                 qPrintable(controller->applyBlockedReason()));
        QVERIFY2(controller->applyNotice().contains(
                     QLatin1String("root@vm (veladesk-cli, pid 5581, d757)")),
                 qPrintable(controller->applyNotice()));
        QSignalSpy refused(controller, &RolloutController::applyRefused);
        QVERIFY(!controller->apply());
        QCOMPARE(refused.size(), 1);
        const QString why = refused.first().first().toString();
        QVERIFY2(why.startsWith(controller->applyBlockedReason()) &&
                     why.contains(QLatin1String("nothing was changed")),
                 qPrintable(why));

        // 31 s later: expired, and the phase is still Rolling
        QSignalSpy state(controller, &RolloutController::stateChanged);
        now = renewed.addSecs(31);
        store->setClock([&now] { return now; });
        store->flushChanges();
        QVERIFY(!state.isEmpty());
        QCOMPARE(controller->applyState(), State::Interrupted);
        QVERIFY(!controller->heldBy());
        QVERIFY(controller->applyBlockedReason().isEmpty());
        QVERIFY(controller->canApply());
        QVERIFY(controller->canReapply());
        QVERIFY(controller->canRevertToLastCompleted());
        QVERIFY2(controller->applyNotice().contains(QLatin1String("expired at")),
                 qPrintable(controller->applyNotice()));
        const auto last = controller->lastCompletedPlan();
        QVERIFY(last);
        QCOMPARE(last->weightsByRevision(),
                 (QMap<QString, int>{{QStringLiteral("example-app-v1"), 50},
                                     {QStringLiteral("example-app-v2"), 50}}));
    }

    // The ways out of an interrupted apply go through the normal preview (and then Apply):
    // Revert puts the last completed plan in the editor as an edit of the AppDeployment's spec,
    // Re-apply puts the spec back.
    void interruptedWaysOut()
    {
        connectToRefusingServer();
        store->resetKind(Kind::AppDeployments,
                         {fixtures::object(QStringLiteral("appdeployment-interrupted.json"))});
        store->resetKind(Kind::ApplyLeases, {}); // the killed apply's Lease is gone
        store->flushChanges();
        controller->selectApplication(QStringLiteral("example-app"));
        QCOMPARE(controller->applyState(), RolloutController::ApplyState::Interrupted);
        RolloutPlanModel* plan = controller->planModel();
        QCOMPARE(plan->row(0).weight, 10);
        QCOMPARE(plan->row(1).weight, 90);
        QCOMPARE(plan->row(1).replicas, 3);
        QVERIFY(!controller->isModified());

        QSignalSpy rendered(controller, &RolloutController::previewRendered);
        QSignalSpy finished(controller, &RolloutController::previewFinished);
        QVERIFY(controller->revertToLastCompleted());
        QCOMPARE(plan->row(0).weight, 50);
        QCOMPARE(plan->row(1).weight, 50);
        QCOMPARE(plan->row(1).replicas, 1);
        QCOMPARE(plan->row(1).specReplicas.value_or(-1), 3); // the rows say what changes back
        QVERIFY(controller->isModified());
        QCOMPARE(rendered.size(), 1);
        QVERIFY(finished.wait(30000)); // the server's dry-run (refused here)
        QCOMPARE(controller->applyState(), RolloutController::ApplyState::Interrupted);
        QVERIFY(controller->canApply()); // Apply is the next step

        QVERIFY(controller->reapplyInterrupted());
        QCOMPARE(plan->row(0).weight, 10);
        QCOMPARE(plan->row(1).replicas, 3);
        QVERIFY(!controller->isModified());
        QCOMPARE(rendered.size(), 2);
        QVERIFY(finished.wait(30000));
    }

    void interruptedWithoutCompletedPlan()
    {
        connectToRefusingServer();
        // phase Rolling, no annotation: nothing was ever applied to completion
        store->resetKind(Kind::AppDeployments,
                         {fixtures::object(QStringLiteral("appdeployment-v1-only.json"))});
        store->resetKind(Kind::ApplyLeases, {});
        store->flushChanges();
        controller->selectApplication(QStringLiteral("example-app"));
        QCOMPARE(controller->applyState(), RolloutController::ApplyState::Interrupted);
        QVERIFY(controller->canReapply());
        QVERIFY(!controller->canRevertToLastCompleted());
        QVERIFY(!controller->revertToLastCompleted());
        QVERIFY(controller->applyNotice().contains(QLatin1String("no completed plan is recorded")));
    }

    // This window's own apply holds the Lease under its own holder identity: not "another
    // apply", neither while it runs nor while the watches catch up after it ended. A Lease of
    // ours that stays live after that (its release failed) blocks like any other: the engine
    // would refuse the next apply.
    void ownLeaseIsNotAnotherApply()
    {
        using State = RolloutController::ApplyState;
        connectToRefusingServer();
        store->resetKind(Kind::ApplyLeases, {});
        store->flushChanges();
        controller->selectApplication(QStringLiteral("example-app"));
        QSignalSpy finished(controller, &RolloutController::applyFinished);
        QVERIFY(controller->apply());
        const QString holder = controller->ownHolder();
        QVERIFY2(holder.contains(QLatin1String(" (veladesk-gui, pid ")), qPrintable(holder));
        QJsonObject lease = fixtures::object(QStringLiteral("applylease-cli.json"));
        QJsonObject spec = lease[QLatin1String("spec")].toObject();
        spec[QStringLiteral("holderIdentity")] = holder;
        spec[QStringLiteral("renewTime")] =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
        lease[QStringLiteral("spec")] = spec;
        store->applyEvents(Kind::ApplyLeases, {{kube::WatchEvent::Type::Added, lease}});
        store->flushChanges();
        QCOMPARE(controller->applyState(), State::Running);
        QVERIFY(finished.wait(60000));
        QCOMPARE(controller->applyState(), State::Failed);
        QVERIFY(controller->canApply());
        QTRY_COMPARE_WITH_TIMEOUT(controller->applyState(), State::LockedByOther, 8000);
        QVERIFY(controller->applyBlockedReason().contains(QLatin1String("(veladesk-gui)")));
    }

    // A Deployment an HPA scales: its row says so, its replicas are not editable, and the
    // HPA's replica count is not drift.
    void hpaManagedReplicas()
    {
        controller->selectApplication(QStringLiteral("example-app"));
        QList<QJsonObject> deployments = fixtures::items(QStringLiteral("deployments.json"));
        QJsonObject v2 = deployments[1];
        QJsonObject spec = v2[QLatin1String("spec")].toObject();
        spec[QStringLiteral("replicas")] = 4; // the HPA scaled it
        v2[QStringLiteral("spec")] = spec;
        store->applyEvents(Kind::Deployments, {{kube::WatchEvent::Type::Modified, v2}});
        store->flushChanges();
        RolloutPlanModel* plan = controller->planModel();
        QVERIFY(plan->rowDrift(1).contains(QLatin1String("live replicas 4 (spec 1)")));
        store->resetKind(Kind::HorizontalPodAutoscalers,
                         fixtures::items(QStringLiteral("hpas.json")));
        store->flushChanges();
        QCOMPARE(plan->row(1).revisionName, QStringLiteral("example-app-v2"));
        QVERIFY(plan->row(1).replicasManagedByHpa);
        QVERIFY(!plan->row(0).replicasManagedByHpa);
        QCOMPARE(plan->index(1, RolloutPlanModel::Replicas)
                     .data(RolloutPlanModel::ReplicasManagedByRole)
                     .toString(),
                 QStringLiteral("replicas managed by HPA/testsvc-v2"));
        QVERIFY(!(plan->flags(plan->index(1, RolloutPlanModel::Replicas)) & Qt::ItemIsEditable));
        QVERIFY(plan->flags(plan->index(0, RolloutPlanModel::Replicas)) & Qt::ItemIsEditable);
        QVERIFY2(!plan->rowDrift(1).contains(QLatin1String("replicas")),
                 qPrintable(plan->rowDrift(1)));
        QCOMPARE(fixtures::shownText(
                     plan->index(1, RolloutPlanModel::Replicas).data(Qt::ToolTipRole).toString()),
                 QStringLiteral("replicas managed by HPA/testsvc-v2"));
    }

    void crdMissingBlocksApply()
    {
        connectToRefusingServer();
        controller->selectApplication(QStringLiteral("example-app"));
        QVERIFY(controller->canApply());
        controller->setAppDeploymentCrdMissing(true);
        QVERIFY(!controller->canApply());
        QVERIFY(controller->problems()
                    .join(QLatin1Char('\n'))
                    .contains(QLatin1String("veladesk setup")));
        controller->setAppDeploymentCrdMissing(false);
        QVERIFY(controller->canApply());
    }
};

QTEST_MAIN(TestRolloutController)
#include "tst_rolloutcontroller.moc"
