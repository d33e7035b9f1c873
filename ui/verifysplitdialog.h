#pragma once
// "Verify split" (issue 12): sends requests through a gateway with the route's Host header
// (kube::rollout::ProbeJob, on a thread of its own: the GUI thread never waits) and shows the
// observed share of each revision against its configured weight, with the 95 % interval, as a
// bar chart and a table. Progress while it runs, Cancel, the probe's summary as plain text.

#include "kube/rollout/plan.h"
#include "kube/rollout/probe.h"

#include <QDialog>

class QChart;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace veladesk {

// What a plan says about its routing API, for display: "HTTPRoute (veladesk.io/routing)", or
// "chosen at apply: ..." without the annotation, or the annotation's problem.
QString plannedRoutingText(const kube::rollout::AppDeploymentPlan& plan);

class VerifySplitDialog : public QDialog
{
    Q_OBJECT
public:
    explicit VerifySplitDialog(QWidget* parent = nullptr);
    ~VerifySplitDialog() override;

    // The plan whose weights the observed split is compared with (the rule a GET of the URL's
    // path reaches) and whose first host is the default Host header.
    void setPlan(const kube::rollout::AppDeploymentPlan& plan);
    void setUrl(const QString& url);
    void setRequests(int requests);

    bool isRunning() const;
    const kube::rollout::ProbeResult& lastResult() const { return m_result; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void probeFinished(const kube::rollout::ProbeResult& result);

protected:
    void reject() override;

private:
    void showResult(const kube::rollout::ProbeResult& result, bool done);
    void updateChart(const kube::rollout::ProbeResult& result);
    void updateTable(const kube::rollout::ProbeResult& result);
    void setRunning(bool running);

    kube::rollout::AppDeploymentPlan m_plan;
    kube::rollout::ProbeResult m_result;
    kube::rollout::ProbeJob* m_job = nullptr;
    QLabel* m_target;
    QLineEdit* m_url;
    QLineEdit* m_host;
    QSpinBox* m_requests;
    QSpinBox* m_concurrency;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QChart* m_chart;
    QTableWidget* m_table;
    QLabel* m_summary;
};

} // namespace veladesk
