#include "ui/podsview.h"

#include "models/clusterpods.h"
#include "models/podsmodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <utility>

namespace veladesk {

void PodsProxy::setSourceModel(QAbstractItemModel* model)
{
    m_pods = qobject_cast<const PodsModel*>(model);
    m_clusterPods = qobject_cast<const ClusterPodsModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

const PodRow* PodsProxy::podAt(int sourceRow, const PodsModel** model) const
{
    // A source model destroyed under the proxy is replaced by Qt's empty model without a
    // setSourceModel() call: the cached pointers are only used while they are the source.
    if (!sourceModel() || (sourceModel() != static_cast<const QAbstractItemModel*>(m_pods) &&
                           sourceModel() != static_cast<const QAbstractItemModel*>(m_clusterPods)))
        return nullptr;
    if (m_pods) {
        if (model)
            *model = m_pods;
        return &m_pods->pod(sourceRow);
    }
    if (m_clusterPods) {
        // ClusterPodsModel holds PodsModels only (addCluster)
        const QModelIndex source = m_clusterPods->mapToSource(m_clusterPods->index(sourceRow, 0));
        const auto* pods = static_cast<const PodsModel*>(source.model());
        if (!pods)
            return nullptr;
        if (model)
            *model = pods;
        return &pods->pod(source.row());
    }
    return nullptr;
}

bool PodsProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const PodsModel *leftModel = nullptr, *rightModel = nullptr;
    const PodRow* a = sortRole() == PodsModel::SortRole && !left.parent().isValid()
                          ? podAt(left.row(), &leftModel)
                          : nullptr;
    const PodRow* b = a ? podAt(right.row(), &rightModel) : nullptr;
    if (!a || !b)
        return QSortFilterProxyModel::lessThan(left, right);
    // What QSortFilterProxyModel does with two strings (QAbstractItemModelPrivate::
    // isVariantLessThan); PodsModel::SortRole gives ints for Ready and Restarts, a QDateTime
    // for Age, the display string otherwise.
    const auto text = [this](const QString& x, const QString& y) {
        if (isSortLocaleAware())
            return x.localeAwareCompare(y) < 0;
        return x.compare(y, sortCaseSensitivity()) < 0;
    };
    switch (left.column()) {
    case PodsModel::Name:
        return text(a->name, b->name);
    case PodsModel::Revision:
        return text(a->revision, b->revision);
    case PodsModel::Phase:
        return text(a->phase, b->phase);
    case PodsModel::Ready:
        return a->readyContainers < b->readyContainers;
    case PodsModel::Restarts:
        return a->restarts < b->restarts;
    case PodsModel::Node:
        return text(a->node, b->node);
    case PodsModel::Age:
        return a->created < b->created;
    case PodsModel::Cluster:
        return text(leftModel->clusterName(), rightModel->clusterName());
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

void setUpPodsView(QTreeView* view, QSortFilterProxyModel* proxy, QAbstractItemModel* model)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(PodsModel::SortRole);
    view->setModel(proxy);
    view->setUniformRowHeights(true);
    view->setSortingEnabled(true);
    view->sortByColumn(PodsModel::Name, Qt::AscendingOrder);
    view->header()->setSectionResizeMode(QHeaderView::Interactive);
    for (const auto& [column, width] : {std::pair{int(PodsModel::Name), 270},
                                        {int(PodsModel::Revision), 150},
                                        {int(PodsModel::Phase), 120},
                                        {int(PodsModel::Ready), 60},
                                        {int(PodsModel::Restarts), 70},
                                        {int(PodsModel::Node), 120},
                                        {int(PodsModel::Cluster), 110}})
        view->header()->resizeSection(column, width);
    view->header()->moveSection(view->header()->visualIndex(PodsModel::Cluster), 0);
}

} // namespace veladesk
