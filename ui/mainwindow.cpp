#include "ui/mainwindow.h"

#include "kube/rollout/cluster.h"
#include "kube/rollout/render.h"
#include "models/applicationsmodel.h"
#include "models/clustersession.h"
#include "models/kubeobjects.h"
#include "models/logmodel.h"
#include "models/podsmodel.h"
#include "models/revisionsmodel.h"
#include "models/rolloutplanmodel.h"
#include "ui/applypane.h"
#include "ui/podsview.h"
#include "ui/previewpane.h"
#include "ui/rollouteditor.h"

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

// Shows pods of the selected application's revisions only (all pods when none is selected).
class PodsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
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
        const QString rev =
            sourceModel()->index(row, 0, parent).data(PodsModel::RevisionRole).toString();
        return rev.startsWith(m_prefix);
    }

private:
    QString m_prefix;
};

// What of an AppDeployment the editor's baseline depends on.
QJsonObject specOf(const QJsonObject& appDeployment)
{
    return QJsonObject{{QStringLiteral("name"), kubeName(appDeployment)},
                       {QStringLiteral("spec"), appDeployment.value(QLatin1String("spec"))}};
}

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
    m_apps = new ApplicationsModel(this);
    m_revisions = new RevisionsModel(this);
    m_plan = new RolloutPlanModel(this);
    m_session = new ClusterSession(m_log, m_pods, this);

    buildActions();
    buildClusterBar();
    buildPanes();

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
            });
    connect(m_session, &ClusterSession::snapshotChanged, this, &MainWindow::onSnapshot);
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
        if (loading)
            statusBar()->showMessage(tr("Loading %1…").arg(m_session->currentNamespace()));
        else
            statusBar()->showMessage(tr("Loaded %1 applications, %2 revisions")
                                         .arg(m_session->snapshot().applications.size())
                                         .arg(m_session->snapshot().revisions.size()),
                                     5000);
    });
    connect(m_plan, &RolloutPlanModel::planChanged, this, &MainWindow::validateWithEngine);
    connect(m_plan, &RolloutPlanModel::planChanged, this, [this] {
        setWindowModified(m_plan->isModified());
        if (!m_previewedPlan.isEmpty() && m_plan->toAppDeployment() != m_previewedPlan)
            m_preview->markStale();
    });
    connect(m_editor, &RolloutEditor::validityChanged, this, [this](bool valid) {
        m_planValid = valid;
        updateActions();
    });

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

