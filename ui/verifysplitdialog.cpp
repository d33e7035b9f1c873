#include "ui/verifysplitdialog.h"

#include "kube/rollout/routing.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QValueAxis>

namespace veladesk {

using namespace kube::rollout;

namespace {

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', 1);
}

const QColor kConfigured(0x9e, 0x9e, 0x9e);
const QColor kObserved(0x2e, 0x7d, 0x32);
const QColor kOutside(0xc6, 0x28, 0x28);

} // namespace

QString plannedRoutingText(const AppDeploymentPlan& plan)
{
    const kube::Result<std::optional<RoutingApi>> planned = plannedRouting(plan);
    if (!planned)
        return planned.status.message;
    if (planned.value)
        return QStringLiteral("%1 (%2)").arg(routingKind(*planned.value),
                                             QLatin1String(routingAnnotation));
    return VerifySplitDialog::tr("chosen at apply: the API it was last applied with, else "
                                 "VirtualService when Istio's API is served, else HTTPRoute");
}

VerifySplitDialog::VerifySplitDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Verify split"));
    setObjectName(QStringLiteral("verifySplitDialog"));
    auto* layout = new QVBoxLayout(this);

    m_target = new QLabel(this);
    m_target->setObjectName(QStringLiteral("probeTarget"));
    m_target->setTextFormat(Qt::PlainText);
    m_target->setWordWrap(true);
    layout->addWidget(m_target);

    auto* form = new QFormLayout;
    m_url = new QLineEdit(QStringLiteral("http://127.0.0.1:18080/"), this);
    m_url->setObjectName(QStringLiteral("probeUrl"));
    m_url->setToolTip(tr("The gateway's URL (http or https; TLS is always verified)"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("probeHost"));
    m_requests = new QSpinBox(this);
    m_requests->setObjectName(QStringLiteral("probeRequests"));
    m_requests->setRange(1, 100000);
    m_requests->setValue(1000);
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("probeConcurrency"));
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(8);
    m_concurrency->setToolTip(tr("Requests in flight at a time"));
    auto* counts = new QHBoxLayout;
    counts->addWidget(m_requests);
    counts->addWidget(new QLabel(tr("in flight:"), this));
    counts->addWidget(m_concurrency);
    counts->addStretch();
    form->addRow(tr("Gateway &URL:"), m_url);
    form->addRow(tr("&Host header:"), m_host);
    form->addRow(tr("Requests:"), counts);
    layout->addLayout(form);

    auto* run = new QHBoxLayout;
    m_start = new QPushButton(tr("&Probe"), this);
    m_start->setObjectName(QStringLiteral("startProbe"));
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("&Stop"), this);
    m_cancel->setObjectName(QStringLiteral("cancelProbe"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("probeProgress"));
    m_progress->setFormat(tr("%v of %m requests"));
    run->addWidget(m_start);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    layout->addLayout(run);

    m_chart = new QChart;
    m_chart->setTitle(tr("Share of requests per revision"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    auto* view = new QChartView(m_chart, this);
    view->setObjectName(QStringLiteral("splitChart"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    layout->addWidget(view, 1);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("splitTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Revision"), tr("Configured"), tr("Observed"), tr("95 % interval"), tr("Responses")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setMaximumHeight(180);
    layout->addWidget(m_table);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("probeSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_start, &QPushButton::clicked, this, &VerifySplitDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &VerifySplitDialog::cancel);
    setRunning(false);
    resize(680, 680);
}

VerifySplitDialog::~VerifySplitDialog() = default; // the job (a child) cancels and ends

void VerifySplitDialog::setPlan(const AppDeploymentPlan& plan)
{
    m_plan = plan;
    const ConfiguredSplit split = configuredSplit(plan, QUrl(m_url->text()).path());
    m_target->setText(
        tr("AppDeployment %1/%2; routing: %3; hosts: %4")
            .arg(plan.namespaceName, plan.name, plannedRoutingText(plan),
                 plan.traffic ? plan.traffic->hosts.join(QStringLiteral(", ")) : tr("none")));
    m_host->setPlaceholderText(split.host.isEmpty() ? tr("the URL's host") : split.host);
    m_table->setRowCount(0);
    m_summary->clear();
    ProbeResult empty;
    for (auto it = split.weights.cbegin(); it != split.weights.cend(); ++it) {
        RevisionShare s;
        s.revision = it.key();
        s.configured = it.value() / 100.0;
        s.isConfigured = true;
        empty.revisions << s;
    }
    updateChart(empty);
}

void VerifySplitDialog::setUrl(const QString& url)
{
    m_url->setText(url);
}

void VerifySplitDialog::setRequests(int requests)
{
    m_requests->setValue(requests);
}

bool VerifySplitDialog::isRunning() const
{
    return m_job != nullptr;
}

void VerifySplitDialog::start()
{
    if (m_job)
        return;
    ProbeOptions o;
    o.url = m_url->text().trimmed();
    const ConfiguredSplit split = configuredSplit(m_plan, QUrl(o.url).path());
    if (split.rule < 0) {
        m_summary->setText(tr("Nothing to compare with: %1").arg(split.problem));
        return;
    }
    o.host = m_host->text().trimmed().isEmpty() ? split.host : m_host->text().trimmed();
    o.requests = m_requests->value();
    o.concurrency = m_concurrency->value();
    o.configured = split.weights;
    if (const kube::Status s = validateProbeOptions(o); !s.ok()) {
        m_summary->setText(s.message);
        return;
    }
    m_job = new ProbeJob(o, this);
    // Emitted on the job's thread, received here (queued): the GUI thread never waits.
    connect(m_job, &ProbeJob::progress, this,
            [this](const ProbeResult& partial) { showResult(partial, false); });
    connect(m_job, &ProbeJob::finished, this, [this](const ProbeResult& result) {
        m_job->deleteLater();
        m_job = nullptr;
        setRunning(false);
        showResult(result, true);
        Q_EMIT probeFinished(result);
    });
    m_progress->setRange(0, o.requests);
    m_progress->setValue(0);
    m_summary->setText(tr("Probing %1 with Host %2...").arg(o.url, o.host));
    setRunning(true);
    m_job->start();
}

void VerifySplitDialog::cancel()
{
    if (m_job)
        m_job->cancel(); // finished() follows within 50 ms, saying cancelled
}

void VerifySplitDialog::reject()
{
    cancel();
    QDialog::reject();
}

void VerifySplitDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_url->setEnabled(!running);
    m_host->setEnabled(!running);
    m_requests->setEnabled(!running);
    m_concurrency->setEnabled(!running);
}

void VerifySplitDialog::showResult(const ProbeResult& result, bool done)
{
    m_result = result;
    m_progress->setValue(result.completed);
    updateChart(result);
    updateTable(result);
    if (done)
        m_summary->setText(result.summary());
    else
        m_summary->setText(tr("%1 of %2 requests answered, %3 attributed...")
                               .arg(result.answered)
                               .arg(result.requested)
                               .arg(result.attributed));
}

void VerifySplitDialog::updateChart(const ProbeResult& result)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis; // removeAxis() gives up ownership
    }

    auto* configured = new QBarSet(tr("Configured"));
    configured->setColor(kConfigured);
    auto* observed = new QBarSet(tr("Observed"));
    observed->setColor(kObserved);
    observed->setSelectedColor(kOutside); // a revision outside its interval
    QStringList categories;
    for (const RevisionShare& s : result.revisions) {
        categories << s.revision;
        *configured << s.configured * 100.0;
        *observed << s.observed * 100.0;
    }
    bool anyOutside = false;
    for (int i = 0; i < result.revisions.size(); ++i)
        if (result.revisions.at(i).outside && result.attributed > 0) {
            observed->selectBar(i);
            anyOutside = true;
        }
    m_chart->setTitle(anyOutside ? tr("Share of requests per revision (red: the configured share "
                                      "lies outside the 95 % interval)")
                                 : tr("Share of requests per revision"));
    auto* bars = new QBarSeries;
    bars->append(configured);
    bars->append(observed);
    m_chart->addSeries(bars);

    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %"));
    y->setTickCount(6);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);

    // The 95 % interval of each observed share, as an error bar over its bar: a hidden value
    // axis with the category axis's range (category i spans i - 0.5 .. i + 0.5; with two sets
    // and the default bar width 0.5 the observed bar is centred at i + 0.125).
    if (result.attributed > 0 && !result.revisions.isEmpty()) {
        auto* xv = new QValueAxis;
        xv->setRange(-0.5, result.revisions.size() - 0.5);
        xv->setVisible(false);
        m_chart->addAxis(xv, Qt::AlignBottom);
        const double cap = 0.05;
        for (int i = 0; i < result.revisions.size(); ++i) {
            const RevisionShare& s = result.revisions.at(i);
            const double cx = i + 0.125, lo = s.interval.low * 100.0, hi = s.interval.high * 100.0;
            auto* bar = new QLineSeries;
            bar->setName(tr("95 % interval"));
            bar->append({{cx - cap, lo},
                         {cx + cap, lo},
                         {cx, lo},
                         {cx, hi},
                         {cx - cap, hi},
                         {cx + cap, hi}});
            QPen pen(s.outside ? kOutside : Qt::black);
            pen.setWidthF(2);
            bar->setPen(pen);
            m_chart->addSeries(bar);
            bar->attachAxis(xv);
            bar->attachAxis(y);
            QLegendMarker* marker = m_chart->legend()->markers(bar).value(0);
            if (i > 0) // one legend entry for all
                marker->setVisible(false);
            else
                marker->setBrush(Qt::black);
        }
    }
}

void VerifySplitDialog::updateTable(const ProbeResult& result)
{
    m_table->setRowCount(int(result.revisions.size()));
    for (int i = 0; i < result.revisions.size(); ++i) {
        const RevisionShare& s = result.revisions.at(i);
        const QStringList cells = {
            s.revision,
            s.isConfigured ? percent(s.configured) : tr("not configured"),
            percent(s.observed),
            QStringLiteral("%1 - %2").arg(percent(s.interval.low), percent(s.interval.high)),
            QString::number(s.responses),
        };
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (s.outside && result.attributed > 0) {
                item->setForeground(kOutside);
                item->setToolTip(tr("the configured share lies outside the 95 % interval"));
            }
            m_table->setItem(i, c, item);
        }
    }
}

} // namespace veladesk
