#include "kube/credentials.h"
#include "kube/readbounded.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <thread>

namespace kube::detail {

namespace {

Status credentialError(const QString& message)
{
    return Status::error(Status::Kind::Config, message, {}, QStringLiteral("CredentialError"));
}

// Plugin output may be long and is only shown to say what went wrong; never its stdout,
// which carries the credential.
QString stderrTail(const QByteArray& err)
{
    QString s = QString::fromUtf8(err).trimmed();
    if (s.size() > 600)
        s = QStringLiteral("...") + s.right(600);
    return s;
}

// Exec credentials shared by every Client of the process, as kubectl's client-go does: a
// GUI that reconnects must not run a slow plugin (an identity provider round trip) again
// while its last credential is still good.
struct SharedExecCache
{
    struct Entry
    {
        AuthMaterial material;
        QDateTime expiry; // invalid: no expiry
    };
    std::mutex mutex;
    QHash<QByteArray, Entry> entries;
};

SharedExecCache& sharedExecCache()
{
    static SharedExecCache cache;
    return cache;
}

bool expired(const QDateTime& expiry)
{
    return expiry.isValid() && QDateTime::currentDateTimeUtc() >= expiry;
}

// A bearer token becomes an HTTP header: a line break in it would end the Authorization
// header and start another one (header injection), other control characters are refused by
// servers. Only the kind of character is said, never the token.
QString tokenProblem(const QByteArray& token)
{
    for (const char c : token) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r' || c == '\n')
            return ktr("kube", "contains a line break (CR or LF)");
        if (u < 0x20 || u == 0x7f)
            return ktr("kube", "contains a control character (0x%1)")
                .arg(int(u), 2, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace

Credentials::Credentials(const ClusterConnection& connection)
    : m_connection(connection), m_user(connection.user)
{
    if (m_user.exec) {
        const ExecConfig& x = *m_user.exec;
        QStringList parts{x.apiVersion, x.command, x.configDir, m_connection.cluster.server,
                          m_connection.cluster.tlsServerName};
        parts << x.args;
        for (const auto& [name, value] : x.env)
            parts << name + QLatin1Char('=') + value;
        m_execKey = parts.join(QChar(0)).toUtf8();
    }
}

bool Credentials::needsExecRun()
{
    std::lock_guard lock(m_mutex);
    if (!m_user.exec)
        return false;
    if (m_haveExec && !expired(m_execExpiry))
        return false;
    SharedExecCache& shared = sharedExecCache();
    std::lock_guard sharedLock(shared.mutex);
    auto it = shared.entries.constFind(m_execKey);
    if (it != shared.entries.constEnd() && !expired(it->expiry)) {
        m_exec = it->material;
        m_execExpiry = it->expiry;
        m_haveExec = true;
        return false;
    }
    return true;
}

void Credentials::invalidateExec()
{
    std::lock_guard lock(m_mutex);
    if (m_haveExec) {
        // The server refused it: no other Client should pick it up either.
        SharedExecCache& shared = sharedExecCache();
        std::lock_guard sharedLock(shared.mutex);
        auto it = shared.entries.find(m_execKey);
        if (it != shared.entries.end() && it->material.bearerToken == m_exec.bearerToken &&
            it->material.clientCertPem == m_exec.clientCertPem)
            shared.entries.erase(it);
    }
    m_haveExec = false;
}

int Credentials::execRuns() const
{
    std::lock_guard lock(m_mutex);
    return m_execRuns;
}

QString Credentials::describe() const
{
    if (m_user.exec)
        return ktr("kube", "credential from exec plugin %1").arg(m_user.exec->command);
    if (!m_user.tokenFile.isEmpty())
        return ktr("kube", "bearer token from %1").arg(m_user.tokenFile);
    if (!m_user.token.isEmpty())
        return ktr("kube", "bearer token");
    if (!m_user.username.isEmpty())
        return ktr("kube", "basic authentication as %1").arg(m_user.username);
    if (!m_user.clientCertificateData.isEmpty())
        return ktr("kube", "client certificate");
    return ktr("kube", "no credentials (anonymous)");
}

Result<AuthMaterial> Credentials::material()
{
    AuthMaterial m;
    if (m_user.exec) {
        // Concurrent callers wait for one plugin run and then share its credential; a
        // caller whose credential is cached never waits for a run in progress.
        if (needsExecRun()) {
            std::lock_guard execLock(m_execMutex);
            if (needsExecRun()) {
                Result<AuthMaterial> r = runExec();
                if (!r)
                    return r;
            }
        }
        std::lock_guard lock(m_mutex);
        m = m_exec;
    }
    std::lock_guard lock(m_mutex);
    if (m.bearerToken.isEmpty() && !m_user.tokenFile.isEmpty()) {
        // Re-read when the file changed (projected ServiceAccount tokens rotate in place).
        const QFileInfo info(m_user.tokenFile);
        if (!info.exists())
            return Result<AuthMaterial>::failure(credentialError(
                ktr("kube", "%1: user \"%2\": tokenFile %3 does not exist")
                    .arg(m_user.sourceFile, m_connection.userName, m_user.tokenFile)));
        if (info.lastModified() != m_tokenFileModified || info.size() != m_tokenFileSize) {
            QFile f(m_user.tokenFile);
            if (!f.open(QIODevice::ReadOnly))
                return Result<AuthMaterial>::failure(
                    credentialError(ktr("kube", "%1: user \"%2\": cannot read tokenFile %3: %4")
                                        .arg(m_user.sourceFile, m_connection.userName,
                                             m_user.tokenFile, f.errorString())));
            const QByteArray content = readBounded(f, kMaxTokenFileBytes);
            if (content.size() > kMaxTokenFileBytes)
                return Result<AuthMaterial>::failure(credentialError(
                    ktr("kube", "%1: user \"%2\": tokenFile %3 is larger than %4 bytes; it "
                                "should hold one token")
                        .arg(m_user.sourceFile, m_connection.userName, m_user.tokenFile,
                             QString::number(kMaxTokenFileBytes))));
            // Surrounding white space (the file's final newline) is not part of the token,
            // as with kubectl; anything inside it is.
            const QByteArray token = content.trimmed();
            if (const QString problem = tokenProblem(token); !problem.isEmpty())
                return Result<AuthMaterial>::failure(credentialError(
                    ktr("kube", "%1: user \"%2\": the token in tokenFile %3 "
                                "%4; a token is one line of printable "
                                "characters")
                        .arg(m_user.sourceFile, m_connection.userName, m_user.tokenFile, problem)));
            m_tokenFromFile = token;
            m_tokenFileModified = info.lastModified();
            m_tokenFileSize = info.size();
        }
        m.bearerToken = m_tokenFromFile;
    }
    if (m.bearerToken.isEmpty() && !m_user.token.isEmpty()) {
        if (const QString problem = tokenProblem(m_user.token.toUtf8()); !problem.isEmpty())
            return Result<AuthMaterial>::failure(credentialError(
                ktr("kube", "%1: user \"%2\": token %3; a token is one line of printable "
                            "characters")
                    .arg(m_user.sourceFile, m_connection.userName, problem)));
        m.bearerToken = m_user.token.toUtf8();
    }
    if (m.bearerToken.isEmpty() && !m_user.username.isEmpty()) {
        m.basicUser = m_user.username.toUtf8();
        m.basicPassword = m_user.password.toUtf8();
    }
    return Result<AuthMaterial>::success(m);
}

void Credentials::withMaterial(std::shared_ptr<void> keepAlive,
                               std::function<void(Result<AuthMaterial>)> done)
{
    if (!needsExecRun()) {
        done(material());
        return;
    }
    {
        std::lock_guard lock(m_waitMutex);
        m_waiters.push_back(std::move(done));
        if (m_execThreadRunning)
            return; // that thread answers this caller too
        m_execThreadRunning = true;
    }
    std::thread([this, keepAlive = std::move(keepAlive)] {
        for (;;) {
            const Result<AuthMaterial> r = material();
            std::vector<std::function<void(Result<AuthMaterial>)>> waiters;
            {
                std::lock_guard lock(m_waitMutex);
                waiters.swap(m_waiters);
                if (waiters.empty()) {
                    m_execThreadRunning = false;
                    return;
                }
            }
            for (auto& w : waiters)
                w(r);
        }
    }).detach();
}

Result<AuthMaterial> Credentials::runExec()
{
    using R = Result<AuthMaterial>;
    const ExecConfig& x = *m_user.exec;
    const QString who =
        ktr("kube", "%1: user \"%2\": exec plugin").arg(m_user.sourceFile, m_connection.userName);
    auto withHint = [&](QString msg) {
        if (!x.installHint.isEmpty())
            msg += QStringLiteral("\n\n") + x.installHint.trimmed();
        return msg;
    };

    if (x.interactiveMode == QLatin1String("Always"))
        return R::failure(credentialError(
            ktr("kube", "%1 %2 needs an interactive terminal (interactiveMode: Always), "
                        "which VelaDesk cannot give it")
                .arg(who, x.command)));

    // kubectl's rule: a command with a slash is a path (relative ones from the kubeconfig's
    // folder); a bare name is looked up in PATH.
    QString program;
    if (x.command.contains(QLatin1Char('/'))) {
        program = QDir::isAbsolutePath(x.command)
                      ? x.command
                      : QDir::cleanPath(QDir(x.configDir).absoluteFilePath(x.command));
        if (!QFileInfo(program).isExecutable())
            program.clear();
    } else {
        program = QStandardPaths::findExecutable(x.command);
    }
    if (program.isEmpty())
        return R::failure(credentialError(
            withHint(ktr("kube", "%1: executable \"%2\" not found").arg(who, x.command))));

    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (x.provideClusterInfo) {
        QJsonObject cluster{{QStringLiteral("server"), m_connection.cluster.server}};
        if (!m_connection.cluster.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), m_connection.cluster.tlsServerName);
        if (m_connection.cluster.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!m_connection.cluster.certificateAuthorityData.isEmpty())
            cluster.insert(
                QStringLiteral("certificate-authority-data"),
                QString::fromLatin1(m_connection.cluster.certificateAuthorityData.toBase64()));
        if (!m_connection.cluster.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), m_connection.cluster.proxyUrl);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject execInfo{{QStringLiteral("apiVersion"), x.apiVersion},
                               {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                               {QStringLiteral("spec"), spec}};

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : x.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(QJsonDocument(execInfo).toJson(QJsonDocument::Compact)));

    QProcess process;
    process.setProgram(program);
    process.setArguments(x.args);
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(30000))
        return R::failure(credentialError(withHint(ktr("kube", "%1 %2 could not be started: %3")
                                                       .arg(who, program, process.errorString()))));
    // Read as it comes, so that a plugin that prints without end is stopped at the cap
    // instead of filling memory.
    QByteArray out, err;
    QElapsedTimer clock;
    clock.start();
    constexpr qint64 kExecTimeoutMs = 120000;
    auto drain = [&] {
        out += process.readAllStandardOutput();
        err += process.readAllStandardError();
        if (err.size() > 64 * 1024)
            err = err.right(16 * 1024); // only the tail is ever shown
    };
    auto tooMuchOutput = [&] {
        return R::failure(credentialError(
            ktr("kube", "%1 %2 printed more than %3 bytes on its standard output; an "
                        "ExecCredential is far smaller")
                .arg(who, program, QString::number(kMaxExecOutputBytes))));
    };
    while (process.state() != QProcess::NotRunning) {
        const qint64 left = kExecTimeoutMs - clock.elapsed();
        if (left <= 0) {
            process.kill();
            process.waitForFinished(2000);
            return R::failure(credentialError(
                ktr("kube", "%1 %2 did not finish within 120 s").arg(who, program)));
        }
        if (!process.waitForReadyRead(int(std::min<qint64>(left, 200))))
            process.waitForFinished(int(std::min<qint64>(left, 50)));
        drain();
        if (out.size() > kMaxExecOutputBytes) {
            process.kill();
            process.waitForFinished(2000);
            return tooMuchOutput();
        }
    }
    drain();
    {
        std::lock_guard lock(m_mutex);
        ++m_execRuns;
    }
    if (out.size() > kMaxExecOutputBytes)
        return tooMuchOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return R::failure(credentialError(
            ktr("kube", "%1 %2 failed (exit code %3): %4")
                .arg(who, program, QString::number(process.exitCode()), stderrTail(err))));

    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &perr);
    if (!doc.isObject())
        return R::failure(credentialError(ktr("kube", "%1 %2 printed no ExecCredential JSON: %3")
                                              .arg(who, program, perr.errorString())));
    const QJsonObject cred = doc.object();
    if (cred.value(QStringLiteral("kind")).toString() != QLatin1String("ExecCredential"))
        return R::failure(
            credentialError(ktr("kube", "%1 %2 printed kind \"%3\", expected ExecCredential")
                                .arg(who, program, cred.value(QStringLiteral("kind")).toString())));
    if (cred.value(QStringLiteral("apiVersion")).toString() != x.apiVersion)
        return R::failure(credentialError(
            ktr("kube", "%1 %2 printed apiVersion \"%3\", the kubeconfig asks for \"%4\"")
                .arg(who, program, cred.value(QStringLiteral("apiVersion")).toString(),
                     x.apiVersion)));
    const QJsonObject status = cred.value(QStringLiteral("status")).toObject();
    AuthMaterial m;
    m.bearerToken = status.value(QStringLiteral("token")).toString().toUtf8();
    m.clientCertPem = status.value(QStringLiteral("clientCertificateData")).toString().toUtf8();
    m.clientKeyPem = status.value(QStringLiteral("clientKeyData")).toString().toUtf8();
    if (const QString problem = tokenProblem(m.bearerToken); !problem.isEmpty())
        return R::failure(credentialError(
            ktr("kube", "%1 %2 returned a status.token that %3; a token is one line of "
                        "printable characters")
                .arg(who, program, problem)));
    if (m.bearerToken.isEmpty() && m.clientCertPem.isEmpty())
        return R::failure(credentialError(
            ktr("kube", "%1 %2 returned neither status.token nor status.clientCertificateData")
                .arg(who, program)));
    if (m.clientCertPem.isEmpty() != m.clientKeyPem.isEmpty())
        return R::failure(credentialError(
            ktr("kube", "%1 %2 returned clientCertificateData and clientKeyData only together")
                .arg(who, program)));
    QDateTime expiry;
    const QString exp = status.value(QStringLiteral("expirationTimestamp")).toString();
    if (!exp.isEmpty()) {
        expiry = QDateTime::fromString(exp, Qt::ISODateWithMs);
        if (!expiry.isValid())
            expiry = QDateTime::fromString(exp, Qt::ISODate);
        if (!expiry.isValid())
            return R::failure(credentialError(
                ktr("kube", "%1 %2 returned an unreadable expirationTimestamp \"%3\"")
                    .arg(who, program, exp)));
    }
    std::lock_guard lock(m_mutex);
    m_exec = m;
    m_execExpiry = expiry.toUTC();
    m_haveExec = true;
    {
        SharedExecCache& shared = sharedExecCache();
        std::lock_guard sharedLock(shared.mutex);
        shared.entries.insert(m_execKey, {m, m_execExpiry});
    }
    return R::success(m);
}

} // namespace kube::detail