MainWindow::~MainWindow()
{
    if (m_applier)
        m_applier->cancel();
}

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
    m_evenAction = make(tr("Split &evenly"), QKeySequence(Qt::CTRL | Qt::Key_E),
                        tr("Unlock all rows and split evenly"), [this] { m_plan->splitEvenly(); });
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
    QAction* focusContext = cluster->addAction(tr("Choose &context"));
    focusContext->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(focusContext, &QAction::triggered, this, [this] {
        m_contextCombo->setFocus();
        m_contextCombo->showPopup();
    });
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
    bar->addWidget(m_contextCombo);
    bar->addWidget(new QLabel(tr("  Namespace: "), bar));
    m_namespaceCombo = new QComboBox(bar);
    m_namespaceCombo->setObjectName(QStringLiteral("namespacePicker"));
    m_namespaceCombo->setEditable(true);
    m_namespaceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_namespaceCombo->setMinimumContentsLength(14);
    m_namespaceCombo->setToolTip(tr("Namespace (Ctrl+N); type a name and press Enter"));
    bar->addWidget(m_namespaceCombo);
    bar->addSeparator();
    m_stateLabel = new QLabel(bar);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    bar->addWidget(m_stateLabel);
    m_versionLabel = new QLabel(bar);
    m_versionLabel->setObjectName(QStringLiteral("serverVersion"));
    m_versionLabel->setContentsMargins(8, 0, 8, 0);
    bar->addWidget(m_versionLabel);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_reloadAction);

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
        m_selectedApp.clear();
        m_plan->clear();
        m_revisions->clear();
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
        m_selectedApp.clear();
        m_plan->clear();
        m_revisions->clear();
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
    m_appsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_appsView->header()->setSectionResizeMode(ApplicationsModel::Name, QHeaderView::Stretch);
    m_appsView->header()->setStretchLastSection(false);
    m_revisionsView = makeTable(left, QStringLiteral("revisionsView"));
    m_revisionsProxy = new QSortFilterProxyModel(this);
    m_revisionsProxy->setSourceModel(m_revisions);
    m_revisionsProxy->setSortRole(RevisionsModel::SortRole);
    m_revisionsView->setModel(m_revisionsProxy);
    m_revisionsView->setSortingEnabled(true);
    m_revisionsView->sortByColumn(RevisionsModel::Name, Qt::AscendingOrder);
    m_revisionsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_revisionsView->header()->setSectionResizeMode(RevisionsModel::Images, QHeaderView::Stretch);
    m_revisionsView->header()->setStretchLastSection(false);
    left->addWidget(m_appsView);
    left->addWidget(m_revisionsView);
    m_editor = new RolloutEditor(m_plan, split);
    split->addWidget(left);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({500, 780});
    centralLayout->addWidget(split, 1);
    setCentralWidget(central);

    connect(m_appsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onApplicationSelected);
    m_editor->setActions({m_revertAction}, {m_previewAction, m_applyAction});

    // Docks at the bottom, tabbed: pods, preview, apply, log.
    auto addDock = [this](const QString& title, const QString& name, QWidget* widget,
                          const QKeySequence& key) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
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
    setUpPodsView(m_podsView, m_podsProxy, m_pods);
    m_preview = new PreviewPane(this);
    m_applyPane = new ApplyPane(this);
    connect(m_applyPane, &ApplyPane::cancelRequested, this, &MainWindow::cancelApply);
    m_logView = makeTable(this, QStringLiteral("logView"));
    m_logView->setModel(m_log);
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
                if (!isApplying() && m_plan->addRevision(name))
                    m_log->info(QStringLiteral("veladesk"), tr("added %1 to the plan").arg(name));
            });

    QDockWidget* pods = addDock(tr("Pods"), QStringLiteral("podsDock"), m_podsView,
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
    if (m_applier)
        m_applier->cancel();
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
    m_stateLabel->setToolTip(m_session->stateMessage());
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
}

void MainWindow::onSnapshot()
{
    const NamespaceSnapshot& snap = m_session->snapshot();
    m_apps->setObjects(snap.applications, snap.revisions, snap.appDeployments);
    if (m_selectedApp.isEmpty() && !m_pendingApp.isEmpty() && m_apps->rowOf(m_pendingApp) >= 0) {
        m_autoSelectDone = true;
        selectApplication(std::exchange(m_pendingApp, QString()));
        return;
    }
    // Nothing chosen yet in this namespace: open the first application, so the editor is
    // never empty when there is something to edit (a remembered app that is not here is dropped).
    if (m_selectedApp.isEmpty() && !m_autoSelectDone && m_apps->rowCount() > 0) {
        m_autoSelectDone = true;
        m_pendingApp.clear();
        selectApplication(m_apps->application(0).name);
        return;
    }
    if (!m_selectedApp.isEmpty() && m_apps->rowOf(m_selectedApp) < 0 && !m_session->isLoading() &&
        !snap.applications.isEmpty()) {
        m_log->warning(QStringLiteral("veladesk"), tr("application %1 is gone").arg(m_selectedApp));
        m_selectedApp.clear();
        m_plan->clear();
        m_revisions->clear();
    }
    if (m_selectedApp.isEmpty()) {
        if (m_session->snapshot().applications.isEmpty() && m_apps->rowCount() == 0) {
            m_plan->clear();
            m_revisions->clear();
        }
    } else {
        refreshSelectedApp(std::exchange(m_reloadPlanOnSnapshot, false));
    }
    if (snap.appDeploymentCrdMissing)
        statusBar()->showMessage(
            tr("The AppDeployment CRD is not installed: run `veladesk setup`."));
    validateWithEngine();
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
    m_selectedApp = app;
    static_cast<PodsFilter*>(m_podsProxy)->setApplication(app);
    m_preview->clear();
    if (app.isEmpty()) {
        m_plan->clear();
        m_revisions->clear();
    } else {
        refreshSelectedApp(true);
    }
    updateActions();
}

