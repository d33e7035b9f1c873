// RolloutPlanModel: loading AppDeployments, slider edits, locks, validation, drift, revert and
// the AppDeployment written back. Runs under QAbstractItemModelTester throughout.

#include "fixtures.h"
#include "kube/rollout/counters.h"
#include "models/rolloutplanmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace veladesk;

namespace {
QList<kube::rollout::AppRevision> exampleRevisions()
{
    return fixtures::revisions();
}

QMap<QString, DeploymentInfo> deployments(const QString& fixture)
{
    QMap<QString, DeploymentInfo> out;
    for (const QJsonObject& o : fixtures::items(fixture)) {
        const DeploymentInfo d = DeploymentInfo::fromJson(o);
        out.insert(d.name, d);
    }
    return out;
}

QList<int> weights(const RolloutPlanModel& m)
{
    QList<int> out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, RolloutPlanModel::Weight).data(Qt::EditRole).toInt();
    return out;
}
} // namespace

class TestRolloutPlanModel : public QObject
{
    Q_OBJECT
    RolloutPlanModel* model = nullptr;
    QAbstractItemModelTester* tester = nullptr;

    void loadFixture(const QString& name)
    {
        const std::optional<kube::rollout::AppDeploymentPlan> plan =
            name.isEmpty() ? std::nullopt : std::optional(fixtures::plan(name));
        model->load(QStringLiteral("example-app"), QStringLiteral("default"),
                    plan ? &*plan : nullptr, exampleRevisions());
    }

private Q_SLOTS:
    void init()
    {
        model = new RolloutPlanModel(this);
        tester = new QAbstractItemModelTester(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest, model);
    }
    void cleanup()
    {
        delete model;
        model = nullptr;
    }

    // Ports come from the engine's reading of the revision: a port written as a string
    // ("8080") is an error of that revision, as `veladesk apply` reports it (the models used to
    // read it their own way and let the apply fail).
    void portsFollowTheEngine()
    {
        QList<kube::rollout::AppRevision> revisions = exampleRevisions();
        QJsonObject v3 = revisions[2].object;
        QJsonObject spec = v3[QLatin1String("spec")].toObject();
        QJsonObject app = spec[QLatin1String("application")].toObject();
        QJsonObject appSpec = app[QLatin1String("spec")].toObject();
        QJsonArray components = appSpec[QLatin1String("components")].toArray();
        QJsonObject c = components[0].toObject();
        QJsonObject props = c[QLatin1String("properties")].toObject();
        props[QStringLiteral("port")] = QStringLiteral("8080");
        c[QStringLiteral("properties")] = props;
        components[0] = c;
        appSpec[QStringLiteral("components")] = components;
        app[QStringLiteral("spec")] = appSpec;
        spec[QStringLiteral("application")] = app;
        v3[QStringLiteral("spec")] = spec;
        auto parsed = kube::rollout::AppRevision::fromJson(v3);
        QVERIFY2(parsed.ok(), qPrintable(parsed.status.toString()));
        revisions[2] = parsed.value;
        const kube::rollout::AppDeploymentPlan plan =
            fixtures::plan(QStringLiteral("appdeployment-split.json"));
        model->load(QStringLiteral("example-app"), QStringLiteral("default"), &plan, revisions);
        QCOMPARE(model->row(0).port, 8000);
        QCOMPARE(model->row(1).port, 80); // the webservice default
        QVERIFY(model->addRevision(QStringLiteral("example-app-v3")));
        QCOMPARE(model->row(2).port, 80);
        const QString problem = model->rowProblem(2);
        QVERIFY2(problem.contains(QLatin1String("port: must be an integer")), qPrintable(problem));
        QVERIFY(model->problems()
                    .join(QLatin1Char('\n'))
                    .contains(QLatin1String("revision example-app-v3, component testsvc: ")));
    }

