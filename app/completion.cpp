// Shell completion: the scripts of `veladesk completion bash|zsh|fish` and the hidden
// `veladesk __complete` they call.

#include "app/completion.h"

#include "app/cli.h"
#include "app/cli_help.h"

#include "kube/client.h"

#include <QJsonArray>
#include <QTextStream>

#include <optional>

namespace veladesk::cli {

namespace {

// Each script asks `veladesk __complete WORDS... CURRENT` and reads candidates ("value" or
// "value<TAB>description", one a line) and a last line ":DIRECTIVE" (cobra's protocol).
const char kBashScript[] =
    R"BASH(# bash completion for veladesk                             -*- shell-script -*-
# Load it with:  source <(veladesk completion bash)
_veladesk_complete()
{
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local -a args=("${COMP_WORDS[@]:1:COMP_CWORD}")
    local out directive line
    out=$("${COMP_WORDS[0]}" __complete "${args[@]}" 2>/dev/null) || return 0
    directive=${out##*:}
    out=${out%:*}
    COMPREPLY=()
    local IFS=$'\n'
    for line in $out; do
        line=${line%%$'\t'*}
        [[ -n $line && $line == "$cur"* ]] && COMPREPLY+=("$line")
    done
    if (( directive & 2 )); then
        compopt -o nospace 2>/dev/null
    fi
    if (( ${#COMPREPLY[@]} == 0 && (directive & 4) == 0 && (directive & 1) == 0 )); then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -o bashdefault -F _veladesk_complete veladesk kubectl-veladesk
)BASH";

const char kZshScript[] = R"ZSH(#compdef veladesk kubectl-veladesk
# zsh completion for veladesk. Save it as _veladesk in a folder of $fpath, or:
#   source <(veladesk completion zsh)
_veladesk()
{
    local -a completions
    local out directive line
    out=$(${words[1]} __complete "${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
    directive=${${(f)out}[-1]#:}
    for line in "${(@f)out}"; do
        [[ $line == :* || -z $line ]] && continue
        local value=${line%%$'\t'*}
        local description=${line#*$'\t'}
        value=${value//:/\\:}
        if [[ $description == $line ]]; then
            completions+=("$value")
        else
            completions+=("$value:$description")
        fi
    done
    if (( ${#completions} )); then
        if (( directive & 2 )); then
            _describe -t veladesk 'veladesk' completions -S ''
        else
            _describe -t veladesk 'veladesk' completions
        fi
    elif (( (directive & 4) == 0 && (directive & 1) == 0 )); then
        _files
    fi
}
if [[ "$funcstack[1]" = "_veladesk" ]]; then
    _veladesk "$@"
else
    compdef _veladesk veladesk kubectl-veladesk
fi
)ZSH";

const char kFishScript[] =
    R"FISH(# fish completion for veladesk. Save it as ~/.config/fish/completions/veladesk.fish, or:
#   veladesk completion fish | source
function __veladesk_complete
    set -l args (commandline -opc)
    set -l program $args[1]
    set -e args[1]
    set -l cur (commandline -ct)
    set -l out ($program __complete $args "$cur" 2>/dev/null)
    or return
    set -l directive (string replace -r '^:' '' -- $out[-1])
    set -e out[-1]
    for line in $out
        test -n "$line"; and echo $line
    end
    if test (count $out) -eq 0 -a (math "bitand($directive, 5)") -eq 0
        __fish_complete_path "$cur"
    end
end
complete -c veladesk -f -a '(__veladesk_complete)'
complete -c kubectl-veladesk -f -a '(__veladesk_complete)'
)FISH";

// A flag's or command's help, cut to a short description at a word boundary.
QString shortDescription(const char* help)
{
    constexpr qsizetype kMax = 60;
    QString text = QLatin1String(help);
    text = text.section(QLatin1Char('('), 0, 0).trimmed(); // "(default ...)" is for --help
    if (text.size() <= kMax)
        return text;
    const qsizetype cut = text.lastIndexOf(QLatin1Char(' '), kMax - 1);
    return text.left(cut > 0 ? cut : kMax - 1) + QChar(0x2026);
}

struct Candidates
{
    QStringList lines;
    int directive = kDirectiveNoFileComp;
    void add(const QString& value, const QString& description, const QString& prefix)
    {
        if (!value.startsWith(prefix))
            return;
        lines << (description.isEmpty() ? value : value + QLatin1Char('\t') + description);
    }
};

std::vector<FlagHelp> flagsOf(const CommandHelp* command)
{
    std::vector<FlagHelp> all = command ? command->flags : std::vector<FlagHelp>{};
    all.insert(all.end(), globalFlags().begin(), globalFlags().end());
    return all;
}

const FlagHelp* findFlag(const std::vector<FlagHelp>& flags, const QString& name)
{
    for (const FlagHelp& f : flags)
        if (name == QLatin1String(f.longName) ||
            (f.shortName && name == QLatin1String(f.shortName)))
            return &f;
    return nullptr;
}

// Names of the objects of `type` from the cluster, within kCompletionTimeoutMs.
QStringList namesFromCluster(const Options& o, const kube::ResourceType& type)
{
    // Errors go to stderr, which the scripts discard: a completion offers nothing instead.
    std::shared_ptr<kube::Client> client = connectOrFail(o);
    if (!client)
        return {};
    kube::Request req;
    const QString ns = o.namespaceName.isEmpty() ? client->defaultNamespace() : o.namespaceName;
    req.path = type.collectionPath(type.namespaced ? ns : QString());
    req.object = type.kind;
    req.timeoutMs = kCompletionTimeoutMs;
    req.retryReads = false;
    req.maxResponseBytes = 16 * 1024 * 1024;
    const kube::Response r = client->send(req).result();
    if (!r.status) {
        QTextStream(stderr) << "completion: " << r.status.toString() << '\n';
        return {};
    }
    QStringList names;
    for (const QJsonValue& item : r.json().value(QStringLiteral("items")).toArray())
        names << item.toObject()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString();
    names.sort();
    return names;
}

Candidates complete(QStringList words)
{
    Options a; // the connection flags among the words
    Candidates c;
    const QString current = words.isEmpty() ? QString() : words.takeLast();
    // The command line so far: its command word, its positional arguments, the flag waiting
    // for a value; connection flags are taken for the cluster question.
    const CommandHelp* command = nullptr;
    QStringList positional;
    // A copy: flagsOf() builds a new vector each time, so a pointer into it would dangle.
    std::optional<FlagHelp> pending;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& w = words.at(i);
        const std::vector<FlagHelp> flags = flagsOf(command);
        if (pending) {
            const QString name = QLatin1String(pending->longName);
            if (name == QLatin1String("--kubeconfig"))
                a.kubeconfig = w;
            else if (name == QLatin1String("--context"))
                a.context = w;
            else if (name == QLatin1String("--namespace"))
                a.namespaceName = w;
            pending.reset();
            continue;
        }
        if (w.startsWith(QLatin1Char('-')) && w.size() > 1) {
            const QString name = w.section(QLatin1Char('='), 0, 0);
            const FlagHelp* f = findFlag(flags, name);
            if (f && f->value && !w.contains(QLatin1Char('=')))
                pending = *f;
            else if (f && w.contains(QLatin1Char('='))) {
                const QString value = w.section(QLatin1Char('='), 1);
                if (name == QLatin1String("--kubeconfig"))
                    a.kubeconfig = value;
                else if (name == QLatin1String("--context"))
                    a.context = value;
                else if (name == QLatin1String("--namespace"))
                    a.namespaceName = value;
            }
            continue;
        }
        if (!command) {
            command = findCommand(w);
            if (!command)
                return c; // an unknown command: nothing to offer
        } else {
            positional << w;
        }
    }
    const std::vector<FlagHelp> flags = flagsOf(command);
    auto values = [&](const FlagHelp& f, const QString& prefix, const QString& typed) {
        if (f.choices) {
            for (const QString& v : QString::fromLatin1(f.choices).split(QLatin1Char(' ')))
                c.add(prefix + v, {}, prefix + typed);
        } else if (QLatin1String(f.longName) == QLatin1String("--namespace")) {
            for (const QString& n : namesFromCluster(a, kube::ResourceType::namespaces()))
                c.add(prefix + n, {}, prefix + typed);
        } else if (f.file) {
            c.directive = kDirectiveDefault;
        }
    };
    if (pending) {
        values(*pending, {}, current);
        return c;
    }
    if (current.startsWith(QLatin1String("--")) && current.contains(QLatin1Char('='))) {
        const QString name = current.section(QLatin1Char('='), 0, 0);
        if (const FlagHelp* f = findFlag(flags, name); f && f->value)
            values(*f, name + QLatin1Char('='), current.section(QLatin1Char('='), 1));
        return c;
    }
    if (current.startsWith(QLatin1Char('-'))) {
        for (const FlagHelp& f : flags) {
            c.add(QLatin1String(f.longName), shortDescription(f.help), current);
            if (f.shortName && current.size() <= 2)
                c.add(QLatin1String(f.shortName), shortDescription(f.help), current);
        }
        return c;
    }
    if (!command) {
        for (const CommandHelp& cmd : commandTable())
            if (!cmd.hidden)
                c.add(QLatin1String(cmd.name), shortDescription(cmd.summary), current);
        return c;
    }
    if (!positional.isEmpty() && command->args != ArgCompletion::File)
        return c; // the commands that name something take one name
    switch (command->args) {
    case ArgCompletion::None:
        break;
    case ArgCompletion::AppDeployment:
        for (const QString& n : namesFromCluster(a, kube::ResourceType::appDeployments()))
            c.add(n, {}, current);
        break;
    case ArgCompletion::Application:
        for (const QString& n : namesFromCluster(a, kube::ResourceType::applications()))
            c.add(n, {}, current);
        break;
    case ArgCompletion::File:
        c.directive = kDirectiveDefault;
        break;
    case ArgCompletion::Command:
        for (const CommandHelp& cmd : commandTable())
            if (!cmd.hidden)
                c.add(QLatin1String(cmd.name), shortDescription(cmd.summary), current);
        break;
    case ArgCompletion::Shell:
        for (const char* shell : {"bash", "zsh", "fish"})
            c.add(QLatin1String(shell), {}, current);
        break;
    case ArgCompletion::Fixed:
        for (const QString& w : QString::fromLatin1(command->fixedArgs).split(QLatin1Char(' ')))
            c.add(w, {}, current);
        break;
    }
    return c;
}

} // namespace

int runCompletion(const Options& a)
{
    const QString shell = a.positional.value(0);
    if (a.positional.size() != 1) {
        printError(cli::Cli::tr("completion: give one shell: bash, zsh or fish (see `veladesk "
                                "completion --help`)"));
        return exitUsage;
    }
    if (shell == QLatin1String("bash"))
        printOut(QString::fromLatin1(kBashScript));
    else if (shell == QLatin1String("zsh"))
        printOut(QString::fromLatin1(kZshScript));
    else if (shell == QLatin1String("fish"))
        printOut(QString::fromLatin1(kFishScript));
    else {
        printError(
            cli::Cli::tr("completion: unsupported shell \"%1\"; bash, zsh or fish").arg(shell));
        return exitUsage;
    }
    return exitOk;
}

int runComplete(const QStringList& words)
{
    const Candidates c = complete(words);
    QString out;
    for (const QString& line : c.lines)
        out += line + QLatin1Char('\n');
    out += QStringLiteral(":%1\n").arg(c.directive);
    printOut(out);
    return exitOk;
}

} // namespace veladesk::cli
