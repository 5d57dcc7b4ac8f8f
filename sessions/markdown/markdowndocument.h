#pragma once

// The one adapter around cmark: nobody outside sessions/markdown calls cmark_*.
// Document owns the parsed tree (RAII); Node is a cheap non-owning view that
// is valid while its Document lives.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>
#include <memory>

struct cmark_node;

namespace devzero::markdown {

class Node
{
public:
    enum class Type {
        None,
        Document,
        BlockQuote,
        List,
        Item,
        CodeBlock,
        HtmlBlock,
        CustomBlock,
        Paragraph,
        Heading,
        ThematicBreak,
        Text,
        SoftBreak,
        LineBreak,
        Code,
        HtmlInline,
        CustomInline,
        Emph,
        Strong,
        Link,
        Image,
    };

    Node() = default;
    explicit Node(cmark_node *node) : m_node(node) {}

    bool isNull() const { return m_node == nullptr; }
    Type type() const;
    bool isBlock() const;

    Node parent() const;
    Node firstChild() const;
    Node lastChild() const;
    Node next() const;
    Node previous() const;

    // 1-based source positions as cmark reports them (0 when unknown).
    int startLine() const;
    int startColumn() const;
    int endLine() const;
    int endColumn() const;

    int headingLevel() const;     // Heading: 1..6, else 0
    bool isOrderedList() const;   // List
    int listStart() const;        // ordered List: first number
    QByteArrayView literalUtf8() const; // Text, Code, CodeBlock, HtmlBlock, HtmlInline
    QString literal() const;
    QString url() const;          // Link, Image
    QString title() const;        // Link, Image
    QString fenceInfo() const;    // CodeBlock: the info string ("bash title=x")

    // The text of all Text/Code descendants, soft and hard breaks as '\n'.
    QString plainText() const;

    // Depth-first, pre-order over this node and its descendants. Return
    // false from the visitor to skip a node's children.
    void walk(const std::function<bool(Node)> &visitor) const;

    cmark_node *raw() const { return m_node; }
    bool operator==(const Node &o) const { return m_node == o.m_node; }

private:
    cmark_node *m_node = nullptr;
};

class Document
{
public:
    enum Option {
        Default = 0,
        SourcePositions = 1 << 0, // keep data-sourcepos in rendered HTML
        Smart = 1 << 1,           // smart punctuation
        Unsafe = 1 << 2,          // keep raw HTML and dangerous URLs when rendering (never for untrusted docs)
    };

    // Parses UTF-8 Markdown. cmark replaces invalid UTF-8 with U+FFFD, never fails.
    static Document parse(QByteArrayView utf8, int options = Default);

    Document();
    ~Document();
    Document(Document &&) noexcept;
    Document &operator=(Document &&) noexcept;
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    Node root() const;

    // HTML of the whole document. Safe by default: raw HTML is replaced by a
    // comment and javascript:/vbscript:/file:/data: (non-image) links dropped.
    QByteArray renderHtml(int options = Default) const;

private:
    struct Deleter {
        void operator()(cmark_node *node) const;
    };
    std::unique_ptr<cmark_node, Deleter> m_root;
};

// Renders a Markdown fragment straight to safe HTML (convenience).
QByteArray renderHtml(QByteArrayView utf8, int options = Document::Default);

} // namespace devzero::markdown
