// The routing API chosen in the real window against the local control plane (issue 12, item 1:
// "shown and editable in the GUI"). The reference scenario (applied as VirtualService) is
// loaded into a fresh namespace; "Gateway API HTTPRoute" is picked in the editor's routing
// combo with the keyboard, Preview shows the HTTPRoute to create and the VirtualService to
// delete, Apply switches: the cluster then has HTTPRoute/example-appdeploy with the 50/50
// weights and no VirtualService, while a RoutingMonitor watching the namespace sees no
// moment where a route gives weight to a Service without ready endpoints. Then back to
// "Istio VirtualService" the same way. With VELADESK_SCREENSHOT_DIR set it saves
// routing-choice.png (the combo set to HTTPRoute, the preview shown).

#include "guitest.h"
#include "kube/rollout/routing.h"
#include "kube/rollout/routingmonitor.h"
#include "models/clustersession.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace veladesk;
using kube::rollout::RoutingApi;

class TestGuiRouting : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    std::unique_ptr<MainWindow> window;
    const QString name = QStringLiteral("example-appdeploy");

    // backendRef/destination -> weight of the route of `api` named like the AppDeployment;
    // empty when it does not exist.
    QMap<QString, int> routedWeights(RoutingApi api)
    {
        const kube::ResourceType type = api == RoutingApi::HTTPRoute
                                            ? kube::rollout::httpRoutes()
                                            : kube::ResourceType::virtualServices();
        auto route = guitest::wait(client->get(type, ns, name));
        QMap<QString, int> out;
        if (!route.ok())
            return out;
        for (const kube::rollout::RouteDestination& d :
             kube::rollout::routeDestinations(route.value, ns))
            out.insert(d.service, d.weight);
        return out;
    }
    bool exists(RoutingApi api)
    {
        const kube::ResourceType type = api == RoutingApi::HTTPRoute
                                            ? kube::rollout::httpRoutes()
                                            : kube::ResourceType::virtualServices();
        auto r = guitest::wait(client->get(type, ns, name));
        if (!r.ok() && !r.status.isNotFound())
            qFatal("reading %s: %s", qPrintable(kube::rollout::routingKind(api)),
                   qPrintable(r.status.toString()));
        return r.ok();
    }

    // Picks `item` in the editor's routing combo with the keyboard, previews (the diff must
    // create the new route and delete the old one), applies, and checks the cluster under a
    // RoutingMonitor.
    void switchTo(RoutingApi api, const QString& item, const char* screenshot = nullptr)
    {
        const RoutingApi old =
            api == RoutingApi::HTTPRoute ? RoutingApi::VirtualService : RoutingApi::HTTPRoute;
        auto* combo = window->editor()->findChild<QComboBox*>(QStringLiteral("routingApi"));
        QVERIFY(combo);
        QVERIFY(combo->isEnabled());
        QCOMPARE(combo->currentData().toString(), kube::rollout::routingApiName(old));
        combo->setFocus();
        const int target = combo->findText(item);
        QVERIFY(target >= 0);
        QTest::keyClick(combo, target > combo->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(combo->currentText(), item);
        RolloutPlanModel* plan = window->planModel();
        QVERIFY(plan->isModified());
        QCOMPARE(plan->routing(), api);

        QSignalSpy previewed(window.get(), &MainWindow::previewFinished);
        QTRY_VERIFY(window->previewAction()->isEnabled());
        window->previewAction()->trigger();
        QVERIFY(previewed.wait(60000));
        QCOMPARE(previewed.first().first().toBool(), true);
        PreviewPane* preview = window->previewPane();
        QString created, deleted;
        for (int i = 1; i <= preview->objectCount(); ++i) {
            const QString entry = preview->entryText(i);
            if (entry.contains(kube::rollout::routingKind(api) + QLatin1Char('/') + name))
                created = entry;
            if (entry.contains(kube::rollout::routingKind(old) + QLatin1Char('/') + name))
                deleted = entry;
        }
        QVERIFY2(created.startsWith(QLatin1String("create")), qPrintable(created));
        QVERIFY2(deleted.startsWith(QLatin1String("delete")), qPrintable(deleted));
        if (screenshot)
            guitest::screenshot(window.get(), QString::fromLatin1(screenshot));
        QVERIFY(exists(old)); // the preview changed nothing
        QVERIFY(!exists(api));

        kube::rollout::RoutingMonitor monitor(client, ns);
        const kube::Status started =
            guitest::wait(QtConcurrent::run([&monitor] { return monitor.start(); }));
        QVERIFY2(started.ok(), qPrintable(started.toString()));
        QSignalSpy applied(window.get(), &MainWindow::applyFinished);
        QTRY_VERIFY(window->applyAction()->isEnabled());
        window->applyAction()->trigger();
        QVERIFY(applied.wait(180000));
        QVERIFY2(applied.first().first().toBool(), qPrintable(window->applyPane()->summary()));
        QVERIFY(guitest::wait(QtConcurrent::run([&monitor] { return monitor.settle(); })));
        monitor.stop();
        qInfo().noquote() << monitor.summary();
        QVERIFY2(monitor.counts().violations == 0, qPrintable(monitor.summary()));
        QVERIFY(monitor.counts().states > 1);

        const QMap<QString, int> expected{{QStringLiteral("example-app-v1-testsvc-8000"), 50},
                                          {QStringLiteral("example-app-v2-testsvc-80"), 50}};
        QCOMPARE(routedWeights(api), expected);
        QVERIFY(!exists(old));
        auto ad = guitest::wait(client->get(kube::ResourceType::appDeployments(), ns, name));
        QVERIFY(ad.ok());
        QCOMPARE(ad.value[QLatin1String("metadata")][QLatin1String("annotations")]
                         [QLatin1String(kube::rollout::routingAnnotation)]
                             .toString(),
                 kube::rollout::routingApiName(api));
        // the applied plan is the new baseline, the combo keeps the choice
        QTRY_VERIFY_WITH_TIMEOUT(!plan->isModified(), 20000);
        QCOMPARE(combo->currentText(), item);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        const QString failed =
            guitest::connectWithScenario(kubeconfig, QStringLiteral("guirouting"), &client, &ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        window = guitest::windowOn(kubeconfig, ns);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(window->selectedApplication(), QStringLiteral("example-app"),
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(window->planModel()->rowCount(), 2, 20000);
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void switchToHttpRoute()
    {
        QVERIFY(exists(RoutingApi::VirtualService));
        switchTo(RoutingApi::HTTPRoute, QStringLiteral("Gateway API HTTPRoute"), "routing-choice");
    }

    void switchBackToVirtualService()
    {
        switchTo(RoutingApi::VirtualService, QStringLiteral("Istio VirtualService"));
    }
};

QTEST_MAIN(TestGuiRouting)
#include "tst_gui_routing.moc"
