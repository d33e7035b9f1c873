// RolloutEditor on a RolloutPlanModel loaded from fixtures, offscreen, no cluster: the
// sliders, percentage fields, locks, replicas, add/remove, split evenly and the problem text.

#include "models/rolloutplanmodel.h"
#include "tests/models/fixtures.h"
#include "ui/rollouteditor.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

using namespace veladesk;

class TestRolloutEditor : public QObject
{
    Q_OBJECT
    RolloutPlanModel* model = nullptr;
    RolloutEditor* editor = nullptr;

private Q_SLOTS:
    void init()
    {
        model = new RolloutPlanModel(this);
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     model);
        const kube::rollout::AppDeploymentPlan plan =
            fixtures::plan(QStringLiteral("appdeployment-split.json"));
        model->load(QStringLiteral("example-app"), QStringLiteral("default"), &plan,
                    fixtures::revisions());
        editor = new RolloutEditor(model);
        editor->resize(900, 500);
        editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(editor));
    }
    void cleanup()
    {
        delete editor;
        delete model;
    }

    void slidersRedistribute()
    {
        QSlider* s0 = editor->weightSlider(0);
        QSlider* s1 = editor->weightSlider(1);
        QCOMPARE(s0->value(), 50);
        s0->setFocus();
        QTest::keyClick(s0, Qt::Key_PageDown); // 40
        QCOMPARE(s1->value(), 60);
        QTest::keyClick(s0, Qt::Key_Right); // 41
        QCOMPARE(s1->value(), 59);
        QCOMPARE(editor->weightField(1)->value(), 59);
        QCOMPARE(model->totalWeight(), 100);
        // the percentage field drives the same rule
        QSpinBox* f1 = editor->weightField(1);
        f1->setFocus();
        QTest::keyClick(f1, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(f1, QStringLiteral("75"));
        QTest::keyClick(f1, Qt::Key_Return);
        QCOMPARE(s0->value(), 25);
    }

    void lockPinsARow()
    {
        QVERIFY(model->addRevision(QStringLiteral("example-app-v3")));
        QCOMPARE(editor->weightSlider(2)->value(), 0);
        QTest::mouseClick(editor->lockButton(1), Qt::LeftButton);
        QVERIFY(model->row(1).locked);
        QVERIFY(!editor->weightSlider(1)->isEnabled());
        QSlider* s2 = editor->weightSlider(2);
        s2->setFocus();
        QTest::keyClick(s2, Qt::Key_End); // as far as the lock allows
        QCOMPARE(s2->value(), 50);
        QCOMPARE(editor->weightSlider(0)->value(), 0);
        QCOMPARE(editor->weightSlider(1)->value(), 50);
        editor->findChild<QPushButton*>(QStringLiteral("splitEvenlyButton"))->click();
        QCOMPARE(editor->weightSlider(0)->value(), 34);
        QCOMPARE(editor->weightSlider(1)->value(), 33);
        QVERIFY(editor->weightSlider(1)->isEnabled()); // split evenly unlocks
    }

    void zeroReplicasShowsProblem()
    {
        QVERIFY(model->isValid());
        QSpinBox* r1 = editor->replicasField(1);
        r1->setFocus();
        QTest::keyClick(r1, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(r1, QStringLiteral("0"));
        QTest::keyClick(r1, Qt::Key_Return);
        QVERIFY(editor->problemsText().contains(
            QLatin1String("weight 50 for revision example-app-v2, which has 0 replicas")));
        QVERIFY(!model->isValid());
        // the row's one badge says it is invalid, its tooltip says why
        const QLabel* badge = editor->findChild<QLabel*>(QStringLiteral("stateLabel_1"));
        QVERIFY2(badge->text().contains(QLatin1String("invalid")), qPrintable(badge->text()));
        QVERIFY2(fixtures::shownText(badge->toolTip()).contains(QLatin1String("0 replicas")),
                 qPrintable(badge->toolTip()));
    }

    void addAndRemoveRows()
    {
        auto* combo = editor->findChild<QComboBox*>(QStringLiteral("addRevisionCombo"));
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->itemText(0), QStringLiteral("example-app-v3"));
        editor->findChild<QPushButton*>(QStringLiteral("addRevisionButton"))->click();
        QCOMPARE(model->rowCount(), 3);
        QTRY_VERIFY(editor->weightSlider(2) != nullptr);
        QCOMPARE(editor->portField(2)->value(), 8080);
        QTRY_COMPARE(combo->count(), 0);
        QTest::mouseClick(editor->findChild<QToolButton*>(QStringLiteral("removeButton_0")),
                          Qt::LeftButton);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->row(0).revisionName, QStringLiteral("example-app-v2"));
        QTRY_COMPARE(editor->weightSlider(0)->value(), 100);
    }

    // A refresh of the live values while the operator types in a field keeps the typed text.
    void refreshKeepsTypedText()
    {
        QSpinBox* r0 = editor->replicasField(0);
        r0->setFocus();
        QTest::keyClick(r0, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(r0, QStringLiteral("7"));
        const VirtualServiceInfo vs = VirtualServiceInfo::fromJson(
            fixtures::object(QStringLiteral("virtualservice-drift.json")));
        QMap<QString, DeploymentInfo> deployments;
        for (const QJsonObject& o : fixtures::items(QStringLiteral("deployments.json")))
            deployments.insert(DeploymentInfo::fromJson(o).name, DeploymentInfo::fromJson(o));
        model->setLive(&vs, deployments);
        QCOMPARE(r0->text(), QStringLiteral("7"));
        QTest::keyClick(r0, Qt::Key_Return);
        QCOMPARE(model->row(0).replicas, 7);
    }

    // A revision with two components: the row offers the component, its port follows.
    void severalComponents()
    {
        model->load(QStringLiteral("multi"), QStringLiteral("default"), nullptr,
                    fixtures::revisions(QStringLiteral("applicationrevisions-multi.json")));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->row(0).componentName, QStringLiteral("web"));
        QCOMPARE(editor->portField(0)->value(), 8080);
        QComboBox* picker = editor->componentPicker(0);
        QVERIFY(picker);
        QCOMPARE(picker->count(), 2);
        picker->setCurrentIndex(1);
        Q_EMIT picker->activated(1);
        QCOMPARE(model->row(0).componentName, QStringLiteral("worker"));
        QCOMPARE(editor->portField(0)->value(), 9000);
        // single-component revisions have no picker
        cleanup();
        init();
        QVERIFY(!editor->componentPicker(0));
    }

    // The routing API is an editable choice (issue 12): picking HTTPRoute with the keyboard
    // edits the plan's annotation as an unapplied edit; Revert brings the choice back.
    void routingChoiceEditsThePlan()
    {
        auto* combo = editor->findChild<QComboBox*>(QStringLiteral("routingApi"));
        QVERIFY(combo);
        QVERIFY(combo->isEnabled());
        QVERIFY(!combo->toolTip().isEmpty());
        QVERIFY(!combo->accessibleName().isEmpty());
        QCOMPARE(combo->count(), 3);
        QVERIFY(combo->currentText().startsWith(QLatin1String("Chosen at apply")));
        const QLatin1String key(kube::rollout::routingAnnotation);
        QVERIFY(!model->plan().annotations.contains(key));
        const int validations = model->validationCount();

        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_End); // the last item: Gateway API HTTPRoute
        QCOMPARE(combo->currentText(), QStringLiteral("Gateway API HTTPRoute"));
        QCOMPARE(model->validationCount() - validations, 1);
        QVERIFY(model->isModified());
        QCOMPARE(model->plan().annotations.value(key).toString(), QStringLiteral("httproute"));

        QTest::keyClick(combo, Qt::Key_Up); // Istio VirtualService
        QCOMPARE(model->plan().annotations.value(key).toString(), QStringLiteral("virtualservice"));

        model->revert();
        QVERIFY(!model->isModified());
        QVERIFY(!model->plan().annotations.contains(key));
        QVERIFY(combo->currentText().startsWith(QLatin1String("Chosen at apply")));

        // a plan loaded with the annotation shows it
        auto plan = fixtures::plan(QStringLiteral("appdeployment-split.json"));
        kube::rollout::setPlannedRouting(plan, kube::rollout::RoutingApi::HTTPRoute);
        model->load(QStringLiteral("example-app"), QStringLiteral("default"), &plan,
                    fixtures::revisions());
        QCOMPARE(combo->currentText(), QStringLiteral("Gateway API HTTPRoute"));
        QVERIFY(!model->isModified());
    }

    void noHostsDisablesSliders()
    {
        auto* hosts = editor->findChild<QLineEdit*>(QStringLiteral("hostsEdit"));
        QCOMPARE(hosts->text(), QStringLiteral("example-app.example.com"));
        hosts->setFocus();
        hosts->selectAll();
        QTest::keyClick(hosts, Qt::Key_Delete);
        QVERIFY(!model->trafficEnabled());
        QVERIFY(!editor->weightSlider(0)->isEnabled());
        // the gateways stay: traffic without a host is an error that names the field
        QVERIFY2(editor->problemsText().contains(
                     QLatin1String("hosts: at least one host is required when traffic is set")),
                 qPrintable(editor->problemsText()));
    }
};

QTEST_MAIN(TestRolloutEditor)
#include "tst_rollouteditor.moc"
