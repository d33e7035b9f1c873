#pragma once
// Details of the object selected in the object tree: a summary (health with reason and
// message, owner and owned objects, for pods the containers with restarts and last
// termination), its YAML as the server has it (managedFields folded unless asked, syntax
// highlighted, Copy) and its Events. Everything from the server is shown as plain text.

#include "kube/rollout/objecttree.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace veladesk {

class ObjectDetails;
class YamlHighlighter;

class ObjectDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectDetailsPane(ObjectDetails* details, QWidget* parent = nullptr);

    // What the tree knows of the selected node (nullptr: nothing selected); `pod` for pods,
    // `owned` the objects with an owner reference to it.
    void showNode(const kube::rollout::TreeNode* node, const kube::rollout::PodState* pod,
                  const QList<kube::rollout::ObjectName>& owned);

    QTabWidget* tabs() const { return m_tabs; }
    QPlainTextEdit* yamlView() const { return m_yaml; }
    QPlainTextEdit* eventsView() const { return m_events; }
    QCheckBox* managedFieldsToggle() const { return m_managedFields; }
    QPushButton* copyButton() const { return m_copy; }
    QTreeWidget* containersView() const { return m_containers; }
    QListWidget* ownersView() const { return m_owners; }
    QListWidget* ownedView() const { return m_owned; }
    QLabel* healthLabel() const { return m_health; }
    QLabel* messageLabel() const { return m_message; }

Q_SIGNALS:
    // An owner or owned object was activated (Enter, double-click): show it in the tree.
    void navigate(const QString& kind, const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onObject();
    void onEvents();
    void updateYaml();

    ObjectDetails* m_details;
    QTabWidget* m_tabs;
    QLabel* m_title;
    QLabel* m_health;
    QLabel* m_message;
    QLabel* m_info;
    QLabel* m_created;
    QListWidget* m_owners;
    QListWidget* m_owned;
    QLabel* m_containersTitle;
    QTreeWidget* m_containers;
    QCheckBox* m_managedFields;
    QPushButton* m_copy;
    QLabel* m_yamlState;
    QPlainTextEdit* m_yaml;
    YamlHighlighter* m_highlighter;
    QLabel* m_eventsState;
    QPlainTextEdit* m_events;
};

} // namespace veladesk
