#pragma once
// The VelaDesk main window: cluster bar (context, namespace, connection state, server
// version), applications and revisions panes, the rollout editor, and docks for pods,
// preview/diff, apply progress and the log. Wiring only: the models follow the session's
// NamespaceStore, the rollout (plan, validation, preview, apply) is RolloutController's; the
// window connects their signals to widgets and asks before edits are discarded.

#include "kube/kubeconfig.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace veladesk {

class ApplicationsModel;
class ApplyPane;
class ClusterPodsModel;
class ClusterSession;
class HistoryPane;
class LogModel;
class ObjectTreePane;
class PodLogsPane;
class PodsModel;
class PreviewPane;
class RemoteClusters;
class RevisionsModel;
class RolloutController;
class RolloutEditor;
class RolloutPlanModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `options`: --kubeconfig / --context / --namespace of the command line; when context or
    // namespace are empty, the last ones used (QSettings) or the kubeconfig's current apply.
    explicit MainWindow(const kube::KubeConfigOptions& options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    ClusterSession* session() const { return m_session; }
    ApplicationsModel* applicationsModel() const { return m_apps; }
    RevisionsModel* revisionsModel() const { return m_revisions; }
    RolloutController* controller() const { return m_controller; }
    RolloutPlanModel* planModel() const;
    PodsModel* podsModel() const { return m_pods; }
    // The pods pane's rows: the home cluster's pods, then those of every other cluster the
    // selected application's plan places revisions in (issue 13), watched by remoteClusters().
    ClusterPodsModel* clusterPodsModel() const { return m_clusterPods; }
    RemoteClusters* remoteClusters() const { return m_remote; }
    QLabel* podsClusterStatus() const { return m_podsClusterStatus; }
    LogModel* logModel() const { return m_log; }
    RolloutEditor* editor() const { return m_editor; }
    PreviewPane* previewPane() const { return m_preview; }
    ApplyPane* applyPane() const { return m_applyPane; }
    HistoryPane* historyPane() const { return m_history; }
    PodLogsPane* podLogsPane() const { return m_podLogs; }          // the Pod logs dock (issue 13)
    ObjectTreePane* objectTreePane() const { return m_objectTree; } // the Objects dock (issue 15)
    QTreeView* applicationsView() const { return m_appsView; }
    QTreeView* podsView() const { return m_podsView; }
    QComboBox* contextPicker() const { return m_contextCombo; }
    QComboBox* namespacePicker() const { return m_namespaceCombo; }
    QAction* applyAction() const { return m_applyAction; }
    QAction* previewAction() const { return m_previewAction; }
    QAction* revertAction() const { return m_revertAction; }
    // Ways out of an interrupted apply (the editor's banner shows them): re-apply the
    // AppDeployment's plan, or revert to the last completed one; each opens its preview first.
    QAction* reapplyAction() const { return m_reapplyAction; }
    QAction* revertToCompletedAction() const { return m_revertToCompletedAction; }
    QString selectedApplication() const { return m_selectedApp; }
    bool isApplying() const;

    // Selects an application in the applications pane (as a click would).
    bool selectApplication(const QString& name);
    // Selects `name` as soon as the applications pane lists it.
    void selectApplicationWhenLoaded(const QString& name);
    void showDock(const QString& objectName);

    // Asked before unapplied edits of the plan are dropped (another application, namespace
    // or context; closing the window) with the AppDeployment's name; returns true to discard.
    // The default asks with a QMessageBox (Discard / Cancel); tests replace it.
    using DiscardPrompt = std::function<bool(const QString& appDeploymentName)>;
    void setDiscardPrompt(DiscardPrompt prompt) { m_discardPrompt = std::move(prompt); }

public Q_SLOTS:
    void reload();
    void preview();
    void apply();
    void cancelApply();
    void revert();
    void reapplyInterrupted();
    void revertToLastCompleted();

Q_SIGNALS:
    void previewFinished(bool ok);
    void applyFinished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildClusterBar();
    void buildPanes();
    void restoreSettings();
    void saveSettings();
    void onSessionState();
    void wireSession();
    void wireController();
    // Hands the session's client (or none) to the controller.
    void updateConnection();
    void onApplicationsChanged();
    void onApplicationSelected();
    void selectApp(const QString& app);
    // True when the plan has no unapplied edits or the user agrees to discard them.
    bool confirmDiscardEdits();
    void updateActions();
    // The editor's banner and the status bar for another apply / an interrupted one.
    void updateApplyNotice();
    // Grows the apply dock (docked, shown) to show every step, up to half the window.
    void fitApplyDock();
    // Shrinks the bottom docks when the central widget's minimumSizeHint grew (a banner
    // appeared). Known gap: word-wrapped banners grow by height-for-width, which
    // minimumSizeHint does not report, so a tall apply dock can still squeeze the editor's rows.
    void keepEditorRoom();
    // Watches the pods of every cluster the selected application's plan (edited or applied)
    // places revisions in; shows the Cluster column when there is more than one.
    void updateRemoteClusters();
    void updateClusterStatus();
    // The editor's rows: what every other cluster of the plan runs (drift, ready counts).
    void updatePlanClusters();
    // The Pod logs pane reads through the client of `cluster` ("" : the home cluster).
    void setPodLogsCluster(const QString& cluster);

    kube::KubeConfigOptions m_options;
    LogModel* m_log;
    PodsModel* m_pods;
    ClusterPodsModel* m_clusterPods;
    RemoteClusters* m_remote;
    QString m_podLogsCluster;        // the cluster the Pod logs pane reads ("": home)
    bool m_updatingClusters = false; // updateRemoteClusters() is running
    ApplicationsModel* m_apps;
    RevisionsModel* m_revisions;
    RolloutController* m_controller;
    ClusterSession* m_session;

    QComboBox* m_contextCombo = nullptr;
    QComboBox* m_namespaceCombo = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_versionLabel = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_podsClusterStatus = nullptr;
    QTreeView* m_appsView = nullptr;
    QTreeView* m_revisionsView = nullptr;
    QTreeView* m_podsView = nullptr;
    QTreeView* m_logView = nullptr;
    QSortFilterProxyModel* m_podsProxy = nullptr;
    QSortFilterProxyModel* m_revisionsProxy = nullptr;
    RolloutEditor* m_editor = nullptr;
    PreviewPane* m_preview = nullptr;
    ApplyPane* m_applyPane = nullptr;
    HistoryPane* m_history = nullptr;
    PodLogsPane* m_podLogs = nullptr;
    ObjectTreePane* m_objectTree = nullptr;
    QList<QDockWidget*> m_docks;

    QAction* m_reloadAction = nullptr;
    QAction* m_previewAction = nullptr;
    QAction* m_applyAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_revertAction = nullptr;
    QAction* m_evenAction = nullptr;
    QAction* m_reapplyAction = nullptr;
    QAction* m_revertToCompletedAction = nullptr;
    QString m_lastNotice;

    QString m_selectedApp;
    QString m_pendingApp;          // from settings, selected when it appears
    bool m_autoSelectDone = false; // per context/namespace
    DiscardPrompt m_discardPrompt;
    bool m_restoringSelection = false; // the applications pane goes back after a Cancel
};

} // namespace veladesk
