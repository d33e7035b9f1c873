#include "models/podsmodel.h"

#include "kube/podstate.h"
#include "kube/rollout/application.h"
#include "kube/watch.h"
#include "models/kubeobjects.h"
#include "models/plaintext.h"

#include <QColor>
#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace veladesk {

namespace {

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toObject();
}

// "<reason>" of a terminated state, else Signal:<n> / ExitCode:<n>, as kubectl prints it.
QString terminatedReason(const QJsonObject& terminated, const QString& prefix)
{
    if (const QString r = str(terminated, "reason"); !r.isEmpty())
        return prefix + r;
    if (const int signal = terminated.value(QLatin1String("signal")).toInt(); signal != 0)
        return prefix + QStringLiteral("Signal:%1").arg(signal);
    return prefix +
           QStringLiteral("ExitCode:%1").arg(terminated.value(QLatin1String("exitCode")).toInt());
}

bool conditionTrue(const QJsonArray& conditions, const char* type)
{
    for (const QJsonValue& v : conditions) {
        const QJsonObject c = v.toObject();
        if (str(c, "type") == QLatin1String(type))
            return str(c, "status") == QLatin1String("True");
    }
    return false;
}

// A row of a server-side Table list (kube::ListOptions::asTable): the cells kubectl prints.
PodRow fromTableRow(const QJsonObject& pod, const QJsonObject& tableRow)
{
    PodRow r;
    const QJsonObject cells = obj(tableRow, "cells");
    r.phase = str(cells, "Status");
    const QString ready = str(cells, "Ready"); // "1/2"
    if (const qsizetype slash = ready.indexOf(QLatin1Char('/')); slash > 0) {
        r.readyContainers = QStringView(ready).left(slash).toInt();
        r.containers = QStringView(ready).mid(slash + 1).toInt();
    }
    const QString restarts = str(cells, "Restarts"); // "3" or "3 (5m ago)"
    r.restarts = QStringView(restarts).left(restarts.indexOf(QLatin1Char(' '))).toInt();
    r.node = str(cells, "Node");
    if (r.node == QLatin1String("<none>"))
        r.node.clear();
    // printPod marks a Succeeded pod's row Completed=True for reason Succeeded (and a Failed
    // one Completed=True for reason Failed).
    for (const QJsonValue& v : tableRow.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject c = v.toObject();
        if (str(c, "type") == QLatin1String("Completed") &&
            str(c, "status") == QLatin1String("True") &&
            str(c, "reason") == QLatin1String("Succeeded"))
            r.succeeded = true;
    }
    Q_UNUSED(pod);
    return r;
}

