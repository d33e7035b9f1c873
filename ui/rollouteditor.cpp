#include "ui/rollouteditor.h"

#include "ui/verifysplitdialog.h"

#include "models/plaintext.h"
#include "models/rolloutplanmodel.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QFormLayout>
#include <QFrame>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalPercentBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace veladesk {

namespace {
QStringList splitList(const QString& text)
{
    QStringList out;
    for (const QString& part :
         text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

// Colours of the split bar, one per row (distinguishable in light and dark palettes).
QColor seriesColor(int i)
{
    static const QColor colors[] = {QColor(0x3b, 0x82, 0xc4), QColor(0xe0, 0x8a, 0x1e),
                                    QColor(0x3f, 0xa3, 0x4d), QColor(0xb0, 0x4a, 0xb8),
                                    QColor(0xd0, 0x4a, 0x4a), QColor(0x2a, 0xa1, 0x98)};
    return colors[i % 6];
}
} // namespace

RolloutEditor::RolloutEditor(RolloutPlanModel* model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("rolloutEditor"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("planTitle"));
    m_title->setTextFormat(Qt::PlainText); // names from the cluster
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("planPhase"));
    m_phase->setTextFormat(Qt::PlainText); // status.phase, as the server has it
    header->addWidget(m_title);
    m_nameLabel = new QLabel(tr("&Name:"), this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("appDeploymentNameEdit"));
    m_name->setToolTip(tr("Name of the new AppDeployment (and of its VirtualService)"));
    m_name->setAccessibleName(tr("AppDeployment name"));
    m_name->setMaximumWidth(220);
    m_nameLabel->setBuddy(m_name);
    header->addWidget(m_nameLabel);
    header->addWidget(m_name);
    header->addWidget(m_phase);
    header->addStretch();
    layout->addLayout(header);

    // Everything between the header and the action buttons scrolls as one: on a small screen
    // (or with both banners shown) the body scrolls instead of squeezing rows over each other.
    auto* body = new QWidget;
    body->setObjectName(QStringLiteral("editorBody"));
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(6);
    m_body = new QScrollArea(this);
    m_body->setObjectName(QStringLiteral("editorScroll"));
    m_body->setWidget(body);
    m_body->setWidgetResizable(true);
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_body->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_body, 1);

    m_drift = new QLabel(body);
    m_drift->setObjectName(QStringLiteral("driftBanner"));
    m_drift->setTextFormat(Qt::PlainText);
    m_drift->setWordWrap(true);
    m_drift->setAutoFillBackground(true);
    m_drift->setMargin(6);
    m_drift->hide();
    bodyLayout->addWidget(m_drift);

