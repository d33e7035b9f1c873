#include "models/rolloutplanmodel.h"

#include "models/weights.h"

#include <QColor>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace veladesk {

namespace {
QString hostShortName(const QString& host)
{
    return host.section(QLatin1Char('.'), 0, 0);
}

QJsonArray toArray(const QStringList& list)
{
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}
} // namespace

RolloutPlanModel::RolloutPlanModel(QObject* parent) : QAbstractTableModel(parent) {}

int RolloutPlanModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

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
    const PlanRow& r = m_rows[index.row()];
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
                return problem;
        }
        if (col == Drift)
            return rowDrift(index.row());
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
        if (!m_rows[index.row()].locked)
            f |= Qt::ItemIsEditable;
        break;
    case Locked:
        f |= Qt::ItemIsUserCheckable;
        break;
    case Replicas:
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
        if (!ok || m_rows[row].locked)
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

const RevisionInfo* RolloutPlanModel::revision(const QString& name) const
{
    for (const RevisionInfo& r : m_revisions)
        if (r.name == name)
            return &r;
    return nullptr;
}

void RolloutPlanModel::load(const QString& appName, const QString& namespaceName,
                            const QJsonObject& appDeployment, const QList<RevisionInfo>& revisions)
{
    beginResetModel();
    m_appName = appName;
    m_namespace = namespaceName;
    m_revisions = revisions;
    std::sort(m_revisions.begin(), m_revisions.end(),
              [](const RevisionInfo& a, const RevisionInfo& b) { return a.number < b.number; });
    m_rows.clear();
    m_hosts.clear();
    m_gateways.clear();
    m_liveVirtualService = false;
    m_baselineObject = appDeployment;

    auto prefill = [this](PlanRow& row) {
        if (const RevisionInfo* info = revision(row.revisionName);
            info && !info->components.isEmpty()) {
            if (row.componentName.isEmpty())
                row.componentName = info->components.first().name;
            for (const ComponentInfo& c : info->components)
                if (c.name == row.componentName)
                    row.port = c.port;
        }
    };

    if (!appDeployment.isEmpty()) {
        const AppDeploymentInfo info = AppDeploymentInfo::fromJson(appDeployment);
        m_name = info.name;
        m_hosts = info.hosts;
        m_gateways = info.gateways;
        QStringList order;
        for (const auto& r : info.revisions)
            order << r.first;
        for (const auto& t : info.targets)
            if (!order.contains(t.revisionName))
                order << t.revisionName;
        for (const QString& name : order) {
            PlanRow row;
            row.revisionName = name;
            row.replicas = 0;
            for (const auto& r : info.revisions)
                if (r.first == name)
                    row.replicas = r.second;
            row.specReplicas = row.replicas;
            bool targeted = false;
            for (const auto& t : info.targets) {
                if (t.revisionName != name || targeted)
                    continue;
                targeted = true;
                row.componentName = t.componentName;
                row.port = t.port;
                row.weight = t.weight;
            }
            if (!targeted)
                prefill(row);
            if (info.hasTraffic)
                row.specWeight = row.weight;
            m_rows.append(row);
        }
        if (!info.hasTraffic) {
            const QList<int> even = evenSplit(kTotalWeight, int(m_rows.size()));
            for (qsizetype i = 0; i < m_rows.size(); ++i)
                m_rows[i].weight = even[i];
        }
    } else {
        m_name = appName + QStringLiteral("-deploy");
        if (!m_revisions.isEmpty()) {
            PlanRow row;
            row.revisionName = m_revisions.last().name;
            row.weight = kTotalWeight;
            row.replicas = 1;
            prefill(row);
            m_rows.append(row);
        }
    }
    m_baselineRows = m_rows;
    m_baselineHosts = m_hosts;
    m_baselineGateways = m_gateways;
    endResetModel();
    Q_EMIT planChanged();
}

