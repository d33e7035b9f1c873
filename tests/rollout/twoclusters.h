#pragma once
// The two local clusters of the multi-cluster tests (fixtures kube_cluster and kube_cluster_b):
// one kubeconfig with both as two contexts, as kubectl merges KUBECONFIG=a:b (a's context is
// the current one). Used by tst_rollout_multicluster_cluster and tst_gui_multicluster.

#include "kube/kubeconfig.h"

#include <QFile>
#include <QProcess>
#include <QString>

namespace twoclusters {

struct Merged
{
    QString kubeconfig; // the merged file
    QString contextA, contextB;
    QString error; // "" when it worked
};

// Writes the merged kubeconfig of VELADESK_TEST_KUBECONFIG and VELADESK_TEST_KUBECONFIG_B to
// `path` (blocking, kubectl config view --flatten).
inline Merged merge(const QString& path)
{
    Merged out;
    const QString a = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG");
    const QString b = qEnvironmentVariable("VELADESK_TEST_KUBECONFIG_B");
    if (a.isEmpty() || b.isEmpty()) {
        out.error = QStringLiteral("run through ctest (kube_cluster and kube_cluster_b fixtures)");
        return out;
    }
    // kwokctl names the contexts kwok-<cluster>
    auto ca = kube::KubeConfig::load({a, {}, {}});
    auto cb = kube::KubeConfig::load({b, {}, {}});
    if (!ca.ok() || !cb.ok()) {
        out.error = ca.status.toString() + cb.status.toString();
        return out;
    }
    out.contextA = ca.value.currentContext();
    out.contextB = cb.value.currentContext();
    if (out.contextA == out.contextB) {
        out.error = QStringLiteral("both clusters have the context %1").arg(out.contextA);
        return out;
    }
    QProcess merge;
    merge.setProgram(QStringLiteral("bash"));
    merge.setArguments(
        {QStringLiteral("-c"),
         QStringLiteral(". \"$VELADESK_CLUSTER_SCRIPTS/versions.sh\" && KUBECONFIG=%1:%2 "
                        "\"$CP_BIN_DIR/kubectl\" config view --flatten")
             .arg(a, b)});
    merge.start();
    if (!merge.waitForFinished(60000) || merge.exitCode() != 0) {
        out.error = QString::fromUtf8(merge.readAllStandardError());
        return out;
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(merge.readAllStandardOutput()) < 0) {
        out.error = QStringLiteral("cannot write ") + path;
        return out;
    }
    f.close();
    auto merged = kube::KubeConfig::load({path, {}, {}});
    if (!merged.ok())
        out.error = merged.status.toString();
    else if (!merged.value.contexts.contains(out.contextA) ||
             !merged.value.contexts.contains(out.contextB))
        out.error =
            QStringLiteral("the merged kubeconfig lacks %1 or %2").arg(out.contextA, out.contextB);
    else
        out.kubeconfig = path;
    return out;
}

} // namespace twoclusters
