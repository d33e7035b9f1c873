#include "models/objecttreemodel.h"

#include "models/namespacestore.h"
#include "models/plaintext.h"

#include <QColor>
#include <QFont>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <climits>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace veladesk {

using H = kube::rollout::Health;
using kube::rollout::TreeNode;

struct ObjectTreeModel::Item
{
    TreeNode node; // its children are the Items below, node.children stays empty
    Item* parent = nullptr;
    QList<Item*> children;
    // The row in the parent. Rows of children at or after the parent's dirtyFrom may be stale
    // (an insertion or removal before them) and are renumbered on the next lookup.
    mutable int row = 0;
    mutable int dirtyFrom = INT_MAX;
    ~Item() { qDeleteAll(children); }
};

namespace {

using Item = ObjectTreeModel::Item;

Item* makeItem(TreeNode&& node, Item* parent, int row)
{
    auto* item = new Item;
    item->parent = parent;
    item->row = row;
    QList<TreeNode> kids = std::move(node.children);
    node.children.clear();
    item->node = std::move(node);
    item->children.reserve(kids.size());
    for (qsizetype i = 0; i < kids.size(); ++i)
        item->children << makeItem(std::move(kids[i]), item, int(i));
    return item;
}

QColor healthColor(H h)
{
    switch (h) {
    case H::Healthy:
        return QColor(0x2e, 0xa0, 0x43);
    case H::Progressing:
        return QColor(0xe0, 0xa0, 0x00);
    case H::Suspended:
        return QColor(0x60, 0x80, 0xb0);
    case H::Missing:
        return QColor(0xe0, 0x70, 0x00);
    case H::Degraded:
        return QColor(0xd0, 0x30, 0x30);
    case H::Unknown:
        return QColor(0x90, 0x90, 0x90);
    case H::NotChecked:
        return QColor(0xb8, 0xb8, 0xb8);
    }
    return {};
}

const kube::rollout::InspectedObjects& noObjects()
{
    static const kube::rollout::InspectedObjects empty;
    return empty;
}

} // namespace

ObjectTreeModel::ObjectTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_invisibleRoot(std::make_unique<Item>()),
      m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(kFrameMs);
    connect(&m_frame, &QTimer::timeout, this, &ObjectTreeModel::onFrame);
    // The worker: one thread, below the GUI thread's priority so that on a loaded machine the
    // GUI thread is not the one that waits.
    m_pool.setMaxThreadCount(1);
    m_mergeTimer.setSingleShot(true);
    m_mergeTimer.setInterval(0); // one slice per event-loop turn
    connect(&m_mergeTimer, &QTimer::timeout, this, &ObjectTreeModel::onMergeSlice);
    connect(&m_jobWatcher, &QFutureWatcherBase::finished, this, &ObjectTreeModel::onJobDone);
    m_ages.setInterval(1000);
    connect(&m_ages, &QTimer::timeout, this, [this] { refreshAges(m_invisibleRoot.get()); });
}

ObjectTreeModel::~ObjectTreeModel() = default;

ObjectTreeModel::Item* ObjectTreeModel::itemOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Item*>(index.internalPointer()) : m_invisibleRoot.get();
}

int ObjectTreeModel::rowOf(const Item* item) const
{
    const Item* p = item->parent;
    // Renumbered whenever the parent is dirty: a row inserted since (its cached row not yet
    // set) may hold a number below dirtyFrom.
    if (p && p->dirtyFrom != INT_MAX) {
        for (qsizetype i = p->dirtyFrom; i < p->children.size(); ++i)
            p->children[i]->row = int(i);
        p->dirtyFrom = INT_MAX;
    }
    return item->row;
}

QModelIndex ObjectTreeModel::indexOf(const Item* item, int column) const
{
    if (!item || item == m_invisibleRoot.get())
        return {};
    return createIndex(rowOf(item), column, const_cast<Item*>(item));
}

QModelIndex ObjectTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Item* p = itemOf(parent);
    if (row >= p->children.size())
        return {};
    return createIndex(row, column, p->children[row]);
}

QModelIndex ObjectTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    return indexOf(itemOf(child)->parent);
}

int ObjectTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemOf(parent)->children.size());
}

int ObjectTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ObjectTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Health:
        return tr("Health");
    case Info:
        return tr("Status");
    case Age:
        return tr("Age");
    default:
        return {};
    }
}

