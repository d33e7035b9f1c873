#pragma once
// The revisions of one application: name, age, image(s), port(s), replicas running
// (ready/desired over the revision's Deployments) and the weight the live VirtualService
// gives it, from the NamespaceStore; changes are merged in place.

#include "models/ageticker.h"
#include "models/keyedrows.h"
#include "models/kubeobjects.h"

#include <QPointer>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace veladesk {

class NamespaceStore;

struct RevisionComponent
{
    QString name;
    QString type;
    QString image;
    QString port; // properties.port as written ("80" when absent: the webservice default)
    bool operator==(const RevisionComponent&) const = default;
};

// What the pane shows of one revision (parsed once by the store as a kube::rollout::AppRevision).
struct RevisionRow
{
    QString name;
    int number = 0;
    QDateTime created;
    QList<RevisionComponent> components;
    int desiredReplicas = 0;
    int readyReplicas = 0;
    bool deployed = false;     // at least one Deployment exists for it
    std::optional<int> weight; // live VirtualService weight; unset when no VirtualService
    bool inPlan = false;       // named by the app's AppDeployment
    bool operator==(const RevisionRow&) const = default;
};

class RevisionsModel : public KeyedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Age,
        Images,
        Ports,
        Replicas,
        Weight,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        SortRole
    };

    explicit RevisionsModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Follows the store's revisions, Deployments, VirtualServices and AppDeployments for the
    // revisions of `appName` ("" : none). The weight column reads the VirtualService named
    // after the app's AppDeployment.
    void setStore(const NamespaceStore* store);
    void setApplication(const QString& appName);
    void refresh();
    void clear();
    QString appName() const { return m_app; }
    const RevisionRow& revision(int row) const { return m_rows[row]; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // dataChanged on the Age column only; m_ages calls it every second while rows exist.
    void refreshAges();

private:
    AgeTicker m_ages{this, [this] { refreshAges(); }};
    QString m_app;
    QPointer<const NamespaceStore> m_store;
    QList<RevisionRow> m_rows;
    std::function<QDateTime()> m_now;
};

} // namespace veladesk
