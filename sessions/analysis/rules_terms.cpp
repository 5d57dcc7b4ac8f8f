// unexplained-env-var and unexplained-placeholder: values a command needs
// that the reader is never told how to get.

#include "sessions/analysis/rulecontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

// Set by every shell or operating system.
bool isStandardVariable(const QString &name)
{
    static const QSet<QString> standard = {
        u"HOME"_s,       u"PATH"_s,        u"USER"_s,        u"PWD"_s,          u"SHELL"_s,         u"TMPDIR"_s,
        u"TMP"_s,        u"TEMP"_s,        u"EDITOR"_s,      u"VISUAL"_s,       u"LANG"_s,          u"HOSTNAME"_s,
        u"UID"_s,        u"EUID"_s,        u"RANDOM"_s,      u"OLDPWD"_s,       u"TERM"_s,          u"IFS"_s,
        u"SECONDS"_s,    u"LINENO"_s,      u"BASH_SOURCE"_s, u"PPID"_s,         u"LOGNAME"_s,       u"PS1"_s,
        u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s, u"XDG_CACHE_HOME"_s, u"USERPROFILE"_s, u"APPDATA"_s,
        u"LOCALAPPDATA"_s, u"PROGRAMFILES"_s, u"USERNAME"_s,  u"OSTYPE"_s,       u"HOSTTYPE"_s,      u"MACHTYPE"_s,
        u"PROFILE"_s,    u"PSHOME"_s,      u"COMPUTERNAME"_s, u"SYSTEMROOT"_s,  u"WINDIR"_s};
    return standard.contains(name);
}

void noteName(QHash<QString, int> &names, const QString &name, int line)
{
    auto it = names.find(name);
    if (it == names.end())
        names.insert(name, line);
    else if (line < *it)
        *it = line;
}

struct VariableNotes
{
    QHash<QString, int> set;   // set by a command (export, assignment, read, for), first line
    QHash<QString, int> named; // named in prose or inline code, first line
    QStringList prefixes;      // families named in prose: `PARAM_{name}`, `QS_*` -> "PARAM_", "QS_"

    bool explains(const QString &name) const
    {
        if (named.contains(name))
            return true;
        for (const QString &prefix : prefixes)
            if (name.startsWith(prefix) && name.size() > prefix.size())
                return true;
        return false;
    }
};

VariableNotes variableNotes(const RuleContext &context, qsizetype i)
{
    static const QRegularExpression identifier(u"\\b([A-Z][A-Z0-9_]*[A-Z0-9])\\b"_s);
    static const QRegularExpression readOrFor(u"\\b(?:read(?:\\s+-\\w+)*|for)\\s+([A-Z][A-Z0-9_]+)\\b"_s);
    VariableNotes notes;
    const docindex::ParsedPage &page = context.parsed(i);
    for (const docindex::Term &set : page.envAssignments)
        noteName(notes.set, set.text, set.line);
    for (const docindex::Command &command : page.commands) {
        auto it = readOrFor.globalMatch(command.text);
        while (it.hasNext())
            noteName(notes.set, it.next().captured(1), command.line);
    }
    static const QRegularExpression family(u"\\b([A-Z][A-Z0-9_]*_)(?:\\{|\\*|<|\\$\\{)"_s);
    for (const ProseBlock &block : context.facts(i).prose.blocks) {
        for (qsizetype l = 0; l < block.text.size(); ++l) {
            auto it = identifier.globalMatch(block.text[l]);
            while (it.hasNext())
                noteName(notes.named, it.next().captured(1), block.startLine + int(l));
            auto families = family.globalMatch(block.text[l]);
            while (families.hasNext())
                notes.prefixes << families.next().captured(1);
        }
    }
    return notes;
}

