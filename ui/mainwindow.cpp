#include "ui/mainwindow.h"

#include "models/applicationsmodel.h"
#include "models/clusterpods.h"
#include "models/clustersession.h"
#include "models/logmodel.h"
#include "models/plaintext.h"
#include "models/podsmodel.h"
#include "models/revisionsmodel.h"
#include "models/rolloutcontroller.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/historypane.h"
#include "ui/objecttreepane.h"
#include "ui/placementsdialog.h"
#include "ui/podlogspane.h"
#include "ui/podsview.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"
#include "ui/verifysplitdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace veladesk {

namespace {

// Shows pods of the selected application's revisions only (all pods when none is selected),
// sorted as PodsProxy sorts.
class PodsFilter : public PodsProxy
{
public:
    using PodsProxy::PodsProxy;
    void setApplication(const QString& app)
    {
        m_prefix = app.isEmpty() ? QString() : app + QStringLiteral("-v");
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_prefix.isEmpty())
            return true;
        if (const PodRow* pod = parent.isValid() ? nullptr : podAt(row))
            return pod->revision.startsWith(m_prefix);
        const QString rev =
            sourceModel()->index(row, 0, parent).data(PodsModel::RevisionRole).toString();
        return rev.startsWith(m_prefix);
    }

private:
    QString m_prefix;
};

QTreeView* makeTable(QWidget* parent, const QString& name)
{
    auto* view = new QTreeView(parent);
    view->setObjectName(name);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->header()->setStretchLastSection(true);
    return view;
}

QColor stateColor(ClusterSession::State s)
{
    switch (s) {
    case ClusterSession::State::Connected:
        return QColor(0x2e, 0xa0, 0x43);
    case ClusterSession::State::Connecting:
        return QColor(0xe0, 0xa0, 0x00);
    case ClusterSession::State::Failed:
    case ClusterSession::State::NoConfig:
        return QColor(0xd0, 0x30, 0x30);
    case ClusterSession::State::Disconnected:
        return QColor(0x90, 0x90, 0x90);
    }
    return {};
}

} // namespace

