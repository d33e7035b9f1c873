#pragma once
// Preview of an apply: the YAML VelaDesk would write (rendered offline at once) and, when the
// server answered, one entry per object with what changes (create / update / unchanged /
// delete) and its unified diff against the live object from a server-side dry-run.

#include "kube/rollout/diff.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace veladesk {

class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(QWidget* parent = nullptr);

    void clear();
    // The objects the plan renders to (AppDeployment first); shown as the "All objects" entry.
    void setRendered(const QList<QJsonObject>& objects);
    void setBusy(const QString& message);
    void setDiffs(const QList<kube::rollout::ObjectDiff>& diffs);
    void setError(const QString& message);
    // The plan changed after this preview: say so (the content stays for reference).
    void markStale();
    bool isStale() const { return m_stale; }

    int objectCount() const;
    QString entryText(int row) const;
    QString currentText() const;
    void selectEntry(int row);

private:
    void showEntry(int row);

    QLabel* m_status;
    QListWidget* m_list;
    QPlainTextEdit* m_text;
    QString m_renderedYaml;
    QList<kube::rollout::ObjectDiff> m_diffs;
    bool m_stale = false;
};

} // namespace veladesk
