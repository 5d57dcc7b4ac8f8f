#include "sessions/docindex/codeowners.h"

namespace devzero::docindex {

namespace {

bool isOwnerToken(const QString &token)
{
    static const QRegularExpression owner(QStringLiteral(R"(^(@[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+)?|[^@\s]+@[^@\s]+)$)"));
    return owner.match(token).hasMatch();
}

// Splits a line on unescaped whitespace; "\ " keeps a space in a pattern.
QStringList splitFields(const QString &line)
{
    QStringList fields;
    QString current;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            current += c;
            current += line.at(++i);
        } else if (c.isSpace()) {
            if (!current.isEmpty())
                fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        fields << current;
    return fields;
}

QString toRegex(const QString &glob)
{
    QString out;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*') && i + 1 < glob.size() && glob.at(i + 1) == QLatin1Char('*')) {
            if (i + 2 < glob.size() && glob.at(i + 2) == QLatin1Char('/')) {
                out += QLatin1String("(?:.*/)?"); // "**/": zero or more folders
                i += 2;
            } else {
                out += QLatin1String(".*");
                i += 1;
            }
        } else if (c == QLatin1Char('*')) {
            out += QLatin1String("[^/]*");
        } else if (c == QLatin1Char('?')) {
            out += QLatin1String("[^/]");
        } else if (c == QLatin1Char('\\') && i + 1 < glob.size()) {
            out += QRegularExpression::escape(QString(glob.at(++i)));
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    return out;
}

} // namespace

const QStringList &codeOwnersLocations()
{
    static const QStringList locations = {QStringLiteral(".github/CODEOWNERS"), QStringLiteral("CODEOWNERS"),
                                          QStringLiteral("docs/CODEOWNERS")};
    return locations;
}

CodeOwners CodeOwners::parse(QByteArrayView text, const QString &fileName)
{
    CodeOwners result;
    result.m_fileName = fileName;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int lineNumber = int(n + 1);
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto problem = [&](const QString &message) {
            result.m_problems << QStringLiteral("%1:%2: %3").arg(fileName).arg(lineNumber).arg(message);
        };
        QStringList fields = splitFields(line);
        QString pattern = fields.takeFirst();
        if (pattern.startsWith(QLatin1Char('!'))) {
            problem(QStringLiteral("negation (!) is not supported by GitHub; line ignored"));
            continue;
        }
        if (pattern.contains(QLatin1Char('[')))
            problem(QStringLiteral("character ranges ([...]) are not supported by GitHub; matched literally"));

        CodeOwnersRule rule;
        rule.pattern = pattern;
        rule.line = lineNumber;
        for (const QString &field : std::as_const(fields)) {
            if (field.startsWith(QLatin1Char('#')))
                break; // the rest of the line is a comment
            if (!isOwnerToken(field))
                problem(QStringLiteral("'%1' is not an @user, @org/team or e-mail owner").arg(field));
            rule.owners << field;
        }

        QString glob = pattern;
        const bool leadingSlash = glob.startsWith(QLatin1Char('/'));
        while (glob.startsWith(QLatin1Char('/')))
            glob.remove(0, 1);
        rule.foldersOnly = glob.endsWith(QLatin1Char('/'));
        while (glob.endsWith(QLatin1Char('/')))
            glob.chop(1);
        if (glob.isEmpty()) {
            glob = QStringLiteral("**"); // "/" alone: the whole repository
            rule.foldersOnly = false;
        }
        const bool anchored = leadingSlash || glob.contains(QLatin1Char('/'));
        const QString lastSegment = glob.section(QLatin1Char('/'), -1);
        const bool singleStarGlob = lastSegment.contains(QLatin1Char('*')) && lastSegment != QLatin1String("**");
        rule.coversDescendants = rule.foldersOnly || !singleStarGlob;
        const QString prefix = anchored ? QStringLiteral("^") : QStringLiteral("^(?:.*/)?");
        rule.regex = QRegularExpression(prefix + toRegex(glob) + QLatin1Char('$'));
        rule.regex.optimize();
        if (!rule.regex.isValid()) {
            problem(QStringLiteral("pattern '%1' cannot be read; line ignored").arg(pattern));
            continue;
        }
        result.m_rules << rule;
    }
    return result;
}

CodeOwnersMatch CodeOwners::match(const QString &path) const
{
    for (auto it = m_rules.crbegin(); it != m_rules.crend(); ++it) {
        const CodeOwnersRule &rule = *it;
        bool hit = !rule.foldersOnly && rule.regex.match(QStringView(path)).hasMatch();
        if (!hit && rule.coversDescendants) {
            for (qsizetype slash = path.indexOf(QLatin1Char('/')); slash > 0 && !hit;
                 slash = path.indexOf(QLatin1Char('/'), slash + 1)) {
                hit = rule.regex.match(QStringView(path).left(slash)).hasMatch();
            }
        }
        if (hit)
            return CodeOwnersMatch{true, rule.owners, rule.line, rule.pattern};
    }
    return {};
}

} // namespace devzero::docindex
