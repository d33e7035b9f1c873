// The command line's kubectl conventions without a cluster (issue 14, item 2): every command
// of `veladesk help` has --help, `help COMMAND` and -h printing the same, and kubectl's error
// for an unknown flag; `version` without a cluster; the completion scripts (bash and fish run,
// zsh parsed) and `__complete`; a malformed -v.

#include "clitest.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using clitest::Run;

Run run(const QString& program, const QStringList& args,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return clitest::runProcess(program, args, env, 30000);
}

Run veladesk(const QStringList& args)
{
    return run(qEnvironmentVariable("VELADESK_BINARY"), args);
}

// The command words listed by `veladesk help` (so a new command's row is tested too).
QStringList listedCommands()
{
    const Run r = veladesk({QStringLiteral("help")});
    const QString commands =
        r.out.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList words;
    static const QRegularExpression first(QStringLiteral("^  ([a-z][a-z-]*)"));
    for (const QString& line : commands.split(QLatin1Char('\n')))
        if (const QRegularExpressionMatch m = first.match(line); m.hasMatch())
            words << m.captured(1);
    return words;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_bin; // holds a veladesk link for the shells' PATH
    QProcessEnvironment m_env;

    Run shell(const QString& program, const QString& script)
    {
        return run(program, {QStringLiteral("-c"), script}, m_env);
    }

    QStringList bashComplete(const QString& words)
    {
        // COMP_WORDS from the words; the last one (possibly empty) is being completed.
        const Run r = shell(QStringLiteral("bash"),
                            QStringLiteral("source <(veladesk completion bash) || exit 3; "
                                           "COMP_WORDS=(%1); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); "
                                           "_veladesk_complete; printf '%s\\n' \"${COMPREPLY[@]}\"")
                                .arg(words));
        if (r.exitCode != 0)
            return {QStringLiteral("bash failed: ") + r.err};
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(qEnvironmentVariable("VELADESK_BINARY")))
            QSKIP("veladesk binary not built");
        QVERIFY(QFile::link(qEnvironmentVariable("VELADESK_BINARY"),
                            m_bin.filePath(QStringLiteral("veladesk"))));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("PATH"),
                     m_bin.path() + QLatin1Char(':') + m_env.value(QStringLiteral("PATH")));
        // No cluster: completion of names must not find one either.
        m_env.insert(QStringLiteral("KUBECONFIG"), m_bin.filePath(QStringLiteral("none")));
    }

    void overviewListsEveryCommand()
    {
        const QStringList words = listedCommands();
        for (const char* c :
             {"render", "setup", "app", "revisions", "diff", "apply", "status", "reapply", "revert",
              "logs", "events", "version", "completion", "help"})
            QVERIFY2(words.contains(QLatin1String(c)), c);
        QVERIFY(!words.contains(QStringLiteral("__complete"))); // hidden
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const QString& c : listedCommands())
            QTest::newRow(qPrintable(c)) << c;
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        const Run help = veladesk({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.err.isEmpty(), qPrintable(help.err));
        QVERIFY2(help.out.contains(QStringLiteral("Usage:")) &&
                     help.out.contains(QStringLiteral("veladesk ") + command),
                 qPrintable(help.out));
        QVERIFY2(help.out.contains(QLatin1String("Flags:")) ||
                     help.out.contains(QLatin1String("Global flags:")) ||
                     help.out.contains(QLatin1String("--kubeconfig")),
                 qPrintable(help.out));
        if (command != QLatin1String("logs") && command != QLatin1String("events"))
            QVERIFY2(help.out.contains(QLatin1String("\nExamples:\n  ")), qPrintable(help.out));
        // `veladesk help COMMAND` and -h print the same.
        const Run viaHelp = veladesk({QStringLiteral("help"), command});
        QCOMPARE(viaHelp.exitCode, 0);
        QCOMPARE(viaHelp.out, help.out);
        const Run shortFlag = veladesk({command, QStringLiteral("-h")});
        QCOMPARE(shortFlag.exitCode, 0);
        QCOMPARE(shortFlag.out, help.out);
        // An unknown flag: kubectl's words and status, the command's help named.
        const Run bad = veladesk({command, QStringLiteral("--no-such-flag")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.out.isEmpty());
        QVERIFY2(bad.err.startsWith(QLatin1String("error: unknown flag: --no-such-flag\n")),
                 qPrintable(bad.err));
        QVERIFY2(
            bad.err.endsWith(QStringLiteral("See 'veladesk %1 --help' for usage.\n").arg(command)),
            qPrintable(bad.err));
    }

    void unknownFlagHints()
    {
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("-f"), QStringLiteral("x.yaml"),
                          QStringLiteral("--dryrun")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("error: unknown flag: --dryrun\nDid you mean --dry-run?\n"
                                       "See 'veladesk apply --help' for usage.\n"));
        r = veladesk({QStringLiteral("status"), QStringLiteral("--kubeconfg=/x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Did you mean --kubeconfig?")), qPrintable(r.err));
        r = veladesk({QStringLiteral("help"), QStringLiteral("aply")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("unknown command \"aply\"")) &&
                     r.err.contains(QLatin1String("\tapply")),
                 qPrintable(r.err));
    }

    void verbosityFlag()
    {
        for (const QStringList& spelled :
             {QStringList{QStringLiteral("-v"), QStringLiteral("6")},
              QStringList{QStringLiteral("-v6")}, QStringList{QStringLiteral("--v=6")},
              QStringList{QStringLiteral("--v"), QStringLiteral("6")},
              QStringList{QStringLiteral("-v=6")}}) {
            // Before or after the command word; nothing is asked of a server offline.
            const Run r = veladesk(
                spelled + QStringList{QStringLiteral("version"), QStringLiteral("--client")});
            QVERIFY2(r.exitCode == 0 && r.out.startsWith(QLatin1String("Client Version: v")),
                     qPrintable(spelled.join(QLatin1Char(' ')) + r.err));
        }
        Run r = veladesk({QStringLiteral("-v"), QStringLiteral("loud"), QStringLiteral("version")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.startsWith(QLatin1String("error: invalid argument \"loud\" for \"-v, --v\"")),
            qPrintable(r.err));
        r = veladesk({QStringLiteral("version"), QStringLiteral("-v")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("flag -v needs a value")), qPrintable(r.err));
    }

    void versionWithoutCluster()
    {
        const QString missing = m_bin.filePath(QStringLiteral("missing-kubeconfig"));
        Run r = veladesk({QStringLiteral("version"), QStringLiteral("--kubeconfig"), missing});
        QCOMPARE(r.exitCode, 0); // as kubectl version: the client's version is still news
        QVERIFY2(QRegularExpression(QStringLiteral("^Client Version: v\\d+\\.\\d+\\.\\d+\\n"
                                                   "Server Version: unreachable: .+\\n$"))
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(missing), qPrintable(r.out));
        r = veladesk({QStringLiteral("version"), QStringLiteral("-o"), QStringLiteral("json"),
                      QStringLiteral("--kubeconfig"), missing});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(
            doc[QLatin1String("clientVersion")][QLatin1String("gitVersion")].toString().startsWith(
                QLatin1Char('v')),
            qPrintable(r.out));
        QVERIFY(!doc.contains(QLatin1String("serverVersion")));
        QVERIFY2(r.err.contains(QLatin1String("Server Version: unreachable: ")), qPrintable(r.err));
        // A server that does not listen: unreachable, quickly, still exit 0.
        QTemporaryDir dir;
        QFile kc(dir.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(kc.open(QIODevice::WriteOnly));
        kc.write("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "
                 "'https://127.0.0.1:1'}\nusers:\n- name: u\n  user: {token: abc}\ncontexts:\n- "
                 "name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n");
        kc.close();
        r = veladesk({QStringLiteral("version"), QStringLiteral("--kubeconfig"), kc.fileName()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("cannot connect to https://127.0.0.1:1")),
                 qPrintable(r.out));
        r = veladesk({QStringLiteral("version"), QStringLiteral("--client"), QStringLiteral("-o"),
                      QStringLiteral("yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("clientVersion:\n")) && r.err.isEmpty(),
                 qPrintable(r.out + r.err));
    }

    void bashCompletion()
    {
        QCOMPARE(bashComplete(QStringLiteral("veladesk ap")),
                 (QStringList{QStringLiteral("app"), QStringLiteral("apply")}));
        QCOMPARE(bashComplete(QStringLiteral("veladesk apply --dr")),
                 QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(bashComplete(QStringLiteral("veladesk render -o ''")),
                 (QStringList{QStringLiteral("yaml"), QStringLiteral("json")}));
        QCOMPARE(bashComplete(QStringLiteral("veladesk app ''")),
                 QStringList{QStringLiteral("apply")});
        QCOMPARE(
            bashComplete(QStringLiteral("veladesk completion ''")),
            (QStringList{QStringLiteral("bash"), QStringLiteral("zsh"), QStringLiteral("fish")}));
        QCOMPARE(bashComplete(QStringLiteral("veladesk help rev")),
                 (QStringList{QStringLiteral("revisions"), QStringLiteral("revert")}));
        QCOMPARE(bashComplete(QStringLiteral("veladesk app apply --kubevela p")),
                 QStringList{QStringLiteral("present")});
        // No cluster: no names, no error on the terminal.
        QCOMPARE(bashComplete(QStringLiteral("veladesk status ''")), QStringList{});
    }

    void completeProtocol()
    {
        Run r = veladesk({QStringLiteral("__complete"), QStringLiteral("-v"), QString()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n:4\n"));
        r = veladesk({QStringLiteral("__complete"), QStringLiteral("render"), QString()});
        QCOMPARE(r.out, QStringLiteral(":0\n")); // files
        r = veladesk(
            {QStringLiteral("__complete"), QStringLiteral("render"), QStringLiteral("--output=j")});
        QCOMPARE(r.out, QStringLiteral("--output=json\n:4\n"));
        r = veladesk({QStringLiteral("__complete"), QStringLiteral("st")});
        QVERIFY2(r.out.startsWith(QLatin1String("status\t")), qPrintable(r.out));
    }

    void otherShells()
    {
        Run r = veladesk({QStringLiteral("completion"), QStringLiteral("tcsh")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("unsupported shell \"tcsh\"")), qPrintable(r.err));
        const bool haveZsh = !QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty();
        const bool haveFish = !QStandardPaths::findExecutable(QStringLiteral("fish")).isEmpty();
        if (haveZsh) {
            // Parsed by zsh (running completion widgets needs an interactive zsh).
            r = shell(QStringLiteral("zsh"),
                      QStringLiteral("veladesk completion zsh > $0.zsh && zsh -n $0.zsh && "
                                     "autoload -U compinit && compinit -u -D && source $0.zsh && "
                                     "whence -w _veladesk")
                          .replace(QLatin1String("$0"), m_bin.filePath(QStringLiteral("c"))));
            QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("_veladesk: function")),
                     qPrintable(r.out + r.err));
        }
        if (haveFish) {
            r = shell(
                QStringLiteral("fish"),
                QStringLiteral("veladesk completion fish | source; complete -C 'veladesk ap'"));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("(?m)^apply\\tApply an "))),
                     qPrintable(r.out));
            r = shell(QStringLiteral("fish"),
                      QStringLiteral("veladesk completion fish | source; complete -C 'veladesk "
                                     "render -o '"));
            QCOMPARE(r.out, QStringLiteral("json\nyaml\n")); // fish sorts them
        }
        if (!haveZsh || !haveFish)
            QSKIP("zsh or fish is not installed (scripts/install-deps.sh installs them)");
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
