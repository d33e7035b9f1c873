#pragma once
// The Pod logs dock (issue 13, item 3): the log of the pod selected in the pods pane, or of
// every pod of the revision selected in the revisions pane (each line prefixed
// [pod/NAME/CONTAINER]), read by kube::PodLogStream (async: the GUI thread never waits on the
// network). Follow on/off, container choice, previous container, search (highlight, or only
// matching lines), copy, a bounded ring of lines (PodLogModel; "N lines dropped" shown), and
// the stream's state: a dropped connection is resumed by the stream, the pane says so.

#include "kube/client.h"
#include "kube/podlogs.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace veladesk {

class PodLogModel;

class PodLogsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PodLogsPane(QWidget* parent = nullptr);
    ~PodLogsPane() override;

    // Stops every stream; the next target is read through this client (none: not connected).
    void setConnection(std::shared_ptr<kube::Client> client, const QString& namespaceName);
    // The target: a pod, every pod of a revision, or nothing. Read while the pane is active.
    void showPod(const QString& name);
    void showRevision(const QString& revision);
    void clearTarget();
    QString target() const { return m_target; } // "pod/NAME", "revision/REV" or ""
    // The dock is shown: a target chosen while hidden is read now. Hidden: streams go on.
    void setActive(bool active);
    void setMaxLines(int lines);

    PodLogModel* model() const { return m_model; }
    QSortFilterProxyModel* filter() const { return m_filter; }
    QListView* view() const { return m_view; }
    QComboBox* containerPicker() const { return m_container; }
    QCheckBox* followBox() const { return m_follow; }
    QCheckBox* previousBox() const { return m_previous; }
    QLineEdit* searchEdit() const { return m_search; }
    QCheckBox* onlyMatchingBox() const { return m_onlyMatching; }
    QPushButton* copyButton() const { return m_copy; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* stateLabel() const { return m_state; }
    QLabel* droppedLabel() const { return m_droppedLabel; }
    QList<kube::PodLogStream*> streams() const;
    QList<QJsonObject> pods() const { return m_pods; }

    // Copies the selected lines (all shown lines when none is selected); returns how many.
    int copyLines();

Q_SIGNALS:
    void streamsStarted(); // the target's pods are known and their streams were started

private:
    void setTarget(const QString& target);
    void resolve();
    void startStreams();
    void stopStreams();
    void updateState();
    void updateCounts();

    struct StreamEntry;
    std::shared_ptr<kube::Client> m_client;
    QString m_namespace;
    QString m_target;
    QString m_resolved; // the target the streams read
    bool m_active = false;
    quint64 m_generation = 0;
    QList<QJsonObject> m_pods;
    bool m_multiple = false; // lines prefixed with their pod
    std::vector<std::unique_ptr<StreamEntry>> m_streams;
    QString m_resolveError;
    bool m_resolving = false;
    bool m_stickToBottom = true;

    PodLogModel* m_model;
    QSortFilterProxyModel* m_filter;
    QLabel* m_title;
    QComboBox* m_container;
    QCheckBox* m_follow;
    QCheckBox* m_previous;
    QLineEdit* m_search;
    QCheckBox* m_onlyMatching;
    QPushButton* m_copy;
    QListView* m_view;
    QLabel* m_state;
    QLabel* m_counts;
    QLabel* m_droppedLabel;
};

} // namespace veladesk
