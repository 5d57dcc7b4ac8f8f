#include "sessions/docindex/mkdocsconfig.h"

namespace devzero::docindex {

namespace {

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

// Drops a trailing " # comment" that is outside quotes.
QString stripComment(const QString &line)
{
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || line.at(i - 1).isSpace())) {
            return line.left(i);
        }
    }
    return line;
}

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))
        return value.mid(1, value.size() - 2).replace(QLatin1String("''"), QLatin1String("'"));
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        return value.mid(1, value.size() - 2).replace(QLatin1String("\\\""), QLatin1String("\""));
    return value;
}

// Splits "key: value" at the first ": " (or a trailing ':') outside quotes.
bool splitKeyValue(const QString &text, QString *key, QString *value)
{
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char(':') && (i + 1 == text.size() || text.at(i + 1) == QLatin1Char(' '))) {
            *key = unquote(text.left(i));
            *value = text.mid(i + 1).trimmed();
            return true;
        }
    }
    return false;
}

} // namespace

QStringList mkdocsConfigCandidates(const QString &subdir)
{
    QStringList candidates = {QStringLiteral("mkdocs.yml"), QStringLiteral("mkdocs.yaml")};
    if (!subdir.isEmpty()) {
        candidates << subdir + QStringLiteral("/mkdocs.yml") << subdir + QStringLiteral("/mkdocs.yaml");
    }
    return candidates;
}

MkDocsConfig parseMkDocsConfig(QByteArrayView yaml, const QString &fileName)
{
    MkDocsConfig config;
    const QStringList lines = QString::fromUtf8(yaml).split(QLatin1Char('\n'));
    bool inNav = false;
    // Open nav sections: (indent of their "- Title:" line, title).
    QList<QPair<int, QString>> sections;

    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int lineNumber = int(n + 1);
        QString raw = lines.at(n);
        raw.replace(QLatin1Char('\t'), QLatin1String("    "));
        if (raw.endsWith(QLatin1Char('\r')))
            raw.chop(1);
        const QString line = stripComment(raw);
        if (line.trimmed().isEmpty())
            continue;
        const int indent = indentOf(line);
        const QString text = line.trimmed();

        if (indent == 0 && !text.startsWith(QLatin1Char('-'))) {
            inNav = false;
            QString key;
            QString value;
            if (!splitKeyValue(text, &key, &value))
                continue;
            if (value.startsWith(QLatin1Char('!')))
                value.clear(); // a tag (!ENV ...): the value is not known here
            if (key == QLatin1String("nav")) {
                inNav = value.isEmpty();
                if (!inNav)
                    config.problems << QStringLiteral("%1:%2: inline nav lists are not read").arg(fileName).arg(lineNumber);
                sections.clear();
            } else if (key == QLatin1String("docs_dir") && !value.isEmpty()) {
                config.docsDir = unquote(value);
                while (config.docsDir.endsWith(QLatin1Char('/')))
                    config.docsDir.chop(1);
                if (config.docsDir.startsWith(QLatin1String("./")))
                    config.docsDir.remove(0, 2);
            } else if (key == QLatin1String("site_url") && !value.isEmpty()) {
                config.siteUrl = unquote(value);
            } else if (key == QLatin1String("use_directory_urls") && !value.isEmpty()) {
                config.useDirectoryUrls = unquote(value).toLower() != QLatin1String("false");
            }
            continue;
        }
        if (!inNav || !text.startsWith(QLatin1Char('-')))
            continue;

        while (!sections.isEmpty() && sections.last().first >= indent)
            sections.removeLast();
        const QString item = text.mid(1).trimmed();
        QString title;
        QString target;
        if (splitKeyValue(item, &title, &target)) {
            target = unquote(target);
            if (target.isEmpty()) {
                sections.append({indent, title});
                continue;
            }
        } else {
            target = unquote(item);
        }
        MkDocsNavEntry entry;
        entry.title = title;
        entry.target = target;
        entry.line = lineNumber;
        for (const auto &section : std::as_const(sections))
            entry.parents << section.second;
        config.nav << entry;
    }
    return config;
}

} // namespace devzero::docindex