MainWindow::MainWindow(const kube::KubeConfigOptions& options, QWidget* parent)
    : QMainWindow(parent), m_options(options)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("VelaDesk"));
    m_log = new LogModel(this);
    m_pods = new PodsModel(this);
    m_clusterPods = new ClusterPodsModel(m_pods, this);
    m_remote = new RemoteClusters(m_clusterPods, this);
    m_remote->setKubeConfigOptions(m_options);
    m_apps = new ApplicationsModel(this);
    m_revisions = new RevisionsModel(this);
    m_controller = new RolloutController(this);
    m_session = new ClusterSession(this);

    buildActions();
    buildClusterBar();
    buildPanes();
    wireSession();
    wireController();

    restoreSettings();

    // Connect: the command line's choices first, then the last ones used, then the current.
    const kube::Status loaded = m_session->loadKubeConfig(m_options);
    {
        const QSignalBlocker block(m_contextCombo);
        m_contextCombo->addItems(m_session->contexts());
    }
    if (loaded.ok()) {
        QSettings settings;
        QString context = m_options.context;
        QString ns = m_options.namespaceName;
        if (context.isEmpty()) {
            const QString last = settings.value(QStringLiteral("cluster/context")).toString();
            if (m_session->contexts().contains(last)) {
                context = last;
                if (ns.isEmpty())
                    ns = settings.value(QStringLiteral("cluster/namespace")).toString();
            }
        }
        if (context.isEmpty())
            context = m_session->defaultContext();
        m_pendingApp = settings.value(QStringLiteral("cluster/application")).toString();
        m_session->connectTo(context, ns);
    } else {
        onSessionState();
    }
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto make = [this](const QString& text, const QKeySequence& key, const QString& tip,
                       auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_reloadAction = make(tr("&Reload"), QKeySequence(Qt::Key_F5), tr("List everything again"),
                          &MainWindow::reload);
    m_previewAction =
        make(tr("&Preview"), QKeySequence(Qt::CTRL | Qt::Key_P),
             tr("Show the YAML and the server-side diff of the plan"), &MainWindow::preview);
    m_applyAction = make(tr("&Apply"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                         tr("Apply the plan to the cluster"), &MainWindow::apply);
    m_cancelAction = make(tr("&Cancel apply"), QKeySequence(Qt::Key_Escape),
                          tr("Stop the running apply"), &MainWindow::cancelApply);
    m_revertAction = make(tr("Re&vert edits"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                          tr("Discard the edits not applied yet"), &MainWindow::revert);
    m_evenAction =
        make(tr("Split &evenly"), QKeySequence(Qt::CTRL | Qt::Key_E),
             tr("Unlock all rows and split evenly"), [this] { planModel()->splitEvenly(); });
    m_reapplyAction = new QAction(tr("Re-apply"), this);
    m_reapplyAction->setObjectName(QStringLiteral("reapplyAction"));
    m_reapplyAction->setToolTip(
        tr("Finish the interrupted apply: the plan the AppDeployment holds, previewed first"));
    connect(m_reapplyAction, &QAction::triggered, this, &MainWindow::reapplyInterrupted);
    m_revertToCompletedAction = new QAction(tr("Revert to last completed"), this);
    m_revertToCompletedAction->setObjectName(QStringLiteral("revertToCompletedAction"));
    m_revertToCompletedAction->setToolTip(
        tr("Go back to the last plan applied to completion, previewed first"));
    connect(m_revertToCompletedAction, &QAction::triggered, this,
            &MainWindow::revertToLastCompleted);
    m_applyAction->setObjectName(QStringLiteral("applyAction"));
    m_previewAction->setObjectName(QStringLiteral("previewAction"));
    m_revertAction->setObjectName(QStringLiteral("revertAction"));

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    QMenu* cluster = menuBar()->addMenu(tr("&Cluster"));
    cluster->addAction(m_reloadAction);
    QMenu* rollout = menuBar()->addMenu(tr("&Rollout"));
    rollout->addAction(m_previewAction);
    rollout->addAction(m_applyAction);
    rollout->addAction(m_cancelAction);
    rollout->addSeparator();
    rollout->addAction(m_revertAction);
    rollout->addAction(m_evenAction);
    rollout->addSeparator();
    QAction* verify = rollout->addAction(tr("&Verify split..."));
    verify->setObjectName(QStringLiteral("verifySplitAction"));
    verify->setToolTip(tr("Send requests through the gateway and compare the split they see "
                          "with the plan's weights"));
    connect(verify, &QAction::triggered, this, [this] {
        if (planModel()->appName().isEmpty()) {
            statusBar()->showMessage(tr("Select an application to verify its split"), 5000);
            return;
        }
        auto* dialog = new VerifySplitDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        kube::rollout::AppDeploymentPlan plan = planModel()->plan();
        if (plan.namespaceName.isEmpty())
            plan.namespaceName = m_session->currentNamespace();
        dialog->setPlan(plan);
        dialog->show();
    });
    rollout->addAction(m_reapplyAction);
    rollout->addAction(m_revertToCompletedAction);
    QAction* focusContext = cluster->addAction(tr("Choose &context"));
    focusContext->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(focusContext, &QAction::triggered, this, [this] {
        m_contextCombo->setFocus();
        m_contextCombo->showPopup();
    });
    // Keyboard: the applications list (then arrows/Home/End select an application)
    QAction* focusApps = cluster->addAction(tr("Go to &applications"));
    focusApps->setObjectName(QStringLiteral("focusApplicationsAction"));
    focusApps->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    focusApps->setToolTip(tr("Move the keyboard focus to the applications list (Ctrl+L)"));
    connect(focusApps, &QAction::triggered, this, [this] { m_appsView->setFocus(); });
    addAction(focusApps);
    QAction* focusNs = cluster->addAction(tr("Choose &namespace"));
    focusNs->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(focusNs, &QAction::triggered, this, [this] {
        m_namespaceCombo->setFocus();
        m_namespaceCombo->lineEdit()->selectAll();
    });
}

void MainWindow::buildClusterBar()
{
    QToolBar* bar = addToolBar(tr("Cluster"));
    bar->setObjectName(QStringLiteral("clusterBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr(" Context: "), bar));
    m_contextCombo = new QComboBox(bar);
    m_contextCombo->setObjectName(QStringLiteral("contextPicker"));
    m_contextCombo->setMinimumContentsLength(18);
    m_contextCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_contextCombo->setToolTip(tr("kubeconfig context (Ctrl+K)"));
    m_contextCombo->setAccessibleName(tr("Context"));
    bar->addWidget(m_contextCombo);
    bar->addWidget(new QLabel(tr("  Namespace: "), bar));
    m_namespaceCombo = new QComboBox(bar);
    m_namespaceCombo->setObjectName(QStringLiteral("namespacePicker"));
    m_namespaceCombo->setEditable(true);
    m_namespaceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_namespaceCombo->setMinimumContentsLength(14);
    m_namespaceCombo->setToolTip(tr("Namespace (Ctrl+N); type a name and press Enter"));
    m_namespaceCombo->setAccessibleName(tr("Namespace"));
    bar->addWidget(m_namespaceCombo);
    bar->addSeparator();
    m_stateLabel = new QLabel(bar);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_stateLabel->setTextFormat(Qt::RichText); // a coloured dot; the words are escaped
    bar->addWidget(m_stateLabel);
    m_versionLabel = new QLabel(bar);
    m_versionLabel->setObjectName(QStringLiteral("serverVersion"));
    m_versionLabel->setTextFormat(Qt::PlainText); // the server's gitVersion
    m_versionLabel->setContentsMargins(8, 0, 8, 0);
    bar->addWidget(m_versionLabel);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_reloadAction);
    if (QWidget* reload = bar->widgetForAction(m_reloadAction))
        reload->setAccessibleName(tr("Reload"));

    connect(m_contextCombo, &QComboBox::activated, this, [this](int) {
        const QString context = m_contextCombo->currentText();
        if (context == m_session->currentContext() &&
            m_session->state() == ClusterSession::State::Connected)
            return;
        if (!confirmDiscardEdits()) {
            const QSignalBlocker block(m_contextCombo);
            m_contextCombo->setCurrentIndex(m_contextCombo->findText(m_session->currentContext()));
            return;
        }
        selectApp({});
        m_session->connectTo(context);
    });
    auto nsChosen = [this] {
        const QString ns = m_namespaceCombo->currentText().trimmed();
        if (ns.isEmpty() || ns == m_session->currentNamespace())
            return;
        if (!confirmDiscardEdits()) {
            const QSignalBlocker block(m_namespaceCombo);
            m_namespaceCombo->setCurrentText(m_session->currentNamespace());
            return;
        }
        selectApp({});
        m_session->setNamespace(ns);
    };
    connect(m_namespaceCombo, &QComboBox::activated, this, nsChosen);
    connect(m_namespaceCombo->lineEdit(), &QLineEdit::returnPressed, this, nsChosen);
}

void MainWindow::buildPanes()
{
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setTextFormat(Qt::PlainText); // the server's or the kubeconfig's error
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setAutoFillBackground(true);
    m_banner->hide();
    centralLayout->addWidget(m_banner);

    auto* split = new QSplitter(Qt::Horizontal, central);
    split->setObjectName(QStringLiteral("mainSplitter"));
    auto* left = new QSplitter(Qt::Vertical, split);
    left->setObjectName(QStringLiteral("leftSplitter"));
    m_appsView = makeTable(left, QStringLiteral("applicationsView"));
    m_appsView->setModel(m_apps);
    m_appsView->setAccessibleName(tr("Applications"));
    m_appsView->setToolTip(tr("Applications of the namespace: select one to edit its rollout "
                              "(Ctrl+L, then arrows)"));
    m_appsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // the Phase column takes the rest: "apply in progress by <holder> since <time>" is long
    m_appsView->header()->setSectionResizeMode(ApplicationsModel::Phase, QHeaderView::Stretch);
    m_appsView->header()->setStretchLastSection(false);
    // ... on three lines (the row grows while it is shown)
    m_appsView->setUniformRowHeights(false);
    m_revisionsView = makeTable(left, QStringLiteral("revisionsView"));
    m_revisionsProxy = new QSortFilterProxyModel(this);
    m_revisionsProxy->setSourceModel(m_revisions);
    m_revisionsProxy->setSortRole(RevisionsModel::SortRole);
    m_revisionsView->setModel(m_revisionsProxy);
    m_revisionsView->setAccessibleName(tr("Revisions"));
    m_revisionsView->setToolTip(tr("ApplicationRevisions of the selected application; "
                                   "double-click one that is not in the plan to add it"));
    m_revisionsView->setSortingEnabled(true);
    m_revisionsView->sortByColumn(RevisionsModel::Name, Qt::AscendingOrder);
    m_revisionsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_revisionsView->header()->setSectionResizeMode(RevisionsModel::Images, QHeaderView::Stretch);
    m_revisionsView->header()->setStretchLastSection(false);
    left->addWidget(m_appsView);
    left->addWidget(m_revisionsView);
    m_editor = new RolloutEditor(planModel(), split);
    // Multi-cluster placement (issue 13): the editor's Clusters… button, the mapping of the
    // settings, the kubeconfig other clusters' contexts come from.
    m_controller->setKubeConfigOptions(m_options);
    m_controller->setClusterContexts(PlacementsDialog::savedClusterContexts());
    if (auto* b = m_editor->findChild<QPushButton*>(QStringLiteral("placementsButton")))
        connect(b, &QPushButton::clicked, this, [this] {
            PlacementsDialog dialog(planModel(), m_session->contexts(), m_session->currentContext(),
                                    this);
            if (dialog.exec() == QDialog::Accepted) {
                m_controller->setClusterContexts(PlacementsDialog::savedClusterContexts());
                updateRemoteClusters();
            }
        });
    split->addWidget(left);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({560, 720});
    centralLayout->addWidget(split, 1);
    setCentralWidget(central);

    connect(m_appsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onApplicationSelected);
    m_editor->setActions({m_revertAction}, {m_previewAction, m_applyAction});
    m_editor->setInterruptedActions({m_reapplyAction, m_revertToCompletedAction});

    // Docks at the bottom, tabbed: pods, preview, apply, log.
    auto addDock = [this](const QString& title, const QString& name, QWidget* widget,
                          const QKeySequence& key) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setAccessibleName(title);
        dock->setToolTip(
            tr("%1 (%2 shows or hides it)").arg(title, key.toString(QKeySequence::NativeText)));
        dock->setWidget(widget);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                          QDockWidget::DockWidgetClosable);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        QAction* toggle = dock->toggleViewAction();
        toggle->setShortcut(key);
        addAction(toggle);
        connect(toggle, &QAction::triggered, dock, [dock](bool on) {
            if (on)
                dock->raise();
        });
        m_docks << dock;
        return dock;
    };
    m_podsView = makeTable(this, QStringLiteral("podsView"));
    auto* podsProxy = new PodsFilter(this);
    m_podsProxy = podsProxy;
    setUpPodsView(m_podsView, m_podsProxy, m_clusterPods);
    m_podsView->setAccessibleName(tr("Pods"));
    m_podsView->setToolTip(tr("Pods of the selected application's revisions, from the watch; "
                              "select one to follow its log"));
    // One cluster: the pane looks as it always did. The Cluster column appears when the plan
    // places revisions in other clusters.
    m_podsView->setColumnHidden(PodsModel::Cluster, true);
    connect(m_clusterPods, &ClusterPodsModel::clustersChanged, this, [this](int clusters) {
        m_podsView->setColumnHidden(PodsModel::Cluster, clusters <= 1);
    });
    // Other clusters that are unreachable or not live, one line each (hidden when all are).
    auto* podsPane = new QWidget(this);
    podsPane->setObjectName(QStringLiteral("podsPane"));
    auto* podsLayout = new QVBoxLayout(podsPane);
    podsLayout->setContentsMargins(0, 0, 0, 0);
    podsLayout->setSpacing(2);
    m_podsClusterStatus = new QLabel(podsPane);
    m_podsClusterStatus->setObjectName(QStringLiteral("podsClusterStatus"));
    m_podsClusterStatus->setAccessibleName(tr("Clusters not live"));
    m_podsClusterStatus->setToolTip(
        tr("Other clusters of the plan whose pods cannot be shown live (F5 retries)"));
    m_podsClusterStatus->setTextFormat(Qt::PlainText);
    m_podsClusterStatus->setWordWrap(true);
    m_podsClusterStatus->setContentsMargins(4, 2, 4, 2);
    m_podsClusterStatus->hide();
    podsLayout->addWidget(m_podsClusterStatus);
    podsLayout->addWidget(m_podsView, 1);
    connect(m_remote, &RemoteClusters::statusChanged, this, &MainWindow::updateClusterStatus);
    connect(m_remote, &RemoteClusters::statusChanged, this, &MainWindow::updatePlanClusters);
    connect(m_remote, &RemoteClusters::liveChanged, this, &MainWindow::updatePlanClusters);
    connect(m_remote, &RemoteClusters::message, m_log,
            [this](LogEntry::Level level, const QString& source, const QString& text) {
                m_log->append(level, source, text);
            });
    m_preview = new PreviewPane(this);
    m_applyPane = new ApplyPane(this);
    connect(m_applyPane, &ApplyPane::cancelRequested, this, &MainWindow::cancelApply);
    m_logView = makeTable(this, QStringLiteral("logView"));
    m_logView->setModel(m_log);
    m_logView->setAccessibleName(tr("Log"));
    m_logView->setToolTip(tr("What VelaDesk did and the cluster's Events (Ctrl+C copies the "
                             "selected lines)"));
    m_logView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_logView->header()->resizeSection(LogModel::Time, 100);
    m_logView->header()->resizeSection(LogModel::Source, 80);
    connect(m_log, &QAbstractItemModel::rowsInserted, m_logView,
            [this] { m_logView->scrollToBottom(); });
    // Copy selected log lines (time, source, message), e.g. to paste a server's answer.
    auto* copyLog = new QAction(tr("&Copy"), m_logView);
    copyLog->setObjectName(QStringLiteral("copyLogAction"));
    copyLog->setShortcut(QKeySequence::Copy);
    copyLog->setShortcutContext(Qt::WidgetShortcut);
    m_logView->addAction(copyLog);
    m_logView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copyLog, &QAction::triggered, this, [this] {
        QModelIndexList rows = m_logView->selectionModel()->selectedRows();
        std::sort(rows.begin(), rows.end());
        QStringList lines;
        for (const QModelIndex& r : std::as_const(rows)) {
            const LogEntry& e = m_log->entry(r.row());
            lines << QStringLiteral("%1 %2 %3")
                         .arg(e.time.toString(Qt::ISODateWithMs), e.source, e.message);
        }
        QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    // Double-click on a revision that is not in the plan adds it (weight 0, 1 replica).
    connect(m_revisionsView, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex& index) {
                const QString name = index.data(RevisionsModel::NameRole).toString();
                if (!isApplying() && planModel()->addRevision(name))
                    m_log->info(QStringLiteral("veladesk"), tr("added %1 to the plan").arg(name));
            });

    QDockWidget* pods = addDock(tr("Pods"), QStringLiteral("podsDock"), podsPane,
                                QKeySequence(Qt::CTRL | Qt::Key_1));
    QDockWidget* preview = addDock(tr("Preview / diff"), QStringLiteral("previewDock"), m_preview,
                                   QKeySequence(Qt::CTRL | Qt::Key_2));
    QDockWidget* applyDock = addDock(tr("Apply"), QStringLiteral("applyDock"), m_applyPane,
                                     QKeySequence(Qt::CTRL | Qt::Key_3));
    QDockWidget* log = addDock(tr("Log"), QStringLiteral("logDock"), m_logView,
                               QKeySequence(Qt::CTRL | Qt::Key_4));
    tabifyDockWidget(pods, preview);
    tabifyDockWidget(preview, applyDock);
    tabifyDockWidget(applyDock, log);
    // The selected application's object tree (issue 15); built only while its tab is shown.
    m_objectTree = new ObjectTreePane(this);
    QDockWidget* objects = addDock(tr("Objects"), QStringLiteral("objectsDock"), m_objectTree,
                                   QKeySequence(Qt::CTRL | Qt::Key_5));
    tabifyDockWidget(log, objects);
    connect(objects, &QDockWidget::visibilityChanged, m_objectTree, &ObjectTreePane::setActive);
    // A tab behind another is never shown, so no visibilityChanged(false) says so: inactive
    // until its tab is shown (visibilityChanged(true), also when a saved layout shows it).
    m_objectTree->setActive(false);
    m_history = new HistoryPane(m_controller, this); // issue 13: apply history and restore
    tabifyDockWidget(log, addDock(tr("History"), QStringLiteral("historyDock"), m_history,
                                  QKeySequence(Qt::CTRL | Qt::Key_6)));
    // Logs of the selected pod, or of every pod of the selected revision (issue 13).
    m_podLogs = new PodLogsPane(this);
    QDockWidget* podLogs = addDock(tr("Pod logs"), QStringLiteral("podLogsDock"), m_podLogs,
                                   QKeySequence(Qt::CTRL | Qt::Key_7));
    tabifyDockWidget(log, podLogs);
    connect(podLogs, &QDockWidget::visibilityChanged, m_podLogs, &PodLogsPane::setActive);
    connect(m_podsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                int row = -1;
                const PodsModel* pods =
                    m_clusterPods->podsModelOf(m_podsProxy->mapToSource(current), &row);
                if (!pods)
                    return;
                setPodLogsCluster(pods == m_pods ? QString() : pods->clusterName());
                m_podLogs->showPod(pods->pod(row).name);
            });
    connect(m_revisionsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                setPodLogsCluster({});
                m_podLogs->showRevision(current.data(RevisionsModel::NameRole).toString());
            });
    pods->raise();
    resizeDocks({pods}, {240}, Qt::Vertical);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : std::as_const(m_docks))
        view->addAction(d->toggleViewAction());
}

