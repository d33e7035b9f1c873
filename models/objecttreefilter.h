#pragma once
// Search and filter over the object tree (issue 15): text (matched against "kind/name", case
// insensitive; "pod/" finds every pod, "v2" every object named with v2), one kind, unhealthy
// only (Degraded, Missing, Unknown). Ancestors of a match stay shown (recursive filtering), so
// a match is always seen in its place.

#include <QSortFilterProxyModel>

namespace veladesk {

class ObjectTreeFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ObjectTreeFilter(QObject* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    void setKind(const QString& kind); // "" for every kind
    QString kind() const { return m_kind; }
    void setUnhealthyOnly(bool on);
    bool unhealthyOnly() const { return m_unhealthyOnly; }
    bool isFiltering() const { return !m_text.isEmpty() || !m_kind.isEmpty() || m_unhealthyOnly; }

    // The first / next / previous row (depth first, in proxy order) that matches the filter by
    // itself (not only as an ancestor of a match); invalid when there is none.
    QModelIndex firstMatch() const;
    QModelIndex nextMatch(const QModelIndex& from, bool backwards = false) const;
    bool matches(const QModelIndex& proxyIndex) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool matchesSource(const QModelIndex& sourceIndex) const;
    void changed();

    QString m_text;
    QString m_kind;
    bool m_unhealthyOnly = false;
};

} // namespace veladesk