// kubectl's printPod (k8s.io/kubernetes pkg/printers/internalversion, v1.34): the Ready,
// Status and Restarts columns of `kubectl get pods`, which a Table list has the API server
// compute. Watched pods go through this, listed ones come as the server printed them: the
// same function on both sides, so a row does not change when a pod's first event arrives.
PodRow fromPodObject(const QJsonObject& pod)
{
    PodRow r;
    const QJsonObject spec = obj(pod, "spec");
    const QJsonObject status = obj(pod, "status");
    const QJsonArray conditions = status.value(QLatin1String("conditions")).toArray();
    const QString podPhase = str(status, "phase");
    QString reason = podPhase;
    if (const QString why = str(status, "reason"); !why.isEmpty())
        reason = why;
    for (const QJsonValue& v : conditions) {
        const QJsonObject c = v.toObject();
        if (str(c, "type") == QLatin1String("PodScheduled") &&
            str(c, "reason") == QLatin1String("SchedulingGated"))
            reason = QStringLiteral("SchedulingGated");
    }
    r.succeeded = podPhase == QLatin1String("Succeeded");

    const QJsonArray specInit = spec.value(QLatin1String("initContainers")).toArray();
    int total = int(spec.value(QLatin1String("containers")).toArray().size());
    QSet<QString> sidecars; // restartable init containers (restartPolicy Always)
    for (const QJsonValue& v : specInit) {
        const QJsonObject c = v.toObject();
        if (str(c, "restartPolicy") == QLatin1String("Always")) {
            sidecars.insert(str(c, "name"));
            ++total;
        }
    }
    int ready = 0, restarts = 0, sidecarRestarts = 0;
    bool initializing = false;
    const QJsonArray initStatuses = status.value(QLatin1String("initContainerStatuses")).toArray();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject cs = initStatuses.at(i).toObject();
        const int count = cs.value(QLatin1String("restartCount")).toInt();
        restarts += count;
        const bool sidecar = sidecars.contains(str(cs, "name"));
        if (sidecar)
            sidecarRestarts += count;
        const QJsonObject state = obj(cs, "state");
        const QJsonObject terminated = obj(state, "terminated");
        const QString waiting = str(obj(state, "waiting"), "reason");
        const bool isTerminated = state.contains(QLatin1String("terminated"));
        if (isTerminated && terminated.value(QLatin1String("exitCode")).toInt() == 0)
            continue;
        if (sidecar && cs.value(QLatin1String("started")).toBool()) {
            if (cs.value(QLatin1String("ready")).toBool())
                ++ready;
            continue;
        }
        if (isTerminated)
            reason = terminatedReason(terminated, QStringLiteral("Init:"));
        else if (!waiting.isEmpty() && waiting != QLatin1String("PodInitializing"))
            reason = QStringLiteral("Init:") + waiting;
        else
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(specInit.size());
        initializing = true;
        break;
    }
    if (!initializing || conditionTrue(conditions, "Initialized")) {
        restarts = sidecarRestarts;
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject cs = statuses.at(i).toObject();
            restarts += cs.value(QLatin1String("restartCount")).toInt();
            const QJsonObject state = obj(cs, "state");
            const QString waiting = str(obj(state, "waiting"), "reason");
            if (!waiting.isEmpty())
                reason = waiting;
            else if (state.contains(QLatin1String("terminated")))
                reason = terminatedReason(obj(state, "terminated"), QString());
            else if (cs.value(QLatin1String("ready")).toBool() &&
                     state.contains(QLatin1String("running"))) {
                hasRunning = true;
                ++ready;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning)
            reason = conditionTrue(conditions, "Ready") ? QStringLiteral("Running")
                                                        : QStringLiteral("NotReady");
    }
    const bool deleting = kube::beingDeleted(pod);
    if (deleting && str(status, "reason") == QLatin1String("NodeLost"))
        reason = QStringLiteral("Unknown");
    else if (deleting && podPhase != QLatin1String("Succeeded") &&
             podPhase != QLatin1String("Failed"))
        reason = QStringLiteral("Terminating");
    r.phase = reason;
    r.readyContainers = ready;
    r.containers = total;
    r.restarts = restarts;
    r.node = str(spec, "nodeName");
    return r;
}

} // namespace

PodRow PodRow::fromJson(const QJsonObject& pod)
{
    const QJsonValue tableRow = pod.value(kube::tableRowKey());
    PodRow r = tableRow.isObject() ? fromTableRow(pod, tableRow.toObject()) : fromPodObject(pod);
    r.uid = objectUid(pod);
    r.name = kubeName(pod);
    if (r.uid.isEmpty())
        r.uid = r.name;
    r.revision = labelValue(pod, kube::rollout::labels::appRevision);
    r.component = labelValue(pod, kube::rollout::labels::component);
    r.created = creationTime(pod);
    r.terminating = kube::beingDeleted(pod);
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
            copy(c.toObject(), kept,
                 {QLatin1String("name"), QLatin1String("image"), QLatin1String("restartPolicy")});
            out.append(kept);
        }
        to.insert(key, out);
    };
    QJsonObject out;
    copy(pod, out, {QLatin1String("apiVersion"), QLatin1String("kind"), kube::tableRowKey()});
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

PodsModel::~PodsModel()
{
    clearRows();
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
    if (pod.succeeded)
        return State::Ready;
    if (pod.phase == QLatin1String("Running"))
        return pod.containers > 0 && pod.readyContainers == pod.containers ? State::Ready
                                                                           : State::Progressing;
    // On its way: not scheduled, pulling, initialising (Init:0/2), a container restarting
    // after it completed. Anything else kubectl prints is a failure: Failed, Error,
    // CrashLoopBackOff, ImagePullBackOff, Init:Error, OOMKilled, Evicted, Unknown, ...
    static const QSet<QString> progressing{
        QStringLiteral("Pending"),         QStringLiteral("ContainerCreating"),
        QStringLiteral("PodInitializing"), QStringLiteral("NotReady"),
        QStringLiteral("SchedulingGated"), QStringLiteral("Completed")};
    if (progressing.contains(pod.phase))
        return State::Progressing;
    if (pod.phase.startsWith(QLatin1String("Init:"))) {
        const QStringView rest = QStringView(pod.phase).mid(5); // Init:<i>/<n>
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        bool a = false, b = false;
        if (slash > 0) {
            (void)rest.left(slash).toInt(&a);
            (void)rest.mid(slash + 1).toInt(&b);
        }
        if (a && b)
            return State::Progressing;
    }
    return State::Failed;
}

