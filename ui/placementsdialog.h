#pragma once
// Multi-cluster placement in the GUI (issue 13, item 1): the replicas of each revision per
// cluster (spec.appRevisions[].placement[], clusterSelector.name; an empty cluster is the home
// cluster, the current context), and the settings' cluster name -> kubeconfig context mapping
// (QSettings "clusters/contexts", "NAME=CONTEXT" entries; unmapped names use the context of the
// same name). OK writes the placements into the editor's plan (RolloutPlanModel::edit(): an
// edit like any other, previewed and applied as usual) and saves the mapping.

#include <QDialog>
#include <QStringList>

class QTableWidget;
class QLabel;

namespace kube::rollout {
class ClusterContexts;
}

namespace veladesk {

class RolloutPlanModel;

class PlacementsDialog : public QDialog
{
    Q_OBJECT
public:
    // `contexts`: the kubeconfig's contexts (completion of the mapping); `homeContext`: the
    // current one.
    PlacementsDialog(RolloutPlanModel* model, const QStringList& contexts,
                     const QString& homeContext, QWidget* parent = nullptr);

    // The mapping saved in the settings.
    static kube::rollout::ClusterContexts savedClusterContexts();

    QTableWidget* placementsTable() const { return m_placements; }
    QTableWidget* contextsTable() const { return m_contexts; }
    // Writes the placements into the model and saves the mapping (what OK does); false with
    // the problem shown when a row is incomplete.
    bool commit();

private:
    void addPlacementRow(const QString& revision, const QString& cluster, int replicas);
    void addContextRow(const QString& cluster, const QString& context);
    RolloutPlanModel* m_model;
    QStringList m_revisions;
    QTableWidget* m_placements;
    QTableWidget* m_contexts;
    QLabel* m_problem;
};

} // namespace veladesk
