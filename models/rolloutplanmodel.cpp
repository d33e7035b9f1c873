#include "models/rolloutplanmodel.h"

#include "models/plaintext.h"
#include "models/weights.h"

#include <QColor>
#include <QRegularExpression>
#include <algorithm>

namespace veladesk {

using kube::rollout::AppDeploymentPlan;
using kube::rollout::AppRevision;
using kube::rollout::Issue;
using kube::rollout::WeightedTarget;

namespace {
// "spec.appRevisions[3].placement[0]..." -> 3; -1 when `field` is not under `prefix`.
int indexUnder(const QString& field, QLatin1String prefix)
{
    if (!field.startsWith(prefix))
        return -1;
    const qsizetype close = field.indexOf(QLatin1Char(']'), prefix.size());
    bool ok = false;
    const int i = field.mid(prefix.size(), close - prefix.size()).toInt(&ok);
    return ok && close > 0 ? i : -1;
}

// Words for the plan-wide fields the editor shows as controls.
QString fieldLabel(const QString& field)
{
    if (field == QLatin1String("metadata.name"))
        return QObject::tr("name");
    if (field.startsWith(QLatin1String("spec.traffic.hosts")))
        return QObject::tr("hosts");
    if (field == QLatin1String("spec.traffic.http[0].weightedTargets"))
        return QObject::tr("traffic");
    return field;
}

void setHostReplicas(kube::rollout::RevisionPlacement& rp, int replicas)
{
    // one placement in the connected cluster; placements naming other clusters stay (and are
    // reported by validate())
    QList<kube::rollout::Placement> kept;
    for (const kube::rollout::Placement& p : std::as_const(rp.placement))
        if (p.clusterSelector && !p.clusterSelector->name.isEmpty())
            kept << p;
    kept.prepend(kube::rollout::Placement{replicas, std::nullopt});
    rp.placement = kept;
}
} // namespace

int RolloutPlanModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Revision:
        return tr("Revision");
    case Weight:
        return tr("Weight");
    case Locked:
        return tr("Lock");
    case Replicas:
        return tr("Replicas");
    case Component:
        return tr("Component");
    case Port:
        return tr("Port");
    case State:
        return tr("State");
    case Drift:
        return tr("Live");
    default:
        return {};
    }
}

QHash<int, QByteArray> RolloutPlanModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(WeightRole, "weight");
    names.insert(LockedRole, "locked");
    names.insert(ReplicasRole, "replicas");
    names.insert(ValidRole, "valid");
    names.insert(ProblemRole, "problem");
    names.insert(DriftRole, "drift");
    names.insert(RevisionNameRole, "revisionName");
    return names;
}

QVariant RolloutPlanModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanRow r = row(index.row());
    switch (role) {
    case WeightRole:
        return r.weight;
    case LockedRole:
        return r.locked;
    case ReplicasRole:
        return r.replicas;
    case ValidRole:
        return rowProblem(index.row()).isEmpty();
    case ProblemRole:
        return rowProblem(index.row());
    case DriftRole:
        return rowDrift(index.row());
    case RevisionNameRole:
        return r.revisionName;
    case ReplicasManagedByRole:
        return rowReplicasManagedBy(index.row());
    default:
        break;
    }
    const int col = index.column();
    if (role == Qt::CheckStateRole && col == Locked)
        return r.locked ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        const bool edit = role == Qt::EditRole;
        switch (col) {
        case Revision:
            return r.revisionName;
        case Weight:
            return edit ? QVariant(r.weight)
                        : QVariant(QString::number(r.weight) + QLatin1Char('%'));
        case Locked:
            return {};
        case Replicas:
            return r.replicas;
        case Component:
            return r.componentName;
        case Port:
            return r.port;
        case State: {
            const QString problem = rowProblem(index.row());
            if (!problem.isEmpty())
                return problem;
            if (!r.specWeight && !r.specReplicas)
                return tr("new");
            const bool edited =
                (trafficEnabled() && r.specWeight != r.weight) || r.specReplicas != r.replicas;
            return edited ? tr("edited") : tr("ok");
        }
        case Drift:
            return rowDrift(index.row());
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (col == State || col == Revision) {
            const QString problem = rowProblem(index.row());
            if (!problem.isEmpty())
                return plainToolTip(problem);
        }
        if (col == Drift)
            return plainToolTip(rowDrift(index.row()));
        if (col == Replicas)
            return plainToolTip(rowReplicasManagedBy(index.row()));
    }
    if (role == Qt::ForegroundRole) {
        if (col == State && !rowProblem(index.row()).isEmpty())
            return QColor(0xd0, 0x30, 0x30);
        if (col == Drift && !rowDrift(index.row()).isEmpty())
            return QColor(0xd0, 0x80, 0x00);
    }
    if (role == Qt::TextAlignmentRole && (col == Weight || col == Replicas || col == Port))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags RolloutPlanModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    switch (index.column()) {
    case Weight:
        if (!m_locked.contains(m_plan.appRevisions[index.row()].revisionName))
            f |= Qt::ItemIsEditable;
        break;
    case Locked:
        f |= Qt::ItemIsUserCheckable;
        break;
    case Replicas:
        if (!row(index.row()).replicasManagedByHpa) // an HPA scales it: the value has no effect
            f |= Qt::ItemIsEditable;
        break;
    case Component:
    case Port:
        f |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return f;
}