void MainWindow::showDock(const QString& objectName)
{
    for (QDockWidget* d : std::as_const(m_docks))
        if (d->objectName() == objectName) {
            d->show();
            d->raise();
            if (d->widget() == m_applyPane)
                fitApplyDock();
        }
}

void MainWindow::fitApplyDock()
{
    // the apply pane needs room for its 13 steps (the bottom area is shared, tabbed); never
    // more than half the window
    auto* d = qobject_cast<QDockWidget*>(m_applyPane->parentWidget());
    if (!d || d->isFloating() || !d->isVisible())
        return;
    const int chrome = std::max(0, d->height() - m_applyPane->height());
    // never at the cost of the editor's minimum (its banners may be shown)
    const int spare = centralWidget()->height() - centralWidget()->minimumSizeHint().height();
    const int wanted = std::min({m_applyPane->heightForAllSteps() + chrome, height() / 2,
                                 d->height() + std::max(0, spare)});
    if (d->height() < wanted)
        resizeDocks({d}, {wanted}, Qt::Vertical);
}

void MainWindow::keepEditorRoom()
{
    // a banner appeared in the editor: the docks below give back what its minimum needs
    // (QMainWindow does not take it back from docks by itself; the widgets would overlap)
    const int deficit = centralWidget()->minimumSizeHint().height() - centralWidget()->height();
    if (deficit <= 0)
        return;
    for (QDockWidget* d : std::as_const(m_docks))
        if (d->isVisible() && !d->isFloating() && dockWidgetArea(d) == Qt::BottomDockWidgetArea) {
            resizeDocks({d}, {std::max(d->minimumSizeHint().height(), d->height() - deficit)},
                        Qt::Vertical);
            return; // tabbed: they share one height
        }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (!m_session->currentContext().isEmpty()) {
        settings.setValue(QStringLiteral("cluster/context"), m_session->currentContext());
        settings.setValue(QStringLiteral("cluster/namespace"), m_session->currentNamespace());
    }
    settings.setValue(QStringLiteral("cluster/application"), m_selectedApp);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmDiscardEdits()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_controller->cancelApply();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    // The platform switched light/dark: colours derived from the palette are recomputed.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        onSessionState();
    QMainWindow::changeEvent(event);
}