bool MainWindow::confirmDiscardEdits()
{
    if (!m_plan->isModified())
        return true;
    const QString name = m_plan->appDeploymentName();
    bool discard = false;
    if (m_discardPrompt) {
        discard = m_discardPrompt(name);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Unapplied changes"),
                        tr("Discard unapplied changes to %1?").arg(name),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(tr("The edits in the rollout editor were not applied."));
        box.setDefaultButton(QMessageBox::Cancel);
        discard = box.exec() == QMessageBox::Discard;
    }
    if (discard)
        m_log->info(QStringLiteral("veladesk"), tr("discarded unapplied edits of %1").arg(name));
    return discard;
}

void MainWindow::refreshSelectedApp(bool forceReload)
{
    const NamespaceSnapshot& snap = m_session->snapshot();
    const QJsonObject ad = snap.appDeploymentFor(m_selectedApp);
    const QString planName = ad.isEmpty() ? m_plan->appDeploymentName() : kubeName(ad);
    const QJsonObject vs = snap.virtualServiceNamed(ad.isEmpty() ? planName : kubeName(ad));
    m_revisions->setObjects(m_selectedApp, snap.revisions, snap.deployments, vs, ad);

    const bool serverChanged =
        specOf(ad) != specOf(m_loadedAppDeployment) || m_plan->appName() != m_selectedApp;
    if (forceReload || (serverChanged && !m_plan->isModified() && !isApplying())) {
        m_plan->load(m_selectedApp, m_session->currentNamespace(), ad,
                     m_revisions->revisionInfos());
        m_loadedAppDeployment = ad;
    } else {
        m_plan->setAvailableRevisions(m_revisions->revisionInfos());
        if (serverChanged && m_plan->isModified())
            statusBar()->showMessage(
                tr("The AppDeployment changed on the server; Revert loads it."), 8000);
    }
    m_plan->setLiveObjects(snap.virtualServiceNamed(m_plan->appDeploymentName()), snap.deployments);
    const AppDeploymentInfo info = AppDeploymentInfo::fromJson(ad);
    m_editor->setPhase(info.phase, info.conditionMessage);
}

// Parsed once per snapshot: validation runs on every slider step.
const QList<kube::rollout::AppRevision>& MainWindow::engineRevisions() const
{
    const NamespaceSnapshot& snap = m_session->snapshot();
    if (m_engineRevisionsSource != snap.revisions) {
        m_engineRevisionsSource = snap.revisions;
        m_engineRevisions.clear();
        for (const QJsonObject& o : snap.revisions) {
            auto r = kube::rollout::AppRevision::fromJson(o);
            if (r.ok())
                m_engineRevisions << r.value;
        }
    }
    return m_engineRevisions;
}

std::optional<kube::rollout::AppDeploymentPlan> MainWindow::currentPlan(QString* error) const
{
    auto parsed = kube::rollout::AppDeploymentPlan::fromJson(m_plan->toAppDeployment());
    if (!parsed.ok()) {
        if (error)
            *error = parsed.status.toString();
        return std::nullopt;
    }
    if (parsed.value.namespaceName.isEmpty())
        parsed.value.namespaceName = m_session->currentNamespace();
    return parsed.value;
}