QVariant PodsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PodRow& p = pod(index.row());
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
                                .arg(p.name, p.phase, QString::number(p.readyContainers),
                                     QString::number(p.containers), QString::number(p.restarts)));
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
    clearRows();
    m_rows.reserve(size_t(pods.size()));
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
        // Each object is released as its row is made: freeing 10,000 parsed pods at the end
        // was one GUI-thread stall of 30-45 ms.
        PodRow row = PodRow::fromJson(std::exchange(m_snapshot[m_snapshotAt++], QJsonObject()));
        if (const int at = rowOf(row.uid); at >= 0) { // a uid listed twice
            if (pod(at) != row) {
                *m_rows[size_t(at)].row = std::move(row);
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
        for (PodRow& r : chunk)
            appendRow(std::move(r));
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
    if (!m_rows.empty())
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
        if (!*last.constFind(uid))
            if (const int at = rowOf(uid); at >= 0)
                toRemove.append(at);
    std::sort(toRemove.begin(), toRemove.end(), std::greater<int>());
    for (int i = 0; i < toRemove.size();) {
        int last_ = toRemove[i];
        int first = last_;
        int j = i + 1;
        while (j < toRemove.size() && toRemove[j] == first - 1)
            first = toRemove[j++];
        beginRemoveRows({}, first, last_);
        removeRowsAt(first, last_);
        endRemoveRows();
        i = j;
    }
    // The rows below a removed one keep their seq: nothing to renumber.
    for (const QString& uid : order)
        if (!*last.constFind(uid))
            m_index.remove(uid);

    // 2. updates in place, one dataChanged per contiguous run of changed rows
    QList<int> changed;
    QList<PodRow> inserts;
    for (const QString& uid : order) {
        std::optional<PodRow>& row = *last.find(uid);
        if (!row)
            continue;
        const int at = rowOf(uid);
        if (at < 0) {
            inserts.append(std::move(*row));
            continue;
        }
        PodRow& current = *m_rows[size_t(at)].row;
        if (current == *row)
            continue;
        current = std::move(*row);
        changed.append(at);
    }
    const int updated = int(changed.size());
    std::sort(changed.begin(), changed.end());
    emitChanged(changed);

    // 3. insertions, appended in one go
    if (!inserts.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(inserts.size()) - 1);
        for (PodRow& r : inserts)
            appendRow(std::move(r));
        endInsertRows();
    }
    measureFrame(int(events.size()), work);
    Q_EMIT batchApplied(int(inserts.size()), updated, int(toRemove.size()));
}

int PodsModel::rowOf(const QString& uid) const
{
    const auto it = m_index.constFind(uid);
    return it == m_index.constEnd() ? -1 : rowOfSeq(*it);
}

int PodsModel::rowOfSeq(quint64 seq) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                                     [](const Slot& s, quint64 v) { return s.seq < v; });
    return it != m_rows.end() && it->seq == seq ? int(it - m_rows.begin()) : -1;
}

void PodsModel::appendRow(PodRow&& row)
{
    const quint64 seq = m_nextSeq++;
    m_index.insert(row.uid, seq);
    m_rows.push_back(Slot{seq, new PodRow(std::move(row))});
}

void PodsModel::removeRowsAt(int first, int last)
{
    for (int i = first; i <= last; ++i)
        delete m_rows[size_t(i)].row;
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
}

void PodsModel::clearRows()
{
    for (const Slot& s : m_rows)
        delete s.row;
    m_rows.clear();
    m_index.clear();
}

void PodsModel::measureFrame(int events, const QElapsedTimer& started)
{
    if (m_measuring || events <= 0)
        return;
    m_measuring = true;
    // The views' part of the frame comes after the batch: the repaint (posted) lays out the
    // tree again (a delayed layout started by the batch's signals) and paints it. A zero
    // timer started from a zero timer fires after both.
    QTimer::singleShot(0, this, [this, events, started] {
        QTimer::singleShot(0, this, [this, events, started] {
            m_measuring = false;
            const double cost = std::max(double(started.nsecsElapsed()), 1.0);
            const int fits = int(std::min(double(events) * kFrameBudgetNs / cost, 1e6));
            // Over budget: fewer next time. Under: more, when the frame showed it can afford
            // them (a small batch's cost says little about a large one's).
            m_affordableEvents =
                std::max(kMinEventsPerFrame,
                         cost > kFrameBudgetNs ? fits : std::max(m_affordableEvents, fits));
        });
    });
}

void PodsModel::emitChanged(const QList<int>& rows)
{
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i + 1;
        while (j < rows.size() && rows[j] == rows[j - 1] + 1)
            ++j;
        Q_EMIT dataChanged(index(rows[i], 0), index(rows[j - 1], ColumnCount - 1));
        i = j;
    }
}

void PodsModel::refreshAges()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Age), index(rowCount() - 1, Age), {Qt::DisplayRole});
}

} // namespace veladesk
