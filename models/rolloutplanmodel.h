#pragma once
// The editable rollout plan of one application. The model wraps one
// kube::rollout::AppDeploymentPlan value: row i is spec.appRevisions[i] together with
// spec.traffic.http[0].weightedTargets[i] (load() normalises the plan to that shape; further
// http rules are kept as they are). Edits change that value in place; after each edit the
// engine's validate() runs once and its issues are mapped onto rows by their field paths.
// There is no second form of the plan (no JSON, no row list): plan() is what the engine
// renders, diffs and applies.
//
// Edits of a weight redistribute over the unlocked rows (models/weights.h) so the total stays
// 100. The model also holds the live values (VirtualService weights, Deployment replicas) to
// show drift between what the AppDeployment says and what runs.

#include "kube/rollout/application.h"
#include "kube/rollout/multicluster.h"
#include "kube/rollout/plan.h"
#include "kube/rollout/render.h"
#include "kube/rollout/routing.h"
#include "models/namespacestore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <optional>

namespace veladesk {

// One row as the editor shows it: a view computed from the plan, the locks, the loaded spec
// and the live objects (not stored).
struct PlanRow
{
    QString revisionName;
    QString componentName;
    int port = 80;
    int weight = 0;
    int replicas = 1;
    bool locked = false;
    // As the AppDeployment spec says (for drift and "edited" markers); unset for new rows.
    std::optional<int> specWeight;
    std::optional<int> specReplicas;
    // As the live objects say; unset when the object does not exist.
    std::optional<int> liveWeight;
    std::optional<int> liveReplicas;
    std::optional<int> liveReadyReplicas;
    // Deployment -> "HorizontalPodAutoscaler/<name>" for this revision's Deployments that an HPA
    // scales: VelaDesk does not send their spec.replicas (issue 8).
    QMap<QString, QString> replicasManagedBy;
    // Every Deployment of the revision is scaled by an HPA: the replicas value has no effect.
    bool replicasManagedByHpa = false;
    // Multi-cluster placement (issue 13): when the plan (as applied or as edited) names
    // clusters in its placements (the home one too) and the home cluster's name is known, the
    // revision's state in each cluster it is placed in, home first
    // (kube::rollout::placementStatesIn(): the AppDeployment's replicas there, what the cluster's
    // Deployments run and have ready). liveReplicas and liveReadyReplicas are then the sums over
    // the clusters that answered. Empty otherwise.
    QList<kube::rollout::PlacementState> placements;
    bool operator==(const PlanRow&) const = default;
};

class RolloutPlanModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Revision,
        Weight,
        Locked,
        Replicas,
        Component,
        Port,
        State,
        Drift,
        ColumnCount
    };
    enum Role
    {
        WeightRole = Qt::UserRole + 1,
        LockedRole,
        ReplicasRole,
        ValidRole,   // bool: the row has no problem
        ProblemRole, // QString: why the row is invalid, "" when valid
        DriftRole,   // QString: how the live objects differ from the spec, "" when equal
        RevisionNameRole,
        // QString: "replicas managed by HPA/<name>" when an HPA scales the revision's
        // Deployment(s), else ""
        ReplicasManagedByRole,
    };

    explicit RolloutPlanModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Loads the plan of `appName` from its AppDeployment (nullptr: a new plan named
    // "<app>-deploy" with the latest revision at 100%). `revisions` are the namespace's
    // revisions (the app's prefill components and ports; all are what validate() checks).
    // This is the baseline Revert goes back to.
    void load(const QString& appName, const QString& namespaceName,
              const kube::rollout::AppDeploymentPlan* appDeployment,
              const QList<kube::rollout::AppRevision>& revisions);
    void clear();
    // Revisions recorded since load(): updates what can be added and validates again.
    void setRevisions(const QList<kube::rollout::AppRevision>& revisions);
    // Live objects for drift: the VirtualService named after the AppDeployment (nullptr if
    // absent) and the Deployments of the namespace; and which Deployments an HPA scales
    // (Deployment -> "HorizontalPodAutoscaler/<name>", NamespaceStore::replicasManagedBy()).
    void setLive(const VirtualServiceInfo* virtualService,
                 const QMap<QString, DeploymentInfo>& deployments,
                 const QMap<QString, QString>& replicasManagedBy = {});
    // Multi-cluster placement: the home cluster's name and context, and the other clusters'
    // Deployments (the namespace's, as their stores hold them) or why they are not known.
    struct ClusterLive
    {
        QString context;
        QMap<QString, DeploymentInfo> deployments;
        QString error; // "" : `deployments` is what the cluster runs
        bool operator==(const ClusterLive&) const = default;
    };
    void setClusters(const QString& home, const QString& homeContext,
                     const QMap<QString, ClusterLive>& others);
    // Replaces the edited plan with `plan` (brought to the model's shape as load() does) and
    // keeps the baseline: the rows show what differs from the AppDeployment, Revert goes back.
    // For "revert to the last completed plan" of an interrupted apply.
    void edit(const kube::rollout::AppDeploymentPlan& plan);
    // Plan-wide errors found outside the plan (e.g. "the AppDeployment CRD is not installed").
    void setExternalErrors(const QStringList& errors);

    QString appName() const { return m_appName; }
    QString appDeploymentName() const { return m_plan.name; }
    // Names a new plan (an existing AppDeployment keeps its name: returns false).
    bool setAppDeploymentName(const QString& name);
    bool isNewPlan() const { return m_isNew; }
    PlanRow row(int row) const;
    // Components of a revision (for the picker), in the revision's order.
    QStringList componentsOf(const QString& revisionName) const;
    // Revisions of the application not yet in the plan.
    QStringList addableRevisions() const;

    // The plan as the engine takes it (traffic unset when there are neither hosts nor gateways).
    kube::rollout::AppDeploymentPlan plan() const;
    const QList<kube::rollout::AppRevision>& revisions() const { return m_revisions; }

    // Weight edits; return the weight the row actually got (see setWeight in weights.h).
    int setWeight(int row, int weight);
    void setLocked(int row, bool locked);
    void setReplicas(int row, int replicas);
    void setPort(int row, int port);
    void setComponent(int row, const QString& component);
    void splitEvenly();                            // unlocks every row and splits 100 evenly
    bool addRevision(const QString& revisionName); // new row with weight 0, 1 replica
    void removeRevision(int row);                  // its weight goes to the unlocked rows

    QStringList hosts() const { return m_plan.traffic->hosts; }
    QStringList gateways() const { return m_plan.traffic->gateways; }
    void setHosts(const QStringList& hosts);
    void setGateways(const QStringList& gateways);
    // The plan's routing API (annotation veladesk.io/routing): nullopt when it is chosen at
    // apply (no annotation, or one with an unknown value: validation reports that).
    std::optional<kube::rollout::RoutingApi> routing() const;
    // Sets the annotation, or removes it (nullopt: chosen at apply). An unapplied edit.
    void setRouting(std::optional<kube::rollout::RoutingApi> api);
    // Traffic is routed (a VirtualService rendered) when at least one host is set.
    bool trafficEnabled() const { return !m_plan.traffic->hosts.isEmpty(); }

    int totalWeight() const;
    // The result of the last validation: errors (Apply must stay disabled while any exists),
    // each "<revision>: <message>" or "<what>: <message>", and warnings.
    const QList<kube::rollout::Issue>& issues() const { return m_issues; }
    QStringList problems() const { return m_problems; }
    QStringList warnings() const { return m_warnings; }
    bool isValid() const { return m_problems.isEmpty(); }
    QString rowProblem(int row) const;
    QString rowDrift(int row) const;
    // Multi-cluster plans: ready/planned replicas per cluster ("1/1 in a, 0/2 in b"), "" else.
    QString rowClusterReadiness(int row) const;
    // "replicas managed by HPA/<name>" (or "replicas of <deployment> managed by HPA/<name>"
    // when only some of the revision's Deployments are), "" when no HPA scales them.
    QString rowReplicasManagedBy(int row) const;
    bool hasDrift() const;
    bool isModified() const;
    // How many times the plan was validated since construction (one per edit).
    int validationCount() const { return m_validations; }

    // Puts `plan` (e.g. a plan from the apply history) in place of the edited plan, normalised
    // as load() does; the baseline (what Revert goes back to, what "modified" compares with)
    // stays the loaded AppDeployment.
    void loadEdits(const kube::rollout::AppDeploymentPlan& plan);

public Q_SLOTS:
    void revert() override;

Q_SIGNALS:
    // Emitted after any change of the plan, its validation or the live values.
    void planChanged();

private:
    kube::rollout::WeightedTarget& target(int row);
    const kube::rollout::WeightedTarget& target(int row) const;
    const kube::rollout::AppRevision* revision(const QString& name) const;
    void prefill(kube::rollout::WeightedTarget& target) const;
    QList<int> weights() const;
    QList<bool> locks() const;
    void setWeights(const QList<int>& weights);
    void changed(); // validate, dataChanged, planChanged
    void validate();
    // `plan` in the model's shape: one target of http[0] per appRevisions entry, in row order
    // (revisions targeted but not listed get a row with 0 replicas). Fills the spec values when
    // `fromSpec` (the plan is the AppDeployment's).
    kube::rollout::AppDeploymentPlan normalized(kube::rollout::AppDeploymentPlan plan,
                                                bool fromSpec);

    QString m_appName;
    bool m_isNew = true;
    kube::rollout::AppDeploymentPlan m_plan; // traffic always set, http[0] one target per row
    kube::rollout::AppDeploymentPlan m_baseline;
    QSet<QString> m_locked; // revision names
    // what the loaded AppDeployment said, per revision
    QHash<QString, int> m_specWeight, m_specReplicas;
    QList<kube::rollout::AppRevision> m_revisions;
    std::optional<VirtualServiceInfo> m_liveVirtualService;
    QMap<QString, DeploymentInfo> m_liveDeployments;
    QMap<QString, QString> m_replicasManagedBy;
    QString m_home, m_homeContext;
    QMap<QString, ClusterLive> m_clusterLive;
    QStringList m_externalErrors;

    QList<kube::rollout::Issue> m_issues;
    QList<QStringList> m_rowProblems;
    QStringList m_problems, m_warnings;
    int m_validations = 0;
};

} // namespace veladesk