void MainWindow::validateWithEngine()
{
    if (m_plan->appName().isEmpty()) {
        m_editor->setExtraProblems({}, {});
        return;
    }
    QString error;
    const auto plan = currentPlan(&error);
    if (!plan) {
        m_editor->setExtraProblems({error}, {});
        return;
    }
    QStringList errors, warnings;
    for (const kube::rollout::Issue& issue : kube::rollout::validate(*plan, engineRevisions())) {
        const QString text = issue.field.isEmpty()
                                 ? issue.message
                                 : issue.field + QStringLiteral(": ") + issue.message;
        (issue.isError() ? errors : warnings) << text;
    }
    // The model states the editor's own problems in its words; the engine's errors are shown
    // when the model has none (they are then things only the engine checks).
    if (!m_plan->isValid())
        errors.clear();
    if (m_session->snapshot().appDeploymentCrdMissing)
        errors << tr("the AppDeployment CRD is not installed: run `veladesk setup`");
    m_editor->setExtraProblems(errors, warnings);
}

void MainWindow::updateActions()
{
    if (!m_applyAction)
        return;
    const bool connected = m_session->state() == ClusterSession::State::Connected;
    const bool hasPlan = !m_plan->appName().isEmpty();
    const bool applying = isApplying();
    m_previewAction->setEnabled(connected && hasPlan && !applying);
    m_applyAction->setEnabled(connected && hasPlan && m_planValid && !applying);
    m_applyAction->setToolTip(
        m_planValid || !hasPlan
            ? tr("Apply the plan to the cluster (Ctrl+Return)")
            : tr("The plan has problems: %1").arg(m_plan->problems().join(QStringLiteral("; "))));
    m_cancelAction->setEnabled(applying);
    m_revertAction->setEnabled(hasPlan && !applying);
    m_evenAction->setEnabled(hasPlan && !applying && m_plan->trafficEnabled());
    m_reloadAction->setEnabled(m_session->state() != ClusterSession::State::NoConfig);
    m_contextCombo->setEnabled(!applying);
    m_namespaceCombo->setEnabled(!applying && connected);
}

void MainWindow::revert()
{
    if (isApplying())
        return;
    if (m_plan->isModified())
        m_log->info(QStringLiteral("veladesk"),
                    tr("reverted unapplied edits of %1").arg(m_plan->appDeploymentName()));
    // Back to what the cluster has now: the baseline, unless the AppDeployment changed on
    // the server since it was loaded (e.g. a failed apply created it).
    const QJsonObject ad = m_session->snapshot().appDeploymentFor(m_selectedApp);
    if (!m_selectedApp.isEmpty() && specOf(ad) != specOf(m_loadedAppDeployment))
        refreshSelectedApp(true);
    else
        m_plan->revert();
    m_preview->clear();
}

void MainWindow::preview()
{
    if (!m_previewAction->isEnabled())
        return;
    QString error;
    const auto plan = currentPlan(&error);
    showDock(QStringLiteral("previewDock"));
    if (!plan) {
        m_preview->setError(error);
        Q_EMIT previewFinished(false);
        return;
    }
    kube::rollout::RenderOptions options;
    options.namespaceName = m_session->currentNamespace();
    const kube::rollout::RenderResult rendered =
        kube::rollout::render(*plan, engineRevisions(), options);
    QList<QJsonObject> objects{kube::rollout::renderAppDeployment(*plan, options)};
    objects += rendered.jsonObjects();
    m_preview->setRendered(objects);
    m_previewedPlan = m_plan->toAppDeployment();
    if (!rendered.ok()) {
        m_preview->setError(
            kube::rollout::issueMessages(rendered.issues).join(QStringLiteral("; ")));
        Q_EMIT previewFinished(false);
        return;
    }
    m_preview->setBusy(tr("Asking the server for a dry-run of %1 objects…").arg(objects.size()));
    m_log->info(
        QStringLiteral("veladesk"),
        tr("preview of %1: server-side dry-run of %2 objects").arg(plan->name).arg(objects.size()));
    const quint64 generation = ++m_previewGeneration;
    kube::rollout::diffPlanAsync(m_session->client(), *plan, m_session->currentNamespace())
        .then(this, [this, generation](kube::Result<kube::rollout::PlanDiff> result) {
            if (generation != m_previewGeneration)
                return;
            if (!result.ok()) {
                m_preview->setError(result.status.toString());
                m_log->error(QStringLiteral("server"),
                             tr("dry-run failed: %1").arg(result.status.toString()));
                Q_EMIT previewFinished(false);
                return;
            }
            m_preview->setDiffs(result.value.objects);
            const int changes = kube::rollout::countChanges(result.value.objects);
            m_log->info(QStringLiteral("server"), tr("dry-run: %1 of %2 objects would change")
                                                      .arg(changes)
                                                      .arg(result.value.objects.size()));
            Q_EMIT previewFinished(true);
        });
}