    // Another apply holds the Lease, or an apply was interrupted (issue 8).
    m_applyBanner = new QWidget(body);
    m_applyBanner->setObjectName(QStringLiteral("applyBanner"));
    m_applyBanner->setAutoFillBackground(true);
    auto* bannerLayout = new QHBoxLayout(m_applyBanner);
    bannerLayout->setContentsMargins(6, 6, 6, 6);
    m_applyNotice = new QLabel(m_applyBanner);
    m_applyNotice->setObjectName(QStringLiteral("applyNotice"));
    m_applyNotice->setTextFormat(Qt::PlainText); // holder names come from the cluster
    m_applyNotice->setWordWrap(true);
    m_applyNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_applyNotice, 1);
    m_applyActions = new QWidget(m_applyBanner);
    auto* actionsLayout = new QVBoxLayout(m_applyActions);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    actionsLayout->setSpacing(4);
    bannerLayout->addWidget(m_applyActions, 0, Qt::AlignTop);
    m_applyBanner->hide();
    bodyLayout->addWidget(m_applyBanner);

    // Traffic settings: hosts and gateways side by side, the routing API under them
    m_trafficBox = new QWidget(body);
    m_trafficBox->setObjectName(QStringLiteral("trafficBox"));
    auto* traffic = new QGridLayout(m_trafficBox);
    traffic->setContentsMargins(0, 0, 0, 0);
    traffic->setHorizontalSpacing(8);
    traffic->setVerticalSpacing(4);
    m_hosts = new QLineEdit(m_trafficBox);
    m_hosts->setObjectName(QStringLiteral("hostsEdit"));
    m_hosts->setPlaceholderText(tr("e.g. example-app.example.com (empty: no traffic routing)"));
    m_hosts->setAccessibleName(tr("Hosts"));
    m_hosts->setToolTip(tr("Host names the route answers for (spec.hosts), separated by commas. "
                           "Empty: the plan routes no traffic."));
    m_gateways = new QLineEdit(m_trafficBox);
    m_gateways->setObjectName(QStringLiteral("gatewaysEdit"));
    m_gateways->setPlaceholderText(tr("e.g. example-app-gateway"));
    m_gateways->setAccessibleName(tr("Gateways"));
    m_gateways->setToolTip(
        tr("Gateways the route is bound to (spec.gateways), separated by commas"));
    auto* hostsLabel = new QLabel(tr("&Hosts:"), m_trafficBox);
    hostsLabel->setBuddy(m_hosts);
    auto* gatewaysLabel = new QLabel(tr("&Gateways:"), m_trafficBox);
    gatewaysLabel->setBuddy(m_gateways);
    traffic->addWidget(hostsLabel, 0, 0);
    traffic->addWidget(m_hosts, 0, 1);
    traffic->addWidget(gatewaysLabel, 0, 2);
    traffic->addWidget(m_gateways, 0, 3);
    // The routing API (issue 12): edits the plan's annotation veladesk.io/routing; item data
    // is the annotation value, "" for "chosen at apply" (no annotation).
    m_routing = new QComboBox(m_trafficBox);
    m_routing->setObjectName(QStringLiteral("routingApi"));
    m_routing->addItem(
        tr("Chosen at apply (VirtualService when Istio's API is served, else HTTPRoute)"),
        QString());
    m_routing->addItem(tr("Istio VirtualService"),
                       kube::rollout::routingApiName(kube::rollout::RoutingApi::VirtualService));
    m_routing->addItem(tr("Gateway API HTTPRoute"),
                       kube::rollout::routingApiName(kube::rollout::RoutingApi::HTTPRoute));
    m_routing->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_routing->setMinimumContentsLength(20);
    m_routing->setToolTip(
        tr("Which API routes the traffic: an Istio VirtualService or a Gateway API HTTPRoute "
           "(the plan's annotation veladesk.io/routing, as veladesk apply --routing). "
           "\"Chosen at apply\" removes the annotation: the API the AppDeployment was last "
           "applied with, else VirtualService when Istio's API is served, else HTTPRoute. "
           "An unapplied edit: Preview shows the change, Apply switches the routes safely."));
    m_routing->setAccessibleName(tr("Routing API"));
    auto* routingLabel = new QLabel(tr("R&outing:"), m_trafficBox);
    routingLabel->setBuddy(m_routing);
    traffic->addWidget(routingLabel, 1, 0);
    traffic->addWidget(m_routing, 1, 1, 1, 3);
    traffic->setColumnStretch(1, 3);
    traffic->setColumnStretch(3, 2);
    bodyLayout->addWidget(m_trafficBox);

    // Rows: one per revision (buildRow)
    m_rowsHost = new QWidget(body);
    m_rowsHost->setObjectName(QStringLiteral("revisionRows"));
    m_grid = new QGridLayout(m_rowsHost);
    m_grid->setContentsMargins(0, 4, 0, 4);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(6);
    bodyLayout->addWidget(m_rowsHost);
    m_empty = new QLabel(tr("Select an application to edit its rollout."), body);
    m_empty->setObjectName(QStringLiteral("editorEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    bodyLayout->addWidget(m_empty, 1);

    // The split as a bar across the editor
    m_series = new QHorizontalPercentBarSeries;
    auto* chart = new QChart;
    chart->addSeries(m_series);
    chart->legend()->hide(); // each row's name carries its colour
    m_series->setBarWidth(1.0);
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundVisible(false);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chartView = new QChartView(chart, body);
    m_chartView->setObjectName(QStringLiteral("splitChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setFixedHeight(28);
    m_chartView->setMinimumWidth(260);
    m_chartView->setFocusPolicy(Qt::NoFocus);
    m_chartView->setStyleSheet(QStringLiteral("background: transparent"));
    m_chartView->setToolTip(tr("The traffic split of the plan"));
    bodyLayout->addWidget(m_chartView);

    // Row actions
    m_actionsBox = new QWidget(body);
    auto* actions = new QHBoxLayout(m_actionsBox);
    actions->setContentsMargins(0, 0, 0, 0);
    m_addCombo = new QComboBox(m_actionsBox);
    m_addCombo->setObjectName(QStringLiteral("addRevisionCombo"));
    m_addCombo->setMinimumContentsLength(16);
    m_addCombo->setAccessibleName(tr("Revision to add"));
    m_addCombo->setToolTip(tr("ApplicationRevisions of the application that are not in the plan"));
    m_addButton = new QPushButton(tr("Add revision"), m_actionsBox);
    m_addButton->setObjectName(QStringLiteral("addRevisionButton"));
    m_addButton->setAccessibleName(tr("Add revision"));
    m_addButton->setToolTip(
        tr("Add the chosen revision to the plan (weight 0, 1 replica): grow it before routing"));
    m_evenButton = new QPushButton(tr("Split &evenly"), m_actionsBox);
    m_evenButton->setObjectName(QStringLiteral("splitEvenlyButton"));
    m_evenButton->setAccessibleName(tr("Split evenly"));
    m_evenButton->setToolTip(tr("Unlock every row and split 100% evenly (Ctrl+E)"));
    m_total = new QLabel(m_actionsBox);
    m_total->setObjectName(QStringLiteral("totalLabel"));
    QFont totalFont = m_total->font();
    totalFont.setPointSizeF(totalFont.pointSizeF() * 1.2);
    totalFont.setBold(true);
    m_total->setFont(totalFont);
    actions->addWidget(m_addCombo);
    actions->addWidget(m_addButton);
    actions->addWidget(m_evenButton);
    // Multi-cluster placement (issue 13): MainWindow opens ui/placementsdialog from here.
    auto* placements = new QPushButton(tr("Clus&ters…"), this);
    placements->setObjectName(QStringLiteral("placementsButton"));
    placements->setAccessibleName(tr("Placement per cluster"));
    placements->setToolTip(tr("Replicas of each revision per cluster, and the kubeconfig context "
                              "of each cluster (multi-cluster placement)"));
    actions->addWidget(placements);
    actions->addStretch();
    actions->addWidget(m_total);
    bodyLayout->addWidget(m_actionsBox);

    m_problems = new QLabel(body);
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    bodyLayout->addWidget(m_problems);
    bodyLayout->addStretch(0);

    m_buttons = new QHBoxLayout;
    m_buttons->addStretch();
    m_force = new QCheckBox(tr("Route without waiting for ready pods"), this);
    m_force->setObjectName(QStringLiteral("forceCheck"));
    m_force->setAccessibleName(tr("Route without waiting for ready pods"));
    m_force->setToolTip(
        tr("Skip the readiness guard: traffic may reach a revision before its pods are "
           "ready (503s). Off by default."));
    m_buttons->addWidget(m_force);
    layout->addLayout(m_buttons);
    paintBanners();

    connect(m_addButton, &QPushButton::clicked, this, [this] {
        if (m_addCombo->currentIndex() >= 0)
            m_model->addRevision(m_addCombo->currentText());
    });
    connect(m_evenButton, &QPushButton::clicked, this, &RolloutEditor::splitEvenly);
    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_model->setAppDeploymentName(text.trimmed()); });
    connect(m_hosts, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_model->setHosts(splitList(text)); });
    connect(m_gateways, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_model->setGateways(splitList(text)); });
    connect(m_routing, &QComboBox::activated, this, [this](int index) {
        m_model->setRouting(kube::rollout::parseRoutingApi(m_routing->itemData(index).toString()));
    });

    connect(m_model, &QAbstractItemModel::modelReset, this, &RolloutEditor::rebuildRows);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RolloutEditor::rebuildRows);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RolloutEditor::rebuildRows);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& tl, const QModelIndex& br) {
                for (int r = tl.row(); r <= br.row(); ++r)
                    syncRow(r);
            });
    connect(m_model, &RolloutPlanModel::planChanged, this, &RolloutEditor::updateSummary);
    rebuildRows();
}

