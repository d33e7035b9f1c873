// Drives the real main window against the local control plane: the reference scenario is
// loaded into a fresh namespace, example-app is selected in the applications pane, the
// weights are set to 30/70 with the sliders (keyboard on the slider widgets), replicas with
// the spin boxes, then Preview and Apply run; the VirtualService and the Deployments are read
// back from the cluster and checked, and the pods pane must list the Running pods.
// Also: a VirtualService edited with kubectl shows up as drift within 1 s, through its watch
// (no reload); 0 replicas with traffic disables Apply; Revert discards edits; a context that
// cannot be reached shows the error.
// With VELADESK_SCREENSHOT_DIR set it saves screenshots of the main states.

#include "guitest.h"
#include "kube/yamljson.h"
#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/logmodel.h"
#include "models/namespacestore.h"
#include "models/podsmodel.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace veladesk;

namespace {
QJsonArray httpRoute(const QJsonObject& vs)
{
    return vs[QLatin1String("spec")]
        .toObject()[QLatin1String("http")]
        .toArray()[0]
        .toObject()[QLatin1String("route")]
        .toArray();
}
int podsRunning(const PodsModel* m, const QString& revision)
{
    int n = 0;
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->pod(i).revision == revision && m->pod(i).phase == QLatin1String("Running") &&
            PodsModel::stateOf(m->pod(i)) == PodsModel::State::Ready)
            ++n;
    return n;
}
} // namespace

