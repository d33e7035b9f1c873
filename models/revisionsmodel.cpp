#include "models/revisionsmodel.h"

#include <QFont>
#include <QHash>
#include <algorithm>

namespace veladesk {

RevisionsModel::RevisionsModel(QObject* parent)
    : KeyedTableModel(parent), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

void RevisionsModel::refreshAges()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

int RevisionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Revision");
    case Age:
        return tr("Age");
    case Images:
        return tr("Image");
    case Ports:
        return tr("Port");
    case Replicas:
        return tr("Ready");
    case Weight:
        return tr("Weight");
    default:
        return {};
    }
}

QVariant RevisionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RevisionRow& r = m_rows[index.row()];
    if (role == NameRole)
        return r.info.name;
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return r.info.number;
        case Age:
            return r.info.created;
        case Replicas:
            return r.readyReplicas;
        case Weight:
            return r.weight.value_or(-1);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole) {
        QStringList parts;
        switch (index.column()) {
        case Name:
            return r.info.name;
        case Age:
            return formatAge(r.info.created, m_now());
        case Images:
            for (const ComponentInfo& c : r.info.components)
                parts << c.image;
            return parts.join(QStringLiteral(", "));
        case Ports:
            for (const ComponentInfo& c : r.info.components)
                parts << QString::number(c.port);
            return parts.join(QStringLiteral(", "));
        case Replicas:
            return r.deployed ? QStringLiteral("%1/%2").arg(r.readyReplicas).arg(r.desiredReplicas)
                              : QStringLiteral("-");
        case Weight:
            return r.weight ? QString::number(*r.weight) + QLatin1Char('%') : QStringLiteral("-");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Images) {
        QStringList parts;
        for (const ComponentInfo& c : r.info.components)
            parts
                << QStringLiteral("%1 (%2): %3, port %4").arg(c.name, c.type, c.image).arg(c.port);
        return parts.join(QLatin1Char('\n'));
    }
    if (role == Qt::FontRole && index.column() == Name && r.inPlan) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && index.column() == Replicas)
        return tr("ready / desired replicas over the revision's Deployments");
    if (role == Qt::TextAlignmentRole && (index.column() == Replicas || index.column() == Weight))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void RevisionsModel::setObjects(const QString& appName, const QList<QJsonObject>& revisions,
                                const QList<QJsonObject>& deployments,
                                const QJsonObject& virtualService, const QJsonObject& appDeployment)
{
    if (appName != m_app) {
        // another application: different rows altogether
        beginResetModel();
        m_rows.clear();
        m_app = appName;
        endResetModel();
    }
    const AppDeploymentInfo plan = AppDeploymentInfo::fromJson(appDeployment);
    const auto weights = virtualServiceWeights(virtualService);
    // Index the namespace's Deployments once: a namespace may hold thousands of them.
    QHash<QString, QList<const QJsonObject*>> byRevision;
    QHash<QString, const QJsonObject*> unlabelledByName;
    for (const QJsonObject& d : deployments) {
        const QString label = labelValue(d, labels::appRevision);
        if (label.isEmpty())
            unlabelledByName.insert(kubeName(d), &d);
        else
            byRevision[label] << &d;
    }
    QList<RevisionRow> next;
    for (const QJsonObject& o : revisions) {
        RevisionRow row;
        row.info = RevisionInfo::fromJson(o);
        if (row.info.appName != appName)
            continue;
        // by label (one lookup), else by the <component>-<vN> name of each component
        QList<const QJsonObject*> mine = byRevision.value(row.info.name);
        for (const ComponentInfo& c : row.info.components)
            if (const QJsonObject* d =
                    unlabelledByName.value(deploymentNameFor(row.info.name, c.name)))
                mine << d;
        for (const QJsonObject* d : std::as_const(mine)) {
            row.deployed = true;
            const QJsonObject spec = d->value(QLatin1String("spec")).toObject();
            const QJsonObject status = d->value(QLatin1String("status")).toObject();
            row.desiredReplicas += spec.value(QLatin1String("replicas")).toInt(1);
            row.readyReplicas += status.value(QLatin1String("readyReplicas")).toInt(0);
        }
        if (!virtualService.isEmpty()) {
            int sum = 0;
            for (const auto& w : weights)
                if (w.first.section(QLatin1Char('.'), 0, 0)
                        .startsWith(row.info.name + QLatin1Char('-')))
                    sum += w.second;
            row.weight = sum;
        }
        row.inPlan = !appDeployment.isEmpty() && plan.namesRevision(row.info.name);
        next.append(row);
    }
    std::sort(next.begin(), next.end(), [](const RevisionRow& a, const RevisionRow& b) {
        return a.info.number != b.info.number ? a.info.number < b.info.number
                                              : a.info.name < b.info.name;
    });
    replaceRows(m_rows, next, [](const RevisionRow& r) { return r.info.name; });
}

void RevisionsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_app.clear();
    endResetModel();
}

QList<RevisionInfo> RevisionsModel::revisionInfos() const
{
    QList<RevisionInfo> out;
    for (const RevisionRow& r : m_rows)
        out << r.info;
    return out;
}

} // namespace veladesk
