#include "sessions/analysis/rulesshell.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

struct Word
{
    QString text;
    int offset = 0;
    bool hasSubstitution = false; // contained $VAR, $( ), ${ } or backticks
};

using Words = QList<Word>;

// Splits one command line into simple commands (lists of words). Command
// substitutions become commands of their own; the word they sat in keeps a
// '$' so that it never passes for a program name.
class Splitter
{
public:
    explicit Splitter(QStringView text) : m_s(text) {}

    QList<Words> run()
    {
        split(0, m_s.size(), 0);
        return m_commands;
    }

private:
    struct State
    {
        Words words;
        QString word;
        int wordStart = -1;
        bool substitution = false;
        bool redirect = false;    // the next word is a redirection target
    };

    void endWord(State &st)
    {
        if (st.wordStart >= 0) {
            if (st.redirect)
                st.redirect = false;
            else
                st.words.append({st.word, st.wordStart, st.substitution});
        }
        st.word.clear();
        st.wordStart = -1;
        st.substitution = false;
    }

    void endCommand(State &st)
    {
        endWord(st);
        if (!st.words.isEmpty())
            m_commands.append(st.words);
        st.words.clear();
        st.redirect = false;
    }

    void addChar(State &st, QChar c, qsizetype at)
    {
        if (st.wordStart < 0)
            st.wordStart = int(at);
        st.word += c;
    }

    // Index of the ')' closing the '(' at `open`, or `end` when unclosed.
    qsizetype closingParen(qsizetype open, qsizetype end) const
    {
        int depth = 0;
        QChar quote;
        for (qsizetype j = open; j < end; ++j) {
            const QChar c = m_s[j];
            if (c == u'\\') {
                ++j;
                continue;
            }
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c == u'\'' || c == u'"')
                quote = c;
            else if (c == u'(')
                ++depth;
            else if (c == u')' && --depth == 0)
                return j;
        }
        return end;
    }

    qsizetype closingBrace(qsizetype open, qsizetype end) const
    {
        int depth = 0;
        for (qsizetype j = open; j < end; ++j) {
            if (m_s[j] == u'{')
                ++depth;
            else if (m_s[j] == u'}' && --depth == 0)
                return j;
        }
        return end;
    }

    // Handles a '$' at i; returns the index after what it consumed.
    qsizetype dollar(State &st, qsizetype i, qsizetype end, int depth)
    {
        addChar(st, u'$', i);
        st.substitution = true;
        if (i + 1 >= end)
            return i + 1;
        const QChar next = m_s[i + 1];
        if (next == u'(') {
            const qsizetype close = closingParen(i + 1, end);
            if (i + 2 < end && m_s[i + 2] == u'(') // $(( arithmetic ))
                return qMin(end, close + 1);
            if (depth < 8)
                split(i + 2, close, depth + 1);
            return qMin(end, close + 1);
        }
        if (next == u'{')
            return qMin(end, closingBrace(i + 1, end) + 1);
        return i + 1;
    }

    void split(qsizetype from, qsizetype end, int depth)
    {
        State st;
        QChar quote;
        for (qsizetype i = from; i < end;) {
            const QChar c = m_s[i];
            if (quote == u'\'') {
                if (c == u'\'')
                    quote = QChar();
                else
                    addChar(st, c, i);
                ++i;
                continue;
            }
            if (c == u'\\' && i + 1 < end) {
                addChar(st, m_s[i + 1], i);
                i += 2;
                continue;
            }
            if (c == u'$') {
                i = dollar(st, i, end, depth);
                continue;
            }
            if (c == u'`') {
                qsizetype close = i + 1;
                while (close < end && m_s[close] != u'`')
                    ++close;
                addChar(st, u'$', i);
                st.substitution = true;
                if (depth < 8)
                    split(i + 1, close, depth + 1);
                i = qMin(end, close + 1);
                continue;
            }
            if (quote == u'"') {
                if (c == u'"')
                    quote = QChar();
                else
                    addChar(st, c, i);
                ++i;
                continue;
            }
            if (c == u'"' || c == u'\'') {
                if (st.wordStart < 0)
                    st.wordStart = int(i);
                quote = c;
                ++i;
                continue;
            }
            if (c == u'#' && st.wordStart < 0) {
                while (i < end && m_s[i] != u'\n')
                    ++i;
                continue;
            }
            if (c == u'>' || c == u'<') {
                // "2>&1", "> file", "&> log", "<<EOF": the word after is a target, not a command.
                bool numeric = st.wordStart >= 0;
                for (const QChar d : std::as_const(st.word))
                    numeric = numeric && d.isDigit();
                if (st.wordStart < 0 || numeric) {
                    st.word.clear();
                    st.wordStart = -1;
                    while (i < end && (m_s[i] == u'>' || m_s[i] == u'<' || m_s[i] == u'&' || m_s[i] == u'|'))
                        ++i;
                    st.redirect = true;
                    continue;
                }
                endWord(st);
                continue;
            }
            if (c == u'|' || c == u';' || c == u'\n' || c == u'(' || c == u')') {
                endCommand(st);
                ++i;
                continue;
            }
            if (c == u'&') {
                if (i + 1 < end && m_s[i + 1] == u'>') {
                    endWord(st);
                    i += 2;
                    st.redirect = true;
                    continue;
                }
                endCommand(st);
                ++i;
                continue;
            }
            if (c.isSpace()) {
                endWord(st);
                ++i;
                continue;
            }
            addChar(st, c, i);
            ++i;
        }
        endCommand(st);
    }

    QStringView m_s;
    QList<Words> m_commands;
};

