// Issue 14, items 4 and 5, offline (recorded API objects in the window's store, no cluster):
// - every control of the main window (and of the rollout editor with its rows) has an
//   accessible name and a tooltip; the test names each control that lacks either;
// - the editor's layout at 1280x800 and 1920x1080, light and dark palettes, in its most crowded
//   state (an interrupted apply's banner, the drift banner, a drifted row, an HPA-managed row):
//   no two visible controls overlap, every revision row is on screen, and each row's state is
//   one badge (never "ok" and "drift" at once) with the details in its tooltip.
// With VELADESK_SCREENSHOT_DIR set it saves editor-<size>-<palette>.png for each of the four.

#include "guitest.h"
#include "models/clustersession.h"
#include "models/namespacestore.h"
#include "models/rolloutplanmodel.h"
#include "tests/models/fixtures.h"
#include "ui/mainwindow.h"
#include "ui/rollouteditor.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QWidgetAction>

using namespace veladesk;
using Kind = NamespaceStore::Kind;

namespace {

// Widgets Qt builds inside a control (a combo's or spin box's line edit, scroll bars, a view's
// header, the dock's title buttons, the tool bar's extension button): the control itself
// carries the name and tooltip.
bool isPartOfAControl(const QWidget* w)
{
    if (w->objectName().startsWith(QLatin1String("qt_")))
        return true;
    if (qobject_cast<const QScrollBar*>(w) || qobject_cast<const QHeaderView*>(w) ||
        qobject_cast<const QTabBar*>(w))
        return true;
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<const QComboBox*>(p) || qobject_cast<const QAbstractSpinBox*>(p) ||
            qobject_cast<const QAbstractItemView*>(p) || qobject_cast<const QTabBar*>(p) ||
            qobject_cast<const QLineEdit*>(p))
            return true;
    return false;
}

bool isControl(const QWidget* w)
{
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
           qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QComboBox*>(w) ||
           qobject_cast<const QAbstractItemView*>(w) || qobject_cast<const QDockWidget*>(w) ||
           qobject_cast<const QLineEdit*>(w);
}

QString describe(const QWidget* w)
{
    QString what = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        what += QStringLiteral(" \"%1\"").arg(w->objectName());
    if (const auto* b = qobject_cast<const QAbstractButton*>(w); b && !b->text().isEmpty())
        what += QStringLiteral(" [%1]").arg(b->text());
    QStringList path;
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (!p->objectName().isEmpty())
            path.prepend(p->objectName());
    return what + QStringLiteral(" in ") + path.join(QLatin1Char('/'));
}

// The part of `w` that is on screen, in `top`'s coordinates (clipped by scroll areas).
QRect visibleRect(const QWidget* w, const QWidget* top)
{
    QRect r(w->mapTo(top, QPoint(0, 0)), w->size());
    for (const QWidget* p = w->parentWidget(); p && p != top; p = p->parentWidget())
        r &= QRect(p->mapTo(top, QPoint(0, 0)), p->size());
    return r;
}

// Whether a part of `w` is cut off at the left or right by a parent (a row wider than the
// editor), wherever it is scrolled vertically.
bool clippedSideways(const QWidget* w, const QWidget* top)
{
    const QRect r(w->mapTo(top, QPoint(0, 0)), w->size());
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        const QRect pr(p->mapTo(top, QPoint(0, 0)), p->size());
        if (r.left() < pr.left() || r.right() > pr.right())
            return true;
        if (p == top)
            break;
    }
    return false;
}

} // namespace

class TestGuiAccessibility : public QObject
{
    Q_OBJECT
    std::unique_ptr<MainWindow> window;