bool RolloutPlanModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    bool ok = false;
    if (role == Qt::CheckStateRole && index.column() == Locked) {
        setLocked(row, value.value<Qt::CheckState>() == Qt::Checked ||
                           (value.typeId() == QMetaType::Bool && value.toBool()));
        return true;
    }
    if (role == LockedRole) {
        setLocked(row, value.toBool());
        return true;
    }
    if (role != Qt::EditRole && role != WeightRole && role != ReplicasRole)
        return false;
    const int column = role == WeightRole     ? int(Weight)
                       : role == ReplicasRole ? int(Replicas)
                                              : index.column();
    switch (column) {
    case Weight: {
        const int w = value.toInt(&ok);
        if (!ok || m_locked.contains(m_plan.appRevisions[row].revisionName))
            return false;
        setWeight(row, w);
        return true;
    }
    case Replicas: {
        const int n = value.toInt(&ok);
        if (!ok || n < 0)
            return false;
        setReplicas(row, n);
        return true;
    }
    case Port: {
        const int p = value.toInt(&ok);
        if (!ok || p < 1 || p > 65535)
            return false;
        setPort(row, p);
        return true;
    }
    case Component:
        if (value.toString().isEmpty())
            return false;
        setComponent(row, value.toString());
        return true;
    default:
        return false;
    }
}

RolloutPlanModel::RolloutPlanModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_plan.traffic = kube::rollout::Traffic{};
    m_plan.traffic->http.append(kube::rollout::HttpRule{});
    m_baseline = m_plan;
}

int RolloutPlanModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_plan.appRevisions.size());
}

WeightedTarget& RolloutPlanModel::target(int row)
{
    return m_plan.traffic->http[0].weightedTargets[row];
}

const WeightedTarget& RolloutPlanModel::target(int row) const
{
    return m_plan.traffic->http[0].weightedTargets[row];
}

const AppRevision* RolloutPlanModel::revision(const QString& name) const
{
    for (const AppRevision& r : m_revisions)
        if (r.name == name)
            return &r;
    return nullptr;
}

void RolloutPlanModel::prefill(WeightedTarget& t) const
{
    const AppRevision* rev = revision(t.revisionName);
    if (!rev || rev->application.components.isEmpty())
        return;
    const kube::rollout::Component* c = t.componentName.isEmpty()
                                            ? &rev->application.components.first()
                                            : rev->application.component(t.componentName);
    if (!c)
        return;
    t.componentName = c->name;
    t.port = c->ports().value(0, 80);
}

