#include "ui/applypane.h"

#include "models/plaintext.h"

#include <algorithm>

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace veladesk {

using kube::rollout::ApplyStep;
using kube::rollout::StepResult;

namespace {

// The engine's names of the steps and their states (kube::rollout::applyStepName(),
// stepStateName(): also the command line's), for lupdate; shown translated by the pane.
[[maybe_unused]] constexpr const char* kEngineNames[] = {
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "validate"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "lease"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "dry-run"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "appdeployment"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "deployments"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "readiness"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "services"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "endpoints"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "routing"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "read-back"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "scale-down"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "prune"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "status"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "not run"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "running"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "done"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "skipped"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "FAILED"),
    QT_TRANSLATE_NOOP("veladesk::ApplyPane", "cancelled")};

QString translated(const QString& engineName)
{
    return QCoreApplication::translate("veladesk::ApplyPane", engineName.toUtf8().constData());
}

QString stepName(ApplyStep step)
{
    return translated(kube::rollout::applyStepName(step));
}

} // namespace

namespace {
QColor stateColor(StepResult::State s)
{
    switch (s) {
    case StepResult::State::Done:
        return QColor(0x2e, 0xa0, 0x43);
    case StepResult::State::Running:
        return QColor(0x3b, 0x82, 0xc4);
    case StepResult::State::Failed:
        return QColor(0xd0, 0x30, 0x30);
    case StepResult::State::Cancelled:
        return QColor(0xe0, 0xa0, 0x00);
    case StepResult::State::Skipped:
    case StepResult::State::NotRun:
        return QColor(0x90, 0x90, 0x90);
    }
    return {};
}
} // namespace

ApplyPane::ApplyPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("applyPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    m_title = new QLabel(tr("Nothing applied yet."), this);
    m_title->setObjectName(QStringLiteral("applyTitle"));
    m_title->setTextFormat(Qt::PlainText); // names from the cluster
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("applyProgress"));
    m_progress->setRange(0, kube::rollout::applyStepCount);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(240);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelApplyButton"));
    m_cancel->setAccessibleName(tr("Cancel apply"));
    m_cancel->setToolTip(tr("Stop the apply between requests (Esc)"));
    m_cancel->setEnabled(false);
    top->addWidget(m_title, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);
    layout->addLayout(top);
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("applySteps"));
    m_steps->setAccessibleName(tr("Apply steps"));
    m_steps->setToolTip(tr("Each step of the apply: its state, what happened, the objects it "
                           "changed"));
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({tr("Step"), tr("State"), tr("What happened"), tr("Objects")});
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(3, QHeaderView::Interactive);
    m_steps->header()->setStretchLastSection(false);
    for (ApplyStep s : kube::rollout::allApplySteps()) {
        auto* item = new QTreeWidgetItem(m_steps, {stepName(s), tr("not run")});
        item->setForeground(1, stateColor(StepResult::State::NotRun));
    }
    layout->addWidget(m_steps, 1);
    m_report = new QLabel(this);
    m_report->setObjectName(QStringLiteral("applyReport"));
    m_report->setTextFormat(Qt::PlainText); // the server's messages
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_report);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_title->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
}

void ApplyPane::begin(const QString& what)
{
    m_running = true;
    m_title->setText(what);
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_report->clear();
    m_report->setPalette(QPalette());
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_steps->topLevelItem(i);
        item->setText(1, tr("not run"));
        item->setText(2, QString());
        item->setText(3, QString());
        item->setToolTip(2, QString());
        item->setToolTip(3, QString());
        item->setForeground(1, stateColor(StepResult::State::NotRun));
    }
}

void ApplyPane::stepStarted(ApplyStep step, const QString& description)
{
    QTreeWidgetItem* item = m_steps->topLevelItem(int(step));
    item->setText(1, tr("running"));
    item->setText(2, description);
    item->setToolTip(2, plainToolTip(description));
    item->setForeground(1, stateColor(StepResult::State::Running));
    m_steps->scrollToItem(item);
}

void ApplyPane::stepProgress(ApplyStep step, const QString& message)
{
    m_steps->topLevelItem(int(step))->setText(2, message);
    m_steps->topLevelItem(int(step))->setToolTip(2, plainToolTip(message));
}