QVariant ObjectTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TreeNode& n = itemOf(index)->node;
    const H own = n.health.health;
    switch (role) {
    case KeyRole:
        return n.key;
    case KindRole:
        return n.kind;
    case NameRole:
        return n.name;
    case HealthRole:
        return int(own);
    case WorstRole:
        return int(n.worst);
    case NodeRole:
        return int(n.role);
    case UidRole:
        return n.uid;
    case ApiVersionRole:
        return n.apiVersion;
    case NamespaceRole:
        return n.namespaceName;
    case ReasonRole:
        return n.health.reason;
    case MessageRole:
        return n.health.message;
    case ResourceVersionRole:
        return n.resourceVersion;
    case SearchRole:
        return (n.kind + QLatin1Char('/') + n.name).toLower();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return n.role == TreeNode::Role::Link ? QStringLiteral("→ ") + n.name : n.name;
        case Kind:
            return n.kind;
        case Health: {
            QString text =
                own == H::NotChecked ? tr("not checked") : kube::rollout::healthName(own);
            if (kube::rollout::isUnhealthy(n.worst) && n.worst != own &&
                n.role != TreeNode::Role::Link)
                text += tr(" (%1 below)").arg(kube::rollout::healthName(n.worst));
            return text;
        }
        case Info:
            return n.info;
        case Age:
            return kube::rollout::shortAge(n.created, m_now());
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Name)
            return healthColor(own);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Health && own != H::Healthy)
            return healthColor(own == H::NotChecked ? H::Unknown : own);
        return {};
    case Qt::FontRole:
        if (n.role == TreeNode::Role::Link || n.role == TreeNode::Role::Missing ||
            n.role == TreeNode::Role::Note) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole: {
        QString text = n.kind + QLatin1Char(' ') + n.name;
        if (!n.namespaceName.isEmpty())
            text += tr(" (namespace %1)").arg(n.namespaceName);
        if (n.role == TreeNode::Role::Link)
            text += tr(" — a reference; the object is shown in its own place in the tree");
        text += QLatin1Char('\n') + n.health.toString();
        if (!n.info.isEmpty())
            text += QLatin1Char('\n') + n.info;
        return plainToolTip(text);
    }
    default:
        return {};
    }
}

struct ObjectTreeModel::JobResult
{
    quint64 podsEpoch = 0;
    quint64 treeEpoch = 0;
    kube::rollout::PodIndex pods;
    bool built = false; // the tree below was built (the model was active)
    bool show = false;  // an application is selected: `root` is its tree
    TreeNode root;
    kube::rollout::TreeSummary summary;
    double buildMs = 0;
};

struct ObjectTreeModel::MergeTask
{
    Item* parent = nullptr;
    QList<TreeNode> next; // the parent's new children, in order
    qsizetype pos = 0;    // the next one of `next` to place
    qsizetype j = 0;      // its row
    bool pruned = false;  // step 1 (removals) done
};

namespace {

// The worker's job: only values in, values out (no model, no store).
std::shared_ptr<ObjectTreeModel::JobResult>
runJob(quint64 podsEpoch, quint64 treeEpoch, kube::rollout::PodIndex pods,
       QList<kube::WatchEvent> events, bool build, QString app,
       kube::rollout::InspectedObjects objects, kube::rollout::TreeOptions options)
{
    auto r = std::make_shared<ObjectTreeModel::JobResult>();
    r->podsEpoch = podsEpoch;
    r->treeEpoch = treeEpoch;
    for (const kube::WatchEvent& e : std::as_const(events)) {
        if (e.type == kube::WatchEvent::Type::Deleted) {
            const QJsonObject meta = e.object.value(QLatin1String("metadata")).toObject();
            const QString uid = meta.value(QLatin1String("uid")).toString();
            pods.remove(uid.isEmpty() ? meta.value(QLatin1String("name")).toString() : uid);
        } else {
            pods.put(kube::rollout::PodState::fromJson(e.object));
        }
    }
    events.clear();
    if (build) {
        QElapsedTimer t;
        t.start();
        r->built = true;
        r->show = !app.isEmpty();
        if (r->show) {
            r->root = kube::rollout::buildObjectTree(app, objects, pods, options);
            r->summary = kube::rollout::summarize(r->root);
        }
        r->buildMs = double(t.nsecsElapsed()) / 1e6;
    }
    r->pods = std::move(pods);
    return r;
}

void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    // QThread priorities do nothing for SCHED_OTHER threads on Linux; a thread's nice value does.
    static thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        setpriority(PRIO_PROCESS, id_t(gettid()), 10);
    }
