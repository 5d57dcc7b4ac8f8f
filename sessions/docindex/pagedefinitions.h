#pragma once

// Where a page defines a term: "Application Programming Interface (API)",
// "API (Application Programming Interface)", glossary list items
// ("- **Term**: meaning", "- **Term** - meaning"), definition lists
// ("Term" then ": meaning"), and "X is a ..." / "X refers to ..." at the start
// of a paragraph.

#include "sessions/docindex/parsedpage.h"

#include <QList>
#include <QString>

namespace devzero::docindex {

// The prose of one block (paragraph or heading) with soft and hard breaks as
// '\n', and the file line each of its lines starts on.
struct ProseBlock
{
    QString text;
    QList<qsizetype> lineOffsets; // offset in `text` where each line starts
    QList<int> lines;             // its file line
    int lineAt(qsizetype offset) const;
};

// "Words (ACR)" and "ACR (Words)" where the initials or capitals of the words
// spell the acronym (case-insensitive initials; "of", "and", "the"... may be
// skipped; "OpenID Connect (OIDC)" uses OpenID's capitals).
void findAcronymDefinitions(const ProseBlock &prose, QList<Definition> &out);

// "Argo CD is a declarative ...", "Kubernetes is an ...", "RBAC refers to ...":
// a capitalised term of up to four words or an acronym, not a pronoun, at the
// start of the paragraph; the meaning is the rest of the sentence.
void findSentenceDefinition(const ProseBlock &prose, QList<Definition> &out);

// "Term\n: meaning" pairs inside one paragraph. `previous` is the paragraph
// just before when it was a single line (the "Term\n\n: meaning" form), or null.
void findDefinitionList(const ProseBlock &prose, const ProseBlock *previous, QList<Definition> &out);

// A glossary item: the bold text that opens a list item and what follows
// the separator (":" inside or after the bold, "-", "–", "—"). Admonition
// labels ("Note", "Warning", ...) and empty meanings are not definitions.
bool glossaryDefinition(const QString &boldText, const QString &rest, int line, QList<Definition> &out);

} // namespace devzero::docindex
