#pragma once
// The log/events pane: what VelaDesk did and what the server answered, with times.
// Append-only; the oldest entries are dropped past a limit.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace veladesk {

struct LogEntry
{
    enum class Level
    {
        Info,
        Success,
        Warning,
        Error
    };
    QDateTime time;
    Level level = Level::Info;
    QString source; // "veladesk", "server", "apply", "watch", "event"
    QString message;
};

class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Source,
        Message,
        ColumnCount
    };
    enum Role
    {
        LevelRole = Qt::UserRole + 1
    };

    explicit LogModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void append(LogEntry::Level level, const QString& source, const QString& message,
                const QDateTime& time = QDateTime::currentDateTime());
    void info(const QString& source, const QString& message)
    {
        append(LogEntry::Level::Info, source, message);
    }
    void success(const QString& source, const QString& message)
    {
        append(LogEntry::Level::Success, source, message);
    }
    void warning(const QString& source, const QString& message)
    {
        append(LogEntry::Level::Warning, source, message);
    }
    void error(const QString& source, const QString& message)
    {
        append(LogEntry::Level::Error, source, message);
    }
    void setLimit(int entries);
    void clear();
    const LogEntry& entry(int row) const { return m_entries[row]; }

private:
    QList<LogEntry> m_entries;
    int m_limit = 5000;
};

} // namespace veladesk
