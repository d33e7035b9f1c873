#include "ui/placementsdialog.h"

#include "kube/rollout/multicluster.h"
#include "models/rolloutplanmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace veladesk {

namespace {

const char* kSettingsKey = "clusters/contexts";

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setVisible(false);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    return t;
}

} // namespace

kube::rollout::ClusterContexts PlacementsDialog::savedClusterContexts()
{
    QSettings settings;
    const QStringList entries = settings.value(QLatin1String(kSettingsKey)).toStringList();
    kube::Result<kube::rollout::ClusterContexts> parsed =
        kube::rollout::ClusterContexts::parse(entries);
    return parsed ? parsed.value : kube::rollout::ClusterContexts{};
}

PlacementsDialog::PlacementsDialog(RolloutPlanModel* model, const QStringList& contexts,
                                   const QString& homeContext, QWidget* parent)
    : QDialog(parent), m_model(model)
{
    setWindowTitle(tr("Placement per cluster"));
    setObjectName(QStringLiteral("placementsDialog"));
    auto* layout = new QVBoxLayout(this);
    const kube::rollout::ClusterContexts saved = savedClusterContexts();
    const QString home = saved.clusterOf(homeContext);
    auto* intro = new QLabel(
        tr("Replicas of each revision per cluster. An empty cluster is the home cluster, the "
           "current context (%1), where the AppDeployment lives. The route goes to every "
           "cluster that runs a revision with weight > 0; Apply grows and readies every "
           "cluster before routing changes anywhere.")
            .arg(homeContext.isEmpty() ? tr("not connected") : homeContext),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* placementsBox = new QGroupBox(tr("Placements"), this);
    auto* pl = new QVBoxLayout(placementsBox);
    m_placements = makeTable({tr("Revision"), tr("Cluster"), tr("Replicas")}, placementsBox);
    m_placements->setObjectName(QStringLiteral("placementsTable"));
    m_placements->horizontalHeader()->setStretchLastSection(false);
    m_placements->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_placements->setColumnWidth(0, 220);
    m_placements->setColumnWidth(2, 110);
    m_placements->horizontalHeaderItem(1)->setToolTip(
        tr("clusterSelector.name; empty: the home cluster (%1)").arg(homeContext));
    pl->addWidget(m_placements);
    auto* pButtons = new QHBoxLayout;
    auto* addPlacement = new QPushButton(tr("Add placement"), placementsBox);
    auto* removePlacement = new QPushButton(tr("Remove placement"), placementsBox);
    pButtons->addWidget(addPlacement);
    pButtons->addWidget(removePlacement);
    pButtons->addStretch();
    pl->addLayout(pButtons);
    layout->addWidget(placementsBox, 2);

    auto* contextsBox = new QGroupBox(tr("Cluster contexts (settings)"), this);
    auto* cl = new QVBoxLayout(contextsBox);
    m_contexts = makeTable({tr("Cluster name"), tr("Kubeconfig context")}, contextsBox);
    m_contexts->setObjectName(QStringLiteral("contextsTable"));
    m_contexts->setColumnWidth(0, 220);
    cl->addWidget(m_contexts);
    auto* cButtons = new QHBoxLayout;
    auto* addContext = new QPushButton(tr("Add mapping"), contextsBox);
    auto* removeContext = new QPushButton(tr("Remove mapping"), contextsBox);
    cButtons->addWidget(addContext);
    cButtons->addWidget(removeContext);
    cButtons->addStretch();
    cl->addLayout(cButtons);
    layout->addWidget(contextsBox, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("placementsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);

    const kube::rollout::AppDeploymentPlan plan = m_model->plan();
    for (const kube::rollout::RevisionPlacement& rp : plan.appRevisions) {
        m_revisions << rp.revisionName;
        for (const kube::rollout::Placement& p : rp.placement) {
            const QString c = p.clusterSelector ? p.clusterSelector->name : QString();
            addPlacementRow(rp.revisionName, c == home ? QString() : c, p.replicas);
        }
    }
    for (auto it = saved.entries().begin(); it != saved.entries().end(); ++it)
        addContextRow(it.key(), it.value());
    m_contexts->setToolTip(
        tr("Contexts in the kubeconfig: %1").arg(contexts.join(QStringLiteral(", "))));

    connect(addPlacement, &QPushButton::clicked, this,
            [this] { addPlacementRow(m_revisions.value(0), QString(), 1); });
    connect(removePlacement, &QPushButton::clicked, this, [this] {
        if (m_placements->currentRow() >= 0)
            m_placements->removeRow(m_placements->currentRow());
    });
    connect(addContext, &QPushButton::clicked, this,
            [this] { addContextRow(QString(), QString()); });
    connect(removeContext, &QPushButton::clicked, this, [this] {
        if (m_contexts->currentRow() >= 0)
            m_contexts->removeRow(m_contexts->currentRow());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (commit())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(640, 520);
}

void PlacementsDialog::addPlacementRow(const QString& revision, const QString& cluster,
                                       int replicas)
{
    const int row = m_placements->rowCount();
    m_placements->insertRow(row);
    auto* rev = new QComboBox(m_placements);
    rev->addItems(m_revisions);
    rev->setCurrentText(revision);
    m_placements->setCellWidget(row, 0, rev);
    auto* item = new QTableWidgetItem(cluster);
    item->setToolTip(tr("clusterSelector.name; empty: the home cluster"));
    item->setData(Qt::AccessibleTextRole, cluster.isEmpty() ? tr("home cluster") : cluster);
    m_placements->setItem(row, 1, item);
    auto* spin = new QSpinBox(m_placements);
    spin->setRange(0, 10000);
    spin->setValue(replicas);
    m_placements->setCellWidget(row, 2, spin);
}

void PlacementsDialog::addContextRow(const QString& cluster, const QString& context)
{
    const int row = m_contexts->rowCount();
    m_contexts->insertRow(row);
    m_contexts->setItem(row, 0, new QTableWidgetItem(cluster));
    m_contexts->setItem(row, 1, new QTableWidgetItem(context));
}

bool PlacementsDialog::commit()
{
    QStringList entries;
    for (int r = 0; r < m_contexts->rowCount(); ++r) {
        const QString name =
            m_contexts->item(r, 0) ? m_contexts->item(r, 0)->text().trimmed() : QString();
        const QString ctx =
            m_contexts->item(r, 1) ? m_contexts->item(r, 1)->text().trimmed() : QString();
        if (name.isEmpty() && ctx.isEmpty())
            continue;
        entries << name + QLatin1Char('=') + ctx;
    }
    kube::Result<kube::rollout::ClusterContexts> parsed =
        kube::rollout::ClusterContexts::parse(entries);
    if (!parsed) {
        m_problem->setText(tr("Cluster contexts: %1").arg(parsed.status.message));
        return false;
    }
    kube::rollout::AppDeploymentPlan plan = m_model->plan();
    for (kube::rollout::RevisionPlacement& rp : plan.appRevisions)
        rp.placement.clear();
    for (int r = 0; r < m_placements->rowCount(); ++r) {
        const auto* rev = qobject_cast<QComboBox*>(m_placements->cellWidget(r, 0));
        const auto* spin = qobject_cast<QSpinBox*>(m_placements->cellWidget(r, 2));
        const QString cluster =
            m_placements->item(r, 1) ? m_placements->item(r, 1)->text().trimmed() : QString();
        for (kube::rollout::RevisionPlacement& rp : plan.appRevisions)
            if (rev && spin && rp.revisionName == rev->currentText()) {
                kube::rollout::Placement p{spin->value(), std::nullopt};
                if (!cluster.isEmpty())
                    p.clusterSelector = kube::rollout::ClusterSelector{cluster, {}};
                rp.placement << p;
            }
    }
    QSettings().setValue(QLatin1String(kSettingsKey), entries);
    m_model->edit(plan);
    return true;
}

} // namespace veladesk
