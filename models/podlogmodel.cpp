#include "models/podlogmodel.h"

#include "models/plaintext.h"

#include <QBrush>
#include <QColor>

namespace veladesk {

PodLogModel::PodLogModel(QObject* parent) : QAbstractListModel(parent) {}

int PodLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QString PodLogModel::lineText(int row) const
{
    const Line& l = m_lines[size_t(row)];
    if (!m_prefixed)
        return l.text;
    return QStringLiteral("[pod/%1/%2] %3").arg(l.pod, l.container, l.text);
}

bool PodLogModel::matches(const Line& l) const
{
    return !m_search.isEmpty() && l.text.contains(m_search, Qt::CaseInsensitive);
}

QVariant PodLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& l = m_lines[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return lineText(index.row());
    case Qt::ToolTipRole: // where and when, as plain text (the line is the server's)
        return plainToolTip(QStringLiteral("pod/%1/%2 %3")
                                .arg(l.pod, l.container, QString::fromLatin1(l.timestamp)));
    case TextRole:
        return l.text;
    case PodRole:
        return l.pod;
    case ContainerRole:
        return l.container;
    case TimestampRole:
        return QString::fromLatin1(l.timestamp);
    case MatchRole:
        return matches(l);
    case Qt::BackgroundRole:
        if (matches(l))
            return QBrush(QColor(255, 230, 120));
        return {};
    case Qt::ForegroundRole:
        if (matches(l))
            return QBrush(Qt::black); // readable on the highlight in a dark palette too
        return {};
    default:
        return {};
    }
}

void PodLogModel::setMaxLines(int lines)
{
    m_maxLines = qMax(1, lines);
    const qsizetype excess = qsizetype(m_lines.size()) - m_maxLines;
    if (excess > 0) {
        beginRemoveRows({}, 0, int(excess - 1));
        m_lines.erase(m_lines.begin(), m_lines.begin() + excess);
        endRemoveRows();
        m_dropped += excess;
        Q_EMIT droppedChanged(m_dropped);
    }
}

void PodLogModel::setPrefixed(bool prefixed)
{
    if (m_prefixed == prefixed)
        return;
    m_prefixed = prefixed;
    if (!m_lines.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

void PodLogModel::append(const QString& pod, const QString& container,
                         const QList<kube::LogLine>& lines)
{
    if (lines.isEmpty())
        return;
    // Only the newest maxLines of the batch can stay.
    const qsizetype skip = qMax<qsizetype>(0, lines.size() - m_maxLines);
    const qsizetype incoming = lines.size() - skip;
    const qsizetype excess = qsizetype(m_lines.size()) + incoming - m_maxLines;
    qint64 dropped = skip;
    if (excess > 0) {
        beginRemoveRows({}, 0, int(excess - 1));
        m_lines.erase(m_lines.begin(), m_lines.begin() + excess);
        endRemoveRows();
        dropped += excess;
    }
    const int first = rowCount();
    beginInsertRows({}, first, int(first + incoming - 1));
    for (qsizetype i = skip; i < lines.size(); ++i) {
        const kube::LogLine& l = lines[i];
        m_lines.push_back(Line{pod, container, l.timestamp, l.text});
    }
    endInsertRows();
    if (dropped > 0) {
        m_dropped += dropped;
        Q_EMIT droppedChanged(m_dropped);
    }
}

void PodLogModel::addDropped(qint64 lines)
{
    if (lines <= 0)
        return;
    m_dropped += lines;
    Q_EMIT droppedChanged(m_dropped);
}

void PodLogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
    if (m_dropped != 0) {
        m_dropped = 0;
        Q_EMIT droppedChanged(0);
    }
}

void PodLogModel::setSearch(const QString& text)
{
    if (m_search == text)
        return;
    m_search = text;
    if (!m_lines.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {MatchRole, Qt::BackgroundRole, Qt::ForegroundRole});
}

int PodLogModel::matchCount() const
{
    if (m_search.isEmpty())
        return 0;
    int n = 0;
    for (const Line& l : m_lines)
        n += matches(l) ? 1 : 0;
    return n;
}

} // namespace veladesk