void RolloutEditor::splitEvenly()
{
    m_model->splitEvenly();
}

void RolloutEditor::setActions(const QList<QAction*>& leading, const QList<QAction*>& trailing)
{
    auto button = [this](QAction* action) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setMinimumWidth(96);
        b->setObjectName(action->objectName() + QStringLiteral("Button"));
        b->setAccessibleName(action->text().remove(QLatin1Char('&')));
        return b;
    };
    int at = 0;
    for (QAction* a : leading)
        m_buttons->insertWidget(at++, button(a));
    for (QAction* a : trailing)
        m_buttons->addWidget(button(a));
    fixTabOrder();
}

void RolloutEditor::setInterruptedActions(const QList<QAction*>& actions)
{
    for (QAction* a : actions) {
        auto* b = new QToolButton(m_applyActions);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        b->setObjectName(a->objectName() + QStringLiteral("Button"));
        b->setAccessibleName(a->text().remove(QLatin1Char('&')));
        m_applyActions->layout()->addWidget(b);
    }
}

void RolloutEditor::setApplyNotice(const QString& text, bool interrupted)
{
    m_noticeInterrupted = interrupted;
    m_applyNotice->setText(text);
    m_applyActions->setVisible(interrupted);
    m_applyBanner->setVisible(!text.isEmpty());
    paintBanners();
}

