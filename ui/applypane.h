#pragma once
// Progress of an apply, one line per step of the engine (the 13 of kube::rollout::allApplySteps():
// validate, dry-run, lease, appdeployment, deployments, readiness, services, endpoints,
// virtualservice, read-back, scale-down, prune, status), with what each step did; after a
// failure or a cancel, a report of what was and was not done. An apply refused because another
// apply holds the AppDeployment's Lease names that holder and since when; Deployments whose
// replicas an HPA scales are listed after a successful apply. Server text is plain text.

#include "kube/rollout/applier.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace veladesk {

class ApplyPane : public QWidget
{
    Q_OBJECT
public:
    explicit ApplyPane(QWidget* parent = nullptr);

    void begin(const QString& what);
    void stepStarted(kube::rollout::ApplyStep step, const QString& description);
    void stepProgress(kube::rollout::ApplyStep step, const QString& message);
    void stepFinished(const kube::rollout::StepResult& result);
    void finished(const kube::rollout::ApplyReport& report);
    void failedToStart(const QString& message);

    bool isRunning() const { return m_running; }
    QString summary() const;
    QString stepText(kube::rollout::ApplyStep step) const;
    // The height that shows every step (all 13) and three lines of report without scrolling.
    int heightForAllSteps() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel* m_title;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QTreeWidget* m_steps;
    QLabel* m_report;
    bool m_running = false;
};

} // namespace veladesk
