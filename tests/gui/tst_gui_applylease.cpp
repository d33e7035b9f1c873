// Issue 8 in the window, against the local control plane (the reference scenario in a fresh
// namespace, example-app selected):
// - another apply holds the AppDeployment's Lease (an ApplyLease taken as another holder, renewed
//   as a running apply renews it): the applications pane and the editor's banner say "apply in
//   progress by <holder> since <time>" and Apply is disabled with that reason; released, Apply
//   comes back;
// - an apply that the window's clock let through while the Lease is live (this machine's clock
//   ahead of the holder's) is refused by the engine: the apply pane names the holder, and
//   nothing in the cluster changed;
// - an HPA scaling a revision's Deployment disables that revision's replicas control, with the
//   reason in its tooltip;
// - `veladesk apply` killed half way (SIGKILL while it waits for pods a ResourceQuota keeps from
//   being created) leaves the AppDeployment Rolling with a Lease nobody renews: once it expires
//   the window shows the apply as interrupted, and "Revert to last completed" (preview, then
//   Apply) brings back the last completed plan while a RoutingMonitor watching the namespace
//   reports no routing violation.
// With VELADESK_SCREENSHOT_DIR set it saves screenshots of these states.

#include "guitest.h"
#include "kube/rollout/applylease.h"
#include "kube/rollout/routingmonitor.h"
#include "kube/yamljson.h"
#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/namespacestore.h"
#include "models/rolloutcontroller.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/mainwindow.h"
#include "ui/rollouteditor.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace veladesk;
using kube::rollout::ApplyLease;

namespace {
const QString kAd = QStringLiteral("example-appdeploy");
const QString kOther = QStringLiteral("alice@laptop (veladesk-cli, pid 7, beef)");

QJsonObject route(const QJsonObject& vs)
{
    return vs[QLatin1String("spec")].toObject()[QLatin1String("http")].toArray()[0].toObject();
}
} // namespace

