#include "models/objecttreefilter.h"

#include "kube/rollout/inspect.h"
#include "models/objecttreemodel.h"

namespace veladesk {

ObjectTreeFilter::ObjectTreeFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    // Age repaints (DisplayRole) every second must not re-run the filter on every row.
    setFilterRole(ObjectTreeModel::SearchRole);
}

void ObjectTreeFilter::changed()
{
    invalidateRowsFilter();
}

void ObjectTreeFilter::setText(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == m_text)
        return;
    m_text = t;
    changed();
}

void ObjectTreeFilter::setKind(const QString& kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    changed();
}

void ObjectTreeFilter::setUnhealthyOnly(bool on)
{
    if (on == m_unhealthyOnly)
        return;
    m_unhealthyOnly = on;
    changed();
}

bool ObjectTreeFilter::matchesSource(const QModelIndex& i) const
{
    if (!m_kind.isEmpty() && i.data(ObjectTreeModel::KindRole).toString() != m_kind)
        return false;
    if (m_unhealthyOnly && !kube::rollout::isUnhealthy(
                               kube::rollout::Health(i.data(ObjectTreeModel::HealthRole).toInt())))
        return false;
    if (!m_text.isEmpty() && !i.data(ObjectTreeModel::SearchRole).toString().contains(m_text))
        return false;
    return true;
}

bool ObjectTreeFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!isFiltering())
        return true;
    return matchesSource(sourceModel()->index(sourceRow, 0, sourceParent));
}

bool ObjectTreeFilter::matches(const QModelIndex& proxyIndex) const
{
    return proxyIndex.isValid() && isFiltering() && matchesSource(mapToSource(proxyIndex));
}

QModelIndex ObjectTreeFilter::firstMatch() const
{
    return nextMatch({});
}

QModelIndex ObjectTreeFilter::nextMatch(const QModelIndex& from, bool backwards) const
{
    // Depth-first order of every row of the proxy.
    QList<QModelIndex> order;
    QList<QModelIndex> stack;
    for (int r = rowCount() - 1; r >= 0; --r)
        stack << index(r, 0);
    while (!stack.isEmpty()) {
        const QModelIndex i = stack.takeLast();
        order << i;
        for (int r = rowCount(i) - 1; r >= 0; --r)
            stack << index(r, 0, i);
    }
    const QModelIndex start = from.sibling(from.row(), 0);
    qsizetype at = start.isValid() ? order.indexOf(start) : -1;
    const qsizetype n = order.size();
    for (qsizetype step = 1; step <= n; ++step) {
        qsizetype k;
        if (at < 0)
            k = backwards ? n - step : step - 1;
        else
            k = ((backwards ? at - step : at + step) % n + n) % n;
        if (matches(order[k]))
            return order[k];
    }
    return {};
}

} // namespace veladesk
