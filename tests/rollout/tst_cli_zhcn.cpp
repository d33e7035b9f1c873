// The command line under a Chinese locale (issue 14, item 3): with LANG=zh_CN.UTF-8 (or
// LC_ALL, or LANGUAGE), `veladesk --help`, a command's --help and the errors of a bad command
// line (the plan's validation too) are Simplified Chinese, wrapped to the terminal's columns
// (a CJK character takes two); under C or en_US they stay English; the completion scripts
// (generated at build time, read by shells) are the same in every language.

#include "clitest.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using clitest::Run;

// The environment of a user whose locale variables are `vars` (the others unset).
QProcessEnvironment localeEnv(const QList<std::pair<QString, QString>>& vars)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"})
        env.remove(QString::fromLatin1(v));
    for (const auto& [name, value] : vars)
        env.insert(name, value);
    return env;
}

const QProcessEnvironment kZh =
    localeEnv({{QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8")}});
const QProcessEnvironment kC = localeEnv({{QStringLiteral("LANG"), QStringLiteral("C")}});

Run veladesk(const QStringList& args, const QProcessEnvironment& env)
{
    return clitest::runProcess(qEnvironmentVariable("VELADESK_BINARY"), args, env, 30000);
}

bool hasCjk(const QString& s)
{
    static const QRegularExpression cjk(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return cjk.match(s).hasMatch();
}

int columns(const QString& line)
{
    int n = 0;
    for (QChar c : line)
        n += (c.unicode() >= 0x2E80 && c.unicode() <= 0x9FFF) ||
                     (c.unicode() >= 0xFF00 && c.unicode() <= 0xFF60)
                 ? 2
                 : 1;
    return n;
}

} // namespace

class TestCliZhCn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overviewIsChinese()
    {
        const Run r = veladesk({QStringLiteral("--help")}, kZh);
        QVERIFY2(r.exitCode == 0, qPrintable(clitest::diagnostics(r)));
        QVERIFY2(r.out.contains(QStringLiteral("用法：veladesk COMMAND [flags]")) &&
                     r.out.contains(QStringLiteral("\n命令：\n")) &&
                     r.out.contains(QStringLiteral("全局参数")),
                 qPrintable(r.out));
        // every command's summary is translated: each row of the command list has Chinese
        const QString commands =
            r.out.section(QStringLiteral("命令：\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
        QStringList rows; // a command's row, with its continuation lines (long usages)
        for (const QString& line : commands.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("   ")) && !rows.isEmpty())
                rows.last() += QLatin1Char('\n') + line;
            else
                rows << line;
        }
        QVERIFY(rows.size() >= 15);
        for (const QString& row : rows)
            QVERIFY2(hasCjk(row), qPrintable(row));
        for (const QString& line : r.out.split(QLatin1Char('\n')))
            QVERIFY2(columns(line) <= 100, qPrintable(line));
        // the same text as `veladesk help`
        QCOMPARE(veladesk({QStringLiteral("help")}, kZh).out, r.out);
    }

    void commandHelpIsChinese_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("apply") << QStringLiteral("apply")
                               << QStringLiteral("逐步应用 AppDeployment 计划");
        QTest::newRow("render") << QStringLiteral("render") << QStringLiteral("离线");
        QTest::newRow("logs") << QStringLiteral("logs") << QStringLiteral("打印容器的日志");
        QTest::newRow("events") << QStringLiteral("events") << QStringLiteral("列出一个对象的事件");
        QTest::newRow("completion") << QStringLiteral("completion") << QStringLiteral("补全脚本");
    }
    void commandHelpIsChinese()
    {
        QFETCH(QString, command);
        QFETCH(QString, expected);
        const Run r = veladesk({command, QStringLiteral("--help")}, kZh);
        QVERIFY2(r.exitCode == 0, qPrintable(clitest::diagnostics(r)));
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        for (const QString& line : r.out.split(QLatin1Char('\n')))
            QVERIFY2(columns(line) <= 100, qPrintable(line));
        // flags and usage stay as typed
        QVERIFY2(r.out.contains(QStringLiteral("veladesk ") + command), qPrintable(r.out));
    }

    void errorsAreChinese()
    {
        Run r = veladesk({QStringLiteral("apply"), QStringLiteral("--bogus")}, kZh);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("未知参数：--bogus")) &&
                     r.err.contains(QStringLiteral("veladesk apply --help")),
                 qPrintable(r.err));
        r = veladesk({QStringLiteral("render")}, kZh);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("请用 -f FILE 指定输入文件")), qPrintable(r.err));
        r = veladesk({QStringLiteral("aplly")}, kZh);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("未知命令")) &&
                     r.err.contains(QStringLiteral("apply")),
                 qPrintable(r.err));
        r = veladesk({QStringLiteral("-v"), QStringLiteral("x"), QStringLiteral("version")}, kZh);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("日志级别")), qPrintable(r.err));
    }

    // The plan's validation (kube/rollout/render.cpp) in Chinese: weights 60 + 50.
    void invalidPlanIsChinese()
    {
        const QString dir = qEnvironmentVariable("VELADESK_REFERENCE_DIR") + QLatin1Char('/');
        QFile in(dir + QStringLiteral("05-appdeployment-split.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(in.readAll());
        const qsizetype at = yaml.indexOf(QLatin1String("weight: 50"));
        QVERIFY(at > 0);
        yaml.replace(at, 10, QStringLiteral("weight: 60"));
        QTemporaryDir tmp;
        QFile plan(tmp.filePath(QStringLiteral("plan.yaml")));
        QVERIFY(plan.open(QIODevice::WriteOnly));
        plan.write(yaml.toUtf8());
        plan.close();
        const QStringList args{QStringLiteral("render"),
                               QStringLiteral("-f"),
                               dir + QStringLiteral("01-application-v1.yaml"),
                               QStringLiteral("-f"),
                               dir + QStringLiteral("02-application-v2.yaml"),
                               QStringLiteral("-f"),
                               plan.fileName()};
        const Run r = veladesk(args, kZh);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("计划无效")) &&
                     r.err.contains(QStringLiteral("权重之和为 110，必须恰好为 100")),
                 qPrintable(r.err));
        QVERIFY2(veladesk(args, kC).err.contains(QLatin1String("weights sum to 110")),
                 qPrintable(veladesk(args, kC).err));
    }

    // The engine's connection and kubeconfig errors (kube/client.cpp, kube/kubeconfig.cpp):
    // a server where nothing listens, and a cluster entry without a server.
    void connectionErrorsAreChinese()
    {
        QTemporaryDir tmp;
        const QString config = tmp.filePath(QStringLiteral("config"));
        auto writeConfig = [&](const QByteArray& cluster) {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("apiVersion: v1\nkind: Config\ncurrent-context: c\n"
                    "contexts:\n- name: c\n  context: {cluster: k, user: u}\n"
                    "users:\n- name: u\n  user: {token: not-a-real-token}\n"
                    "clusters:\n- name: k\n  cluster: " +
                    cluster + "\n");
        };
        // Port 1 on the loopback: nothing listens, the connection is refused at once.
        writeConfig("{server: 'https://127.0.0.1:1'}");
        const QStringList args{QStringLiteral("status"),       QStringLiteral("example-appdeploy"),
                               QStringLiteral("--kubeconfig"), config,
                               QStringLiteral("-n"),           QStringLiteral("default")};
        Run r = veladesk(args, kZh);
        QVERIFY2(r.exitCode != 0, qPrintable(clitest::diagnostics(r)));
        QVERIFY2(r.err.contains(QStringLiteral("无法连接到 https://127.0.0.1:1")),
                 qPrintable(clitest::diagnostics(r)));
        QVERIFY2(!r.all().contains(QLatin1String("not-a-real-token")),
                 qPrintable(clitest::diagnostics(r)));
        r = veladesk(args, kC);
        QVERIFY2(r.err.contains(QLatin1String("cannot connect to https://127.0.0.1:1")) &&
                     !hasCjk(r.all()),
                 qPrintable(clitest::diagnostics(r)));
        writeConfig("{insecure-skip-tls-verify: true}");
        r = veladesk(args, kZh);
        QVERIFY2(r.exitCode != 0, qPrintable(clitest::diagnostics(r)));
        QVERIFY2(r.err.contains(QStringLiteral("cluster \"k\"：缺少 server")),
                 qPrintable(clitest::diagnostics(r)));
    }

    // LC_ALL wins over LANG, LANGUAGE's list is followed, C and en_US stay English.
    void followsTheLocaleVariables()
    {
        const auto zhOverview = [](const Run& r) {
            return r.out.contains(QStringLiteral("用法：veladesk COMMAND"));
        };
        Run r = veladesk({QStringLiteral("--help")},
                         localeEnv({{QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")},
                                    {QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8")}}));
        QVERIFY2(zhOverview(r), qPrintable(r.out.left(200)));
        r = veladesk({QStringLiteral("--help")},
                     localeEnv({{QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")},
                                {QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN:en")}}));
        QVERIFY2(zhOverview(r), qPrintable(r.out.left(200)));
        for (const QString& lang : {QStringLiteral("C"), QStringLiteral("en_US.UTF-8")}) {
            r = veladesk({QStringLiteral("--help")}, localeEnv({{QStringLiteral("LANG"), lang}}));
            QVERIFY2(r.out.contains(QStringLiteral("Usage: veladesk COMMAND [flags]")) &&
                         !hasCjk(r.out),
                     qPrintable(r.out.left(200)));
        }
    }

    void completionScriptsStayTheSame()
    {
        for (const char* shell : {"bash", "zsh", "fish"}) {
            const QStringList args{QStringLiteral("completion"), QString::fromLatin1(shell)};
            const Run zh = veladesk(args, kZh);
            const Run c = veladesk(args, kC);
            QCOMPARE(zh.exitCode, 0);
            QVERIFY2(zh.out == c.out, shell);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliZhCn)
#include "tst_cli_zhcn.moc"
