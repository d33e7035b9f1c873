#pragma once
// The lines of the Pod logs dock (issue 13, item 3): what one or more kube::PodLogStreams
// delivered, in arrival order, as one list. Bounded: at most maxLines() rows are kept (the
// oldest leave first, counted in droppedLines()). With several pods each line carries its pod
// (and container) and is shown prefixed "[pod/NAME/CONTAINER] " as `veladesk logs` and
// `kubectl logs --prefix` print it. A search string marks matching rows (MatchRole,
// BackgroundRole); the pane filters on MatchRole. Server text is plain text. No network.

#include "kube/podlogs.h"

#include <QAbstractListModel>

#include <deque>

namespace veladesk {

class PodLogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        TextRole = Qt::UserRole + 1, // the line without prefix
        PodRole,
        ContainerRole,
        TimestampRole, // the server's RFC 3339 timestamp text
        MatchRole      // bool: the line contains the search string
    };

    explicit PodLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setMaxLines(int lines); // drops the oldest rows now if there are more
    int maxLines() const { return m_maxLines; }
    // Prefix each line with [pod/NAME/CONTAINER] (several pods).
    void setPrefixed(bool prefixed);
    bool prefixed() const { return m_prefixed; }

    // Appends a batch of one pod's container (drops the oldest rows beyond maxLines()).
    void append(const QString& pod, const QString& container, const QList<kube::LogLine>& lines);
    void clear(); // also resets droppedLines()
    // Lines that left (or never entered) the ring because of maxLines().
    qint64 droppedLines() const { return m_dropped; }
    void addDropped(qint64 lines); // lines the streams dropped before delivering them

    // Case-insensitive; empty: nothing matches.
    void setSearch(const QString& text);
    QString search() const { return m_search; }
    int matchCount() const;

    // The displayed text of a row (with the prefix when prefixed()).
    QString lineText(int row) const;

Q_SIGNALS:
    void droppedChanged(qint64 dropped);

private:
    struct Line
    {
        QString pod;
        QString container;
        QByteArray timestamp;
        QString text;
    };
    bool matches(const Line& l) const;
    std::deque<Line> m_lines;
    int m_maxLines = 10000;
    qint64 m_dropped = 0;
    bool m_prefixed = false;
    QString m_search;
};

} // namespace veladesk