void MainWindow::onSessionState()
{
    if (!m_stateLabel)
        return;
    const ClusterSession::State s = m_session->state();
    QString text;
    switch (s) {
    case ClusterSession::State::NoConfig:
        text = tr("no kubeconfig");
        break;
    case ClusterSession::State::Disconnected:
        text = tr("not connected");
        break;
    case ClusterSession::State::Connecting:
        text = tr("connecting…");
        break;
    case ClusterSession::State::Connected:
        text = tr("connected");
        break;
    case ClusterSession::State::Failed:
        text = tr("connection failed");
        break;
    }
    m_stateLabel->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                              .arg(stateColor(s).name(), text.toHtmlEscaped()));
    m_stateLabel->setToolTip(plainToolTip(m_session->stateMessage()));
    const bool bad = s == ClusterSession::State::Failed || s == ClusterSession::State::NoConfig;
    m_banner->setVisible(bad);
    if (bad) {
        m_banner->setText(
            s == ClusterSession::State::NoConfig
                ? tr("No usable kubeconfig: %1\nStart VelaDesk with --kubeconfig FILE, or set "
                     "KUBECONFIG.")
                      .arg(m_session->stateMessage())
                : tr("Cannot reach the cluster: %1\nPick another context, or press F5 to retry.")
                      .arg(m_session->stateMessage()));
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        QPalette pal = m_banner->palette();
        pal.setColor(QPalette::Window, dark ? QColor(0x5c, 0x1e, 0x1e) : QColor(0xfd, 0xe2, 0xe2));
        pal.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0xd0, 0xd0) : QColor(0x80, 0x10, 0x10));
        m_banner->setPalette(pal);
        statusBar()->showMessage(m_session->stateMessage());
    }
    updateConnection();
    updateActions();
}

