#pragma once
// How the pods pane shows a PodsModel. Shared by the main window and bench_gui_stalls, so the
// benchmark measures the view operators get.

class QSortFilterProxyModel;
class QTreeView;

namespace veladesk {

class PodsModel;

// Sorts by pod name through `proxy` (PodsModel::SortRole) and gives the columns fixed widths:
// ResizeToContents would measure every row's text on each watch batch (measured: 60-250 ms
// stalls with 600 pods in bench_gui_stalls).
void setUpPodsView(QTreeView* view, QSortFilterProxyModel* proxy, PodsModel* model);

} // namespace veladesk
