#include "ui/objecttreepane.h"

#include "models/namespacestore.h"
#include "models/objectdetails.h"
#include "models/objecttreefilter.h"
#include "models/objecttreemodel.h"
#include "ui/objectdetailspane.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace veladesk {

namespace {

// "Application/x/AppDeployment/y/..." of a source index: identifies a row across rebuilds.
QString keyPath(const QModelIndex& sourceIndex)
{
    QStringList parts;
    for (QModelIndex i = sourceIndex; i.isValid(); i = i.parent())
        parts.prepend(i.data(ObjectTreeModel::KeyRole).toString());
    return parts.join(QLatin1Char('\n'));
}

// Keys that leave the search field for the tree.
class SearchKeys : public QObject
{
public:
    SearchKeys(QLineEdit* edit, std::function<void()> toTree, std::function<void()> escape)
        : QObject(edit), m_toTree(std::move(toTree)), m_escape(std::move(escape))
    {
        edit->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_toTree();
            return true;
        }
        if (key == Qt::Key_Escape) {
            m_escape();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_toTree;
    std::function<void()> m_escape;
};

} // namespace

ObjectTreePane::ObjectTreePane(QWidget* parent)
    : QWidget(parent), m_model(new ObjectTreeModel(this)), m_filter(new ObjectTreeFilter(this)),
      m_details(new ObjectDetails(this))
{
    setObjectName(QStringLiteral("objectTreePane"));
    m_filter->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("objectSearch"));
    m_search->setAccessibleName(tr("Search objects"));
    m_search->setToolTip(tr("Show the objects whose kind or name contains this text (Ctrl+F, /)"));
    m_search->setPlaceholderText(tr("Search kind/name (Ctrl+F, /)"));
    m_search->setClearButtonEnabled(true);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("objectKindFilter"));
    m_kind->setAccessibleName(tr("Kind"));
    m_kind->setToolTip(tr("Show only objects of this kind"));
    m_kind->addItem(tr("All kinds"), QString());
    for (const char* k : {"ApplicationRevision", "AppDeployment", "Deployment", "ReplicaSet", "Pod",
                          "Service", "EndpointSlice", "VirtualService", "HTTPRoute", "Gateway"})
        m_kind->addItem(QLatin1String(k), QLatin1String(k));
    auto* kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    m_unhealthy = new QCheckBox(tr("&Unhealthy only"), this);
    m_unhealthy->setObjectName(QStringLiteral("unhealthyOnly"));
    m_unhealthy->setAccessibleName(tr("Unhealthy only"));
    m_unhealthy->setToolTip(tr("Show only objects that are not healthy (and their owners)"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("objectTreeSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    bar->addWidget(m_search, 2);
    bar->addWidget(kindLabel);
    bar->addWidget(m_kind);
    bar->addWidget(m_unhealthy);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_view = new QTreeView(m_split);
    m_view->setObjectName(QStringLiteral("objectTreeView"));
    m_view->setAccessibleName(tr("Object tree"));
    m_view->setToolTip(tr("The application's objects, each under its owner"));
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ObjectTreeModel::Info, QHeaderView::Stretch);
    for (const auto& [column, width] : {std::pair{int(ObjectTreeModel::Name), 330},
                                        {int(ObjectTreeModel::Kind), 130},
                                        {int(ObjectTreeModel::Health), 150},
                                        {int(ObjectTreeModel::Age), 50}})
        m_view->header()->resizeSection(column, width);
    m_detailsPane = new ObjectDetailsPane(m_details, m_split);
    m_split->addWidget(m_view);
    m_split->addWidget(m_detailsPane);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    layout->addWidget(m_split, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &ObjectTreeFilter::setText);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setKind(m_kind->currentData().toString()); });
    connect(m_unhealthy, &QCheckBox::toggled, m_filter, &ObjectTreeFilter::setUnhealthyOnly);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ObjectTreePane::onFilterChanged);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ObjectTreePane::onFilterChanged);
    connect(m_search, &QLineEdit::textChanged, this, &ObjectTreePane::onFilterChanged);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ObjectTreePane::onFilterChanged);
    connect(m_unhealthy, &QCheckBox::toggled, this, &ObjectTreePane::onFilterChanged);
    new SearchKeys(
        m_search, [this] { goToMatch(false); },
        [this] {
            if (!m_search->text().isEmpty())
                m_search->clear();
            else
                m_view->setFocus();
        });

    auto addShortcut = [this](const QKeySequence& key, QWidget* scope, auto slot) {
        auto* a = new QAction(scope);
        a->setShortcut(key);
        a->setShortcutContext(scope == this ? Qt::WidgetWithChildrenShortcut : Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, slot);
        scope->addAction(a);
        return a;
    };
    addShortcut(QKeySequence::Find, this, [this] { focusSearch(); });
    addShortcut(QKeySequence(Qt::Key_Slash), m_view, [this] { focusSearch(); });
    addShortcut(QKeySequence(Qt::Key_F3), this, [this] { goToMatch(false); });
    addShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this, [this] { goToMatch(true); });

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ObjectTreePane::onCurrentChanged);
    connect(m_model, &ObjectTreeModel::treeUpdated, this, &ObjectTreePane::onTreeUpdated);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex& parent) {
        if (!parent.isValid())
            expandDefault(); // a new application's tree
    });
    connect(m_detailsPane, &ObjectDetailsPane::navigate, this,
            [this](const QString& kind, const QString& name) {
                if (selectObject(kind, name))
                    m_view->setFocus();
            });
    onTreeUpdated();
}

