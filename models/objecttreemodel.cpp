#include "models/objecttreemodel.h"

#include "models/namespacestore.h"
#include "models/plaintext.h"

#include <QColor>
#include <QFont>
#include <QSet>
#include <algorithm>
#include <climits>

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

void ObjectTreeModel::setStore(NamespaceStore* store)
{
    if (m_store == store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_pods.clear();
    m_pendingPods.clear();
    if (store) {
        using K = NamespaceStore::Kind;
        store->follow(this,
                      {K::Applications, K::ApplicationRevisions, K::AppDeployments, K::Deployments,
                       K::Services, K::VirtualServices, K::ReplicaSets, K::EndpointSlices,
                       K::Gateways, K::HTTPRoutes, K::IstioGateways},
                      [this] { scheduleRebuild(); });
        connect(store, &NamespaceStore::podsReset, this, &ObjectTreeModel::setPods);
        connect(store, &NamespaceStore::podEvents, this, &ObjectTreeModel::enqueuePods);
    }
    scheduleRebuild();
}

void ObjectTreeModel::setApplication(const QString& appName)
{
    if (appName == m_app)
        return;
    m_app = appName;
    scheduleRebuild();
}

void ObjectTreeModel::setActive(bool active)
{
    m_active = active;
    if (active && m_dirty)
        scheduleRebuild();
}

void ObjectTreeModel::setPods(const QList<QJsonObject>& pods)
{
    m_pods.clear();
    m_pendingPods.clear();
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
    if (!m_frame.isActive())
        m_frame.start();
}

bool ObjectTreeModel::parsePendingPods(int budgetMs)
{
    if (m_pendingPods.isEmpty())
        return true;
    QElapsedTimer t;
    t.start();
    qsizetype done = 0;
    for (; done < m_pendingPods.size(); ++done) {
        if (budgetMs >= 0 && (done % 32) == 0 && done > 0 && t.elapsed() >= budgetMs)
            break;
        const kube::WatchEvent& e = m_pendingPods[done];
        if (e.type == kube::WatchEvent::Type::Deleted) {
            const QJsonObject meta = e.object.value(QLatin1String("metadata")).toObject();
            const QString uid = meta.value(QLatin1String("uid")).toString();
            m_pods.remove(uid.isEmpty() ? meta.value(QLatin1String("name")).toString() : uid);
        } else {
            m_pods.put(kube::rollout::PodState::fromJson(e.object));
        }
    }
    m_pendingPods.remove(0, done);
    if (done > 0)
        m_dirty = true; // a rebuild while the list was being parsed showed only part of it
    return m_pendingPods.isEmpty();
}

void ObjectTreeModel::onFrame()
{
    const bool drained = parsePendingPods(kPodParseBudgetMs);
    if (m_dirty && m_active) {
        const qint64 since = m_sinceBuild.isValid() ? m_sinceBuild.elapsed() : LLONG_MAX;
        // At most a quarter of the GUI thread's time goes to the tree; while a large pod list is
        // still being parsed, the tree shows progress every 250 ms.
        const qint64 wait = std::max<qint64>(kFrameMs, qint64(3 * (m_lastBuildMs + m_lastMergeMs)));
        if (since >= wait && (drained || since >= 250))
            rebuild();
    }
    if (!drained || (m_dirty && m_active))
        m_frame.start();
}

void ObjectTreeModel::refresh()
{
    m_frame.stop();
    parsePendingPods(-1);
    rebuild();
}

void ObjectTreeModel::rebuild()
{
    m_dirty = false;
    QElapsedTimer t;
    t.start();
    TreeNode root;
    const bool show = !m_app.isEmpty();
    if (show) {
        kube::rollout::TreeOptions options;
        if (m_store)
            options.namespaceName = m_store->namespaceName();
        root = kube::rollout::buildObjectTree(m_app, m_store ? m_store->inspected() : noObjects(),
                                              m_pods, options);
        m_summary = kube::rollout::summarize(root);
    } else {
        m_summary = {};
    }
    m_lastBuildMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    QList<TreeNode> top;
    if (show)
        top << std::move(root);
    mergeChildren(m_invisibleRoot.get(), top);
    m_lastMergeMs = double(t.nsecsElapsed()) / 1e6;
    m_sinceBuild.restart();
    ++m_builds;
    if (m_invisibleRoot->children.isEmpty())
        m_ages.stop();
    else if (!m_ages.isActive())
        m_ages.start();
    Q_EMIT treeUpdated();
}

void ObjectTreeModel::mergeChildren(Item* parent, QList<TreeNode>& next)
{
    const QModelIndex parentIndex = indexOf(parent);
    QList<Item*>& children = parent->children;

    // 1. Remove the rows whose key is gone, and those out of the new order (a key's place
    //    changed: removed here, inserted again at its place below).
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

    // 2. Walk the new children in order: update the rows that stay, insert the new ones in
    //    runs at their place.
    qsizetype j = 0;
    QList<TreeNode*> pending;
    int changedTop = -1, changedBottom = -1;
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        const int first = int(j);
        const int last = first + int(pending.size()) - 1;
        beginInsertRows(parentIndex, first, last);
        QList<Item*> items;
        items.reserve(pending.size());
        for (qsizetype k = 0; k < pending.size(); ++k)
            items << makeItem(std::move(*pending[k]), parent, first + int(k));
        children.insert(j, items.size(), nullptr);
        for (qsizetype k = 0; k < items.size(); ++k)
            children[j + k] = items[k];
        parent->dirtyFrom = std::min(parent->dirtyFrom, last + 1);
        endInsertRows();
        j += pending.size();
        pending.clear();
    };
    for (TreeNode& n : next) {
        if (j < children.size() && children[j]->node.key == n.key) {
            flush();
            Item* item = children[j];
            QList<TreeNode> kids = std::move(n.children);
            n.children.clear();
            if (!item->node.sameRow(n)) {
                item->node = std::move(n);
                const int row = int(j);
                changedTop = changedTop < 0 ? row : std::min(changedTop, row);
                changedBottom = std::max(changedBottom, row);
            }
            mergeChildren(item, kids);
            ++j;
        } else {
            pending << &n;
        }
    }
    flush();
    if (changedTop >= 0)
        Q_EMIT dataChanged(index(changedTop, 0, parentIndex),
                           index(changedBottom, ColumnCount - 1, parentIndex));
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