#endif
}

std::shared_ptr<ObjectTreeModel::JobResult>
runOnWorker(quint64 podsEpoch, quint64 treeEpoch, kube::rollout::PodIndex pods,
            QList<kube::WatchEvent> events, bool build, QString app,
            kube::rollout::InspectedObjects objects, kube::rollout::TreeOptions options)
{
    lowerThisThreadsPriority();
    return runJob(podsEpoch, treeEpoch, std::move(pods), std::move(events), build, std::move(app),
                  std::move(objects), std::move(options));
}

} // namespace

void ObjectTreeModel::setStore(NamespaceStore* store)
{
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_pods.clear();
    m_pendingPods.clear();
    ++m_podsEpoch;
    ++m_treeEpoch;
    if (store) {
        using K = NamespaceStore::Kind;
        store->follow(this,
                      {K::Applications, K::ApplicationRevisions, K::AppDeployments, K::Deployments,
                       K::Services, K::VirtualServices, K::ReplicaSets, K::EndpointSlices,
                       K::Gateways, K::HTTPRoutes, K::IstioGateways},
                      [this] { scheduleRebuild(); });
        // whole pods (the pods pane's first list is a Table)
        connect(store, &NamespaceStore::podObjectsReset, this, &ObjectTreeModel::setPods);
        connect(store, &NamespaceStore::podObjectEvents, this, &ObjectTreeModel::enqueuePods);
    }
    askForPods();
    scheduleRebuild();
}

void ObjectTreeModel::askForPods()
{
    // Whole pods cost a list of every pod in the namespace and their copy here: only once an
    // application's tree is shown.
    if (m_store && m_active && !m_app.isEmpty())
        m_store->wantPodObjects();
}

void ObjectTreeModel::setApplication(const QString& appName)
{
    if (appName == m_app)
        return;
    m_app = appName;
    ++m_treeEpoch;
    askForPods();
    scheduleRebuild();
}

void ObjectTreeModel::setActive(bool active)
{
    m_active = active;
    askForPods();
    if (active && m_dirty)
        scheduleRebuild();
}

void ObjectTreeModel::setPods(const QList<QJsonObject>& pods)
{
    m_pods.clear();
    m_pendingPods.clear();
    ++m_podsEpoch; // a job running on the old pods is stale
    m_pendingPods.reserve(pods.size());
    for (const QJsonObject& p : pods)
        m_pendingPods << kube::WatchEvent{kube::WatchEvent::Type::Added, p};
    scheduleRebuild();
}

void ObjectTreeModel::enqueuePods(const QList<kube::WatchEvent>& events)
{
    m_pendingPods << events;
    scheduleRebuild();
}

void ObjectTreeModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

void ObjectTreeModel::scheduleRebuild()
{
    m_dirty = true;
    if (!m_running && !m_frame.isActive())
        m_frame.start();
}

void ObjectTreeModel::onFrame()
{
    if (!m_running && (!m_pendingPods.isEmpty() || (m_dirty && m_active)))
        startJob();
}

void ObjectTreeModel::startJob()
{
    const bool build = m_active && m_dirty;
    if (build)
        m_dirty = false;
    m_inFlightPods = int(m_pendingPods.size());
    kube::rollout::TreeOptions options;
    if (m_store)
        options.namespaceName = m_store->namespaceName();
    // Values only: the PodIndex and the objects are implicitly shared, copied on write by
    // whichever side writes first.
    m_running = true;
    m_job = QtConcurrent::run(&m_pool, runOnWorker, m_podsEpoch, m_treeEpoch, m_pods,
                              std::exchange(m_pendingPods, {}), build, m_app,
                              m_store ? m_store->inspected() : noObjects(), options);
    m_jobWatcher.setFuture(m_job);
}

void ObjectTreeModel::onJobDone()
{
    if (!m_running || !m_job.isFinished())
        return; // a finished signal of a job already taken by refresh()
    m_running = false;
    m_inFlightPods = 0;
    acceptResult(m_job.result());
    m_job = {};
    if (!m_pendingPods.isEmpty() || (m_dirty && m_active))
        m_frame.start(); // the next job, a frame later
}