    void fill()
    {
        NamespaceStore* store = window->session()->store();
        store->resetKind(Kind::Applications, fixtures::items(QStringLiteral("applications.json")));
        store->resetKind(Kind::ApplicationRevisions,
                         fixtures::items(QStringLiteral("applicationrevisions.json")));
        // an apply killed half way: phase Rolling, its Lease gone (the interrupted banner)
        store->resetKind(Kind::AppDeployments,
                         {fixtures::object(QStringLiteral("appdeployment-interrupted.json"))});
        store->resetKind(Kind::ApplyLeases, {});
        // the VirtualService edited by hand (drift), testsvc-v2 scaled by an HPA
        QList<QJsonObject> deployments = fixtures::items(QStringLiteral("deployments.json"));
        store->resetKind(Kind::Deployments, deployments);
        store->resetKind(Kind::VirtualServices,
                         {fixtures::object(QStringLiteral("virtualservice-drift.json"))});
        store->resetKind(Kind::HorizontalPodAutoscalers,
                         fixtures::items(QStringLiteral("hpas.json")));
        store->resetKind(Kind::Pods, fixtures::items(QStringLiteral("pods.json")));
        store->flushChanges();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        window = std::make_unique<MainWindow>(
            kube::KubeConfigOptions{QStringLiteral("/nonexistent/kubeconfig"), {}, {}});
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        fill();
        QVERIFY(window->selectApplication(QStringLiteral("example-app")));
        QTRY_VERIFY(!window->editor()->applyNoticeText().isEmpty());
        QVERIFY(window->planModel()->rowCount() >= 2);
    }

    void cleanupTestCase() { window.reset(); }

