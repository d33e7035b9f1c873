#include "kube/kubeconfig.h"
#include "kube/readbounded.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <yaml-cpp/yaml.h>

namespace kube {

namespace {

// Thrown inside parse() only; converted to a Status before leaving this file.
struct ParseError
{
    QString message;
};

[[noreturn]] void fail(const QString& message)
{
    throw ParseError{message};
}

QString where(const YAML::Node& node)
{
    const YAML::Mark m = node.Mark();
    if (m.line < 0)
        return {};
    return QStringLiteral(":%1:%2").arg(m.line + 1).arg(m.column + 1);
}

class Parser
{
public:
    explicit Parser(QString file) : m_file(std::move(file)), m_dir(QFileInfo(m_file).absolutePath())
    {
    }

    QString prefix(const YAML::Node& node) const
    {
        return m_file + where(node) + QStringLiteral(": ");
    }

    QString string(const YAML::Node& node, const QString& entry, const char* key) const
    {
        const YAML::Node v = node[key];
        if (!v || v.IsNull())
            return {};
        if (!v.IsScalar())
            fail(prefix(v) + ktr("kube", "%1: %2 must be a string").arg(entry, QLatin1String(key)));
        return QString::fromStdString(v.Scalar());
    }

    bool boolean(const YAML::Node& node, const QString& entry, const char* key) const
    {
        const YAML::Node v = node[key];
        if (!v || v.IsNull())
            return false;
        const QString s = v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
        if (s == QLatin1String("true") || s == QLatin1String("True") || s == QLatin1String("TRUE"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("False") ||
            s == QLatin1String("FALSE"))
            return false;
        fail(prefix(v) + ktr("kube", "%1: %2 must be true or false, not \"%3\"")
                             .arg(entry, QLatin1String(key), s));
    }

    QByteArray base64(const YAML::Node& node, const QString& entry, const char* key) const
    {
        const QString text = string(node, entry, key);
        if (text.isEmpty())
            return {};
        // As kubectl (Go's base64 decoder): line breaks anywhere are ignored, so a value
        // wrapped over several lines (a block scalar, "\n" escapes) is accepted.
        QByteArray compact = text.toLatin1().trimmed();
        compact.replace('\r', QByteArray()).replace('\n', QByteArray());
        auto decoded =
            QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(prefix(node[key]) +
                 ktr("kube", "%1: %2 is not valid base64").arg(entry, QLatin1String(key)));
        return *decoded;
    }

    // Relative file references are relative to the folder of the kubeconfig that names them.
    QString path(const YAML::Node& node, const QString& entry, const char* key) const
    {
        const QString p = string(node, entry, key);
        if (p.isEmpty())
            return {};
        QString expanded = p;
        if (expanded.startsWith(QLatin1String("~/")))
            expanded = QDir::homePath() + expanded.mid(1);
        return QDir::cleanPath(QDir(m_dir).absoluteFilePath(expanded));
    }

    // A named list ("clusters", "users", "contexts"): name -> inner mapping.
    QList<QPair<QString, YAML::Node>> namedList(const YAML::Node& root, const char* key,
                                                const char* inner) const
    {
        QList<QPair<QString, YAML::Node>> out;
        const YAML::Node list = root[key];
        if (!list || list.IsNull())
            return out;
        if (!list.IsSequence())
            fail(prefix(list) + ktr("kube", "%1 must be a list").arg(QLatin1String(key)));
        QStringList seen;
        int index = 0;
        for (const YAML::Node& item : list) {
            const QString entry = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(index++);
            if (!item.IsMap())
                fail(prefix(item) + ktr("kube", "%1 must be a mapping with name and %2")
                                        .arg(entry, QLatin1String(inner)));
            const QString name = string(item, entry, "name");
            if (name.isEmpty())
                fail(prefix(item) + ktr("kube", "%1 has no name").arg(entry));
            if (seen.contains(name))
                fail(prefix(item) + ktr("kube", "%1: duplicate name \"%2\"").arg(entry, name));
            seen << name;
            const YAML::Node body = item[inner];
            if (body && !body.IsNull() && !body.IsMap())
                fail(prefix(body) + ktr("kube", "%1 \"%2\": %3 must be a mapping")
                                        .arg(QLatin1String(inner), name, QLatin1String(inner)));
            out.append({name, body});
        }
        return out;
    }

    ClusterInfo cluster(const QString& name, const YAML::Node& n) const
    {
        ClusterInfo c;
        c.sourceFile = m_file;
        if (!n || n.IsNull())
            return c;
        const QString entry = QStringLiteral("cluster \"%1\"").arg(name);
        c.server = string(n, entry, "server");
        c.tlsServerName = string(n, entry, "tls-server-name");
        c.insecureSkipTlsVerify = boolean(n, entry, "insecure-skip-tls-verify");
        c.certificateAuthorityFile = path(n, entry, "certificate-authority");
        c.certificateAuthorityData = base64(n, entry, "certificate-authority-data");
        c.proxyUrl = string(n, entry, "proxy-url");
        return c;
    }

    UserInfo user(const QString& name, const YAML::Node& n) const
    {
        UserInfo u;
        u.sourceFile = m_file;
        if (!n || n.IsNull())
            return u;
        const QString entry = QStringLiteral("user \"%1\"").arg(name);
        u.clientCertificateFile = path(n, entry, "client-certificate");
        u.clientCertificateData = base64(n, entry, "client-certificate-data");
        u.clientKeyFile = path(n, entry, "client-key");
        u.clientKeyData = base64(n, entry, "client-key-data");
        u.token = string(n, entry, "token");
        u.tokenFile = path(n, entry, "tokenFile");
        u.username = string(n, entry, "username");
        u.password = string(n, entry, "password");
        for (const char* key : {"auth-provider", "as", "as-uid", "as-groups", "as-user-extra"}) {
            const YAML::Node v = n[key];
            if (v && !v.IsNull())
                u.unsupported << QLatin1String(key);
        }
        const YAML::Node exec = n["exec"];
        if (exec && !exec.IsNull()) {
            if (!exec.IsMap())
                fail(prefix(exec) + ktr("kube", "%1: exec must be a mapping").arg(entry));
            const QString e = ktr("kube", "%1: exec").arg(entry);
            ExecConfig x;
            x.apiVersion = string(exec, e, "apiVersion");
            x.command = string(exec, e, "command");
            x.installHint = string(exec, e, "installHint");
            x.provideClusterInfo = boolean(exec, e, "provideClusterInfo");
            x.interactiveMode = string(exec, e, "interactiveMode");
            x.configDir = m_dir;
            const YAML::Node args = exec["args"];
            if (args && !args.IsNull()) {
                if (!args.IsSequence())
                    fail(prefix(args) + ktr("kube", "%1: args must be a list of strings").arg(e));
                for (const YAML::Node& a : args) {
                    if (!a.IsScalar())
                        fail(prefix(a) + ktr("kube", "%1: args must be a list of strings").arg(e));
                    x.args << QString::fromStdString(a.Scalar());
                }
            }
            const YAML::Node env = exec["env"];
            if (env && !env.IsNull()) {
                if (!env.IsSequence())
                    fail(prefix(env) +
                         ktr("kube", "%1: env must be a list of {name, value}").arg(e));
                for (const YAML::Node& kv : env) {
                    if (!kv.IsMap())
                        fail(prefix(kv) +
                             ktr("kube", "%1: env must be a list of {name, value}").arg(e));
                    const QString varName = string(kv, e, "name");
                    if (varName.isEmpty())
                        fail(prefix(kv) + ktr("kube", "%1: env entry without a name").arg(e));
                    x.env.append({varName, string(kv, e, "value")});
                }
            }
            u.exec = x;
        }
        return u;
    }

private:
    QString m_file;
    QString m_dir;
};

Status configError(const QString& message, const QString& object = {})
{
    return Status::error(Status::Kind::Config, message, object,
                         QStringLiteral("InvalidKubeconfig"));
}

// Reads a file a kubeconfig entry names; the error says which entry and which key.
bool readReferenced(const QString& file, const QString& entryFile, const QString& entry,
                    const char* key, QByteArray* out, Status* error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = configError(ktr("kube", "%1: %2: cannot read %3 %4: %5")
                                 .arg(entryFile, entry, QLatin1String(key), file, f.errorString()));
        return false;
    }
    *out = readBounded(f, kMaxKubeconfigFileBytes);
    if (out->size() > kMaxKubeconfigFileBytes) {
        out->clear();
        *error = configError(ktr("kube", "%1: %2: %3 %4 is larger than %5 bytes, the most "
                                         "VelaDesk reads")
                                 .arg(entryFile, entry, QLatin1String(key), file,
                                      QString::number(kMaxKubeconfigFileBytes)));
        return false;
    }
    return true;
}

} // namespace

Result<KubeConfig> KubeConfig::parse(const QByteArray& yaml, const QString& sourcePath)
{
    KubeConfig config;
    config.m_files << sourcePath;
    if (yaml.size() > kMaxKubeconfigFileBytes)
        return Result<KubeConfig>::failure(
            configError(ktr("kube", "%1: larger than %2 bytes, the most VelaDesk reads of a "
                                    "kubeconfig")
                            .arg(sourcePath, QString::number(kMaxKubeconfigFileBytes))));
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception& e) {
        return Result<KubeConfig>::failure(configError(
            ktr("kube", "%1:%2:%3: invalid YAML: %4")
                .arg(sourcePath, QString::number(e.mark.line + 1),
                     QString::number(e.mark.column + 1), QString::fromStdString(e.msg))));
    }
    if (!root || root.IsNull())
        return Result<KubeConfig>::success(config); // an empty file is an empty config
    try {
        Parser p(sourcePath);
        if (!root.IsMap())
            fail(p.prefix(root) +
                 ktr("kube", "not a kubeconfig (the top level must be a mapping)"));
        const QString kind = p.string(root, QStringLiteral("kubeconfig"), "kind");
        if (!kind.isEmpty() && kind != QLatin1String("Config"))
            fail(p.prefix(root["kind"]) +
                 ktr("kube", "not a kubeconfig: kind is \"%1\", expected Config").arg(kind));
        config.current = p.string(root, QStringLiteral("kubeconfig"), "current-context");
        for (const auto& [name, node] : p.namedList(root, "clusters", "cluster"))
            config.clusters.insert(name, p.cluster(name, node));
        for (const auto& [name, node] : p.namedList(root, "users", "user"))
            config.users.insert(name, p.user(name, node));
        for (const auto& [name, node] : p.namedList(root, "contexts", "context")) {
            const QString entry = QStringLiteral("context \"%1\"").arg(name);
            Context c;
            c.sourceFile = sourcePath;
            if (node && !node.IsNull()) {
                c.cluster = p.string(node, entry, "cluster");
                c.user = p.string(node, entry, "user");
                c.namespaceName = p.string(node, entry, "namespace");
            }
            config.contexts.insert(name, c);
        }
    } catch (const ParseError& e) {
        return Result<KubeConfig>::failure(configError(e.message));
    } catch (const YAML::Exception& e) {
        return Result<KubeConfig>::failure(configError(
            QStringLiteral("%1: %2").arg(sourcePath, QString::fromStdString(e.what()))));
    }
    return Result<KubeConfig>::success(config);
}

