// internal-link and broken-link: links in prose, checked against the
// configured internal hosts and against the repository's files and headings.

#include "sessions/analysis/rulecontext.h"

using namespace Qt::StringLiterals;
using devzero::docindex::Link;

namespace devzero::analysis {

namespace {

bool isLoopback(const QString &host)
{
    return host == u"localhost" || host.endsWith(u".localhost") || host.startsWith(u"127.") || host == u"0.0.0.0"
        || host == u"::1" || host == u"[::1]";
}

// The visible text is the address itself: a bare URL, an autolink or [url](url).
bool showsItsAddress(const Link &link)
{
    auto bare = [](QString t) {
        t = t.trimmed();
        for (const QString &scheme : {u"https://"_s, u"http://"_s})
            if (t.startsWith(scheme, Qt::CaseInsensitive))
                t = t.mid(scheme.size());
        while (t.endsWith(u'/'))
            t.chop(1);
        return t.toLower();
    };
    return link.text.isEmpty() || bare(link.text) == bare(link.target);
}

void checkInternal(RuleContext &context, qsizetype i, const Link &link)
{
    if (link.kind != Link::Kind::External || link.host.isEmpty() || !context.config().isInternalHost(link.host))
        return;
    // "Open http://localhost:8080" tells readers an address on their own machine; a
    // named link ("the admin console") that leads to localhost only works for the author.
    if (isLoopback(link.host) && showsItsAddress(link))
        return;
    context.report(i, u"internal-link"_s, link.line, link.target,
                   u"the link to %1 only works inside the company network (or on the author's machine)"_s.arg(link.host));
}

void checkTarget(RuleContext &context, qsizetype i, const Link &link)
{
    if (link.kind == Link::Kind::Anchor) {
        if (link.anchor.isEmpty() || link.anchor.compare(u"top"_s, Qt::CaseInsensitive) == 0
            || link.anchor.startsWith(u":~:"))
            return;
        if (!context.facts(i).anchors.contains(normaliseAnchor(link.anchor)))
            context.report(i, u"broken-link"_s, link.line, link.target,
                           u"no heading on this page has the anchor #%1"_s.arg(link.anchor));
        return;
    }
    if (link.kind != Link::Kind::Relative)
        return;
    if (link.escapesRepository) {
        context.report(i, u"broken-link"_s, link.line, link.target,
                       u"%1 points outside the repository"_s.arg(link.target));
        return;
    }
    QString path = link.path;
    const bool rooted = link.target.trimmed().startsWith(u'/');
    if (!context.exists(path)) {
        // On a docs site "/x" means the site root, which is the docs folder.
        const QString underDocs = context.docsRoot().isEmpty() ? QString() : context.docsRoot() + u'/' + path;
        if (!rooted || underDocs.isEmpty() || !context.exists(underDocs)) {
            context.report(i, u"broken-link"_s, link.line, link.target,
                           u"%1 does not exist in the repository"_s.arg(path.isEmpty() ? link.target : path));
            return;
        }
        path = underDocs;
    }
    if (link.anchor.isEmpty() || link.anchor.startsWith(u":~:"))
        return; // ":~:text=..." is a browser text fragment, not a heading
    const int target = context.pageIndex(path);
    if (target < 0)
        return; // a file that is not a page: its anchors are not ours to know
    if (!context.facts(target).anchors.contains(normaliseAnchor(link.anchor)))
        context.report(i, u"broken-link"_s, link.line, link.target,
                       u"%1 has no heading with the anchor #%2"_s.arg(context.parsed(target).path, link.anchor));
}

} // namespace

void checkLinks(RuleContext &context)
{
    for (qsizetype i = 0; i < context.size(); ++i) {
        for (const Link &link : context.parsed(i).links) {
            checkInternal(context, i, link);
            checkTarget(context, i, link);
        }
    }
}

} // namespace devzero::analysis