bool isAssignment(const QString &word)
{
    const qsizetype eq = word.indexOf(u'=');
    if (eq <= 0)
        return false;
    qsizetype nameEnd = eq;
    if (word[eq - 1] == u'+')
        --nameEnd;
    const QStringView name = QStringView(word).left(nameEnd);
    if (name.isEmpty() || !(name[0].isLetter() || name[0] == u'_'))
        return false;
    for (const QChar c : name)
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'[' || c == u']'))
            return false;
    return true;
}

// Options that take the next word as their value, per wrapper.
bool takesValue(const QString &wrapper, const QString &option)
{
    static const QHash<QString, QSet<QString>> values = {
        {u"sudo"_s, {u"-u"_s, u"-g"_s, u"-C"_s, u"-D"_s, u"-h"_s, u"-p"_s, u"-r"_s, u"-t"_s, u"-U"_s}},
        {u"env"_s, {u"-u"_s, u"-C"_s, u"-S"_s}},
        {u"xargs"_s, {u"-I"_s, u"-n"_s, u"-P"_s, u"-L"_s, u"-d"_s, u"-E"_s, u"-s"_s, u"-a"_s}},
        {u"watch"_s, {u"-n"_s, u"--interval"_s}},
        {u"timeout"_s, {u"-s"_s, u"-k"_s, u"--signal"_s, u"--kill-after"_s}},
        {u"nice"_s, {u"-n"_s}},
    };
    return values.value(wrapper).contains(option);
}

enum class WordRole { Wrapper, NoProgram, Program };

WordRole roleOf(const QString &word)
{
    static const QSet<QString> wrappers = {
        u"sudo"_s, u"doas"_s,  u"env"_s,     u"time"_s, u"nohup"_s, u"exec"_s,  u"command"_s, u"builtin"_s,
        u"nice"_s, u"xargs"_s, u"watch"_s,   u"timeout"_s, u"then"_s, u"do"_s,  u"else"_s,    u"elif"_s,
        u"if"_s,   u"while"_s, u"until"_s,   u"!"_s,    u"{"_s,     u"}"_s,     u"stdbuf"_s,  u"winpty"_s};
    static const QSet<QString> structure = {u"for"_s, u"case"_s, u"select"_s, u"function"_s, u"done"_s,
                                            u"fi"_s,  u"esac"_s, u"in"_s,     u"[["_s,       u"]]"_s};
    if (wrappers.contains(word))
        return WordRole::Wrapper;
    if (structure.contains(word))
        return WordRole::NoProgram;
    return WordRole::Program;
}

bool hasScriptSuffix(const QString &name)
{
    static const QStringList suffixes = {u".sh"_s, u".bash"_s, u".py"_s, u".rb"_s, u".pl"_s,  u".ps1"_s,
                                         u".bat"_s, u".cmd"_s, u".js"_s, u".mjs"_s, u".ts"_s, u".php"_s};
    for (const QString &s : suffixes)
        if (name.endsWith(s, Qt::CaseInsensitive))
            return true;
    return false;
}

