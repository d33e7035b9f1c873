// Issue 14, item 4: a whole rollout by keyboard alone, against the local control plane with the
// reference scenario (example-app at 50/50). Every step is a key pressed on the widget that has
// the focus, as a user without a mouse would: Ctrl+L to the applications list and Home to
// select example-app, Alt+W to the first revision's weight, 20 and Enter (the other revision
// follows to 80), Tab to the second revision's weight to read it, Ctrl+P to preview,
// Ctrl+Enter to apply. No mouse, no setValue(): then the VirtualService in the cluster must
// route 20/80.

#include "guitest.h"
#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTreeView>

using namespace veladesk;

class TestGuiKeyboard : public QObject
{
    Q_OBJECT
    std::shared_ptr<kube::Client> client;
    QString ns;
    QString kubeconfig;
    std::unique_ptr<MainWindow> window;

    // The key goes to whatever has the focus, as it would from a real keyboard.
    static QWidget* focused()
    {
        QWidget* w = QApplication::focusWidget();
        if (!w)
            qFatal("no widget has the keyboard focus");
        return w;
    }
    static void press(Qt::Key key, Qt::KeyboardModifiers mods = {})
    {
        QTest::keyClick(focused(), key, mods);
    }
    static QString focusName()
    {
        QWidget* w = QApplication::focusWidget();
        return w ? w->objectName() + QStringLiteral(" (") + w->accessibleName() + QLatin1Char(')')
                 : QStringLiteral("nothing");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        kubeconfig = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
        if (kubeconfig.isEmpty())
            QSKIP("VELADESK_TEST_KUBECONFIG is not set (run through ctest: integration label)");
        const QString failed =
            guitest::connectWithScenario(kubeconfig, QStringLiteral("kbd"), &client, &ns);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase()
    {
        window.reset();
        if (client && !ns.isEmpty())
            guitest::wait(client->remove(kube::ResourceType::namespaces(), {}, ns));
    }

    void rolloutByKeyboardOnly()
    {
        window = guitest::windowOn(kubeconfig, ns);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ClusterSession::State::Connected,
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->applicationsModel()->rowCount() > 0 && !window->session()->isLoading(), 20000);

        // 1. the applications list (Ctrl+L), the first application (Home)
        press(Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget*>(window->applicationsView()));
        press(Qt::Key_End);
        press(Qt::Key_Home);
        QTRY_COMPARE(window->selectedApplication(), QStringLiteral("example-app"));
        RolloutPlanModel* plan = window->planModel();
        QTRY_COMPARE(plan->rowCount(), 2);
        QCOMPARE(plan->row(0).revisionName, QStringLiteral("example-app-v1"));
        QCOMPARE(plan->row(0).weight, 50);

        // 2. the first revision's weight (Alt+W, the "Traffic weight" column's mnemonic)
        RolloutEditor* editor = window->editor();
        // (the rows are on screen, as the user sees them before reaching for them)
        QTRY_VERIFY(editor->weightField(0) && editor->weightField(0)->isVisible());
        press(Qt::Key_I, Qt::AltModifier); // "Repl&icas": the first revision's replicas
        QVERIFY2(QApplication::focusWidget() == editor->replicasField(0), qPrintable(focusName()));
        press(Qt::Key_W, Qt::AltModifier);
        QVERIFY2(QApplication::focusWidget() == editor->weightField(0), qPrintable(focusName()));
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focused(), QStringLiteral("20"));
        press(Qt::Key_Return);
        QCOMPARE(plan->row(0).weight, 20);
        QCOMPARE(plan->row(1).weight, 80); // the other revision follows
        // Tab walks the row (lock, replicas, port, ...) to the next revision's weight
        for (int i = 0; i < 12 && QApplication::focusWidget() != editor->weightField(1); ++i)
            press(Qt::Key_Tab);
        QVERIFY2(QApplication::focusWidget() == editor->weightField(1), qPrintable(focusName()));
        QCOMPARE(qobject_cast<QSpinBox*>(focused())->value(), 80);
        QVERIFY(plan->isModified());

        // 3. preview (Ctrl+P)
        QSignalSpy previewed(window.get(), &MainWindow::previewFinished);
        QTRY_VERIFY(window->previewAction()->isEnabled());
        press(Qt::Key_P, Qt::ControlModifier);
        QVERIFY(previewed.wait(60000));
        QVERIFY(previewed.first().first().toBool());
        bool vsInPreview = false;
        for (int i = 1; i <= window->previewPane()->objectCount(); ++i)
            vsInPreview |= window->previewPane()->entryText(i).contains(
                QLatin1String("VirtualService/example-appdeploy"));
        QVERIFY(vsInPreview);

        // 4. apply (Ctrl+Enter)
        QSignalSpy applied(window.get(), &MainWindow::applyFinished);
        QTRY_VERIFY(window->applyAction()->isEnabled());
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(window->isApplying() || !applied.isEmpty(), "Ctrl+Enter did not start the apply");
        QVERIFY(applied.wait(180000) || !applied.isEmpty());
        QVERIFY2(applied.first().first().toBool(), qPrintable(window->applyPane()->summary()));

        // the cluster routes 20/80
        auto vs = guitest::wait(client->get(kube::ResourceType::virtualServices(), ns,
                                            QStringLiteral("example-appdeploy")));
        QVERIFY2(vs.ok(), qPrintable(vs.status.toString()));
        const QJsonArray route = vs.value[QLatin1String("spec")][QLatin1String("http")]
                                     .toArray()[0][QLatin1String("route")]
                                     .toArray();
        QMap<QString, int> weights;
        for (const QJsonValue& v : route)
            weights.insert(v[QLatin1String("destination")][QLatin1String("host")].toString(),
                           v[QLatin1String("weight")].toInt());
        const QMap<QString, int> expected{{QStringLiteral("example-app-v1-testsvc-8000"), 20},
                                          {QStringLiteral("example-app-v2-testsvc-80"), 80}};
        QCOMPARE(weights, expected);
        guitest::screenshot(window.get(), QStringLiteral("keyboard-rollout-done"));
    }
};

QTEST_MAIN(TestGuiKeyboard)
#include "tst_gui_keyboard.moc"
