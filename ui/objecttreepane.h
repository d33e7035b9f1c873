#pragma once
// The Objects pane (issue 15): the selected application's object tree with live health, a
// search field, a kind filter and "unhealthy only", and the selected object's details beside
// it. Keyboard: Ctrl+F or / searches; Enter or Down in the search field goes to the first
// match; F3 / Shift+F3 jump to the next / previous match; Escape clears the search; Alt+U
// toggles unhealthy only. Wiring only: the tree is ObjectTreeModel's, the filter
// ObjectTreeFilter's, the details ObjectDetails'.

#include "kube/client.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTreeView;

namespace veladesk {

class NamespaceStore;
class ObjectDetails;
class ObjectDetailsPane;
class ObjectTreeFilter;
class ObjectTreeModel;
struct KubeEvent;

class ObjectTreePane : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectTreePane(QWidget* parent = nullptr);

    void setStore(NamespaceStore* store);
    void setConnection(std::shared_ptr<kube::Client> client, const QString& namespaceName);
    void setApplication(const QString& appName);
    // Builds the tree only while it is on screen (a hidden dock costs no rebuilds).
    void setActive(bool active);

    // Selects the object in the tree (clearing a filter that hides it); false if not shown.
    bool selectObject(const QString& kind, const QString& name);
    void focusSearch();

    ObjectTreeModel* model() const { return m_model; }
    ObjectTreeFilter* filter() const { return m_filter; }
    ObjectDetails* details() const { return m_details; }
    ObjectDetailsPane* detailsPane() const { return m_detailsPane; }
    QTreeView* view() const { return m_view; }
    QLineEdit* searchField() const { return m_search; }
    QComboBox* kindPicker() const { return m_kind; }
    QCheckBox* unhealthyOnly() const { return m_unhealthy; }
    QLabel* summaryLabel() const { return m_summary; }

private:
    void onCurrentChanged();
    void onTreeUpdated();
    void onEvents(const QList<veladesk::KubeEvent>& events);
    void onFilterChanged();
    void goToMatch(bool backwards);
    void expandDefault();

    ObjectTreeModel* m_model;
    ObjectTreeFilter* m_filter;
    ObjectDetails* m_details;
    ObjectDetailsPane* m_detailsPane = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_kind = nullptr;
    QCheckBox* m_unhealthy = nullptr;
    QLabel* m_summary = nullptr;
    QSplitter* m_split = nullptr;
    QString m_shownKey;             // key path of the node the details show
    QString m_shownResourceVersion; // of that node when its YAML was read
};

} // namespace veladesk
