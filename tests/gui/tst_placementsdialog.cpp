// The Placement per cluster dialog (issue 13, item 1) on a RolloutPlanModel loaded from
// fixtures, offscreen: existing placements are listed, a placement in another cluster is added,
// OK writes it into the plan (then validated per cluster) and saves the cluster -> context
// mapping in the settings. With VELADESK_SCREENSHOT_DIR set it saves placements-dialog.png.

#include "kube/rollout/multicluster.h"
#include "models/rolloutplanmodel.h"
#include "tests/models/fixtures.h"
#include "ui/placementsdialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace veladesk;

class TestPlacementsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("veladesk-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_placementsdialog"));
        QSettings().clear();
    }

    void editsPlacementsAndMapping()
    {
        RolloutPlanModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const kube::rollout::AppDeploymentPlan plan =
            fixtures::plan(QStringLiteral("appdeployment-split.json"));
        model.load(QStringLiteral("example-app"), QStringLiteral("default"), &plan,
                   fixtures::revisions());
        PlacementsDialog dialog(&model, {QStringLiteral("kwok-a"), QStringLiteral("prod-eu")},
                                QStringLiteral("kwok-a"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTableWidget* t = dialog.placementsTable();
        QCOMPARE(t->rowCount(), 2); // one home placement per revision
        QCOMPARE(t->item(0, 1)->text(), QString());

        // v2: 3 more replicas in cluster eu (context prod-eu).
        QList<QPushButton*> buttons = dialog.findChildren<QPushButton*>();
        QPushButton* add = nullptr;
        QPushButton* addMapping = nullptr;
        for (QPushButton* b : buttons) {
            if (b->text() == QLatin1String("Add placement"))
                add = b;
            if (b->text() == QLatin1String("Add mapping"))
                addMapping = b;
        }
        QVERIFY(add && addMapping);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(t->rowCount(), 3);
        qobject_cast<QComboBox*>(t->cellWidget(2, 0))
            ->setCurrentText(QStringLiteral("example-app-v2"));
        t->item(2, 1)->setText(QStringLiteral("eu"));
        qobject_cast<QSpinBox*>(t->cellWidget(2, 2))->setValue(3);
        QTest::mouseClick(addMapping, Qt::LeftButton);
        dialog.contextsTable()->item(0, 0)->setText(QStringLiteral("eu"));
        dialog.contextsTable()->item(0, 1)->setText(QStringLiteral("prod-eu"));

        if (const QString dir = qEnvironmentVariable("VELADESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/placements-dialog.png")));

        QVERIFY(dialog.commit());
        const kube::rollout::AppDeploymentPlan edited = model.plan();
        QVERIFY(edited.isMultiCluster(QStringLiteral("kwok-a")));
        QCOMPARE(edited.replicasIn(QStringLiteral("example-app-v2"), QStringLiteral("eu"),
                                   QStringLiteral("kwok-a")),
                 3);
        QCOMPARE(edited.replicasIn(QStringLiteral("example-app-v1"), QStringLiteral("eu"),
                                   QStringLiteral("kwok-a")),
                 0);
        QCOMPARE(PlacementsDialog::savedClusterContexts().contextOf(QStringLiteral("eu")),
                 QStringLiteral("prod-eu"));
        // The 50/50 split now routes to v1 in eu as well, where it has no replicas: the
        // editor's problems say so, naming the cluster.
        QVERIFY2(model.problems().join(QLatin1Char('\n')).contains(QLatin1String("cluster eu")),
                 qPrintable(model.problems().join(QLatin1Char('\n'))));
    }

    void incompleteMappingIsRefused()
    {
        RolloutPlanModel model;
        const kube::rollout::AppDeploymentPlan plan =
            fixtures::plan(QStringLiteral("appdeployment-split.json"));
        model.load(QStringLiteral("example-app"), QStringLiteral("default"), &plan,
                   fixtures::revisions());
        PlacementsDialog dialog(&model, {}, QStringLiteral("kwok-a"));
        QTableWidget* c = dialog.contextsTable();
        c->insertRow(0);
        c->setItem(0, 0, new QTableWidgetItem(QStringLiteral("eu")));
        c->setItem(0, 1, new QTableWidgetItem(QString()));
        QVERIFY(!dialog.commit());
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("placementsProblem"))
                    ->text()
                    .contains(QLatin1String("expected NAME=CONTEXT")));
        QVERIFY(!model.isModified()); // nothing written
    }
};

QTEST_MAIN(TestPlacementsDialog)
#include "tst_placementsdialog.moc"
