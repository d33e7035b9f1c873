#pragma once
// The apply history of the selected application's AppDeployment (issue 13, item 2): the
// entries (HistoryModel), a Qt Charts timeline of each revision's weight over the entries, the
// diff between two selected entries (one selected: against the entry before it) and "Load into
// editor", which hands the entry's plan to the RolloutController as unapplied edits (then
// preview and apply as usual). Nothing here touches the network.

#include "models/historymodel.h"

#include <QWidget>

class QChartView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace veladesk {

class NamespaceStore;
class RolloutController;

class HistoryPane : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPane(RolloutController* controller, QWidget* parent = nullptr);

    void setStore(const NamespaceStore* store);
    HistoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QChartView* chartView() const { return m_chartView; }
    QPlainTextEdit* diffView() const { return m_diff; }
    QPushButton* loadButton() const { return m_load; }
    // Selects the rows of these history revisions (tests, and keeping a selection).
    void selectRevisions(const QList<qint64>& revisions);
    QList<qint64> selectedRevisions() const; // oldest first

Q_SIGNALS:
    // "Load into editor" put an entry's plan into the editor.
    void planLoaded(qint64 revision);

private:
    void followPlan();
    void updateTitle();
    void updateChart();
    void updateSelection();
    void loadIntoEditor();

    RolloutController* m_controller;
    HistoryModel* m_model;
    QLabel* m_title;
    QTableView* m_view;
    QChartView* m_chartView;
    QPlainTextEdit* m_diff;
    QLabel* m_diffTitle;
    QPushButton* m_load;
};

} // namespace veladesk