void MainWindow::reload()
{
    if (m_session->state() == ClusterSession::State::Failed ||
        m_session->state() == ClusterSession::State::Disconnected)
        m_session->connectTo(m_session->currentContext().isEmpty() ? m_contextCombo->currentText()
                                                                   : m_session->currentContext(),
                             m_session->currentNamespace());
    else
        m_session->reload();
    m_remote->reconnectFailed();
}

RolloutPlanModel* MainWindow::planModel() const
{
    return m_controller->planModel();
}

bool MainWindow::isApplying() const
{
    return m_controller->isApplying();
}

void MainWindow::wireSession()
{
    NamespaceStore* store = m_session->store();
    // The models follow the store; the applications model first, so that onApplicationsChanged
    // below sees its rows.
    m_apps->setStore(store);
    m_revisions->setStore(store);
    m_controller->setStore(store);
    m_history->setStore(store);
    m_objectTree->setStore(store);
    connect(store, &NamespaceStore::changesDone, this, &MainWindow::onApplicationsChanged);
    connect(store, &NamespaceStore::podsReset, m_pods, &PodsModel::setPods);
    connect(store, &NamespaceStore::podEvents, m_pods, &PodsModel::enqueue);
    connect(store, &NamespaceStore::kubeEvents, this, [this](const QList<KubeEvent>& events) {
        for (const KubeEvent& e : events)
            m_log->append(e.type == QLatin1String("Warning") ? LogEntry::Level::Warning
                                                             : LogEntry::Level::Info,
                          QStringLiteral("event"), e.text());
    });
    connect(m_session, &ClusterSession::message, m_log,
            [this](LogEntry::Level level, const QString& source, const QString& text) {
                m_log->append(level, source, text);
            });
    connect(m_session, &ClusterSession::stateChanged, this, &MainWindow::onSessionState);
    connect(m_session, &ClusterSession::serverVersionChanged, this, [this](const QString& v) {
        m_versionLabel->setText(v.isEmpty() ? QString() : tr("Kubernetes %1").arg(v));
    });
    connect(m_session, &ClusterSession::namespacesChanged, this,
            [this](const QStringList& namespaces) {
                const QSignalBlocker block(m_namespaceCombo);
                m_namespaceCombo->clear();
                m_namespaceCombo->addItems(namespaces);
                m_namespaceCombo->setCurrentText(m_session->currentNamespace());
            });
    connect(m_session, &ClusterSession::contextChanged, this,
            [this](const QString& context, const QString& ns) {
                const QSignalBlocker b1(m_contextCombo), b2(m_namespaceCombo);
                m_contextCombo->setCurrentText(context);
                if (m_namespaceCombo->findText(ns) < 0)
                    m_namespaceCombo->addItem(ns);
                m_namespaceCombo->setCurrentText(ns);
                setWindowTitle(tr("VelaDesk — %1 / %2[*]").arg(context, ns));
                m_autoSelectDone = false;
                updateConnection();
            });
    connect(m_session, &ClusterSession::podWatchHealthChanged, this,
            [this](kube::WatchHealth health, const QString& message) {
                QString title = tr("Pods");
                if (health == kube::WatchHealth::Connecting)
                    title = tr("Pods (listing…)");
                else if (health == kube::WatchHealth::Reconnecting)
                    title = tr("Pods (watch reconnecting: %1)").arg(message);
                else if (health == kube::WatchHealth::Failed)
                    title = tr("Pods (watch failed, not live: %1)").arg(message);
                for (QDockWidget* d : std::as_const(m_docks))
                    if (d->objectName() == QLatin1String("podsDock"))
                        d->setWindowTitle(title);
            });
    connect(m_session, &ClusterSession::loadingChanged, this, [this](bool loading) {
        if (loading) {
            statusBar()->showMessage(tr("Loading %1…").arg(m_session->currentNamespace()));
            return;
        }
        statusBar()->showMessage(tr("Loaded %1 applications, %2 revisions")
                                     .arg(m_session->store()->applications().size())
                                     .arg(m_session->store()->revisions().size()),
                                 5000);
        if (m_session->appDeploymentCrdMissing())
            statusBar()->showMessage(
                tr("The AppDeployment CRD is not installed: run `veladesk setup`."));
        onApplicationsChanged();
    });
}

