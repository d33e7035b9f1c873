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