QString RolloutEditor::applyNoticeText() const
{
    return m_applyBanner->isVisible() ? m_applyNotice->text() : QString();
}

void RolloutEditor::paintBanners()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette dp = m_drift->palette();
    dp.setColor(QPalette::Window, dark ? QColor(0x5a, 0x45, 0x10) : QColor(0xff, 0xf1, 0xc8));
    dp.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xe8, 0xb0) : QColor(0x5a, 0x40, 0x00));
    m_drift->setPalette(dp);
    // another apply runs: information (blue); interrupted: a warning (orange)
    QPalette ap = m_applyBanner->palette();
    if (m_noticeInterrupted) {
        ap.setColor(QPalette::Window, dark ? QColor(0x60, 0x30, 0x10) : QColor(0xfd, 0xe3, 0xcc));
        ap.setColor(QPalette::WindowText,
                    dark ? QColor(0xff, 0xd8, 0xb8) : QColor(0x70, 0x2c, 0x00));
    } else {
        ap.setColor(QPalette::Window, dark ? QColor(0x1c, 0x3a, 0x5c) : QColor(0xdb, 0xea, 0xfe));
        ap.setColor(QPalette::WindowText,
                    dark ? QColor(0xd0, 0xe4, 0xff) : QColor(0x1e, 0x3a, 0x6e));
    }
    m_applyBanner->setPalette(ap);
    m_applyNotice->setPalette(ap);
}

void RolloutEditor::rebuildRows()
{
    m_rows.clear();
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        if (item->widget())
            item->widget()->deleteLater();
        delete item;
    }
    const int n = m_model->rowCount();
    // column headers; "Traffic &weight" and "Re&plicas" take the focus to the first row
    const QStringList headers{
        tr("Revision"), tr("Traffic &weight"), QString(), QString(), tr("Repl&icas"),
        tr("Port"),     tr("State"),           QString()};
    QList<QLabel*> headerLabels;
    for (int c = 0; c < headers.size(); ++c) {
        auto* h = new QLabel(headers[c], m_rowsHost);
        h->setObjectName(QStringLiteral("rowsHeader_%1").arg(c));
        QFont f = h->font();
        f.setBold(true);
        h->setFont(f);
        h->setVisible(n > 0);
        m_grid->addWidget(h, 0, c);
        headerLabels << h;
    }
    for (int row = 0; row < n; ++row)
        m_rows.append(buildRow(row));
    if (n > 0) {
        headerLabels[1]->setBuddy(m_rows[0].percent);
        headerLabels[4]->setBuddy(m_rows[0].replicas);
    }
    m_grid->setColumnStretch(1, 1);
    fixTabOrder();
    syncAll();
}

