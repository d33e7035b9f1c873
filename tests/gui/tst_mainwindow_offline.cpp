// The main window without a cluster: a missing kubeconfig gives the NoConfig state with a
// banner and a log entry naming the file; the main actions carry their shortcuts; log lines
// can be copied.

#include "models/clustersession.h"
#include "models/logmodel.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
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
};

QTEST_MAIN(TestMainWindowOffline)
#include "tst_mainwindow_offline.moc"