void KubeConfig::mergeFrom(const KubeConfig& other)
{
    for (auto it = other.clusters.begin(); it != other.clusters.end(); ++it)
        if (!clusters.contains(it.key()))
            clusters.insert(it.key(), it.value());
    for (auto it = other.users.begin(); it != other.users.end(); ++it)
        if (!users.contains(it.key()))
            users.insert(it.key(), it.value());
    for (auto it = other.contexts.begin(); it != other.contexts.end(); ++it)
        if (!contexts.contains(it.key()))
            contexts.insert(it.key(), it.value());
    if (current.isEmpty())
        current = other.current;
    for (const QString& f : other.m_files)
        if (!m_files.contains(f))
            m_files << f;
}

Result<KubeConfig> KubeConfig::load(const KubeConfigOptions& options)
{
    QStringList files;
    bool explicitFile = false;
    if (!options.kubeconfigPath.isEmpty()) {
        files << options.kubeconfigPath;
        explicitFile = true;
    } else {
        const QString env = qEnvironmentVariable("KUBECONFIG");
        if (!env.isEmpty()) {
            for (const QString& f : env.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
                const QString abs = QFileInfo(f).absoluteFilePath();
                if (!files.contains(abs))
                    files << abs;
            }
        } else {
            files << QDir::homePath() + QStringLiteral("/.kube/config");
        }
    }

    KubeConfig merged;
    merged.options = options;
    for (const QString& f : files) {
        QFile file(f);
        if (!file.exists()) {
            // kubectl skips missing KUBECONFIG entries but not a missing --kubeconfig.
            if (explicitFile)
                return Result<KubeConfig>::failure(
                    configError(ktr("kube", "%1: kubeconfig file does not exist").arg(f)));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly))
            return Result<KubeConfig>::failure(
                configError(ktr("kube", "%1: cannot read: %2").arg(f, file.errorString())));
        // One byte past the limit at most: parse() says when there was more.
        const QByteArray data = readBounded(file, kMaxKubeconfigFileBytes);
        Result<KubeConfig> one = parse(data, QFileInfo(f).absoluteFilePath());
        if (!one)
            return one;
        merged.mergeFrom(one.value);
    }
    if (merged.m_files.isEmpty())
        merged.m_files = files; // remembered for "no configuration" messages
    merged.options = options;
    return Result<KubeConfig>::success(merged);
}

