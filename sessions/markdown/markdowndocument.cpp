#include "sessions/markdown/markdowndocument.h"

#include <cmark.h>

namespace devzero::markdown {

namespace {

Node::Type toType(cmark_node_type type)
{
    switch (type) {
    case CMARK_NODE_DOCUMENT: return Node::Type::Document;
    case CMARK_NODE_BLOCK_QUOTE: return Node::Type::BlockQuote;
    case CMARK_NODE_LIST: return Node::Type::List;
    case CMARK_NODE_ITEM: return Node::Type::Item;
    case CMARK_NODE_CODE_BLOCK: return Node::Type::CodeBlock;
    case CMARK_NODE_HTML_BLOCK: return Node::Type::HtmlBlock;
    case CMARK_NODE_CUSTOM_BLOCK: return Node::Type::CustomBlock;
    case CMARK_NODE_PARAGRAPH: return Node::Type::Paragraph;
    case CMARK_NODE_HEADING: return Node::Type::Heading;
    case CMARK_NODE_THEMATIC_BREAK: return Node::Type::ThematicBreak;
    case CMARK_NODE_TEXT: return Node::Type::Text;
    case CMARK_NODE_SOFTBREAK: return Node::Type::SoftBreak;
    case CMARK_NODE_LINEBREAK: return Node::Type::LineBreak;
    case CMARK_NODE_CODE: return Node::Type::Code;
    case CMARK_NODE_HTML_INLINE: return Node::Type::HtmlInline;
    case CMARK_NODE_CUSTOM_INLINE: return Node::Type::CustomInline;
    case CMARK_NODE_EMPH: return Node::Type::Emph;
    case CMARK_NODE_STRONG: return Node::Type::Strong;
    case CMARK_NODE_LINK: return Node::Type::Link;
    case CMARK_NODE_IMAGE: return Node::Type::Image;
    case CMARK_NODE_NONE: break;
    }
    return Node::Type::None;
}

QString fromCString(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// The next node in pre-order after `node`'s subtree, never leaving `root`.
cmark_node *nextOutside(cmark_node *node, cmark_node *root)
{
    while (node && node != root) {
        if (cmark_node *sibling = cmark_node_next(node))
            return sibling;
        node = cmark_node_parent(node);
    }
    return nullptr;
}

int parseOptions(int options)
{
    // Invalid UTF-8 is replaced with U+FFFD so every later step sees valid text.
    int flags = CMARK_OPT_VALIDATE_UTF8;
    if (options & Document::Smart)
        flags |= CMARK_OPT_SMART; // cmark applies smart punctuation while parsing
    return flags;
}

int renderOptions(int options)
{
    int flags = CMARK_OPT_DEFAULT;
    if (options & Document::SourcePositions)
        flags |= CMARK_OPT_SOURCEPOS;
    if (options & Document::Unsafe)
        flags |= CMARK_OPT_UNSAFE;
    return flags;
}

} // namespace

Node::Type Node::type() const
{
    return m_node ? toType(cmark_node_get_type(m_node)) : Type::None;
}

bool Node::isBlock() const
{
    if (!m_node)
        return false;
    const cmark_node_type t = cmark_node_get_type(m_node);
    return t >= CMARK_NODE_FIRST_BLOCK && t <= CMARK_NODE_LAST_BLOCK;
}

Node Node::parent() const { return Node(m_node ? cmark_node_parent(m_node) : nullptr); }
Node Node::firstChild() const { return Node(m_node ? cmark_node_first_child(m_node) : nullptr); }
Node Node::lastChild() const { return Node(m_node ? cmark_node_last_child(m_node) : nullptr); }
Node Node::next() const { return Node(m_node ? cmark_node_next(m_node) : nullptr); }
Node Node::previous() const { return Node(m_node ? cmark_node_previous(m_node) : nullptr); }

int Node::startLine() const { return m_node ? cmark_node_get_start_line(m_node) : 0; }
int Node::startColumn() const { return m_node ? cmark_node_get_start_column(m_node) : 0; }
int Node::endLine() const { return m_node ? cmark_node_get_end_line(m_node) : 0; }
int Node::endColumn() const { return m_node ? cmark_node_get_end_column(m_node) : 0; }

int Node::headingLevel() const
{
    return type() == Type::Heading ? cmark_node_get_heading_level(m_node) : 0;
}

bool Node::isOrderedList() const
{
    return type() == Type::List && cmark_node_get_list_type(m_node) == CMARK_ORDERED_LIST;
}

int Node::listStart() const
{
    return isOrderedList() ? cmark_node_get_list_start(m_node) : 0;
}

QByteArrayView Node::literalUtf8() const
{
    if (!m_node)
        return {};
    const char *text = cmark_node_get_literal(m_node);
    return text ? QByteArrayView(text, qsizetype(qstrlen(text))) : QByteArrayView();
}

QString Node::literal() const
{
    return m_node ? fromCString(cmark_node_get_literal(m_node)) : QString();
}

QString Node::url() const
{
    const Type t = type();
    return (t == Type::Link || t == Type::Image) ? fromCString(cmark_node_get_url(m_node)) : QString();
}

QString Node::title() const
{
    const Type t = type();
    return (t == Type::Link || t == Type::Image) ? fromCString(cmark_node_get_title(m_node)) : QString();
}

QString Node::fenceInfo() const
{
    return type() == Type::CodeBlock ? fromCString(cmark_node_get_fence_info(m_node)) : QString();
}

QString Node::plainText() const
{
    if (!m_node)
        return {};
    // Collected as UTF-8 and converted once: this runs over every page of a
    // docs index, so no std::function and no per-node QString.
    QByteArray utf8;
    cmark_node *node = m_node;
    while (node) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            if (const char *text = cmark_node_get_literal(node))
                utf8.append(text);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            utf8.append('\n');
            break;
        default:
            break;
        }
        cmark_node *child = cmark_node_first_child(node);
        node = child ? child : nextOutside(node, m_node);
    }
    return QString::fromUtf8(utf8);
}

void Node::walk(const std::function<bool(Node)> &visitor) const
{
    cmark_node *node = m_node;
    while (node) {
        // The next node is chosen after the visit, so a visitor that only
        // reads the tree is always safe.
        const bool descend = visitor(Node(node));
        cmark_node *child = descend ? cmark_node_first_child(node) : nullptr;
        node = child ? child : nextOutside(node, m_node);
    }
}

void Document::Deleter::operator()(cmark_node *node) const
{
    cmark_node_free(node);
}

Document::Document() = default;
Document::~Document() = default;
Document::Document(Document &&) noexcept = default;
Document &Document::operator=(Document &&) noexcept = default;

Document Document::parse(QByteArrayView utf8, int options)
{
    const char *data = utf8.data() ? utf8.data() : "";
    Document document;
    document.m_root.reset(cmark_parse_document(data, size_t(utf8.size()), parseOptions(options)));
    return document;
}

Node Document::root() const
{
    return Node(m_root.get());
}

QByteArray Document::renderHtml(int options) const
{
    if (!m_root)
        return {};
    char *html = cmark_render_html(m_root.get(), renderOptions(options));
    if (!html)
        return {};
    QByteArray result(html);
    cmark_get_default_mem_allocator()->free(html);
    return result;
}

QByteArray renderHtml(QByteArrayView utf8, int options)
{
    return Document::parse(utf8, options).renderHtml(options);
}

} // namespace devzero::markdown
