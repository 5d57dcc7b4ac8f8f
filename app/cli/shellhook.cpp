// `devzero shell-hook bash|zsh`: prints the snippet a tester sources in
// their own terminal. Each command they run then reaches the current session
// through `devzero session command` (which redacts secrets before storing).
//
// What the snippet must never do, and how it avoids it:
// - slow the prompt: no fork while the tester types; one `history 1` per
//   command line (bash) and one background `devzero` per command, detached
//   in a subshell so the prompt never waits for the lab and no job notice
//   ("[1] Done") appears;
// - record itself: its own `devzero` call runs from the prompt hook, never
//   from the tester's command line, and the tester's own `devzero ...`
//   commands (also `VAR=x devzero ...`) are left to devzero (a note is a
//   note, not a shell command);
// - change what the tester sees: $? is handed on unchanged to whatever runs
//   after it (prompt themes show it), an existing DEBUG trap keeps running.

#include "app/cli/shellhook.h"

#include "app/cli/clicontext.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace devzero::cli {

namespace {

// Bash: the DEBUG trap fires before every simple command, also those run by
// PROMPT_COMMAND. `__devzero_arm`, the last thing PROMPT_COMMAND runs, arms
// it; the first trap after that is the tester's command line. The full line
// (pipes, loops, several lines) comes from history; when history did not
// take it (HISTCONTROL, `set +o history`) the first simple command is used.
const char kBashSnippet[] = R"SH(# Developer Zero Lab shell hook (bash). Sends each command you run, its exit
# status, duration and folder to the current devzero session; secrets are
# redacted before anything is stored. Pause recording: DEVZERO_HOOK_DISABLED=1
if [[ -z "${__devzero_hook:-}" ]]; then
__devzero_hook=1
__devzero_bin=@BIN@
__devzero_lab=@LAB@
__devzero_armed=
__devzero_cmd=
__devzero_cwd=
__devzero_t0=0
__devzero_us=0
__devzero_histline=

__devzero_now() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        __devzero_us=${EPOCHREALTIME//[!0-9]/}
    else
        __devzero_us=$(( SECONDS * 1000000 ))
    fi
}

__devzero_preexec() {
    [[ -n "$__devzero_armed" ]] || return 0
    __devzero_armed=
    [[ "$BASH_COMMAND" == __devzero_precmd* ]] && return 0
    [[ -n "${COMP_LINE:-}" ]] && return 0
    local line
    line=$(HISTTIMEFORMAT= builtin history 1 2>/dev/null)
    if [[ -n "$line" && "$line" != "$__devzero_histline" ]]; then
        __devzero_histline=$line
        line=${line#"${line%%[![:space:]]*}"}
        line=${line#"${line%%[!0-9]*}"}
        line=${line#\*}
        __devzero_cmd=${line#"${line%%[![:space:]]*}"}
    else
        __devzero_cmd=$BASH_COMMAND
    fi
    __devzero_cwd=$PWD
    __devzero_now
    __devzero_t0=$__devzero_us
}

__devzero_precmd() {
    local status=$?
    if [[ -n "$__devzero_cmd" && -z "${DEVZERO_HOOK_DISABLED:-}" ]]; then
        __devzero_now
        local ms=$(( (__devzero_us - __devzero_t0) / 1000 ))
        local rest=${__devzero_cmd#"${__devzero_cmd%%[![:space:]]*}"} first
        while :; do
            first=${rest%%[[:space:]]*}
            [[ "$first" == ?*=* && "${first%%=*}" != *[!A-Za-z0-9_]* ]] || break
            rest=${rest#"$first"}
            rest=${rest#"${rest%%[![:space:]]*}"}
        done
        if [[ "${first##*/}" != devzero ]]; then
            local lab=${__devzero_lab:-${DEVZERO_LAB:-}}
            local -a args=(session command --exit "$status" --duration-ms "$ms" --cwd "$__devzero_cwd" -- "$__devzero_cmd")
            [[ -n "$lab" ]] && args=(--lab "$lab" "${args[@]}")
            ( "$__devzero_bin" "${args[@]}" </dev/null >/dev/null 2>&1 & )
        fi
    fi
    __devzero_cmd=
    return $status
}

__devzero_arm() {
    local status=$?
    __devzero_armed=1
    return $status
}

__devzero_prev_debug=
if [[ -n "$(trap -p DEBUG)" ]]; then
    eval "__devzero_prev_trap=( $(trap -p DEBUG) )"
    __devzero_prev_debug=${__devzero_prev_trap[2]}
    trap '__devzero_preexec; eval "$__devzero_prev_debug"' DEBUG
else
    trap '__devzero_preexec' DEBUG
fi
if [[ "$(declare -p PROMPT_COMMAND 2>/dev/null)" == "declare -a"* ]]; then
    PROMPT_COMMAND=(__devzero_precmd "${PROMPT_COMMAND[@]}" __devzero_arm)
else
    PROMPT_COMMAND="__devzero_precmd${PROMPT_COMMAND:+;$PROMPT_COMMAND};__devzero_arm"
fi
fi
)SH";

// Zsh has real hooks: preexec gets the line as typed, precmd runs before the
// prompt. Ours goes first among precmd functions so that $? is the command's.
const char kZshSnippet[] = R"SH(# Developer Zero Lab shell hook (zsh). Sends each command you run, its exit
# status, duration and folder to the current devzero session; secrets are
# redacted before anything is stored. Pause recording: DEVZERO_HOOK_DISABLED=1
if [[ -z "${__devzero_hook:-}" ]]; then
typeset -g __devzero_hook=1
typeset -g __devzero_bin=@BIN@
typeset -g __devzero_lab=@LAB@
typeset -g __devzero_cmd= __devzero_cwd= __devzero_t0=0
zmodload zsh/datetime 2>/dev/null

__devzero_preexec() {
    __devzero_cmd=$1
    __devzero_cwd=$PWD
    __devzero_t0=$EPOCHREALTIME
}

__devzero_precmd() {
    local status_=$?
    if [[ -n "$__devzero_cmd" && -z "${DEVZERO_HOOK_DISABLED:-}" ]]; then
        local -i ms=$(( (EPOCHREALTIME - __devzero_t0) * 1000 ))
        local -a words=(${(z)__devzero_cmd})
        while [[ ${#words} -gt 1 && "${words[1]}" == ?*=* && "${${words[1]}%%=*}" != *[^A-Za-z0-9_]* ]]; do
            shift words
        done
        if [[ "${words[1]:t}" != devzero ]]; then
            local lab=${__devzero_lab:-${DEVZERO_LAB:-}}
            local -a args=(session command --exit "$status_" --duration-ms "$ms" --cwd "$__devzero_cwd" -- "$__devzero_cmd")
            [[ -n "$lab" ]] && args=(--lab "$lab" "${args[@]}")
            ( "$__devzero_bin" "${args[@]}" </dev/null >/dev/null 2>&1 & )
        fi
    fi
    __devzero_cmd=
    return $status_
}

autoload -Uz add-zsh-hook
add-zsh-hook preexec __devzero_preexec
precmd_functions=(__devzero_precmd ${precmd_functions:#__devzero_precmd})
fi
)SH";

// Was --lab given on this command line (not only DEVZERO_LAB or the default)?
bool labGivenExplicitly()
{
    for (const QString &a : QCoreApplication::arguments().mid(1)) {
        if (a == QLatin1String("shell-hook"))
            break;
        if (a == QLatin1String("--lab") || a.startsWith(QLatin1String("--lab=")))
            return true;
    }
    return false;
}

} // namespace

QString shellQuote(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString shellHookSnippet(HookShell shell, const QString &devzeroPath, const QString &labPath)
{
    QString text = QString::fromUtf8(shell == HookShell::Bash ? kBashSnippet : kZshSnippet);
    text.replace(QStringLiteral("@BIN@"), shellQuote(devzeroPath));
    text.replace(QStringLiteral("@LAB@"), shellQuote(labPath));
    return text;
}

QString shellHookHelp()
{
    return QStringLiteral(
        "Usage: devzero [--lab PATH] shell-hook bash|zsh\n"
        "\n"
        "Prints a snippet that records every command you run in this terminal into the\n"
        "lab's current session: its text (secrets redacted), exit status, duration and\n"
        "folder. Load it in the terminal you work in:\n"
        "\n"
        "  eval \"$(devzero shell-hook bash)\"      # bash\n"
        "  eval \"$(devzero shell-hook zsh)\"       # zsh\n"
        "\n"
        "With --lab the lab path is written into the snippet; without it the hook uses\n"
        "$DEVZERO_LAB (or the default lab) each time it records. Your own `devzero`\n"
        "commands are not recorded as shell commands. Set DEVZERO_HOOK_DISABLED=1 to\n"
        "pause recording in that terminal, unset it to go on.\n");
}

int runShellHookCommand(CliContext &ctx, const QStringList &args)
{
    if (args.size() == 1 && (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))) {
        ctx.out() << shellHookHelp() << Qt::flush;
        return ExitOk;
    }
    if (args.size() != 1)
        return ctx.usage(QStringLiteral("shell-hook needs one shell: bash or zsh"), shellHookHelp());
    HookShell shell;
    if (args.first() == QLatin1String("bash"))
        shell = HookShell::Bash;
    else if (args.first() == QLatin1String("zsh"))
        shell = HookShell::Zsh;
    else
        return ctx.usage(QStringLiteral("shell-hook supports bash and zsh, not \"%1\"").arg(args.first()), shellHookHelp());
    const QString lab = labGivenExplicitly() ? QFileInfo(ctx.labPath).absoluteFilePath() : QString();
    ctx.out() << shellHookSnippet(shell, QCoreApplication::applicationFilePath(), lab) << Qt::flush;
    return ExitOk;
}

} // namespace devzero::cli