void RolloutPlanModel::setAvailableRevisions(const QList<RevisionInfo>& revisions)
{
    QList<RevisionInfo> sorted = revisions;
    std::sort(sorted.begin(), sorted.end(),
              [](const RevisionInfo& a, const RevisionInfo& b) { return a.number < b.number; });
    if (sorted == m_revisions)
        return;
    m_revisions = sorted;
    Q_EMIT planChanged();
}

void RolloutPlanModel::clear()
{
    beginResetModel();
    m_appName.clear();
    m_name.clear();
    m_rows.clear();
    m_baselineRows.clear();
    m_hosts.clear();
    m_gateways.clear();
    m_baselineHosts.clear();
    m_baselineGateways.clear();
    m_baselineObject = {};
    m_revisions.clear();
    m_liveVirtualService = false;
    endResetModel();
    Q_EMIT planChanged();
}

void RolloutPlanModel::setLiveObjects(const QJsonObject& virtualService,
                                      const QList<QJsonObject>& deployments)
{
    m_liveVirtualService = !virtualService.isEmpty();
    const auto weights = virtualServiceWeights(virtualService);
    auto apply = [&](PlanRow& row) {
        row.liveWeight.reset();
        row.liveReplicas.reset();
        row.liveReadyReplicas.reset();
        if (m_liveVirtualService) {
            int sum = 0;
            for (const auto& w : weights)
                if (hostShortName(w.first).startsWith(row.revisionName + QLatin1Char('-')))
                    sum += w.second;
            row.liveWeight = sum;
        }
        const QString deployment = deploymentNameFor(row.revisionName, row.componentName);
        for (const QJsonObject& d : deployments) {
            if (kubeName(d) != deployment)
                continue;
            row.liveReplicas =
                d.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(1);
            row.liveReadyReplicas = d.value(QLatin1String("status"))
                                        .toObject()
                                        .value(QLatin1String("readyReplicas"))
                                        .toInt(0);
        }
    };
    for (PlanRow& row : m_rows)
        apply(row);
    for (PlanRow& row : m_baselineRows)
        apply(row);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

QStringList RolloutPlanModel::addableRevisions() const
{
    QStringList out;
    for (const RevisionInfo& r : m_revisions) {
        const bool present = std::any_of(m_rows.begin(), m_rows.end(), [&](const PlanRow& row) {
            return row.revisionName == r.name;
        });
        if (!present)
            out << r.name;
    }
    return out;
}

void RolloutPlanModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT planChanged();
}

void RolloutPlanModel::emitWeightsChanged()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT planChanged();
}

int RolloutPlanModel::setWeight(int row, int weight)
{
    if (row < 0 || row >= m_rows.size())
        return 0;
    QList<int> weights;
    QList<bool> locked;
    for (const PlanRow& r : m_rows) {
        weights << r.weight;
        locked << r.locked;
    }
    const QList<int> before = weights;
    const int given = veladesk::setWeight(weights, locked, row, weight);
    if (weights != before) {
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_rows[i].weight = weights[i];
        emitWeightsChanged();
    }
    return given;
}

void RolloutPlanModel::setLocked(int row, bool locked)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].locked == locked)
        return;
    m_rows[row].locked = locked;
    emitRowChanged(row);
}

void RolloutPlanModel::setReplicas(int row, int replicas)
{
    if (row < 0 || row >= m_rows.size() || replicas < 0 || m_rows[row].replicas == replicas)
        return;
    m_rows[row].replicas = replicas;
    emitRowChanged(row);
}

void RolloutPlanModel::setPort(int row, int port)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].port == port)
        return;
    m_rows[row].port = port;
    emitRowChanged(row);
}

void RolloutPlanModel::setComponent(int row, const QString& component)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].componentName == component)
        return;
    m_rows[row].componentName = component;
    if (const RevisionInfo* info = revision(m_rows[row].revisionName))
        for (const ComponentInfo& c : info->components)
            if (c.name == component)
                m_rows[row].port = c.port;
    emitRowChanged(row);
}

