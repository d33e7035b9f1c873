#include "models/applicationsmodel.h"

#include "models/namespacestore.h"

#include <QColor>
#include <QMap>

namespace veladesk {

ApplicationsModel::ApplicationsModel(QObject* parent) : KeyedTableModel(parent) {}

int ApplicationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApplicationsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Application");
    case Revisions:
        return tr("Revs");
    case Latest:
        return tr("Latest");
    case AppDeployment:
        return tr("AppDeployment");
    case Phase:
        return tr("Phase");
    default:
        return {};
    }
}

QVariant ApplicationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApplicationRow& r = m_rows[index.row()];
    if (role == NameRole)
        return r.name;
    if (role == AppDeploymentRole)
        return r.appDeployment;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return r.name;
        case Revisions:
            return r.revisions;
        case Latest:
            return r.latestRevision;
        case AppDeployment:
            return r.appDeployment.isEmpty() ? tr("none") : r.appDeployment;
        case Phase:
            return r.phase.isEmpty() && !r.appDeployment.isEmpty() ? tr("(no status)") : r.phase;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Phase && !r.problem.isEmpty())
        return r.problem;
    if (role == Qt::ForegroundRole && index.column() == Phase) {
        if (r.phase == QLatin1String("Failed"))
            return QColor(0xd0, 0x30, 0x30);
        if (r.phase == QLatin1String("Rolling"))
            return QColor(0xe0, 0xa0, 0x00);
    }
    if (role == Qt::DecorationRole && index.column() == Name) {
        if (r.phase == QLatin1String("Failed"))
            return QColor(0xd0, 0x30, 0x30);
        if (r.phase == QLatin1String("Rolling"))
            return QColor(0xe0, 0xa0, 0x00);
        if (r.phase == QLatin1String("Completed"))
            return QColor(0x2e, 0xa0, 0x43);
        return QColor(0x90, 0x90, 0x90);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Revisions)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void ApplicationsModel::setStore(const NamespaceStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store)
        store->follow(this,
                      {NamespaceStore::Kind::Applications,
                       NamespaceStore::Kind::ApplicationRevisions,
                       NamespaceStore::Kind::AppDeployments},
                      [this] { refresh(); });
    refresh();
}

void ApplicationsModel::refresh()
{
    if (!m_store) {
        clear();
        return;
    }
    QMap<QString, ApplicationRow> byName; // sorted by name
    for (const ApplicationInfo& app : m_store->applications()) {
        ApplicationRow& row = byName[app.name];
        row.name = app.name;
        row.latestRevision = app.latestRevision;
    }
    QMap<QString, int> latestNumber;
    for (const kube::rollout::AppRevision& rev : m_store->revisions()) {
        if (rev.appName.isEmpty())
            continue;
        ApplicationRow& row = byName[rev.appName];
        row.name = rev.appName;
        ++row.revisions;
        // status.latestRevision may lag behind the recorded revisions: the highest number wins
        if (rev.revision > latestNumber.value(rev.appName, -1)) {
            latestNumber.insert(rev.appName, rev.revision);
            row.latestRevision = rev.name;
        }
    }
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        const kube::rollout::AppDeploymentPlan* ad = m_store->appDeploymentFor(it.key());
        if (!ad)
            continue;
        it->appDeployment = ad->name;
        it->phase = ad->status.phase;
        for (const kube::rollout::Condition& c : ad->status.conditions)
            if (c.status != QLatin1String("True") && it->problem.isEmpty())
                it->problem = c.message;
    }
    replaceRows(m_rows, byName.values(), [](const ApplicationRow& r) { return r.name; });
}

void ApplicationsModel::clear()
{
    replaceRows(m_rows, {}, [](const ApplicationRow& r) { return r.name; });
}

int ApplicationsModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].name == name)
            return i;
    return -1;
}

} // namespace veladesk
