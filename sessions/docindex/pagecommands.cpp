#include "sessions/docindex/pagecommands.h"

using namespace Qt::StringLiterals;

namespace devzero::docindex {

namespace {

enum class Family { Posix, PowerShell, Cmd };

constexpr qsizetype kMaxJoinedLines = 200;

bool inList(QStringView word, std::initializer_list<QStringView> list)
{
    for (const QStringView item : list)
        if (word == item)
            return true;
    return false;
}

bool isConsoleLanguage(QStringView lang)
{
    return lang.isEmpty()
        || inList(lang, {u"console", u"terminal", u"shell-session", u"shellsession", u"sh-session", u"bash-session", u"doscon", u"ps1con", u"pwsh-session"});
}

Family familyOf(QStringView lang)
{
    if (inList(lang, {u"powershell", u"ps1", u"pwsh", u"ps", u"posh", u"ps1con", u"pwsh-session"}))
        return Family::PowerShell;
    if (inList(lang, {u"cmd", u"bat", u"batch", u"dos", u"doscon"}))
        return Family::Cmd;
    return Family::Posix;
}

bool isWordChar(QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-'; }

bool isPromptChar(QChar c) { return c == u'$' || c == u'#' || c == u'%'; }

bool isUpperName(QStringView name)
{
    if (name.size() < 2 || !(name[0] >= u'A' && name[0] <= u'Z'))
        return false;
    for (const QChar c : name)
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'))
            return false;
    return true;
}

// "user@host:~$", "root@box:/#": a word, '@', a host, optional ":path", then $ # %.
bool isUserHostPrompt(QStringView token)
{
    if (token.size() < 4 || !isPromptChar(token.back()))
        return false;
    const qsizetype at = token.indexOf(u'@');
    if (at <= 0)
        return false;
    for (qsizetype i = 0; i < at; ++i)
        if (!isWordChar(token[i]))
            return false;
    qsizetype i = at + 1;
    const qsizetype hostStart = i;
    while (i < token.size() - 1 && isWordChar(token[i]))
        ++i;
    if (i == hostStart)
        return false;
    return i == token.size() - 1 || token[i] == u':';
}

struct Prompt
{
    bool found = false;
    QStringView rest;
};

Prompt stripPrompt(QStringView line, bool console)
{
    QStringView s = line.trimmed();
    if (s.startsWith(u'(')) { // "(venv) $ pip install"
        const qsizetype close = s.indexOf(u')');
        if (close > 1 && close < 64 && close + 1 < s.size() && s[close + 1] == u' ')
            s = s.sliced(close + 2).trimmed();
    }
    auto after = [&](qsizetype n) { return Prompt{true, s.sliced(qMin(n, s.size())).trimmed()}; };
    if (s == u"$" || s == u"%" || s == u">" || (console && s == u"#"))
        return after(1);
    if (s.size() >= 2 && s[1] == u' ' && (s[0] == u'$' || s[0] == u'%' || s[0] == u'>' || (console && s[0] == u'#')))
        return after(2);
    if (s.startsWith(u"PS>"))
        return after(3);
    if (s.startsWith(u"PS ")) {
        const qsizetype close = s.indexOf(u'>');
        if (close > 3 && close < 128)
            return after(close + 1);
    }
    if (s.size() >= 4 && s[0].isLetter() && s[1] == u':' && s[2] == u'\\') { // C:\Users\me>
        const qsizetype close = s.indexOf(u'>');
        if (close > 2 && close < 128)
            return after(close + 1);
    }
    if (s.startsWith(u'[')) { // [user@host dir]$
        const qsizetype close = s.indexOf(u']');
        if (close > 1 && close < 128 && close + 1 < s.size() && isPromptChar(s[close + 1])
            && (close + 2 == s.size() || s[close + 2] == u' '))
            return after(close + 2);
    }
    const qsizetype space = s.indexOf(u' ');
    const QStringView first = space < 0 ? s : s.first(space);
    if (isUserHostPrompt(first))
        return after(first.size());
    if (space > 0 && first.contains(u':')) { // MacBook:~ user$
        const QStringView rest = s.sliced(space + 1);
        const qsizetype space2 = rest.indexOf(u' ');
        const QStringView second = space2 < 0 ? rest : rest.first(space2);
        if (second.size() >= 2 && isPromptChar(second.back())) {
            bool word = true;
            for (const QChar c : second.first(second.size() - 1))
                word = word && isWordChar(c);
            if (word)
                return after(space + 1 + second.size());
        }
    }
    return {false, line.trimmed()};
}

bool isComment(QStringView text, Family family)
{
    if (family == Family::Cmd)
        return text.startsWith(u"::") || text.compare(u"rem", Qt::CaseInsensitive) == 0
            || text.startsWith(u"rem ", Qt::CaseInsensitive);
    return text.startsWith(u'#');
}

QChar continuationChar(Family family)
{
    return family == Family::PowerShell ? u'`' : family == Family::Cmd ? u'^' : u'\\';
}

// True when a quote opened on this text is still open at its end.
bool quoteLeftOpen(QStringView text, Family family)
{
    if (family == Family::Cmd)
        return false;
    const QChar escape = family == Family::PowerShell ? u'`' : u'\\';
    QChar open;
    bool wordStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (open.isNull()) {
            if (c == escape) {
                ++i;
                continue;
            }
            if (c == u'#' && wordStart)
                return false; // the rest is a comment
            if (c == u'\'' || c == u'"')
                open = c;
            wordStart = c.isSpace() || c == u';' || c == u'|' || c == u'&';
        } else if (c == open) {
            open = QChar();
        } else if (c == escape && open == u'"') {
            ++i;
        }
    }
    return !open.isNull();
}

// The here-document delimiter in "cat <<EOF", "<<-'END'", or empty.
QString heredocDelimiter(QStringView text, bool *stripTabs)
{
    const qsizetype at = text.indexOf(u"<<");
    if (at < 0 || text.sliced(at).startsWith(u"<<<"))
        return {};
    QStringView rest = text.sliced(at + 2);
    *stripTabs = rest.startsWith(u'-');
    if (*stripTabs)
        rest = rest.sliced(1);
    rest = rest.trimmed();
    if (rest.startsWith(u'\'') || rest.startsWith(u'"'))
        rest = rest.sliced(1);
    qsizetype n = 0;
    while (n < rest.size() && (rest[n].isLetterOrNumber() || rest[n] == u'_'))
        ++n;
    return rest.first(n).toString();
}

QStringView firstWord(QStringView text)
{
    const qsizetype space = text.indexOf(u' ');
    return space < 0 ? text : text.first(space);
}

void collectAssignments(QStringView command, int line, QList<Term> &out)
{
    // Leading NAME=value words, and the names export/set/setx/$env: set.
    QStringView s = command.trimmed();
    auto assignmentName = [](QStringView word) -> QStringView {
        const qsizetype eq = word.indexOf(u'=');
        return eq > 0 ? word.first(eq) : QStringView();
    };
    auto add = [&](QStringView name) {
        if (isUpperName(name))
            out.append({name.toString(), line});
    };
    const QStringView head = firstWord(s);
    if (head.startsWith(u"$env:", Qt::CaseInsensitive)) {
        QStringView name = head.sliced(5);
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0)
            name = name.first(eq);
        add(name);
        return;
    }
    if (head == u"export" || head == u"setx" || head == u"set" || head == u"declare") {
        for (QStringView word : s.sliced(head.size()).split(u' ', Qt::SkipEmptyParts)) {
            if (word.startsWith(u'-'))
                continue;
            const QStringView name = assignmentName(word);
            add(name.isEmpty() ? word : name);
            if (head != u"export" && head != u"declare")
                break; // setx NAME value / set NAME=value: one name
        }
        return;
    }
    for (QStringView word : s.split(u' ', Qt::SkipEmptyParts)) {
        const QStringView name = assignmentName(word);
        if (name.isEmpty() || !isUpperName(name))
            break;
        add(name);
    }
}

} // namespace