    // Item 4: every control has an accessible name and a tooltip (screen readers read the
    // first, sighted mouse users get the second). Hidden docks' controls count too.
    void everyControlHasNameAndToolTip()
    {
        for (QDockWidget* dock : window->findChildren<QDockWidget*>())
            dock->show();
        QTest::qWait(50);
        QStringList missing;
        int checked = 0;
        for (QWidget* w : window->findChildren<QWidget*>()) {
            if (!isControl(w) || isPartOfAControl(w))
                continue;
            ++checked;
            QStringList lacks;
            if (w->accessibleName().trimmed().isEmpty())
                lacks << QStringLiteral("accessibleName");
            if (w->toolTip().trimmed().isEmpty())
                lacks << QStringLiteral("toolTip");
            if (!lacks.isEmpty())
                missing << QStringLiteral("%1: no %2")
                               .arg(describe(w), lacks.join(QStringLiteral(", no ")));
        }
        // the actions of the tool bars (their buttons are checked above as well)
        for (QToolBar* bar : window->findChildren<QToolBar*>())
            for (QAction* a : bar->actions()) {
                if (a->isSeparator() || qobject_cast<QWidgetAction*>(a))
                    continue;
                ++checked;
                if (a->toolTip().trimmed().isEmpty() ||
                    a->text().remove(QLatin1Char('&')) == a->toolTip().trimmed())
                    missing << QStringLiteral("action \"%1\" in tool bar %2: no toolTip")
                                   .arg(a->text(), bar->objectName());
            }
        qInfo("%d controls checked", checked);
        for (const QString& m : std::as_const(missing))
            qWarning("%s", qPrintable(m)); // every one (QVERIFY2 shortens long messages)
        QVERIFY(checked > 40);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 controls lack an accessible name or a tooltip:\n")
                                .arg(missing.size()) +
                            missing.join(QLatin1Char('\n'))));
    }

    // Alt+letter reaches one control: no two visible labels or buttons of the window (with the
    // editor's rows, and whichever dock is raised) share a mnemonic, nor take a menu's.
    void mnemonicsAreUnique()
    {
        const QStringList clashes = guitest::mnemonicClashes(window.get());
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

    void editorLayout_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("dark");
        QTest::newRow("1280x800-light") << QSize(1280, 800) << false;
        QTest::newRow("1280x800-dark") << QSize(1280, 800) << true;
        QTest::newRow("1920x1080-light") << QSize(1920, 1080) << false;
        QTest::newRow("1920x1080-dark") << QSize(1920, 1080) << true;
    }

    // Item 5: the crowded editor is readable: nothing overlaps, every row is on screen, one
    // badge per row.
    void editorLayout()
    {
        QFETCH(QSize, size);
        QFETCH(bool, dark);
        const QPalette light = QApplication::palette();
        if (dark)
            QApplication::setPalette(guitest::darkPalette());
        auto restore = qScopeGuard([&] {
            if (dark)
                QApplication::setPalette(light);
        });
        window->resize(size);
        window->showDock(QStringLiteral("podsDock"));
        QTest::qWait(100);
        // the window fits the screen: before, the editor's minimum height made it 871 px tall
        QCOMPARE(window->size(), size);
        RolloutEditor* editor = window->editor();
        QVERIFY(!editor->applyNoticeText().isEmpty()); // the interrupted apply's banner
        QVERIFY(!editor->driftText().isEmpty());       // the drift banner
        guitest::screenshot(window.get(),
                            QStringLiteral("editor-%1x%2-%3")
                                .arg(size.width())
                                .arg(size.height())
                                .arg(dark ? QStringLiteral("dark") : QStringLiteral("light")));

        // no two visible controls or labels of the editor overlap on screen
        QList<QWidget*> parts;
        for (QWidget* w : editor->findChildren<QWidget*>())
            if (w->isVisible() && (isControl(w) || qobject_cast<QLabel*>(w)) &&
                !isPartOfAControl(w) && !visibleRect(w, editor).isEmpty())
                parts << w;
        QStringList overlaps;
        for (int i = 0; i < parts.size(); ++i)
            for (int j = i + 1; j < parts.size(); ++j) {
                if (parts[i]->isAncestorOf(parts[j]) || parts[j]->isAncestorOf(parts[i]))
                    continue;
                const QRect both = visibleRect(parts[i], editor) & visibleRect(parts[j], editor);
                if (both.width() > 1 && both.height() > 1)
                    overlaps << QStringLiteral("%1 overlaps %2")
                                    .arg(describe(parts[i]), describe(parts[j]));
            }
        QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(QLatin1Char('\n'))));

        // nothing is cut off at the editor's sides
        QStringList clipped;
        for (QWidget* w : editor->findChildren<QWidget*>())
            if (w->isVisible() && (isControl(w) || qobject_cast<QLabel*>(w)) &&
                !isPartOfAControl(w) && clippedSideways(w, editor))
                clipped << describe(w);
        QVERIFY2(clipped.isEmpty(), qPrintable(QStringLiteral("cut off at the side:\n") +
                                               clipped.join(QLatin1Char('\n'))));

        // every row's weight and replicas are on screen without scrolling
        const RolloutPlanModel* plan = window->planModel();
        for (int row = 0; row < plan->rowCount(); ++row) {
            for (QWidget* w : {static_cast<QWidget*>(editor->weightSlider(row)),
                               static_cast<QWidget*>(editor->weightField(row)),
                               static_cast<QWidget*>(editor->replicasField(row))}) {
                QVERIFY(w);
                QVERIFY2(visibleRect(w, editor).size() == w->size(),
                         qPrintable(QStringLiteral("%1 is not fully on screen").arg(describe(w))));
            }
            // one badge: the drifted row says drift, not "ok" as well
            auto* badge = editor->findChild<QLabel*>(QStringLiteral("stateLabel_%1").arg(row));
            QVERIFY(badge);
            const QString text = badge->text();
            QVERIFY2(!text.contains(QLatin1Char('\n')),
                     qPrintable(
                         QStringLiteral("row %1: badge on several lines: %2").arg(row).arg(text)));
            QVERIFY2(!(text.contains(QLatin1String("ok")) && text.contains(QLatin1String("drift"))),
                     qPrintable(text));
            QVERIFY2(!badge->toolTip().isEmpty(), qPrintable(text));
            if (!plan->rowDrift(row).isEmpty()) {
                QVERIFY2(text.contains(QLatin1String("drift"), Qt::CaseInsensitive),
                         qPrintable(text));
                QVERIFY2(fixtures::shownText(badge->toolTip()).contains(plan->rowDrift(row)),
                         qPrintable(badge->toolTip()));
            }
        }
    }
};

QTEST_MAIN(TestGuiAccessibility)
#include "tst_gui_accessibility.moc"