void MainWindow::wireController()
{
    RolloutController* c = m_controller;
    connect(c, &RolloutController::message, m_log,
            [this](LogEntry::Level level, const QString& source, const QString& text) {
                m_log->append(level, source, text);
            });
    connect(c, &RolloutController::stateChanged, this, &MainWindow::updateActions);
    connect(c, &RolloutController::stateChanged, this, &MainWindow::updateApplyNotice);
    connect(c, &RolloutController::problemsChanged, this, &MainWindow::updateActions);
    connect(c, &RolloutController::modifiedChanged, this, &QWidget::setWindowModified);
    connect(c, &RolloutController::phaseChanged, m_editor, &RolloutEditor::setPhase);
    connect(c, &RolloutController::serverPlanChanged, this, [this] {
        statusBar()->showMessage(tr("The AppDeployment changed on the server; Revert loads it."),
                                 8000);
    });
    connect(planModel(), &RolloutPlanModel::planChanged, this, &MainWindow::updateActions);
    connect(planModel(), &RolloutPlanModel::planChanged, this, &MainWindow::updateRemoteClusters);

    connect(c, &RolloutController::previewCleared, m_preview, &PreviewPane::clear);
    connect(c, &RolloutController::previewRendered, m_preview, &PreviewPane::setRendered);
    connect(c, &RolloutController::previewBusy, m_preview, &PreviewPane::setBusy);
    connect(c, &RolloutController::previewDiffs, m_preview, &PreviewPane::setDiffs);
    connect(c, &RolloutController::previewFailed, m_preview, &PreviewPane::setError);
    connect(c, &RolloutController::previewStaleChanged, m_preview, [this](bool stale) {
        if (stale)
            m_preview->markStale();
    });
    connect(c, &RolloutController::previewFinished, this, &MainWindow::previewFinished);

    connect(c, &RolloutController::applyRefused, this, [this](const QString& why) {
        m_applyPane->failedToStart(why);
        Q_EMIT applyFinished(false);
    });
    connect(c, &RolloutController::applyStarted, this, [this](const QString& what) {
        m_applyPane->begin(what);
        m_editor->setEditingEnabled(false);
        updateActions();
    });
    connect(c, &RolloutController::stepStarted, m_applyPane, &ApplyPane::stepStarted);
    connect(c, &RolloutController::stepProgress, m_applyPane, &ApplyPane::stepProgress);
    connect(c, &RolloutController::stepFinished, m_applyPane, &ApplyPane::stepFinished);
    connect(c, &RolloutController::applyFinished, this,
            [this](const kube::rollout::ApplyReport& report) {
                m_applyPane->finished(report);
                m_editor->setEditingEnabled(true);
                updateActions();
                fitApplyDock(); // banners above may have gone: room for every step again
                Q_EMIT applyFinished(report.ok());
            });
}