bool CodeBlock::isShell() const
{
    static const std::initializer_list<QStringView> shells = {
        u"bash", u"sh", u"shell", u"console", u"zsh", u"terminal", u"powershell", u"ps1", u"pwsh", u"ps",
        u"posh", u"cmd", u"bat", u"batch", u"dos", u"doscon", u"fish", u"ksh", u"csh", u"tcsh",
        u"shell-session", u"shellsession", u"sh-session", u"bash-session", u"ps1con", u"pwsh-session"};
    if (!language.isEmpty())
        return inList(language, shells);
    for (QStringView line : QStringView(code).split(u'\n')) {
        line = line.trimmed();
        if (line == u"$" || line.startsWith(u"$ "))
            return true;
    }
    return false;
}

QString languageFromInfo(QStringView info)
{
    QStringView s = info.trimmed();
    if (s.startsWith(u'{')) { // pandoc: {.bash .numberLines}
        s = s.sliced(1);
        if (s.endsWith(u'}'))
            s.chop(1);
        s = s.trimmed();
        for (const QStringView word : s.split(u' ', Qt::SkipEmptyParts)) {
            if (word.startsWith(u'.')) {
                s = word.sliced(1);
                break;
            }
        }
    }
    qsizetype end = 0;
    while (end < s.size() && !s[end].isSpace() && s[end] != u'{' && s[end] != u',' && s[end] != u'=' && s[end] != u'}')
        ++end;
    return s.first(end).toString().toLower();
}