PlanRow RolloutPlanModel::row(int i) const
{
    PlanRow r;
    if (i < 0 || i >= m_plan.appRevisions.size())
        return r;
    const kube::rollout::RevisionPlacement& rp = m_plan.appRevisions[i];
    const WeightedTarget& t = target(i);
    r.revisionName = rp.revisionName;
    r.componentName = t.componentName;
    r.port = t.port;
    r.weight = t.weight;
    r.replicas = rp.replicas();
    r.locked = m_locked.contains(rp.revisionName);
    if (const auto w = m_specWeight.constFind(rp.revisionName); w != m_specWeight.cend())
        r.specWeight = *w;
    if (const auto n = m_specReplicas.constFind(rp.revisionName); n != m_specReplicas.cend())
        r.specReplicas = *n;
    if (m_liveVirtualService)
        r.liveWeight = m_liveVirtualService->weightOf(rp.revisionName);
    const auto d = m_liveDeployments.constFind(
        kube::rollout::deploymentName(t.componentName, rp.revisionName));
    if (d != m_liveDeployments.cend()) {
        r.liveReplicas = d->replicas;
        r.liveReadyReplicas = d->readyReplicas;
    }
    if (!m_replicasManagedBy.isEmpty()) {
        // the Deployments of the revision: one per component (the target's when the revision
        // is not known)
        QStringList deployments;
        if (const AppRevision* rev = revision(rp.revisionName))
            for (const kube::rollout::Component& c : rev->application.components)
                deployments << kube::rollout::deploymentName(c.name, rp.revisionName);
        if (deployments.isEmpty())
            deployments << kube::rollout::deploymentName(t.componentName, rp.revisionName);
        for (const QString& name : std::as_const(deployments))
            if (const auto hpa = m_replicasManagedBy.constFind(name);
                hpa != m_replicasManagedBy.cend())
                r.replicasManagedBy.insert(name, *hpa);
        r.replicasManagedByHpa = r.replicasManagedBy.size() == deployments.size();
    }
    // placements naming clusters (the home one included: its replicas are not rp.replicas(),
    // which counts unnamed placements only)
    auto namesClusters = [](const AppDeploymentPlan& p) {
        for (const kube::rollout::RevisionPlacement& r : p.appRevisions)
            for (const kube::rollout::Placement& pl : r.placement)
                if (pl.clusterSelector && !pl.clusterSelector->name.isEmpty())
                    return true;
        return false;
    };
    if (!m_home.isEmpty() && (namesClusters(m_baseline) || namesClusters(m_plan))) {
        // The AppDeployment's placement of the revision (the edited one for a new revision),
        // against what each cluster runs: the engine's per-cluster reading.
        AppDeploymentPlan one;
        one.name = m_plan.name;
        const kube::rollout::RevisionPlacement* spec = m_baseline.revision(rp.revisionName);
        one.appRevisions = {spec ? *spec : rp};
        QStringList clusters = m_baseline.clusters(m_home);
        for (const QString& c : m_plan.clusters(m_home))
            if (!clusters.contains(c))
                clusters << c;
        auto liveOf = [this](const QMap<QString, DeploymentInfo>& deployments) {
            QMap<QString, kube::rollout::LiveReplicas> live;
            for (const DeploymentInfo& d : deployments)
                if (d.appDeployment == m_plan.name) {
                    live[d.revision].replicas += d.replicas;
                    live[d.revision].ready += d.readyReplicas;
                }
            return live;
        };
        for (const QString& c : std::as_const(clusters)) {
            if (c == m_home) {
                r.placements << kube::rollout::placementStatesIn(one, m_home, c, m_homeContext,
                                                                 liveOf(m_liveDeployments));
                continue;
            }
            const auto other = m_clusterLive.constFind(c);
            r.placements << kube::rollout::placementStatesIn(
                one, m_home, c, other == m_clusterLive.cend() ? QString() : other->context,
                other == m_clusterLive.cend() ? QMap<QString, kube::rollout::LiveReplicas>{}
                                              : liveOf(other->deployments),
                other == m_clusterLive.cend() ? tr("not watched") : other->error);
        }
        std::optional<int> live, ready;
        for (const kube::rollout::PlacementState& p : std::as_const(r.placements))
            if (p.error.isEmpty() && p.live >= 0) {
                live = live.value_or(0) + p.live;
                ready = ready.value_or(0) + p.ready;
            }
        r.liveReplicas = live;
        r.liveReadyReplicas = ready;
    }
    return r;
}

QStringList RolloutPlanModel::componentsOf(const QString& revisionName) const
{
    QStringList out;
    if (const AppRevision* rev = revision(revisionName))
        for (const kube::rollout::Component& c : rev->application.components)
            out << c.name;
    return out;
}

