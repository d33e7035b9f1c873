#include "models/podsmodel.h"

#include "kube/rollout/application.h"
#include "kube/watch.h"
#include "models/kubeobjects.h"
#include "models/plaintext.h"

#include <QColor>
#include <QJsonArray>
#include <algorithm>

namespace veladesk {

PodRow PodRow::fromJson(const QJsonObject& pod)
{
    PodRow r;
    r.uid = objectUid(pod);
    r.name = kubeName(pod);
    if (r.uid.isEmpty())
        r.uid = r.name;
    r.revision = labelValue(pod, kube::rollout::labels::appRevision);
    r.component = labelValue(pod, kube::rollout::labels::component);
    r.created = creationTime(pod);
    const QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    r.node = spec.value(QLatin1String("nodeName")).toString();
    r.containers = int(spec.value(QLatin1String("containers")).toArray().size());
    r.phase = status.value(QLatin1String("phase")).toString(QStringLiteral("Pending"));
    QString waitingReason;
    for (const QJsonValue& v : status.value(QLatin1String("containerStatuses")).toArray()) {
        const QJsonObject cs = v.toObject();
        if (cs.value(QLatin1String("ready")).toBool())
            ++r.readyContainers;
        r.restarts += cs.value(QLatin1String("restartCount")).toInt();
        const QString reason = cs.value(QLatin1String("state"))
                                   .toObject()
                                   .value(QLatin1String("waiting"))
                                   .toObject()
                                   .value(QLatin1String("reason"))
                                   .toString();
        if (waitingReason.isEmpty() && !reason.isEmpty())
            waitingReason = reason;
    }
    if (!waitingReason.isEmpty() && waitingReason != QLatin1String("ContainerCreating"))
        r.phase = waitingReason;
    if (meta.contains(QLatin1String("deletionTimestamp"))) {
        r.terminating = true;
        r.phase = QStringLiteral("Terminating");
    }
    return r;
}

PodsModel::PodsModel(QObject* parent)
    : QAbstractTableModel(parent), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(16);
    connect(&m_frame, &QTimer::timeout, this, [this] { applyPending(m_maxEventsPerFrame); });
}

int PodsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PodsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Pod");
    case Revision:
        return tr("Revision");
    case Phase:
        return tr("Phase");
    case Ready:
        return tr("Ready");
    case Restarts:
        return tr("Restarts");
    case Node:
        return tr("Node");
    case Age:
        return tr("Age");
    default:
        return {};
    }
}

PodsModel::State PodsModel::stateOf(const PodRow& pod)
{
    if (pod.terminating)
        return State::Terminating;
    if (pod.phase == QLatin1String("Running") && pod.containers > 0 &&
        pod.readyContainers == pod.containers)
        return State::Ready;
    if (pod.phase == QLatin1String("Succeeded"))
        return State::Ready;
    if (pod.phase == QLatin1String("Pending") || pod.phase == QLatin1String("Running"))
        return State::Progressing;
    return State::Failed; // Failed, Unknown, CrashLoopBackOff, ImagePullBackOff, ...
}

QVariant PodsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PodRow& p = m_rows[index.row()];
    switch (role) {
    case StateRole:
        return int(stateOf(p));
    case UidRole:
        return p.uid;
    case RevisionRole:
        return p.revision;
    case SortRole:
        switch (index.column()) {
        case Restarts:
            return p.restarts;
        case Age:
            return p.created;
        case Ready:
            return p.readyContainers;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return p.name;
        case Revision:
            return p.revision;
        case Phase:
            return p.phase;
        case Ready:
            return QStringLiteral("%1/%2").arg(p.readyContainers).arg(p.containers);
        case Restarts:
            return p.restarts;
        case Node:
            return p.node;
        case Age:
            return formatAge(p.created, m_now());
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() != Name)
            return {};
        switch (stateOf(p)) {
        case State::Ready:
            return QColor(0x2e, 0xa0, 0x43);
        case State::Progressing:
            return QColor(0xe0, 0xa0, 0x00);
        case State::Failed:
            return QColor(0xd0, 0x30, 0x30);
        case State::Terminating:
            return QColor(0x80, 0x80, 0x80);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() != Phase)
            return {};
        switch (stateOf(p)) {
        case State::Failed:
            return QColor(0xd0, 0x30, 0x30);
        case State::Progressing:
            return QColor(0xc0, 0x80, 0x00);
        case State::Terminating:
            return QColor(0x80, 0x80, 0x80);
        case State::Ready:
            return {};
        }
        return {};
    case Qt::ToolTipRole:
        return plainToolTip(tr("%1: %2, %3/%4 containers ready, %5 restarts")
                                .arg(p.name, p.phase)
                                .arg(p.readyContainers)
                                .arg(p.containers)
                                .arg(p.restarts));
    case Qt::TextAlignmentRole:
        if (index.column() == Restarts || index.column() == Ready)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

void PodsModel::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].uid, i);
}