// Is the variable really expanded by the shell on this line? Not when every
// use sits in single quotes ('${ARGOCD_APP_NAME}' is passed on literally, for
// another program to expand), and %NAME% only means a variable in cmd and
// PowerShell blocks (elsewhere it is text such as date +%FT%T).
bool expandedHere(const QString &line, const QString &name, const QString &language)
{
    bool dollarUse = false;
    bool expanded = false;
    bool inSingle = false;
    bool inDouble = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == u'\\' && !inSingle) {
            ++i;
            continue;
        }
        if (c == u'\'' && !inDouble) {
            inSingle = !inSingle;
            continue;
        }
        if (c == u'"' && !inSingle) {
            inDouble = !inDouble;
            continue;
        }
        if (c != u'$')
            continue;
        QStringView rest = QStringView(line).sliced(i + 1);
        if (rest.startsWith(u'{'))
            rest = rest.sliced(1);
        else if (rest.startsWith(u"env:", Qt::CaseInsensitive))
            rest = rest.sliced(4);
        if (rest.startsWith(name) && (rest.size() == name.size() || !(rest[name.size()].isLetterOrNumber() || rest[name.size()] == u'_'))) {
            dollarUse = true;
            expanded = expanded || !inSingle;
        }
    }
    if (dollarUse)
        return expanded;
    static const QSet<QString> percentShells = {u"cmd"_s, u"bat"_s, u"batch"_s, u"dos"_s, u"doscon"_s,
                                                u"powershell"_s, u"ps1"_s, u"pwsh"_s, u"ps"_s};
    return percentShells.contains(language);
}

QString languageAt(const docindex::ParsedPage &page, int line)
{
    for (const docindex::CodeBlock &block : page.codeBlocks)
        if (line >= block.startLine && line <= block.endLine)
            return block.language;
    return {};
}

} // namespace

void checkEnvVars(RuleContext &context)
{
    QHash<qsizetype, VariableNotes> cache;
    auto notes = [&](qsizetype i) -> const VariableNotes & {
        auto it = cache.find(i);
        if (it == cache.end())
            it = cache.insert(i, variableNotes(context, i));
        return *it;
    };
    for (qsizetype i = 0; i < context.size(); ++i) {
        const docindex::ParsedPage &page = context.parsed(i);
        for (const docindex::Term &use : page.envVars) {
            if (!context.inShellBlock(i, use.line) || isStandardVariable(use.text)
                || context.config().knownEnvVars.contains(use.text))
                continue;
            if (!expandedHere(context.facts(i).prose.lines.value(use.line - 1), use.text, languageAt(page, use.line)))
                continue;
            // Set before the use, or named in the page's prose (a "where FOO is ..." after the
            // block explains it too), or set or named on a prerequisite page.
            const VariableNotes &here = notes(i);
            const int setAt = here.set.value(use.text, 0);
            bool ok = (setAt > 0 && setAt <= use.line) || here.explains(use.text);
            for (const int prerequisite : context.facts(i).prerequisitePages)
                ok = ok || notes(prerequisite).set.contains(use.text) || notes(prerequisite).explains(use.text);
            if (ok)
                continue;
            const QString line = context.facts(i).prose.lines.value(use.line - 1);
            qsizetype at = findWord(line, use.text, 0, Qt::CaseSensitive);
            if (at > 0 && (line[at - 1] == u'$' || line[at - 1] == u'{'))
                at = line.lastIndexOf(u'$', at); // the column of "$NAME" / "${NAME}"
            context.report(i, u"unexplained-env-var"_s, use.line, use.text,
                           u"$%1 is read here, but nothing on this page or its prerequisites sets it or says what "
                           u"it should hold"_s.arg(use.text),
                           0, at >= 0 ? int(at) + 1 : 0);
        }
    }
}