    // One slider step: one validation, no JSON conversion of the plan (issue 10).
    void sliderStepCost()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        QSignalSpy planChanged(model, &RolloutPlanModel::planChanged);
        const int validations = model->validationCount();
        const int engineValidations = kube::rollout::counters::validateCalls;
        const int toJson = kube::rollout::counters::planToJsonCalls;
        const int fromJson = kube::rollout::counters::planFromJsonCalls;
        for (int step = 1; step <= 10; ++step)
            QVERIFY(model->setData(model->index(0, RolloutPlanModel::Weight), 50 - step));
        QCOMPARE(model->validationCount() - validations, 10);
        QCOMPARE(kube::rollout::counters::validateCalls - engineValidations, 10);
        QCOMPARE(kube::rollout::counters::planToJsonCalls - toJson, 0);
        QCOMPARE(kube::rollout::counters::planFromJsonCalls - fromJson, 0);
        QCOMPARE(planChanged.size(), 10);
        qInfo("10 slider steps: %d validations, %d plan->JSON, %d JSON->plan",
              model->validationCount() - validations,
              int(kube::rollout::counters::planToJsonCalls - toJson),
              int(kube::rollout::counters::planFromJsonCalls - fromJson));
    }

    void loadSplit()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->appDeploymentName(), QStringLiteral("example-appdeploy"));
        QCOMPARE(weights(*model), (QList<int>{50, 50}));
        QCOMPARE(model->row(0).port, 8000);
        QCOMPARE(model->row(1).port, 80);
        QCOMPARE(model->row(0).replicas, 1);
        QCOMPARE(model->hosts(), QStringList{QStringLiteral("example-app.example.com")});
        QCOMPARE(model->gateways(), QStringList{QStringLiteral("example-app-gateway")});
        QVERIFY(model->trafficEnabled());
        QVERIFY2(model->isValid(), qPrintable(model->problems().join(QLatin1Char('\n'))));
        QVERIFY(!model->isModified());
        QCOMPARE(model->addableRevisions(), QStringList{QStringLiteral("example-app-v3")});
    }

    // Moving one weight through setData (what the slider and the percentage field do).
    void sliderEdits_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QList<int>>("locks");   // rows to lock first
        QTest::addColumn<QList<int>>("addRows"); // extra revisions (index into v1..v3) to add first
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("value");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("30/70") << QStringLiteral("appdeployment-split.json") << QList<int>{}
                               << QList<int>{} << 0 << 30 << QList<int>{30, 70};
        QTest::newRow("second slider") << QStringLiteral("appdeployment-split.json") << QList<int>{}
                                       << QList<int>{} << 1 << 100 << QList<int>{0, 100};
        QTest::newRow("three rows, lock")
            << QStringLiteral("appdeployment-split.json") << QList<int>{1} << QList<int>{2} << 2
            << 80 << QList<int>{0, 50, 50};
        QTest::newRow("three rows, free")
            << QStringLiteral("appdeployment-split.json") << QList<int>{} << QList<int>{2} << 2
            << 20 << QList<int>{40, 40, 20};
        QTest::newRow("30/30 normalised")
            << QStringLiteral("appdeployment-failed.json") << QList<int>{} << QList<int>{} << 0
            << 25 << QList<int>{25, 75};
    }
    void sliderEdits()
    {
        QFETCH(QString, fixture);
        QFETCH(QList<int>, locks);
        QFETCH(QList<int>, addRows);
        QFETCH(int, row);
        QFETCH(int, value);
        QFETCH(QList<int>, expected);
        loadFixture(fixture);
        for (int r : addRows)
            QVERIFY(model->addRevision(QStringLiteral("example-app-v%1").arg(r + 1)));
        for (int r : locks)
            QVERIFY(model->setData(model->index(r, RolloutPlanModel::Locked), Qt::Checked,
                                   Qt::CheckStateRole));
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QVERIFY(model->setData(model->index(row, RolloutPlanModel::Weight), value));
        QCOMPARE(weights(*model), expected);
        QCOMPARE(model->totalWeight(), 100);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);
        QVERIFY(model->isModified());
    }

    void lockedRowRefusesEdit()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        QVERIFY(model->setData(model->index(0, RolloutPlanModel::Locked), Qt::Checked,
                               Qt::CheckStateRole));
        QCOMPARE(model->index(0, RolloutPlanModel::Locked).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QVERIFY(!(model->flags(model->index(0, RolloutPlanModel::Weight)) & Qt::ItemIsEditable));
        QVERIFY(!model->setData(model->index(0, RolloutPlanModel::Weight), 10));
        // the other row is the only unlocked one: it cannot move either
        QVERIFY(model->setData(model->index(1, RolloutPlanModel::Weight), 10));
        QCOMPARE(weights(*model), (QList<int>{50, 50}));
    }

    void zeroReplicasWithTrafficIsInvalid()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        QVERIFY(model->setData(model->index(1, RolloutPlanModel::Replicas), 0));
        QVERIFY(!model->isValid());
        const QString problem =
            model->index(1, RolloutPlanModel::State).data(RolloutPlanModel::ProblemRole).toString();
        QVERIFY2(problem.contains(QLatin1String("0 replicas")), qPrintable(problem));
        QCOMPARE(model->index(1, 0).data(RolloutPlanModel::ValidRole).toBool(), false);
        QCOMPARE(model->index(0, 0).data(RolloutPlanModel::ValidRole).toBool(), true);
        // taking its traffic away in the edited rule is not enough: the fixture's second rule
        // (a /v2 match) still sends it 100%, which the engine's one validation catches
        QVERIFY(model->setData(model->index(1, RolloutPlanModel::Weight), 0));
        QCOMPARE(weights(*model), (QList<int>{100, 0}));
        QVERIFY(!model->isValid());
        QCOMPARE(model->problems(),
                 QStringList{QStringLiteral("spec.traffic.http[1].weightedTargets[0].weight: "
                                            "weight 100 for revision example-app-v2, which has 0 "
                                            "replicas")});
        QCOMPARE(model->index(1, 0).data(RolloutPlanModel::ValidRole).toBool(), true);
        QVERIFY(!model->setData(model->index(1, RolloutPlanModel::Replicas), -1));
    }

    void failedFixtureReportsProblems()
    {
        loadFixture(QStringLiteral("appdeployment-failed.json"));
        const QStringList problems = model->problems();
        QVERIFY(!model->isValid());
        QVERIFY2(problems.join(QLatin1Char('\n')).contains(QLatin1String("weights sum to 60")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(problems.join(QLatin1Char('\n'))
                     .contains(QLatin1String("weight 30 for revision example-app-v2, which has "
                                             "0 replicas")),
                 qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void splitEvenlyUnlocks()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        QVERIFY(model->addRevision(QStringLiteral("example-app-v3")));
        model->setLocked(0, true);
        model->splitEvenly();
        QCOMPARE(weights(*model), (QList<int>{34, 33, 33}));
        for (int i = 0; i < 3; ++i)
            QVERIFY(!model->row(i).locked);
    }

    void addAndRemoveRevision()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QVERIFY(model->addRevision(QStringLiteral("example-app-v3")));
        QVERIFY(!model->addRevision(QStringLiteral("example-app-v3"))); // already there
        QVERIFY(!model->addRevision(QStringLiteral("other-v1")));       // not a revision of the app
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model->rowCount(), 3);
        const PlanRow added = model->row(2);
        QCOMPARE(added.componentName, QStringLiteral("testsvc"));
        QCOMPARE(added.port, 8080);
        QCOMPARE(added.weight, 0);
        QCOMPARE(added.replicas, 1);
        QCOMPARE(model->index(2, RolloutPlanModel::State).data().toString(), QStringLiteral("new"));
        model->setWeight(2, 20);
        QCOMPARE(weights(*model), (QList<int>{40, 40, 20}));
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        model->removeRevision(0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(weights(*model), (QList<int>{67, 33}));
        QCOMPARE(model->row(0).revisionName, QStringLiteral("example-app-v2"));
    }

    void newPlan()
    {
        loadFixture(QString());
        QVERIFY(model->isNewPlan());
        QCOMPARE(model->appDeploymentName(), QStringLiteral("example-app-deploy"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->row(0).revisionName, QStringLiteral("example-app-v3"));
        QCOMPARE(model->row(0).weight, 100);
        QVERIFY(!model->trafficEnabled());
        QVERIFY2(model->isValid(), qPrintable(model->problems().join(QLatin1Char('\n'))));
        const QJsonObject out = model->plan().toJson();
        QCOMPARE(out.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("namespace"))
                     .toString(),
                 QStringLiteral("default"));
        QVERIFY(!out.value(QLatin1String("spec")).toObject().contains(QLatin1String("traffic")));
        // a new plan can be named; an invalid name is a problem
        QVERIFY(model->setAppDeploymentName(QStringLiteral("Bad_Name")));
        QVERIFY(model->problems()
                    .join(QLatin1Char('\n'))
                    .contains(QLatin1String("\"Bad_Name\" is not a valid name")));
        QVERIFY(model->setAppDeploymentName(QStringLiteral("example-canary")));
        QVERIFY(model->isValid());
        QCOMPARE(
            model->plan().toJson()[QLatin1String("metadata")][QLatin1String("name")].toString(),
            QStringLiteral("example-canary"));
        model->setGateways({QStringLiteral("gw")});
        QVERIFY(!model->isValid()); // gateways without hosts
        model->setHosts({QStringLiteral("a.example.com")});
        QVERIFY(model->isValid());
    }

    void v1OnlyHasNoTraffic()
    {
        loadFixture(QStringLiteral("appdeployment-v1-only.json"));
        QVERIFY(
            !model->setAppDeploymentName(QStringLiteral("renamed"))); // existing: keeps its name
        QCOMPARE(model->appDeploymentName(), QStringLiteral("example-appdeploy"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->row(0).replicas, 2);
        QVERIFY(!model->trafficEnabled());
        QVERIFY(model->isValid());
        const QJsonObject spec = model->plan().toJson().value(QLatin1String("spec")).toObject();
        QVERIFY(!spec.contains(QLatin1String("traffic")));
        const QJsonArray revs = spec.value(QLatin1String("appRevisions")).toArray();
        QCOMPARE(revs.size(), 1);
        QCOMPARE(revs[0]
                     .toObject()[QLatin1String("placement")]
                     .toArray()[0]
                     .toObject()[QLatin1String("distribution")]
                     .toObject()[QLatin1String("replicas")]
                     .toInt(),
                 2);
    }

    // The plan the engine gets (here as the AppDeployment it writes) carries the edits.
    void planCarriesEdits()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        model->setWeight(0, 30);
        model->setReplicas(0, 2);
        model->setReplicas(1, 3);
        const QJsonObject out = model->plan().toJson();
        QVERIFY(!out.contains(QLatin1String("status")));
        const QJsonObject meta = out.value(QLatin1String("metadata")).toObject();
        QVERIFY(!meta.contains(QLatin1String("resourceVersion")));
        QVERIFY(!meta.contains(QLatin1String("uid")));
        QCOMPARE(
            meta.value(QLatin1String("labels")).toObject().value(QLatin1String("team")).toString(),
            QStringLiteral("web"));
        const QJsonObject spec = out.value(QLatin1String("spec")).toObject();
        const QJsonArray http =
            spec.value(QLatin1String("traffic")).toObject().value(QLatin1String("http")).toArray();
        QCOMPARE(http.size(), 2); // the second route is kept as it was
        const QJsonObject first = http[0].toObject();
        QVERIFY(first.contains(QLatin1String("match")));
        const QJsonArray targets = first.value(QLatin1String("weightedTargets")).toArray();
        QCOMPARE(targets.size(), 2);
        QCOMPARE(targets[0].toObject().value(QLatin1String("weight")).toInt(), 30);
        QCOMPARE(targets[1].toObject().value(QLatin1String("weight")).toInt(), 70);
        QCOMPARE(targets[0].toObject().value(QLatin1String("port")).toInt(), 8000);
        QCOMPARE(http[1]
                     .toObject()
                     .value(QLatin1String("weightedTargets"))
                     .toArray()[0]
                     .toObject()
                     .value(QLatin1String("weight"))
                     .toInt(),
                 100);
        const QJsonArray revs = spec.value(QLatin1String("appRevisions")).toArray();
        QCOMPARE(revs[1]
                     .toObject()[QLatin1String("placement")]
                     .toArray()[0]
                     .toObject()[QLatin1String("distribution")]
                     .toObject()[QLatin1String("replicas")]
                     .toInt(),
                 3);
    }

    void revertDiscardsEdits()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        model->setWeight(0, 10);
        model->setReplicas(1, 4);
        model->setHosts({});
        QVERIFY(model->addRevision(QStringLiteral("example-app-v3")));
        QVERIFY(model->isModified());
        QSignalSpy planChanged(model, &RolloutPlanModel::planChanged);
        model->revert();
        QCOMPARE(planChanged.size(), 1);
        QVERIFY(!model->isModified());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(weights(*model), (QList<int>{50, 50}));
        QCOMPARE(model->row(1).replicas, 1);
        QVERIFY(model->trafficEnabled());
    }

    // The routing API (issue 12) is one more unapplied edit of the plan: the annotation
    // veladesk.io/routing set or removed, one validation per change, Revert restores it.
    void routingIsAnUnappliedEdit()
    {
        auto plan = fixtures::plan(QStringLiteral("appdeployment-split.json"));
        kube::rollout::setPlannedRouting(plan, kube::rollout::RoutingApi::VirtualService);
        model->load(QStringLiteral("example-app"), QStringLiteral("default"), &plan,
                    exampleRevisions());
        const QLatin1String key(kube::rollout::routingAnnotation);
        QCOMPARE(model->routing(), kube::rollout::RoutingApi::VirtualService);
        QSignalSpy planChanged(model, &RolloutPlanModel::planChanged);
        const int validations = model->validationCount();

        model->setRouting(kube::rollout::RoutingApi::HTTPRoute);
        QCOMPARE(model->validationCount() - validations, 1);
        QCOMPARE(planChanged.size(), 1);
        QVERIFY(model->isModified());
        QCOMPARE(model->routing(), kube::rollout::RoutingApi::HTTPRoute);
        QCOMPARE(model->plan().annotations.value(key).toString(), QStringLiteral("httproute"));
        QCOMPARE(model->plan()
                     .toJson()[QLatin1String("metadata")][QLatin1String("annotations")][key]
                     .toString(),
                 QStringLiteral("httproute"));

        model->setRouting(kube::rollout::RoutingApi::HTTPRoute); // no change: no validation
        QCOMPARE(model->validationCount() - validations, 1);

        model->setRouting(std::nullopt); // chosen at apply: no annotation
        QCOMPARE(model->validationCount() - validations, 2);
        QVERIFY(!model->plan().annotations.contains(key));
        QCOMPARE(model->routing(), std::nullopt);
        QVERIFY(model->isModified());

        model->revert();
        QVERIFY(!model->isModified());
        QCOMPARE(model->routing(), kube::rollout::RoutingApi::VirtualService);
        QCOMPARE(model->plan().annotations.value(key).toString(), QStringLiteral("virtualservice"));
    }

    void drift_data()
    {
        QTest::addColumn<QString>("virtualService");
        QTest::addColumn<QString>("drift0");
        QTest::addColumn<QString>("drift1");
        QTest::newRow("hand-edited VirtualService")
            << QStringLiteral("virtualservice-drift.json")
            << QStringLiteral("live weight 40% (spec 50%); live replicas 3 (spec 1)")
            << QStringLiteral("live weight 60% (spec 50%)");
        QTest::newRow("VirtualService as specified")
            << QStringLiteral("virtualservice-inspec.json")
            << QStringLiteral("live replicas 3 (spec 1)") << QString();
        QTest::newRow("no VirtualService")
            << QString() << QStringLiteral("no live VirtualService; live replicas 3 (spec 1)")
            << QStringLiteral("no live VirtualService");
    }
    void drift()
    {
        QFETCH(QString, virtualService);
        QFETCH(QString, drift0);
        QFETCH(QString, drift1);
        loadFixture(QStringLiteral("appdeployment-split.json"));
        const std::optional<VirtualServiceInfo> vs =
            virtualService.isEmpty()
                ? std::nullopt
                : std::optional(VirtualServiceInfo::fromJson(fixtures::object(virtualService)));
        model->setLive(vs ? &*vs : nullptr, deployments(QStringLiteral("deployments.json")));
        QCOMPARE(model->index(0, RolloutPlanModel::Drift).data().toString(), drift0);
        QCOMPARE(model->index(1, RolloutPlanModel::Drift).data().toString(), drift1);
        QVERIFY(model->hasDrift());
        QCOMPARE(model->row(0).liveReadyReplicas.value_or(-1), 2);
        // drift compares live objects with the spec, not with unapplied edits
        model->setWeight(0, 40);
        QCOMPARE(model->index(0, RolloutPlanModel::Drift).data().toString(), drift0);
    }

    // Multi-cluster placement (issue 13): v2 placed in the home cluster "a" (named) and in b;
    // drift and ready counts cover both clusters, read by the engine (placementStatesIn).
    void driftPerCluster()
    {
        kube::rollout::AppDeploymentPlan p =
            fixtures::plan(QStringLiteral("appdeployment-split.json"));
        using kube::rollout::ClusterSelector;
        using kube::rollout::Placement;
        p.appRevisions[0].placement = {Placement{3, ClusterSelector{QStringLiteral("a"), {}}}};
        p.appRevisions[1].placement = {Placement{1, std::nullopt},
                                       Placement{2, ClusterSelector{QStringLiteral("b"), {}}}};
        model->load(QStringLiteral("example-app"), QStringLiteral("default"), &p,
                    exampleRevisions());
        const VirtualServiceInfo vs = VirtualServiceInfo::fromJson(
            fixtures::object(QStringLiteral("virtualservice-inspec.json")));
        // a runs v1 3 (2 ready), v2 1 (1 ready): as planned.
        model->setLive(&vs, deployments(QStringLiteral("deployments.json")));
        QSignalSpy changed(model, &RolloutPlanModel::planChanged);
        RolloutPlanModel::ClusterLive b;
        b.context = QStringLiteral("kwok-b");
        b.error = QStringLiteral("connecting");
        model->setClusters(QStringLiteral("a"), QStringLiteral("kwok-a"),
                           {{QStringLiteral("b"), b}});
        QCOMPARE(changed.size(), 1);
        // b not known yet: not drift, said so in the counts
        QCOMPARE(model->rowDrift(0), QString());
        QCOMPARE(model->rowDrift(1), QString());
        QCOMPARE(model->rowClusterReadiness(0), QStringLiteral("2/3 in a"));
        QCOMPARE(model->rowClusterReadiness(1),
                 QStringLiteral("1/1 in a, ?/2 in b (not known: connecting)"));
        QVERIFY(!model->hasDrift());

        // b listed, without v2's Deployment: drift in b only
        b.error.clear();
        model->setClusters(QStringLiteral("a"), QStringLiteral("kwok-a"),
                           {{QStringLiteral("b"), b}});
        QCOMPARE(model->rowDrift(1), QStringLiteral("no live Deployment in b"));
        QCOMPARE(model->rowClusterReadiness(1), QStringLiteral("1/1 in a, 0/2 in b"));
        QVERIFY(model->hasDrift());

        // b runs v2 with 1 replica, none ready (the plan says 2)
        DeploymentInfo v2b;
        v2b.name = QStringLiteral("testsvc-v2");
        v2b.revision = QStringLiteral("example-app-v2");
        v2b.appDeployment = QStringLiteral("example-appdeploy");
        v2b.replicas = 1;
        v2b.readyReplicas = 0;
        b.deployments.insert(v2b.name, v2b);
        model->setClusters(QStringLiteral("a"), QStringLiteral("kwok-a"),
                           {{QStringLiteral("b"), b}});
        QCOMPARE(model->rowDrift(1), QStringLiteral("live replicas 1 in b (spec 2)"));
        QCOMPARE(model->rowClusterReadiness(1), QStringLiteral("1/1 in a, 0/2 in b"));
        // the row's live counts are the sums over the clusters
        QCOMPARE(model->row(1).liveReplicas.value_or(-1), 2);
        QCOMPARE(model->row(1).liveReadyReplicas.value_or(-1), 1);
        QCOMPARE(model->row(1).placements.size(), 2);

        // as planned in b: no drift anywhere (the home cluster is named "a" in the plan: its
        // replicas are those of the placement naming a, not 0)
        b.deployments[v2b.name].replicas = 2;
        b.deployments[v2b.name].readyReplicas = 2;
        model->setClusters(QStringLiteral("a"), QStringLiteral("kwok-a"),
                           {{QStringLiteral("b"), b}});
        QCOMPARE(model->rowDrift(0), QString());
        QCOMPARE(model->rowDrift(1), QString());
        QVERIFY(!model->hasDrift());
        QCOMPARE(model->rowClusterReadiness(1), QStringLiteral("1/1 in a, 2/2 in b"));
        // the same values again change nothing
        const qsizetype before = changed.size();
        model->setClusters(QStringLiteral("a"), QStringLiteral("kwok-a"),
                           {{QStringLiteral("b"), b}});
        QCOMPARE(changed.size(), before);
    }

    // Every placement names the home cluster: its replicas are those placements' (not the
    // unnamed ones', 0), so what runs as planned is no drift.
    void homeClusterNamed()
    {
        kube::rollout::AppDeploymentPlan p =
            fixtures::plan(QStringLiteral("appdeployment-split.json"));
        using kube::rollout::ClusterSelector;
        using kube::rollout::Placement;
        p.appRevisions[0].placement = {Placement{3, ClusterSelector{QStringLiteral("a"), {}}}};
        p.appRevisions[1].placement = {Placement{1, ClusterSelector{QStringLiteral("a"), {}}}};
        model->load(QStringLiteral("example-app"), QStringLiteral("default"), &p,
                    exampleRevisions());
        const VirtualServiceInfo vs = VirtualServiceInfo::fromJson(
            fixtures::object(QStringLiteral("virtualservice-inspec.json")));
        model->setLive(&vs, deployments(QStringLiteral("deployments.json")));
        model->setClusters(QStringLiteral("a"), QStringLiteral("kwok-a"), {});
        QCOMPARE(model->rowDrift(0), QString());
        QCOMPARE(model->rowClusterReadiness(0), QStringLiteral("2/3 in a"));
        QVERIFY(!model->hasDrift());
    }

    void clearEmpties()
    {
        loadFixture(QStringLiteral("appdeployment-split.json"));
        model->clear();
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->isValid());
    }
};

QTEST_MAIN(TestRolloutPlanModel)
#include "tst_rolloutplanmodel.moc"