void MainWindow::updateConnection()
{
    const bool connected = m_session->state() == ClusterSession::State::Connected;
    m_controller->setConnection(connected ? m_session->client() : nullptr,
                                m_session->currentContext(), m_session->currentNamespace());
    m_controller->setAppDeploymentCrdMissing(connected && m_session->appDeploymentCrdMissing());
    if (m_objectTree)
        m_objectTree->setConnection(connected ? m_session->client() : nullptr,
                                    m_session->currentNamespace());
    if (m_podLogs) {
        m_podLogsCluster.clear();
        m_podLogs->setConnection(connected ? m_session->client() : nullptr,
                                 m_session->currentNamespace());
    }
    updateRemoteClusters();
}

void MainWindow::setPodLogsCluster(const QString& cluster)
{
    if (cluster == m_podLogsCluster)
        return;
    m_podLogsCluster = cluster;
    ClusterSession* session = cluster.isEmpty() ? m_session : m_remote->session(cluster);
    const bool connected = session && session->state() == ClusterSession::State::Connected;
    m_podLogs->setConnection(connected ? session->client() : nullptr,
                             session ? session->currentNamespace() : QString());
}

void MainWindow::updateRemoteClusters()
{
    // Sessions announce their state as they are connected: the plan model's update that
    // follows comes back here.
    if (m_updatingClusters)
        return;
    const QScopedValueRollback updating(m_updatingClusters, true);
    const QString home = m_controller->homeClusterName();
    m_pods->setClusterName(home);
    QStringList clusters;
    const bool connected = m_session->state() == ClusterSession::State::Connected;
    if (connected && !m_selectedApp.isEmpty()) {
        // the edited plan's clusters, and those the last apply placed revisions in (what runs
        // there until it is pruned)
        const kube::rollout::AppDeploymentPlan plan = planModel()->plan();
        clusters = plan.clusters(home);
        const auto applied = m_session->store()->appDeployments().constFind(plan.name);
        if (applied != m_session->store()->appDeployments().cend())
            for (const QString& c : kube::rollout::previousClusters(applied->status, home))
                if (!clusters.contains(c))
                    clusters << c;
        clusters.removeAll(home);
        clusters.removeAll(QString());
    }
    m_remote->setClusters(clusters, m_controller->clusterContexts(), m_session->currentNamespace());
    if (!m_podLogsCluster.isEmpty() && !clusters.contains(m_podLogsCluster))
        setPodLogsCluster({}); // its cluster is no longer watched
    m_updatingClusters = false;
    updatePlanClusters();
}

void MainWindow::updatePlanClusters()
{
    if (m_updatingClusters)
        return; // updateRemoteClusters() calls it once it is done
    QMap<QString, RolloutPlanModel::ClusterLive> others;
    for (const QString& name : m_remote->clusters()) {
        RolloutPlanModel::ClusterLive live;
        ClusterSession* session = m_remote->session(name);
        live.context = m_controller->clusterContexts().contextOf(name);
        if (session->state() != ClusterSession::State::Connected)
            live.error = session->state() == ClusterSession::State::Failed
                             ? tr("unreachable: %1").arg(session->stateMessage())
                             : tr("connecting");
        else if (!session->store()->hasListed(NamespaceStore::Kind::Deployments))
            live.error = tr("listing");
        else
            live.deployments = session->store()->deployments();
        others.insert(name, live);
    }
    planModel()->setClusters(m_controller->homeClusterName(), m_session->currentContext(), others);
}

void MainWindow::updateClusterStatus()
{
    const QStringList problems = m_remote->problems();
    m_podsClusterStatus->setText(problems.join(QLatin1Char('\n')));
    m_podsClusterStatus->setVisible(!problems.isEmpty());
}

// The applications pane changed: open the remembered or the first application, or notice
// that the selected one is gone.
void MainWindow::onApplicationsChanged()
{
    if (m_selectedApp.isEmpty() && !m_pendingApp.isEmpty() && m_apps->rowOf(m_pendingApp) >= 0) {
        m_autoSelectDone = true;
        selectApplication(std::exchange(m_pendingApp, QString()));
        return;
    }
    // Nothing chosen yet in this namespace: open the first application, so the editor is
    // never empty when there is something to edit (a remembered app that is not here is dropped).
    if (m_selectedApp.isEmpty() && !m_autoSelectDone && m_apps->rowCount() > 0 &&
        !m_session->isLoading()) {
        m_autoSelectDone = true;
        m_pendingApp.clear();
        selectApplication(m_apps->application(0).name);
        return;
    }
    if (!m_selectedApp.isEmpty() && m_apps->rowOf(m_selectedApp) < 0 && !m_session->isLoading() &&
        m_session->state() == ClusterSession::State::Connected) {
        m_log->warning(QStringLiteral("veladesk"), tr("application %1 is gone").arg(m_selectedApp));
        selectApp({});
    }
    updateActions();
}