class TestGuiRollout : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    QString kubeconfig;
    std::unique_ptr<MainWindow> window;

    // Types `value` into `spin`; false when there is no such field (the editor has fewer
    // rows: an earlier step failed), so that the caller fails instead of crashing.
    [[nodiscard]] bool setSpin(QSpinBox* spin, int value)
    {
        if (!spin)
            return false;
        spin->setFocus();
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, QString::number(value));
        QTest::keyClick(spin, Qt::Key_Return);
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
        kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        const QString failed =
            guitest::connectWithScenario(kubeconfig, QStringLiteral("gui"), &client, &ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty()) {
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {},
                                         ns + QStringLiteral("-quota")));
        }
    }

    void emptyNamespace()
    {
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig;
        options.namespaceName = ns + QStringLiteral("-empty"); // does not exist: lists are empty
        MainWindow empty(options);
        QSignalSpy loaded(empty.session(), &ClusterSession::loadingChanged);
        empty.resize(1280, 800);
        empty.show();
        QTRY_COMPARE_WITH_TIMEOUT(empty.session()->state(), ClusterSession::State::Connected,
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(!empty.session()->isLoading() && !loaded.isEmpty(), 20000);
        QCOMPARE(empty.applicationsModel()->rowCount(), 0);
        QVERIFY(!empty.applyAction()->isEnabled());
        QVERIFY(!empty.previewAction()->isEnabled());
        guitest::screenshot(&empty, QStringLiteral("empty"));
    }

    void opensWithScenario()
    {
        window = guitest::windowOn(kubeconfig, ns);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        QVERIFY(!window->session()->serverVersion().isEmpty());
        QCOMPARE(window->namespacePicker()->currentText(), ns);
        QVERIFY(window->contextPicker()->count() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->applicationsModel()->rowOf(QStringLiteral("example-app")) >= 0, 20000);
        const int row = window->applicationsModel()->rowOf(QStringLiteral("example-app"));
        const ApplicationsModel* apps = window->applicationsModel();
        QCOMPARE(apps->index(row, ApplicationsModel::Revisions).data().toInt(), 2);
        QCOMPARE(apps->index(row, ApplicationsModel::Latest).data().toString(),
                 QStringLiteral("example-app-v2"));
        // Applications and AppDeployments are two lists: the row may be there a moment before
        // its AppDeployment (CI saw "none" here once).
        QTRY_COMPARE_WITH_TIMEOUT(
            apps->index(row, ApplicationsModel::AppDeployment).data().toString(),
            QStringLiteral("example-appdeploy"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(apps->index(row, ApplicationsModel::Phase).data().toString(),
                                  QStringLiteral("Completed"), 20000);

        // the only application is opened at once; a click on it keeps it selected
        QTRY_COMPARE(window->selectedApplication(), QStringLiteral("example-app"));
        QTreeView* view = window->applicationsView();
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window->selectedApplication(), QStringLiteral("example-app"));
        RolloutPlanModel* plan = window->planModel();
        QCOMPARE(plan->rowCount(), 2);
        QCOMPARE(plan->row(0).weight, 50);
        QCOMPARE(plan->row(1).weight, 50);
        QCOMPARE(plan->row(0).port, 8000);
        QCOMPARE(plan->row(1).port, 80);
        QVERIFY(!plan->isModified());
        QTRY_VERIFY_WITH_TIMEOUT(
            podsRunning(window->podsModel(), QStringLiteral("example-app-v1")) == 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!plan->hasDrift(), 10000);
        auto* podsDock = window->findChild<QDockWidget*>(QStringLiteral("podsDock"));
        QTRY_COMPARE(podsDock->windowTitle(), QStringLiteral("Pods")); // the watch is live
        guitest::screenshot(window.get(), QStringLiteral("scenario-loaded"));
    }

    void setSplitWithSliders()
    {
        RolloutEditor* editor = window->editor();
        QSlider* s0 = editor->weightSlider(0);
        QSlider* s1 = editor->weightSlider(1);
        QVERIFY(s0 && s1);
        s0->setFocus();
        QTest::keyClick(s0, Qt::Key_Home); // 0 / 100
        QCOMPARE(s1->value(), 100);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(s0, Qt::Key_PageUp); // +10 each
        QCOMPARE(s0->value(), 30);
        QCOMPARE(s1->value(), 70);
        QCOMPARE(editor->weightField(0)->value(), 30);
        QCOMPARE(editor->weightField(1)->value(), 70);
        QCOMPARE(window->planModel()->totalWeight(), 100);

        QVERIFY(setSpin(editor->replicasField(0), 2));
        QVERIFY(setSpin(editor->replicasField(1), 3));
        QCOMPARE(window->planModel()->row(0).replicas, 2);
        QCOMPARE(window->planModel()->row(1).replicas, 3);
        QVERIFY(window->planModel()->isModified());
        QTRY_VERIFY(window->applyAction()->isEnabled());
        guitest::screenshot(window.get(), QStringLiteral("editing-split"));
    }

    void invalidPlanDisablesApply()
    {
        RolloutEditor* editor = window->editor();
        QVERIFY(setSpin(editor->replicasField(1), 0));
        QVERIFY(!window->planModel()->isValid());
        QVERIFY(!window->applyAction()->isEnabled());
        QVERIFY2(editor->problemsText().contains(QLatin1String("0 replicas")),
                 qPrintable(editor->problemsText()));
        guitest::screenshot(window.get(), QStringLiteral("error-invalid-plan"));
        QVERIFY(setSpin(editor->replicasField(1), 3));
        QVERIFY(window->planModel()->isValid());
        QTRY_VERIFY(window->applyAction()->isEnabled());
    }

    void previewShowsDiff()
    {
        QSignalSpy done(window.get(), &MainWindow::previewFinished);
        // the keyboard shortcut, as a user would press it
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), true);
        PreviewPane* preview = window->previewPane();
        QVERIFY(preview->objectCount() >= 4);
        int vsRow = -1;
        for (int i = 1; i <= preview->objectCount(); ++i)
            if (preview->entryText(i).contains(QLatin1String("VirtualService/example-appdeploy")))
                vsRow = i;
        QVERIFY(vsRow > 0);
        QVERIFY2(preview->entryText(vsRow).startsWith(QLatin1String("update")),
                 qPrintable(preview->entryText(vsRow)));
        preview->selectEntry(vsRow);
        QVERIFY2(preview->currentText().contains(QLatin1String("+")) &&
                     preview->currentText().contains(QLatin1String("weight: 30")),
                 qPrintable(preview->currentText()));
        guitest::screenshot(window.get(), QStringLiteral("preview-diff"));
        // an edit after the preview marks it outdated; undoing the edit does not bring it back
        QVERIFY(!preview->isStale());
        window->planModel()->setPort(0, 8001);
        QVERIFY(preview->isStale());
        window->planModel()->setPort(0, 8000);
        QVERIFY(preview->isStale());
        // nothing was changed by the preview
        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns,
                                            QStringLiteral("example-appdeploy")));
        QVERIFY(vs.ok());
        QCOMPARE(httpRoute(vs.value)[0].toObject()[QLatin1String("weight")].toInt(), 50);
    }

    void applyAndReadBack()
    {
        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        bool shot = false;
        QObject scope; // the connection ends with this function (it captures locals)
        connect(window->logModel(), &QAbstractItemModel::rowsInserted, &scope, [&] {
            const LogModel* log = window->logModel();
            const QString last = log->entry(log->rowCount() - 1).message;
            if (!shot && last.startsWith(QLatin1String("readiness"))) {
                shot = true;
                guitest::screenshot(window.get(), QStringLiteral("apply-in-progress"));
            }
        });
        window->applyAction()->trigger();
        QVERIFY(window->isApplying());
        QVERIFY(!window->applyAction()->isEnabled());
        QVERIFY(done.wait(180000));
        QVERIFY2(done.first().first().toBool(), qPrintable(window->applyPane()->summary()));

        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns,
                                            QStringLiteral("example-appdeploy")));
        QVERIFY2(vs.ok(), qPrintable(vs.status.toString()));
        const QJsonArray route = httpRoute(vs.value);
        QCOMPARE(route.size(), 2);
        QMap<QString, int> weights;
        for (const QJsonValue& v : route)
            weights.insert(v[QLatin1String("destination")][QLatin1String("host")].toString(),
                           v[QLatin1String("weight")].toInt());
        QCOMPARE(weights.value(QStringLiteral("example-app-v1-testsvc-8000"), -1), 30);
        QCOMPARE(weights.value(QStringLiteral("example-app-v2-testsvc-80"), -1), 70);
        const QJsonObject vsSpec = vs.value[QLatin1String("spec")].toObject();
        QCOMPARE(vsSpec[QLatin1String("hosts")].toArray().first().toString(),
                 QStringLiteral("example-app.example.com"));
        QCOMPARE(vsSpec[QLatin1String("gateways")].toArray().first().toString(),
                 QStringLiteral("example-app-gateway"));

        auto d1 = guitest::wait(
            client->get(kube::ResourceType::deployments(), ns, QStringLiteral("testsvc-v1")));
        auto d2 = guitest::wait(
            client->get(kube::ResourceType::deployments(), ns, QStringLiteral("testsvc-v2")));
        QVERIFY(d1.ok() && d2.ok());
        QCOMPARE(d1.value[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 2);
        QCOMPARE(d2.value[QLatin1String("spec")][QLatin1String("replicas")].toInt(), 3);
        auto ad = guitest::wait(client->get(kube::ResourceType::appDeployments(), ns,
                                            QStringLiteral("example-appdeploy")));
        QVERIFY(ad.ok());
        QCOMPARE(ad.value[QLatin1String("status")][QLatin1String("phase")].toString(),
                 QStringLiteral("Completed"));

        // the log shows what VelaDesk did and what the server's controllers did (Events)
        auto logHas = [this](const QString& source, const QString& text) {
            const LogModel* log = window->logModel();
            for (int i = 0; i < log->rowCount(); ++i)
                if (log->entry(i).source == source && log->entry(i).message.contains(text))
                    return true;
            return false;
        };
        QVERIFY(logHas(QStringLiteral("apply"), QStringLiteral("routing done")));
        QTRY_VERIFY_WITH_TIMEOUT(
            logHas(QStringLiteral("event"), QStringLiteral("Deployment/testsvc-v2")), 30000);

        // the pods pane follows the watch: 2 + 3 Running pods
        QTRY_COMPARE_WITH_TIMEOUT(
            podsRunning(window->podsModel(), QStringLiteral("example-app-v1")), 2, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(
            podsRunning(window->podsModel(), QStringLiteral("example-app-v2")), 3, 60000);
        // ... and the pane (the view's sorted/filtered model) shows them as Running
        const QAbstractItemModel* shown = window->podsView()->model();
        auto runningShown = [shown] {
            int n = 0;
            for (int i = 0; i < shown->rowCount(); ++i)
                if (shown->index(i, PodsModel::Phase).data().toString() ==
                        QLatin1String("Running") &&
                    shown->index(i, PodsModel::Ready).data().toString() == QLatin1String("1/1"))
                    ++n;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(runningShown(), 5, 30000);
        // the applied plan is the new baseline, with no drift
        QTRY_VERIFY_WITH_TIMEOUT(!window->planModel()->isModified(), 20000);
        QCOMPARE(window->planModel()->row(0).weight, 30);
        QTRY_VERIFY_WITH_TIMEOUT(!window->planModel()->hasDrift(), 20000);
        window->showDock(QStringLiteral("applyDock"));
        guitest::screenshot(window.get(), QStringLiteral("apply-done"));
        window->showDock(QStringLiteral("podsDock"));
        guitest::screenshot(window.get(), QStringLiteral("pods-running"));
    }

    void handEditedVirtualServiceShowsDrift()
    {
        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns,
                                            QStringLiteral("example-appdeploy")));
        QVERIFY(vs.ok());
        QJsonObject obj = vs.value;
        QJsonObject spec = obj[QLatin1String("spec")].toObject();
        QJsonArray http = spec[QLatin1String("http")].toArray();
        QJsonObject rule = http[0].toObject();
        QJsonArray route = rule[QLatin1String("route")].toArray();
        for (int i = 0; i < route.size(); ++i) {
            QJsonObject r = route[i].toObject();
            const bool v1 =
                r[QLatin1String("destination")][QLatin1String("host")].toString().contains(
                    QLatin1String("-v1-"));
            r[QStringLiteral("weight")] = v1 ? 10 : 90;
            route[i] = r;
        }
        rule[QStringLiteral("route")] = route;
        http[0] = rule;
        spec[QStringLiteral("http")] = http;
        obj[QStringLiteral("spec")] = spec;
        QJsonObject meta = obj[QLatin1String("metadata")].toObject();
        meta.remove(QStringLiteral("managedFields"));
        obj[QStringLiteral("metadata")] = meta;

        // The operator edits it with kubectl; the window is not asked to reload: the
        // VirtualService watch delivers the change and the drift banner shows it within 1 s.
        QString kubectl = qEnvironmentVariable("VELADESK_KUBECTL");
        if (kubectl.isEmpty())
            kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QVERIFY2(!kubectl.isEmpty(), "kubectl not found (set VELADESK_KUBECTL)");
        QVERIFY(window->editor()->driftText().isEmpty());
        QElapsedTimer sinceStart;
        sinceStart.start();
        QProcess edit;
        edit.start(kubectl, {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("-n"), ns,
                             QStringLiteral("replace"), QStringLiteral("-f"), QStringLiteral("-")});
        QVERIFY(edit.waitForStarted());
        edit.write(QJsonDocument(obj).toJson(QJsonDocument::Compact));
        edit.closeWriteChannel();
        // the event loop runs while kubectl works, as it would for a user
        QTRY_VERIFY_WITH_TIMEOUT(edit.state() == QProcess::NotRunning, 30000);
        QVERIFY2(edit.exitCode() == 0, edit.readAllStandardError().constData());
        QElapsedTimer sinceEdit;
        sinceEdit.start();
        const qint64 kubectlMs = sinceStart.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(!window->editor()->driftText().isEmpty(), 1000);
        qInfo("drift banner %lld ms after kubectl replace returned (kubectl took %lld ms)",
              sinceEdit.elapsed(), kubectlMs);
        QVERIFY(window->planModel()->hasDrift());
        QVERIFY2(
            window->editor()->driftText().contains(QLatin1String("live weight 10% (spec 30%)")),
            qPrintable(window->editor()->driftText()));
        guitest::screenshot(window.get(), QStringLiteral("drift"));
    }

    void revertDiscardsEdits()
    {
        RolloutEditor* editor = window->editor();
        editor->weightSlider(0)->setFocus();
        QTest::keyClick(editor->weightSlider(0), Qt::Key_End);
        QCOMPARE(window->planModel()->row(1).weight, 0);
        QVERIFY(window->planModel()->isModified());
        window->revertAction()->trigger();
        QVERIFY(!window->planModel()->isModified());
        QCOMPARE(editor->weightSlider(0)->value(), 30);
        QCOMPARE(editor->weightSlider(1)->value(), 70);
    }

    // Apply without edits re-applies the plan: the hand edit is undone, the drift is gone.
    void applyCorrectsDrift()
    {
        QVERIFY(window->planModel()->hasDrift());
        QVERIFY(!window->planModel()->isModified());
        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        window->applyAction()->trigger();
        QVERIFY(done.wait(120000));
        QVERIFY2(done.first().first().toBool(), qPrintable(window->applyPane()->summary()));
        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns,
                                            QStringLiteral("example-appdeploy")));
        QVERIFY(vs.ok());
        for (const QJsonValue& r : httpRoute(vs.value)) {
            const bool v1 =
                r[QLatin1String("destination")][QLatin1String("host")].toString().contains(
                    QLatin1String("-v1-"));
            QCOMPARE(r[QLatin1String("weight")].toInt(), v1 ? 30 : 70);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!window->planModel()->hasDrift(), 20000);
        QVERIFY(window->editor()->driftText().isEmpty());
    }

    // A kubeconfig with two contexts on the same cluster, "scenario" (namespace ns) and
    // "other" (an empty namespace): picking the other context in the cluster bar reloads
    // everything without a restart, and picking the first one brings the scenario back.
    void switchingContextReloads()
    {
        auto docs = kube::parseYamlFile(kubeconfig);
        QVERIFY2(docs.ok(), qPrintable(docs.status.toString()));
        QJsonObject config = docs.value.first();
        const QJsonObject first = config[QLatin1String("contexts")].toArray().first().toObject();
        QJsonObject a = first, b = first;
        QJsonObject ca = first[QLatin1String("context")].toObject(), cb = ca;
        ca[QStringLiteral("namespace")] = ns;
        cb[QStringLiteral("namespace")] = ns + QStringLiteral("-nothing");
        a[QStringLiteral("name")] = QStringLiteral("scenario");
        a[QStringLiteral("context")] = ca;
        b[QStringLiteral("name")] = QStringLiteral("other");
        b[QStringLiteral("context")] = cb;
        config[QStringLiteral("contexts")] = QJsonArray{a, b};
        config[QStringLiteral("current-context")] = QStringLiteral("scenario");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("two-contexts"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kube::toYaml(config));
        f.close();

        kube::KubeConfigOptions options;
        options.kubeconfigPath = path;
        options.context = QStringLiteral("scenario");
        MainWindow two(options);
        two.show();
        QComboBox* contexts = two.contextPicker();
        QCOMPARE(contexts->count(), 2);
        QCOMPARE(contexts->itemText(0), QStringLiteral("other")); // sorted, as kubectl lists them
        QTRY_VERIFY_WITH_TIMEOUT(two.applicationsModel()->rowOf(QStringLiteral("example-app")) >= 0,
                                 20000);
        QVERIFY(two.selectApplication(QStringLiteral("example-app")));
        QTRY_VERIFY_WITH_TIMEOUT(two.podsModel()->rowCount() >= 5, 20000);

        contexts->setCurrentIndex(contexts->findText(QStringLiteral("other")));
        Q_EMIT contexts->activated(contexts->currentIndex());
        QCOMPARE(two.session()->currentContext(), QStringLiteral("other"));
        QTRY_COMPARE_WITH_TIMEOUT(two.session()->state(), ClusterSession::State::Connected, 20000);
        QCOMPARE(two.session()->currentNamespace(), ns + QStringLiteral("-nothing"));
        QTRY_COMPARE_WITH_TIMEOUT(two.applicationsModel()->rowCount(), 0, 20000);
        QCOMPARE(two.podsModel()->rowCount(), 0);
        QVERIFY(two.selectedApplication().isEmpty());
        QCOMPARE(two.planModel()->rowCount(), 0);

        contexts->setCurrentIndex(contexts->findText(QStringLiteral("scenario")));
        Q_EMIT contexts->activated(contexts->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(two.applicationsModel()->rowOf(QStringLiteral("example-app")) >= 0,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(two.podsModel()->rowCount() >= 5, 20000);
        QCOMPARE(two.session()->currentNamespace(), ns);
    }

    // Window layout and the last context/namespace/application come back from QSettings.
    void settingsRestoreLastNamespace()
    {
        const QString context = window->session()->currentContext();
        window->close(); // saves the settings
        window.reset();
        kube::KubeConfigOptions options;
        options.kubeconfigPath = kubeconfig; // no namespace given this time
        window = std::make_unique<MainWindow>(options);
        window->show();
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        QCOMPARE(window->session()->currentContext(), context);
        QCOMPARE(window->session()->currentNamespace(), ns);
        QTRY_COMPARE_WITH_TIMEOUT(window->selectedApplication(), QStringLiteral("example-app"),
                                  20000);
        QCOMPARE(window->planModel()->rowCount(), 2);
    }

    // The platform palette turned dark: the window follows (screenshot for a visual check).
    void followsDarkPalette()
    {
        const QPalette light = QApplication::palette();
        const QPalette dark = guitest::darkPalette();
        QApplication::setPalette(dark);
        QTest::qWait(50);
        QCOMPARE(window->palette().color(QPalette::Window), QColor(0x2b, 0x2b, 0x2b));
        guitest::screenshot(window.get(), QStringLiteral("dark-palette"));
        QApplication::setPalette(light);
    }

    // Cancel during the readiness wait: a ResourceQuota of 0 pods keeps the new revision from
    // ever getting a ready pod, so the apply waits before routing traffic; the report says what
    // was done (AppDeployment, Deployments) and what was not (no traffic was switched).
    void cancelReportsWhatWasDone()
    {
        const QString quotaNs = ns + QStringLiteral("-quota");
        QVERIFY(guitest::wait(client->create(kube::ResourceType::namespaces(), {},
                                             guitest::namespaceObject(quotaNs)))
                    .ok());
        kube::Request quota;
        quota.method = "POST";
        quota.path = QStringLiteral("/api/v1/namespaces/%1/resourcequotas").arg(quotaNs);
        quota.body =
            R"({"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"no-pods"},"spec":{"hard":{"pods":"0"}}})";
        const kube::Response q = guitest::wait(client->send(quota));
        QVERIFY2(q.status.ok(), qPrintable(q.status.toString()));
        const QString failed = guitest::loadReferenceScenario(client, quotaNs, true);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        window->namespacePicker()->setFocus();
        window->namespacePicker()->lineEdit()->selectAll();
        QTest::keyClicks(window->namespacePicker()->lineEdit(), quotaNs);
        QTest::keyClick(window->namespacePicker()->lineEdit(), Qt::Key_Return);
        QTRY_COMPARE(window->session()->currentNamespace(), quotaNs);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->applicationsModel()->rowOf(QStringLiteral("example-app")) >= 0 &&
                !window->session()->isLoading(),
            20000);
        QVERIFY(window->selectApplication(QStringLiteral("example-app")));
        RolloutPlanModel* plan = window->planModel();
        QVERIFY(plan->isNewPlan());
        QCOMPARE(plan->rowCount(), 1);
        QCOMPARE(plan->row(0).revisionName, QStringLiteral("example-app-v2"));
        // double-click on revision v1 in the revisions pane adds it to the plan (weight 0)
        auto* revisionsView = window->findChild<QTreeView*>(QStringLiteral("revisionsView"));
        QModelIndex v1;
        for (int i = 0; i < revisionsView->model()->rowCount(); ++i)
            if (revisionsView->model()->index(i, 0).data().toString() ==
                QLatin1String("example-app-v1"))
                v1 = revisionsView->model()->index(i, 0);
        QVERIFY(v1.isValid());
        QTest::mouseClick(revisionsView->viewport(), Qt::LeftButton, {},
                          revisionsView->visualRect(v1).center()); // press, then the double click
        QTest::mouseDClick(revisionsView->viewport(), Qt::LeftButton, {},
                           revisionsView->visualRect(v1).center());
        QCOMPARE(plan->rowCount(), 2);
        QCOMPARE(plan->row(1).revisionName, QStringLiteral("example-app-v1"));
        QCOMPARE(plan->row(1).weight, 0);
        auto* name =
            window->editor()->findChild<QLineEdit*>(QStringLiteral("appDeploymentNameEdit"));
        QVERIFY(name && name->isVisible());
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("quota-canary"));
        QCOMPARE(plan->appDeploymentName(), QStringLiteral("quota-canary"));
        auto* hosts = window->editor()->findChild<QLineEdit*>(QStringLiteral("hostsEdit"));
        hosts->setFocus();
        QTest::keyClicks(hosts, QStringLiteral("quota.example.com"));
        QVERIFY(plan->trafficEnabled());
        QTRY_VERIFY(window->applyAction()->isEnabled());

        QSignalSpy done(window.get(), &MainWindow::applyFinished);
        window->applyAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window->applyPane()
                                     ->stepText(kube::rollout::ApplyStep::ReadinessGuard)
                                     .startsWith(QLatin1String("running")),
                                 60000);
        guitest::screenshot(window.get(), QStringLiteral("apply-waiting-for-ready-pods"));
        QTest::keyClick(window.get(), Qt::Key_Escape); // the Cancel shortcut
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().first().toBool(), false);
        const QString summary = window->applyPane()->summary();
        QVERIFY2(summary.contains(QLatin1String("Cancelled")), qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("Done: ")) &&
                     summary.contains(QLatin1String("deployments")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("Not done: ")) &&
                     summary.contains(QLatin1String("routing")),
                 qPrintable(summary));
        guitest::screenshot(window.get(), QStringLiteral("error-apply-cancelled"));
        auto ad = guitest::wait(client->get(kube::ResourceType::appDeployments(), quotaNs,
                                            QStringLiteral("quota-canary")));
        QVERIFY2(ad.ok(), qPrintable(ad.status.toString())); // the AppDeployment step ran
        // no traffic was switched: there is no VirtualService
        auto vs = guitest::wait(
            client->get(kube::ResourceType::virtualServices(), quotaNs, plan->appDeploymentName()));
        QVERIFY(vs.status.isNotFound());
        QVERIFY(!window->isApplying());
        // the edits are kept after the failure; Revert loads what the cluster has now: the
        // AppDeployment the cancelled apply created
        QVERIFY(plan->isNewPlan());
        QTRY_VERIFY_WITH_TIMEOUT(
            window->session()->store()->appDeploymentFor(QStringLiteral("example-app")), 20000);
        window->revertAction()->trigger();
        QVERIFY(!plan->isNewPlan());
        QCOMPARE(plan->appDeploymentName(), QStringLiteral("quota-canary"));
        QCOMPARE(plan->rowCount(), 2);
        QVERIFY(!plan->isModified());
    }

    void unreachableContextShowsError()
    {
        // A kubeconfig whose only context points at a closed port.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\ncurrent-context: broken\n"
                "clusters:\n- name: broken\n  cluster:\n    server: https://127.0.0.1:1\n"
                "users:\n- name: u\n  user:\n    token: abc\n"
                "contexts:\n- name: broken\n  context:\n    cluster: broken\n    user: u\n");
        f.close();
        kube::KubeConfigOptions options;
        options.kubeconfigPath = path;
        MainWindow broken(options);
        broken.resize(1280, 800);
        broken.show();
        QTRY_COMPARE_WITH_TIMEOUT(broken.session()->state(), ClusterSession::State::Failed, 30000);
        QVERIFY(!broken.applyAction()->isEnabled());
        QVERIFY(!broken.session()->stateMessage().isEmpty());
        broken.showDock(QStringLiteral("logDock"));
        guitest::screenshot(&broken, QStringLiteral("error-unreachable"));
    }
};

QTEST_MAIN(TestGuiRollout)
#include "tst_gui_rollout.moc"
