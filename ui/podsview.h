#pragma once
// How the pods pane shows a PodsModel. Shared by the main window and bench_gui_stalls, so the
// benchmark measures the view operators get.

class QAbstractItemModel;
class QSortFilterProxyModel;
class QTreeView;

namespace veladesk {

// Sorts by pod name through `proxy` (PodsModel::SortRole) and gives the columns fixed widths:
// ResizeToContents would measure every row's text on each watch batch (measured: 60-250 ms
// stalls with 600 pods in bench_gui_stalls). `model`: a PodsModel, or a ClusterPodsModel (the
// PodsModel columns; the Cluster column is shown first).
void setUpPodsView(QTreeView* view, QSortFilterProxyModel* proxy, QAbstractItemModel* model);

} // namespace veladesk