void ObjectTreeModel::acceptResult(std::shared_ptr<JobResult> r)
{
    if (r->podsEpoch != m_podsEpoch)
        return; // a new store or pod list since: neither its pods nor its tree hold
    // The old index's last reference may be this one: its 10,000 pods are freed on the worker.
    const QFuture<void> freed = QtConcurrent::run(
        &m_pool, [](kube::rollout::PodIndex) { lowerThisThreadsPriority(); },
        std::exchange(m_pods, r->pods));
    Q_UNUSED(freed)
    if (!r->built)
        return;
    if (r->treeEpoch != m_treeEpoch) {
        m_dirty = true; // built for another application
        return;
    }
    ++m_builds;
    m_lastBuildMs = r->buildMs;
    if (m_merge)
        m_waiting = std::move(r); // merged once the merge in progress ends; a newer one replaces it
    else
        beginMerge(std::move(r));
}

void ObjectTreeModel::beginMerge(std::shared_ptr<JobResult> r)
{
    m_merging = std::move(r);
    m_merge = std::make_unique<std::deque<MergeTask>>();
    MergeTask top;
    top.parent = m_invisibleRoot.get();
    if (m_merging->show)
        top.next << std::move(m_merging->root);
    m_merging->root = {};
    m_merge->push_back(std::move(top));
    m_mergeMs = 0;
    m_mergeSliceMs = 0;
    m_mergeTimer.start();
}

void ObjectTreeModel::onMergeSlice()
{
    if (!m_merge)
        return;
    if (mergeSome(qint64(kMergeBudgetMs) * 1000000))
        finishMerge();
    else
        m_mergeTimer.start();
}

