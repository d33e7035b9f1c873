// Fuzz target: kubeconfig parsing, then resolving every context to a connection (as
// `veladesk --context X` would), for configs that name no files (the fuzzer must not make the
// target read arbitrary paths such as a FIFO).

#include "kube/kubeconfig.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char*>(data), qsizetype(size));
    kube::Result<kube::KubeConfig> config =
        kube::KubeConfig::parse(yaml, QStringLiteral("/fuzz/kubeconfig"));
    if (!config) {
        if (config.status.message.isEmpty())
            __builtin_trap(); // every error must say something
        return 0;
    }
    for (const kube::ClusterInfo& c : config.value.clusters)
        if (!c.certificateAuthorityFile.isEmpty())
            return 0;
    for (const kube::UserInfo& u : config.value.users)
        if (!u.clientCertificateFile.isEmpty() || !u.clientKeyFile.isEmpty() ||
            !u.tokenFile.isEmpty())
            return 0;
    for (const QString& context : config.value.contextNames())
        (void)config.value.connection(context);
    (void)config.value.connection();
    return 0;
}
