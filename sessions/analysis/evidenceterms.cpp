#include "sessions/analysis/evidenceterms.h"

namespace devzero::analysis::terms {

namespace {

// Words too common in titles and headings to say which page a note is about.
bool isGenericWord(const QString &lower)
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"about", "after", "before", "begin", "configuration", "configure", "docs", "example",
                              "examples", "first", "from", "getting", "guide", "install", "installation", "installing",
                              "introduction", "into", "more", "next", "notes", "options", "overview", "page",
                              "prerequisites", "reference", "requirements", "setup", "started", "steps", "summary",
                              "that", "their", "then", "this", "troubleshooting", "usage", "using", "what", "when",
                              "where", "which", "with", "your"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return words.contains(lower);
}

// Commands every page uses: naming them says nothing about one page.
bool isCommonProgram(const QString &lower)
{
    static const QSet<QString> programs = [] {
        QSet<QString> s;
        for (const char *w : {"cat", "cd", "cp", "do", "done", "echo", "export", "for", "if", "ls", "mkdir", "mv",
                              "rm", "set", "source", "sudo", "then", "while"})
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    return programs.contains(lower);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

QString anchorAtLine(const PageVocabulary &v, int line)
{
    if (line <= 0)
        return {};
    QString best;
    for (const PageVocabulary::Section &s : v.sections) {
        if (s.startLine <= line && (s.endLine <= 0 || line <= s.endLine))
            best = s.anchor; // sections are nested in line order: the innermost comes last
    }
    return best;
}

void addPhrase(Matcher &m, const QString &text, const QString &anchor)
{
    const QStringList t = tokens(text.toLower());
    if (t.isEmpty())
        return;
    if (t.size() == 1) {
        if (t.first().size() >= 4 && !isGenericWord(t.first()) && !m.words.contains(t.first()))
            m.words.insert(t.first(), anchor);
        return;
    }
    m.phrases.append({QLatin1Char(' ') + t.join(QLatin1Char(' ')) + QLatin1Char(' '), anchor});
}

} // namespace

QStringList tokens(const QString &text)
{
    QStringList out;
    QString current;
    for (QChar c : text) {
        if (isWordChar(c)) {
            current += c;
        } else if (!current.isEmpty()) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        out << current;
    for (QString &t : out) {
        while (t.endsWith(QLatin1Char('-')))
            t.chop(1);
    }
    out.removeAll(QString());
    return out;
}

Matcher buildMatcher(const PageVocabulary &v)
{
    Matcher m;
    for (const PageVocabulary::Section &s : v.sections)
        addPhrase(m, s.heading, s.anchor);
    addPhrase(m, v.title, QString());
    for (const QString &word : tokens(v.title.toLower())) {
        if (word.size() >= 4 && !isGenericWord(word) && !m.words.contains(word))
            m.words.insert(word, QString());
    }
    for (const PageVocabulary::Term &term : v.terms) {
        const QString text = term.text.trimmed();
        if (text.size() < 2)
            continue;
        const QString anchor = anchorAtLine(v, term.line);
        if (term.caseSensitive) {
            if (!m.caseWords.contains(text))
                m.caseWords.insert(text, anchor);
        } else {
            const QString lower = text.toLower();
            if (!isCommonProgram(lower) && !m.words.contains(lower))
                m.words.insert(lower, anchor);
        }
    }
    return m;
}

NoteWords noteWords(const QString &text)
{
    NoteWords w;
    const QStringList t = tokens(text);
    QStringList lowered;
    for (const QString &token : t) {
        w.asWritten.insert(token);
        lowered << token.toLower();
        w.lower.insert(lowered.last());
    }
    w.padded = QLatin1Char(' ') + lowered.join(QLatin1Char(' ')) + QLatin1Char(' ');
    return w;
}

std::optional<QSet<QString>> namedSections(const Matcher &m, const NoteWords &note)
{
    QSet<QString> anchors;
    bool any = false;
    for (const QString &word : note.lower) {
        auto it = m.words.constFind(word);
        if (it != m.words.constEnd()) {
            any = true;
            anchors.insert(*it);
        }
    }
    for (const QString &word : note.asWritten) {
        auto it = m.caseWords.constFind(word);
        if (it != m.caseWords.constEnd()) {
            any = true;
            anchors.insert(*it);
        }
    }
    for (const auto &[phrase, anchor] : m.phrases) {
        if (note.padded.contains(phrase)) {
            any = true;
            anchors.insert(anchor);
        }
    }
    if (!any)
        return std::nullopt;
    anchors.remove(QString());
    return anchors;
}

bool namesTerm(const QString &text, const QString &term)
{
    const QString t = term.trimmed();
    if (t.isEmpty())
        return false;
    const bool checkStart = isWordChar(t.front());
    const bool checkEnd = isWordChar(t.back());
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(t, from, Qt::CaseInsensitive);
        if (at < 0)
            return false;
        const qsizetype end = at + t.size();
        const bool startOk = !checkStart || at == 0 || !isWordChar(text.at(at - 1));
        const bool endOk = !checkEnd || end >= text.size() || !isWordChar(text.at(end));
        if (startOk && endOk)
            return true;
        from = at + 1;
    }
}

} // namespace devzero::analysis::terms
