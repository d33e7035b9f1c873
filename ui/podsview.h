#pragma once
// How the pods pane shows a PodsModel. Shared by the main window and bench_gui_stalls, so the
// benchmark measures the view operators get.

#include <QSortFilterProxyModel>

class QAbstractItemModel;
class QTreeView;

namespace veladesk {

class ClusterPodsModel;
class PodsModel;
struct PodRow;

// The pods pane's sorting proxy over a PodsModel or a ClusterPodsModel. It sorts as a plain
// QSortFilterProxyModel on PodsModel::SortRole does (the same order, ties in source order),
// but compares the rows' fields directly: no QVariant, no data() call per comparison
// (measured: the QVariant path was 17 % of the GUI thread's samples under a burst of events).
class PodsProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSourceModel(QAbstractItemModel* model) override;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    // The pod behind a row of the source model (nullptr for another kind of source), and the
    // PodsModel it is in.
    const PodRow* podAt(int sourceRow, const PodsModel** model = nullptr) const;

private:
    const PodsModel* m_pods = nullptr;
    const ClusterPodsModel* m_clusterPods = nullptr;
};

// Sorts by pod name through `proxy` (PodsModel::SortRole) and gives the columns fixed widths:
// ResizeToContents would measure every row's text on each watch batch (measured: 60-250 ms
// stalls with 600 pods in bench_gui_stalls). `model`: a PodsModel, or a ClusterPodsModel (the
// PodsModel columns; the Cluster column is shown first). `proxy` should be a PodsProxy.
void setUpPodsView(QTreeView* view, QSortFilterProxyModel* proxy, QAbstractItemModel* model);

} // namespace veladesk