void ApplyPane::stepFinished(const StepResult& result)
{
    QTreeWidgetItem* item = m_steps->topLevelItem(int(result.step));
    item->setText(1, translated(kube::rollout::stepStateName(result.state)));
    item->setText(2, result.message);
    item->setText(3, result.objects.join(QStringLiteral(", ")));
    item->setToolTip(2, plainToolTip(result.message)); // the whole line when the column elides
    item->setToolTip(3, plainToolTip(result.objects.join(QLatin1Char('\n'))));
    item->setForeground(1, stateColor(result.state));
    if (result.state == StepResult::State::Done || result.state == StepResult::State::Skipped)
        m_progress->setValue(std::max(m_progress->value(), int(result.step) + 1));
}

void ApplyPane::finished(const kube::rollout::ApplyReport& report)
{
    m_running = false;
    m_cancel->setEnabled(false);
    m_progress->setValue(0);
    for (const StepResult& s : report.steps)
        stepFinished(s);
    QStringList done, notDone;
    for (const StepResult& s : report.steps) {
        if (s.state == StepResult::State::Done)
            done << stepName(s.step);
        else if (s.state != StepResult::State::Skipped)
            notDone << stepName(s.step);
    }
    QPalette pal = palette();
    if (report.ok()) {
        m_progress->setValue(kube::rollout::applyStepCount);
        m_title->setText(tr("Applied."));
        QString text = tr("All steps done.");
        for (auto it = report.replicasManagedBy.cbegin(); it != report.replicasManagedBy.cend();
             ++it)
            text += QLatin1Char('\n') +
                    tr("Deployment/%1: replicas managed by HPA/%2 (spec.replicas not sent)")
                        .arg(it.key(), it.value().section(QLatin1Char('/'), 1));
        m_report->setText(text);
        pal.setColor(QPalette::WindowText, QColor(0x2e, 0xa0, 0x43));
    } else if (report.heldBy) {
        // refused before anything was written: another apply holds the Lease
        const kube::rollout::ApplyLeaseInfo& l = *report.heldBy;
        m_title->setText(tr("Apply refused: another apply is in progress."));
        m_report->setText(
            tr("Held by %1 since %2 (Lease %3/%4, renewed %5, expires %6 unless renewed).\n"
               "Nothing was changed. Apply again when that apply ends or its Lease expires.")
                .arg(l.holder,
                     (l.acquireTime.isValid() ? l.acquireTime : l.renewTime)
                         .toUTC()
                         .toString(Qt::ISODate),
                     l.namespaceName, l.name, l.renewTime.toUTC().toString(Qt::ISODate),
                     l.expiresAt().toUTC().toString(Qt::ISODate)));
        pal.setColor(QPalette::WindowText, QColor(0xc0, 0x80, 0x00));
    } else {
        const bool cancelled = report.status.kind == kube::Status::Kind::Cancelled;
        m_title->setText(cancelled ? tr("Cancelled.") : tr("Apply failed."));
        m_report->setText(
            tr("%1\nDone: %2\nNot done: %3")
                .arg(report.status.toString(),
                     done.isEmpty() ? tr("nothing") : done.join(QStringLiteral(", ")),
                     notDone.isEmpty() ? tr("nothing") : notDone.join(QStringLiteral(", "))));
        pal.setColor(QPalette::WindowText,
                     cancelled ? QColor(0xc0, 0x80, 0x00) : QColor(0xd0, 0x30, 0x30));
    }
    m_report->setPalette(pal);
}

void ApplyPane::failedToStart(const QString& message)
{
    m_running = false;
    m_cancel->setEnabled(false);
    m_title->setText(tr("Apply not started."));
    m_report->setText(message);
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_report->setPalette(pal);
}

QString ApplyPane::summary() const
{
    return m_title->text() + QLatin1Char('\n') + m_report->text();
}

int ApplyPane::heightForAllSteps() const
{
    const QMargins m = layout()->contentsMargins();
    const int top = std::max({m_title->sizeHint().height(), m_progress->sizeHint().height(),
                              m_cancel->sizeHint().height()});
    const int rowHeight = std::max(m_steps->sizeHintForRow(0), fontMetrics().height() + 2);
    const int tree = m_steps->header()->sizeHint().height() +
                     m_steps->topLevelItemCount() * rowHeight + 2 * m_steps->frameWidth() + 2;
    const int report = 3 * fontMetrics().lineSpacing();
    return m.top() + m.bottom() + top + tree + report + 2 * layout()->spacing();
}

QString ApplyPane::stepText(ApplyStep step) const
{
    const QTreeWidgetItem* item = m_steps->topLevelItem(int(step));
    return item->text(1) + QStringLiteral(": ") + item->text(2);
}

} // namespace veladesk
