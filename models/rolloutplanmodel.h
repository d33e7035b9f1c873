#pragma once
// The editable rollout plan of one application: one row per revision in its AppDeployment,
// with traffic weight, lock, replicas, component and port. Edits of a weight redistribute
// over the unlocked rows (models/weights.h) so the total stays 100. The model reads an
// AppDeployment object and writes one back (toAppDeployment) for the engine to render.
// It also holds the live values (VirtualService weights, Deployment replicas) to show drift
// between what the AppDeployment says and what runs.

#include "models/kubeobjects.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace veladesk {

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
    };

    explicit RolloutPlanModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Loads the plan of `appName` from its AppDeployment (an empty object: a new plan named
    // "<app>-appdeploy" with the latest revision at 100%). `revisions` are the application's
    // revisions (components and ports for prefilling). This is the baseline Revert goes back to.
    void load(const QString& appName, const QString& namespaceName,
              const QJsonObject& appDeployment, const QList<RevisionInfo>& revisions);
    void clear();
    // New revisions recorded since load(): updates what can be added, keeps the rows.
    void setAvailableRevisions(const QList<RevisionInfo>& revisions);
    // Live objects for drift: the VirtualService named after the AppDeployment (empty if absent)
    // and the Deployments of the namespace.
    void setLiveObjects(const QJsonObject& virtualService, const QList<QJsonObject>& deployments);

    QString appName() const { return m_appName; }
    QString appDeploymentName() const { return m_name; }
    // Names a new plan (an existing AppDeployment keeps its name: returns false).
    bool setAppDeploymentName(const QString& name);
    bool isNewPlan() const { return m_baselineObject.isEmpty(); }
    const QList<PlanRow>& rows() const { return m_rows; }
    QList<RevisionInfo> availableRevisions() const { return m_revisions; }
    // Revisions of the application not yet in the plan.
    QStringList addableRevisions() const;

    // Weight edits; return the weight the row actually got (see setWeight in weights.h).
    int setWeight(int row, int weight);
    void setLocked(int row, bool locked);
    void setReplicas(int row, int replicas);
    void setPort(int row, int port);
    void setComponent(int row, const QString& component);
    void splitEvenly();                            // unlocks every row and splits 100 evenly
    bool addRevision(const QString& revisionName); // new row with weight 0, 1 replica
    void removeRevision(int row);                  // its weight goes to the unlocked rows

    QStringList hosts() const { return m_hosts; }
    QStringList gateways() const { return m_gateways; }
    void setHosts(const QStringList& hosts);
    void setGateways(const QStringList& gateways);
    // Traffic is routed (a VirtualService rendered) when at least one host is set.
    bool trafficEnabled() const { return !m_hosts.isEmpty(); }

    int totalWeight() const;
    // Plan-wide and per-row problems; Apply must stay disabled while any exists.
    QStringList problems() const;
    bool isValid() const { return problems().isEmpty(); }
    QString rowProblem(int row) const;
    QString rowDrift(int row) const;
    bool hasDrift() const;
    bool isModified() const;

    // The AppDeployment to apply: the loaded object with spec.appRevisions and spec.traffic
    // replaced by the plan (other http routes and unknown fields kept).
    QJsonObject toAppDeployment() const;

public Q_SLOTS:
    void revert();

Q_SIGNALS:
    // Emitted after any change of rows, hosts, gateways or live values.
    void planChanged();

private:
    void emitRowChanged(int row);
    void emitWeightsChanged();
    const RevisionInfo* revision(const QString& name) const;

    QString m_appName;
    QString m_namespace;
    QString m_name;
    QJsonObject m_baselineObject;
    QList<PlanRow> m_baselineRows;
    QStringList m_baselineHosts, m_baselineGateways;
    QList<PlanRow> m_rows;
    QStringList m_hosts, m_gateways;
    QList<RevisionInfo> m_revisions;
    bool m_liveVirtualService = false;
};

} // namespace veladesk