QString programOf(QStringView command)
{
    const QList<QStringView> words = command.trimmed().split(u' ', Qt::SkipEmptyParts);
    qsizetype i = 0;
    auto isAssignment = [](QStringView w) {
        const qsizetype eq = w.indexOf(u'=');
        if (eq <= 0 || !(w[0].isLetter() || w[0] == u'_'))
            return false;
        for (const QChar c : w.first(eq))
            if (!(c.isLetterOrNumber() || c == u'_'))
                return false;
        return true;
    };
    while (i < words.size()) {
        const QStringView w = words[i];
        if (isAssignment(w)) {
            ++i;
        } else if (w == u"sudo" || w == u"doas" || w == u"env") {
            ++i;
            while (i < words.size() && words[i].startsWith(u'-')) {
                const bool takesValue = inList(words[i], {u"-u", u"-g", u"-C", u"-h", u"-p", u"-U", u"-D", u"-S"});
                i += takesValue ? 2 : 1;
            }
        } else {
            break;
        }
    }
    if (i >= words.size() || words[i].startsWith(u'$'))
        return {}; // "$env:X = 1", "$var = ...": an assignment, no program
    QStringView program = words[i];
    while (!program.isEmpty() && (program.front() == u'"' || program.front() == u'\''))
        program = program.sliced(1);
    while (!program.isEmpty() && (program.back() == u'"' || program.back() == u'\'' || program.back() == u';'))
        program.chop(1);
    const qsizetype slash = qMax(program.lastIndexOf(u'/'), program.lastIndexOf(u'\\'));
    if (slash >= 0 && slash + 1 < program.size())
        program = program.sliced(slash + 1);
    return program.toString();
}

void extractCommands(const CodeBlock &block, int firstLine, QList<Command> &commands, QList<Term> &assignments,
                     QList<int> *outputLines)
{
    const bool console = isConsoleLanguage(block.language);
    const Family family = familyOf(block.language);
    const QChar continuation = continuationChar(family);
    QList<QStringView> lines = QStringView(block.code).split(u'\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();

    QList<Prompt> prompts;
    prompts.reserve(lines.size());
    bool anyPrompt = false;
    for (const QStringView line : lines) {
        prompts.append(stripPrompt(line, console));
        anyPrompt = anyPrompt || prompts.back().found;
    }

    for (qsizetype i = 0; i < lines.size();) {
        const Prompt &prompt = prompts[i];
        const qsizetype start = i++;
        if (anyPrompt && !prompt.found) {
            if (outputLines)
                outputLines->append(firstLine + int(start));
            continue; // output of the command before
        }
        QStringView first = prompt.rest;
        if (first.isEmpty() || isComment(first, family))
            continue;
        QString text = first.toString();
        // Joins continuation lines; a PS2 "> " prompt on them is not part of the command.
        while (i < lines.size() && i - start < kMaxJoinedLines) {
            auto nextLine = [&] {
                QStringView next = lines[i++];
                if (console || anyPrompt) {
                    const QStringView t = next.trimmed();
                    if (t.startsWith(u"> ") || t == u">")
                        next = t.sliced(qMin<qsizetype>(2, t.size()));
                }
                return next;
            };
            if (text.endsWith(continuation) && !(continuation == u'\\' && text.endsWith(u"\\\\"))) {
                text.chop(1);
                text = text.trimmed() + u' ' + nextLine().trimmed();
            } else if (quoteLeftOpen(text, family)) {
                text += u'\n' + nextLine().toString();
            } else {
                break;
            }
        }
        bool stripTabs = false;
        const QString delimiter = family == Family::Posix ? heredocDelimiter(text, &stripTabs) : QString();
        if (!delimiter.isEmpty()) {
            while (i < lines.size()) {
                QStringView body = lines[i++];
                if (anyPrompt) {
                    const QStringView t = body.trimmed();
                    if (t.startsWith(u"> ") || t == u">")
                        body = t.sliced(qMin<qsizetype>(2, t.size()));
                }
                if (body.trimmed() == delimiter)
                    break;
            }
        }
        QStringView command = QStringView(text).trimmed();
        QStringView head = firstWord(command);
        while (inList(head, {u"do", u"then", u"else", u"{", u"("}) && head.size() < command.size()) {
            command = command.sliced(head.size()).trimmed();
            head = firstWord(command);
        }
        if (inList(head, {u"do", u"then", u"else", u"done", u"fi", u"esac", u"}", u")", u";;", u"{", u"("}))
            continue;
        const int line = firstLine + int(start);
        collectAssignments(command, line, assignments);
        commands.append({programOf(command), command.toString(), line});
    }
}

} // namespace devzero::docindex
