#include "models/podsmodel.h"

#include "kube/podstate.h"
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
    if (kube::beingDeleted(pod)) {
        r.terminating = true;
        r.phase = QStringLiteral("Terminating");
    }
    return r;
}

QJsonObject PodRow::slim(const QJsonObject& pod)
{
    // Two readers of the pods watch: this model (PodRow::fromJson) and the object tree
    // (kube::rollout::PodState::fromJson: owners, every label for Service selectors, restart
    // policy, conditions, each container's image, state and last state). Kept: what either
    // reads. Dropped: what weighs most and neither shows (managedFields, annotations, the
    // containers' env, command, probes, resources, volume mounts; volumes, tolerations, ...).
    auto copy = [](const QJsonObject& from, QJsonObject& to,
                   std::initializer_list<QLatin1String> keys) {
        for (const QLatin1String& k : keys)
            if (auto it = from.constFind(k); it != from.constEnd())
                to.insert(k, *it);
    };
    auto containersOf = [&](const QJsonObject& spec, QLatin1String key, QJsonObject& to) {
        if (!spec.contains(key))
            return;
        QJsonArray out;
        for (const QJsonValue& c : spec.value(key).toArray()) {
            QJsonObject kept;
            copy(c.toObject(), kept, {QLatin1String("name"), QLatin1String("image")});
            out.append(kept);
        }
        to.insert(key, out);
    };
    QJsonObject out;
    copy(pod, out, {QLatin1String("apiVersion"), QLatin1String("kind")});
    const QJsonObject meta = pod.value(QLatin1String("metadata")).toObject();
    QJsonObject m;
    copy(meta, m,
         {QLatin1String("name"), QLatin1String("namespace"), QLatin1String("uid"),
          QLatin1String("resourceVersion"), QLatin1String("creationTimestamp"),
          QLatin1String("deletionTimestamp"), QLatin1String("labels"),
          QLatin1String("ownerReferences")});
    out.insert(QLatin1String("metadata"), m);
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    QJsonObject sp;
    copy(spec, sp, {QLatin1String("nodeName"), QLatin1String("restartPolicy")});
    containersOf(spec, QLatin1String("initContainers"), sp);
    containersOf(spec, QLatin1String("containers"), sp);
    out.insert(QLatin1String("spec"), sp);
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    QJsonObject st;
    copy(status, st,
         {QLatin1String("phase"), QLatin1String("reason"), QLatin1String("message"),
          QLatin1String("podIP"), QLatin1String("conditions"),
          QLatin1String("initContainerStatuses"), QLatin1String("containerStatuses")});
    out.insert(QLatin1String("status"), st);
    return out;
}

PodsModel::PodsModel(QObject* parent)
    : QAbstractTableModel(parent), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_frame.setSingleShot(true);
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
    case Cluster:
        return tr("Cluster");
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
    case ClusterRole:
        return m_cluster;
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
        case Cluster:
            return m_cluster;
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

void PodsModel::setPods(const QList<QJsonObject>& pods)
{
    m_pending.clear();
    m_frame.stop();
    m_snapshot = pods;
    m_snapshotAt = 0;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_rows.reserve(pods.size());
    m_index.reserve(pods.size());
    loadSnapshot(kSnapshotChunkMs, true);
    endResetModel();
    if (pendingRows() > 0)
        m_frame.start(0); // the rest in chunks, on the next turns of the event loop
}