void RolloutPlanModel::load(const QString& appName, const QString& namespaceName,
                            const AppDeploymentPlan* appDeployment,
                            const QList<AppRevision>& revisions)
{
    beginResetModel();
    m_appName = appName;
    m_revisions = revisions;
    m_locked.clear();
    m_specWeight.clear();
    m_specReplicas.clear();
    m_isNew = appDeployment == nullptr;

    AppDeploymentPlan plan;
    if (appDeployment) {
        plan = *appDeployment;
        plan.status = {};
    } else {
        plan.name = appName + QStringLiteral("-deploy");
        QList<AppRevision> own;
        for (const AppRevision& r : revisions)
            if (r.appName == appName && (own.isEmpty() || r.revision >= own.last().revision))
                own = {r};
        if (!own.isEmpty()) {
            kube::rollout::RevisionPlacement rp;
            rp.revisionName = own.first().name;
            setHostReplicas(rp, 1);
            plan.appRevisions.append(rp);
        }
    }
    if (plan.namespaceName.isEmpty())
        plan.namespaceName = namespaceName;
    m_plan = normalized(plan, appDeployment != nullptr);
    m_baseline = m_plan;
    validate();
    endResetModel();
    Q_EMIT planChanged();
}

AppDeploymentPlan RolloutPlanModel::normalized(AppDeploymentPlan plan, bool fromSpec)
{
    const bool hadTraffic = plan.traffic.has_value();
    if (!plan.traffic)
        plan.traffic = kube::rollout::Traffic{};
    if (plan.traffic->http.isEmpty())
        plan.traffic->http.append(kube::rollout::HttpRule{});
    // Normal form: a revision targeted by http[0] but not listed in appRevisions gets a row
    // (0 replicas); http[0] then has exactly one target per row, in row order.
    const QList<WeightedTarget> targets = plan.traffic->http[0].weightedTargets;
    for (const WeightedTarget& t : targets)
        if (!plan.revision(t.revisionName)) {
            kube::rollout::RevisionPlacement rp;
            rp.revisionName = t.revisionName;
            setHostReplicas(rp, 0);
            plan.appRevisions.append(rp);
        }
    QList<WeightedTarget> normal;
    for (const kube::rollout::RevisionPlacement& rp : std::as_const(plan.appRevisions)) {
        WeightedTarget t;
        t.revisionName = rp.revisionName;
        const auto found = std::find_if(targets.begin(), targets.end(), [&](const auto& x) {
            return x.revisionName == rp.revisionName;
        });
        if (found != targets.end()) {
            t = *found;
        } else {
            t.port = 80;
            prefill(t);
        }
        if (fromSpec) {
            m_specReplicas.insert(rp.revisionName, rp.replicas());
            if (hadTraffic)
                m_specWeight.insert(rp.revisionName, t.weight);
        }
        normal << t;
    }
    if (!hadTraffic) {
        const QList<int> even = evenSplit(kTotalWeight, int(normal.size()));
        for (qsizetype i = 0; i < normal.size(); ++i)
            normal[i].weight = even[i];
    }
    plan.traffic->http[0].weightedTargets = normal;
    return plan;
}

void RolloutPlanModel::edit(const AppDeploymentPlan& plan)
{
    if (m_appName.isEmpty())
        return;
    beginResetModel();
    AppDeploymentPlan p = plan;
    p.status = {};
    if (p.namespaceName.isEmpty())
        p.namespaceName = m_plan.namespaceName;
    m_locked.clear();
    m_plan = normalized(p, false);
    validate();
    endResetModel();
    Q_EMIT planChanged();
}

void RolloutPlanModel::clear()
{
    beginResetModel();
    m_appName.clear();
    m_isNew = true;
    m_plan = AppDeploymentPlan{};
    m_plan.traffic = kube::rollout::Traffic{};
    m_plan.traffic->http.append(kube::rollout::HttpRule{});
    m_baseline = m_plan;
    m_locked.clear();
    m_specWeight.clear();
    m_specReplicas.clear();
    m_revisions.clear();
    m_liveVirtualService.reset();
    m_liveDeployments.clear();
    m_replicasManagedBy.clear();
    validate();
    endResetModel();
    Q_EMIT planChanged();
}

void RolloutPlanModel::setRevisions(const QList<AppRevision>& revisions)
{
    auto names = [](const QList<AppRevision>& list) {
        QStringList out;
        for (const AppRevision& r : list)
            out << r.name + QLatin1Char('/') + r.hash + QLatin1Char('/') + r.creationTimestamp;
        return out;
    };
    if (names(revisions) == names(m_revisions))
        return;
    m_revisions = revisions;
    changed();
}

