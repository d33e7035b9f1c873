#pragma once
// The revisions of one application: name, age, image(s), port(s), replicas running
// (ready/desired over the revision's Deployments) and the weight the live VirtualService
// gives it. Snapshots are merged in place.

#include "models/ageticker.h"
#include "models/keyedrows.h"
#include "models/kubeobjects.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace veladesk {

struct RevisionRow
{
    RevisionInfo info;
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

    // `revisions`: ApplicationRevisions of the namespace (others than appName's are ignored);
    // `deployments`: Deployments of the namespace (matched by label app.oam.dev/appRevision,
    // else by the <component>-<vN> name); `virtualService`: the app's live VirtualService or
    // empty; `appDeployment`: the app's AppDeployment or empty.
    void setObjects(const QString& appName, const QList<QJsonObject>& revisions,
                    const QList<QJsonObject>& deployments, const QJsonObject& virtualService,
                    const QJsonObject& appDeployment);
    void clear();
    QString appName() const { return m_app; }
    QList<RevisionInfo> revisionInfos() const;
    const RevisionRow& revision(int row) const { return m_rows[row]; }
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // dataChanged on the Age column only; m_ages calls it every second while rows exist.
    void refreshAges();

private:
    AgeTicker m_ages{this, [this] { refreshAges(); }};
    QString m_app;
    QList<RevisionRow> m_rows;
    std::function<QDateTime()> m_now;
};

} // namespace veladesk