RolloutEditor::RowWidgets RolloutEditor::buildRow(int row)
{
    RowWidgets w;
    const QString suffix = QString::number(row);
    const int gridRow = row + 1;
    w.name = new QLabel(m_rowsHost);
    w.name->setObjectName(QStringLiteral("revisionLabel_") + suffix);
    w.name->setTextFormat(Qt::PlainText);
    QFont nameFont = w.name->font();
    nameFont.setBold(true);
    w.name->setFont(nameFont);

    w.slider = new QSlider(Qt::Horizontal, m_rowsHost);
    w.slider->setObjectName(QStringLiteral("weightSlider_") + suffix);
    w.slider->setRange(0, 100);
    w.slider->setSingleStep(1);
    w.slider->setPageStep(10);
    w.slider->setTickInterval(10);
    w.slider->setTickPosition(QSlider::TicksBelow);
    w.slider->setMinimumWidth(100);
    w.slider->setToolTip(
        tr("Traffic weight: arrows move it by 1, Page Up/Down by 10; the other unlocked rows "
           "follow so the total stays 100%"));

    // the weight as a large number: the figure an operator checks before applying
    w.percent = new QSpinBox(m_rowsHost);
    w.percent->setObjectName(QStringLiteral("weightField_") + suffix);
    w.percent->setRange(0, 100);
    w.percent->setSuffix(tr(" %", "suffix of a percentage"));
    w.percent->setKeyboardTracking(false);
    w.percent->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont big = w.percent->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    w.percent->setFont(big);
    // no arrows: the slider next to it steps the weight; Up/Down keys still do
    w.percent->setButtonSymbols(QAbstractSpinBox::NoButtons);
    w.percent->setMinimumWidth(
        QFontMetrics(big).horizontalAdvance(QStringLiteral("100") + w.percent->suffix()) + 16);
    w.percent->setToolTip(tr("Traffic percentage: type a number and press Enter"));

    w.lock = new QToolButton(m_rowsHost);
    w.lock->setObjectName(QStringLiteral("lockButton_") + suffix);
    w.lock->setCheckable(true);
    w.lock->setToolTip(tr("Lock this weight: other sliders will not move it"));

    w.replicas = new QSpinBox(m_rowsHost);
    w.replicas->setObjectName(QStringLiteral("replicasField_") + suffix);
    w.replicas->setRange(0, 1000);
    w.replicas->setKeyboardTracking(false);
    w.replicas->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont medium = w.replicas->font();
    medium.setPointSizeF(medium.pointSizeF() * 1.25);
    w.replicas->setFont(medium);
    w.replicas->setMinimumWidth(QFontMetrics(medium).horizontalAdvance(QStringLiteral("1000")) +
                                32);

    w.port = new QSpinBox(m_rowsHost);
    w.port->setObjectName(QStringLiteral("portField_") + suffix);
    w.port->setRange(1, 65535);
    w.port->setKeyboardTracking(false);
    w.port->setToolTip(tr("Port of the revision's Service that receives the traffic"));

    w.state = new QLabel(m_rowsHost);
    w.state->setObjectName(QStringLiteral("stateLabel_") + suffix);
    w.state->setTextFormat(Qt::PlainText); // messages quote names from the cluster
    w.state->setAlignment(Qt::AlignCenter);
    w.state->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    w.remove = new QToolButton(m_rowsHost);
    w.remove->setObjectName(QStringLiteral("removeButton_") + suffix);
    w.remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    w.remove->setToolTip(tr("Remove this revision from the plan"));

    // the name cell: the row's colour in the split bar, the name, the component picker
    auto* cell = new QWidget(m_rowsHost);
    cell->setObjectName(QStringLiteral("revisionCell_") + suffix);
    auto* h = new QHBoxLayout(cell);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(6);
    w.swatch = new QFrame(cell);
    w.swatch->setFixedWidth(8);
    w.swatch->setAutoFillBackground(true);
    h->addWidget(w.swatch);
    auto* v = new QVBoxLayout;
    v->setSpacing(2);
    w.name->setParent(cell);
    v->addWidget(w.name);
    const QStringList components = m_model->componentsOf(m_model->row(row).revisionName);
    if (components.size() > 1) {
        // the weighted target's component (its port is prefilled from it)
        w.component = new QComboBox(cell);
        w.component->setObjectName(QStringLiteral("componentPicker_") + suffix);
        w.component->addItems(components);
        w.component->setToolTip(tr("Component that receives this revision's traffic"));
        v->addWidget(w.component);
        connect(w.component, &QComboBox::activated, this, [this, row](int index) {
            if (QComboBox* box = componentPicker(row))
                m_model->setComponent(row, box->itemText(index));
        });
    }
    h->addLayout(v, 1);
    m_grid->addWidget(cell, gridRow, 0);
    m_grid->addWidget(w.slider, gridRow, 1);
    m_grid->addWidget(w.percent, gridRow, 2);
    m_grid->addWidget(w.lock, gridRow, 3);
    m_grid->addWidget(w.replicas, gridRow, 4);
    m_grid->addWidget(w.port, gridRow, 5);
    m_grid->addWidget(w.state, gridRow, 6, Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->addWidget(w.remove, gridRow, 7);

    connect(w.slider, &QSlider::valueChanged, this,
            [this, row](int v) { m_model->setWeight(row, v); });
    connect(w.percent, &QSpinBox::valueChanged, this,
            [this, row](int v) { m_model->setWeight(row, v); });
    connect(w.lock, &QToolButton::toggled, this,
            [this, row](bool on) { m_model->setLocked(row, on); });
    connect(w.replicas, &QSpinBox::valueChanged, this,
            [this, row](int v) { m_model->setReplicas(row, v); });
    connect(w.port, &QSpinBox::valueChanged, this,
            [this, row](int v) { m_model->setPort(row, v); });
    connect(w.remove, &QToolButton::clicked, this, [this, row] { m_model->removeRevision(row); });
    return w;
}

void RolloutEditor::fixTabOrder()
{
    QList<QWidget*> chain{m_name, m_hosts, m_gateways, m_routing};
    for (const RowWidgets& w : std::as_const(m_rows)) {
        if (w.component)
            chain << w.component;
        chain << w.slider << w.percent << w.lock << w.replicas << w.port << w.remove;
    }
    chain << m_addCombo << m_addButton << m_evenButton;
    for (int i = 0; i < m_buttons->count(); ++i)
        if (QWidget* b = m_buttons->itemAt(i)->widget())
            chain << b;
    for (int i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

namespace {
// A row's state as one badge: its word and its colours (readable on light and dark windows).
struct Badge
{
    QString text;
    QColor background;
};
} // namespace

void RolloutEditor::syncRow(int row)
{
    if (row < 0 || row >= m_rows.size() || row >= m_model->rowCount())
        return;
    const RowWidgets& w = m_rows[row];
    const PlanRow r = m_model->row(row);
    const bool traffic = m_model->trafficEnabled();
    {
        const QSignalBlocker b1(w.slider), b2(w.percent), b3(w.lock), b4(w.replicas), b5(w.port);
        // only on a real change: setValue() rewrites a spin box's text, which would throw away
        // what the operator is typing when a periodic refresh arrives
        auto set = [](auto* widget, int value) {
            if (widget->value() != value)
                widget->setValue(value);
        };
        set(w.slider, r.weight);
        set(w.percent, r.weight);
        set(w.replicas, r.replicas);
        set(w.port, r.port);
        if (w.lock->isChecked() != r.locked)
            w.lock->setChecked(r.locked);
    }
    w.name->setText(r.revisionName);
    {
        // the row's colour in the split bar
        QPalette pal = w.swatch->palette();
        pal.setColor(QPalette::Window, seriesColor(row));
        w.swatch->setPalette(pal);
    }
    w.slider->setAccessibleName(tr("Traffic weight of %1").arg(r.revisionName));
    w.percent->setAccessibleName(tr("Traffic percentage of %1").arg(r.revisionName));
    w.lock->setAccessibleName(tr("Lock the weight of %1").arg(r.revisionName));
    w.replicas->setAccessibleName(tr("Replicas of %1").arg(r.revisionName));
    w.port->setAccessibleName(tr("Port of %1").arg(r.revisionName));
    w.remove->setAccessibleName(tr("Remove %1 from the plan").arg(r.revisionName));
    w.state->setAccessibleName(tr("State of %1").arg(r.revisionName));
    if (w.component) {
        const QSignalBlocker block(w.component);
        w.component->setCurrentText(r.componentName);
        w.component->setEnabled(m_editingEnabled);
        w.component->setAccessibleName(tr("Component of %1").arg(r.revisionName));
    }
    w.name->setToolTip(plainToolTip(tr("component %1").arg(r.componentName)));
    w.lock->setIcon(
        style()->standardIcon(r.locked ? QStyle::SP_DialogApplyButton : QStyle::SP_DialogNoButton));
    w.lock->setText(r.locked ? tr("Locked") : tr("Lock"));
    w.lock->setToolButtonStyle(Qt::ToolButtonTextOnly);
    w.slider->setEnabled(m_editingEnabled && !r.locked && traffic);
    w.percent->setEnabled(m_editingEnabled && !r.locked && traffic);
    w.lock->setEnabled(m_editingEnabled && traffic);
    // An HPA scales the revision's Deployment(s): VelaDesk does not send spec.replicas.
    const QString managed = m_model->rowReplicasManagedBy(row);
    w.replicas->setEnabled(m_editingEnabled && !r.replicasManagedByHpa);
    w.replicas->setToolTip(
        managed.isEmpty()
            ? tr("Replicas of each Deployment of %1 (spec.replicas)").arg(r.revisionName)
            : plainToolTip(
                  r.replicasManagedByHpa
                      ? tr("%1: VelaDesk does not send spec.replicas of %2; the "
                           "HorizontalPodAutoscaler scales it (the plan keeps %3).")
                            .arg(managed,
                                 QStringList(r.replicasManagedBy.keys()).join(QStringLiteral(", ")))
                            .arg(r.replicas)
                      : tr("%1: VelaDesk does not send their spec.replicas; the other "
                           "Deployments of %2 get this value.")
                            .arg(managed, r.revisionName)));
    w.port->setEnabled(m_editingEnabled && traffic);
    w.remove->setEnabled(m_editingEnabled);

    // One badge, the most important state first; every detail in its tooltip.
    const QModelIndex stateIndex = m_model->index(row, RolloutPlanModel::State);
    const QString problem = stateIndex.data(RolloutPlanModel::ProblemRole).toString();
    const QString drift = stateIndex.data(RolloutPlanModel::DriftRole).toString();
    const QString planState = stateIndex.data().toString(); // ok, new, edited or the problem
    const bool notReady = r.liveReadyReplicas && r.liveReplicas && *r.liveReplicas > 0 &&
                          *r.liveReadyReplicas < *r.liveReplicas;
    const bool isNew = !r.specWeight && !r.specReplicas;
    const bool edited = (traffic && r.specWeight != r.weight) || r.specReplicas != r.replicas;
    QStringList details;
    Badge badge;
    if (!problem.isEmpty()) {
        badge = {tr("✗ invalid"), QColor(0xc6, 0x28, 0x28)};
        details << problem;
    } else {
        details << tr("plan: %1").arg(planState);
        if (!drift.isEmpty())
            badge = {tr("⚠ drift"), QColor(0xb2, 0x5e, 0x00)};
        else if (notReady)
            badge = {tr("not ready %1/%2").arg(*r.liveReadyReplicas).arg(*r.liveReplicas),
                     QColor(0x9a, 0x6b, 0x00)};
        else if (isNew)
            badge = {tr("new"), QColor(0x15, 0x65, 0xc0)};
        else if (edited)
            badge = {tr("edited"), QColor(0x15, 0x65, 0xc0)};
        else if (!managed.isEmpty())
            badge = {tr("HPA"), QColor(0x6a, 0x1b, 0x9a)};
        else
            badge = {tr("✓ ok"), QColor(0x2e, 0x7d, 0x32)};
    }
    if (!drift.isEmpty())
        details << tr("drift: %1").arg(drift);
    if (r.liveReadyReplicas && r.liveReplicas)
        details << tr("running %1/%2 ready").arg(*r.liveReadyReplicas).arg(*r.liveReplicas);
    if (const QString perCluster = m_model->rowClusterReadiness(row); !perCluster.isEmpty())
        details << tr("ready per cluster: %1").arg(perCluster);
    if (!managed.isEmpty())
        details << managed;
    w.state->setText(badge.text);
    w.state->setToolTip(plainToolTip(details.join(QLatin1Char('\n'))));
    w.state->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 9px; "
                       "padding: 3px 10px; font-weight: bold; }")
            .arg(badge.background.name()));
}

void RolloutEditor::syncAll()
{
    for (int i = 0; i < m_rows.size(); ++i)
        syncRow(i);
    updateSummary();
}

void RolloutEditor::updateSummary()
{
    const bool hasPlan = !m_model->appName().isEmpty();
    m_empty->setVisible(!hasPlan);
    m_trafficBox->setVisible(hasPlan);
    m_actionsBox->setVisible(hasPlan);
    m_force->setVisible(hasPlan && m_model->trafficEnabled());
    m_force->setEnabled(m_editingEnabled);
    m_title->setText(
        !hasPlan ? tr("No application selected")
        : m_model->isNewPlan()
            ? tr("%1 — new AppDeployment").arg(m_model->appName())
            : tr("%1 — AppDeployment %2").arg(m_model->appName(), m_model->appDeploymentName()));
    const bool naming = hasPlan && m_model->isNewPlan();
    m_nameLabel->setVisible(naming);
    m_name->setVisible(naming);
    m_name->setEnabled(m_editingEnabled);
    if (!m_name->hasFocus())
        m_name->setText(m_model->appDeploymentName());
    if (!m_hosts->hasFocus())
        m_hosts->setText(m_model->hosts().join(QStringLiteral(", ")));
    if (!m_gateways->hasFocus())
        m_gateways->setText(m_model->gateways().join(QStringLiteral(", ")));
    {
        const std::optional<kube::rollout::RoutingApi> routing = m_model->routing();
        m_routing->setCurrentIndex(
            m_routing->findData(routing ? kube::rollout::routingApiName(*routing) : QString()));
        m_routing->setEnabled(hasPlan && m_editingEnabled);
    }
    m_hosts->setEnabled(hasPlan && m_editingEnabled);
    m_gateways->setEnabled(hasPlan && m_editingEnabled);

    const QStringList addable = m_model->addableRevisions();
    if (addable != [this] {
            QStringList items;
            for (int i = 0; i < m_addCombo->count(); ++i)
                items << m_addCombo->itemText(i);
            return items;
        }()) {
        m_addCombo->clear();
        m_addCombo->addItems(addable);
    }
    m_addCombo->setEnabled(!addable.isEmpty() && m_editingEnabled);
    m_addButton->setEnabled(!addable.isEmpty() && m_editingEnabled);
    m_evenButton->setEnabled(m_model->rowCount() > 0 && m_model->trafficEnabled() &&
                             m_editingEnabled);

    const int total = m_model->totalWeight();
    m_total->setText(m_model->trafficEnabled() ? tr("Total: %1%").arg(total)
                                               : tr("No traffic routing (no hosts)"));

    const QStringList problems = hasPlan ? m_model->problems() : QStringList();
    QStringList lines;
    for (const QString& p : problems)
        lines << QStringLiteral("✗ ") + p;
    if (hasPlan)
        for (const QString& w : m_model->warnings())
            lines << QStringLiteral("⚠ ") + w;
    m_problems->setText(lines.join(QLatin1Char('\n')));
    QPalette pal = m_problems->palette();
    pal.setColor(QPalette::WindowText,
                 problems.isEmpty() ? QColor(0xc0, 0x80, 0x00) : QColor(0xd0, 0x30, 0x30));
    m_problems->setPalette(pal);

    QStringList drift;
    for (int i = 0; i < m_model->rowCount(); ++i)
        if (const QString d = m_model->rowDrift(i); !d.isEmpty())
            drift << m_model->row(i).revisionName + QStringLiteral(": ") + d;
    m_drift->setVisible(!drift.isEmpty());
    m_drift->setText(
        tr("The live objects differ from the AppDeployment (edited by hand?). Apply re-applies "
           "the plan.\n") +
        drift.join(QLatin1Char('\n')));

    updateChart();
}

void RolloutEditor::updateChart()
{
    m_series->clear();
    const bool traffic = m_model->trafficEnabled();
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const PlanRow r = m_model->row(i);
        auto* set = new QBarSet(tr("%1 %2%", "revision suffix and its weight")
                                    .arg(r.revisionName.section(QLatin1Char('-'), -1))
                                    .arg(r.weight));
        *set << (traffic ? r.weight : 0);
        set->setColor(seriesColor(i));
        set->setBorderColor(seriesColor(i));
        m_series->append(set);
    }
    QChart* chart = m_chartView->chart();
    const QColor text = palette().color(QPalette::WindowText);
    chart->legend()->setLabelColor(text);
    m_chartView->setVisible(m_model->rowCount() > 0);
}

