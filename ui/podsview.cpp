#include "ui/podsview.h"

#include "models/podsmodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <utility>

namespace veladesk {

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