void MainWindow::apply()
{
    if (!m_applyAction->isEnabled() || isApplying())
        return;
    QString error;
    const auto plan = currentPlan(&error);
    showDock(QStringLiteral("applyDock"));
    if (!plan) {
        m_applyPane->failedToStart(error);
        Q_EMIT applyFinished(false);
        return;
    }
    kube::rollout::ApplyOptions options;
    options.namespaceName = m_session->currentNamespace();
    options.force = m_editor->forceRouting();
    if (options.force)
        m_log->warning(QStringLiteral("veladesk"),
                       tr("apply forced: traffic is routed without waiting for ready pods"));
    m_applier = new kube::rollout::Applier(m_session->client(), *plan, options, this);
    connect(m_applier, &kube::rollout::Applier::stepStarted, this,
            [this](kube::rollout::ApplyStep step, const QString& description) {
                m_applyPane->stepStarted(step, description);
                m_log->info(QStringLiteral("apply"), kube::rollout::applyStepName(step) +
                                                         QStringLiteral(": ") + description);
            });
    connect(m_applier, &kube::rollout::Applier::stepProgress, this,
            [this](kube::rollout::ApplyStep step, const QString& message) {
                m_applyPane->stepProgress(step, message);
                m_log->info(QStringLiteral("apply"),
                            kube::rollout::applyStepName(step) + QStringLiteral(": ") + message);
            });
    connect(m_applier, &kube::rollout::Applier::stepFinished, this,
            [this](const kube::rollout::StepResult& r) {
                m_applyPane->stepFinished(r);
                const QString line = QStringLiteral("%1 %2%3").arg(
                    kube::rollout::applyStepName(r.step), kube::rollout::stepStateName(r.state),
                    r.message.isEmpty() ? QString() : QStringLiteral(": ") + r.message);
                if (r.state == kube::rollout::StepResult::State::Failed)
                    m_log->error(QStringLiteral("server"), line);
                else if (r.state == kube::rollout::StepResult::State::Done)
                    m_log->success(QStringLiteral("apply"), line);
                else
                    m_log->info(QStringLiteral("apply"), line);
            });
    connect(m_applier, &kube::rollout::Applier::finished, this, &MainWindow::onApplyDone);
    m_applyPane->begin(tr("Applying %1 to %2/%3…")
                           .arg(plan->name, m_session->currentContext(), options.namespaceName));
    m_log->info(QStringLiteral("veladesk"),
                tr("apply %1: %2 revisions").arg(plan->name).arg(plan->appRevisions.size()));
    m_editor->setEditingEnabled(false);
    updateActions();
    m_applier->start();
}

void MainWindow::onApplyDone(const kube::rollout::ApplyReport& report)
{
    if (m_applier)
        m_applier->deleteLater();
    m_applier = nullptr;
    m_applyPane->finished(report);
    m_editor->setEditingEnabled(true);
    if (report.ok()) {
        m_log->success(QStringLiteral("apply"), tr("applied %1").arg(m_plan->appDeploymentName()));
        m_reloadPlanOnSnapshot = true; // the applied plan becomes the new baseline
    } else {
        m_log->error(QStringLiteral("apply"), report.status.toString());
    }
    m_session->reload();
    updateActions();
    Q_EMIT applyFinished(report.ok());
}

void MainWindow::cancelApply()
{
    if (!m_applier)
        return;
    m_log->warning(QStringLiteral("veladesk"), tr("cancelling the apply"));
    m_applier->cancel();
}

} // namespace veladesk
