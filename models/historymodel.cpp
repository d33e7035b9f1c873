#include "models/historymodel.h"

#include "kube/rollout/diff.h"
#include "kube/yamljson.h"
#include "models/namespacestore.h"

#include <QColor>
#include <QSet>
#include <algorithm>

namespace veladesk {

using kube::rollout::HistoryEntry;
using kube::rollout::HistoryResult;

HistoryModel::HistoryModel(QObject* parent) : KeyedTableModel(parent) {}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Revision:
        return tr("Revision");
    case When:
        return tr("When (UTC)");
    case Who:
        return tr("Who");
    case Tool:
        return tr("Tool");
    case Result:
        return tr("Result");
    case Weights:
        return tr("Weights");
    case ChangeCause:
        return tr("Change cause");
    default:
        return {};
    }
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRow& r = m_rows[index.row()];
    const HistoryEntry& e = r.entry;
    if (role == RevisionRole)
        return QVariant::fromValue(e.revision);
    if (role == ResultRole)
        return kube::rollout::historyResultName(r.shown);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Revision:
            return QString::number(e.revision);
        case When:
            return e.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Who:
            return e.who();
        case Tool:
            return e.tool;
        case Result:
            return kube::rollout::historyResultName(r.shown);
        case Weights: {
            // As the editor's split bar names them: "v1 20%  v2 80%" (full names in the tooltip)
            const QMap<QString, int> w = e.weights();
            if (w.isEmpty())
                return tr("no traffic routing");
            QStringList parts;
            for (auto it = w.begin(); it != w.end(); ++it)
                parts << QStringLiteral("%1 %2%")
                             .arg(it.key().section(QLatin1Char('-'), -1))
                             .arg(it.value());
            return parts.join(QStringLiteral("  "));
        }
        case ChangeCause:
            return e.changeCause;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Weights)
            return e.weightsSummary();
        if (index.column() == Result && !e.message.isEmpty())
            return e.message;
        if (index.column() == Who)
            return tr("kubeconfig user %1 on %2\napply %3").arg(e.kubeconfigUser, e.host, e.holder);
        if (index.column() == When && e.finishedAt.isValid())
            return tr("finished %1").arg(e.finishedAt.toUTC().toString(Qt::ISODate));
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Result) {
        if (r.shown == HistoryResult::Failed || r.shown == HistoryResult::Interrupted)
            return QColor(0xb0, 0x20, 0x20);
        if (r.shown == HistoryResult::Succeeded)
            return QColor(0x20, 0x80, 0x30);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Revision)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void HistoryModel::setStore(const NamespaceStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (store)
        store->follow(this, {NamespaceStore::Kind::History}, [this] { refresh(); });
    refresh();
}

void HistoryModel::setAppDeployment(const QString& name)
{
    if (name == m_appDeployment)
        return;
    beginResetModel();
    m_rows.clear();
    m_appDeployment = name;
    endResetModel();
    refresh();
}

void HistoryModel::refresh()
{
    QList<HistoryRow> next;
    if (m_store && !m_appDeployment.isEmpty())
        for (const HistoryEntry& e : m_store->history())
            if (e.appDeployment == m_appDeployment)
                next << HistoryRow{e, e.result};
    std::sort(next.begin(), next.end(), [](const HistoryRow& a, const HistoryRow& b) {
        return a.entry.revision > b.entry.revision;
    });
    // Running under a newer entry: that apply lost its Lease or its process.
    for (qsizetype i = 1; i < next.size(); ++i)
        next[i].shown = next[i].entry.effectiveResult(false);
    replaceRows(m_rows, next, [](const HistoryRow& r) { return r.entry.name; });
}

int HistoryModel::rowOf(qint64 revision) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].entry.revision == revision)
            return int(i);
    return -1;
}

QList<HistoryModel::Series> HistoryModel::timeline() const
{
    QStringList names;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        const QMap<QString, int> w = it->entry.weights();
        for (auto n = w.begin(); n != w.end(); ++n)
            if (!names.contains(n.key()))
                names << n.key();
    }
    QList<Series> out;
    for (const QString& name : std::as_const(names)) {
        Series s{name, {}};
        for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
            const QMap<QString, int> w = it->entry.weights();
            if (!w.isEmpty()) // a plan without traffic routes nothing: no point, not 0
                s.points << qMakePair(it->entry.revision, w.value(name));
        }
        out << s;
    }
    return out;
}

QString HistoryModel::diff(qint64 from, qint64 to) const
{
    const int a = rowOf(from), b = rowOf(to);
    if (a < 0 || b < 0)
        return {};
    auto yaml = [this](int row) {
        return kube::toYaml(m_rows[row].entry.applied.value(QLatin1String("spec")));
    };
    return kube::rollout::unifiedDiff(yaml(a), yaml(b),
                                      tr("%1 revision %2").arg(m_appDeployment).arg(from),
                                      tr("%1 revision %2").arg(m_appDeployment).arg(to));
}

} // namespace veladesk