bool MainWindow::selectApplication(const QString& name)
{
    const int row = m_apps->rowOf(name);
    if (row < 0)
        return false;
    // One change of the selection (and so at most one question about unapplied edits).
    m_appsView->selectionModel()->setCurrentIndex(
        m_apps->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return m_selectedApp == name;
}

void MainWindow::selectApplicationWhenLoaded(const QString& name)
{
    if (!selectApplication(name))
        m_pendingApp = name;
}

void MainWindow::selectApp(const QString& app)
{
    if (app.isEmpty() && m_appsView->selectionModel()->hasSelection()) {
        const QScopedValueRollback restoring(m_restoringSelection, true);
        m_appsView->selectionModel()->clear();
    }
    m_selectedApp = app;
    static_cast<PodsFilter*>(m_podsProxy)->setApplication(app);
    m_revisions->setApplication(app);
    m_controller->selectApplication(app);
    m_objectTree->setApplication(app);
    updateRemoteClusters();
    updateActions();
}

void MainWindow::onApplicationSelected()
{
    const QModelIndexList rows = m_appsView->selectionModel()->selectedRows();
    const QString app =
        rows.isEmpty() ? QString() : rows.first().data(ApplicationsModel::NameRole).toString();
    if (app == m_selectedApp || m_restoringSelection)
        return;
    if (!confirmDiscardEdits()) {
        // Cancel: the previous application stays selected, its edits stay, nothing reloads.
        const QScopedValueRollback restoring(m_restoringSelection, true);
        const int row = m_apps->rowOf(m_selectedApp);
        if (row < 0) {
            m_appsView->selectionModel()->clearSelection();
        } else {
            m_appsView->selectionModel()->setCurrentIndex(m_apps->index(row, 0),
                                                          QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        }
        return;
    }
    selectApp(app);
}

bool MainWindow::confirmDiscardEdits()
{
    if (!m_controller->isModified())
        return true;
    const QString name = planModel()->appDeploymentName();
    bool discard = false;
    if (m_discardPrompt) {
        discard = m_discardPrompt(name);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Unapplied changes"),
                        tr("Discard unapplied changes to %1?").arg(name),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(tr("The edits in the rollout editor were not applied."));
        box.setDefaultButton(QMessageBox::Cancel);
        discard = box.exec() == QMessageBox::Discard;
    }
    if (discard)
        m_log->info(QStringLiteral("veladesk"), tr("discarded unapplied edits of %1").arg(name));
    return discard;
}

void MainWindow::updateActions()
{
    if (!m_applyAction)
        return;
    const bool connected = m_session->state() == ClusterSession::State::Connected;
    const bool hasPlan = !planModel()->appName().isEmpty();
    const bool applying = isApplying();
    m_previewAction->setEnabled(m_controller->canPreview());
    m_applyAction->setEnabled(m_controller->canApply());
    const QString blocked = m_controller->applyBlockedReason();
    m_applyAction->setToolTip(
        plainToolTip(!blocked.isEmpty() ? tr("Apply is disabled: %1").arg(blocked)
                     : m_controller->problems().isEmpty() || !hasPlan
                         ? tr("Apply the plan to the cluster (Ctrl+Return)")
                         : tr("The plan has problems: %1")
                               .arg(m_controller->problems().join(QStringLiteral("; ")))));
    m_reapplyAction->setEnabled(m_controller->canReapply());
    m_revertToCompletedAction->setEnabled(m_controller->canRevertToLastCompleted());
    m_revertToCompletedAction->setToolTip(
        m_controller->canRevertToLastCompleted() || !m_controller->canReapply()
            ? tr("Go back to the last plan applied to completion, previewed first")
            : tr("No completed plan is recorded for this AppDeployment"));
    m_cancelAction->setEnabled(applying);
    m_revertAction->setEnabled(hasPlan && !applying);
    m_evenAction->setEnabled(hasPlan && !applying && planModel()->trafficEnabled());
    m_reloadAction->setEnabled(m_session->state() != ClusterSession::State::NoConfig);
    m_contextCombo->setEnabled(!applying);
    m_namespaceCombo->setEnabled(!applying && connected);
}

void MainWindow::revert()
{
    m_controller->revert();
}

void MainWindow::updateApplyNotice()
{
    using S = RolloutController::ApplyState;
    const S state = m_controller->applyState();
    const bool shown = state == S::LockedByOther || state == S::Interrupted;
    const QString notice = shown ? m_controller->applyNotice() : QString();
    m_editor->setApplyNotice(notice, state == S::Interrupted);
    keepEditorRoom();
    if (notice == m_lastNotice)
        return;
    m_lastNotice = notice;
    if (state == S::Interrupted)
        statusBar()->showMessage(
            tr("%1: an apply was interrupted. Re-apply or Revert from the editor.")
                .arg(planModel()->appDeploymentName()));
    else if (state == S::LockedByOther)
        statusBar()->showMessage(m_controller->applyBlockedReason());
    else
        statusBar()->clearMessage();
}

void MainWindow::reapplyInterrupted()
{
    if (!m_controller->canReapply() || !confirmDiscardEdits())
        return;
    showDock(QStringLiteral("previewDock"));
    m_controller->reapplyInterrupted();
}

void MainWindow::revertToLastCompleted()
{
    if (!m_controller->canRevertToLastCompleted() || !confirmDiscardEdits())
        return;
    showDock(QStringLiteral("previewDock"));
    m_controller->revertToLastCompleted();
}

void MainWindow::preview()
{
    if (!m_previewAction->isEnabled())
        return;
    showDock(QStringLiteral("previewDock"));
    m_controller->preview();
}

void MainWindow::apply()
{
    if (!m_applyAction->isEnabled() || isApplying())
        return;
    showDock(QStringLiteral("applyDock"));
    m_controller->apply(m_editor->forceRouting());
}

void MainWindow::cancelApply()
{
    m_controller->cancelApply();
}

} // namespace veladesk