bool PodsModel::loadSnapshot(int budgetMs, bool inReset)
{
    QElapsedTimer t;
    t.start();
    QList<PodRow> chunk;
    QHash<QString, qsizetype> inChunk;
    while (m_snapshotAt < m_snapshot.size()) {
        if (budgetMs >= 0 && (chunk.size() >= kSnapshotChunkMaxRows ||
                              (chunk.size() >= kSnapshotChunkMinRows && t.elapsed() >= budgetMs)))
            break;
        PodRow row = PodRow::fromJson(m_snapshot.at(m_snapshotAt++));
        if (const int at = m_index.value(row.uid, -1); at >= 0) { // a uid listed twice
            if (m_rows[at] != row) {
                m_rows[at] = std::move(row);
                if (!inReset)
                    Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
            }
            continue;
        }
        if (auto it = inChunk.constFind(row.uid); it != inChunk.constEnd()) {
            chunk[*it] = std::move(row);
            continue;
        }
        inChunk.insert(row.uid, chunk.size());
        chunk.append(std::move(row));
    }
    if (!chunk.isEmpty()) {
        const int first = int(m_rows.size());
        if (!inReset)
            beginInsertRows({}, first, first + int(chunk.size()) - 1);
        for (PodRow& r : chunk) {
            m_index.insert(r.uid, int(m_rows.size()));
            m_rows.append(std::move(r));
        }
        if (!inReset)
            endInsertRows();
    }
    if (m_snapshotAt < m_snapshot.size())
        return false;
    m_snapshot = {};
    m_snapshotAt = 0;
    return true;
}

void PodsModel::enqueue(const QList<kube::WatchEvent>& events)
{
    m_pending.append(events);
    if (pendingRows() > 0) {
        // still loading the first list: the events follow it
    } else if (m_frameMs == 0) {
        flush();
    } else if (!m_frame.isActive()) {
        // Leading edge: after a quiet frame the batch is applied on the next turn of the event
        // loop (what arrives in this turn joins it); within a frame of the last application it
        // waits for the frame's end. A lone change is on screen without waiting a frame.
        const qint64 since = m_lastApply.isValid() ? m_lastApply.elapsed() : m_frameMs;
        m_frame.start(int(std::max<qint64>(0, m_frameMs - since)));
    }
}

void PodsModel::setBatchInterval(int milliseconds)
{
    m_frameMs = std::max(0, milliseconds);
}

void PodsModel::setClusterName(const QString& name)
{
    if (name == m_cluster)
        return;
    m_cluster = name;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Cluster), index(rowCount() - 1, Cluster));
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
    // The first list's rows before any event (they are older); flush() loads them all.
    if (pendingRows() > 0) {
        const bool done = loadSnapshot(maxEvents == 0 ? -1 : kSnapshotChunkMs, false);
        if (!done || (maxEvents != 0 && !m_pending.isEmpty())) {
            m_frame.start(done ? m_frameMs : 0);
            return;
        }
    }
    if (m_pending.isEmpty())
        return;
    QElapsedTimer work;
    work.start();
    // Bounded by time as well as by count: the cost of an event varies by two orders of
    // magnitude (a row removed from a sorted 10,000-row view costs the proxy far more than an
    // update in place), so the count follows what the last frames cost.
    if (maxEvents > 0)
        maxEvents = std::min(maxEvents, m_affordableEvents);
    QList<kube::WatchEvent> events;
    if (maxEvents > 0 && m_pending.size() > maxEvents) {
        // bounded work per frame: the rest follows on the next frame
        events = m_pending.first(maxEvents);
        m_pending.remove(0, maxEvents);
        m_frame.start(m_frameMs);
    } else {
        events = std::exchange(m_pending, {});
    }
    m_lastApply.start();

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
        if (!last.value(uid))
            if (auto it = m_index.constFind(uid); it != m_index.constEnd())
                toRemove.append(*it);
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
    if (!toRemove.isEmpty()) {
        // Only the rows below the first removed one moved: renumber those in place rather
        // than rebuilding the whole index (10,000 allocations per frame in a deletion storm).
        for (const QString& uid : order)
            if (!last.value(uid))
                m_index.remove(uid);
        for (int i = toRemove.last(); i < m_rows.size(); ++i)
            m_index[m_rows[i].uid] = i;
    }

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
    if (!events.isEmpty()) {
        const double perEvent = double(work.nsecsElapsed()) / double(events.size());
        m_affordableEvents = int(
            std::clamp(kFrameBudgetNs / std::max(perEvent, 1.0), double(kMinEventsPerFrame), 1e6));
    }
    Q_EMIT batchApplied(int(inserts.size()), updated, int(toRemove.size()));
}

void PodsModel::refreshAges()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

} // namespace veladesk