// The program a word names, or empty when it cannot be an installed program.
QString programName(const Word &word)
{
    if (word.hasSubstitution || word.text.isEmpty())
        return {};
    QString w = word.text;
    if (w.startsWith(u"./") || w.startsWith(u"../") || w.startsWith(u"~/") || w.startsWith(u'.'))
        return {};
    const bool absolute = w.startsWith(u'/');
    const qsizetype slash = w.lastIndexOf(u'/');
    if (slash >= 0) {
        if (!absolute)
            return {}; // hack/build: a file of the project, not an installed tool
        w = w.mid(slash + 1);
    }
    if (w.endsWith(u".exe", Qt::CaseInsensitive))
        w.chop(4);
    if (w.isEmpty() || w.size() > 40 || hasScriptSuffix(w))
        return {};
    bool letter = false;
    for (const QChar c : std::as_const(w)) {
        if (c >= u'a' && c <= u'z')
            letter = true;
        else if (!((c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.' || c == u'+'))
            return {};
    }
    if (!letter || !w[0].isLetterOrNumber() || w.endsWith(u'.'))
        return {};
    // "python3.11" is a program; "cdk8s.sock" or "event.json" is a file.
    if (const qsizetype dot = w.indexOf(u'.'); dot >= 0 && !(dot + 1 < w.size() && w[dot + 1].isDigit()))
        return {};
    return w;
}

// The index of the program word of a simple command, or -1.
qsizetype programIndex(const Words &words)
{
    qsizetype i = 0;
    while (i < words.size()) {
        const QString &w = words[i].text;
        if (isAssignment(w)) {
            ++i;
            continue;
        }
        switch (roleOf(w)) {
        case WordRole::NoProgram:
            return -1;
        case WordRole::Wrapper: {
            ++i;
            while (i < words.size() && words[i].text.startsWith(u'-') && words[i].text.size() > 1) {
                const bool value = takesValue(w, words[i].text);
                i += value ? 2 : 1;
            }
            if (w == u"env")
                while (i < words.size() && isAssignment(words[i].text))
                    ++i;
            if (w == u"timeout" && i < words.size())
                ++i; // the duration
            continue;
        }
        case WordRole::Program:
            return i;
        }
    }
    return -1;
}

QString lastSegment(QString package)
{
    // "paylark/tap/paylark", "@scope/name@1.2", "example.com/x/cmd/tool@latest", "pkg==1.0"
    for (const QString &sep : {u"=="_s, u">="_s, u"<="_s, u"~="_s})
        if (const qsizetype at = package.indexOf(sep); at > 0)
            package.truncate(at);
    if (const qsizetype at = package.indexOf(u'@', 1); at > 0)
        package.truncate(at);
    while (package.endsWith(u'/'))
        package.chop(1);
    package = package.mid(package.lastIndexOf(u'/') + 1);
    if (package.startsWith(u'@'))
        package.remove(0, 1);
    return package.toLower();
}

QString binTarget(const QString &path)
{
    if (!path.contains(u"/bin/"))
        return {};
    const QString name = path.mid(path.lastIndexOf(u'/') + 1);
    return name.isEmpty() ? QString() : name.toLower();
}

} // namespace

QList<ProgramUse> programsIn(QStringView command)
{
    QList<ProgramUse> out;
    const QList<Words> commands = Splitter(command).run();
    for (const Words &words : commands) {
        const qsizetype at = programIndex(words);
        if (at < 0)
            continue;
        const QString program = programName(words[at]);
        if (!program.isEmpty())
            out.append({program, words[at].offset});
    }
    std::sort(out.begin(), out.end(), [](const ProgramUse &a, const ProgramUse &b) { return a.offset < b.offset; });
    return out;
}

QStringList programsInstalledBy(QStringView command)
{
    static const QSet<QString> managers = {
        u"brew"_s, u"apt"_s,   u"apt-get"_s, u"yum"_s,   u"dnf"_s,   u"zypper"_s, u"apk"_s,  u"pacman"_s,
        u"port"_s, u"snap"_s,  u"choco"_s,   u"scoop"_s, u"winget"_s, u"pip"_s,   u"pip3"_s, u"pipx"_s,
        u"npm"_s,  u"pnpm"_s,  u"yarn"_s,    u"gem"_s,   u"cargo"_s, u"go"_s,     u"nix-env"_s, u"conda"_s,
        u"asdf"_s, u"mise"_s,  u"krew"_s};
    static const QSet<QString> verbs = {u"install"_s, u"add"_s, u"get"_s, u"-S"_s, u"-i"_s};
    QStringList out;
    for (const Words &words : Splitter(command).run()) {
        qsizetype at = programIndex(words);
        if (at < 0)
            continue;
        QString program = programName(words[at]);
        if (program == u"kubectl" && at + 1 < words.size() && words[at + 1].text == u"krew") {
            program = u"krew"_s;
            ++at;
        }
        QStringList args;
        for (qsizetype i = at + 1; i < words.size(); ++i)
            args << words[i].text;
        if (managers.contains(program)) {
            bool afterVerb = false;
            for (const QString &arg : std::as_const(args)) {
                if (!afterVerb) {
                    afterVerb = verbs.contains(arg);
                    continue;
                }
                if (arg.startsWith(u'-') || arg.contains(u'$') || arg == u"global")
                    continue;
                const QString name = lastSegment(arg);
                if (!name.isEmpty())
                    out << name;
            }
        } else if (program == u"chmod") {
            // "chmod +x kubectl": a downloaded program made runnable.
            const bool executable = std::any_of(args.cbegin(), args.cend(), [](const QString &a) {
                return a.contains(u"+x") || a == u"755" || a == u"555" || a == u"0755" || a == u"0555";
            });
            if (executable && args.size() >= 2 && !args.last().startsWith(u'-'))
                out << lastSegment(args.last());
        } else if (program == u"install" || program == u"mv" || program == u"cp" || program == u"ln") {
            if (!args.isEmpty()) {
                const QString target = binTarget(args.last());
                if (!target.isEmpty())
                    out << target;
                else if (args.last().endsWith(u"/bin") || args.last().endsWith(u"/bin/"))
                    for (qsizetype i = 0; i + 1 < args.size(); ++i)
                        if (!args[i].startsWith(u'-'))
                            out << lastSegment(args[i]);
            }
        } else if (program == u"curl" || program == u"wget") {
            for (qsizetype i = 0; i + 1 < args.size(); ++i)
                if (args[i] == u"-o" || args[i] == u"-O" || args[i] == u"--output")
                    if (const QString target = binTarget(args[i + 1]); !target.isEmpty())
                        out << target;
        }
    }
    out.removeDuplicates();
    return out;
}

bool looksLikeCommandLine(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.startsWith(u'#'))
        return true;
    qsizetype end = 0;
    while (end < t.size() && !t[end].isSpace())
        ++end;
    const QString first = t.first(end).toString();
    if (isAssignment(first) || roleOf(first) != WordRole::Program)
        return true;
    if (first.startsWith(u'$') || first.startsWith(u'"') || first.startsWith(u'\''))
        return true;
    if (first.startsWith(u"./") || first.startsWith(u"../") || first.startsWith(u"~/") || first.startsWith(u'/'))
        return !first.endsWith(u'/');
    static const QRegularExpression cmdlet(u"^[A-Z][a-z]+-[A-Z][A-Za-z]+$"_s);
    if (cmdlet.match(first).hasMatch())
        return true;
    if (programName(Word{first, 0, false}).isEmpty())
        return false;
    // Columns of output: the first word followed by a run of spaces and more text.
    if (end + 1 < t.size() && t[end] == u' ' && t[end + 1] == u' ') {
        qsizetype next = end;
        while (next < t.size() && t[next] == u' ')
            ++next;
        if (next < t.size() && t[next] != u'#' && t[next] != u'\\')
            return false;
    }
    return true;
}

bool isUniversalProgram(const QString &program)
{
    // Shell builtins, POSIX and coreutils basics, and what every developer
    // machine has (curl ships with macOS, Windows and Linux distributions).
    static const QSet<QString> known = {
        // builtins
        u"alias"_s, u"bg"_s, u"bind"_s, u"break"_s, u"cd"_s, u"continue"_s, u"declare"_s, u"dirs"_s, u"echo"_s,
        u"eval"_s, u"exit"_s, u"export"_s, u"false"_s, u"fg"_s, u"getopts"_s, u"hash"_s, u"help"_s,
        u"history"_s, u"jobs"_s, u"kill"_s, u"let"_s, u"local"_s, u"mapfile"_s, u"popd"_s, u"printf"_s,
        u"pushd"_s, u"pwd"_s, u"read"_s, u"readonly"_s, u"return"_s, u"set"_s, u"shift"_s, u"shopt"_s,
        u"source"_s, u"test"_s, u"trap"_s, u"true"_s, u"type"_s, u"typeset"_s, u"ulimit"_s, u"umask"_s,
        u"unalias"_s, u"unset"_s, u"wait"_s, u"setx"_s, u"cls"_s, u"dir"_s, u"copy"_s, u"del"_s, u"where"_s,
        u"rmdir"_s,
        // basics
        u"cat"_s, u"ls"_s, u"cp"_s, u"mv"_s, u"rm"_s, u"mkdir"_s, u"touch"_s, u"chmod"_s, u"chown"_s,
        u"chgrp"_s, u"ln"_s, u"grep"_s, u"egrep"_s, u"fgrep"_s, u"sed"_s, u"awk"_s, u"head"_s, u"tail"_s,
        u"sort"_s, u"uniq"_s, u"wc"_s, u"cut"_s, u"tr"_s, u"tee"_s, u"find"_s, u"which"_s, u"whoami"_s,
        u"id"_s, u"date"_s, u"sleep"_s, u"su"_s, u"ps"_s, u"df"_s, u"du"_s, u"diff"_s, u"cmp"_s,
        u"base64"_s, u"basename"_s, u"dirname"_s, u"realpath"_s, u"readlink"_s, u"mktemp"_s, u"stat"_s,
        u"file"_s, u"tar"_s, u"gzip"_s, u"gunzip"_s, u"zcat"_s, u"zip"_s, u"unzip"_s, u"less"_s,
        u"more"_s, u"man"_s, u"clear"_s, u"uname"_s, u"hostname"_s, u"printenv"_s, u"yes"_s, u"seq"_s,
        u"tput"_s, u"stty"_s, u"sh"_s, u"bash"_s, u"zsh"_s, u"open"_s, u"xdg-open"_s, u"start"_s,
        u"install"_s, u"curl"_s, u"git"_s, u"ssh"_s, u"scp"_s, u"ssh-keygen"_s, u"ping"_s, u"killall"_s, u"pkill"_s,
        u"vi"_s, u"vim"_s, u"nano"_s, u"md5sum"_s, u"sha256sum"_s, u"shasum"_s, u"xargs"_s, u"env"_s,
        u"sudo"_s, u"time"_s, u"nohup"_s, u"exec"_s, u"timeout"_s, u"nl"_s, u"paste"_s, u"join"_s,
        u"comm"_s, u"fold"_s, u"expand"_s, u"od"_s, u"hexdump"_s, u"strings"_s, u"top"_s, u"free"_s,
        u"lsof"_s, u"netstat"_s, u"ip"_s, u"ifconfig"_s, u"mount"_s, u"umount"_s, u"systemctl"_s,
        u"journalctl"_s, u"service"_s, u"crontab"_s, u"logger"_s, u"tac"_s, u"rev"_s, u"truncate"_s,
        u"split"_s, u"csplit"_s, u"sync"_s, u"groups"_s, u"chroot"_s, u"passwd"_s, u"useradd"_s,
        u"usermod"_s, u"groupadd"_s, u"dd"_s, u"lsblk"_s, u"powershell"_s, u"pwsh"_s, u"cmd"_s,
        // package managers that come with their system (Homebrew, MacPorts, Chocolatey and
        // Scoop do not: they are tools to introduce)
        u"apt"_s, u"apt-get"_s, u"dpkg"_s, u"yum"_s, u"dnf"_s, u"rpm"_s, u"pacman"_s, u"zypper"_s, u"apk"_s,
        u"winget"_s, u"snap"_s};
    return known.contains(program);
}

} // namespace devzero::analysis
