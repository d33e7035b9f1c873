#include "models/applicationsmodel.h"

#include "models/kubeobjects.h"

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

void ApplicationsModel::setObjects(const QList<QJsonObject>& applications,
                                   const QList<QJsonObject>& revisions,
                                   const QList<QJsonObject>& appDeployments)
{
    QMap<QString, ApplicationRow> byName; // sorted by name
    QMap<QString, int> latestNumber;
    for (const QJsonObject& app : applications) {
        ApplicationRow row;
        row.name = kubeName(app);
        row.latestRevision = app.value(QLatin1String("status"))
                                 .toObject()
                                 .value(QLatin1String("latestRevision"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        byName.insert(row.name, row);
    }
    QMap<QString, QString> appOfRevision;
    QMap<QString, QString> latestName;
    for (const QJsonObject& rev : revisions) {
        const RevisionInfo info = RevisionInfo::fromJson(rev);
        if (info.appName.isEmpty())
            continue;
        ApplicationRow& row = byName[info.appName];
        row.name = info.appName;
        ++row.revisions;
        appOfRevision.insert(info.name, info.appName);
        if (info.number > latestNumber.value(info.appName, -1)) {
            latestNumber.insert(info.appName, info.number);
            latestName.insert(info.appName, info.name);
        }
    }
    // status.latestRevision may lag behind the recorded revisions: the highest number wins
    for (auto it = latestName.cbegin(); it != latestName.cend(); ++it)
        byName[it.key()].latestRevision = it.value();
    for (const QJsonObject& ad : appDeployments) {
        const AppDeploymentInfo info = AppDeploymentInfo::fromJson(ad);
        QString app;
        for (const auto& r : info.revisions)
            if (appOfRevision.contains(r.first))
                app = appOfRevision.value(r.first);
        for (const auto& t : info.targets)
            if (app.isEmpty() && appOfRevision.contains(t.revisionName))
                app = appOfRevision.value(t.revisionName);
        if (app.isEmpty() || !byName.contains(app) || !byName[app].appDeployment.isEmpty())
            continue;
        byName[app].appDeployment = info.name;
        byName[app].phase = info.phase;
        byName[app].problem = info.conditionMessage;
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
