#include "models/revisionsmodel.h"

#include "models/namespacestore.h"
#include "models/plaintext.h"

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
        return r.name;
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return r.number;
        case Age:
            return r.created;
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
            return r.name;
        case Age:
            return formatAge(r.created, m_now());
        case Images:
            for (const RevisionComponent& c : r.components)
                parts << c.image;
            return parts.join(QStringLiteral(", "));
        case Ports:
            for (const RevisionComponent& c : r.components)
                parts << c.port;
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
        for (const RevisionComponent& c : r.components)
            parts << QStringLiteral("%1 (%2): %3, port %4").arg(c.name, c.type, c.image, c.port);
        return plainToolTip(parts.join(QLatin1Char('\n')));
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

void RevisionsModel::setStore(const NamespaceStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store)
        store->follow(this,
                      {NamespaceStore::Kind::ApplicationRevisions,
                       NamespaceStore::Kind::AppDeployments, NamespaceStore::Kind::Deployments,
                       NamespaceStore::Kind::VirtualServices},
                      [this] { refresh(); });
    refresh();
}

void RevisionsModel::setApplication(const QString& appName)
{
    if (appName != m_app) {
        // another application: different rows altogether
        beginResetModel();
        m_rows.clear();
        m_app = appName;
        endResetModel();
    }
    refresh();
}

void RevisionsModel::refresh()
{
    if (!m_store || m_app.isEmpty()) {
        replaceRows(m_rows, {}, [](const RevisionRow& r) { return r.name; });
        return;
    }
    const kube::rollout::AppDeploymentPlan* plan = m_store->appDeploymentFor(m_app);
    const VirtualServiceInfo* vs = plan ? m_store->virtualService(plan->name) : nullptr;
    const QMap<QString, int> planned = plan ? plan->weightsByRevision() : QMap<QString, int>();
    QList<RevisionRow> next;
    for (const kube::rollout::AppRevision& rev : m_store->revisionsOf(m_app)) {
        RevisionRow row;
        row.name = rev.name;
        row.number = rev.revision;
        row.created = QDateTime::fromString(rev.creationTimestamp, Qt::ISODate);
        for (const kube::rollout::Component& c : rev.application.components) {
            const QJsonValue port = c.properties.value(QLatin1String("port"));
            row.components << RevisionComponent{
                c.name, c.type, c.properties.value(QLatin1String("image")).toString(),
                port.isUndefined() || port.isNull() ? QStringLiteral("80")
                                                    : port.toVariant().toString()};
        }
        for (const DeploymentInfo& d : m_store->deploymentsOf(rev)) {
            row.deployed = true;
            row.desiredReplicas += d.replicas;
            row.readyReplicas += d.readyReplicas;
        }
        if (vs)
            row.weight = vs->weightOf(rev.name);
        row.inPlan = plan && (plan->revision(rev.name) || planned.contains(rev.name));
        next.append(row);
    }
    std::sort(next.begin(), next.end(), [](const RevisionRow& a, const RevisionRow& b) {
        return a.number != b.number ? a.number < b.number : a.name < b.name;
    });
    replaceRows(m_rows, next, [](const RevisionRow& r) { return r.name; });
}

void RevisionsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_app.clear();
    endResetModel();
}

} // namespace veladesk