void RolloutEditor::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    // colours derived from the palette (light/dark) are recomputed
    if (event->type() == QEvent::PaletteChange && !m_inPaletteUpdate) {
        m_inPaletteUpdate = true;
        paintBanners();
        syncAll();
        m_inPaletteUpdate = false;
    }
}

void RolloutEditor::setEditingEnabled(bool enabled)
{
    m_editingEnabled = enabled;
    syncAll();
}

void RolloutEditor::setPhase(const QString& phase, const QString& message)
{
    m_phase->setText(phase.isEmpty() ? QString() : tr("phase: %1").arg(phase));
    m_phase->setToolTip(plainToolTip(message));
    if (phase == QLatin1String("Failed") || phase == QLatin1String("Rolling")) {
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, phase == QLatin1String("Failed")
                                               ? QColor(0xd0, 0x30, 0x30)
                                               : QColor(0xe0, 0xa0, 0x00));
        m_phase->setPalette(pal);
    } else {
        m_phase->setPalette(QPalette()); // inherit: follows the window's palette
    }
}

QSlider* RolloutEditor::weightSlider(int row) const
{
    return row < m_rows.size() ? m_rows[row].slider : nullptr;
}
QSpinBox* RolloutEditor::weightField(int row) const
{
    return row < m_rows.size() ? m_rows[row].percent : nullptr;
}
QSpinBox* RolloutEditor::replicasField(int row) const
{
    return row < m_rows.size() ? m_rows[row].replicas : nullptr;
}
QSpinBox* RolloutEditor::portField(int row) const
{
    return row < m_rows.size() ? m_rows[row].port : nullptr;
}
QToolButton* RolloutEditor::lockButton(int row) const
{
    return row < m_rows.size() ? m_rows[row].lock : nullptr;
}
bool RolloutEditor::forceRouting() const
{
    return m_force->isChecked();
}

QComboBox* RolloutEditor::componentPicker(int row) const
{
    return row < m_rows.size() ? m_rows[row].component : nullptr;
}

QString RolloutEditor::problemsText() const
{
    return m_problems->text();
}
QString RolloutEditor::driftText() const
{
    return m_drift->isVisible() ? m_drift->text() : QString();
}

} // namespace veladesk