void RolloutPlanModel::splitEvenly()
{
    const QList<int> even = evenSplit(kTotalWeight, int(m_rows.size()));
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        m_rows[i].weight = even[i];
        m_rows[i].locked = false;
    }
    emitWeightsChanged();
}

bool RolloutPlanModel::addRevision(const QString& revisionName)
{
    if (!addableRevisions().contains(revisionName))
        return false;
    PlanRow row;
    row.revisionName = revisionName;
    row.weight = m_rows.isEmpty() ? kTotalWeight : 0;
    row.replicas = 1;
    if (const RevisionInfo* info = revision(revisionName); info && !info->components.isEmpty()) {
        row.componentName = info->components.first().name;
        row.port = info->components.first().port;
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
    Q_EMIT planChanged();
    return true;
}

void RolloutPlanModel::removeRevision(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    QList<int> weights;
    QList<bool> locked;
    for (const PlanRow& r : m_rows) {
        weights << r.weight;
        locked << r.locked;
    }
    const QList<int> rest = veladesk::removeRow(weights, locked, row);
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rows[i].weight = rest[i];
    emitWeightsChanged();
}

bool RolloutPlanModel::setAppDeploymentName(const QString& name)
{
    if (!isNewPlan())
        return false;
    if (name != m_name) {
        m_name = name;
        Q_EMIT planChanged();
    }
    return true;
}

void RolloutPlanModel::setHosts(const QStringList& hosts)
{
    if (hosts == m_hosts)
        return;
    m_hosts = hosts;
    emitWeightsChanged();
}

void RolloutPlanModel::setGateways(const QStringList& gateways)
{
    if (gateways == m_gateways)
        return;
    m_gateways = gateways;
    Q_EMIT planChanged();
}

int RolloutPlanModel::totalWeight() const
{
    int sum = 0;
    for (const PlanRow& r : m_rows)
        sum += r.weight;
    return sum;
}

QString RolloutPlanModel::rowProblem(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const PlanRow& r = m_rows[row];
    if (r.componentName.isEmpty())
        return tr("no component to deploy");
    if (trafficEnabled() && r.weight > 0 && r.replicas == 0)
        return tr("gets %1% of the traffic but has 0 replicas").arg(r.weight);
    if (trafficEnabled() && (r.port < 1 || r.port > 65535))
        return tr("port %1 is not a valid port").arg(r.port);
    return {};
}

QStringList RolloutPlanModel::problems() const
{
    QStringList out;
    static const QRegularExpression dns1123(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    if (m_appName.isEmpty())
        out << tr("no application selected");
    else if (m_name.isEmpty())
        out << tr("the AppDeployment needs a name");
    else if (m_name.size() > 253 || !dns1123.match(m_name).hasMatch())
        out << tr("\"%1\" is not a valid AppDeployment name (lower case letters, digits, '-' and "
                  "'.')")
                   .arg(m_name);
    if (!m_appName.isEmpty() && m_rows.isEmpty())
        out << tr("the plan names no revision");
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (const QString p = rowProblem(int(i)); !p.isEmpty())
            out << m_rows[i].revisionName + QStringLiteral(": ") + p;
    if (trafficEnabled() && !m_rows.isEmpty() && totalWeight() != kTotalWeight)
        out << tr("weights add up to %1%, not 100%").arg(totalWeight());
    if (!trafficEnabled() && !m_gateways.isEmpty())
        out << tr("gateways are set but no host: traffic needs at least one host");
    return out;
}

QString RolloutPlanModel::rowDrift(int row) const
{
    if (row < 0 || row >= m_rows.size() || isNewPlan())
        return {};
    const PlanRow& r = m_rows[row];
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
    if (r.specReplicas) {
        if (!r.liveReplicas) {
            if (*r.specReplicas > 0)
                parts << tr("no live Deployment");
        } else if (*r.liveReplicas != *r.specReplicas) {
            parts << tr("live replicas %1 (spec %2)").arg(*r.liveReplicas).arg(*r.specReplicas);
        }
    }
    return parts.join(QStringLiteral("; "));
}

bool RolloutPlanModel::hasDrift() const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (!rowDrift(i).isEmpty())
            return true;
    return false;
}

bool RolloutPlanModel::isModified() const
{
    if (m_hosts != m_baselineHosts || m_gateways != m_baselineGateways ||
        m_rows.size() != m_baselineRows.size())
        return true;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const PlanRow& a = m_rows[i];
        const PlanRow& b = m_baselineRows[i];
        if (a.revisionName != b.revisionName || a.componentName != b.componentName ||
            a.port != b.port || a.weight != b.weight || a.replicas != b.replicas)
            return true;
    }
    return false;
}

