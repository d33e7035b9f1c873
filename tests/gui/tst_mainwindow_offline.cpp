// The main window without a cluster: a missing kubeconfig gives the NoConfig state with a
// banner and a log entry naming the file; the main actions carry their shortcuts; log lines
// can be copied; unapplied edits are not dropped without asking (applications listed from
// objects given to the model, no cluster needed).

#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/logmodel.h"
#include "models/namespacestore.h"
#include "models/rolloutplanmodel.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace veladesk;

class TestMainWindowOffline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void missingKubeconfig()
    {
        kube::KubeConfigOptions options;
        options.kubeconfigPath = QStringLiteral("/nonexistent/veladesk-test-kubeconfig");
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.session()->state(), ClusterSession::State::NoConfig);
        auto* banner = window.findChild<QLabel*>(QStringLiteral("connectionBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QLatin1String("veladesk-test-kubeconfig")),
                 qPrintable(banner->text()));
        QVERIFY(!window.applyAction()->isEnabled());
        QVERIFY(!window.previewAction()->isEnabled());
        QVERIFY(window.logModel()->rowCount() >= 1);
        QCOMPARE(window.logModel()->entry(0).level, LogEntry::Level::Error);
    }

    void shortcuts()
    {
        MainWindow window(kube::KubeConfigOptions{QStringLiteral("/nonexistent/x"), {}, {}});
        QCOMPARE(window.previewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QCOMPARE(window.applyAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(window.revertAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
        QStringList all;
        const QList<QAction*> actions = window.findChildren<QAction*>();
        for (QAction* a : actions)
            if (!a->shortcut().isEmpty() && a->shortcutContext() != Qt::WidgetShortcut)
                all << a->shortcut().toString();
        for (const char* key :
             {"F5", "Esc", "Ctrl+E", "Ctrl+K", "Ctrl+N", "Ctrl+Q", "Ctrl+1", "Ctrl+4"})
            QVERIFY2(all.contains(QString::fromLatin1(key)), key);
        // no two window-wide actions share a shortcut (Qt would trigger neither)
        const qsizetype count = all.size();
        all.removeDuplicates();
        QCOMPARE(all.size(), count);
    }

    void copyLogLines()
    {
        MainWindow window(kube::KubeConfigOptions{QStringLiteral("/nonexistent/x"), {}, {}});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.logModel()->info(QStringLiteral("server"), QStringLiteral("first answer"));
        window.logModel()->error(QStringLiteral("server"), QStringLiteral("second answer"));
        window.showDock(QStringLiteral("logDock"));
        auto* view = window.findChild<QTreeView*>(QStringLiteral("logView"));
        const int n = window.logModel()->rowCount();
        view->selectionModel()->select(
            QItemSelection(view->model()->index(n - 2, 0), view->model()->index(n - 1, 2)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->setFocus();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(QLatin1String("server first answer\n")) &&
                     text.endsWith(QLatin1String("server second answer")),
                 qPrintable(text));
    }

    // Switching the application, the namespace or the context, or closing the window, asks
    // before unapplied edits are dropped: Cancel keeps them (and the previous selection),
    // Discard proceeds; nothing is asked when nothing was edited.
    void unappliedEditsAskBeforeDiscarding()
    {
        MainWindow window(kube::KubeConfigOptions{QStringLiteral("/nonexistent/x"), {}, {}});
        QStringList asked;
        bool discard = false;
        window.setDiscardPrompt([&](const QString& name) {
            asked << name;
            return discard;
        });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto application = [](const char* name) {
            return QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("Application")},
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                             {QStringLiteral("namespace"), QStringLiteral("demo")}}}};
        };
        NamespaceStore* store = window.session()->store();
        store->resetKind(NamespaceStore::Kind::Applications,
                         {application("alpha"), application("beta")});
        store->flushChanges();
        RolloutPlanModel* plan = window.planModel();
        const QString alpha = QStringLiteral("alpha"), beta = QStringLiteral("beta");
        QVERIFY(window.selectApplication(alpha));
        QVERIFY(window.selectApplication(beta)); // nothing edited: nothing asked
        QVERIFY(window.selectApplication(alpha));
        QVERIFY(asked.isEmpty());
        QCOMPARE(plan->appName(), alpha);

        const QStringList hosts{QStringLiteral("alpha.example.com")};
        plan->setHosts(hosts);
        QVERIFY(plan->isModified());
        const QString planName = plan->appDeploymentName();
        QVERIFY(!planName.isEmpty());

        // Cancel on another application: alpha stays selected with its edits
        QVERIFY(!window.selectApplication(beta));
        QCOMPARE(asked, QStringList{planName});
        QCOMPARE(window.selectedApplication(), alpha);
        QCOMPARE(plan->appName(), alpha);
        QCOMPARE(plan->hosts(), hosts);
        QVERIFY(plan->isModified());
        QTreeView* apps = window.applicationsView();
        const int alphaRow = window.applicationsModel()->rowOf(alpha);
        QCOMPARE(apps->currentIndex().row(), alphaRow);
        const QModelIndexList selected = apps->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), alphaRow);

        // the same with a click on beta's row
        const QRect betaRect = apps->visualRect(
            window.applicationsModel()->index(window.applicationsModel()->rowOf(beta), 0));
        QTest::mouseClick(apps->viewport(), Qt::LeftButton, {}, betaRect.center());
        QCOMPARE(asked.size(), 2);
        QCOMPARE(window.selectedApplication(), alpha);
        QCOMPARE(plan->hosts(), hosts);
        QCOMPARE(apps->currentIndex().row(), alphaRow);
        QCOMPARE(apps->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(apps->selectionModel()->selectedRows().first().row(), alphaRow);

        // Cancel on another namespace or context: the pickers go back, the edits stay
        QComboBox* namespaces = window.namespacePicker();
        namespaces->addItem(QStringLiteral("elsewhere"));
        namespaces->setCurrentIndex(namespaces->findText(QStringLiteral("elsewhere")));
        Q_EMIT namespaces->activated(namespaces->currentIndex());
        QCOMPARE(asked.size(), 3);
        QCOMPARE(namespaces->currentText(), window.session()->currentNamespace());
        QComboBox* contexts = window.contextPicker();
        contexts->addItems({QStringLiteral("first"), QStringLiteral("other")});
        contexts->setCurrentIndex(contexts->findText(QStringLiteral("other")));
        Q_EMIT contexts->activated(contexts->currentIndex());
        QCOMPARE(asked.size(), 4);
        QCOMPARE(contexts->currentText(), window.session()->currentContext());
        QCOMPARE(window.selectedApplication(), alpha);
        QCOMPARE(plan->appName(), alpha);
        QCOMPARE(plan->hosts(), hosts);

        // Cancel on close: the window stays open
        QVERIFY(!window.close());
        QCOMPARE(asked.size(), 5);
        QVERIFY(window.isVisible());
        QCOMPARE(plan->hosts(), hosts);

        // Discard: the other application is loaded
        discard = true;
        QVERIFY(window.selectApplication(beta));
        QCOMPARE(asked.size(), 6);
        QCOMPARE(plan->appName(), beta);
        QVERIFY(!plan->isModified());

        // Discard on another namespace: the plan is dropped as before
        plan->setHosts({QStringLiteral("beta.example.com")});
        namespaces->setCurrentIndex(namespaces->findText(QStringLiteral("elsewhere")));
        Q_EMIT namespaces->activated(namespaces->currentIndex());
        QCOMPARE(asked.size(), 7);
        QVERIFY(window.selectedApplication().isEmpty());
        QVERIFY(plan->appName().isEmpty());
        QVERIFY(!plan->isModified());

        // nothing edited: closes without asking
        QVERIFY(window.close());
        QCOMPARE(asked.size(), 7);
    }
};

QTEST_MAIN(TestMainWindowOffline)
#include "tst_mainwindow_offline.moc"
