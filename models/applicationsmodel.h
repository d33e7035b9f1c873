#pragma once
// The applications of a namespace: name, number of revisions, latest revision, the
// AppDeployment that drives it (one whose appRevisions or targets name a revision of the app)
// and that AppDeployment's phase, from the NamespaceStore; changes are merged in place.
// The Phase column also says what is going on with applies (issue 8): "apply in progress by
// <holder> since <time>" (on three lines) while a live apply Lease exists (a Lease expires without
// an event: the store re-evaluates it every second), "Rolling (interrupted)" when an apply stopped
// half way. Server text reaches the tooltips as plain text (plainToolTip()).

#include "kube/rollout/applylease.h"
#include "models/keyedrows.h"

#include <QPointer>

#include <QJsonObject>
#include <QList>

namespace veladesk {

class NamespaceStore;

struct ApplicationRow
{
    QString name;
    int revisions = 0;
    QString latestRevision;
    QString appDeployment; // "" when none drives the app
    QString phase;
    QString problem; // condition message of a Failed AppDeployment
    kube::rollout::ApplyActivity activity = kube::rollout::ApplyActivity::Idle;
    QString activityText;   // shown in the Phase column instead of the phase, "" when Idle
    QString activityDetail; // its tooltip: the whole holder, the Lease, the ways out
    bool operator==(const ApplicationRow&) const = default;
};

class ApplicationsModel : public KeyedTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Revisions,
        Latest,
        AppDeployment,
        Phase,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        AppDeploymentRole,
        ActivityRole, // int(kube::rollout::ApplyActivity)
    };

    explicit ApplicationsModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Follows the store's Applications, ApplicationRevisions, AppDeployments and apply Leases.
    // An app that has revisions but no Application object (deleted) is still listed.
    void setStore(const NamespaceStore* store);
    // Rebuilds the rows from the store (merged in place); the store's changes call it.
    void refresh();
    void clear();
    int rowOf(const QString& name) const;
    const ApplicationRow& application(int row) const { return m_rows[row]; }

private:
    QList<ApplicationRow> m_rows;
    QPointer<const NamespaceStore> m_store;
};

} // namespace veladesk