QStringList KubeConfig::contextNames() const
{
    return contexts.keys();
}

QString KubeConfig::currentContext() const
{
    return options.context.isEmpty() ? current : options.context;
}

Result<ClusterConnection> KubeConfig::connection(const QString& context) const
{
    using R = Result<ClusterConnection>;
    const QString files = m_files.join(QLatin1Char(':'));
    const QString name = context.isEmpty() ? currentContext() : context;
    if (name.isEmpty()) {
        if (contexts.isEmpty())
            return R::failure(configError(
                ktr("kube", "no configuration: %1 defines no context (set KUBECONFIG or "
                            "pass --kubeconfig)")
                    .arg(files.isEmpty() ? QStringLiteral("~/.kube/config") : files)));
        return R::failure(configError(
            ktr("kube", "%1: current-context is not set; choose one of %2 with --context")
                .arg(files, contextNames().join(QStringLiteral(", ")))));
    }
    if (!contexts.contains(name))
        return R::failure(
            configError(ktr("kube", "%1: context \"%2\" not found").arg(files, name)));
    const Context ctx = contexts.value(name);
    const QString ctxEntry = QStringLiteral("context \"%1\"").arg(name);
    if (ctx.cluster.isEmpty())
        return R::failure(
            configError(ktr("kube", "%1: %2: cluster is missing").arg(ctx.sourceFile, ctxEntry)));
    if (!clusters.contains(ctx.cluster))
        return R::failure(configError(ktr("kube", "%1: %2: cluster \"%3\" not found in %4")
                                          .arg(ctx.sourceFile, ctxEntry, ctx.cluster, files)));
    if (!ctx.user.isEmpty() && !users.contains(ctx.user))
        return R::failure(configError(ktr("kube", "%1: %2: user \"%3\" not found in %4")
                                          .arg(ctx.sourceFile, ctxEntry, ctx.user, files)));

    ClusterConnection c;
    c.contextName = name;
    c.clusterName = ctx.cluster;
    c.userName = ctx.user;
    c.namespaceName = !options.namespaceName.isEmpty() ? options.namespaceName
                      : !ctx.namespaceName.isEmpty()   ? ctx.namespaceName
                                                       : QStringLiteral("default");
    c.cluster = clusters.value(ctx.cluster);
    if (!ctx.user.isEmpty())
        c.user = users.value(ctx.user);

    const QString clusterEntry = QStringLiteral("cluster \"%1\"").arg(ctx.cluster);
    const QString cfile = c.cluster.sourceFile;
    if (c.cluster.server.isEmpty())
        return R::failure(
            configError(ktr("kube", "%1: %2: server is missing").arg(cfile, clusterEntry)));
    const QUrl server(c.cluster.server);
    if (!server.isValid() || server.host().isEmpty() ||
        (server.scheme() != QLatin1String("https") && server.scheme() != QLatin1String("http")))
        return R::failure(configError(ktr("kube", "%1: %2: server \"%3\" is not an http(s) URL")
                                          .arg(cfile, clusterEntry, c.cluster.server)));
    if (!c.cluster.certificateAuthorityFile.isEmpty() &&
        !c.cluster.certificateAuthorityData.isEmpty())
        return R::failure(configError(
            ktr("kube", "%1: %2: certificate-authority and certificate-authority-data are "
                        "both set; set only one")
                .arg(cfile, clusterEntry)));
    if (c.cluster.insecureSkipTlsVerify && (!c.cluster.certificateAuthorityFile.isEmpty() ||
                                            !c.cluster.certificateAuthorityData.isEmpty()))
        return R::failure(
            configError(ktr("kube", "%1: %2: insecure-skip-tls-verify cannot be combined with a "
                                    "certificate authority")
                            .arg(cfile, clusterEntry)));
    Status err;
    if (!c.cluster.certificateAuthorityFile.isEmpty() &&
        !readReferenced(c.cluster.certificateAuthorityFile, cfile, clusterEntry,
                        "certificate-authority", &c.cluster.certificateAuthorityData, &err))
        return R::failure(err);
    if (c.cluster.insecureSkipTlsVerify)
        c.warnings << ktr("kube", "%1 sets insecure-skip-tls-verify: the identity of %2 is "
                                  "not verified, anyone on the network path can "
                                  "impersonate it")
                          .arg(clusterEntry, c.cluster.server);
    if (server.scheme() == QLatin1String("http"))
        c.warnings
            << ktr("kube", "%1 uses plain http: credentials travel unencrypted").arg(clusterEntry);

    if (!ctx.user.isEmpty()) {
        UserInfo& u = c.user;
        const QString userEntry = QStringLiteral("user \"%1\"").arg(ctx.user);
        const QString ufile = u.sourceFile;
        if (!u.unsupported.isEmpty())
            return R::failure(
                configError(ktr("kube", "%1: %2: %3 not supported by VelaDesk")
                                .arg(ufile, userEntry, u.unsupported.join(QStringLiteral(", ")))));
        if (!u.clientCertificateFile.isEmpty() && !u.clientCertificateData.isEmpty())
            return R::failure(configError(
                ktr("kube", "%1: %2: client-certificate and client-certificate-data are "
                            "both set; set only one")
                    .arg(ufile, userEntry)));
        if (!u.clientKeyFile.isEmpty() && !u.clientKeyData.isEmpty())
            return R::failure(
                configError(ktr("kube", "%1: %2: client-key and client-key-data are both "
                                        "set; set only one")
                                .arg(ufile, userEntry)));
        if (!u.clientCertificateFile.isEmpty() &&
            !readReferenced(u.clientCertificateFile, ufile, userEntry, "client-certificate",
                            &u.clientCertificateData, &err))
            return R::failure(err);
        if (!u.clientKeyFile.isEmpty() && !readReferenced(u.clientKeyFile, ufile, userEntry,
                                                          "client-key", &u.clientKeyData, &err))
            return R::failure(err);
        if (u.clientCertificateData.isEmpty() != u.clientKeyData.isEmpty())
            return R::failure(configError(
                ktr("kube", "%1: %2: %3 is set without %4")
                    .arg(ufile, userEntry,
                         u.clientKeyData.isEmpty() ? QStringLiteral("client-certificate")
                                                   : QStringLiteral("client-key"),
                         u.clientKeyData.isEmpty() ? QStringLiteral("client-key")
                                                   : QStringLiteral("client-certificate"))));
        const bool hasToken = !u.token.isEmpty() || !u.tokenFile.isEmpty();
        const bool hasBasic = !u.username.isEmpty() || !u.password.isEmpty();
        if (hasToken && hasBasic)
            return R::failure(
                configError(ktr("kube", "%1: %2: more than one authentication method (token and "
                                        "username/password); set only one")
                                .arg(ufile, userEntry)));
        if (hasBasic && u.username.isEmpty())
            return R::failure(configError(
                ktr("kube", "%1: %2: password is set without username").arg(ufile, userEntry)));
        if (!u.tokenFile.isEmpty() && !QFileInfo(u.tokenFile).isReadable())
            return R::failure(
                configError(ktr("kube", "%1: %2: tokenFile %3 does not exist or is not readable")
                                .arg(ufile, userEntry, u.tokenFile)));
        if (u.exec) {
            const ExecConfig& x = *u.exec;
            if (x.command.isEmpty())
                return R::failure(configError(
                    ktr("kube", "%1: %2: exec: command is missing").arg(ufile, userEntry)));
            if (x.apiVersion != QLatin1String("client.authentication.k8s.io/v1") &&
                x.apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1"))
                return R::failure(
                    configError(ktr("kube", "%1: %2: exec: apiVersion \"%3\" is not supported (use "
                                            "client.authentication.k8s.io/v1 or v1beta1)")
                                    .arg(ufile, userEntry, x.apiVersion)));
            if (x.apiVersion == QLatin1String("client.authentication.k8s.io/v1") &&
                x.interactiveMode.isEmpty())
                return R::failure(
                    configError(ktr("kube", "%1: %2: exec: interactiveMode must be set for "
                                            "client.authentication.k8s.io/v1")
                                    .arg(ufile, userEntry)));
            if (!x.interactiveMode.isEmpty() && x.interactiveMode != QLatin1String("Never") &&
                x.interactiveMode != QLatin1String("IfAvailable") &&
                x.interactiveMode != QLatin1String("Always"))
                return R::failure(configError(
                    ktr("kube", "%1: %2: exec: interactiveMode \"%3\" is not one of Never, "
                                "IfAvailable, Always")
                        .arg(ufile, userEntry, x.interactiveMode)));
        }
    }
    return R::success(c);
}

} // namespace kube