void PodsModel::setPods(const QList<QJsonObject>& pods)
{
    m_pending.clear();
    m_frame.stop();
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(pods.size());
    QHash<QString, int> seen;
    for (const QJsonObject& o : pods) {
        PodRow row = PodRow::fromJson(o);
        if (auto it = seen.constFind(row.uid); it != seen.constEnd()) {
            m_rows[*it] = row;
            continue;
        }
        seen.insert(row.uid, int(m_rows.size()));
        m_rows.append(row);
    }
    rebuildIndex();
    endResetModel();
}

void PodsModel::enqueue(const QList<kube::WatchEvent>& events)
{
    m_pending.append(events);
    if (m_frame.interval() == 0)
        flush();
    else if (!m_frame.isActive())
        m_frame.start();
}

void PodsModel::setBatchInterval(int milliseconds)
{
    m_frame.setInterval(std::max(0, milliseconds));
}

void PodsModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void PodsModel::flush()
{
    applyPending(0);
}

void PodsModel::setMaxEventsPerFrame(int events)
{
    m_maxEventsPerFrame = std::max(0, events);
}

void PodsModel::applyPending(int maxEvents)
{
    m_frame.stop();
    if (m_pending.isEmpty())
        return;
    QList<kube::WatchEvent> events;
    if (maxEvents > 0 && m_pending.size() > maxEvents) {
        // bounded work per frame: the rest follows on the next frame
        events = m_pending.first(maxEvents);
        m_pending.remove(0, maxEvents);
        m_frame.start();
    } else {
        events = std::exchange(m_pending, {});
    }

    // Collapse the batch to the final state per uid, in order of first appearance.
    QList<QString> order;
    QHash<QString, std::optional<PodRow>> last;
    for (const kube::WatchEvent& e : events) {
        PodRow row = PodRow::fromJson(e.object);
        if (!last.contains(row.uid))
            order.append(row.uid);
        if (e.type == kube::WatchEvent::Type::Deleted)
            last[row.uid] = std::nullopt;
        else
            last[row.uid] = std::move(row);
    }

    // 1. removals, from the bottom up, contiguous runs at once
    QList<int> toRemove;
    for (const QString& uid : order)
        if (!last.value(uid) && m_index.contains(uid))
            toRemove.append(m_index.value(uid));
    std::sort(toRemove.begin(), toRemove.end(), std::greater<int>());
    for (int i = 0; i < toRemove.size();) {
        int last_ = toRemove[i];
        int first = last_;
        int j = i + 1;
        while (j < toRemove.size() && toRemove[j] == first - 1)
            first = toRemove[j++];
        beginRemoveRows({}, first, last_);
        m_rows.remove(first, last_ - first + 1);
        endRemoveRows();
        i = j;
    }
    if (!toRemove.isEmpty())
        rebuildIndex();

    // 2. updates in place, one dataChanged spanning the changed rows
    int updated = 0, top = -1, bottom = -1;
    QList<PodRow> inserts;
    for (const QString& uid : order) {
        const std::optional<PodRow>& row = last[uid];
        if (!row)
            continue;
        const int at = m_index.value(uid, -1);
        if (at < 0) {
            inserts.append(*row);
            continue;
        }
        if (m_rows[at] == *row)
            continue;
        m_rows[at] = *row;
        ++updated;
        top = top < 0 ? at : std::min(top, at);
        bottom = std::max(bottom, at);
    }
    if (updated > 0)
        Q_EMIT dataChanged(index(top, 0), index(bottom, ColumnCount - 1));

    // 3. insertions, appended in one go
    if (!inserts.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(inserts.size()) - 1);
        for (PodRow& r : inserts) {
            m_index.insert(r.uid, int(m_rows.size()));
            m_rows.append(std::move(r));
        }
        endInsertRows();
    }
    Q_EMIT batchApplied(int(inserts.size()), updated, int(toRemove.size()));
}

void PodsModel::refreshAges()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

} // namespace veladesk
