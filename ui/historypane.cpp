#include "ui/historypane.h"

#include "kube/yamljson.h"
#include "models/rolloutcontroller.h"
#include "ui/diffhighlighter.h"

#include <QChart>
#include <QChartView>
#include <QFontDatabase>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace veladesk {

using kube::rollout::HistoryEntry;

HistoryPane::HistoryPane(RolloutController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_model(new HistoryModel(this))
{
    setObjectName(QStringLiteral("historyPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("historyTitle"));
    layout->addWidget(m_title);

    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QSplitter(Qt::Vertical, split);
    m_view = new QTableView(left);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setAccessibleName(tr("Apply history"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Select one entry to see what it changed, two to compare them"));
    m_view->horizontalHeader()->resizeSection(HistoryModel::Revision, 64);
    m_view->horizontalHeader()->resizeSection(HistoryModel::When, 140);
    m_view->horizontalHeader()->resizeSection(HistoryModel::Who, 130);
    m_view->horizontalHeader()->resizeSection(HistoryModel::Tool, 95);
    m_view->horizontalHeader()->resizeSection(HistoryModel::Result, 85);
    m_view->horizontalHeader()->resizeSection(HistoryModel::Weights, 120);

    auto* chart = new QChart;
    chart->setTitle(tr("Weight per revision over the history"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(0, 0, 0, 0));
    m_chartView = new QChartView(chart, left);
    m_chartView->setObjectName(QStringLiteral("historyChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(160);

    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_diffTitle = new QLabel(right);
    m_diffTitle->setObjectName(QStringLiteral("historyDiffTitle"));
    m_diff = new QPlainTextEdit(right);
    m_diff->setObjectName(QStringLiteral("historyDiff"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
    m_load = new QPushButton(tr("&Load into editor"), right);
    m_load->setObjectName(QStringLiteral("historyLoadButton"));
    m_load->setAccessibleName(tr("Load into editor"));
    m_load->setToolTip(tr("Put the selected entry's plan into the rollout editor as unapplied "
                          "edits; then preview and apply as usual"));
    rightLayout->addWidget(m_diffTitle);
    rightLayout->addWidget(m_diff, 1);
    rightLayout->addWidget(m_load, 0, Qt::AlignRight);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPane::updateSelection);
    connect(m_load, &QPushButton::clicked, this, &HistoryPane::loadIntoEditor);
    // A new entry, or one that finished: the chart, and the diff of what stays selected.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateChart();
            updateSelection();
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateChart();
        updateSelection();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HistoryPane::updateChart);
    if (m_controller) {
        connect(m_controller->planModel(), &RolloutPlanModel::planChanged, this,
                &HistoryPane::followPlan);
        connect(m_controller, &RolloutController::stateChanged, this,
                &HistoryPane::updateSelection);
    }
    followPlan();
    updateChart();
    updateSelection();
}

void HistoryPane::setStore(const NamespaceStore* store)
{
    m_model->setStore(store);
}

void HistoryPane::followPlan()
{
    // The AppDeployment of the application in the editor (none for a plan never applied).
    QString name;
    if (m_controller && !m_controller->application().isEmpty() &&
        !m_controller->planModel()->isNewPlan())
        name = m_controller->planModel()->appDeploymentName();
    m_model->setAppDeployment(name);
    updateTitle();
}

void HistoryPane::updateTitle()
{
    const QString name = m_model->appDeployment();
    const int n = m_model->rowCount();
    m_title->setText(name.isEmpty() ? tr("No AppDeployment selected: its apply history shows here.")
                     : n == 0
                         ? tr("appdeployment/%1: no history recorded yet").arg(name)
                         : tr("appdeployment/%1: %n entries (newest first)", nullptr, n).arg(name));
}

void HistoryPane::updateChart()
{
    updateTitle();
    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) {
        chart->removeAxis(a);
        delete a; // removeAxis() gives up ownership
    }
    const QList<HistoryModel::Series> timeline = m_model->timeline();
    auto* x = new QValueAxis;
    x->setTitleText(tr("history revision"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(5);
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    qint64 lo = 0, hi = 0;
    for (const HistoryModel::Series& s : timeline) {
        auto* line = new QLineSeries;
        line->setName(s.revisionName);
        // the rollout editor's split bar colours, in the same order
        static const QColor colors[] = {QColor(0x3b, 0x82, 0xc4), QColor(0xe0, 0x8a, 0x1e),
                                        QColor(0x3f, 0xa3, 0x4d), QColor(0xb0, 0x4a, 0xb8),
                                        QColor(0xd0, 0x4a, 0x4a), QColor(0x2a, 0xa1, 0x98)};
        QPen pen(colors[chart->series().size() % 6]);
        pen.setWidth(2);
        line->setPen(pen);
        line->setPointsVisible(true);
        for (const auto& [rev, weight] : s.points) {
            line->append(double(rev), weight);
            lo = lo == 0 ? rev : std::min(lo, rev);
            hi = std::max(hi, rev);
        }
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    x->setRange(double(lo), double(std::max(hi, lo + 1)));
    x->setTickCount(int(std::min<qint64>(std::max<qint64>(hi - lo + 1, 2), 11)));
    chart->legend()->setVisible(!timeline.isEmpty());
}

QList<qint64> HistoryPane::selectedRevisions() const
{
    QList<qint64> out;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        out << m_model->row(i.row()).entry.revision;
    std::sort(out.begin(), out.end());
    return out;
}

void HistoryPane::selectRevisions(const QList<qint64>& revisions)
{
    QItemSelection sel;
    for (qint64 r : revisions)
        if (const int row = m_model->rowOf(r); row >= 0)
            sel.select(m_model->index(row, 0), m_model->index(row, HistoryModel::ColumnCount - 1));
    m_view->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
}

void HistoryPane::updateSelection()
{
    const QList<qint64> revs = selectedRevisions();
    const bool applying = m_controller && m_controller->isApplying();
    m_load->setEnabled(revs.size() == 1 && !applying);
    if (revs.size() == 1) {
        const HistoryEntry& e = m_model->row(m_model->rowOf(revs.first())).entry;
        const bool hasPrevious = e.previousRevision > 0 && m_model->rowOf(e.previousRevision) >= 0;
        if (!hasPrevious) {
            m_diffTitle->setText(
                tr("Revision %1: the plan (no earlier entry kept)").arg(e.revision));
            m_diff->setPlainText(QString::fromUtf8(kube::toYaml(e.applied)));
            return;
        }
        const QString d = m_model->diff(e.previousRevision, e.revision);
        m_diffTitle->setText(tr("What revision %1 changed (against revision %2)")
                                 .arg(e.revision)
                                 .arg(e.previousRevision));
        m_diff->setPlainText(
            d.isEmpty() ? tr("(the same plan as revision %1)").arg(e.previousRevision) : d);
        return;
    }
    if (revs.size() == 2) {
        const QString d = m_model->diff(revs.first(), revs.last());
        m_diffTitle->setText(
            tr("Revision %1 against revision %2").arg(revs.first()).arg(revs.last()));
        m_diff->setPlainText(d.isEmpty() ? tr("(the two plans are the same)") : d);
        return;
    }
    m_diffTitle->setText(revs.isEmpty() ? tr("Select an entry to see its plan, two to compare them")
                                        : tr("Select at most two entries to compare"));
    m_diff->clear();
}

void HistoryPane::loadIntoEditor()
{
    const QList<qint64> revs = selectedRevisions();
    if (revs.size() != 1 || !m_controller)
        return;
    const HistoryEntry& e = m_model->row(m_model->rowOf(revs.first())).entry;
    kube::Result<kube::rollout::AppDeploymentPlan> plan = e.plan();
    if (!plan) {
        m_diffTitle->setText(plan.status.message);
        return;
    }
    if (m_controller->loadHistoryPlan(plan.value, e.revision))
        Q_EMIT planLoaded(e.revision);
}

} // namespace veladesk