namespace {

// Words of a placeholder, for finding it named in prose: "<your-ngrok-token>"
// -> "ngrok token", "YOUR_LIVE_WEBHOOK_URL" -> "live webhook url".
QStringList placeholderWords(const QString &placeholder)
{
    static const QSet<QString> filler = {u"your"_s, u"my"_s, u"the"_s, u"a"_s, u"an"_s, u"here"_s,
                                         u"replace"_s, u"me"_s, u"insert"_s, u"enter"_s};
    QString spaced;
    for (qsizetype i = 0; i < placeholder.size(); ++i) {
        const QChar c = placeholder[i];
        if (c.isLetterOrNumber()) {
            if (c.isUpper() && i > 0 && placeholder[i - 1].isLower())
                spaced += u' ';
            spaced += c.toLower();
        } else {
            spaced += u' ';
        }
    }
    QStringList words;
    for (const QString &w : spaced.split(u' ', Qt::SkipEmptyParts)) {
        bool allX = w.size() > 2;
        for (const QChar c : w)
            allX = allX && c == u'x';
        if (!filler.contains(w) && !allX)
            words << w;
    }
    return words;
}

bool hasExplanationCue(const QString &text)
{
    static const QRegularExpression cue(
        u"\\b(replace|replacing|where|get|gets|got|find|found|create|created|copy|copied|from|dashboard|generate|"
        u"generated|obtain|obtained|printed|prints|shows|shown|listed|example|such as|e\\.g|for instance|set to|"
        u"name of|id of|address of|your own|you chose|you picked|is the|is your|are the|with your|with the|"
        u"means|stands for|value of|returned|issued|assigned)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return cue.match(text).hasMatch();
}

// Values a reader never has to look up.
bool isSelfEvident(const QString &placeholder)
{
    static const QSet<QString> values = {u"none"_s, u"nil"_s, u"null"_s, u"pending"_s, u"unknown"_s, u"empty"_s,
                                         u"redacted"_s, u"hidden"_s, u"invalid"_s, u"no value"_s, u"optional"_s};
    QString inner = placeholder;
    if (inner.startsWith(u'<') && inner.endsWith(u'>'))
        inner = inner.mid(1, inner.size() - 2);
    return values.contains(inner.toLower());
}

// A value the reader has to obtain from somewhere (a secret, an id, an
// address), as opposed to a name they choose (<app-name>, <namespace>):
// only those need a sentence saying where they come from. Redacted values
// ("sk_test_xxxx", "XXXXXX") are always of the first kind.
bool needsOrigin(const QString &placeholder, const QStringList &words)
{
    // Names, paths and files are the reader's choice; a placeholder that
    // describes itself ("<id field from the last command>") needs no sentence.
    static const QSet<QString> chosen = {u"name"_s, u"names"_s, u"path"_s, u"file"_s, u"filename"_s, u"dir"_s,
                                         u"directory"_s, u"folder"_s};
    static const QSet<QString> linking = {u"from"_s, u"of"_s, u"for"_s, u"that"_s, u"in"_s, u"with"_s,
                                          u"through"_s, u"by"_s};
    if (!words.isEmpty() && (chosen.contains(words.last()) || chosen.contains(words.first())))
        return false;
    if (words.size() >= 4)
        return false;
    for (const QString &w : words)
        if (words.size() >= 3 && linking.contains(w))
            return false;
    static const QSet<QString> origins = {
        u"token"_s,   u"key"_s,     u"secret"_s,  u"credential"_s, u"credentials"_s,
        u"certificate"_s, u"cert"_s, u"id"_s,     u"uuid"_s,     u"guid"_s,       u"url"_s,        u"uri"_s,
        u"endpoint"_s, u"host"_s,   u"hostname"_s, u"address"_s, u"server"_s,     u"domain"_s,     u"account"_s,
        u"tenant"_s,  u"subscription"_s, u"reference"_s, u"fingerprint"_s, u"digest"_s, u"sha"_s, u"auth"_s,
        u"apikey"_s, u"clientid"_s, u"webhook"_s, u"ip"_s};
    for (const QString &w : words)
        if (origins.contains(w))
            return true;
    int xs = 0;
    for (const QChar c : placeholder) {
        xs = (c == u'x' || c == u'X') ? xs + 1 : 0;
        if (xs >= 4)
            return true;
    }
    return false;
}

// A comment on the placeholder's line or the line above ("# from the dashboard").
bool explainedInCode(const QStringList &lines, int line)
{
    for (const int l : {line, line - 1}) {
        const QString text = lines.value(l - 1);
        qsizetype hash = text.indexOf(u" #");
        if (text.trimmed().startsWith(u'#'))
            hash = text.indexOf(u'#');
        if (const qsizetype slashes = text.indexOf(u" //"); hash < 0 && slashes >= 0)
            hash = slashes;
        if (hash >= 0 && hasExplanationCue(text.mid(hash)))
            return true;
    }
    return false;
}

// The key or option a value is given for on its line: "clientID" in
// "clientID: XXXX", "token" in "--token xxxx" or "TOKEN=xxxx".
QString keyBefore(const QString &line, const QString &placeholder, bool *assigned)
{
    *assigned = false;
    const qsizetype at = line.indexOf(placeholder);
    if (at <= 0)
        return {};
    // "space-webhook-url: https://x/<space_id>": the key of the value the placeholder sits in.
    static const QRegularExpression keyed(u"([A-Za-z0-9_.-]+)\"?(?::\\s+|\\s*=\\s*)\"?\\S*$"_s);
    if (const auto match = keyed.match(line.left(at)); match.hasMatch()) {
        *assigned = true;
        return match.captured(1);
    }
    QString before = line.left(at).trimmed();
    while (!before.isEmpty() && (before.endsWith(u':') || before.endsWith(u'=') || before.endsWith(u'"')
                                 || before.endsWith(u'\'') || before.endsWith(u' ')))
        before.chop(1);
    static const QRegularExpression separator(u"[\\s\"'{(,]"_s);
    const qsizetype start = before.lastIndexOf(separator) + 1;
    QString key = before.mid(start);
    while (key.startsWith(u'-'))
        key.remove(0, 1);
    return key;
}

bool isTemplate(const QString &placeholder)
{
    return placeholder.startsWith(u"{{") || placeholder.startsWith(u"${{");
}

} // namespace

void checkPlaceholders(RuleContext &context)
{
    for (qsizetype i = 0; i < context.size(); ++i) {
        const docindex::ParsedPage &page = context.parsed(i);
        if (page.placeholders.isEmpty())
            continue;
        const PageFacts &facts = context.facts(i);
        QList<QString> proseTexts; // per block, lower-case, lines joined
        QList<QString> rawTexts;
        for (const ProseBlock &block : facts.prose.blocks) {
            rawTexts << block.text.join(u' ');
            proseTexts << rawTexts.last().toLower();
        }
        QHash<QString, bool> explained;
        QSet<int> flaggedLines; // several placeholders in one value (a URL) make one flag
        for (const docindex::Term &use : page.placeholders) {
            // Commands are what a reader runs and gets stuck on; a configuration
            // example is a template whose keys say what goes where.
            if (!context.inShellBlock(i, use.line) || flaggedLines.contains(use.line) || isTemplate(use.text)
                || isSelfEvident(use.text)
                || !needsOrigin(use.text, placeholderWords(use.text)))
                continue;
            if (explainedInCode(facts.prose.lines, use.line))
                continue;
            // "(?<key>...)" is a named group of a regular expression, not a placeholder.
            const QString &codeLine = facts.prose.lines.value(use.line - 1);
            if (codeLine.contains(u"(?"_s + use.text))
                continue;
            auto known = explained.find(use.text);
            if (known == explained.end()) {
                bool ok = false;
                QList<QStringList> phrases;
                const QStringList words = placeholderWords(use.text);
                if (!words.isEmpty())
                    phrases << words;
                if (words.size() > 2)
                    phrases << words.mid(words.size() - 2);
                // "clientID: XXXXXXXX", "--token xxxx": a redacted value takes its name from its key.
                bool assigned = false;
                const QString key = keyBefore(facts.prose.lines.value(use.line - 1), use.text, &assigned);
                const QStringList keyWords = placeholderWords(key);
                if (!keyWords.isEmpty())
                    phrases << keyWords;
                phrases.removeIf([](const QStringList &p) { return p.join(u' ').size() < 3; });
                for (qsizetype b = 0; b < rawTexts.size() && !ok; ++b) {
                    // A parameter list naming the key ("`apiURL` - the server url") explains its value.
                    if (assigned && key.size() >= 3 && findWord(rawTexts[b], key, 0, Qt::CaseSensitive) >= 0) {
                        ok = true;
                        break;
                    }
                    bool named = rawTexts[b].contains(use.text);
                    for (const QStringList &phrase : std::as_const(phrases))
                        for (const QChar sep : {u' ', u'-', u'_'})
                            named = named || findWord(proseTexts[b], phrase.join(sep)) >= 0;
                    ok = named && hasExplanationCue(rawTexts[b]);
                }
                known = explained.insert(use.text, ok);
            }
            if (*known)
                continue;
            flaggedLines.insert(use.line);
            context.report(i, u"unexplained-placeholder"_s, use.line, use.text,
                           u"%1 must be replaced, but no sentence says where the reader gets the value"_s.arg(use.text));
        }
    }
}

} // namespace devzero::analysis