void RolloutPlanModel::revert()
{
    beginResetModel();
    // keep the live values just received
    QList<PlanRow> rows = m_baselineRows;
    m_rows = rows;
    m_hosts = m_baselineHosts;
    m_gateways = m_baselineGateways;
    endResetModel();
    Q_EMIT planChanged();
}

QJsonObject RolloutPlanModel::toAppDeployment() const
{
    QJsonObject out;
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("core.oam.dev/v1beta1"));
    out.insert(QStringLiteral("kind"), QStringLiteral("AppDeployment"));
    QJsonObject meta;
    const QJsonObject oldMeta = m_baselineObject.value(QLatin1String("metadata")).toObject();
    meta.insert(QStringLiteral("name"), m_name);
    const QString ns = oldMeta.value(QLatin1String("namespace")).toString(m_namespace);
    if (!ns.isEmpty())
        meta.insert(QStringLiteral("namespace"), ns);
    for (const char* key : {"labels", "annotations"})
        if (oldMeta.contains(QLatin1String(key)))
            meta.insert(QLatin1String(key), oldMeta.value(QLatin1String(key)));
    out.insert(QStringLiteral("metadata"), meta);

    QJsonObject spec = m_baselineObject.value(QLatin1String("spec")).toObject();
    QJsonArray revisions;
    for (const PlanRow& r : m_rows) {
        QJsonObject distribution{{QStringLiteral("replicas"), r.replicas}};
        QJsonObject placement{{QStringLiteral("distribution"), distribution}};
        revisions.append(QJsonObject{{QStringLiteral("revisionName"), r.revisionName},
                                     {QStringLiteral("placement"), QJsonArray{placement}}});
    }
    spec.insert(QStringLiteral("appRevisions"), revisions);
    if (trafficEnabled()) {
        QJsonObject traffic = spec.value(QLatin1String("traffic")).toObject();
        traffic.insert(QStringLiteral("hosts"), toArray(m_hosts));
        if (m_gateways.isEmpty())
            traffic.remove(QStringLiteral("gateways"));
        else
            traffic.insert(QStringLiteral("gateways"), toArray(m_gateways));
        QJsonArray http = traffic.value(QLatin1String("http")).toArray();
        QJsonObject route = http.isEmpty() ? QJsonObject() : http.first().toObject();
        QJsonArray targets;
        for (const PlanRow& r : m_rows)
            targets.append(QJsonObject{{QStringLiteral("revisionName"), r.revisionName},
                                       {QStringLiteral("componentName"), r.componentName},
                                       {QStringLiteral("port"), r.port},
                                       {QStringLiteral("weight"), r.weight}});
        route.insert(QStringLiteral("weightedTargets"), targets);
        if (http.isEmpty())
            http.append(route);
        else
            http.replace(0, route);
        traffic.insert(QStringLiteral("http"), http);
        spec.insert(QStringLiteral("traffic"), traffic);
    } else {
        spec.remove(QStringLiteral("traffic"));
    }
    out.insert(QStringLiteral("spec"), spec);
    return out;
}

} // namespace veladesk
