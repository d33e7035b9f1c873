#include "models/logmodel.h"

#include "models/plaintext.h"

#include <QColor>

namespace veladesk {

LogModel::LogModel(QObject* parent) : QAbstractTableModel(parent) {}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Source:
        return tr("Source");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry& e = m_entries[index.row()];
    switch (role) {
    case LevelRole:
        return int(e.level);
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Source:
            return e.source;
        case Message:
            return e.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Time ? e.time.toString(Qt::ISODateWithMs)
                                      : plainToolTip(e.message); // server text among them
    case Qt::ForegroundRole:
        if (index.column() != Message)
            return {};
        switch (e.level) {
        case LogEntry::Level::Error:
            return QColor(0xd0, 0x30, 0x30);
        case LogEntry::Level::Warning:
            return QColor(0xc0, 0x80, 0x00);
        case LogEntry::Level::Success:
            return QColor(0x2e, 0xa0, 0x43);
        case LogEntry::Level::Info:
            return {};
        }
        return {};
    default:
        return {};
    }
}

void LogModel::append(LogEntry::Level level, const QString& source, const QString& message,
                      const QDateTime& time)
{
    if (m_entries.size() >= m_limit) {
        const int drop = int(m_entries.size()) - m_limit + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int at = int(m_entries.size());
    beginInsertRows({}, at, at);
    m_entries.append({time, level, source, message});
    endInsertRows();
}

void LogModel::setLimit(int entries)
{
    m_limit = std::max(1, entries);
    if (m_entries.size() > m_limit) {
        const int drop = int(m_entries.size()) - m_limit;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
}

void LogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_entries.size()) - 1);
    m_entries.clear();
    endRemoveRows();
}

} // namespace veladesk
