#pragma once
// The rollout editor: one row per revision of the plan with a weight slider, a percentage
// field, a lock, replicas and port; add/remove revisions; hosts and gateways; a stacked bar of
// the split; the plan's problems and its drift from the live objects; a banner while another
// apply holds the AppDeployment's Lease or an apply was interrupted (with the window's Re-apply
// and Revert actions). Works on a RolloutPlanModel: every control writes through the model and
// is refreshed from it, so the redistribution rules live in one place (models/weights.h).
// Revisions whose Deployments an HPA scales have their replicas control disabled, and say why.
// Text from the cluster (names, phase, messages, holders) is shown as plain text.

#include <QPointer>
#include <QWidget>

class QAction;
class QChartView;
class QCheckBox;
class QHBoxLayout;
class QComboBox;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QSlider;
class QSpinBox;
class QToolButton;
class QHorizontalPercentBarSeries;

namespace veladesk {

class RolloutPlanModel;

class RolloutEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RolloutEditor(RolloutPlanModel* model, QWidget* parent = nullptr);

    // Disables editing (while an apply runs).
    void setEditingEnabled(bool enabled);
public Q_SLOTS:
    void setPhase(const QString& phase, const QString& message);

public:
    // Buttons for the window's actions (Revert on the left, Preview/Apply on the right).
    void setActions(const QList<QAction*>& leading, const QList<QAction*>& trailing);
    // The apply banner under the header: `text` ("" hides it), e.g. "Apply in progress by ...";
    // `interrupted` shows it as a warning with the buttons of setInterruptedActions().
    void setApplyNotice(const QString& text, bool interrupted);
    void setInterruptedActions(const QList<QAction*>& actions);
    QString applyNoticeText() const;

    QSlider* weightSlider(int row) const;
    QSpinBox* weightField(int row) const;
    QSpinBox* replicasField(int row) const;
    QSpinBox* portField(int row) const;
    QToolButton* lockButton(int row) const;
    QComboBox* componentPicker(int row) const; // nullptr when the revision has one component
    QString problemsText() const;
    // "Route without waiting for ready pods": the engine's force option for the next apply.
    bool forceRouting() const;
    QString driftText() const;

public Q_SLOTS:
    void splitEvenly();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct RowWidgets
    {
        QFrame* swatch = nullptr; // the row's colour in the split bar
        QLabel* name = nullptr;
        QComboBox* component = nullptr; // only for revisions with several components
        QSlider* slider = nullptr;
        QSpinBox* percent = nullptr;
        QToolButton* lock = nullptr;
        QSpinBox* replicas = nullptr;
        QSpinBox* port = nullptr;
        QToolButton* remove = nullptr;
        QLabel* state = nullptr; // one badge: ok, edited, drift, not ready, HPA, invalid
    };
    void rebuildRows();
    // Creates the widgets of one revision row and puts them in the grid (row + 1).
    RowWidgets buildRow(int row);
    // Tab goes header -> traffic settings -> each row left to right -> row actions -> buttons.
    void fixTabOrder();
    void syncRow(int row);
    void syncAll();
    void updateSummary();
    void updateChart();
    void paintBanners();

    RolloutPlanModel* m_model;
    QLabel* m_title;
    QLabel* m_nameLabel;
    QLineEdit* m_name;
    QLabel* m_phase;
    QLabel* m_drift;
    QComboBox* m_routing;
    QWidget* m_applyBanner;
    QLabel* m_applyNotice;
    QWidget* m_applyActions;
    bool m_noticeInterrupted = false;
    QScrollArea* m_body;
    QWidget* m_rowsHost;
    QGridLayout* m_grid;
    QList<RowWidgets> m_rows;
    QLabel* m_empty;
    QWidget* m_trafficBox;
    QWidget* m_actionsBox;
    QComboBox* m_addCombo;
    QPushButton* m_addButton;
    QPushButton* m_evenButton;
    QLineEdit* m_hosts;
    QLineEdit* m_gateways;
    QLabel* m_total;
    QLabel* m_problems;
    QHBoxLayout* m_buttons;
    QCheckBox* m_force;
    QChartView* m_chartView;
    QHorizontalPercentBarSeries* m_series;
    bool m_editingEnabled = true;
    bool m_inPaletteUpdate = false;
};

} // namespace veladesk