void ObjectTreePane::setStore(NamespaceStore* store)
{
    if (m_model->store())
        disconnect(m_model->store(), nullptr, this, nullptr);
    m_model->setStore(store);
    if (store)
        connect(store, &NamespaceStore::kubeEvents, this, &ObjectTreePane::onEvents);
}

void ObjectTreePane::setConnection(std::shared_ptr<kube::Client> client,
                                   const QString& namespaceName)
{
    m_details->setConnection(std::move(client), namespaceName);
    m_shownKey.clear();
    onCurrentChanged();
}

void ObjectTreePane::setApplication(const QString& appName)
{
    m_model->setApplication(appName);
}

void ObjectTreePane::setActive(bool active)
{
    m_model->setActive(active);
}

void ObjectTreePane::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

bool ObjectTreePane::selectObject(const QString& kind, const QString& name)
{
    QModelIndex source = m_model->find(kind, name);
    if (!source.isValid())
        return false;
    QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid()) {
        m_search->clear();
        m_kind->setCurrentIndex(0);
        m_unhealthy->setChecked(false);
        proxy = m_filter->mapFromSource(source);
    }
    if (!proxy.isValid())
        return false;
    m_view->expand(proxy.parent());
    for (QModelIndex p = proxy.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(proxy);
    return true;
}

void ObjectTreePane::goToMatch(bool backwards)
{
    QModelIndex target;
    if (m_filter->isFiltering()) {
        target = m_filter->nextMatch(m_view->currentIndex(), backwards);
    } else {
        target = m_view->currentIndex().isValid() ? m_view->currentIndex() : m_filter->index(0, 0);
    }
    if (!target.isValid())
        return;
    for (QModelIndex p = target.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_view->scrollTo(target);
    m_view->setFocus();
}

void ObjectTreePane::onFilterChanged()
{
    // Matches are shown in their place: expand everything the filter left (few rows when
    // filtering; the default expansion otherwise).
    if (m_filter->isFiltering())
        m_view->expandAll();
}

void ObjectTreePane::expandDefault()
{
    // Application, its AppDeployments, their objects; and the way to anything unhealthy.
    m_view->expandToDepth(1);
    QList<QModelIndex> stack{m_filter->index(0, 0)};
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        if (!i.isValid())
            continue;
        if (kube::rollout::isUnhealthy(
                kube::rollout::Health(i.data(ObjectTreeModel::WorstRole).toInt())) &&
            m_filter->rowCount(i) > 0 && m_filter->rowCount(i) <= 50)
            m_view->expand(i);
        for (int r = 0; r < m_filter->rowCount(i); ++r)
            stack << m_filter->index(r, 0, i);
    }
}

void ObjectTreePane::onTreeUpdated()
{
    const kube::rollout::TreeSummary s = m_model->summary();
    if (m_model->application().isEmpty())
        m_summary->setText(tr("No application selected"));
    else if (s.healthy())
        m_summary->setText(tr("%1 objects, all healthy or progressing").arg(s.nodes));
    else
        m_summary->setText(tr("%1 objects, %2 unhealthy").arg(s.nodes).arg(s.problems.size()));
    if (m_filter->isFiltering())
        m_view->expandAll();
    // The selected object changed on the server: read it again.
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (current.isValid() && keyPath(current) == m_shownKey) {
        const QString rv = current.data(ObjectTreeModel::ResourceVersionRole).toString();
        if (rv != m_shownResourceVersion) {
            m_shownResourceVersion = rv;
            m_details->refresh();
        }
        // the summary (health, containers) is the tree's own, shown as it is now
        const kube::rollout::TreeNode* node = m_model->node(current);
        m_detailsPane->showNode(
            node, node->kind == QLatin1String("Pod") ? m_model->pods().pod(node->uid) : nullptr,
            kube::rollout::ownedObjects(node->uid,
                                        m_model->store() ? m_model->store()->inspected()
                                                         : kube::rollout::InspectedObjects{},
                                        m_model->pods()));
    }
}

void ObjectTreePane::onCurrentChanged()
{
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    const kube::rollout::TreeNode* node = m_model->node(current);
    if (!node) {
        m_shownKey.clear();
        m_details->setTarget({});
        m_detailsPane->showNode(nullptr, nullptr, {});
        return;
    }
    m_shownKey = keyPath(current);
    m_shownResourceVersion = node->resourceVersion;
    using Role = kube::rollout::TreeNode::Role;
    const bool readable = (node->role == Role::Object || node->role == Role::Link) &&
                          node->namespaceName.isEmpty() && !node->apiVersion.isEmpty() &&
                          node->health.health != kube::rollout::Health::NotChecked;
    m_details->setTarget(readable ? ObjectRef{node->kind, node->apiVersion, node->name, node->uid}
                                  : ObjectRef{});
    m_detailsPane->showNode(
        node, node->kind == QLatin1String("Pod") ? m_model->pods().pod(node->uid) : nullptr,
        kube::rollout::ownedObjects(node->uid,
                                    m_model->store() ? m_model->store()->inspected()
                                                     : kube::rollout::InspectedObjects{},
                                    m_model->pods()));
}

void ObjectTreePane::onEvents(const QList<KubeEvent>& events)
{
    const ObjectRef t = m_details->target();
    if (t.isEmpty())
        return;
    for (const KubeEvent& e : events)
        if (e.objectKind == t.kind && e.objectName == t.name) {
            // coalesce a burst of events into one list
            QTimer::singleShot(300, m_details, &ObjectDetails::refreshEvents);
            return;
        }
}

} // namespace veladesk
