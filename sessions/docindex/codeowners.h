#pragma once

// CODEOWNERS with GitHub's rules: the last matching line wins; `*` and `?`
// stay inside one path segment, `**` crosses segments; a leading `/` or a
// slash inside the pattern anchors it at the repository root, a pattern
// without one matches at any depth; a trailing `/` matches folders only;
// a pattern that names a folder owns everything below it, except when its
// last segment is a single-star glob (`docs/*` owns docs/a.md, not
// docs/sub/b.md); a line with no owners unassigns what it matches. `!`
// negation and `[...]` ranges are not supported by GitHub and are reported.

#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace devzero::docindex {

// Where GitHub looks, in order: the first file found is the only one used.
const QStringList &codeOwnersLocations();

struct CodeOwnersRule
{
    QString pattern;
    QStringList owners; // empty: unassigns
    int line = 0;
    QRegularExpression regex;
    bool foldersOnly = false;  // trailing slash
    bool coversDescendants = true;
};

struct CodeOwnersMatch
{
    bool matched = false;
    QStringList owners;
    int line = 0;
    QString pattern;
};

class CodeOwners
{
public:
    static CodeOwners parse(QByteArrayView text, const QString &fileName = QStringLiteral("CODEOWNERS"));

    CodeOwnersMatch match(const QString &path) const;

    QString fileName() const { return m_fileName; }
    const QList<CodeOwnersRule> &rules() const { return m_rules; }
    // "CODEOWNERS:7: negation (!) is not supported by GitHub; line ignored"
    const QStringList &problems() const { return m_problems; }

private:
    QString m_fileName;
    QList<CodeOwnersRule> m_rules;
    QStringList m_problems;
};

} // namespace devzero::docindex