void RolloutPlanModel::setLive(const VirtualServiceInfo* virtualService,
                               const QMap<QString, DeploymentInfo>& deployments,
                               const QMap<QString, QString>& replicasManagedBy)
{
    std::optional<VirtualServiceInfo> vs;
    if (virtualService)
        vs = *virtualService;
    if (vs == m_liveVirtualService && deployments == m_liveDeployments &&
        replicasManagedBy == m_replicasManagedBy)
        return;
    m_liveVirtualService = vs;
    m_liveDeployments = deployments;
    m_replicasManagedBy = replicasManagedBy;
    // live values are not part of the plan: no validation
    if (rowCount() > 0)
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

void RolloutPlanModel::setClusters(const QString& home, const QString& homeContext,
                                   const QMap<QString, ClusterLive>& others)
{
    if (home == m_home && homeContext == m_homeContext && others == m_clusterLive)
        return;
    m_home = home;
    m_homeContext = homeContext;
    m_clusterLive = others;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

void RolloutPlanModel::setExternalErrors(const QStringList& errors)
{
    if (errors == m_externalErrors)
        return;
    m_externalErrors = errors;
    changed();
}

QStringList RolloutPlanModel::addableRevisions() const
{
    QList<const AppRevision*> own;
    for (const AppRevision& r : m_revisions)
        if (r.appName == m_appName && !m_plan.revision(r.name))
            own << &r;
    std::stable_sort(own.begin(), own.end(), [](const AppRevision* a, const AppRevision* b) {
        return a->revision < b->revision;
    });
    QStringList out;
    for (const AppRevision* r : std::as_const(own))
        out << r->name;
    return out;
}

AppDeploymentPlan RolloutPlanModel::plan() const
{
    AppDeploymentPlan p = m_plan;
    if (p.traffic->hosts.isEmpty() && p.traffic->gateways.isEmpty())
        p.traffic.reset();
    return p;
}

QList<int> RolloutPlanModel::weights() const
{
    QList<int> out;
    for (const WeightedTarget& t : m_plan.traffic->http[0].weightedTargets)
        out << t.weight;
    return out;
}

QList<bool> RolloutPlanModel::locks() const
{
    QList<bool> out;
    for (const auto& rp : m_plan.appRevisions)
        out << m_locked.contains(rp.revisionName);
    return out;
}

void RolloutPlanModel::setWeights(const QList<int>& weights)
{
    for (qsizetype i = 0; i < weights.size(); ++i)
        target(int(i)).weight = weights[i];
}

void RolloutPlanModel::changed()
{
    validate();
    // validation may change any row's State column: repaint every row
    if (rowCount() > 0)
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

int RolloutPlanModel::setWeight(int row, int weight)
{
    if (row < 0 || row >= rowCount())
        return 0;
    QList<int> w = weights();
    const QList<int> before = w;
    const int given = veladesk::setWeight(w, locks(), row, weight);
    if (w != before) {
        setWeights(w);
        changed();
    }
    return given;
}

void RolloutPlanModel::setLocked(int row, bool locked)
{
    if (row < 0 || row >= rowCount())
        return;
    const QString name = m_plan.appRevisions[row].revisionName;
    if (m_locked.contains(name) == locked)
        return;
    if (locked)
        m_locked.insert(name);
    else
        m_locked.remove(name);
    // a lock is not part of the plan: no validation
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT planChanged();
}

void RolloutPlanModel::setReplicas(int row, int replicas)
{
    if (row < 0 || row >= rowCount() || replicas < 0 ||
        m_plan.appRevisions[row].replicas() == replicas)
        return;
    setHostReplicas(m_plan.appRevisions[row], replicas);
    changed();
}

void RolloutPlanModel::setPort(int row, int port)
{
    if (row < 0 || row >= rowCount() || target(row).port == port)
        return;
    target(row).port = port;
    changed();
}

void RolloutPlanModel::setComponent(int row, const QString& component)
{
    if (row < 0 || row >= rowCount() || target(row).componentName == component)
        return;
    target(row).componentName = component;
    prefill(target(row));
    changed();
}

void RolloutPlanModel::splitEvenly()
{
    m_locked.clear();
    setWeights(evenSplit(kTotalWeight, rowCount()));
    changed();
}

bool RolloutPlanModel::addRevision(const QString& revisionName)
{
    if (!addableRevisions().contains(revisionName))
        return false;
    kube::rollout::RevisionPlacement rp;
    rp.revisionName = revisionName;
    setHostReplicas(rp, 1);
    WeightedTarget t;
    t.revisionName = revisionName;
    t.port = 80;
    t.weight = rowCount() == 0 ? kTotalWeight : 0;
    prefill(t);
    const int at = rowCount();
    beginInsertRows({}, at, at);
    m_plan.appRevisions.append(rp);
    m_plan.traffic->http[0].weightedTargets.append(t);
    endInsertRows();
    changed();
    return true;
}

void RolloutPlanModel::removeRevision(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    const QList<int> rest = veladesk::removeRow(weights(), locks(), row);
    beginRemoveRows({}, row, row);
    m_locked.remove(m_plan.appRevisions[row].revisionName);
    m_plan.appRevisions.removeAt(row);
    m_plan.traffic->http[0].weightedTargets.removeAt(row);
    setWeights(rest);
    endRemoveRows();
    changed();
}

bool RolloutPlanModel::setAppDeploymentName(const QString& name)
{
    if (!isNewPlan())
        return false;
    if (name != m_plan.name) {
        m_plan.name = name;
        changed();
    }
    return true;
}

void RolloutPlanModel::setHosts(const QStringList& hosts)
{
    if (hosts == m_plan.traffic->hosts)
        return;
    m_plan.traffic->hosts = hosts;
    changed();
}

void RolloutPlanModel::setGateways(const QStringList& gateways)
{
    if (gateways == m_plan.traffic->gateways)
        return;
    m_plan.traffic->gateways = gateways;
    changed();
}

std::optional<kube::rollout::RoutingApi> RolloutPlanModel::routing() const
{
    const kube::Result<std::optional<kube::rollout::RoutingApi>> planned =
        kube::rollout::plannedRouting(m_plan);
    return planned ? planned.value : std::nullopt;
}

void RolloutPlanModel::setRouting(std::optional<kube::rollout::RoutingApi> api)
{
    const QJsonValue before =
        m_plan.annotations.value(QLatin1String(kube::rollout::routingAnnotation));
    if (api)
        kube::rollout::setPlannedRouting(m_plan, *api);
    else
        kube::rollout::clearPlannedRouting(m_plan);
    if (m_plan.annotations.value(QLatin1String(kube::rollout::routingAnnotation)) == before)
        return;
    changed();
}

int RolloutPlanModel::totalWeight() const
{
    int sum = 0;
    for (int w : weights())
        sum += w;
    return sum;
}

void RolloutPlanModel::validate()
{
    ++m_validations;
    m_issues.clear();
    if (m_appName.isEmpty()) {
        m_issues << Issue{Issue::Severity::Error, {}, tr("no application selected")};
    } else {
        if (m_plan.appRevisions.isEmpty())
            m_issues << Issue{Issue::Severity::Error, QStringLiteral("spec.appRevisions"),
                              tr("the plan names no revision")};
        m_issues += kube::rollout::validate(plan(), m_revisions);
    }
    for (const QString& e : std::as_const(m_externalErrors))
        m_issues << Issue{Issue::Severity::Error, {}, e};

    m_rowProblems = QList<QStringList>(rowCount());
    m_problems.clear();
    m_warnings.clear();
    static const QLatin1String revisionsPrefix("spec.appRevisions[");
    static const QLatin1String targetsPrefix("spec.traffic.http[0].weightedTargets[");
    for (const Issue& issue : std::as_const(m_issues)) {
        int row = indexUnder(issue.field, revisionsPrefix);
        if (row < 0)
            row = indexUnder(issue.field, targetsPrefix);
        QString text;
        if (row >= 0 && row < rowCount())
            // "<revision>: <message>", unless the message names the revision itself
            text =
                issue.message.contains(m_plan.appRevisions[row].revisionName)
                    ? issue.message
                    : m_plan.appRevisions[row].revisionName + QStringLiteral(": ") + issue.message;
        else if (issue.field.isEmpty())
            text = issue.message;
        else
            text = fieldLabel(issue.field) + QStringLiteral(": ") + issue.message;
        if (!issue.isError()) {
            m_warnings << text;
            continue;
        }
        if (row >= 0 && row < rowCount())
            m_rowProblems[row] << issue.message;
        m_problems << text;
    }
}

QString RolloutPlanModel::rowProblem(int row) const
{
    if (row < 0 || row >= m_rowProblems.size())
        return {};
    return m_rowProblems[row].join(QStringLiteral("; "));
}

QString RolloutPlanModel::rowDrift(int i) const
{
    if (i < 0 || i >= rowCount() || isNewPlan())
        return {};
    const PlanRow r = row(i);
    QStringList parts;
    if (r.specWeight) {
        if (!m_liveVirtualService)
            parts << tr("no live VirtualService");
        else if (r.liveWeight.value_or(0) != *r.specWeight)
            parts << tr("live weight %1% (spec %2%)")
                         .arg(r.liveWeight.value_or(0))
                         .arg(*r.specWeight);
    } else if (m_liveVirtualService && r.liveWeight.value_or(0) != 0) {
        parts << tr("live weight %1% (spec routes none)").arg(*r.liveWeight);
    }
    if (r.specReplicas && !r.placements.isEmpty()) {
        // every cluster the revision is placed in (an HPA's count in the home cluster is not
        // drift)
        for (const kube::rollout::PlacementState& p : r.placements) {
            if (!p.drifted() || (p.cluster == m_home && r.replicasManagedByHpa))
                continue;
            if (p.live < 0)
                parts << tr("no live Deployment in %1").arg(p.cluster);
            else
                parts << tr("live replicas %1 in %2 (spec %3)")
                             .arg(p.live)
                             .arg(p.cluster)
                             .arg(p.replicas);
        }
    } else if (r.specReplicas && !r.replicasManagedByHpa) { // an HPA's count is not drift
        if (!r.liveReplicas) {
            if (*r.specReplicas > 0)
                parts << tr("no live Deployment");
        } else if (*r.liveReplicas != *r.specReplicas) {
            parts << tr("live replicas %1 (spec %2)").arg(*r.liveReplicas).arg(*r.specReplicas);
        }
    }
    return parts.join(QStringLiteral("; "));
}

QString RolloutPlanModel::rowClusterReadiness(int i) const
{
    QStringList parts;
    for (const kube::rollout::PlacementState& p : row(i).placements)
        parts << (p.error.isEmpty()
                      ? tr("%1/%2 in %3").arg(p.ready).arg(p.replicas).arg(p.cluster)
                      : tr("?/%1 in %2 (not known: %3)").arg(p.replicas).arg(p.cluster, p.error));
    return parts.join(QStringLiteral(", "));
}

QString RolloutPlanModel::rowReplicasManagedBy(int i) const
{
    const PlanRow r = row(i);
    if (r.replicasManagedBy.isEmpty())
        return {};
    auto hpa = [](const QString& ref) {
        return QStringLiteral("HPA/") + ref.section(QLatin1Char('/'), 1); // as `veladesk status`
    };
    if (r.replicasManagedByHpa) {
        QStringList hpas;
        for (const QString& ref : r.replicasManagedBy)
            if (!hpas.contains(hpa(ref)))
                hpas << hpa(ref);
        return tr("replicas managed by %1").arg(hpas.join(QStringLiteral(", ")));
    }
    QStringList parts;
    for (auto it = r.replicasManagedBy.cbegin(); it != r.replicasManagedBy.cend(); ++it)
        parts << tr("replicas of %1 managed by %2").arg(it.key(), hpa(it.value()));
    return parts.join(QStringLiteral("; "));
}

bool RolloutPlanModel::hasDrift() const
{
    for (int i = 0; i < rowCount(); ++i)
        if (!rowDrift(i).isEmpty())
            return true;
    return false;
}

bool RolloutPlanModel::isModified() const
{
    const QLatin1String routing(kube::rollout::routingAnnotation);
    return m_plan.appRevisions != m_baseline.appRevisions || m_plan.traffic != m_baseline.traffic ||
           m_plan.annotations.value(routing) != m_baseline.annotations.value(routing);
}

void RolloutPlanModel::revert()
{
    beginResetModel();
    const QString name = m_plan.name;
    m_plan = m_baseline;
    if (m_isNew)
        m_plan.name = name; // the name typed for a new plan stays
    m_locked.clear();
    validate();
    endResetModel();
    Q_EMIT planChanged();
}

void RolloutPlanModel::loadEdits(const AppDeploymentPlan& plan)
{
    const AppDeploymentPlan baseline = m_baseline;
    const auto specWeight = m_specWeight;
    const auto specReplicas = m_specReplicas;
    const bool isNew = m_isNew;
    load(m_appName, m_plan.namespaceName, &plan, m_revisions); // normalises, validates
    m_baseline = baseline;
    m_specWeight = specWeight;
    m_specReplicas = specReplicas;
    m_isNew = isNew;
    validate();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

} // namespace veladesk