class TestGuiApplyLease : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    QString kubeconfig;
    std::unique_ptr<MainWindow> window;
    std::shared_ptr<ApplyLease> otherLease;

    QString phaseText() const
    {
        const ApplicationsModel* apps = window->applicationsModel();
        const int row = apps->rowOf(QStringLiteral("example-app"));
        return row < 0 ? QString() : apps->index(row, ApplicationsModel::Phase).data().toString();
    }

    QJsonObject virtualService()
    {
        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns, kAd));
        if (!vs.ok())
            qFatal("VirtualService: %s", qPrintable(vs.status.toString()));
        return vs.value;
    }

    // Takes the Lease as `holder` (renewed on its own thread until released); "" or the error.
    QString takeLease(const QString& holder)
    {
        auto c = client;
        const QString n = ns;
        using Taken = std::pair<QString, std::shared_ptr<ApplyLease>>;
        const Taken taken = guitest::wait(QtConcurrent::run([c, n, holder]() -> Taken {
            ApplyLease::Options o;
            o.holder = holder;
            o.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            std::optional<kube::rollout::ApplyLeaseInfo> heldBy;
            auto r = ApplyLease::acquire(c, n, kAd, o, &heldBy);
            if (!r.ok())
                return {r.status.toString(), nullptr};
            return {QString(), std::shared_ptr<ApplyLease>(std::move(r.value))};
        }));
        otherLease = taken.second;
        return taken.first;
    }

    void releaseLease()
    {
        std::shared_ptr<ApplyLease> l = std::move(otherLease);
        const kube::Status st = guitest::wait(QtConcurrent::run([l] {
            return l->release(std::chrono::steady_clock::now() + std::chrono::seconds(20));
        }));
        QVERIFY2(st.ok(), qPrintable(st.toString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        const QString failed =
            guitest::connectWithScenario(kubeconfig, QStringLiteral("gui8"), &client, &ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        window = guitest::windowOn(kubeconfig, ns);
        window->setDiscardPrompt([](const QString&) { return true; });
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(phaseText(), QStringLiteral("Completed"), 20000);
        QTRY_COMPARE(window->selectedApplication(), QStringLiteral("example-app"));
        QCOMPARE(window->planModel()->appDeploymentName(), kAd);
        QCOMPARE(window->planModel()->rowCount(), 2);
    }

    void cleanupTestCase()
    {
        if (otherLease)
            releaseLease();
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void leaseHeldByOtherBlocksApply()
    {
        RolloutPlanModel* plan = window->planModel();
        plan->setWeight(0, 40); // an edit Apply would send
        QTRY_VERIFY(window->applyAction()->isEnabled());

        const QString failed = takeLease(kOther);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        // through the Lease watch: no reload
        QTRY_VERIFY_WITH_TIMEOUT(phaseText().startsWith(QLatin1String(
                                     "apply in progress by\nalice@laptop (veladesk-cli)\nsince ")),
                                 10000);
        QTRY_VERIFY(!window->applyAction()->isEnabled());
        QCOMPARE(window->controller()->applyState(), RolloutController::ApplyState::LockedByOther);
        QVERIFY2(window->applyAction()->toolTip().contains(QLatin1String("alice@laptop")),
                 qPrintable(window->applyAction()->toolTip()));
        const QString banner = window->editor()->applyNoticeText();
        QVERIFY2(banner.contains(QLatin1String("alice@laptop")), qPrintable(banner));
        QVERIFY(window->previewAction()->isEnabled()); // looking is still allowed
        QVERIFY(!window->revertToCompletedAction()->isEnabled());
        guitest::screenshot(window.get(), QStringLiteral("apply-in-progress-by-other"));

        // still held a Lease duration later: the holder renews it
        QTest::qWait(1500);
        QVERIFY(!window->applyAction()->isEnabled());
    }

    // This machine's clock ahead of the holder's (the store judges the Lease with it): the
    // window lets Apply through, the engine refuses it (the Lease is live on the server's
    // terms) and the apply pane names the holder; nothing changed in the cluster.
    void refusedApplyNamesHolder()
    {
        QVERIFY(otherLease);
        const QJsonObject vsBefore = virtualService();
        NamespaceStore* store = window->session()->store();
        store->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3600); });
        QTRY_VERIFY_WITH_TIMEOUT(window->applyAction()->isEnabled(), 5000);
        QCOMPARE(window->planModel()->row(0).weight, 40);
        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        window->applyAction()->trigger();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), false);
        const QString summary = window->applyPane()->summary();
        QVERIFY2(summary.contains(QLatin1String("another apply is in progress")) &&
                     summary.contains(kOther) &&
                     summary.contains(QLatin1String("Nothing was changed")),
                 qPrintable(summary));
        QVERIFY(window->controller()->lastReport().heldBy.has_value());
        guitest::screenshot(window.get(), QStringLiteral("apply-refused-lease-held"));
        const QJsonObject vsAfter = virtualService();
        QCOMPARE(vsAfter[QLatin1String("metadata")][QLatin1String("resourceVersion")],
                 vsBefore[QLatin1String("metadata")][QLatin1String("resourceVersion")]);

        store->setClock([] { return QDateTime::currentDateTimeUtc(); });
        releaseLease();
        QTRY_COMPARE_WITH_TIMEOUT(phaseText(), QStringLiteral("Completed"), 10000);
        QTRY_VERIFY(window->applyAction()->isEnabled());
        QVERIFY(window->editor()->applyNoticeText().isEmpty());
        window->revertAction()->trigger();
        QVERIFY(!window->planModel()->isModified());
    }

    void hpaDisablesReplicas()
    {
        const QJsonObject hpa{
            {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v2")},
            {QStringLiteral("kind"), QStringLiteral("HorizontalPodAutoscaler")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("v2-cpu")}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("scaleTargetRef"),
                          QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                      {QStringLiteral("kind"), QStringLiteral("Deployment")},
                                      {QStringLiteral("name"), QStringLiteral("testsvc-v2")}}},
                         {QStringLiteral("minReplicas"), 1},
                         {QStringLiteral("maxReplicas"), 4}}}};
        auto created =
            guitest::wait(client->create(kube::rollout::horizontalPodAutoscalerType(), ns, hpa));
        QVERIFY2(created.ok(), qPrintable(created.status.toString()));
        QSpinBox* v2 = window->editor()->replicasField(1);
        QCOMPARE(window->planModel()->row(1).revisionName, QStringLiteral("example-app-v2"));
        QTRY_VERIFY_WITH_TIMEOUT(!v2->isEnabled(), 10000);
        QVERIFY(window->editor()->replicasField(0)->isEnabled());
        QVERIFY2(v2->toolTip().contains(QLatin1String("replicas managed by HPA/v2-cpu")),
                 qPrintable(v2->toolTip()));
        QVERIFY2(window->planModel()->rowReplicasManagedBy(1).contains(QLatin1String("v2-cpu")),
                 qPrintable(window->planModel()->rowReplicasManagedBy(1)));
        guitest::screenshot(window.get(), QStringLiteral("hpa-managed-revision"));

        QVERIFY(guitest::wait(client->remove(kube::rollout::horizontalPodAutoscalerType(), ns,
                                             QStringLiteral("v2-cpu")))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(v2->isEnabled(), 10000);
    }

    void interruptedApplyRevertsToLastCompleted()
    {
        // new pods cannot be created from now on: the killed apply waits for them forever
        kube::Request quota;
        quota.method = "POST";
        quota.path = QStringLiteral("/api/v1/namespaces/%1/resourcequotas").arg(ns);
        quota.body =
            R"({"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"no-new-pods"},"spec":{"hard":{"pods":"0"}}})";
        const kube::Response q = guitest::wait(client->send(quota));
        QVERIFY2(q.status.ok(), qPrintable(q.status.toString()));

        // all traffic to v2 with 3 replicas: v2 grows first, then waits for readiness
        QJsonObject target =
            guitest::referenceObject(QStringLiteral("05-appdeployment-split.yaml"));
        QJsonObject spec = target[QLatin1String("spec")].toObject();
        QJsonArray revisions = spec[QLatin1String("appRevisions")].toArray();
        QJsonObject v2 = revisions[1].toObject();
        v2[QStringLiteral("placement")] = QJsonArray{QJsonObject{
            {QStringLiteral("distribution"), QJsonObject{{QStringLiteral("replicas"), 3}}}}};
        revisions[1] = v2;
        spec[QStringLiteral("appRevisions")] = revisions;
        QJsonObject traffic = spec[QLatin1String("traffic")].toObject();
        QJsonArray http = traffic[QLatin1String("http")].toArray();
        QJsonObject rule = http[0].toObject();
        QJsonArray targets = rule[QLatin1String("weightedTargets")].toArray();
        QJsonObject t0 = targets[0].toObject(), t1 = targets[1].toObject();
        t0[QStringLiteral("weight")] = 0;
        t1[QStringLiteral("weight")] = 100;
        targets = QJsonArray{t0, t1};
        rule[QStringLiteral("weightedTargets")] = targets;
        http[0] = rule;
        traffic[QStringLiteral("http")] = http;
        spec[QStringLiteral("traffic")] = traffic;
        target[QStringLiteral("spec")] = spec;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plan.yaml"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kube::toYaml(target));
        }
        QProcess p;
        p.start(qEnvironmentVariable("VELADESK_BINARY"),
                {QStringLiteral("apply"), QStringLiteral("-f"), file,
                 QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("-n"), ns});
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains("readiness: wait") && t.elapsed() < 90000 &&
               p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
            QCoreApplication::processEvents();
        }
        QVERIFY2(out.contains("readiness: wait"), out.constData());
        p.kill(); // SIGKILL: no cancel, the Lease is left to expire
        QVERIFY(p.waitForFinished(10000));

        // while its Lease lives the apply counts as in progress; then it is interrupted
        QTRY_VERIFY_WITH_TIMEOUT(phaseText().startsWith(QLatin1String("apply in progress by\n")),
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(phaseText(), QStringLiteral("Rolling (interrupted)"), 60000);
        QTRY_COMPARE(window->controller()->applyState(),
                     RolloutController::ApplyState::Interrupted);
        QVERIFY(window->reapplyAction()->isEnabled());
        QVERIFY(window->revertToCompletedAction()->isEnabled());
        const QString banner = window->editor()->applyNoticeText();
        QVERIFY2(!banner.isEmpty(), "no interrupted banner");
        QVERIFY(window->editor()
                    ->findChild<QWidget*>(QStringLiteral("revertToCompletedActionButton"))
                    ->isVisible());
        guitest::screenshot(window.get(), QStringLiteral("apply-interrupted"));

        // the quota goes: a revert never needs it, and the cluster is as a user would find it
        kube::Request unquota;
        unquota.method = "DELETE";
        unquota.path = quota.path + QStringLiteral("/no-new-pods");
        QVERIFY(guitest::wait(client->send(unquota)).status.ok());

        kube::rollout::RoutingMonitor monitor(client, ns);
        const kube::Status started =
            guitest::wait(QtConcurrent::run([&monitor] { return monitor.start(); }));
        QVERIFY2(started.ok(), qPrintable(started.toString()));

        QSignalSpy previewed(window.get(), &MainWindow::previewFinished);
        window->revertToCompletedAction()->trigger();
        QVERIFY(previewed.wait(60000));
        QCOMPARE(previewed.first().first().toBool(), true);
        RolloutPlanModel* plan = window->planModel();
        QCOMPARE(plan->row(0).weight, 50);
        QCOMPARE(plan->row(1).weight, 50);
        QCOMPARE(plan->row(1).replicas, 1);
        QVERIFY(plan->isModified()); // against the AppDeployment's spec (v2: 3, 0/100)
        QTRY_VERIFY(window->applyAction()->isEnabled());
        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        window->applyAction()->trigger();
        QVERIFY(done.wait(180000));
        QVERIFY2(done.first().first().toBool(), qPrintable(window->applyPane()->summary()));

        QVERIFY(guitest::wait(QtConcurrent::run([&monitor] { return monitor.settle(); })));
        monitor.stop();
        qInfo().noquote() << monitor.summary();
        QCOMPARE(monitor.counts().violations, 0);
        QVERIFY(monitor.counts().states > 1);

        const QJsonObject vs = virtualService();
        const QJsonArray routes = route(vs)[QLatin1String("route")].toArray();
        QCOMPARE(routes.size(), 2);
        QCOMPARE(routes[0].toObject()[QLatin1String("weight")].toInt(), 50);
        QCOMPARE(routes[1].toObject()[QLatin1String("weight")].toInt(), 50);
        auto dep = guitest::wait(
            client->get(kube::ResourceType::deployments(), ns, QStringLiteral("testsvc-v2")));
        QVERIFY(dep.ok());
        QCOMPARE(dep.value[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(phaseText(), QStringLiteral("Completed"), 20000);
        QTRY_VERIFY(window->editor()->applyNoticeText().isEmpty());
        QVERIFY(!window->revertToCompletedAction()->isEnabled());
        guitest::screenshot(window.get(), QStringLiteral("apply-reverted"));
    }
};

QTEST_MAIN(TestGuiApplyLease)
#include "tst_gui_applylease.moc"
