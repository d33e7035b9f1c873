#include "models/applicationsmodel.h"

#include "models/namespacestore.h"
#include "models/plaintext.h"

#include <QColor>
#include <QMap>

namespace veladesk {

using kube::rollout::ApplyActivity;

namespace {
QColor activityColor(ApplyActivity a)
{
    return a == ApplyActivity::InProgress ? QColor(0x3b, 0x82, 0xc4) : QColor(0xd0, 0x60, 0x00);
}
} // namespace

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
    if (role == ActivityRole)
        return int(r.activity);
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
            if (!r.activityText.isEmpty())
                return r.activityText;
            return r.phase.isEmpty() && !r.appDeployment.isEmpty() ? tr("(no status)") : r.phase;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Phase)
        return plainToolTip(r.activityDetail.isEmpty() ? r.problem : r.activityDetail);
    if ((role == Qt::ForegroundRole && index.column() == Phase) ||
        (role == Qt::DecorationRole && index.column() == Name))
        if (r.activity != ApplyActivity::Idle)
            return activityColor(r.activity);
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
                       NamespaceStore::Kind::AppDeployments, NamespaceStore::Kind::ApplyLeases},
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
        const ApplyActivityInfo a = m_store->applyActivityOf(*ad);
        it->activity = a.activity;
        if (a.activity == ApplyActivity::InProgress) {
            // three lines: the Phase column stays narrow enough for the pane
            it->activityText =
                tr("apply in progress by\n%1\nsince %2").arg(a.holderShort(), a.sinceText());
            it->activityDetail =
                tr("Apply in progress by %1 since %2 (Lease %3, renewed %4, expires %5 unless "
                   "renewed). Apply is disabled for %6 until it ends.")
                    .arg(a.lease->holder, a.lease->acquireTime.toUTC().toString(Qt::ISODate),
                         a.lease->name, a.lease->renewTime.toUTC().toString(Qt::ISODate),
                         a.lease->expiresAt().toUTC().toString(Qt::ISODate), ad->name);
        } else if (a.activity == ApplyActivity::Interrupted) {
            it->activityText = tr("%1 (interrupted)").arg(ad->status.phase);
            it->activityDetail =
                tr("An apply set phase %1 and stopped half way (%2). Open the application to "
                   "re-apply its plan or revert to the last completed one.")
                    .arg(ad->status.phase,
                         a.lease && a.lease->held()
                             ? tr("the Lease of %1 expired at %2")
                                   .arg(a.lease->holder,
                                        a.lease->expiresAt().toUTC().toString(Qt::ISODate))
                             : tr("no apply holds its Lease"));
            if (!it->problem.isEmpty())
                it->activityDetail += QLatin1Char('\n') + it->problem;
        }
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