bool ObjectTreeModel::mergeSome(qint64 budgetNs)
{
    QElapsedTimer clock;
    clock.start();
    while (!m_merge->empty()) {
        if (budgetNs >= 0 && clock.nsecsElapsed() >= budgetNs)
            break;
        if (mergeTask(m_merge->front(), clock, budgetNs))
            m_merge->pop_front();
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    m_mergeMs += ms;
    m_mergeSliceMs = std::max(m_mergeSliceMs, ms);
    return m_merge->empty();
}

void ObjectTreeModel::finishMerge()
{
    m_mergeTimer.stop();
    m_merge.reset();
    m_summary = m_merging->summary;
    m_merging.reset();
    m_lastMergeMs = m_mergeMs;
    m_lastMergeSliceMs = m_mergeSliceMs;
    if (m_invisibleRoot->children.isEmpty())
        m_ages.stop();
    else if (!m_ages.isActive())
        m_ages.start();
    Q_EMIT treeUpdated();
    if (m_waiting)
        beginMerge(std::exchange(m_waiting, {}));
}

void ObjectTreeModel::refresh()
{
    m_frame.stop();
    if (m_running) {
        m_job.waitForFinished();
        onJobDone();
        m_frame.stop();
    }
    while (m_merge) {
        mergeSome(-1);
        finishMerge();
    }
    kube::rollout::TreeOptions options;
    if (m_store)
        options.namespaceName = m_store->namespaceName();
    m_dirty = false;
    acceptResult(runJob(m_podsEpoch, m_treeEpoch, m_pods, std::exchange(m_pendingPods, {}), true,
                        m_app, m_store ? m_store->inspected() : noObjects(), options));
    while (m_merge) {
        mergeSome(-1);
        finishMerge();
    }
}

bool ObjectTreeModel::mergeTask(MergeTask& t, const QElapsedTimer& clock, qint64 budgetNs)
{
    Item* parent = t.parent;
    const QModelIndex parentIndex = indexOf(parent);
    QList<Item*>& children = parent->children;
    QList<TreeNode>& next = t.next;

    // 1. Remove the rows whose key is gone, and those out of the new order (a key's place
    //    changed: removed here, inserted again at its place below).
    if (!t.pruned) {
        t.pruned = true;
        QHash<QString, qsizetype> wanted;
        wanted.reserve(next.size());
        for (qsizetype i = 0; i < next.size(); ++i)
            wanted.insert(next[i].key, i);
        QList<bool> drop(children.size(), false);
        qsizetype lastPos = -1;
        bool anyDrop = false;
        for (qsizetype i = 0; i < children.size(); ++i) {
            const qsizetype pos = wanted.value(children[i]->node.key, -1);
            if (pos < 0 || pos < lastPos) {
                drop[i] = true;
                anyDrop = true;
            } else {
                lastPos = pos;
            }
        }
        if (anyDrop) {
            for (qsizetype i = children.size() - 1; i >= 0;) {
                if (!drop[i]) {
                    --i;
                    continue;
                }
                const qsizetype last = i;
                while (i > 0 && drop[i - 1])
                    --i;
                const qsizetype first = i;
                beginRemoveRows(parentIndex, int(first), int(last));
                for (qsizetype k = first; k <= last; ++k)
                    delete children[k];
                children.remove(first, last - first + 1);
                parent->dirtyFrom = std::min(parent->dirtyFrom, int(first));
                endRemoveRows();
                --i;
            }
        }
    }

    // 2. Walk the new children in order from where the last slice stopped: update the rows
    //    that stay, insert the new ones in runs at their place (without their children: those
    //    are merged as tasks of their own, so a large subtree is inserted in slices too).
    constexpr qsizetype kInsertRun = 512;
    constexpr qsizetype kCheckEvery = 64;
    QList<TreeNode*> pending;
    int changedTop = -1, changedBottom = -1;
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        const int first = int(t.j);
        const int last = first + int(pending.size()) - 1;
        beginInsertRows(parentIndex, first, last);
        QList<Item*> items;
        items.reserve(pending.size());
        for (qsizetype k = 0; k < pending.size(); ++k) {
            TreeNode& n = *pending[k];
            QList<TreeNode> kids = std::move(n.children);
            n.children.clear();
            Item* item = makeItem(std::move(n), parent, first + int(k));
            items << item;
            if (!kids.isEmpty())
                m_merge->push_back(MergeTask{item, std::move(kids)});
        }
        children.insert(t.j, items.size(), nullptr);
        for (qsizetype k = 0; k < items.size(); ++k)
            children[t.j + k] = items[k];
        parent->dirtyFrom = std::min(parent->dirtyFrom, last + 1);
        endInsertRows();
        t.j += pending.size();
        pending.clear();
    };
    auto flushChanged = [&] {
        if (changedTop >= 0)
            Q_EMIT dataChanged(index(changedTop, 0, parentIndex),
                               index(changedBottom, ColumnCount - 1, parentIndex));
        changedTop = changedBottom = -1;
    };
    qsizetype done = 0;
    for (; t.pos < next.size(); ++t.pos, ++done) {
        if (budgetNs >= 0 && done > 0 && done % kCheckEvery == 0 &&
            clock.nsecsElapsed() >= budgetNs)
            break;
        TreeNode& n = next[t.pos];
        if (t.j < children.size() && children[t.j]->node.key == n.key) {
            flush(); // the row moves down by the rows inserted before it, and so does t.j
            Item* item = children[t.j];
            QList<TreeNode> kids = std::move(n.children);
            n.children.clear();
            if (!item->node.sameRow(n)) {
                item->node = std::move(n);
                const int row = int(t.j);
                changedTop = changedTop < 0 ? row : std::min(changedTop, row);
                changedBottom = std::max(changedBottom, row);
                // The views and proxies handle it within the slice's budget.
                if (changedBottom - changedTop >= kCheckEvery)
                    flushChanged();
            }
            if (!kids.isEmpty() || !item->children.isEmpty())
                m_merge->push_back(MergeTask{item, std::move(kids)});
            ++t.j;
        } else {
            pending << &n;
            if (pending.size() >= kInsertRun)
                flush();
        }
    }
    flush();
    flushChanged();
    if (t.pos < next.size())
        return false;
    next.clear();
    return true;
}

void ObjectTreeModel::refreshAges(Item* parent)
{
    if (parent->children.isEmpty())
        return;
    const QModelIndex p = indexOf(parent);
    Q_EMIT dataChanged(index(0, Age, p), index(int(parent->children.size()) - 1, Age, p),
                       {Qt::DisplayRole});
    for (Item* c : std::as_const(parent->children))
        refreshAges(c);
}

const TreeNode* ObjectTreeModel::node(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &itemOf(index)->node;
}

QModelIndex ObjectTreeModel::find(const QString& kind, const QString& name) const
{
    QList<const Item*> stack{m_invisibleRoot.get()};
    while (!stack.isEmpty()) {
        const Item* item = stack.takeLast();
        if (item != m_invisibleRoot.get() && item->node.kind == kind && item->node.name == name &&
            item->node.role != TreeNode::Role::Link)
            return indexOf(item);
        for (qsizetype i = item->children.size() - 1; i >= 0; --i)
            stack << item->children[i];
    }
    return {};
}

} // namespace veladesk
